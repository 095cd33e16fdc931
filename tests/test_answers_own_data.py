"""Every answer command works on a user's own `--data` file alone, and without rdflib/pyvis."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import evidence

OWN = """
@prefix org: <http://www.w3.org/ns/org#> .
ggd:t2030 a gg:TimePoint ; rdfs:label "2030"@de , "2030"@en ; gg:precision ggc:year ;
    gg:notBefore "2030-01-01"^^xsd:date ; gg:notAfter "2030-12-31"^^xsd:date .
ggd:t2031 a gg:TimePoint ; rdfs:label "2031"@de , "2031"@en ; gg:precision ggc:year ;
    gg:notBefore "2031-01-01"^^xsd:date ; gg:notAfter "2031-12-31"^^xsd:date .
ggd:tspring a gg:TimePoint ; rdfs:label "Frühjahr 2030"@de , "spring 2030"@en ;
    gg:precision ggc:season ;
    gg:notBefore "2030-03-01"^^xsd:date ; gg:notAfter "2030-05-31"^^xsd:date .
ggd:stadt-x a gg:Municipality ; skos:prefLabel "Stadt Xhausen"@de , "City of Xhausen"@en ;
    skos:altLabel "SX"@de ; %(e1)s .
ggd:amt-x a gg:Unit ; skos:prefLabel "Digitalamt Xhausen"@de , "Xhausen digital office"@en ;
    org:unitOf ggd:stadt-x ; %(e1)s .
ggd:verband-y a gg:Association ; skos:prefLabel "Verband Ypsilon"@de , "Ypsilon Association"@en ;
    %(e1)s .
ggd:thema-z a gg:Topic ; skos:prefLabel "Zettelwirtschaft"@de , "paperwork"@en ; %(e1)s .
ggd:portal-z a gg:ITSystem ; skos:prefLabel "Zettelportal"@de , "paperwork portal"@en ;
    gg:concerns ggd:thema-z ; %(e1)s .
ggd:resp-1 a gg:FundingArrangement ; rdfs:label "Amt finanziert das Zettelportal 2030"@de ;
    gg:actor ggd:amt-x ; gg:subject ggd:portal-z ; gg:role ggc:financing ; gg:share 0.25 ;
    gg:validDuring [ a time:Interval ; time:hasBeginning ggd:t2030 ; time:hasEnd ggd:t2030 ] ;
    %(e1)s .
ggd:resp-2 a gg:FundingArrangement ; rdfs:label "Verband finanziert das Zettelportal ab 2031"@de ;
    gg:actor ggd:verband-y ; gg:subject ggd:portal-z ; gg:role ggc:financing ; gg:share 1.0 ;
    gg:certainty ggc:intended ;
    gg:validDuring [ a time:Interval ; time:hasBeginning ggd:t2031 ] ; %(e1)s .
ggd:deadline-1 a gg:Deadline ; rdfs:label "Stadt muss das Portal bis 2031 anbinden"@de ;
    gg:actor ggd:stadt-x ; gg:subject ggd:portal-z ; gg:role ggc:obligation ;
    gg:dueBy ggd:t2031 ; %(e1)s .
ggd:demand-1 a gg:Demand ; rdfs:label "Verband fordert weniger Zettel"@de ;
    gg:actor ggd:verband-y ; gg:addressee ggd:amt-x ; gg:subject ggd:thema-z ; gg:role ggc:demand ;
    time:hasTime ggd:tspring ; %(e1)s .
"""


@pytest.fixture
def own(write_ttl):
    return write_ttl("own.ttl", OWN % {"e1": evidence("Zettel")})


def call(govgraph, own, *args):
    result = govgraph("--no-builtin", "--data", str(own), "--today", "2030-06-01", *args)
    return result


def test_who_on_own_data(govgraph, own):
    result = call(govgraph, own, "who", "Zettelportal", "--format", "json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    actors = {(r["actor"], r["via"]) for r in rows}
    assert ("Digitalamt Xhausen", "") in actors
    assert ("Stadt Xhausen", "über Einheit Digitalamt Xhausen") in actors
    # Funding agreed to begin later (2031) is shown as such, with its period, not as current.
    ahead = [r for r in rows if r["actor"] == "Verband Ypsilon"]
    assert ahead and all(r["from"] > "2030-06-01" for r in ahead)
    later = json.loads(
        call(govgraph, own, "who", "Zettelportal", "--at", "2031-02-01", "--format", "json").out
    )
    assert [r["share"] for r in later if r["actor"] == "Verband Ypsilon"] == [1.0]
    # The topic counts the portal that concerns it.
    topic = json.loads(
        call(govgraph, own, "who", "Zettelwirtschaft", "--all-times", "--format", "json").out
    )
    assert any(r["via"] == "über Zettelportal (betrifft)" for r in topic)


def test_what_deadlines_demands_search_show_on_own_data(govgraph, own):
    result = call(govgraph, own, "what", "SX", "--format", "json")
    assert result.code == 0, result.err
    relations = {r["relation"] for r in json.loads(result.out)}
    assert {"funds", "deadline", "asked"} <= relations
    rows = json.loads(call(govgraph, own, "deadlines", "--format", "json").out)
    assert [(r["when"], r["status"]) for r in rows] == [
        ("Frühjahr 2030", "past"),
        ("2031", "upcoming"),
    ]
    rows = json.loads(
        call(govgraph, own, "demands", "--to", "Stadt Xhausen", "--format", "json").out
    )
    assert rows[0]["actor"] == "Verband Ypsilon" and rows[0]["when"] == "Frühjahr 2030"
    rows = json.loads(call(govgraph, own, "search", "zettel", "--format", "json").out)
    assert {r["label"] for r in rows} == {"Zettelwirtschaft", "Zettelportal"}
    result = call(govgraph, own, "show", "Digitalamt Xhausen")
    assert result.code == 0 and "→ ist Einheit von: Stadt Xhausen" in result.out
    # The shipped graph is left out.
    assert call(govgraph, own, "who", "NOOTS").code == 1


def test_query_path_imports_neither_rdflib_nor_pyvis():
    code = (
        "import sys\n"
        "from govgraph.cli.main import run\n"
        "sys.argv = ['govgraph', '--today', '2026-11-27', 'who', 'RegMo', '--format', 'json']\n"
        "try:\n"
        "    run()\n"
        "except SystemExit as stop:\n"
        "    assert not stop.code, stop.code\n"
        "heavy = sorted(m for m in ('rdflib', 'pyvis') if m in sys.modules)\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "HEAVY []" in result.stderr
