"""Run the app with uvicorn on a socket bound here, so a busy port is one clear error line and
port 0 picks a free port whose URL is printed (tests and scripts wait for that line).

Loopback by default. Another address only with the Host names visitors use (--allow-host): the
Host check stays on (it stops DNS rebinding), and a warning says the server is reachable."""

from __future__ import annotations

import os
import signal
import socket
import sys
import threading
import webbrowser
from collections.abc import Callable
from typing import NoReturn

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
    workers: int = 1,
) -> None:
    """Open the graph (errors surface now, not on the first request), then serve until Ctrl-C.

    With `workers` > 1 (where processes can be forked) that many processes serve the same
    socket: an answer is Python and pyoxigraph, which hold the GIL, so one process uses one
    core however many threads it has. Each process opens the graph itself (nothing opened is
    shared across the fork); the first one announces the URL and stops the others when it ends.
    """
    hosts = allowed_hosts(host, allow_hosts)
    if host not in LOOPBACK_NAMES:
        announce(f"govgraph: {bilingual('cli.web.exposed')}: {', '.join(hosts)}")
    if threading.current_thread() is threading.main_thread():
        # uvicorn shuts down on SIGTERM and then raises it again for the handler it found: a
        # SystemExit then, so that what the process wrote and started is removed and stopped
        # (the default handler would end it at once).
        signal.signal(signal.SIGTERM, _terminated)
    sock = bind(host, port)
    if workers > 1:
        from .sparql_page import share_slots

        share_slots()  # the limit of running queries holds for all the processes together
    children = fork_workers(workers - 1) if workers > 1 else []
    if children is None:  # a forked worker: serve quietly until the first process ends
        _serve_forked(settings, hosts, sock)
    try:
        _serve(settings, hosts, sock, host, allow_hosts, open_browser, announce)
    finally:
        stop_workers(children)


def _terminated(signum: int, frame: object) -> NoReturn:
    raise SystemExit(128 + signum)


def fork_workers(count: int) -> list[int] | None:
    """`count` forked copies of this process: their ids here, None in a copy. Only where the
    system can stop a copy when its parent dies (Linux), so that no worker outlives the server
    that started it; elsewhere the server stays one process."""
    prctl = _death_signal()
    if prctl is None or not hasattr(os, "fork"):
        return []
    children = []
    for _ in range(count):
        pid = os.fork()
        if pid == 0:
            prctl()
            if os.getppid() == 1:  # the parent already ended before the signal was set
                os._exit(0)
            return None
        children.append(pid)
    return children


def _death_signal() -> Callable[[], None] | None:
    """A function that asks Linux to send this process SIGTERM when its parent ends."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        return None
    pr_set_pdeathsig = 1
    return lambda: libc.prctl(pr_set_pdeathsig, signal.SIGTERM, 0, 0, 0)


def stop_workers(children: list[int]) -> None:
    """End the forked workers (SIGTERM: uvicorn's graceful shutdown) and reap them."""
    for pid in children:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    for pid in children:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


def _serve_forked(settings: Settings, hosts: list[str], sock: socket.socket) -> NoReturn:
    """A forked worker: open the graph, serve the shared socket, exit without returning into
    the command (its errors are the first process's to report)."""
    code, app = 0, None
    try:
        app = create_app(settings, hosts)
        _warm(app, settings.lang, other_later=False)
        _server(app).run(sockets=[sock])
    except BaseException:  # noqa: BLE001 - the first process reports; a worker just ends
        code = 1
    finally:
        if app is not None:
            close_queries(app)
    os._exit(code)


def _warm(app, lang: str, other_later: bool = True) -> None:
    """Open the graph and read what every answer needs, in the language served first; the
    other language in a thread (ready a little later) or now."""
    graph = app.state.graph
    graph.backend()
    graph.index(lang)
    graph.sources(lang)
    graph.claims(lang)
    other = "en" if lang == "de" else "de"

    def warm_other() -> None:
        graph.index(other), graph.sources(other), graph.claims(other)

    if other_later:
        threading.Thread(target=warm_other, name="govgraph-web-warm", daemon=True).start()
    else:
        warm_other()


def _server(app):
    import uvicorn

    config = uvicorn.Config(
        app,
        http=LimitedHttpTools,  # request heads limited (uvicorn's httptools has no limit)
        log_level="warning",
        access_log=False,
        server_header=False,
    )
    return uvicorn.Server(config)


def _serve(
    settings: Settings,
    hosts: list[str],
    sock: socket.socket,
    host: str,
    allow_hosts: tuple[str, ...],
    open_browser: bool,
    announce: Callable[[str], None],
) -> None:
    app = create_app(settings, hosts)
    _warm(app, settings.lang)
    if host in ("0.0.0.0", "::"):  # a URL visitors can open: a name the Host check accepts
        host = allow_hosts[0]
    name = f"[{host}]" if ":" in host else host
    url = f"http://{name}:{sock.getsockname()[1]}/"
    from govgraph.graph.sparql.workers import AVAILABLE

    from .sparql_page import start_pool

    if AVAILABLE:
        app.state.queries = start_pool(settings)  # with the server, not on the first query
    server = _server(app)

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
