"""govgraph queries / govgraph query: parameters as terms, W3C result formats, clear refusals."""

from __future__ import annotations

import io
import json
import sys

import pyoxigraph as ox

GGD = "https://w3id.org/govgraph/id/"
INJECTION = 'x" } ; DROP ALL ; #'


def test_queries_lists_names_parameters_and_tags(govgraph):
    result = govgraph("queries", "--format", "json")
    assert result.code == 0
    items = {i["name"]: i for i in json.loads(result.out)}
    evidence = items["evidence-for"]
    assert evidence["summary"] and evidence["description"] and "research" in evidence["tags"]
    assert {
        "name": "subject",
        "variable": "_subject_iri",
        "type": "iri",
        "optional": False,
        "default": None,
    } in evidence["parameters"]
    assert {
        "name": "lang",
        "variable": "__lang",
        "type": "string",
        "optional": True,
        "default": "de",
    } in evidence["parameters"]
    table = govgraph("queries")
    assert "evidence-for" in table.out and "--param subject=…  (iri, Pflicht)" in table.out


def test_injection_through_a_parameter_is_bound_as_one_literal(govgraph, tmp_path):
    query = tmp_path / "echo.rq"
    query.write_text(
        "SELECT ?_text (STRLEN(?_text) AS ?n) WHERE { ?s ?p ?o } LIMIT 1\n", encoding="utf-8"
    )
    result = govgraph("query", str(query), "--param", f"text={INJECTION}", "--format", "json")
    assert result.code == 0, result.err
    binding = json.loads(result.out)["results"]["bindings"][0]
    assert binding["_text"] == {"type": "literal", "value": INJECTION}
    assert binding["n"]["value"] == str(len(INJECTION))
    # ... and the graph is still all there.
    assert govgraph("query", "-e", "ASK { ?s ?p ?o }").out.strip() == "ja"


def test_injection_into_an_iri_parameter_is_refused_or_resolved(govgraph):
    result = govgraph("query", "evidence-for", "--param", f"subject={INJECTION}")
    assert result.code == 1 and "no entity matches" in result.err
    bad_iri = govgraph("query", "evidence-for", "--param", "subject=<http://x> } DROP ALL { <y>")
    assert bad_iri.code == 2 and "not an IRI" in bad_iri.err


def test_entity_parameters_accept_labels(govgraph):
    by_label = govgraph("query", "evidence-for", "-p", "subject=IT-PLR", "--format", "json")
    by_iri = govgraph(
        "query", "evidence-for", "-p", "subject=ggd:it-planungsrat", "--format", "json"
    )
    assert by_label.code == 0 and by_label.out == by_iri.out
    assert "Bereits zuvor hatte der IT-Planungsrat ein Kommunalgremium etabliert." in by_label.out


def test_missing_mandatory_parameter_is_named(govgraph):
    result = govgraph("query", "evidence-for")
    assert result.code == 2 and "subject (iri)" in result.err
    unknown = govgraph("query", "evidence-for", "-p", "subject=NOOTS", "-p", "nope=1")
    assert unknown.code == 2 and "nope" in unknown.err


def test_typed_parameters_are_checked(govgraph):
    result = govgraph("query", "funding-by-period", "-p", "from=sometime")
    assert result.code == 2 and "not a date" in result.err
    german = govgraph("query", "funding-by-period", "-p", "from=01.01.2027", "--format", "csv")
    iso = govgraph("query", "funding-by-period", "-p", "from=2027-01-01", "--format", "csv")
    assert german.out == iso.out and "Bund" in german.out


