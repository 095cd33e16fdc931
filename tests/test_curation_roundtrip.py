"""The whole curation path: add a source, draft, review a few candidates, see the diff and the
answers change, keep drafts out of answers, and remove the source to get the old answers back."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from conftest import FIXED_TODAY

DATA = Path(__file__).parent / "data" / "curation"


def _number(listing: str, pattern: str) -> str:
    """The candidate number of the first `review --list` line matching `pattern`."""
    for line in listing.splitlines():
        if re.search(pattern, line):
            return re.match(r"\[(\d+)\]", line).group(1)
    raise AssertionError(f"no candidate matches {pattern!r} in:\n{listing}")


def _who(govgraph, *extra: str) -> str:
    result = govgraph("--today", FIXED_TODAY, *extra, "who", "Registermodernisierung")
    assert result.code == 0, result.err
    return result.out


def test_round_trip(govgraph):
    before = _who(govgraph)
    meta = ["--kind", "secondary", "--publisher", "Städtetag Rheinland-Pfalz", "--issued", "2026"]
    add = govgraph("source", "add", str(DATA / "pressemitteilung.txt"), *meta)
    assert add.code == 0, add.err
    assert govgraph("draft", "pressemitteilung").code == 0
    draft = Path(os.environ["GOVGRAPH_DATA_DIR"]) / "drafts" / "pressemitteilung.ttl"
    assert "ggc:draft" in draft.read_text(encoding="utf-8")

    # Drafts stay out of answers, unless asked for, and then they are labelled.
    assert _who(govgraph) == before
    with_drafts = _who(govgraph, "--include-drafts")
    assert "Entwurf" in with_drafts and "40" in with_drafts

    listing = govgraph("review", str(draft), "--list").out
    land = _number(listing, r"FundingArrangement\s+Land Rheinland-Pfalz finanziert")
    kommunen = _number(listing, r"FundingArrangement\s+Kommunen in Rheinland-Pfalz finanziert")
    trier = _number(listing, r"Membership\s+Trier")
    new = _number(listing, r"NewEntity\s+Digitalrat")
    reviewed = govgraph("review", str(draft), "--accept", land, "--accept", trier,
                        "--accept", new, "--reject", kommunen)  # fmt: skip
    assert reviewed.code == 0, reviewed.err
    assert "3 angenommen" in reviewed.out

    # The diff names what was accepted, and only that.
    diff = json.loads(govgraph("diff", "--format", "json").out)
    facts = " | ".join(c["label"] for c in diff["new-fact"])
    assert "Land Rheinland-Pfalz finanziert" in facts and "Trier" in facts
    assert "Kommunen in Rheinland-Pfalz" not in facts
    assert [c["label"] for c in diff["new-entity"]] == ["Digitalrat Rheinland-Pfalz"]
    text = govgraph("diff", "--since", "pressemitteilung").out
    assert "Neue Fakten / new facts: 2" in text
    later = json.loads(govgraph("diff", "--since", "2999-01-01", "--format", "json").out)
    assert later["sources"] == [] and later["new-fact"] == []
    unknown = govgraph("diff", "--since", "gibtsnicht")
    assert unknown.code == 2 and unknown.err.count("\n") == 1

    # The answers change accordingly: the accepted financing, as a stated fact.
    after = _who(govgraph)
    assert after != before and "40" in after and "Entwurf" not in after
    assert govgraph("validate").code == 0

    # Removing the source restores the previous answers exactly.
    assert govgraph("source", "remove", "pressemitteilung").code == 0
    assert _who(govgraph) == before
    assert govgraph("diff", "--format", "json").out.count("new-fact") == 1


def test_review_refuses_facts_that_do_not_validate(govgraph):
    assert govgraph("source", "add", str(DATA / "pressemitteilung.txt")).code == 0
    assert govgraph("draft", "pressemitteilung").code == 0
    draft = Path(os.environ["GOVGRAPH_DATA_DIR"]) / "drafts" / "pressemitteilung.ttl"
    listing = govgraph("review", str(draft), "--list").out
    number = _number(listing, r"FundingArrangement\s+Land Rheinland-Pfalz")
    text = draft.read_text(encoding="utf-8")
    block = re.search(rf"(?ms)^ggd:draft-pressemitteilung-{int(number):03d} a .*?\.\n", text)
    broken = re.sub(r"\n    gg:actor [^;]+;", "", block.group(0))  # the reviewer deleted the actor
    draft.write_text(text.replace(block.group(0), broken), encoding="utf-8")
    result = govgraph("review", str(draft), "--accept", number)
    assert result.code == 1
    assert "gg:actor" in result.err and "nothing taken over" in result.err
    facts = Path(os.environ["GOVGRAPH_DATA_DIR"]) / "facts" / "pressemitteilung.ttl"
    assert not facts.exists()


def test_review_by_unknown_id_is_one_line(govgraph):
    assert govgraph("source", "add", str(DATA / "pressemitteilung.txt")).code == 0
    assert govgraph("draft", "pressemitteilung").code == 0
    draft = Path(os.environ["GOVGRAPH_DATA_DIR"]) / "drafts" / "pressemitteilung.ttl"
    result = govgraph("review", str(draft), "--accept", "9999")
    assert result.code == 2 and result.err.count("\n") == 1 and "9999" in result.err


def test_interactive_review(govgraph, monkeypatch):
    import io
    import sys

    assert govgraph("source", "add", str(DATA / "pressemitteilung.txt")).code == 0
    assert govgraph("draft", "pressemitteilung").code == 0
    draft = Path(os.environ["GOVGRAPH_DATA_DIR"]) / "drafts" / "pressemitteilung.ttl"
    monkeypatch.setattr(sys, "stdin", io.StringIO("a\nr\ns\nq\n"))
    result = govgraph("review", str(draft))
    assert result.code == 0, result.err
    assert "1 angenommen / accepted, 1 abgelehnt" in result.out
    listing = govgraph("review", str(draft), "--list").out.splitlines()
    assert [line.split()[1] for line in listing[:3]] == ["accepted", "rejected", "draft"]
