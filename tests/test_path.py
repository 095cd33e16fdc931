"""`govgraph path A B`: shortest chains of relations between real pairs from the source."""

from __future__ import annotations

import json

from conftest import FIXED_TODAY, REPORT_ONLY

GGD = "https://w3id.org/govgraph/id/"


def _flat(out: str) -> str:
    """The readable answer with its line breaks undone (lines break between words)."""
    return " ".join(line.strip() for line in out.splitlines())


def test_unit_of_ministry_in_one_step(govgraph):
    r = govgraph(*REPORT_ONLY, "path", "Landeskoordination RegMo", "MASTD")
    assert r.code == 0, r.err
    assert "1 kürzester Weg · 1 Schritt" in r.out
    assert (
        "Weg 1: Landeskoordination RegMo im MASTD —ist Einheit von→ "
        "Ministerium für Arbeit, Soziales, Transformation und Digitalisierung" in _flat(r.out)
    )


def test_direction_is_shown_both_ways(govgraph):
    r = govgraph(*REPORT_ONLY, "path", "MASTD", "Landeskoordination RegMo")
    assert r.code == 0, r.err
    assert "←ist Einheit von—" in r.out


def test_two_step_chain_through_the_programme_coordinator(govgraph):
    r = govgraph(*REPORT_ONLY, "path", "RegMo", "MASTD")
    assert r.code == 0, r.err
    flat = _flat(r.out)
    assert "kürzeste Wege · je 2 Schritte" in flat
    assert (
        "Registermodernisierung ←Koordination— Landeskoordination RegMo im MASTD "
        "—ist Einheit von→ Ministerium für Arbeit, Soziales, Transformation und Digitalisierung"
    ) in flat
    chains = [line for line in r.out.splitlines() if line.startswith("Weg ")]
    assert 1 < len(chains) <= 5
    # each step on its own line, with the quote it rests on indented below it
    assert "Landeskoordination RegMo im MASTD — Koordination → Registermodernisierung" in flat
    assert "GB StT RLP, Abschnitt »Registermodernisierung«, Absatz 4: »Die" in flat


def test_funding_shares_connect_the_funders_of_noots(govgraph):
    r = govgraph(*REPORT_ONLY, "--lang", "en", "path", "IT-PLR", "Bund")
    assert r.code == 0, r.err
    assert (
        "IT Planning Council —financing 100%→ National Once Only Technical System "
        "←financing 50%— Federation" in _flat(r.out)
    )


def test_max_limits_and_json(govgraph):
    r = govgraph(*REPORT_ONLY, "path", "RegMo", "MASTD", "--max", "1", "--format", "json")
    assert r.code == 0, r.err
    chains = json.loads(r.out)
    assert len(chains) == 1 and chains[0]["length"] == 2
    first = chains[0]["steps"][0]
    assert first["relations"] and first["from"].startswith(GGD)
    # the facts a step rests on, with every quote's source and locator
    assert first["facts"] and first["claim_states"] == [""]
    assert first["evidence"][0]["source"] == "GB StT RLP" and first["evidence"][0]["quote"]
    csv = govgraph(*REPORT_ONLY, "path", "RegMo", "MASTD", "--max", "1", "--format", "csv")
    assert csv.out.splitlines()[0] == "length,text"


def test_at_date_changes_the_chain(govgraph):
    # The federation funds NOOTS only from 2027: before that, the chain is longer.
    before = govgraph(
        *REPORT_ONLY, "--today", FIXED_TODAY, "path", "IT-PLR", "Bund", "--at", "2026-06-01"
    )
    assert before.code == 0, before.err
    flat = _flat(before.out)
    assert "1 kürzester Weg · je 4 Schritte" in flat and "50 %" not in flat
    assert "– Stand 1. Juni 2026" in flat
    assert "←Entscheidung: gestartet— Bund" in flat


def test_errors_are_one_line(govgraph):
    r = govgraph(*REPORT_ONLY, "path", "RegMo", "Nichtsda")
    assert r.code == 1 and r.err.startswith("govgraph: ") and "Traceback" not in r.err
    r = govgraph(*REPORT_ONLY, "path", "RegMo", "Registermodernisierung Programm", "--max", "0")
    assert r.code == 2


def test_unconnected_entities(govgraph, write_ttl):
    from conftest import evidence

    data = write_ttl(
        "two.ttl",
        f"""
ggd:a a gg:Ministry ; skos:prefLabel "Amt A"@de ; {evidence("Digitalisierung")} .
ggd:b a gg:Ministry ; skos:prefLabel "Amt B"@de ; {evidence("Digitalisierung")} .
""",
    )
    r = govgraph(*REPORT_ONLY, "--no-builtin", "--data", str(data), "path", "Amt A", "Amt B")
    assert r.code == 1 and "keine Verbindung / no connection" in r.err


def test_a_step_on_an_overruled_claim_says_so(govgraph, monkeypatch):
    """With the treaty loaded, the report's »hälftig« edge is overruled: the step that uses it
    says who overrules it instead of passing the quote off as evidence."""
    monkeypatch.setenv("COLUMNS", "120")
    r = govgraph("--today", FIXED_TODAY, "path", "Bund", "NOOTS")
    assert r.code == 0, r.err
    flat = _flat(r.out)
    assert "GB StT RLP sagte »Ab dem Jahr 2027 soll die Finanzierung hälftig" in flat
    assert "– überholt durch NOOTSStVtr § 8 Abs. 1 Satz 3" in flat
    assert ": »Ab dem Jahr 2027 soll die Finanzierung hälftig" not in flat
    assert "Finanzierung 50 % (überholt)" in flat  # the relation the picture draws, marked


def test_no_word_is_cut_at_80_columns(govgraph, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    r = govgraph(*REPORT_ONLY, "path", "RegMo", "MASTD")
    assert r.code == 0, r.err
    assert all(len(line) <= 80 for line in r.out.splitlines())
    assert "…" not in r.out.replace("…«", "")  # only a long quote may end early, at a word


def test_a_relation_is_named_once_with_what_it_says_most(govgraph, monkeypatch):
    """Bund and FITKO: "Finanzierung 25 %" says all that a bare "Finanzierung" says, as in
    `who`; an overruled share never hides the relation that holds."""
    monkeypatch.setenv("COLUMNS", "120")
    r = govgraph("--today", FIXED_TODAY, "path", "FITKO", "Bund")
    assert r.code == 0, r.err
    assert "Bund — Aufsicht / Einrichtung / Finanzierung 25 % → Föderale IT-Kooperation" in r.out
    assert "Finanzierung / Finanzierung" not in r.out
    noots = _flat(govgraph("--today", FIXED_TODAY, "path", "Bund", "NOOTS").out)
    assert "Finanzierung 46,6 % / Finanzierung 50 % (überholt)" in noots
