"""Rules for the project's own house: a warning from govgraph's code fails the suite, and commit
subjects since the rule began stay within 72 characters (tools/commit_msg.py)."""

from __future__ import annotations

import importlib.util
import subprocess
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("commit_msg", ROOT / "tools" / "commit_msg.py")
commit_msg = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(commit_msg)


def test_a_warning_from_govgraph_fails_the_suite() -> None:
    # pyproject.toml: filterwarnings "error:::govgraph" — as if a govgraph module warned
    with pytest.raises(UserWarning, match="half-written"):
        warnings.warn_explicit("half-written file", UserWarning, "cache.py", 1, "govgraph.graph")


def test_a_third_party_warning_is_filtered_only_by_name() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.warn_explicit("something else", DeprecationWarning, "graph.py", 1, "rdflib.graph")
    assert caught, "an unnamed third-party warning is still shown, not swallowed"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("settings: one object\n\nWhy it matters.\n", None),
        ("x" * 72 + "\n", None),
        ("x" * 73 + "\n", "subject has 73 characters, at most 72"),
        ("subject\nbody without a blank line\n", "leave the second line empty"),
        ("# only a comment\n\n", "no subject line"),
        ("subject\n# Please enter the commit message\n", None),
    ],
)
def test_the_commit_message_rule(message: str, expected: str | None) -> None:
    found = commit_msg.problem(message)
    assert (found is None) if expected is None else (expected in found)


def test_the_hook_refuses_a_long_subject_with_one_line(tmp_path: Path) -> None:
    message = tmp_path / "COMMIT_EDITMSG"
    message.write_text("y" * 80 + "\n\nwhy\n", encoding="utf-8")
    done = subprocess.run(
        ["python3", str(ROOT / "tools" / "commit_msg.py"), str(message)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert (
        done.stderr.startswith("commit-msg: subject has 80 characters")
        and done.stderr.count("\n") == 1
    )
