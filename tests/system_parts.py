"""Optional parts of the system the tests need (chromium, libcairo, rsvg-convert, Jena, Virtuoso,
grlc from the package index): one rule for all of them.

Outside CI a missing part skips its tests with a one-line hint on what to install. In CI it fails
them: .ci/run installs every part, and a skip there would hide a break. CI means the variable CI
is `true` (as .ci/run and CI services set it); unset, empty or `false` is not CI.
"""

from __future__ import annotations

import os

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


def need(found: object, what: str, install: str, *, module: bool = False) -> None:
    """Go on if `found`; else fail in CI, skip elsewhere (`module`: at a test module's top)."""
    if found:
        return
    if in_ci():
        pytest.fail(f"{what} is missing: .ci/run installs it ({install})", pytrace=False)
    pytest.skip(f"{what} is not installed ({install})", allow_module_level=module)


def cairo_available() -> bool:
    """cairosvg loads the cairo library when imported; without it the import fails."""
    try:
        import cairosvg  # noqa: F401
    except OSError:
        return False
    return True
