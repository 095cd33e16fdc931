"""`govgraph draft`'s fact proposals on the four shipped laws, measured against the reviewed
answer key (tests/data/answer_key/): precision, recall, and what a confidence means.

The floors sit a little below the measured values (docs/curation-quality.md), so a change that
makes drafting worse fails here; the benchmark benchmarks/draft_quality.py prints the details.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import rdflib

from govgraph.graph.curation.proposal_score import (
    Score,
    calibration,
    draft_triples,
    key_triples,
    score,
)

ROOT = Path(__file__).resolve().parent.parent
KEY = Path(__file__).parent / "data" / "answer_key"
LAWS = ["noots-staatsvertrag", "it-staatsvertrag", "ozg", "idnrg"]


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    """Draft each law once (as a new version of the shipped text) and score it."""
    from govgraph.cli.main import run

    root = tmp_path_factory.mktemp("library")
    mp = pytest.MonkeyPatch()
    mp.setenv("GOVGRAPH_DATA_DIR", str(root / "data"))

    def call(*args: str) -> None:
        import contextlib
        import io
        import sys

        mp.setattr(sys, "argv", ["govgraph", *args])
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            try:
                run()
            except SystemExit as stop:
                assert not stop.code, f"govgraph {args} failed"
        return out.getvalue()

    results = {}
    try:
        for law in LAWS:
            copy = root / f"{law}.xml"
            copy.write_bytes((ROOT / "graph" / "documents" / f"{law}.xml").read_bytes() + b"\n")
            source_id = re.search(r"added as (\S+)", call("source", "add", str(copy))).group(1)
            call("draft", source_id)
            draft = Path(os.environ["GOVGRAPH_DATA_DIR"]) / "drafts" / f"{source_id}.ttl"
            proposals = draft_triples(rdflib.Graph().parse(draft))
            results[law] = (key_triples(KEY / f"{law}.yaml"), proposals)
    finally:
        mp.undo()
    return results


def _total(measured) -> Score:
    total = Score()
    for key, proposals in measured.values():
        total.add(score(key, proposals))
    return total


def test_precision_over_the_four_laws_at_least_090(measured):
    """Measured 0.96 (110 of 114 proposals right)."""
    total = _total(measured)
    print(f"precision {total.precision():.2f} recall {total.recall():.2f}")
    assert total.precision() >= 0.9


def test_recall_over_the_four_laws_at_least_075(measured):
    """Measured 0.83 (95 of 114 key triples). The aim was 0.7; the misses are mostly actors
    named only by a description ("das Sitzland", "das beitretende Land", "die jeweiligen
    Stellen") and objects the sentence names only as a topic ("in Fragen der
    Informationstechnik") or not at all."""
    assert _total(measured).recall() >= 0.75


@pytest.mark.parametrize("law", LAWS)
def test_each_law_has_right_proposals_and_few_wrong(measured, law):
    key, proposals = measured[law]
    s = score(key, proposals)
    assert s.precision() is not None and s.precision() >= 0.85, s
    assert s.recall() >= 0.6, s


def test_the_done_when_facts_are_proposed(measured):
    """The facts the issue asks for are proposed from the text itself."""
    wanted = {
        ("noots-staatsvertrag", "ggd:bundesverwaltungsamt", "operation", "ggd:noots"),
        ("noots-staatsvertrag", "ggd:bund", "representative", "ggd:steuerungsgruppe-noots"),
        ("it-staatsvertrag", "ggd:it-beauftragter-bundesregierung", "member",
         "ggd:it-planungsrat"),
        ("ozg", "ggd:bund", "obligation", "ggd:portalverbund"),
        ("idnrg", "ggd:bundesverwaltungsamt", "operation",
         "ggd:registermodernisierungsbehoerde"),
    }  # fmt: skip
    found = {
        (law, p.actor, p.role, p.subject)
        for law, (_, proposals) in measured.items()
        for p in proposals
    }
    assert wanted <= found, wanted - found


def test_high_confidence_means_mostly_right(measured):
    """Proposals at 0.8 or more were right at least four times in five; those below less often
    or as often: the number orders the proposals a reviewer should look at first."""
    keys = [k for key, _ in measured.values() for k in key]
    props = [p for _, proposals in measured.values() for p in proposals]
    table = calibration(keys, props)
    high = [table[c] for c in table if c >= 0.8]
    right, n = sum(r for r, _ in high), sum(n for _, n in high)
    assert n >= 10 and right / n >= 0.8, table
