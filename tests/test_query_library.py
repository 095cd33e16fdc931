"""The named queries: every file parses and follows the grlc conventions; every research query
returns the rows the source text says it should."""

from __future__ import annotations

import re

import pytest

from govgraph.graph.sparql.catalog import all_queries, named_query
from govgraph.graph.sparql.runner import PreparedQuery, bind_params
from govgraph.graph.store.backend import LocalBackend
from govgraph.graph.store.dataset import DataSelection, load_store
from govgraph.graph.store.guard import check_query

QUERIES = all_queries()
GGD = "https://w3id.org/govgraph/id/"


@pytest.fixture(scope="module")
def backend():
    return LocalBackend(load_store(DataSelection().files()))


def test_there_are_at_least_15_named_queries():
    assert len(QUERIES) >= 15


@pytest.mark.parametrize("q", QUERIES, ids=lambda q: q.name)
def test_every_query_parses_and_follows_the_conventions(q):
    checked = check_query(q.text)  # pyoxigraph parses it; no UPDATE, SERVICE, FROM
    assert q.summary and q.summary != q.name, "#+ summary: missing"
    assert q.description, "#+ description: missing"
    assert q.tags, "#+ tags: missing"
    body = [line for line in q.text.splitlines() if not line.startswith("#")]
    prefixes = {line.split()[1] for line in body if line.upper().startswith("PREFIX")}
    for used in ("gg:", "skos:", "rdfs:", "org:", "time:", "prov:", "oa:", "dcterms:"):
        if any(used in line for line in body if not line.upper().startswith("PREFIX")):
            assert used in prefixes, f"{used} used without an explicit PREFIX"
    single_row = q.name == "graph-summary"  # totals only: one row, nothing to order
    if checked.form == "SELECT" and not single_row:
        assert "ORDER BY" in q.text, "SELECT without a deterministic ORDER BY"
    for p in q.params:
        assert p.variable.startswith("_")


def rows(backend, name: str, **given: str) -> list[dict[str, str]]:
    q = named_query(name)
    prepared = PreparedQuery(q.name, q.text, q.params)
    bindings = bind_params(prepared, given, backend, "de")
    return [{k: v.value for k, v in r.items()} for r in backend.select(q.text, bindings)]


def contains(result: list[dict[str, str]], expected: dict[str, str]) -> bool:
    return any(all(r.get(k) == v for k, v in expected.items()) for r in result)


