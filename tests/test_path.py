"""`govgraph path A B`: shortest chains of relations between real pairs from the source."""

from __future__ import annotations

import json

from conftest import FIXED_TODAY, REPORT_ONLY

GGD = "https://w3id.org/govgraph/id/"


def test_unit_of_ministry_in_one_step(govgraph):
    r = govgraph(*REPORT_ONLY, "path", "Landeskoordination RegMo", "MASTD")
    assert r.code == 0, r.err
    assert "1 × 1 Schritt:" in r.out
    assert (
        "Landeskoordination RegMo im MASTD —ist Einheit von→ "
        "Ministerium für Arbeit, Soziales, Transformation und Digitalisierung" in r.out
    )


def test_direction_is_shown_both_ways(govgraph):
    r = govgraph(*REPORT_ONLY, "path", "MASTD", "Landeskoordination RegMo")
    assert r.code == 0, r.err
    assert "←ist Einheit von—" in r.out


def test_two_step_chain_through_the_programme_coordinator(govgraph):
    r = govgraph(*REPORT_ONLY, "path", "RegMo", "MASTD")
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert lines[0].endswith("2 Schritte:")
    assert (
        "Registermodernisierung ←Koordination— Landeskoordination RegMo im MASTD "
        "—ist Einheit von→ Ministerium für Arbeit, Soziales, Transformation und Digitalisierung"
    ) in r.out
    assert len(lines) - 1 == int(lines[0].split(" ")[0]) <= 5


def test_funding_shares_connect_the_funders_of_noots(govgraph):
    r = govgraph(*REPORT_ONLY, "--lang", "en", "path", "IT-PLR", "Bund")
    assert r.code == 0, r.err
    assert (
        "IT Planning Council —financing 100%→ National Once Only Technical System "
        "←financing 50%— Federation" in r.out
    )


def test_max_limits_and_json(govgraph):
    r = govgraph(*REPORT_ONLY, "path", "RegMo", "MASTD", "--max", "1", "--format", "json")
    assert r.code == 0, r.err
    chains = json.loads(r.out)
    assert len(chains) == 1 and chains[0]["length"] == 2
    first = chains[0]["steps"][0]
    assert first["relations"] and first["from"].startswith(GGD)


def test_at_date_changes_the_chain(govgraph):
    # The federation funds NOOTS only from 2027: before that, the chain is longer.
    before = govgraph(
        *REPORT_ONLY, "--today", FIXED_TODAY, "path", "IT-PLR", "Bund", "--at", "2026-06-01"
    )
    assert before.code == 0, before.err
    assert before.out.startswith("1 × 4 Schritte:") and "50 %" not in before.out
    assert "←Entscheidung: gestartet— Bund" in before.out


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
