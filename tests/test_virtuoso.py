"""Virtuoso Open Source 7 as a second real triple store: `govgraph push` fills it, `--endpoint`
answers from it as from the local files, and every named query is compared with pyoxigraph.

Most named queries do not yet give pyoxigraph's rows on Virtuoso 7.2: it evaluates a FILTER inside
an OPTIONAL without the bindings of the enclosing group (SPARQL 1.1 defines OPTIONAL { P
FILTER(F) } as a left join whose condition F sees both sides), so every label chosen by the
language parameter comes back empty; and its compiler refuses some valid queries (errors SP031,
SQ156), and one of them stops the server: the commands are tested first. Those queries are
listed below as expected failures (strict: one that starts to pass
fails the test, so the list only shrinks)."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from engines import bound_text, on_endpoint, on_pyoxigraph
from query_examples import example_params, normalised_bindings, normalised_triples
from virtuoso_server import virtuoso_server  # noqa: F401  (pytest fixture)

from govgraph.graph.sparql.catalog import all_queries
from govgraph.graph.store.backend import LocalBackend
from govgraph.graph.store.dataset import DataSelection, load_store

QUERIES = all_queries()
WORK_ON_VIRTUOSO = {"entity-by-key", "entity-card", "entity-evidence"}
VIRTUOSO_GAP = pytest.mark.xfail(
    strict=True, reason="Virtuoso 7.2: FILTER in OPTIONAL without outer bindings; compiler errors"
)


@pytest.fixture(scope="module")
def pushed(virtuoso_server, govgraph_module):  # noqa: F811
    """The graph pushed with the CLI, as a team would fill its server. Virtuoso has no plain
    default graph (its queries see the union of its graphs): the push goes to a named graph."""
    graph = "https://w3id.org/govgraph/graph"
    result = govgraph_module("push", "--endpoint", virtuoso_server.url, "--graph", graph)
    assert result.code == 0, result.err
    # Queries name the graph as the dataset (SPARQL protocol), leaving out Virtuoso's own graphs.
    return f"{virtuoso_server.url}?default-graph-uri={graph}"


@pytest.fixture(scope="module")
def govgraph_module():
    """`govgraph ARGS…` in a subprocess (module-scoped fixtures cannot use capsys)."""
    from conftest import Result, run_process

    def call(*args: str) -> Result:
        done = run_process(*args)
        return Result(done.returncode, done.stdout, done.stderr)

    return call


@pytest.fixture(scope="module")
def local_store() -> ox.Store:
    return load_store(DataSelection().files())


def test_bulk_loader_reads_the_export_with_a_graph_per_source(
    virtuoso_server,  # noqa: F811
    govgraph_module,
    local_store,
):
    """The README's way for large loads: `govgraph export --format nq`, then Virtuoso's bulk
    loader (ld_dir, rdf_loader_run) keeps the graph of every quad; a named query over those
    graphs answers as on the local files."""
    folder = virtuoso_server.location / "bulk"
    folder.mkdir()
    result = govgraph_module("export", "--format", "nq", "-o", str(folder / "govgraph.nq"))
    assert result.code == 0, result.err
    virtuoso_server.isql(
        f"ld_dir('{folder}', '*.nq', 'https://w3id.org/govgraph/graph/unnamed');\n"
        "rdf_loader_run();\ncheckpoint;\n"
    )
    exported = ox.Dataset(ox.parse(path=str(folder / "govgraph.nq"), format=ox.RdfFormat.N_QUADS))
    graphs = sorted({q.graph_name.value for q in exported})
    listed = json.loads(
        on_endpoint(
            virtuoso_server.url,
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
            'FILTER(STRSTARTS(STR(?g), "https://w3id.org/govgraph/")) }',
            False,
        )
    )
    loaded = sorted(row["g"]["value"] for row in listed["results"]["bindings"])
    assert [g for g in loaded if g != "https://w3id.org/govgraph/graph"] == graphs
    url = virtuoso_server.url + "?" + "&".join(f"default-graph-uri={g}" for g in graphs)
    q = next(q for q in QUERIES if q.name == "entity-card")
    text = bound_text(q, example_params(q, True), LocalBackend(local_store))
    answer = normalised_bindings(json.loads(on_endpoint(url, text, False)))
    assert answer == normalised_bindings(json.loads(on_pyoxigraph(local_store, text)))
    assert '"value": "IT-Planungsrat"' in answer


def test_push_fills_virtuoso_with_every_triple(pushed, local_store):
    rows = json.loads(on_endpoint(pushed, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", False))
    assert int(rows["results"]["bindings"][0]["n"]["value"]) >= len(local_store)


@pytest.mark.parametrize(
    "args",
    [
        ["query", "entity-card", "--param", "entity=https://w3id.org/govgraph/id/it-planungsrat"],
        [
            "query",
            "entity-evidence",
            "--param",
            "entity=https://w3id.org/govgraph/id/noots",
            "--param",
            "lang=en",
        ],
        pytest.param(["who", "RegMo"], marks=VIRTUOSO_GAP),
    ],
)
def test_commands_answer_the_same_through_endpoint(pushed, govgraph_module, args):
    full = [*args, "--format", "json"]
    local = govgraph_module(*full)
    remote = govgraph_module("--endpoint", pushed, *full)
    assert local.code == 0, local.err
    assert (remote.code, remote.out) == (local.code, local.out), remote.err


@pytest.mark.parametrize(
    "q",
    [q if q.name in WORK_ON_VIRTUOSO else pytest.param(q, marks=VIRTUOSO_GAP) for q in QUERIES],
    ids=lambda q: q.name,
)
def test_every_query_same_on_virtuoso(pushed, local_store, q):
    text = bound_text(q, example_params(q, True), LocalBackend(local_store))
    construct = q.name == "all-triples"
    reference = on_pyoxigraph(local_store, text)
    answer = on_endpoint(pushed, text, construct)
    if construct:
        assert set(normalised_triples(reference)) <= set(normalised_triples(answer))
    else:
        assert normalised_bindings(json.loads(answer)) == normalised_bindings(json.loads(reference))
