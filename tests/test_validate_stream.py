"""The streamed SHACL check (graph/store/shacl_stream.py) finds exactly what pyshacl finds over
the whole graph at once, on a synthetic graph with violations put in on purpose."""

from __future__ import annotations

import random
import re

import pyoxigraph as ox
import pytest
import rdflib

from conftest import generated_graph
from govgraph.graph.store.dataset import DataSelection, load_store
from govgraph.graph.store.rdflib_bridge import from_rdflib_term, to_rdflib_graph
from govgraph.graph.store.resources import shapes_file
from govgraph.graph.validation import shacl_stream

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
GG = "https://w3id.org/govgraph/ontology#"
LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _stable(term) -> str:
    return "" if isinstance(term, ox.BlankNode) else str(term)


@pytest.fixture(scope="module")
def broken_store(tmp_path_factory) -> ox.Store:
    """8k synthetic triples with the shipped vocabulary; then labels, types, actors, dates and
    evidence taken away or bent at random (fixed seed) — on focus nodes and on nodes pointed at."""
    data = generated_graph(tmp_path_factory.mktemp("stream"), 8000)
    store = load_store(DataSelection(builtin=False, extra=(data,)).files())
    rng = random.Random(26)
    quads = sorted(  # an order that does not depend on blank node labels (new at each load)
        store.quads_for_pattern(None, None, None, ox.DefaultGraph()),
        key=lambda q: (_stable(q.subject), q.predicate.value, _stable(q.object)),
    )
    for predicate in (
        LABEL.value,
        TYPE.value,
        GG + "actor",
        GG + "role",
        GG + "notBefore",
        GG + "dueBy",
        "http://www.w3.org/ns/prov#wasDerivedFrom",
        "http://www.w3.org/ns/oa#exact",
    ):
        hits = [q for q in quads if q.predicate.value == predicate]
        for quad in rng.sample(hits, min(12, len(hits))):
            store.remove(quad)
    for quad in rng.sample([q for q in quads if q.predicate.value == GG + "actor"], 8):
        store.add(ox.Quad(quad.subject, quad.predicate, ox.NamedNode(GG + "Role")))  # wrong class
    for quad in rng.sample([q for q in quads if q.predicate == LABEL], 8):
        store.add(ox.Quad(quad.subject, LABEL, ox.Literal("zweites Etikett", language="de")))
    return store


def _plain(message: str) -> str:
    """pyshacl's own messages name a class as <IRI> or prefix:name, depending on the graphs'
    prefixes; compared by local name."""
    message = re.sub(r"<[^>]*[#/:]([^>#/:]+)>", r"\1", message)
    return re.sub(r"\b[a-z]+:([A-Z]\w*)", r"\1", message)


def _whole(store: ox.Store, shapes: rdflib.Graph) -> set[tuple]:
    data = to_rdflib_graph(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    _, results, _ = __import__("pyshacl").validate(data, shacl_graph=shapes, inference="none")
    found = set()
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        path = results.value(result, SH.resultPath)
        found.add(
            (
                from_rdflib_term(results.value(result, SH.focusNode)),
                str(path) if isinstance(path, rdflib.URIRef) else None,
                _plain(str(results.value(result, SH.resultMessage))),
            )
        )
    return found


def test_streamed_check_finds_what_the_whole_graph_check_finds(broken_store):
    shapes = rdflib.Graph().parse(shapes_file(), format="turtle")
    expected = _whole(broken_store, shapes)
    assert len(expected) > 50  # the damage is seen at all
    streamed = {
        (r.focus, r.path, _plain(r.message))
        for r in shacl_stream.check(broken_store, shapes, set())
    }
    assert streamed == expected


def test_streamed_check_in_small_batches_too(broken_store, monkeypatch):
    shapes = rdflib.Graph().parse(shapes_file(), format="turtle")
    monkeypatch.setattr(shacl_stream, "BATCH", 7)
    small = {(r.focus, r.path, r.message) for r in shacl_stream.check(broken_store, shapes, set())}
    monkeypatch.setattr(shacl_stream, "BATCH", 100000)
    one = {(r.focus, r.path, r.message) for r in shacl_stream.check(broken_store, shapes, set())}
    assert small == one and len(small) > 50
