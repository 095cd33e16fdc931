"""Graphviz as the layout engine of the pictures: in-process through pygraphviz, else `dot`.

pygraphviz (2.0 and later) ships wheels that bundle Graphviz itself (Linux x86_64 and aarch64,
macOS, Windows; BSD-3 with Graphviz under EPL-2.0), so `pip install govgraph` brings the engine
along. Where that wheel cannot be had, Graphviz's own `dot` program on PATH (Debian:
`apt install graphviz`) does the same job through a pipe. Both answer Graphviz's JSON output,
which layered.py reads; where neither is there, the caller falls back to the pure-Python
layout and says so in one line.

`GOVGRAPH_GRAPHVIZ` chooses: `auto` (default), `pygraphviz`, `dot`, or `off` (the pure-Python
layout, e.g. to compare).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import warnings
from functools import cache

ENGINES = ("auto", "pygraphviz", "dot", "off")
TIMEOUT = 60.0


class EngineMissing(Exception):
    """No Graphviz here (or it was switched off)."""


class EngineFailed(Exception):
    """Graphviz ran but gave no layout."""


def choice() -> str:
    from govgraph.graph.settings import read

    value = read().graphviz.strip().lower() or "auto"
    return value if value in ENGINES else "auto"


@cache
def _pygraphviz():
    try:
        import pygraphviz
    except (ImportError, OSError):  # OSError: a wheel without its bundled libraries
        return None
    return pygraphviz


def available() -> str | None:
    """Which engine would run: "pygraphviz", "dot" or None."""
    wanted = choice()
    if wanted in ("auto", "pygraphviz") and _pygraphviz() is not None:
        return "pygraphviz"
    if wanted in ("auto", "dot") and shutil.which("dot"):
        return "dot"
    return None


def layout_json(source: str, prog: str = "dot") -> dict:
    """Graphviz's layout of the DOT `source` as its JSON document (positions in points)."""
    engine = available()
    if engine is None:
        raise EngineMissing(prog)
    # pygraphviz runs in a child process: Graphviz aborts the whole process on some inputs
    # (an assertion in dot's mincross, seen with labelled edges inside a rank), and a picture
    # command must then still end with one clear line, not a core dump.
    if engine == "pygraphviz":
        command = [sys.executable, "-m", "govgraph.graph.views.engine", prog]
    else:
        command = [shutil.which("dot") or "dot", f"-K{prog}", "-Tjson"]
    try:
        done = subprocess.run(
            command,
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise EngineFailed(str(error)) from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise EngineFailed(lines[-1][:200] if lines else f"exit {done.returncode}")
    data = done.stdout
    try:
        return json.loads(data)
    except ValueError as error:
        raise EngineFailed(f"unreadable output: {error}") from None


def _child(prog: str) -> None:
    """DOT on stdin, Graphviz's JSON on stdout, through pygraphviz (see layout_json)."""
    pgv = _pygraphviz()
    with warnings.catch_warnings():  # Graphviz's notes ("no size for …") are not errors
        warnings.simplefilter("ignore")
        graph = pgv.AGraph(string=sys.stdin.read())
        data = graph.draw(format="json", prog=prog)
    sys.stdout.buffer.write(data)


if __name__ == "__main__":
    _child(sys.argv[1] if len(sys.argv) > 1 else "dot")
