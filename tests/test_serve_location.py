"""`govgraph serve --location DIR --read-write` keeps what clients wrote across restarts, and
each start replaces the files' triples (issue 26). A real Oxigraph server, real HTTP."""

from __future__ import annotations

import signal

from sparql_server import free_port
from test_serve import query_url, start_serve

from govgraph.graph.publish.push import update
from govgraph.graph.store.dataset import DataSelection, load_store
from govgraph.graph.store.remote import RemoteBackend

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
MINE = "ASK { <http://example.org/mine> <http://example.org/says> 'kept' }"
THEIRS = "ASK { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> 1 } }"


def serving(location, *extra: str):
    """Start `govgraph serve` on the folder; yield (backend, update URL); stop with Ctrl-C."""
    port = free_port()
    process = start_serve("--port", str(port), "--location", str(location), *extra)
    try:
        backend = RemoteBackend(query_url(process), timeout=20)
        yield backend, f"http://127.0.0.1:{port}/update"
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_what_clients_wrote_survives_a_restart(tmp_path):
    location = tmp_path / "team-store"
    files = len(load_store(DataSelection().files()))
    for backend, url in serving(location, "--read-write"):
        assert int(backend.select(COUNT)[0]["n"].value) == files
        update(
            url, "INSERT DATA { <http://example.org/mine> <http://example.org/says> 'kept' }", 10
        )
        update(url, "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> "
                    "<http://example.org/b> 1 } }", 10)  # fmt: skip
        assert backend.ask(MINE) and backend.ask(THEIRS)
    for _ in range(2):  # and again: the files are replaced, not doubled
        for backend, _url in serving(location, "--read-write"):
            assert backend.ask(MINE) and backend.ask(THEIRS)
            assert int(backend.select(COUNT)[0]["n"].value) == files + 2
    for backend, _url in serving(location):  # read-only over the same folder
        assert backend.ask(MINE)
        assert backend.ask("ASK { ?s a <https://w3id.org/govgraph/ontology#Ministry> }")
