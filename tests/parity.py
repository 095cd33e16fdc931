"""What the parity tests share: the exported graph loaded into pyoxigraph, rdflib and a real
Oxigraph server, and one check that runs a named query on an engine against pyoxigraph.

The parity tests are split over four files (rdflib's slowest query, its two other slow ones,
rdflib's others, the server) only so that parallel workers share the work: pytest-xdist keeps
a file on one worker."""

from __future__ import annotations

import json
import urllib.request

import pyoxigraph as ox
import pytest
from engines import bound_text, on_endpoint, on_pyoxigraph, on_rdflib
from query_examples import example_params, normalised_bindings, normalised_triples
from sparql_server import oxigraph_server  # noqa: F401  (pytest fixture)

from govgraph.graph.sparql.catalog import all_queries
from govgraph.graph.store.backend import LocalBackend
from govgraph.graph.store.dataset import DataSelection, load_store
from govgraph.graph.store.export import export_graph

QUERIES = all_queries()


@pytest.fixture(scope="module")
def exported() -> bytes:
    return export_graph(LocalBackend(load_store(DataSelection().files())), "ttl")


@pytest.fixture(scope="module")
def pyoxigraph_store(exported) -> ox.Store:
    store = ox.Store()
    store.load(exported, format=ox.RdfFormat.TURTLE)
    return store


@pytest.fixture(scope="module")
def rdflib_dataset(exported):
    import rdflib

    dataset = rdflib.Dataset()  # a dataset, so that GRAPH patterns run (and find nothing)
    dataset.default_graph.parse(data=exported.decode("utf-8"), format="turtle")
    return dataset


@pytest.fixture(scope="module")
def remote(oxigraph_server, exported) -> str:  # noqa: F811
    request = urllib.request.Request(
        f"http://127.0.0.1:{oxigraph_server.port}/store?default",
        data=exported,
        method="PUT",
        headers={"Content-Type": "text/turtle"},
    )
    urllib.request.urlopen(request, timeout=60).close()
    return oxigraph_server.url


def same(reference: str, other: str, construct: bool) -> None:
    if construct:
        assert normalised_triples(other) == normalised_triples(reference)
    else:
        assert normalised_bindings(json.loads(other)) == normalised_bindings(json.loads(reference))


def check_query(q, engine: str, request, pyoxigraph_store) -> None:
    """`q` with its example parameters gives pyoxigraph's rows on `engine` (rdflib or remote)."""
    text = bound_text(q, example_params(q, True), LocalBackend(pyoxigraph_store))
    construct = q.name == "all-triples"
    reference = on_pyoxigraph(pyoxigraph_store, text)
    if engine == "rdflib":
        answer = on_rdflib(request.getfixturevalue("rdflib_dataset"), text)
    else:
        answer = on_endpoint(request.getfixturevalue("remote"), text, construct)
    same(reference, answer, construct)
    if not construct:
        assert json.loads(reference)["results"]["bindings"] or q.name == "entity-by-key"


# rdflib needs minutes for these (most of the suite's time); they get files of their own, the
# slowest (network-nodes, ~4 min) one alone, so that the two workers can share them.
RDFLIB_SLOWEST = {"network-nodes"}
RDFLIB_SLOW = {"network-edges", "timeline"}
