"""Serialise the whole graph (ontology + facts) in the standard RDF formats; the dataset formats
(TriG, N-Quads) with one named graph per source, so that a triple store keeps the sources apart."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from govgraph.graph.errors import UsageError
from govgraph.graph.namespaces import PREFIXES
from govgraph.graph.sparql.named import run_named
from govgraph.graph.store.backend import Backend

FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "nq": ox.RdfFormat.N_QUADS,
}
# Named graphs of what is no source's own: the ontology with its concept schemes, and files that
# span sources (aliases, conflicts, a user's --data file) under GRAPH_BASE + the file's name.
GRAPH_BASE = "https://w3id.org/govgraph/graph/"
ONTOLOGY_GRAPH = GRAPH_BASE + "ontology"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SOURCE_DOCUMENT = ox.NamedNode(PREFIXES["gg"] + "SourceDocument")


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


def _triples(path: Path) -> list[ox.Triple]:
    from govgraph.graph.store.turtle import read_data_file

    data = read_data_file(path)
    return list(ox.parse(data, format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri()))


def source_graphs(files: Iterable[Path], vocabulary: Iterable[Path]) -> list[tuple[str, Path]]:
    """(graph IRI, file) for every data file. A source record's file and the facts file of the
    same name (documents/ozg.ttl, facts/ozg.ttl) go into the graph named after the record's IRI,
    so a store can tell, drop or replace one source's facts; the vocabulary shares one graph."""
    files = list(files)
    ontology = {p.resolve() for p in vocabulary}
    by_name: dict[str, str] = {}
    for path in files:
        if path.resolve() in ontology:
            continue
        records = {
            t.subject
            for t in _triples(path)
            if t.predicate == RDF_TYPE and t.object == SOURCE_DOCUMENT
        }
        if len(records) == 1:
            (record,) = records
            if isinstance(record, ox.NamedNode):
                by_name.setdefault(path.stem, record.value)
    named = []
    for path in files:
        if path.resolve() in ontology:
            named.append((ONTOLOGY_GRAPH, path))
        else:
            named.append((by_name.get(path.stem, GRAPH_BASE + path.stem), path))
    return named


def export_dataset(files: Iterable[Path], vocabulary: Iterable[Path], fmt: str) -> bytes:
    """The local files as a dataset (TriG or N-Quads), one named graph per source, quads sorted by
    graph and text so that a diff of two exports shows what changed (blank nodes aside)."""
    if fmt not in ("trig", "nq"):
        raise UsageError(f"{fmt!r} holds no named graphs; choose trig or nq")
    from govgraph.graph.store.turtle import read_data_file

    # Through a store, as the plain export: it writes literals in their canonical form ("1.0" →
    # "1"), so that both exports hold the same terms.
    store = ox.Store()
    for graph, path in source_graphs(files, vocabulary):
        store.load(
            read_data_file(path),
            format=ox.RdfFormat.TURTLE,
            base_iri=path.resolve().as_uri(),
            to_graph=ox.NamedNode(graph),
        )
    ordered = sorted(store, key=lambda q: (str(q.graph_name), str(q)))
    prefixes = PREFIXES if fmt == "trig" else None
    return ox.serialize(ordered, format=FORMATS[fmt], prefixes=prefixes)
