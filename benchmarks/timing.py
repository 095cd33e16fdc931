"""Timing helpers shared by the benchmark scripts, so every number is taken the same way."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable


def median_call(fn: Callable[[], object], repeat: int) -> float:
    """Median wall seconds of `repeat` calls: one slow call (a cold cache) does not count twice."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cli_seconds(*args: str) -> float:
    """Wall seconds of one whole `govgraph ARGS` process, start-up included, as a user waits."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", "from govgraph.cli.main import run; run()", *args],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start