# (query, parameters, rows that must be there - values from the source text)
CASES = [
    # "Künftig sollen sämtliche bundespolitischen Aufgaben im Bereich der Digitalisierung ...
    # in einem neu geschaffenen Bundesministerium für Digitales und Staatsmodernisierung gebündelt"
    (
        "responsibilities-by-topic",
        {"topic": "Digitalisierung"},
        [
            {
                "actorLabel": "Bundesministerium für Digitales und Staatsmodernisierung",
                "roleLabel": "Federführung",
                "certaintyLabel": "beabsichtigt",
            },
        ],
    ),
    # "Seitens des Landes wird ein Cybernotruf beim cert-rlp aufgebaut"
    (
        "responsibilities-by-topic",
        {"topic": "Informationssicherheit"},
        [
            {"actorLabel": "Land Rheinland-Pfalz", "topic": GGD + "topic-informationssicherheit"},
        ],
    ),
    # "die Finanzierung hälftig durch den Bund und die Föderale IT-Kooperation (FITKO)"
    (
        "responsibilities-by-actor",
        {"actor": "FITKO"},
        [
            {"subject": GGD + "noots", "roleLabel": "Finanzierung"},
        ],
    ),
    # "Im Dezember 2024 stimmten die Ministerpräsidentinnen und -präsidenten dem NOOTS-Staatsvertrag
    # zu"
    (
        "agreement-status-history",
        {"agreement": "NOOTS-Staatsvertrag"},
        [
            {
                "statusLabel": "Entwurf abgestimmt",
                "timeLabel": "Ende des Jahres 2024",
                "notBefore": "2024-10-01",
                "notAfter": "2024-12-31",
            },
            {"statusLabel": "zugestimmt", "timeLabel": "Dezember 2024", "precisionLabel": "Monat"},
            {"statusLabel": "Ratifizierung ausstehend"},
        ],
    ),
    # "die bestehende Kooperationsvereinbarung »E-Government« aus dem Jahr 2018 ... überarbeitet"
    (
        "agreements",
        {},
        [
            {"agreement": GGD + "kooperationsvereinbarung-e-government", "statusChanges": "2"},
            {"agreement": GGD + "noots-staatsvertrag", "typeLabel": "Staatsvertrag"},
        ],
    ),
    # "für die Jahre 2025 und 2026 vollständig über Mittel des IT-Planungsrates abgesichert"
    (
        "funding-by-period",
        {"from": "2025-06-01", "to": "2025-12-31"},
        [
            {
                "actorLabel": "IT-Planungsrat",
                "share": "1",
                "begin": "2025-01-01",
                "end": "2026-12-31",
            },
        ],
    ),
    # "Ab dem Jahr 2027 soll die Finanzierung hälftig durch den Bund und ... (FITKO)"
    (
        "funding-by-period",
        {"from": "2027-01-01"},
        [
            {"actorLabel": "Bund", "share": "0.5", "beginLabel": "2027"},
            {"actorLabel": "Föderale IT-Kooperation", "share": "0.5"},
        ],
    ),
    # "dass wir zwei Vertreter in das Gremium entsenden konnten"
    (
        "memberships",
        {"organization": "Kommunalgremium"},
        [
            {"memberLabel": "Städtetag Rheinland-Pfalz", "roleLabel": "Vertretung", "count": "2"},
        ],
    ),
    # "Die meisten Basisdienste stehen seit Januar 2025 ... zur Verfügung"
    (
        "programmes-and-systems-by-status",
        {},
        [
            {"work": GGD + "basisdienste", "statusLabel": "verfügbar", "timeLabel": "Januar 2025"},
            {
                "work": GGD + "fertigungsstrecke-3-0",
                "statusLabel": "gestartet",
                "notBefore": "2025-07-15",
            },
        ],
    ),
    (
        "programmes-and-systems-by-status",
        {"status": "ggc:delayed"},
        [
            {"work": GGD + "epaybl", "statusLabel": "verzögert"},
        ],
    ),
    (
        "actors-by-level",
        {"level": "ggc:federal"},
        [
            {"actor": GGD + "bmds", "levelLabel": "Bund"},
            {"actor": GGD + "bka", "typeLabel": "Behörde"},
        ],
    ),
    (
        "actors-by-level",
        {},
        [
            {"actor": GGD + "it-planungsrat", "levelLabel": "Bund und Länder gemeinsam"},
            {"actor": GGD + "mastd", "levelLabel": "Land"},
            {"actor": GGD + "staedtetag-rlp", "levelLabel": "kommunal"},
        ],
    ),
    (
        "evidence-for",
        {"subject": "ggd:fund-bund-noots-ab-2027"},
        [
            {
                "quote": "Ab dem Jahr 2027 soll die Finanzierung hälftig durch den Bund und die "
                "Föderale IT-Kooperation (FITKO) erfolgen.",
                "source": GGD + "source-000_2f97107a3c89067a",
            },
        ],
    ),
    (
        "facts-by-source",
        {"source": "ggd:source-000_2f97107a3c89067a"},
        [
            {"fact": GGD + "deadline-noots-ratifizierung", "kindLabel": "Frist"},
        ],
    ),
    (
        "topics-hierarchy",
        {},
        [
            {"topic": GGD + "topic-digitalisierung", "depth": "0"},
            {
                "topic": GGD + "topic-informationssicherheit",
                "broader": GGD + "topic-digitale-resilienz",
                "depth": "2",
            },
        ],
    ),
    # "spätestens bis Mitte 2026": a half-year, not a made-up day
    (
        "time-points",
        {},
        [
            {"label": "Mitte 2026", "precisionLabel": "Halbjahr"},
            {
                "label": "23. Februar 2025",
                "precisionLabel": "Tag",
                "notBefore": "2025-02-23",
                "notAfter": "2025-02-23",
            },
        ],
    ),
    # "Am 10. April 2025 fand eine landesweite Informationsveranstaltung zum OZG in Koblenz statt."
    (
        "events-by-period",
        {"from": "2025-04-01", "to": "2025-04-30"},
        [
            {"event": GGD + "infoveranstaltung-ozg-koblenz-2025", "start": "2025-04-10"},
        ],
    ),
    # "haben wir das MASTD nachdrücklich aufgefordert"
    (
        "demands-by-addressee",
        {"addressee": "MASTD"},
        [
            {"addressee": GGD + "mastd"},
        ],
    ),
    # "innerhalb der Gremienstruktur des IT-Planungsrats"
    (
        "organisation-structure",
        {},
        [
            {
                "parent": GGD + "it-planungsrat",
                "relation": "unitOf",
                "unit": GGD + "kommunalgremium",
            },
        ],
    ),
    # "Gemeinsam mit dem Bildungsministerium wurden die Herausforderungen ... erörtert"
    (
        "participations",
        {"actor": "Bildungsministerium"},
        [
            {"subject": GGD + "topic-schuldigitalisierung"},
        ],
    ),
]


