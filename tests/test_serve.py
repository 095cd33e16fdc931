"""govgraph serve: a real Oxigraph server on 127.0.0.1 with the graph, stopped cleanly by Ctrl-C."""

from __future__ import annotations

import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sparql_server import free_port

from govgraph.graph.store.remote import RemoteBackend


def start_serve(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", "from govgraph.cli.main import run; run()", "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def query_url(process: subprocess.Popen) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("http://"):
            return line.strip()
        if not line and process.poll() is not None:
            raise AssertionError(process.stderr.read())
    raise AssertionError("serve printed no URL")


def test_serve_read_only_answers_and_stops_on_ctrl_c(tmp_path):
    port = free_port()
    before = set(Path(tempfile.gettempdir()).glob("govgraph-oxigraph-*"))
    process = start_serve("--port", str(port))
    try:
        url = query_url(process)
        assert url == f"http://127.0.0.1:{port}/query"
        backend = RemoteBackend(url, timeout=10)
        assert backend.ask("ASK { ?s a <https://w3id.org/govgraph/ontology#Ministry> }")
        temp_dirs = set(Path(tempfile.gettempdir()).glob("govgraph-oxigraph-*")) - before
        assert temp_dirs  # without --location: a temporary folder ...
        # Read-only: an upload is refused by the server.
        from govgraph.graph.errors import RemoteError
        from govgraph.graph.publish.push import update

        try:
            update(f"http://127.0.0.1:{port}/update", "DROP ALL", 5)
            raise AssertionError("read-only server accepted an update")
        except RemoteError:
            pass
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
        assert not any(d.exists() for d in temp_dirs)  # ... removed on exit
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_serve_with_location_keeps_the_data_and_replaces_it_on_restart(tmp_path):
    location = tmp_path / "store"
    for _ in range(2):  # the second start must not double or keep stale data
        port = free_port()
        process = start_serve("--port", str(port), "--location", str(location), "--read-write")
        try:
            backend = RemoteBackend(query_url(process), timeout=10)
            rows = backend.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
            count = int(rows[0]["n"].value)
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=20) == 0
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        assert location.is_dir()
    from govgraph.graph.store.dataset import DataSelection, load_store

    assert count == len(load_store(DataSelection().files()))


def test_serve_on_a_busy_port_fails_with_one_line(tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        process = start_serve("--port", str(port))
        out, err = process.communicate(timeout=60)
    assert process.returncode == 3
    assert err.strip().startswith("govgraph: ") and "Traceback" not in err
