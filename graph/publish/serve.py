"""Run a local Oxigraph SPARQL server with the graph loaded (the `oxigraph` package's binary).

Bound to 127.0.0.1 only, read-only unless asked otherwise. The data are loaded with
`oxigraph load` before the server starts, so clients never see a half-loaded store.

The files go into one named graph (FILES_GRAPH), and the server answers over the union of all
graphs (`--union-default-graph`), so a query sees them as before. With `--location DIR
--read-write`, what clients write (into the default graph or a graph of their own) is kept
across restarts: a start replaces only FILES_GRAPH with the files as they are now. A folder
written by an older govgraph (the files in the default graph, no FILES_MARKER) has its default
graph cleared once.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from govgraph.graph.errors import DataError, RemoteError, UsageError
from govgraph.graph.store.dataset import DataSelection, load_store

HOST = "127.0.0.1"
FILES_GRAPH = "https://w3id.org/govgraph/graph/files"  # what `serve` loads, replaced at start
FILES_MARKER = "govgraph-files-graph"  # in a --location folder: the files are in FILES_GRAPH


def oxigraph_binary() -> str:
    """The `oxigraph` executable installed beside this Python, or on PATH."""
    here = Path(sys.executable).parent
    for name in ("oxigraph", "oxigraph.exe"):
        if (here / name).is_file():
            return str(here / name)
    found = shutil.which("oxigraph")
    if not found:
        raise UsageError(
            "the oxigraph server is not installed: pip install oxigraph (PyPI package 'oxigraph')"
        )
    return found


def _run(args: list[str], what: str) -> None:
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        detail = " ".join((done.stderr or done.stdout).split())[:300]
        raise DataError(f"{what} failed: {detail}")


def load_location(selection: DataSelection, location: Path) -> int:
    """Replace the default graph in an Oxigraph data folder with the selected files."""
    binary = oxigraph_binary()
    store = load_store(selection.files())
    location.mkdir(parents=True, exist_ok=True)
    marker = location / FILES_MARKER
    with tempfile.TemporaryDirectory(prefix="govgraph-load-") as tmp:
        data = Path(tmp) / "graph.nt"
        store.dump(str(data), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        clear = f"CLEAR SILENT GRAPH <{FILES_GRAPH}>"
        if not marker.exists():
            clear = "CLEAR DEFAULT ; " + clear  # a folder of an older govgraph: files in default
        _run([binary, "update", "--location", str(location), "--update", clear], "clear")
        load = [binary, "load", "--location", str(location), "--file", str(data)]
        _run([*load, "--graph", FILES_GRAPH], "oxigraph load")
        marker.write_text(FILES_GRAPH + "\n", encoding="utf-8")
    return len(store)


def wait_until_answering(
    url: str, process: subprocess.Popen, timeout: float = 30.0, name: str = "oxigraph server"
) -> None:
    """Poll the query URL until the server answers an ASK (or the process died)."""
    deadline = time.monotonic() + timeout
    probe = url + "?query=ASK%7B%7D"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            err = process.stderr.read() if process.stderr else ""
            detail = " ".join(str(err or "").split())[:300]
            raise RemoteError(f"{name} stopped at start: {detail or process.returncode}")
        try:
            with urllib.request.urlopen(probe, timeout=1) as response:
                response.read()
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise RemoteError(f"{name} did not answer within {timeout:g} s at {url}")


@dataclass
class Server:
    process: subprocess.Popen
    query_url: str
    location: Path
    temporary: bool

    def stop(self) -> None:
        terminate(self.process)
        if self.temporary:
            shutil.rmtree(self.location, ignore_errors=True)


def start(
    selection: DataSelection,
    port: int = 7878,
    location: Path | None = None,
    read_write: bool = False,
) -> tuple[Server, int]:
    """Load the graph, start the server, wait until it answers; (server, triples loaded)."""
    temporary = location is None
    folder = Path(tempfile.mkdtemp(prefix="govgraph-oxigraph-")) if location is None else location
    try:
        triples = load_location(selection, folder)
        mode = "serve" if read_write else "serve-read-only"
        process = subprocess.Popen(
            [
                *(oxigraph_binary(), mode, "--location", str(folder), "--bind", f"{HOST}:{port}"),
                "--union-default-graph",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
    except BaseException:
        if temporary:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    server = Server(process, f"http://{HOST}:{port}/query", folder, temporary)
    try:
        wait_until_answering(server.query_url, process)
    except BaseException:
        server.stop()
        raise
    return server, triples


def terminate(process: subprocess.Popen, grace: float = 10.0) -> None:
    """Stop a child server politely, then firmly: SIGTERM lets it flush its store, but a server
    that hangs must not keep the caller (or a test run) waiting for ever."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
