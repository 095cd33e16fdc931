"""Real questions from every section of the first source, asked in SPARQL over the loaded graph."""

from __future__ import annotations

import pytest

from conftest import REPORT_ONLY_FILES
from govgraph.graph.store.dataset import DataSelection, load_store

PREFIXES = """
PREFIX gg: <https://w3id.org/govgraph/ontology#>
PREFIX ggc: <https://w3id.org/govgraph/concept/>
PREFIX ggd: <https://w3id.org/govgraph/id/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
GGD = "https://w3id.org/govgraph/id/"


@pytest.fixture(scope="module")
def ask():
    # The report's facts alone: these questions check query logic on its known rows.
    store = load_store(DataSelection(builtin=False, extra=REPORT_ONLY_FILES).files())

    def run(query: str) -> list[dict[str, str]]:
        result = store.query(PREFIXES + query)
        names = [v.value for v in result.variables]
        rows = []
        for solution in result:
            rows.append(
                {n: solution[n].value.removeprefix(GGD) for n in names if solution[n] is not None}
            )
        return rows

    return run


def test_verwaltungsdigitalisierung_kommunalgremium_advises_it_planungsrat(ask):
    """Section Verwaltungsdigitalisierung: the IT-PLR's municipal committee and who sits in it."""
    rows = ask("""
        SELECT ?role ?count WHERE {
          ggd:kommunalgremium org:unitOf|org:subOrganizationOf ggd:it-planungsrat .
          ?m a gg:Membership ; org:member ggd:staedtetag-rlp ;
             org:organization ggd:kommunalgremium ;
             org:role ?role ; gg:count ?count .
        }""")
    assert rows == [{"role": "https://w3id.org/govgraph/concept/representative", "count": "2"}]


def test_verwaltungsdigitalisierung_e_government_agreement(ask):
    """The E-Government cooperation agreement of 2018, revised by ArGe KSV and the Land."""
    rows = ask("""
        SELECT ?party WHERE { ggd:kooperationsvereinbarung-e-government gg:party ?party }
        ORDER BY ?party""")
    assert [r["party"] for r in rows] == ["arge-ksv", "land-rlp"]
    statuses = ask("""
        SELECT ?status ?year WHERE {
          ?c a gg:StatusChange ; gg:subject ggd:kooperationsvereinbarung-e-government ;
             gg:status ?status .
          OPTIONAL { ?c time:hasTime/time:inXSDgYear ?year }
        } ORDER BY ?status""")
    assert {r["status"].rsplit("/", 1)[1]: r.get("year") for r in statuses} == {
        "inForce": "2018",
        "revised": None,  # the source gives no date for the revision; none is invented
    }
    concerns = ask("""SELECT ?x WHERE {
        ggd:kooperationsvereinbarung-e-government gg:concerns ?x }""")
    assert {"ozg", "registermodernisierung"} <= {r["x"] for r in concerns} | {
        r["x"].replace("topic-", "") for r in concerns
    }


def test_ozg_basisdienste_available_since_january_2025(ask):
    rows = ask("""
        SELECT ?ym ?precision WHERE {
          ?c a gg:StatusChange ; gg:subject ggd:basisdienste ; gg:status ggc:available ;
             time:hasTime ?t . ?t time:inXSDgYearMonth ?ym ; gg:precision ?precision }""")
    assert rows == [{"ym": "2025-01", "precision": "https://w3id.org/govgraph/concept/month"}]


def test_ozg_fertigungsstrecke_started_by_the_land_on_15_july_2025(ask):
    rows = ask("""
        SELECT ?actor ?day WHERE {
          ?c a gg:StatusChange ; gg:subject ggd:fertigungsstrecke-3-0 ; gg:status ggc:started ;
             gg:actor ?actor ; time:hasTime/time:inXSDDate ?day }""")
    assert rows == [{"actor": "land-rlp", "day": "2025-07-15"}]


def test_ozg_demand_for_epay21_funding_beyond_2025(ask):
    rows = ask("""
        SELECT ?by ?to WHERE {
          ?d a gg:Demand ; gg:subject ggd:epay21 ; gg:actor ?by ; gg:addressee ?to }""")
    assert rows == [{"by": "staedtetag-rlp", "to": "land-rlp"}]


def test_regmo_noots_status_history_in_order(ask):
    rows = ask("""
        SELECT ?status ?actor ?from WHERE {
          ?c a gg:StatusChange ; gg:subject ggd:noots-staatsvertrag ; gg:status ?status ;
             gg:actor ?actor .
          OPTIONAL { ?c time:hasTime/gg:notBefore ?from }
        } ORDER BY (!BOUND(?from)) ?from ?status""")
    steps = [(r["status"].rsplit("/", 1)[1], r["actor"], r.get("from")) for r in rows]
    assert steps[0] == ("draftAgreed", "cds-staats-senatskanzleien", "2024-10-01")
    assert steps[1] == ("approved", "ministerpraesidenten", "2024-12-01")
    assert ("ratificationPending", "alle-bundeslaender") in {(s, a) for s, a, _ in steps}
    assert "inForce" not in {s for s, _, _ in steps}  # not in force yet per the source


def test_regmo_ratification_deadline_is_mid_2026_not_a_day(ask):
    rows = ask("""
        SELECT ?actor ?label ?precision ?nb ?na ?day WHERE {
          ?d a gg:Deadline ; gg:subject ggd:noots-staatsvertrag ; gg:actor ?actor ;
             gg:dueBy ?t . ?t rdfs:label ?label ; gg:precision ?precision ;
             gg:notBefore ?nb ; gg:notAfter ?na . FILTER(LANG(?label) = "de")
          OPTIONAL { ?t time:inXSDDate ?day }
        }""")
    assert len(rows) == 1
    row = rows[0]
    assert row["actor"] == "alle-bundeslaender"
    assert row["label"] == "Mitte 2026"
    assert row["precision"].endswith("/halfYear")
    assert "day" not in row
    assert row["nb"] < "2026-06-30" < row["na"]


