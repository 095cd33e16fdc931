"""Several sources: records, norm locators, corroboration, conflicts, supersession by date."""

from __future__ import annotations

import hashlib
import json

import pytest

from conftest import REPO
from govgraph.graph.sources.gii import parse_gii, split_sentences
from govgraph.graph.sources.locators import locate
from govgraph.graph.store.dataset import DataSelection, load_store

DOCS = REPO / "graph" / "documents"
TODAY = "2026-12-01"
LAWS = ("noots-staatsvertrag", "it-staatsvertrag", "ozg", "idnrg")


def run_json(govgraph, *args):
    result = govgraph("--today", TODAY, *args, "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)


# --- the GII XML and its locators ------------------------------------------------------------


def test_gii_locates_sentences_paragraphs_and_list_items():
    law = parse_gii(DOCS / "noots-staatsvertrag.xml")
    assert law.short == "NOOTSStVtr" and law.issued == "2025-03-24"
    assert law.locate("Die Finanzierung erfolgt ab dem Jahr 2027 in Höhe von 53,4 %") == (
        "§ 8 Abs. 1 Satz 3"
    )
    assert law.locate("Der Vertrag bedarf der Ratifikation.") == "§ 10 Abs. 1 Satz 1"
    assert law.locate("bis zum 30. Juni 2026") == "§ 10 Abs. 2"  # one sentence: no "Satz 1"
    assert law.locate("Finanz- und Budgetplanung") == "§ 3 Abs. 2 Buchst. a"
    assert law.locate("gibt es nicht im Vertrag") is None
    idnrg = parse_gii(DOCS / "idnrg.xml")
    assert idnrg.locate("Ausländerzentralregister") == "Anlage Nr. 3"
    # The sentence after a list counts on: § 3 Abs. 1 has a list, then Satz 2.
    assert idnrg.locate("Das Bundesverwaltungsamt nimmt die Aufgaben der") == "§ 3 Abs. 1 Satz 2"
    assert sum(1 for a in idnrg.norm("Anlage").atoms if a.item) == 50


def test_sentence_splitter_knows_legal_abbreviations():
    text = (
        "Nach § 5 Abs. 2 Nr. 1 gilt dies am 1. Januar 2027. Der Bund zahlt 25 Prozent. "
        "Dies gilt z. B. für Register."
    )
    assert split_sentences(text) == [
        "Nach § 5 Abs. 2 Nr. 1 gilt dies am 1. Januar 2027.",
        "Der Bund zahlt 25 Prozent.",
        "Dies gilt z. B. für Register.",
    ]


def test_official_notes_and_report_sections_are_located():
    text = (DOCS / "noots-staatsvertrag.txt").read_text(encoding="utf-8")
    note = "mWv 1.2.2026 in Kraft getreten"
    assert locate(text, note, DOCS / "noots-staatsvertrag.xml") == "Stand/Hinweise"
    report = (DOCS / "000_2f97107a3c89067a.txt").read_text(encoding="utf-8")
    assert locate(report, "Ab dem Jahr 2027 soll die Finanzierung hälftig") == (
        "Abschnitt »Registermodernisierung«, Absatz 1"
    )


# --- every source's facts against its own text -----------------------------------------------

EVIDENCE = """
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX gg: <https://w3id.org/govgraph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?file ?original ?exact ?locator ?item WHERE {
  ?item prov:wasDerivedFrom ?ev . ?ev oa:hasSource ?src ; oa:hasSelector/oa:exact ?exact .
  ?src gg:localFile ?file . OPTIONAL { ?src gg:originalFile ?original }
  OPTIONAL { ?ev gg:locator ?locator }
}"""


@pytest.fixture(scope="module")
def evidences():
    store = load_store(DataSelection().files())
    return [
        {
            k: (row[k].value if row[k] is not None else None)
            for k in ("file", "original", "exact", "locator", "item")
        }
        for row in store.query(EVIDENCE)
    ]


@pytest.mark.parametrize("name", LAWS)
def test_each_law_quotes_its_own_text_at_the_right_norm(evidences, name):
    text = (DOCS / f"{name}.txt").read_text(encoding="utf-8")
    mine = [e for e in evidences if e["file"] == f"{name}.txt"]
    assert len(mine) >= 8
    for e in mine:
        assert e["exact"] in text, e["exact"]
        assert e["locator"], f"no locator for {e['exact']!r}"
        assert locate(text, e["exact"], DOCS / e["original"]) == e["locator"]


def test_every_quote_of_every_source_has_a_locator(evidences):
    assert evidences and all(e["locator"] for e in evidences)


def test_source_records_and_hashes(govgraph):
    records = {r["short_name"]: r for r in run_json(govgraph, "sources")}
    assert set(records) == {"GB StT RLP", "NOOTSStVtr", "GGArt91cVtr", "OZG", "IDNrG"}
    noots = records["NOOTSStVtr"]
    assert noots["kind"] == "Primärtext" and noots["issued"] == "2025-03-24"
    assert "mWv 1.2.2026 in Kraft getreten" in noots["in_force"]
    assert noots["url"] == "https://www.gesetze-im-internet.de/nootsstvtr/"
    for record in records.values():
        data = (DOCS / record["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == record["sha256"]
        assert record["facts"] >= 3
    assert records["GB StT RLP"]["kind"] == "Sekundärquelle"


def test_show_source_lists_what_it_supports(govgraph):
    card = run_json(govgraph, "show", "NOOTSStVtr")
    assert card["short_name"] == "NOOTSStVtr"
    operator = [
        f for f in card["supports"] if "Bundesverwaltungsamt ist betriebs" in f["statement"]
    ]
    assert operator and operator[0]["locator"] == "§ 4 Abs. 1"


# --- the questions the issue asks ----------------------------------------------------------------


def test_who_noots_names_operator_coordinator_and_funders_from_the_treaty(govgraph):
    rows = run_json(govgraph, "who", "NOOTS")
    by_role = {(r["actor"], r["role"]): r for r in rows}
    operator = by_role[("Bundesverwaltungsamt", "Betrieb")]
    assert operator["locators"] == "§ 4 Abs. 1 NOOTSStVtr"
    coordinator = by_role[("fachlich koordinierende Stelle NOOTS", "Koordination")]
    assert coordinator["sources"] == "NOOTSStVtr"
    assert "§ 3 Abs. 7 Satz 1" in coordinator["locators"]
    shares = {r["actor"]: r["share"] for r in rows if r["share"] and r["period"] == "ab 2027"}
    assert shares == {"Bund": 0.466, "Föderale IT-Kooperation": 0.534}
    assert all("§ 8 Abs. 1 Satz 3" in r["locators"] for r in rows if r["share"] in (0.466, 0.534))


def test_status_of_the_treaty_changes_with_at(govgraph):
    before = run_json(govgraph, "show", "NOOTS-Staatsvertrag", "--at", "2025-06-01")
    assert before["status"]["status"] == "Ratifizierung ausstehend"
    assert before["status"]["sources"] == "GB StT RLP"
    after = run_json(govgraph, "show", "NOOTS-Staatsvertrag", "--at", "2026-06-01")
    assert after["status"]["status"] == "in Kraft"
    assert after["status"]["from"] == "2026-02-01" and after["status"]["sources"] == "NOOTSStVtr"
    table = govgraph("--today", TODAY, "show", "NOOTS-Staatsvertrag", "--at", "2026-06-01")
    assert "Status am 1. Juni 2026: in Kraft – seit 1.2.2026 (NOOTSStVtr, Stand/Hinweise" in (
        " ".join(table.out.split())
    )


def test_corroboration_is_one_fact_with_two_sources(govgraph, monkeypatch):
    rows = run_json(govgraph, "who", "NOOTS")
    joint = [r for r in rows if r["fact_iri"].endswith("fund-bund-fitko-noots-ab-2027")]
    assert joint and {r["source_count"] for r in joint} == {2}
    assert joint[0]["sources"] == "GB StT RLP, NOOTSStVtr"
    monkeypatch.setenv("COLUMNS", "400")  # one line per row, so the cell reads whole
    table = govgraph("--today", TODAY, "--lang", "de", "who", "NOOTS", "--table", "--all")
    assert "GB StT RLP, NOOTSStVtr (2 Quellen)" in table.out


def test_conflicts_lists_the_reports_older_claims_side_by_side(govgraph):
    rows = run_json(govgraph, "conflicts")
    by_conflict: dict[str, list[dict]] = {}
    for r in rows:
        by_conflict.setdefault(r["conflict_iri"].rsplit("/", 1)[-1], []).append(r)
    status = by_conflict["conflict-noots-status"]
    assert [(r["source"], r["follows"]) for r in status] == [
        ("NOOTSStVtr", True),
        ("GB StT RLP", False),
    ]
    assert status[0]["rule"] == "späterer Stand"
    assert "Ratifizierung durch alle Bundesländer" in status[1]["quote"]
    share = by_conflict["conflict-noots-anteil-bund-ab-2027"]
    assert share[0]["locator"] == "§ 8 Abs. 1 Satz 3" and share[0]["rule"] == "maßgeblicher Text"
    assert len(by_conflict) == 5
    text = govgraph("--today", TODAY, "conflicts").out
    assert "  ✗ überholt — Bund soll die NOOTS-Strukturen ab 2027 zur Hälfte" in text
    assert "      GB StT RLP, Abschnitt »Registermodernisierung«, Absatz 1: »" in text
    assert "  ✓ gilt — Bund finanziert das NOOTS ab 2027" in text
    assert "      NOOTSStVtr § 8 Abs. 1 Satz 3: »Die Finanzierung" in text


def test_source_option_restricts_answers_to_one_source(govgraph):
    treaty = run_json(govgraph, "who", "NOOTS", "--source", "NOOTSStVtr")
    assert treaty and all("NOOTSStVtr" in r["sources"] for r in treaty)
    report = run_json(govgraph, "who", "NOOTS", "--source", "GB StT RLP", "--all-claims")
    assert report and all("GB StT RLP" in r["sources"] for r in report)
    assert not [r for r in report if r["actor"] == "Bundesverwaltungsamt"]
    bad = govgraph("who", "NOOTS", "--source", "Tageszeitung")
    assert bad.code != 0 and "Tageszeitung" in bad.err and "Traceback" not in bad.err


def test_deadlines_follow_the_treaty_and_keep_the_report_one_flag_away(govgraph):
    rows = run_json(govgraph, "deadlines")
    quorum = [r for r in rows if r["iri"].endswith("deadline-noots-quorum")]
    assert quorum and quorum[0]["when"] == "30. Juni 2026" and quorum[0]["precision"] == "Tag"
    assert not [r for r in rows if r["iri"].endswith("deadline-noots-ratifizierung")]
    everything = run_json(govgraph, "deadlines", "--all-claims")
    (old,) = [r for r in everything if r["iri"].endswith("deadline-noots-ratifizierung")]
    assert old["when"] == "Mitte 2026" and old["claim_state"] == "superseded"


# --- validation catches a wrong quote and a changed file ----------------------------------------


def _own_source(tmp_path, text: str, recorded: str) -> None:
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    digest = hashlib.sha256(recorded.encode()).hexdigest()
    (tmp_path / "doc.ttl").write_text(
        f"""@prefix gg: <https://w3id.org/govgraph/ontology#> .
@prefix ggd: <https://w3id.org/govgraph/id/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ggd:source-test a gg:SourceDocument ; dcterms:title "Test"@de ; dcterms:publisher "Wir" ;
    dcterms:issued "2026"^^xsd:gYear ; gg:localFile "doc.txt" ; gg:sha256 "{digest}" .
""",
        encoding="utf-8",
    )


def test_validate_fails_on_a_quote_not_in_its_source(govgraph, tmp_path, write_ttl):
    _own_source(tmp_path, "Das Amt betreibt das Portal.", "Das Amt betreibt das Portal.")
    facts = write_ttl(
        "facts.ttl",
        """ggd:amt a gg:Authority ; skos:prefLabel "Amt"@de , "Office"@en ;
    skos:definition "Ein Amt."@de , "An office."@en ; gg:level ggc:municipal ;
    prov:wasDerivedFrom [ a oa:SpecificResource ; oa:hasSource ggd:source-test ;
        oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "Das Amt verkauft Brot" ] ] .
""",
    )
    (tmp_path / "facts.ttl").write_text(facts.read_text(encoding="utf-8"), encoding="utf-8")
    result = govgraph("--data", str(tmp_path), "validate")
    assert result.code != 0
    line = next(x for x in (result.out + result.err).splitlines() if "Das Amt verkauft Brot" in x)
    assert "facts.ttl:" in line and "quote not in source doc.txt" in line


def test_validate_fails_when_a_source_file_changed(govgraph, tmp_path):
    _own_source(tmp_path, "Der Text wurde nachträglich geändert.", "Der ursprüngliche Text.")
    result = govgraph("--data", str(tmp_path), "validate")
    assert result.code != 0
    out = result.out + result.err
    assert "doc.ttl:" in out and "source file doc.txt changed" in out


def test_shipped_graph_validates_with_hashes_and_locators(govgraph):
    result = govgraph("validate")
    assert result.code == 0, result.out + result.err
    assert "hashes" in result.out and "locators" in result.out


def test_conflicts_of_one_source(govgraph):
    report = run_json(govgraph, "conflicts", "--source", "GB StT RLP")
    assert len({r["conflict_iri"] for r in report}) == 5
    ozg = govgraph("--today", TODAY, "conflicts", "--source", "OZG")
    assert ozg.code == 1 and "keine Ergebnisse" in ozg.err
