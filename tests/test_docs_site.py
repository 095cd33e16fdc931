"""The documentation: the MkDocs site builds with every warning an error (broken links and anchors
too), the README stays a front page a newcomer reads, docs/testing.md lists every test area,
and the console output the pages show is what govgraph prints."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).with_name("mkdocs")


def test_the_site_builds_strictly(tmp_path: Path) -> None:
    site = tmp_path / "site"
    done = subprocess.run(
        [str(MKDOCS), "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    nav = re.findall(r":\s*([\w-]+)\.md\s*$", (ROOT / "mkdocs.yml").read_text(), flags=re.M)
    assert len(nav) >= 15
    for page in nav:
        built = site / ("index.html" if page == "index" else f"{page}/index.html")
        assert built.is_file(), page
    pages = {p.stem for p in (ROOT / "docs").glob("*.md")}
    assert pages == set(nav), "every page in the navigation, and only pages that exist"


def test_the_readme_is_a_front_page() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 250
    # the two set-up commands: install and ask; install with the tests and run them
    assert "pip install . && govgraph who" in text
    assert "pip install -e '.[test]' && pytest" in text
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text):
        if not target.startswith(("http://", "https://")):
            assert (ROOT / target).exists(), target


def test_testing_md_lists_every_test_area() -> None:
    listed = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        area = path.stem.split("_")[1]
        assert f"`test_{area}" in listed, f"{path.name}: area {area!r} not in docs/testing.md"


def test_the_console_output_in_the_docs_is_what_govgraph_prints() -> None:
    """Every `$ govgraph …` block a page shows is what the command prints today: a change of
    data or wording that alters an answer is refreshed with `python docs/refresh_output.py`."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "refresh_output.py"), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-2000:]
