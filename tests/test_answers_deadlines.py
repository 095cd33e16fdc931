"""`deadlines` and `demands`: dates as worded, status relative to (a fixed) today, filters."""

from __future__ import annotations

import json

from conftest import FIXED_TODAY

RATIFICATION = (
    "Alle Bundesländer müssen den NOOTS-Staatsvertrag spätestens bis Mitte 2026 ratifizieren"
)


def deadlines(govgraph, today, *args):
    # The report's half-year deadline is superseded by the treaty's day (conflicts); these tests
    # check how a half-year window is worded and placed, so they ask for all claims.
    result = govgraph("--today", today, "deadlines", "--all-claims", *args, "--format", "json")
    assert result.code in (0, 1), result.err
    if result.code == 1:  # exit 1 is also any other error: only "no results" means no rows
        assert result.err.startswith("govgraph: keine Ergebnisse / no results"), result.err
    return json.loads(result.out) if result.code == 0 else []


def ratification(rows):
    return [r for r in rows if r["what"] == RATIFICATION]


def test_ratification_is_upcoming_at_new_year_2026(govgraph):
    (row,) = ratification(deadlines(govgraph, "2026-01-01"))
    assert row["when"] == "Mitte 2026"  # as worded, no made-up day
    assert row["precision"] == "Halbjahr"
    assert row["status"] == "upcoming" and row["kind"] == "deadline"
    assert row["actors"] == "alle Bundesländer"
    assert row["concerns"] == "NOOTS-Staatsvertrag"


def test_ratification_is_past_on_fixed_today(govgraph):
    (row,) = ratification(deadlines(govgraph, FIXED_TODAY))
    assert row["status"] == "past"
    assert not ratification(deadlines(govgraph, FIXED_TODAY, "--status", "open"))
    assert ratification(deadlines(govgraph, "2026-01-01", "--status", "open"))


def test_window_containing_today_is_open(govgraph):
    (row,) = ratification(deadlines(govgraph, "2026-06-15"))
    assert row["status"] == "open"
    result = govgraph("--today", "2026-06-15", "deadlines", "--all-claims", "--status", "open")
    assert "Läuft" in result.out.splitlines()  # the group of what runs today
    grid = govgraph("--today", "2026-06-15", "deadlines", "--status", "open", "--table")
    assert "läuft" in grid.out


def test_time_order_and_precision_wording(govgraph):
    rows = deadlines(govgraph, FIXED_TODAY)
    starts = [r["from"] for r in rows if r["from"]]
    assert starts == sorted(starts)
    whens = {r["when"] for r in rows}
    assert {"Dezember 2024", "Mai 2025", "Mitte 2026"} <= whens
    assert any(r["when"] == "15. Juli 2025" or r["from"] == "2025-07-15" for r in rows)


def test_from_to_filter(govgraph):
    rows = deadlines(govgraph, FIXED_TODAY, "--from", "2025-01-01", "--to", "2025-06-30")
    assert rows
    # an item open at its end ("ab 24. Juli 2024") has no "to" and overlaps every later window
    assert all(
        (not r["to"] or r["to"] >= "2025-01-01") and r["from"] <= "2025-06-30"
        for r in rows
        if r["from"]
    )
    assert not ratification(rows)
    assert any(r["when"] == "Mai 2025" for r in rows)


def test_events_from_all_sections(govgraph):
    rows = deadlines(govgraph, FIXED_TODAY, "--status", "past")
    text = " ".join(r["what"] for r in rows)
    for expected in ("Informationsveranstaltung", "Cyberangriff", "Fertigungsstrecke", "Meta"):
        assert expected in text, expected


def test_no_upcoming_deadlines_is_one_line(govgraph):
    # On FIXED_TODAY the shipped graph has upcoming deadlines (from 2027 …), so the empty answer
    # is asked for on a day after all of them: it must be the one-line "no results" and exit 1.
    result = govgraph("--today", "2099-01-01", "deadlines", "--status", "upcoming")
    assert result.code == 1, result.out
    assert result.err.startswith("govgraph: keine Ergebnisse / no results")
    assert result.out == "" and len(result.err.strip().splitlines()) == 1


def test_bad_status_and_date(govgraph):
    assert govgraph("deadlines", "--status", "later").code == 2
    result = govgraph("deadlines", "--from", "31.02.2026")
    assert result.code == 2 and "--from" in result.err and "Traceback" not in result.err


def demands(govgraph, *args):
    result = govgraph("demands", *args, "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_staedtetag_demands_of_the_mastd(govgraph):
    rows = demands(govgraph, "--by", "Staedtetag", "--to", "MASTD")
    quotes = " ".join(r["quote"] for r in rows)
    assert "zentral koordinierter Ansatz" in quotes or "zentralen Ansatz" in quotes  # KI
    assert "Appell für einen zentralen Unterstützungsansatz" in quotes  # OZG
    support = [r for r in rows if "Unterstützungsansatz" in r["quote"]]
    assert support[0]["kind"] == "Appell"
    assert (
        support[0]["addressee"]
        == "Ministerium für Arbeit, Soziales, Transformation und Digitalisierung"
    )
    # Demands to the MASTD's unit (Landeskoordination RegMo) count for the MASTD.
    assert any(r["addressee"] == "Landeskoordination RegMo im MASTD" for r in rows)


def test_demands_kinds_across_sections(govgraph):
    rows = demands(govgraph)
    kinds = {r["kind"] for r in rows}
    assert {"Forderung", "Appell", "Vorschlag"} <= kinds
    about = " ".join(r["about"] for r in rows)
    assert "Sicherer Anschlussknoten" in about  # RegMo
    assert "Kooperationsvereinbarung Informationssicherheit" in about  # Informationssicherheit
    assert any("Übungen" in r["about"] for r in rows)


def test_demands_table_and_empty(govgraph):
    result = govgraph("demands", "--to", "Land", "--table")
    assert result.code == 0 and result.out.splitlines()[2].split()[:2] == ["von", "an"]
    rows = demands(govgraph, "--to", "Land")
    assert any(r["about"] == "Kooperationsvereinbarung Informationssicherheit" for r in rows)
    result = govgraph("demands", "--by", "LfDI")
    assert result.code == 1 and result.err.startswith("govgraph: keine Ergebnisse")