def test_regmo_noots_funding_by_period(ask):
    rows = ask("""
        SELECT ?funder ?share ?from ?to ?certainty WHERE {
          ?f a gg:FundingArrangement ; gg:subject ggd:noots ; gg:actor ?funder ; gg:share ?share ;
             gg:validDuring ?i .
          OPTIONAL { ?i time:hasBeginning/gg:notBefore ?from }
          OPTIONAL { ?i time:hasEnd/gg:notAfter ?to }
          OPTIONAL { ?f gg:certainty ?certainty }
        } ORDER BY ?from ?funder""")
    got = [(r["funder"], float(r["share"]), r.get("from"), r.get("to")) for r in rows]
    assert got == [
        ("it-planungsrat", 1.0, "2025-01-01", "2026-12-31"),
        ("bund", 0.5, "2027-01-01", None),
        ("fitko", 0.5, "2027-01-01", None),
    ]
    assert [r.get("certainty", "").rsplit("/", 1)[-1] for r in rows] == ["", "intended", "intended"]


def test_regmo_landeskoordination_is_a_unit_of_the_mastd_and_named_registers(ask):
    rows = ask("""
        SELECT ?register ?count WHERE {
          ggd:landeskoordination-regmo org:unitOf ggd:mastd .
          ?r gg:actor ggd:landeskoordination-regmo ; gg:subject ?register .
          ?register a gg:Register ; gg:count ?count }""")
    assert rows == [{"register": "weitere-kommunalrelevante-register", "count": "3"}]
    top = ask("SELECT ?c WHERE { ggd:top-register gg:count ?c }")
    assert top == [{"c": "17"}]


def test_informationssicherheit_sis_demand_to_bka_mastd_and_interior(ask):
    rows = ask("""
        SELECT ?to WHERE {
          ?d a gg:Demand ; gg:actor ggd:staedtetag-rlp ; gg:addressee ?to ;
             gg:subject/gg:partOf*/skos:related*|gg:subject ?s .
          FILTER(?s IN (ggd:anbindung-waffenbehoerden-sis, ggd:sis))
        } ORDER BY ?to""")
    assert sorted({r["to"] for r in rows}) == ["bka", "innenministerium", "mastd"]


def test_informationssicherheit_cybernotruf_at_cert_rlp(ask):
    rows = ask("""
        SELECT ?actor ?role WHERE {
          ?r a gg:Responsibility ; gg:subject ggd:cybernotruf ; gg:actor ?actor ; gg:role ?role }
        ORDER BY ?actor""")
    actors = {r["actor"] for r in rows}
    assert {"cert-rlp", "land-rlp"} <= actors


def test_datenschutz_lfdi_guest_and_dsk_decision_in_march_2025(ask):
    guest = ask("""
        SELECT ?event ?season WHERE {
          ?p a gg:Participation ; gg:actor ggd:lfdi ; gg:role ggc:guest ; gg:subject ?event .
          ?event time:hasTime/rdfs:label ?season . FILTER(LANG(?season) = "de") }""")
    assert len(guest) == 1 and "Herbst 2024" in guest[0]["season"]
    dsk = ask("""
        SELECT ?ym WHERE {
          ?c a gg:StatusChange ; gg:actor ggd:datenschutzkonferenz ; gg:status ggc:adopted ;
             time:hasTime/time:inXSDgYearMonth ?ym }""")
    assert dsk == [{"ym": "2025-03"}]
    welcomed = ask("""
        SELECT ?role WHERE {
          ?d a gg:Demand ; gg:actor ggd:staedtetag-rlp ; gg:role ?role ;
             gg:subject ggd:dsk-entscheidung-efa-datenschutzaufsicht }""")
    assert [r["role"].rsplit("/", 1)[1] for r in welcomed] == ["endorsement"]


def test_ki_oberzentren_and_demand_to_mastd(ask):
    members = ask("""
        SELECT ?city WHERE {
          ?m a gg:Membership ; org:member ?city ;
             org:organization ggd:zusammenschluss-oberzentren-ki
        } ORDER BY ?city""")
    assert [r["city"] for r in members] == ["koblenz", "ludwigshafen", "mainz", "trier"]
    demands = ask("""
        SELECT ?d WHERE {
          ?d a gg:Demand ; gg:actor ggd:staedtetag-rlp ; gg:addressee ggd:mastd ;
             gg:subject/skos:broader* ggd:topic-ki }""")
    assert len(demands) >= 1


def test_every_fact_names_its_evidence_source(ask):
    """Every fact of the report's file rests on a quote of the report: none lacks it."""
    (counts,) = ask("""
        SELECT (COUNT(DISTINCT ?f) AS ?facts) (COUNT(DISTINCT ?sourced) AS ?withSource) WHERE {
          ?f a/rdfs:subClassOf* gg:Fact .
          OPTIONAL { ?f prov:wasDerivedFrom ?ev . ?ev oa:hasSource ggd:source-000_2f97107a3c89067a ;
                        oa:hasSelector/oa:exact ?quote . BIND(?f AS ?sourced) } }""")
    assert int(counts["facts"]) >= 70
    assert counts["withSource"] == counts["facts"]
