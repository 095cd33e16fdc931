"""Joined quotes read in document order, whatever order the engine joined them in."""

from __future__ import annotations

import json

from conftest import FIXED_TODAY
from govgraph.graph.answers.quotes import SEPARATOR, in_document_order


def test_parts_sorted_by_position_in_the_source():
    # The report (first file by name) before the treaty; within the treaty, § 3 before § 8.
    report = "Ab dem Jahr 2027 soll die Finanzierung hälftig durch den Bund"
    section_3 = "Die Steuerungsgruppe NOOTS trifft insbesondere folgende Entscheidungen:"
    section_8 = "Die Finanzierung erfolgt ab dem Jahr 2027 in Höhe von 53,4 %"
    expected = SEPARATOR.join([report, section_3, section_8])
    for parts in ([section_8, report, section_3], [section_3, section_8, report]):
        assert in_document_order(SEPARATOR.join(parts)) == expected
    assert in_document_order(section_8 + SEPARATOR + section_8) == section_8  # once


def test_excerpts_end_between_words_or_at_a_sentence():
    from govgraph.graph.answers.excerpt import MARK, excerpt

    short = "Die grundsätzlichen Entscheidungen werden durch den IT-Planungsrat getroffen."
    assert excerpt(short) == short
    sentence = "Erster Satz mit " + "vielen Wörtern " * 16 + "endet hier. Zweiter Satz folgt " * 12
    cut = excerpt(sentence)
    assert cut.endswith("endet hier. " + MARK) and len(cut) >= 200
    words = "Wort " * 120
    cut = excerpt(words)
    assert cut.endswith(" " + MARK) and all(w == "Wort" for w in cut[:-2].split())
    assert 200 <= len(cut) <= 290
    # Abbreviations and numbers of the sources do not end a sentence ("Abs. 1", "Nr. 35").
    norm = "Nach § 10 Abs. 1 Satz 2 iVm Bek. v. 4.2.2026 I Nr. 35 " * 9
    assert not excerpt(norm).split(MARK)[0].rstrip().endswith(("Abs.", "Nr.", "Bek.", "v."))


def test_answers_give_joined_quotes_in_one_order(govgraph):
    out = govgraph("--today", FIXED_TODAY, "who", "NOOTS", "--format", "json").out
    rows = json.loads(out)
    assert any(SEPARATOR in row["quote"] for row in rows)  # some quotes are joined
    for row in rows:
        assert row["quote"] == in_document_order(row["quote"])
