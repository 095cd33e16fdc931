"""Joined quotes read in document order, whatever order the engine joined them in."""

from __future__ import annotations

import json

from conftest import FIXED_TODAY
from govgraph.graph.answers.quotes import SEPARATOR, in_document_order


def test_parts_sorted_by_position_in_the_source():
    first = "Die Finanzierung erfolgt ab dem Jahr 2027 in Höhe von 53,4 %"
    later = "Ab dem Jahr 2027 soll die Finanzierung hälftig durch den Bund"
    joined = in_document_order(later + SEPARATOR + first)
    assert in_document_order(first + SEPARATOR + later) == joined
    assert len(joined.split(SEPARATOR)) == 2


def test_answers_give_joined_quotes_in_one_order(govgraph):
    out = govgraph("--today", FIXED_TODAY, "who", "NOOTS", "--format", "json").out
    rows = json.loads(out)
    assert any(SEPARATOR in row["quote"] for row in rows)  # some quotes are joined
    for row in rows:
        assert row["quote"] == in_document_order(row["quote"])
