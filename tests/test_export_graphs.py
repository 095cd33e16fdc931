"""`govgraph export --format trig|nq` keeps one named graph per source, for a triple store's bulk
loader: a source record and its facts in the graph named after the record's IRI, the ontology in
a graph of its own, cross-source files (aliases, conflicts) each in theirs; together they hold
exactly the triples of the plain export. Loading into Virtuoso: tests/test_virtuoso.py."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from query_examples import normalised_triples

GG = "https://w3id.org/govgraph/ontology#"
GRAPH = "https://w3id.org/govgraph/graph/"
SOURCE_DOCUMENT = ox.NamedNode(GG + "SourceDocument")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _export(govgraph, tmp_path, fmt: str):
    path = tmp_path / f"govgraph.{fmt}"
    result = govgraph("export", "--format", fmt, "-o", str(path))
    assert result.code == 0, result.err
    return path


@pytest.mark.parametrize(
    "fmt,rdf_format", [("nq", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG)]
)
def test_dataset_export_has_one_graph_per_source(govgraph, tmp_path, fmt, rdf_format):
    store = ox.Store()
    store.load(path=str(_export(govgraph, tmp_path, fmt)), format=rdf_format)
    graphs = {g.value for g in store.named_graphs()}
    assert not list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    records = {q.subject.value for q in store.quads_for_pattern(None, RDF_TYPE, SOURCE_DOCUMENT)}
    assert len(records) == 5
    assert graphs == records | {GRAPH + "ontology", GRAPH + "aliases", GRAPH + "conflicts"}
    for record in records:
        # The record describes itself in its own graph, next to the facts taken from it.
        name = ox.NamedNode(record)
        assert list(store.quads_for_pattern(name, RDF_TYPE, SOURCE_DOCUMENT, name))
        facts = store.query(
            "PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX oa: <http://www.w3.org/ns/oa#> "
            "ASK { ?fact prov:wasDerivedFrom/oa:hasSource ?s }",
            default_graph=name,
            substitutions={ox.Variable("s"): name},
        )
        assert bool(facts), record
    ontology = ox.NamedNode(GRAPH + "ontology")
    assert list(store.quads_for_pattern(ox.NamedNode(GG + "Fact"), None, None, ontology))
    assert not list(store.quads_for_pattern(None, RDF_TYPE, SOURCE_DOCUMENT, ontology))


def test_union_of_the_graphs_is_the_plain_export(govgraph, tmp_path):
    quads = list(ox.parse(path=str(_export(govgraph, tmp_path, "nq")), format=ox.RdfFormat.N_QUADS))
    plain = _export(govgraph, tmp_path, "nt").read_text(encoding="utf-8")
    union = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES).decode()
    assert set(normalised_triples(union)) == set(normalised_triples(plain))
    # the same number of distinct triples (blank nodes aside, the sets above would hide a loss)
    assert len({q.triple for q in quads}) == len(set(plain.strip().splitlines()))
