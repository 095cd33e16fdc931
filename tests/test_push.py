"""govgraph push against a real Oxigraph server: all or nothing, also when the upload breaks."""

from __future__ import annotations

import pytest
from sparql_server import cutting_proxy, oxigraph_server  # noqa: F401  (pytest fixture)

from govgraph.graph.errors import UsageError
from govgraph.graph.publish.push import count_triples, derive_targets
from govgraph.graph.store.dataset import DataSelection, load_store
from govgraph.graph.store.remote import RemoteBackend

LABELS = (
    "SELECT ?s ?l WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?l } ORDER BY ?s ?l"
)


def shipped_triples() -> int:
    return len(load_store(DataSelection().files()))


@pytest.mark.parametrize(
    "endpoint, store, update",
    [
        (
            "http://127.0.0.1:7878/query",
            "http://127.0.0.1:7878/store",
            "http://127.0.0.1:7878/update",
        ),
        ("http://h:3030/ds/query", "http://h:3030/ds/data", "http://h:3030/ds/update"),
        (
            "http://h:3030/govgraph/sparql",
            "http://h:3030/govgraph/data",
            "http://h:3030/govgraph/update",
        ),
    ],
)
def test_store_and_update_urls_are_derived(endpoint, store, update):
    targets = derive_targets(endpoint)
    assert (targets.store_url, targets.update_url) == (store, update)


def test_unknown_server_layout_needs_explicit_urls():
    with pytest.raises(UsageError, match="--store-url"):
        derive_targets("http://h/repositories/gg")
    t = derive_targets("http://h/repositories/gg", "http://h/rdf-graphs/service", "http://h/u")
    assert t.store_url == "http://h/rdf-graphs/service"


def test_push_loads_the_graph_and_reports_it(govgraph, oxigraph_server):  # noqa: F811
    result = govgraph("push", "--endpoint", oxigraph_server.url)
    assert result.code == 0, result.err
    n = shipped_triples()
    assert f"{n} Tripel hochgeladen; Default-Graph: {n} Tripel auf" in result.out
    backend = RemoteBackend(oxigraph_server.url, timeout=10)
    assert count_triples(backend, None) == n
    # No staging graph is left behind.
    rows = backend.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert [r["g"].value for r in rows if "staging" in r["g"].value] == []


def test_push_into_a_named_graph_and_again_replaces_it(govgraph, oxigraph_server, write_ttl):  # noqa: F811
    graph = "https://example.org/govgraph"
    extra = write_ttl("extra.ttl", 'ggd:x skos:prefLabel "Extra"@de .\n')
    assert (
        govgraph(
            "--data", str(extra), "push", "--endpoint", oxigraph_server.url, "--graph", graph
        ).code
        == 0
    )
    backend = RemoteBackend(oxigraph_server.url, timeout=10)
    n = shipped_triples()
    assert count_triples(backend, graph) == n + 1
    assert govgraph("push", "--endpoint", oxigraph_server.url, "--graph", graph).code == 0
    assert count_triples(backend, graph) == n  # replaced, not added


def test_interrupted_push_leaves_the_old_data_intact(govgraph, oxigraph_server, write_ttl):  # noqa: F811
    assert govgraph("push", "--endpoint", oxigraph_server.url).code == 0
    backend = RemoteBackend(oxigraph_server.url, timeout=10)
    before = count_triples(backend, None)
    labels_before = backend.select(LABELS)
    # The same server behind a proxy that cuts every connection after 100 kB: the upload breaks.
    proxy, cut = cutting_proxy(oxigraph_server.port, cut_after=100_000)
    try:
        port = proxy.getsockname()[1]
        extra = write_ttl("extra.ttl", 'ggd:x skos:prefLabel "Neu"@de .\n')
        result = govgraph(
            "--data", str(extra), "push", "--endpoint", f"http://127.0.0.1:{port}/query"
        )
    finally:
        proxy.close()
    assert cut.is_set()
    assert result.code == 3, result.err
    assert len(result.err.strip().splitlines()) == 1 and "upload" in result.err
    assert count_triples(backend, None) == before
    assert backend.select(LABELS) == labels_before


def test_push_to_a_server_that_is_down(govgraph):
    from sparql_server import free_port

    result = govgraph("push", "--endpoint", f"http://127.0.0.1:{free_port()}/query")
    assert result.code == 3 and "connection" in result.err


def test_push_needs_an_endpoint(govgraph, monkeypatch):
    monkeypatch.delenv("GOVGRAPH_ENDPOINT", raising=False)
    result = govgraph("push")
    assert result.code == 2 and "--endpoint" in result.err


def test_data_and_endpoint_exclude_each_other_for_queries(govgraph, write_ttl):
    extra = write_ttl("extra.ttl", 'ggd:x skos:prefLabel "Extra"@de .\n')
    result = govgraph(
        "--data", str(extra), "--endpoint", "http://127.0.0.1:1/query", "query", "class-counts"
    )
    assert result.code == 2 and "--data" in result.err
