"""Finished pages, kept while the process runs: the graph a server holds never changes, so the
same URL on the same day gives the same page.

An answer costs tens of milliseconds of SPARQL (more at 1M triples); 20 people clicking the
same briefing links should not pay it 20 times. Only 200 answers are kept, in LRU order, within
an entry and a byte budget: never a 503 or 429, which say "not now", not "this is the answer" (a
query stopped at its limit runs in a worker that is killed, so asking again costs no stray
evaluation). Concurrent requests for a page not yet kept wait for the one request computing it
instead of all computing it at once.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

MAX_BODY = 4_000_000  # bigger pages (a huge SPARQL result) are not kept


class PageCache:
    def __init__(self, entries: int = 512, budget: int = 128_000_000) -> None:
        self.entries = entries
        self.budget = budget
        self.used = 0
        self._pages: OrderedDict[Hashable, tuple[int, bytes, list]] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}

    def _hit(self, key: Hashable) -> Response | None:
        with self._lock:
            page = self._pages.get(key)
            if page is None:
                return None
            self._pages.move_to_end(key)
        status, body, headers = page
        response = Response(body, status_code=status)
        response.raw_headers = list(headers)
        return response

    def get(self, key: Hashable, compute: Callable[[], Response]) -> Response:
        if self.entries <= 0:
            return compute()
        hit = self._hit(key)
        if hit is not None:
            return hit
        with self._lock:
            gate = self._computing.setdefault(key, threading.Lock())
        with gate:
            hit = self._hit(key)
            if hit is not None:
                return hit
            response = compute()
            self._keep(key, response)
        with self._lock:
            self._computing.pop(key, None)
        return response

    def _keep(self, key: Hashable, response: Response) -> None:
        body = getattr(response, "body", None)
        if response.status_code != 200 or not isinstance(body, bytes):
            return
        if len(body) > MAX_BODY:
            return
        with self._lock:
            self._pages[key] = (response.status_code, body, list(response.raw_headers))
            self.used += len(body)
            while self._pages and (len(self._pages) > self.entries or self.used > self.budget):
                _, (_, old, _) = self._pages.popitem(last=False)
                self.used -= len(old)


def page_key(path: str, query: str, day: object, accept: str = "") -> tuple:
    """Same URL, same day: same page; a JSON twin asked for by its Accept header is another."""
    return (path, query, day, "json") if json_accepted(accept) else (path, query, day)


def json_accepted(accept: str) -> bool:
    """An Accept header asking for JSON rather than HTML (an answer page's JSON twin)."""
    return "application/json" in accept and "text/html" not in accept


class ServeKept:
    """Answers a GET for a kept page before routing: no thread hop, no request object."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            state = scope["app"].state if "app" in scope else None
            if state is not None:
                accept = dict(scope.get("headers") or []).get(b"accept", b"")
                key = page_key(
                    scope["path"],
                    scope["query_string"].decode("latin-1"),
                    state.graph.settings.day(),
                    accept.decode("latin-1"),
                )
                hit = state.pages._hit(key)
                if hit is not None:
                    await hit(scope, receive, send)
                    return
        await self.app(scope, receive, send)
