"""Command help: the catalogue's bilingual summary line, then the details of the docstring."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TypeVar

from govgraph.graph.i18n import bilingual

F = TypeVar("F", bound=Callable[..., object])


def summary(key: str) -> Callable[[F], F]:
    """Put `bilingual(key)` above the function's docstring, which click shows as its help.

    Why: the one-line summary is read in both languages and so lives in the catalogue; the
    details (notes, `\\b` example blocks) stay in the docstring beside the code they describe.
    Use it as the decorator nearest to `def`, so click sees the combined text.
    """

    def decorate(f: F) -> F:
        details = inspect.cleandoc(f.__doc__ or "")
        f.__doc__ = bilingual(key) + ("\n\n" + details if details else "")
        return f

    return decorate
