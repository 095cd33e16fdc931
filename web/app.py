"""The web application: routes, security headers, static files, error pages.

Read-only by construction: every route answers GET (and HEAD) only. Every response carries a
strict Content-Security-Policy — scripts and styles only from this server, no inline code, no
frames but our own, nothing from elsewhere — except the sandboxed network frame (see
network_page.py).
"""

from __future__ import annotations

import threading
from importlib.resources import files
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import network_page, pages, source_pages, sparql_page
from .cache import PageCache, ServeKept
from .errors import NotFound, WebError
from .graph import Settings, WebState
from .guards import RETRY_AFTER, RequestGuard
from .render import error_page

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every response that does not set its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.decode("latin-1").lower() for k, _ in headers}
                for key, value in SECURITY_HEADERS.items():
                    if key not in present:
                        headers.append((key.encode("latin-1"), value.encode("latin-1")))
                if message["status"] == 429 and "retry-after" not in present:
                    headers.append((b"retry-after", RETRY_AFTER.encode()))  # when to come back
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    """404 for unknown paths, 405 for anything but GET: the friendly page, right status."""
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    err = NotFound(request.url.path) if status == 404 else WebError(str(getattr(exc, "detail", "")))
    err.status = status
    response = error_page(request, err)
    if status == 405:
        response.headers["Allow"] = "GET, HEAD"
    return response


async def _server_error(request: Request, exc: Exception) -> Response:
    return error_page(request, exc)


def _static_dir() -> Path:
    return Path(str(files("govgraph.web"))) / "static"


def create_app(
    settings: Settings | None = None, allowed_hosts: list[str] | None = None
) -> Starlette:
    """The ASGI app over one graph; `allowed_hosts` guards against DNS rebinding."""
    graph = WebState(settings or Settings())
    routes = [
        Route("/", pages.start, name="start"),
        Route("/search", pages.search),
        Route("/api/search", pages.api_search),
        Route("/entity", pages.entity),
        Route("/who", pages.who),
        Route("/what", pages.what),
        Route("/deadlines", pages.deadlines),
        Route("/demands", pages.demands),
        Route("/path", pages.path),
        Route("/sources", source_pages.sources),
        Route("/source", source_pages.source),
        Route("/conflicts", source_pages.conflicts),
        Route("/network", network_page.network),
        Route("/network/frame", network_page.network_frame),
        Route("/sparql", sparql_page.sparql),
        Mount("/static", StaticFiles(directory=_static_dir()), name="static"),
    ]
    middleware = [Middleware(SecurityHeaders)]
    if allowed_hosts:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts))
    middleware.append(Middleware(RequestGuard))  # other sites' requests, too many at once
    middleware.append(Middleware(ServeKept))  # after the host check: kept pages are pages too
    app = Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={404: _http_error, 405: _http_error, Exception: _server_error},
    )
    app.state.graph = graph
    app.state.pages = PageCache(graph.settings.cache_pages)
    app.state.queries = None  # the query workers (sparql_page.query_pool), started on demand
    app.state.queries_lock = threading.Lock()
    return app


def close_queries(app: Starlette) -> None:
    """Stop the query workers with the server, and remove what the graph wrote."""
    with app.state.queries_lock:
        pool, app.state.queries = app.state.queries, None
    if pool is not None:
        pool.close()
    app.state.graph.close()
