"""Run the app with uvicorn on a socket bound here, so a busy port is one clear error line and
port 0 picks a free port whose URL is printed (tests and scripts wait for that line)."""

from __future__ import annotations

import socket
import sys
import threading
import webbrowser
from collections.abc import Callable

from govgraph.graph.errors import UsageError

from .app import create_app
from .graph import Settings

LOOPBACK_NAMES = {"127.0.0.1", "localhost", "::1"}


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as err:
        sock.close()
        raise UsageError(f"--host {host} --port {port}: {err.strerror or err}") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def allowed_hosts(host: str) -> list[str] | None:
    """On loopback only the loopback names are accepted as Host (stops DNS rebinding)."""
    if host in LOOPBACK_NAMES:
        return ["127.0.0.1", "localhost", "[::1]", "::1"]
    return None


def serve(
    settings: Settings,
    host: str,
    port: int,
    open_browser: bool = False,
    announce: Callable[[str], None] = print,
) -> None:
    """Open the graph (errors surface now, not on the first request), then serve until Ctrl-C."""
    import uvicorn

    app = create_app(settings, allowed_hosts(host))
    graph = app.state.graph
    graph.backend()
    graph.index(settings.lang)
    graph.sources(settings.lang)
    graph.claims(settings.lang)
    other = "en" if settings.lang == "de" else "de"
    threading.Thread(  # the other language is ready a little later, without delaying the start
        target=lambda: (graph.index(other), graph.sources(other), graph.claims(other)),
        name="govgraph-web-warm",
        daemon=True,
    ).start()
    sock = bind(host, port)
    name = f"[{host}]" if ":" in host else host
    url = f"http://{name}:{sock.getsockname()[1]}/"
    config = uvicorn.Config(app, log_level="warning", access_log=False, server_header=False)
    server = uvicorn.Server(config)

    def ready() -> None:
        while not server.started and not server.should_exit:
            threading.Event().wait(0.05)
        if server.started:
            announce(url)
            sys.stderr.flush()
            if open_browser:
                webbrowser.open(url)

    threading.Thread(target=ready, name="govgraph-web-ready", daemon=True).start()
    server.run(sockets=[sock])
