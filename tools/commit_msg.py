"""Commit messages: a subject of at most 72 characters, then a blank line, then the why.

Used as git's commit-msg hook (.githooks/commit-msg; enable it once with
`git config core.hooksPath .githooks`); tests/test_suite_rules.py checks the check itself.

    python tools/commit_msg.py FILE      # exit 1 with one line when FILE's message breaks it
"""

from __future__ import annotations

import sys
from pathlib import Path

MAX_SUBJECT = 72


def problem(message: str) -> str | None:
    """What is wrong with a commit message (git's comment lines ignored), or None."""
    lines = [line for line in message.splitlines() if not line.startswith("#")]
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines or not lines[0].strip():
        return "the commit message has no subject line"
    subject = lines[0]
    if len(subject) > MAX_SUBJECT:
        return f"subject has {len(subject)} characters, at most {MAX_SUBJECT}: {subject[:40]}…"
    if len(lines) > 1 and lines[1].strip():
        return "leave the second line empty: subject, blank line, then the why"
    return None


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: commit_msg.py FILE", file=sys.stderr)
        return 2
    found = problem(Path(argv[1]).read_text(encoding="utf-8", errors="replace"))
    if found:
        print(f"commit-msg: {found}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