def test_json_results_follow_the_w3c_format(govgraph):
    result = govgraph(
        "query",
        "-e",
        'SELECT ?i ?l ?n ?s ?u WHERE { BIND(<http://e/x> AS ?i) BIND("a"@de AS ?l) '
        'BIND(3 AS ?n) BIND("plain" AS ?s) }',
        "--format",
        "json",
    )
    doc = json.loads(result.out)
    assert doc["head"] == {"vars": ["i", "l", "n", "s", "u"]}
    assert doc["results"]["bindings"] == [
        {
            "i": {"type": "uri", "value": "http://e/x"},
            "l": {"type": "literal", "value": "a", "xml:lang": "de"},
            "n": {
                "type": "literal",
                "value": "3",
                "datatype": "http://www.w3.org/2001/XMLSchema#integer",
            },
            "s": {"type": "literal", "value": "plain"},
        }
    ]
    # pyoxigraph's own parser reads it back.
    parsed = ox.parse_query_results(result.out, format=ox.QueryResultsFormat.JSON)
    assert [s["l"] for s in parsed] == [ox.Literal("a", language="de")]
    ask = govgraph("query", "-e", "ASK { ?s ?p ?o }", "--format", "json")
    assert json.loads(ask.out) == {"head": {}, "boolean": True}


def test_csv_and_tsv_follow_the_w3c_formats(govgraph):
    q = (
        'SELECT ?i ?l ?q WHERE { BIND(<http://e/x> AS ?i) BIND("a, b"@de AS ?l) '
        'BIND("say \\"hi\\"\\tnow" AS ?q) }'
    )
    csv = govgraph("query", "-e", q, "--format", "csv").out
    assert csv == 'i,l,q\r\nhttp://e/x,"a, b","say ""hi""\tnow"\r\n'
    tsv = govgraph("query", "-e", q, "--format", "tsv").out
    assert tsv == '?i\t?l\t?q\n<http://e/x>\t"a, b"@de\t"say \\"hi\\"\\tnow"\n'
    parsed = list(ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV))
    assert parsed[0]["q"] == ox.Literal('say "hi"\tnow')


def test_construct_as_turtle_ntriples_and_jsonld(govgraph):
    q = (
        "PREFIX gg: <https://w3id.org/govgraph/ontology#> "
        "CONSTRUCT { ?m a gg:Ministry } WHERE { ?m a gg:Ministry }"
    )
    ttl = govgraph("query", "-e", q)
    assert ttl.code == 0 and "ggd:mastd a gg:Ministry" in ttl.out
    nt = govgraph("query", "-e", q, "--format", "nt")
    assert f"<{GGD}bmds> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" in nt.out
    jsonld = govgraph("query", "-e", q, "--format", "jsonld")
    assert json.loads(jsonld.out)
    wrong = govgraph("query", "-e", q, "--format", "csv")
    assert wrong.code == 2 and "CONSTRUCT" in wrong.err


def test_query_from_stdin_and_file(govgraph, tmp_path, monkeypatch):
    monkeypatch.setattr(
        sys, "stdin", io.StringIO("ASK { ?s a <https://w3id.org/govgraph/ontology#Ministry> }")
    )
    assert govgraph("query", "-").out.strip() == "ja"
    missing = govgraph("query", str(tmp_path / "nope.rq"))
    assert missing.code == 2 and "no such file" in missing.err
    unknown = govgraph("query", "no-such-query")
    assert unknown.code == 1 and "no named query" in unknown.err


def test_syntax_errors_name_line_and_column(govgraph):
    result = govgraph("query", "-e", "SELECT ?x WHERE {\n  ?x ?y }")
    assert result.code == 1
    assert "line 2, column" in result.err and len(result.err.strip().splitlines()) == 1
    prefix = govgraph("query", "-e", "SELECT ?x WHERE { ?x skos:prefLabel ?y }")
    assert "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>" in prefix.err


def test_update_refused_locally_also_behind_a_comment(govgraph):
    for text in (
        "DROP ALL",
        "# SELECT\nCLEAR DEFAULT",
        "PREFIX a: <http://a/>\nINSERT DATA { a:b a:c a:d }",
    ):
        result = govgraph("query", "-e", text)
        assert result.code == 1 and "UPDATE refused" in result.err
    assert govgraph("query", "-e", "ASK { ?s ?p ?o }").out.strip() == "ja"


def test_english_labels_with_lang_en(govgraph):
    result = govgraph(
        "--lang", "en", "query", "actors-by-level", "-p", "level=ggc:federal", "--format", "csv"
    )
    assert "federal" in result.out and "Federal Criminal Police Office" in result.out
