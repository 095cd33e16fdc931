"""`who` and `what` answer real questions from the source, as of a day (`--at`)."""

from __future__ import annotations

import json

from conftest import FIXED_TODAY


def who(govgraph, *args):
    result = govgraph("--today", FIXED_TODAY, "who", *args, "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def rows_for(rows, actor):
    return [r for r in rows if r["actor"] == actor]


def test_noots_funding_2025_2026_follows_the_treaty(govgraph):
    rows = who(govgraph, "NOOTS", "--at", "2026-06-01")
    (fitko,) = [r for r in rows_for(rows, "Föderale IT-Kooperation") if r["share"] == 1.0]
    assert (fitko["role"], fitko["period"], fitko["sources"]) == (
        "Finanzierung",
        "2025–2026",
        "NOOTSStVtr",
    )
    assert fitko["locators"] == "§ 8 Abs. 1 Satz 2 NOOTSStVtr"
    assert "Wirtschaftsplan der FITKO" in fitko["quote"]
    # The report's claim (IT-Planungsrat funds it) is superseded: gone by default …
    itplr = rows_for(rows, "IT-Planungsrat")
    assert itplr and {r["role"] for r in itplr} == {"Entscheidung"}
    # … and one flag away, marked with the rule that decided.
    everything = who(govgraph, "NOOTS", "--at", "2026-06-01", "--all-claims")
    (old,) = [r for r in rows_for(everything, "IT-Planungsrat") if r["role"] == "Finanzierung"]
    assert (old["share"], old["period"], old["certainty"]) == (1.0, "2025–2026", "überholt")
    assert old["rule"] == "maßgeblicher Text" and old["sources"] == "GB StT RLP"
    assert "vollständig über Mittel des IT-Planungsrates" in old["quote"]
    # Funding agreed from 2027 on is named, with its period.
    funding = [r for r in rows_for(rows, "Bund") if r["role"] == "Finanzierung"]
    assert [r["share"] for r in funding if r["share"]] == [0.466]
    # That Bund and FITKO fund it together from 2027 on, both sources say.
    joint = [r for r in funding if not r["share"] and r["period"] == "ab 2027"]
    assert [r["source_count"] for r in joint] == [2]
    # The treaty's parties (Bund among them) bear the costs together (§ 8 Abs. 1 Satz 1).
    assert any("§ 8 Abs. 1 Satz 1" in r["locators"] for r in funding if not r["share"])


def test_noots_funding_from_2027_has_the_treatys_shares(govgraph):
    rows = who(govgraph, "NOOTS", "--at", "2027-03-01")
    assert not [r for r in rows_for(rows, "IT-Planungsrat") if r["role"] == "Finanzierung"]
    shares = {}
    for actor in ("Bund", "Föderale IT-Kooperation"):
        (row,) = [r for r in rows_for(rows, actor) if r["role"] == "Finanzierung" and r["share"]]
        assert (row["period"], row["certainty"], row["sources"]) == (
            "ab 2027",
            "ausdrücklich genannt",
            "NOOTSStVtr",
        )
        assert row["from"] == "2027-01-01" and row["to"] == ""
        shares[actor] = row["share"]
    assert shares == {"Bund": 0.466, "Föderale IT-Kooperation": 0.534}
    everything = who(govgraph, "NOOTS", "--at", "2027-03-01", "--all-claims")
    halves = [r for r in everything if r["share"] == 0.5]
    assert {r["actor"] for r in halves} == {"Bund", "Föderale IT-Kooperation"}
    assert {r["certainty"] for r in halves} == {"überholt"}


def test_noots_ratification_by_all_laender_comes_through_the_treaty(govgraph):
    rows = rows_for(who(govgraph, "NOOTS", "--all-claims"), "alle Bundesländer")
    deadline = [r for r in rows if r["period"] == "bis Mitte 2026"]
    assert deadline and deadline[0]["role"] == "Ratifizierung"
    assert deadline[0]["via"] == "über NOOTS-Staatsvertrag (betrifft)"
    assert "spätestens bis Mitte 2026" in deadline[0]["quote"]
    assert deadline[0]["certainty"] == "überholt"


def test_table_shows_share_as_percent_and_date_in_heading(govgraph):
    # --all: the default table stops after one screen.
    result = govgraph("--today", FIXED_TODAY, "who", "NOOTS", "--at", "2027-03-01", "--all")
    assert result.code == 0, result.err
    assert "Stand 1. März 2027" in result.out
    assert "46,6 %" in result.out and "NOOTSStVtr" in result.out


def test_regmo_includes_unit_parent_and_parts(govgraph):
    rows = who(govgraph, "RegMo", "--at", "2026-06-01")
    mastd = rows_for(rows, "Ministerium für Arbeit, Soziales, Transformation und Digitalisierung")
    assert any(r["via"].startswith("über Einheit Landeskoordination RegMo") for r in mastd)
    assert any(r["role"] == "Koordination" for r in mastd)
    # NOOTS is part of RegMo: its funding counts, marked as such.
    itplr = rows_for(rows, "IT-Planungsrat")
    assert itplr and itplr[0]["via"].startswith("über Teil National Once Only Technical System")
    # Direct facts come first.
    assert rows[0]["via"] == ""


def test_english_labels(govgraph):
    result = govgraph("--lang", "en", "who", "NOOTS", "--at", "2027-03-01", "--format", "json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    fitko = [r for r in rows if r["actor"] == "Federal IT Cooperation" and r["share"] == 0.534]
    assert fitko and fitko[0]["role"] == "financing" and fitko[0]["period"] == "from 2027"
    assert fitko[0]["certainty"] == "stated"


def test_topic_counts_its_narrower_topics(govgraph):
    # "Digitalisierung" alone is generic (it lists candidates): the topic by its IRI.
    rows = who(govgraph, "ggd:topic-digitalisierung", "--all-times")
    assert any(
        r["actor"] == "Bundesministerium für Digitales und Staatsmodernisierung" for r in rows
    )
    assert any(r["via"].startswith("über Unterthema") for r in rows)


def test_kommunalgremium_representation(govgraph):
    rows = who(govgraph, "Kommunalgremium")
    (row,) = rows_for(rows, "Städtetag Rheinland-Pfalz")
    assert row["role"] == "Vertretung" and row["certainty"] == "erschlossen"


def test_at_before_a_time_point_hides_what_had_not_happened(govgraph):
    before = who(govgraph, "NOOTS-Staatsvertrag", "--at", "2024-11-15")
    after = who(govgraph, "NOOTS-Staatsvertrag", "--at", "2025-01-15")
    approval = "Ministerpräsidentinnen und -präsidenten"
    assert not rows_for(before, approval)
    assert rows_for(after, approval)[0]["period"] == "Dezember 2024"


def test_csv_has_stable_english_header(govgraph):
    result = govgraph("who", "NOOTS", "--format", "csv", "--all-times")
    assert result.code == 0, result.err
    header = result.out.splitlines()[0]
    assert header.startswith("actor,actor_iri,role,share,period,from,to,certainty,via")


def test_what_lfdi_did(govgraph):
    result = govgraph("--today", FIXED_TODAY, "what", "LfDI", "--format", "json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    relations = {r["relation"] for r in rows}
    assert "organiser" in relations or "participant" in relations
    text = " ".join(r["quote"] for r in rows)
    assert "Umfrage zur organisatorischen Stellung der kommunalen Datenschutzbeauftragten" in text
    assert any(r["role"] == "Gast" for r in rows)


def test_what_mastd_was_asked_and_acts_through_its_unit(govgraph):
    result = govgraph("--today", FIXED_TODAY, "what", "MASTD", "--format", "json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    asked = [r for r in rows if r["relation"] == "asked"]
    assert any("KI-Infrastruktur" in r["quote"] for r in asked)
    assert all(r["counterpart"] == "Städtetag Rheinland-Pfalz" for r in asked)
    assert any(r["via"] == "über Einheit Landeskoordination RegMo im MASTD" for r in rows)


def test_what_staedtetag_is_represented_and_party(govgraph):
    result = govgraph("what", "Städtetag", "--format", "json")
    rows = json.loads(result.out)
    member = [r for r in rows if r["relation"] == "member"]
    assert member and member[0]["object"] == "Kommunalgremium des IT-Planungsrats"
    assert any(r["relation"] == "demanded" for r in rows)


def test_unknown_and_ambiguous_subject(govgraph):
    result = govgraph("who", "Xyzzy")
    assert result.code == 1 and result.err.startswith("govgraph: nichts gefunden")
    assert "Traceback" not in result.err
    result = govgraph("who", "Arbeitskreis")
    assert result.code == 1 and "mehrdeutig" in result.err
    assert "Arbeitskreis Schul-IT" in result.err and "Arbeitskreis IT" in result.err


def test_bad_date_is_a_usage_error(govgraph):
    result = govgraph("who", "NOOTS", "--at", "2026-13-01")
    assert result.code == 2
    assert result.err.strip() == (
        "govgraph: --at: not a date: '2026-13-01' (use YYYY-MM-DD or TT.MM.JJJJ)"
    )


def test_empty_answer_is_one_line_and_exit_1(govgraph):
    result = govgraph("who", "Bundestagswahl 2025")
    assert result.code == 1
    assert result.err.startswith("govgraph: keine Ergebnisse / no results")
    assert len(result.err.strip().splitlines()) == 1


def test_a_treaty_that_sets_up_a_body_is_quoted_in_its_own_words(govgraph):
    """The IT-Staatsvertrag establishes the FITKO and the IT-Planungsrat: no quote names the
    treaty, so the subject's quote from the treaty's own text is its evidence."""
    (fitko,) = [r for r in who(govgraph, "FITKO") if r["actor"] == "IT-Staatsvertrag"]
    assert fitko["role"] == "eingerichtet von"
    assert fitko["quote"].startswith("Die Vertragspartner errichten mit Wirkung zum 1. Januar 2020")
    # with its place in the treaty, as every quote of a stated fact has
    text = govgraph("--today", FIXED_TODAY, "who", "FITKO").out
    assert "GGArt91cVtr § 5 Abs. 1 Satz 1: »Die Vertragspartner errichten" in text
    (itplr,) = [r for r in who(govgraph, "IT-PLR") if r["actor"] == "IT-Staatsvertrag"]
    assert "(IT-Planungsrat)" in itplr["quote"]
    # where a quote names the actor, that quote stays the evidence
    (efa,) = [r for r in who(govgraph, "EfA-Marktplatz") if r["role"] == "betrieben von"]
    assert efa["actor"] == "govdigital" and "der govdigital" in efa["quote"]
