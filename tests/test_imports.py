"""Start-up stays light: help and query commands import neither rdflib nor pyvis."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("rdflib", "pyvis", "networkx", "pyshacl", "SPARQLWrapper", "IPython")

PROBE = f"""
import sys
HEAVY = {HEAVY!r}
from govgraph.cli.main import run
sys.argv = ["govgraph", *sys.argv[1:]]
code = 0
try:
    run()
except SystemExit as stop:
    code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
heavy = sorted(set(m.split('.')[0] for m in sys.modules) & set(HEAVY))
print("HEAVY=" + ",".join(heavy), file=sys.stderr)
print(f"EXIT={{code}}", file=sys.stderr)
"""


def _heavy_modules(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=120
    )
    line = [x for x in result.stderr.splitlines() if x.startswith("HEAVY=")]
    assert line, result.stderr
    # The command must have worked: one that fails before importing anything is light too.
    assert "EXIT=0" in result.stderr.splitlines(), result.stderr
    return line[0].removeprefix("HEAVY=")


@pytest.mark.parametrize(
    "args",
    [("--help",), ("stats",), ("cache", "info"), ("export", "--format", "nt", "-o", "/dev/null")],
)
def test_no_heavy_imports(args):
    assert _heavy_modules(*args) == ""
