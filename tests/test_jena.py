"""Apache Jena (ARQ and TDB2) as a second real triple store: `govgraph push` fills it,
`--endpoint` answers from it as from the local files, every named query gives pyoxigraph's rows
with and without its optional parameters, and Jena's own bulk loader reads the export."""

from __future__ import annotations

import json
import subprocess

import pyoxigraph as ox
import pytest
from engines import on_endpoint
from jena_server import (  # noqa: F401  (pytest fixture)
    classpath,
    jena_available,
    jena_server,
    messages,
    start_jena,
)
from store_parity import same_rows_on_endpoint, same_through_endpoint, triples_in
from system_parts import need

from govgraph.graph.sparql.catalog import all_queries

need(
    jena_available(),
    "Jena or javac",
    "apt-get install libapache-jena-java default-jdk-headless",
    module=True,
)

QUERIES = all_queries()
GRAPH = "https://w3id.org/govgraph/graph"


@pytest.fixture(scope="module")
def pushed(jena_server, govgraph_module) -> str:  # noqa: F811
    """The graph pushed with the CLI into a named graph, as a team would fill its server; the
    query URL names that graph as the dataset (SPARQL protocol)."""
    result = govgraph_module("push", "--endpoint", jena_server.url, "--graph", GRAPH)
    assert result.code == 0, result.err
    return f"{jena_server.url}?default-graph-uri={GRAPH}"


def graphs_on(url: str) -> dict[str, int]:
    rows = json.loads(
        on_endpoint(
            url, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", False
        )
    )
    return {r["g"]["value"]: int(r["n"]["value"]) for r in rows["results"]["bindings"]}


def test_push_fills_jena_with_every_triple_and_leaves_no_staging_graph(
    pushed,
    local_store,
    jena_server,  # noqa: F811
):
    """Jena 4.5 refuses MOVE from a named graph; push then sends the same swap spelled out."""
    assert triples_in(pushed) == len(local_store)
    assert graphs_on(jena_server.url) == {GRAPH: len(local_store)}


def test_push_again_replaces_the_graph(
    pushed,
    local_store,
    govgraph_module,
    jena_server,  # noqa: F811
):
    result = govgraph_module("push", "--endpoint", jena_server.url, "--graph", GRAPH)
    assert result.code == 0, result.err
    assert f"{len(local_store)} " in result.out
    assert graphs_on(jena_server.url) == {GRAPH: len(local_store)}


@pytest.mark.parametrize("optional", [True, False], ids=["all-params", "required-only"])
@pytest.mark.parametrize("q", QUERIES, ids=lambda q: q.name)
def test_every_query_same_on_jena(pushed, local_store, q, optional):
    same_rows_on_endpoint(pushed, local_store, q, optional)


@pytest.mark.parametrize(
    "args",
    [
        ["who", "Registermodernisierung"],
        ["who", "NOOTS", "--at", "2026-06-30"],
        ["--lang", "en", "who", "OZG"],
        ["deadlines"],
        ["query", "entity-card", "--param", "entity=https://w3id.org/govgraph/id/it-planungsrat"],
        ["query", "conflicts"],
    ],
    ids=lambda args: " ".join(args),
)
def test_commands_answer_the_same_through_jena(pushed, govgraph_module, args):
    same_through_endpoint(pushed, govgraph_module, args)


def test_tdb2_loader_reads_the_export_with_a_graph_per_source(
    govgraph_module,
    local_store,
    tmp_path,
):
    """The README's way for large loads into Jena: `govgraph export --format nq`, then Jena's
    bulk loader (tdb2.tdbloader) keeps the graph of every quad; a store served from that folder
    answers a named query over those graphs as the local files do."""
    export = tmp_path / "govgraph.nq"
    result = govgraph_module("export", "--format", "nq", "-o", str(export))
    assert result.code == 0, result.err
    jena = classpath([messages(tmp_path / "resources")])
    loaded = subprocess.run(
        ["java", "-cp", jena, "tdb2.tdbloader", "--loc", str(tmp_path / "tdb2"), str(export)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert loaded.returncode == 0, loaded.stderr[-2000:]
    server = start_jena(tmp_path)
    try:
        exported = ox.Dataset(ox.parse(path=str(export), format=ox.RdfFormat.N_QUADS))
        graphs = sorted({q.graph_name.value for q in exported})
        assert sorted(graphs_on(server.url)) == graphs
        url = server.url + "?" + "&".join(f"default-graph-uri={g}" for g in graphs)
        q = next(q for q in QUERIES if q.name == "entity-card")
        answer = same_rows_on_endpoint(url, local_store, q, optional=True)
        assert '"value": "IT-Planungsrat"' in answer
    finally:
        server.stop()


def gateway(upstream: str, fail_move_with: int):
    """An HTTP gateway in front of the store that passes every request on, but answers an update
    naming MOVE with `fail_move_with` after passing it on (a gateway that gave up waiting)."""
    import threading
    import urllib.error
    import urllib.parse
    import urllib.request
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def relay(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
            request = urllib.request.Request(
                upstream + self.path, data=body or None, headers=headers, method=self.command
            )
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    status, answer, kind = response.status, response.read(), response.headers
            except urllib.error.HTTPError as err:
                status, answer, kind = err.code, err.read(), err.headers
            form = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
            if "MOVE" in " ".join(form.get("update", [])):
                status, answer = fail_move_with, b"gateway timeout"
            self.send_response(status)
            self.send_header("Content-Type", kind.get("Content-Type", "text/plain"))
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        do_GET = do_POST = do_PUT = do_DELETE = relay

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_no_second_swap_when_a_gateway_gave_up_on_the_move(
    pushed,
    local_store,
    govgraph_module,
    jena_server,  # noqa: F811
):
    """A 504 from a gateway does not say the server ran nothing: push then reports the error and
    does not send the spelled-out swap, which could drop the target while the MOVE still runs."""
    front = gateway(f"http://127.0.0.1:{jena_server.port}", 504)
    try:
        url = f"http://127.0.0.1:{front.server_address[1]}/ds/query"
        result = govgraph_module("push", "--endpoint", url, "--graph", GRAPH)
    finally:
        front.shutdown()
    assert result.code == 3
    assert "HTTP 504" in result.err and "\n" not in result.err.strip()
    assert graphs_on(jena_server.url) == {GRAPH: len(local_store)}