@pytest.mark.parametrize(
    "name, params, expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_research_query_rows(backend, name, params, expected):
    result = rows(backend, name, **params)
    for row in expected:
        assert contains(result, row), f"{name} {params}: no row with {row}"


# (query, parameters, column, the exact values of that column over all rows): a parameter that
# filters must leave only these - removing the filter from the query fails here, not only above.
EXACT = [
    (
        "demands-by-addressee",
        {"addressee": "MASTD"},
        "addressee",
        {GGD + "mastd", GGD + "landeskoordination-regmo"},  # the ministry and its unit
    ),
    (
        "responsibilities-by-topic",
        {"topic": "Informationssicherheit"},
        "responsibility",
        {GGD + "resp-cert-rlp-cybernotruf", GGD + "resp-land-cybernotruf"},
    ),
    (
        "responsibilities-by-actor",
        {"actor": "FITKO"},
        "actor",
        {GGD + "fitko", GGD + "geschaeftsstelle-noots", GGD + "koordinierende-stelle-noots"},
    ),
    (
        "agreement-status-history",
        {"agreement": "NOOTS-Staatsvertrag"},
        "change",
        {
            GGD + "status-noots-staatsvertrag-" + s
            for s in ("entwurf", "zustimmung", "ratifizierung-ausstehend", "in-kraft")
        },
    ),
    (
        "memberships",
        {"organization": "Kommunalgremium"},
        "membership",
        {GGD + "member-staedtetag-kommunalgremium"},
    ),
    (
        "programmes-and-systems-by-status",
        {"status": "ggc:delayed"},
        "change",
        {GGD + "status-epaybl-rollout-verzoegert"},
    ),
    ("actors-by-level", {"level": "ggc:federal"}, "levelLabel", {"Bund"}),
    (
        "evidence-for",
        {"subject": "ggd:fund-bund-noots-ab-2027"},
        "quote",
        {
            "Ab dem Jahr 2027 soll die Finanzierung hälftig durch den Bund und die "
            "Föderale IT-Kooperation (FITKO) erfolgen."
        },
    ),
    (
        "facts-by-source",
        {"source": "ggd:source-000_2f97107a3c89067a"},
        "source",
        {GGD + "source-000_2f97107a3c89067a"},
    ),
    (
        "events-by-period",
        {"from": "2025-04-01", "to": "2025-04-30"},
        "event",
        {
            GGD + "info-nachnutzungsrechte-2025",
            GGD + "infoveranstaltung-ozg-koblenz-2025",
            GGD + "uebermittlung-umfrageergebnisse-lrh",
        },
    ),
    (
        "participations",
        {"actor": "Bildungsministerium"},
        "participation",
        {GGD + "part-bildungsministerium-schuldigitalisierung"},
    ),
    (
        "funding-by-period",
        {"from": "2027-01-01"},
        "actor",
        # with no end: the Sitzland's part of FITKO's costs (IT-Staatsvertrag § 9 Abs. 4) and an
        # acceding Land's costs (NOOTS-Staatsvertrag § 11 Abs. 3)
        {
            GGD + "alle-bundeslaender",
            GGD + "beitretendes-land-noots",
            GGD + "bund",
            GGD + "fitko",
            GGD + "sitzland-fitko",
        },
    ),
]


@pytest.mark.parametrize(
    "name, params, column, exact", EXACT, ids=[f"{c[0]}-{i}" for i, c in enumerate(EXACT)]
)
def test_a_filter_leaves_exactly_these_rows(backend, name, params, column, exact):
    assert {r.get(column) for r in rows(backend, name, **params)} == exact


def test_every_research_query_has_a_rows_test():
    tested = {c[0] for c in CASES}
    research = {q.name for q in QUERIES if "research" in q.tags}
    assert research <= tested, research - tested


def test_filters_narrow_the_results(backend):
    everything = rows(backend, "funding-by-period")
    later = rows(backend, "funding-by-period", **{"from": "2027-01-01"})
    assert len(later) < len(everything)
    assert all(r.get("end", "9999") >= "2027-01-01" for r in later)
    events = rows(backend, "events-by-period", to="2024-12-31")
    assert events and all(r["start"] <= "2024-12-31" for r in events)


def test_labels_follow_the_language(backend):
    q = named_query("actors-by-level")
    prepared = PreparedQuery(q.name, q.text, q.params)
    en = backend.select(q.text, bind_params(prepared, {}, backend, "en"))
    assert any(r["actor"].value == GGD + "bund" and r["levelLabel"].value == "federal" for r in en)


def test_internal_queries_parse_and_each_is_used():
    """queries/internal/: the named queries of validate, VoID, push, diff and drafting - not in
    the public list, but checked like it, and none left unused."""
    from pathlib import Path

    from govgraph.graph.store.resources import queries_dir

    internal = {p.stem for p in (queries_dir() / "internal").glob("*.rq")}
    code = "\n".join(
        p.read_text(encoding="utf-8") for p in (Path(__file__).parents[1] / "graph").rglob("*.py")
    )
    used = set(re.findall(r"internal/([a-z-]+)", code)) | set(
        re.findall(r'_rows\("([a-z-]+)"\)', code)
    )
    assert internal == used
    assert not internal & {q.name for q in QUERIES}
    for name in internal:
        q = named_query(f"internal/{name}")
        assert check_query(q.text).form == "SELECT" and q.summary != q.name, name
