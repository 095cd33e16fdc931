"""`who` ranks stated relations first, groups derived ones apart and never calls taking part
a responsibility; duplicates collapse; groups show counts."""

from __future__ import annotations

import json

from conftest import FIXED_TODAY


def who(govgraph, *args):
    result = govgraph("--today", FIXED_TODAY, "who", *args, "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_operator_of_the_marketplace_answers(govgraph):
    rows = who(govgraph, "EfA-Marktplatz")
    (row,) = [r for r in rows if r["actor"] == "govdigital"]
    assert row["group"] == "direct" and row["role"] == "betrieben von"
    assert "govdigital" in row["quote"]


def test_stated_rows_come_first_and_derived_say_from_what(govgraph):
    rows = who(govgraph, "NOOTS")
    groups = [r["group"] for r in rows]
    assert groups == sorted(groups, key=["direct", "derived", "other"].index)
    assert all(r["via"] for r in rows if r["group"] == "derived")
    assert not [r for r in rows if r["group"] == "direct" and r["via"]]


def test_taking_part_is_not_a_responsibility(govgraph):
    rows = who(govgraph, "EfA-Projekte")
    assert rows and all(r["group"] == "other" for r in rows if r["role"] == "Benennung")
    ki = who(govgraph, "Künstliche Intelligenz")
    (meta,) = [r for r in ki if r["actor"] == "Meta"]
    assert meta["group"] == "other"


def test_duplicates_collapse(govgraph):
    rows = who(govgraph, "Schuldigitalisierung")
    assert [r["actor"] for r in rows].count("Bildungsministerium") == 1


def test_table_groups_have_titles_with_counts(govgraph, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    out = govgraph("--today", FIXED_TODAY, "who", "NOOTS", "--table").out
    direct = len([r for r in who(govgraph, "NOOTS") if r["group"] == "direct"])
    assert f"Ausdrücklich zu diesem Gegenstand ({direct})" in out
    assert "Abgeleitet (aus Struktur" in out


def test_the_federal_ministry_answers_for_administrative_digitalisation(govgraph):
    rows = who(govgraph, "Verwaltungsdigitalisierung")
    (bmds,) = [r for r in rows if r["actor"].startswith("Bundesministerium für Digitales")]
    assert bmds["group"] == "direct" and bmds["certainty"] == "beabsichtigt"


def test_a_same_named_topic_is_asked_only_when_a_fact_names_it():
    """The programme's topic twin adds the facts stated of it; a twin no fact names would add
    none (its rows all come through structure), so who-responsible is not asked for it."""
    from govgraph.graph.answers.ranking import twin_topics
    from govgraph.graph.answers.rows import who as who_rows
    from govgraph.graph.store.backend import LocalBackend
    from govgraph.graph.store.dataset import DataSelection, load_store

    ggd = "https://w3id.org/govgraph/id/"
    backend = LocalBackend(load_store(DataSelection().files()))
    named = twin_topics(backend, ggd + "verwaltungsdigitalisierung", "de")
    assert named == [ggd + "topic-verwaltungsdigitalisierung"]
    assert [r for r in who_rows(backend, named[0], "de", None) if not r.via]
    assert twin_topics(backend, ggd + "registermodernisierung", "de") == []
    skipped = who_rows(backend, ggd + "topic-registermodernisierung", "de", None)
    assert skipped and all(r.via for r in skipped)
