"""What a second triple store must do as the local files do: answer every named query with the
same rows, and the CLI's commands through `--endpoint` with the same output.

Shared by the tests of each real store (Apache Jena, Virtuoso).
"""

from __future__ import annotations

import json

import pyoxigraph as ox
from engines import bound_text, on_endpoint, on_pyoxigraph
from query_examples import example_params, normalised_bindings, normalised_triples

from govgraph.graph.sparql.catalog import NamedQuery
from govgraph.graph.store.backend import LocalBackend


def same_rows_on_endpoint(url: str, local_store: ox.Store, q: NamedQuery, optional: bool) -> str:
    """The named query, bound as govgraph binds it, gives pyoxigraph's rows on the endpoint;
    returns the endpoint's answer, normalised, for a closer look."""
    text = bound_text(q, example_params(q, optional), LocalBackend(local_store))
    construct = q.name == "all-triples"
    reference = on_pyoxigraph(local_store, text)
    answer = on_endpoint(url, text, construct)
    if construct:
        assert set(normalised_triples(reference)) <= set(normalised_triples(answer))
        return answer
    rows = normalised_bindings(json.loads(answer))
    assert rows == normalised_bindings(json.loads(reference))
    return rows


def same_through_endpoint(url: str, govgraph_module, args: list[str]) -> None:
    """`govgraph --endpoint URL ARGS --format json` prints what the local files give."""
    full = [*args, "--format", "json"]
    local = govgraph_module(*full)
    remote = govgraph_module("--endpoint", url, *full)
    assert local.code == 0, local.err
    assert (remote.code, remote.out) == (local.code, local.out), remote.err


def triples_in(url: str) -> int:
    rows = json.loads(on_endpoint(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", False))
    return int(rows["results"]["bindings"][0]["n"]["value"])
