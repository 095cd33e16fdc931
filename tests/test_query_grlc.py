"""grlc turns queries/ into a web API: it reads every query with the parameters govgraph reads,
and every query called through it (with and without its optional parameters) returns the rows
`govgraph query` returns. grlc runs for real, against a real Oxigraph server holding the export."""

from __future__ import annotations

import json
import subprocess
import urllib.request

import pytest
from grlc_server import grlc_python, start_grlc
from query_examples import example_params, normalised_bindings, normalised_triples
from sparql_server import free_port, oxigraph_server  # noqa: F401  (pytest fixture)
from system_parts import need

from govgraph.graph.publish.export import export_graph
from govgraph.graph.sparql.catalog import all_queries
from govgraph.graph.store.backend import LocalBackend
from govgraph.graph.store.dataset import DataSelection, load_store
from govgraph.graph.store.resources import queries_dir

QUERIES = all_queries()


@pytest.fixture(scope="module")
def endpoint(oxigraph_server):  # noqa: F811
    """The server holds exactly what `govgraph export` writes."""
    data = export_graph(LocalBackend(load_store(DataSelection().files())), "nt")
    request = urllib.request.Request(
        f"http://127.0.0.1:{oxigraph_server.port}/store?default",
        data=data,
        method="PUT",
        headers={"Content-Type": "application/n-triples"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status in (200, 201, 204)
    return oxigraph_server.url


@pytest.fixture(scope="module")
def grlc(endpoint, tmp_path_factory):
    try:
        grlc_python()
    except (OSError, subprocess.SubprocessError) as err:
        need(False, f"grlc ({err})", "pip install grlc; the test installs it from the index")
    server = start_grlc(queries_dir(), endpoint, tmp_path_factory.mktemp("grlc"), free_port())
    yield server
    server.stop()


def test_grlc_reads_every_query_with_the_same_parameters(grlc):
    status, body = grlc.get("swagger", {}, "application/json")
    assert status == 200, body[:500]
    paths = json.loads(body)["paths"]
    for q in QUERIES:
        operation = paths[f"/{q.name}"]["get"]
        assert operation["summary"] == q.summary
        found = {
            p["name"]: p.get("required", False)
            for p in operation.get("parameters", [])
            if p.get("in") == "query" and p["name"] not in ("endpoint", "page")
        }
        assert found == {p.name: not p.optional for p in q.params}, q.name
        enum = {p["name"]: p.get("enum") for p in operation.get("parameters", [])}
        for name, values in q.enumerate.items():
            assert enum[name] == sorted(values), q.name


# Each query with its mandatory parameters only (grlc leaves the optional ones unbound and the
# query applies its defaults), and, where it has optional ones, with every parameter given.
CALLS = [(q, False) for q in QUERIES] + [
    (q, True) for q in QUERIES if any(p.optional for p in q.params)
]


@pytest.mark.parametrize(
    "q, optional", CALLS, ids=[f"{q.name}-{'all' if o else 'mandatory'}" for q, o in CALLS]
)
def test_every_query_through_grlc_gives_the_rows_of_govgraph_query(govgraph, grlc, q, optional):
    params = example_params(q, optional)
    args = ["query", q.name, *(f"--param={k}={v}" for k, v in params.items())]
    construct = q.name == "all-triples"
    local = govgraph(*args, "--format", "nt" if construct else "json")
    assert local.code == 0, local.err
    accept = "application/n-triples" if construct else "application/sparql-results+json"
    status, body = grlc.get(q.name, params, accept)
    assert status == 200, body[:1000]
    if construct:
        assert normalised_triples(body) == normalised_triples(local.out)
    else:
        assert normalised_bindings(json.loads(body)) == normalised_bindings(json.loads(local.out))
        assert json.loads(body)["results"]["bindings"] or q.name == "entity-by-key" or optional
