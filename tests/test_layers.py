"""The layers of docs/architecture.md hold: `lint-imports` (import-linter) checks the contracts in
pyproject.toml, and breaks when a module imports against them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    """Run the documented command; --no-cache, so that a test writes nothing into the tree."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_the_contracts_hold() -> None:
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr
    assert "3 kept, 0 broken" in done.stdout


@pytest.mark.parametrize(
    ("module", "added", "expected"),
    [
        # a backend reaching up into the answers
        (
            "graph/store/backend.py",
            "from govgraph.graph.answers import records",
            "govgraph.graph.store is not allowed to import govgraph.graph.answers",
        ),
        # runner imports catalog; the other way round closes a circle inside sparql
        (
            "graph/sparql/catalog.py",
            "from govgraph.graph.sparql import runner",
            "No cycles are allowed in govgraph.graph.sparql",
        ),
        # the engine never imports click
        ("graph/i18n/catalog.py", "import click", "govgraph.graph is not allowed to import click"),
    ],
)
def test_an_import_against_them_breaks_them(
    tmp_path: Path, module: str, added: str, expected: str
) -> None:
    # A copy of the package as a plain folder `govgraph/`, found before the installed one.
    for part in ("graph", "cli", "web"):
        shutil.copytree(ROOT / part, tmp_path / "govgraph" / part, ignore=_not_code)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    target = tmp_path / "govgraph" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{added}\n", encoding="utf-8")
    done = lint_imports(tmp_path)
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr
    assert expected in " ".join(done.stdout.split()), done.stdout[-3000:]


def _not_code(folder: str, names: list[str]) -> list[str]:
    return [n for n in names if n == "__pycache__" or n.endswith((".ttl", ".txt", ".xml"))]
