"""Refresh the command output shown in the documentation (docs/*.md and README.md).

Every `$ govgraph …` line inside a ```console block is run again (with GOVGRAPH_TODAY=2026-11-27
and a 100-column terminal, so the output is reproducible) and the output below it is replaced.
Commands that need a running server (push, serve, --endpoint, GOVGRAPH_ENDPOINT), write files,
use pipes or quotes, blocks with several commands and outputs abbreviated with a line "…" are
left as they are.

    python docs/refresh_output.py            # refresh every page
    python docs/refresh_output.py --check    # exit 1 (and name the pages) if one is out of date
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
PAGES = [*sorted(DOCS.glob("*.md")), DOCS.parent / "README.md"]
SKIP = ("push", "serve", "--endpoint", "GOVGRAPH_ENDPOINT", "|", "'", "-o ", "--output")
ENV = {**os.environ, "GOVGRAPH_TODAY": "2026-11-27", "COLUMNS": "100", "GOVGRAPH_NO_CACHE": "1"}


def _run(command: str) -> str:
    args = shlex.split(command)[1:]
    result = subprocess.run(
        [sys.executable, "-c", "from govgraph.cli.main import run; run()", *args],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=DOCS.parent,
        timeout=120,
    )
    return (result.stdout + result.stderr).rstrip("\n")


def refresh(text: str) -> str:
    """Re-run the single-line govgraph commands of every console block."""

    def block(match: re.Match) -> str:
        body = match.group(1)
        lines = body.split("\n")
        commands = [i for i, line in enumerate(lines) if line.startswith("$ ")]
        if len(commands) != 1 or commands[0] != 0 or "…" in lines:
            return match.group(0)  # several commands, or output deliberately abbreviated
        command = lines[0][2:]
        if not command.startswith("govgraph ") or any(s in command for s in SKIP):
            return match.group(0)
        return f"```console\n$ {command}\n{_run(command)}\n```"

    return re.sub(r"```console\n(.*?)\n```", block, text, flags=re.DOTALL)


def main() -> None:
    check = "--check" in sys.argv
    stale = []
    for path in PAGES:
        text = path.read_text(encoding="utf-8")
        updated = refresh(text)
        if updated != text:
            stale.append(path.name)
            if not check:
                path.write_text(updated, encoding="utf-8")
    if check and stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
