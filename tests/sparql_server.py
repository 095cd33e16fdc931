"""Real servers for the remote tests: `oxigraph serve`, and small misbehaving HTTP servers.

Import the fixtures into a test module (`from sparql_server import oxigraph_server`); pytest
picks them up. Nothing here is a mock of Oxigraph: the SPARQL server is the real binary from the
`oxigraph` PyPI package (in the test extras), on a free loopback port with a temporary folder.
"""

from __future__ import annotations

import http.server
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from system_parts import need

from govgraph.graph.errors import RemoteError
from govgraph.graph.publish.serve import oxigraph_binary, wait_until_answering


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def require_program(found: bool, what: str, packages: str) -> None:
    """A store's tests need its programs (system_parts.need: fail in CI, skip elsewhere)."""
    need(found, what, f"apt-get install {packages}")


def wait_for_server(server, log: Path, name: str, timeout: float) -> None:
    """Until `server.url` answers an ASK. A server that stops or does not answer in time is
    stopped, and the error carries the end of its log: its own words on why."""
    try:
        wait_until_answering(server.url, server.process, timeout=timeout, name=name)
    except RemoteError as err:
        server.stop()
        tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
        raise RuntimeError(f"{err}: {tail}") from None


@dataclass
class OxigraphServer:
    process: subprocess.Popen
    port: int
    location: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/query"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


def start_oxigraph(location: Path, port: int | None = None) -> OxigraphServer:
    port = port or free_port()
    process = subprocess.Popen(
        [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    server = OxigraphServer(process, port, location)
    try:
        wait_until_answering(server.url, process, timeout=30)
    except BaseException:
        server.stop()
        raise
    return server


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory) -> Iterator[OxigraphServer]:
    """A real, empty `oxigraph serve` (read-write) for the tests of one module."""
    server = start_oxigraph(tmp_path_factory.mktemp("oxigraph"))
    yield server
    server.stop()


@dataclass
class Recorder:
    """Requests a fake HTTP server received: (method, path, headers, body)."""

    requests: list[tuple[str, str, dict, bytes]] = field(default_factory=list)


def http_server(
    respond: Callable[[http.server.BaseHTTPRequestHandler], None],
) -> tuple[http.server.ThreadingHTTPServer, Recorder]:
    """A local HTTP server whose answer `respond(handler)` writes; it records every request."""
    recorder = Recorder()

    class Handler(http.server.BaseHTTPRequestHandler):
        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            recorder.requests.append((self.command, self.path, dict(self.headers), body))
            try:
                respond(self)
            except (BrokenPipeError, ConnectionResetError):
                pass

        do_GET = do_POST = do_PUT = _handle

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, recorder


@pytest.fixture
def fake_endpoint():
    """Start fake endpoints: `url, recorder = fake_endpoint(respond)`; all stopped at the end."""
    servers = []

    def start(respond) -> tuple[str, Recorder]:
        server, recorder = http_server(respond)
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/sparql", recorder

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def cutting_proxy(target_port: int, cut_after: int) -> tuple[socket.socket, threading.Event]:
    """A TCP proxy to 127.0.0.1:target_port that drops a connection once the client has sent
    more than `cut_after` bytes in it (a network failure in the middle of an upload)."""
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    cut = threading.Event()

    def pipe(src: socket.socket, dst: socket.socket, limit: int | None) -> None:
        sent = 0
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                sent += len(data)
                if limit is not None and sent > limit:
                    dst.sendall(data[: max(0, len(data) - (sent - limit))])
                    cut.set()
                    break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()

    def accept() -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", target_port))
            threading.Thread(target=pipe, args=(client, upstream, cut_after), daemon=True).start()
            threading.Thread(target=pipe, args=(upstream, client, None), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    time.sleep(0.05)
    return listener, cut
