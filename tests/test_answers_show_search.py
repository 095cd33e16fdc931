"""`search` and `show`: find entities by any label, and read one as a card."""

from __future__ import annotations

import json


def test_search_best_match_first(govgraph):
    result = govgraph("search", "Städtetag", "--format", "json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    assert rows[0]["iri"].endswith("/staedtetag-rlp") and rows[0]["match"] == "genau"
    assert rows[0]["type"] == "kommunaler Spitzenverband"


def test_search_prefix_lists_all_working_circles(govgraph):
    rows = json.loads(govgraph("search", "Arbeitskreis", "--format", "json").out)
    labels = [r["label"] for r in rows]
    assert {"Arbeitskreis IT", "Arbeitskreis Schul-IT"} <= set(labels)
    assert rows[0]["match"] == "Anfang"


def test_search_suggests_when_nothing_matches(govgraph):
    rows = json.loads(govgraph("search", "Staedtetg", "--format", "json").out)
    assert rows[0]["label"] == "Städtetag Rheinland-Pfalz" and rows[0]["match"] == "ähnlich"
    result = govgraph("search", "qqqqqq")
    assert result.code == 1 and result.err.startswith("govgraph: keine Ergebnisse")


def test_show_kommunalgremium_card(govgraph):
    result = govgraph("show", "Kommunalgremium")
    assert result.code == 0, result.err
    out = result.out
    assert out.startswith("Kommunalgremium des IT-Planungsrats\n")
    assert "Typ: Ausschuss oder Gremium" in out
    assert "en: Municipal Committee of the IT Planning Council" in out
    assert "→ ist Einheit von: IT-Planungsrat" in out
    assert "Städtetag entsendet zwei Vertreter" in out
    assert "Bereits zuvor hatte der IT-Planungsrat ein Kommunalgremium etabliert." in out


def test_show_json_groups_relations_both_ways(govgraph):
    # --all-claims: the report's funding claim stays visible although the treaty supersedes it.
    result = govgraph("show", "IT-PLR", "--all-claims", "--format", "json")
    card = json.loads(result.out)
    assert card["labels"]["de"] == "IT-Planungsrat" and "IT-PLR" in card["alt_labels"]
    incoming = {g["property"]: g for g in card["relations"] if g["direction"] == "in"}
    assert any(
        t["label"].startswith("Kommunalgremium") for t in incoming["ist Einheit von"]["targets"]
    )
    roles = {(f["position"], f["role"]) for f in card["facts"]}
    assert ("actor", "Finanzierung") in roles
    funding = [f for f in card["facts"] if f["role"] == "Finanzierung"]
    assert funding[0]["share"] == 1.0 and funding[0]["period"] == "2025–2026"


def test_show_in_english_and_csv(govgraph):
    result = govgraph("--lang", "en", "show", "MASTD")
    assert result.code == 0 and "Type: ministry" in result.out
    assert "Relations" in result.out
    csv = govgraph("show", "MASTD", "--format", "csv").out.splitlines()
    assert csv[0] == "section,key,value,iri"
    assert any(line.startswith("relation_in,") for line in csv)


def test_show_topic_ki_and_unknown(govgraph):
    result = govgraph("show", "KI")
    assert result.code == 0 and "Künstliche Intelligenz" in result.out
    assert "Oberbegriff" in result.out
    result = govgraph("show", "Xyzzy")
    assert result.code == 1 and "Traceback" not in result.err
