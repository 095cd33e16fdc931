"""Run the app with uvicorn on a socket bound here, so a busy port is one clear error line and
port 0 picks a free port whose URL is printed (tests and scripts wait for that line).

Loopback by default. Another address only with the Host names visitors use (--allow-host): the
Host check stays on (it stops DNS rebinding), and a warning says the server is reachable."""

from __future__ import annotations

import socket
import sys
import threading
import webbrowser
from collections.abc import Callable

from govgraph.graph.errors import UsageError
from govgraph.graph.i18n import bilingual

from .app import close_queries, create_app
from .graph import Settings
from .guards import LimitedHttpTools

LOOPBACK_NAMES = {"127.0.0.1", "localhost", "::1"}
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]", "::1"]


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


def allowed_hosts(host: str, names: tuple[str, ...] = ()) -> list[str]:
    """The Host header values accepted: the loopback names, and on another address the names
    given with --allow-host (a UsageError without them: no silent exposure, no open Host)."""
    if host in LOOPBACK_NAMES:
        return LOOPBACK_HOSTS + list(names)
    if not names:
        raise UsageError(bilingual("cli.web.not_loopback", host=host))
    specific = [] if host in ("0.0.0.0", "::") else [f"[{host}]" if ":" in host else host]
    return LOOPBACK_HOSTS + specific + list(names)


def serve(
    settings: Settings,
    host: str,
    port: int,
    open_browser: bool = False,
    announce: Callable[[str], None] = print,
    allow_hosts: tuple[str, ...] = (),
) -> None:
    """Open the graph (errors surface now, not on the first request), then serve until Ctrl-C."""
    import uvicorn

    hosts = allowed_hosts(host, allow_hosts)
    if host not in LOOPBACK_NAMES:
        announce(f"govgraph: {bilingual('cli.web.exposed')}: {', '.join(hosts)}")
    app = create_app(settings, hosts)
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
    if host in ("0.0.0.0", "::"):  # a URL visitors can open: a name the Host check accepts
        host = allow_hosts[0]
    name = f"[{host}]" if ":" in host else host
    url = f"http://{name}:{sock.getsockname()[1]}/"
    from govgraph.graph.sparql.workers import AVAILABLE

    from .sparql_page import start_pool

    if AVAILABLE:
        app.state.queries = start_pool(settings)  # with the server, not on the first query
    config = uvicorn.Config(
        app,
        http=LimitedHttpTools,  # request heads limited (uvicorn's httptools has no limit)
        log_level="warning",
        access_log=False,
        server_header=False,
    )
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
    try:
        server.run(sockets=[sock])
    finally:
        close_queries(app)
