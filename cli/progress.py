"""A progress bar on stderr for work that takes a while, shown only on a terminal."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click

DELAY_SECONDS = 1.0  # quick work stays silent


@contextmanager
def stderr_progress(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """Yields a callback (done, total) that draws a bar once work runs longer than a second."""
    if not sys.stderr.isatty():
        yield None
        return
    started = time.monotonic()
    bar = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            if time.monotonic() - started < DELAY_SECONDS:
                return
            bar = click.progressbar(length=max(total, 1), label=label, file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)

    try:
        yield update
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
