"""What the parity tests share: one check that runs a named query on an engine against
pyoxigraph, and the test made of it. The graph loaded into pyoxigraph, rdflib and a real
Oxigraph server comes from the fixtures in conftest.py.

The parity tests are split over four files (rdflib's slowest query, its two other slow ones,
rdflib's others, the server) only so that parallel workers share the work: pytest-xdist keeps
a file on one worker."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from engines import bound_text, on_endpoint, on_pyoxigraph, on_rdflib
from query_examples import example_params, normalised_bindings, normalised_triples
from sparql_server import oxigraph_server  # noqa: F401  (pytest fixture)

from govgraph.graph.sparql.catalog import all_queries
from govgraph.graph.store.backend import LocalBackend

QUERIES = all_queries()


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


def parity_test(engine: str, queries: list) -> Callable[..., None]:
    """The parity test for `engine` over `queries`, for a test module to bind to a test name."""

    @pytest.mark.parametrize("engine", [engine])
    @pytest.mark.parametrize("q", queries, ids=lambda q: q.name)
    def test_every_query_same_on_every_engine(q, engine, request, pyoxigraph_store):
        check_query(q, engine, request, pyoxigraph_store)

    return test_every_query_same_on_every_engine
