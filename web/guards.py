"""What the web face refuses before any page runs: requests from other sites, too many requests
at once, and request heads too large to be honest.

Why each:
- Another site's page can make a visitor's browser fetch any URL here (`<img src=…/sparql?…>`),
  without the visitor knowing. Browsers say where a request comes from (Sec-Fetch-Site, Origin):
  a request from another site is refused unless it is the visitor opening a page (a link they
  clicked); running a SPARQL query or the search API is never done for another site.
- Requests run in a pool of 40 threads; 45 requests for one slow page used them all, and every
  other visitor waited 25 s. A client may have CLIENT_LIMIT requests in progress, all clients
  together GLOBAL_LIMIT; beyond that the answer is 429 at once, with Retry-After.
- uvicorn's httptools parser has no limit on the request head (50 MB of headers were
  accepted and held in memory). LimitedHttpTools answers 431 past HEAD_LIMIT bytes.
"""

from __future__ import annotations

import threading
from collections import Counter
from urllib.parse import parse_qs, urlsplit

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from govgraph.graph.i18n import LANGS, message

from .errors import Forbidden, TooManyRequests, WebError

# Requests in progress per client address: a browser opens up to 6 connections, and several
# people may share one address (an office's NAT, a reverse proxy; benchmarks/web_bench.py runs
# 20 clients from one). One address can hold 24 threads, the others still have the rest.
CLIENT_LIMIT = 24
GLOBAL_LIMIT = 32  # in progress over all clients: below the 40 threads requests run in
RETRY_AFTER = "2"
HEAD_LIMIT = 64 * 1024  # request line and headers together, in bytes
URL_LIMIT = 32 * 1024  # the request target alone (a 5,000-character query, percent-encoded)
# Parameters with which the SPARQL page runs a query (a link without them shows the form).
RUNNING = {"query", "run", "format"}


def cross_site(scope: Scope) -> bool:
    """True when a browser says the request comes from another site and it is not simply the
    visitor opening a page by a link (or when it runs a query or the API for that site)."""
    headers = Headers(scope=scope)
    site = headers.get("sec-fetch-site", "")
    origin = headers.get("origin")
    if origin is not None and not _same_origin(origin, headers.get("host", "")):
        return True
    if site not in ("same-site", "cross-site"):
        return False  # same-origin, typed or bookmarked (none), or an older client
    # a link followed (also from the network view's sandboxed frame, whose origin is opaque)
    navigation = headers.get("sec-fetch-mode") == "navigate"
    return not navigation or _runs_a_query(scope)


def _runs_a_query(scope: Scope) -> bool:
    """The search API, or the SPARQL page asked to run (not just to show a query's form)."""
    path = scope.get("path", "")
    if path.startswith("/api/"):
        return True
    given = parse_qs(scope["query_string"].decode("latin-1"))
    return path == "/sparql" and bool(RUNNING & given.keys())


def _same_origin(origin: str, host: str) -> bool:
    """Origin `http://host:port` against the Host header (`null` is never the same)."""
    parts = urlsplit(origin)
    return bool(parts.netloc) and parts.netloc.lower() == host.lower()


class RequestGuard:
    """Refuses cross-site requests (403) and requests over the concurrency limits (429)."""

    def __init__(self, app: ASGIApp, client_limit: int = CLIENT_LIMIT) -> None:
        self.app = app
        self.client_limit = client_limit
        self.global_limit = GLOBAL_LIMIT
        self._lock = threading.Lock()
        self._running: Counter[str] = Counter()
        self._total = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if cross_site(scope):
            await self._refuse(scope, receive, send, Forbidden, "web.error.cross_site")
            return
        client = scope["client"][0] if scope.get("client") else ""
        with self._lock:
            admitted = self._running[client] < self.client_limit and self._total < self.global_limit
            if admitted:
                self._running[client] += 1
                self._total += 1
        if not admitted:
            await self._refuse(scope, receive, send, TooManyRequests, "web.error.too_many_requests")
            return
        try:
            await self.app(scope, receive, send)
        finally:
            with self._lock:
                self._running[client] -= 1
                if self._running[client] <= 0:
                    del self._running[client]
                self._total -= 1

    async def _refuse(
        self, scope: Scope, receive: Receive, send: Send, kind: type[WebError], key: str
    ) -> None:
        """The error page, its message in the page's language."""
        from .render import error_page

        request = Request(scope, receive)
        lang = request.query_params.get("lang") or request.app.state.graph.settings.lang
        error = kind(message(key, lang if lang in LANGS else "de"))
        await error_page(request, error)(scope, receive, send)


class LimitedHttpTools(HttpToolsProtocol):
    """uvicorn's httptools protocol with a limit on the request head (431) and target (414).

    The head is counted as it arrives, before the parser buffers it; once refused, the
    connection is closed and nothing more of it is parsed or run."""

    _head = 0
    _in_head = True
    _refused = False

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return
        if self._in_head:
            self._head += len(data)
            if self._head > HEAD_LIMIT:
                self._refuse(431, "Request Header Fields Too Large")
                return
        super().data_received(data)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._in_head = True

    def on_url(self, url: bytes) -> None:
        super().on_url(url)
        if len(self.url) > URL_LIMIT:
            self._refuse(414, "URI Too Long")

    def on_header(self, name: bytes, value: bytes) -> None:
        if not self._refused:
            super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._in_head = False
        self._head = 0
        if not self._refused:
            super().on_headers_complete()

    def on_body(self, body: bytes) -> None:
        if not self._refused:
            super().on_body(body)

    def on_message_complete(self) -> None:
        self._in_head = True
        self._head = 0
        if not self._refused:
            super().on_message_complete()

    def _refuse(self, status: int, reason: str) -> None:
        self._refused = True
        if self.transport.is_closing():
            return
        body = f"{status} {reason}\n".encode()
        self.transport.write(
            f"HTTP/1.1 {status} {reason}\r\ncontent-type: text/plain; charset=utf-8\r\n"
            f"content-length: {len(body)}\r\nconnection: close\r\n\r\n".encode()
            + body
        )
        self.transport.close()
