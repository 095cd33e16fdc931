"""Serialise the whole graph (ontology + facts) in the standard RDF formats."""

from __future__ import annotations

import pyoxigraph as ox

from govgraph.graph.errors import UsageError
from govgraph.graph.namespaces import PREFIXES
from govgraph.graph.sparql.runner import run_named
from govgraph.graph.store.backend import Backend

FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def serialize(triples: list[ox.Triple], fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    rdf_format = FORMATS[fmt]
    items: list = triples
    if rdf_format.supports_datasets:
        items = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
    prefixes = PREFIXES if fmt in ("ttl", "trig") else None
    return ox.serialize(items, format=rdf_format, prefixes=prefixes)


def export_graph(backend: Backend, fmt: str) -> bytes:
    """Every triple the backend holds, sorted so that exports are reproducible."""
    triples = run_named(backend, "all-triples", graph=True)
    triples.sort(key=str)
    return serialize(triples, fmt)
