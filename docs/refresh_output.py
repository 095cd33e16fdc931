"""Refresh the command output shown in the documentation (docs/*.md and README.md).

Every `$ govgraph …` line inside a ```console block is run again (with GOVGRAPH_TODAY=2026-11-27
and a 100-column terminal, so the output is reproducible) and the output below it is replaced.
Commands that need a running server (push, serve, --endpoint, GOVGRAPH_ENDPOINT), write files,
use pipes or quotes, blocks with several commands and outputs abbreviated with a line "…" are
left as they are.

    python docs/refresh_output.py            # refresh every page
    python docs/refresh_output.py --check    # exit 1 (and name the pages) if one is out of date
    python docs/refresh_output.py --screenshot   # also docs/images/web-start.png

The screenshot needs chromium and Playwright (the test extra); the tests never write it. The
briefing pictures: `GOVGRAPH_WRITE_IMAGES=1 pytest -n 0 tests/test_viz_pictures.py -k readme`.
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


def screenshot() -> None:
    """docs/images/web-start.png: the start page with the search suggestions open."""
    import shutil

    sys.path.insert(0, str(DOCS.parent / "tests"))
    from playwright.sync_api import sync_playwright
    from web_server import running_server

    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
    with running_server() as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=flags)
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        page.goto(url + "/")
        page.get_by_label("Name, Abkürzung oder Thema").press_sequentially("Regist", delay=30)
        page.locator("#q-suggestions a").first.wait_for()
        (DOCS / "images" / "web-start.png").write_bytes(page.screenshot(full_page=False))
        browser.close()


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
    if "--screenshot" in sys.argv and not check:
        screenshot()


if __name__ == "__main__":
    main()
