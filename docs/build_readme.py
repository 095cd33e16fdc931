"""Refresh the command output shown in the tours and put the tours into README.md.

Every `$ govgraph …` line inside a ```console block of docs/tour-*.md is run again (with
GOVGRAPH_TODAY=2026-11-27 and a 100-column terminal, so the output is reproducible) and the
output below it is replaced. Commands that need a running server (push, serve, --endpoint,
GOVGRAPH_ENDPOINT), write files, use pipes or quotes, blocks with several commands and outputs
abbreviated with a line "…" are left as they are. Then README.md gets the tours
between its TOURS markers, one heading level down.

    python docs/build_readme.py            # refresh the tours and README.md
    python docs/build_readme.py --check    # exit 1 if README.md is not up to date
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
README = DOCS.parent / "README.md"
TOURS = ["tour-policy.md", "tour-research.md", "tour-views.md"]
BEGIN, END = "<!-- TOURS:BEGIN (docs/build_readme.py) -->", "<!-- TOURS:END -->"
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


def tours_markdown() -> str:
    parts = []
    for name in TOURS:
        text = (DOCS / name).read_text(encoding="utf-8")
        top = min(len(h) for h in re.findall(r"^(#+) ", text, flags=re.M))
        shift = 2 - top  # each tour's own title becomes a section (##) of the README
        text = re.sub(
            r"^(#+) ", lambda m, s=shift: "#" * min(len(m.group(1)) + s, 6) + " ", text, flags=re.M
        )
        text = text.replace("](images/", "](docs/images/")
        parts.append(text.strip())
    return "\n\n".join(parts)


def main() -> None:
    check = "--check" in sys.argv
    if not check:
        for name in TOURS:
            path = DOCS / name
            path.write_text(refresh(path.read_text(encoding="utf-8")), encoding="utf-8")
    readme = README.read_text(encoding="utf-8")
    start, stop = readme.index(BEGIN) + len(BEGIN), readme.index(END)
    updated = readme[:start] + "\n\n" + tours_markdown() + "\n\n" + readme[stop:]
    if check:
        sys.exit(0 if updated == readme else 1)
    README.write_text(updated, encoding="utf-8")


if __name__ == "__main__":
    main()
