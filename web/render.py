"""Pages from templates: one Jinja2 environment (autoescaped), the shared page context, links
that keep the chosen language, and the error page."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cache, wraps
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from govgraph.graph.answers.building import percent
from govgraph.graph.i18n import messages
from govgraph.graph.namespaces import compact

from . import params
from .cache import json_accepted, page_key
from .errors import problem
from .graph import WebState
from .sources import anchor

log = logging.getLogger("govgraph.web")
SHOWN_ROWS = 500  # rows of an answer table; more is not readable (and pages stay small)

ENV = Environment(
    loader=PackageLoader("govgraph.web", "templates"),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


@cache
def texts(lang: str) -> dict[str, str]:
    """The page words of one language (`t.<key>` in templates), built once per language
    rather than per request: the catalogue does not change while the server runs."""
    return messages(lang, "web")


class Ctx:
    """Per request: the graph, the language and link helpers that keep that language."""

    def __init__(self, request: Request) -> None:
        self.request = request
        self.graph: WebState = request.app.state.graph
        self.default_lang = self.graph.settings.lang
        self.query = request.query_params
        self.lang = params.lang(self.query, self.default_lang)
        self.t = texts(self.lang)

    def url(self, path: str, **values: object) -> str:
        """`path?…` with the non-empty values, plus lang when it is not the default."""
        items = [(k, str(v)) for k, v in values.items() if v not in (None, "", False)]
        if self.lang != self.default_lang:
            items.append(("lang", self.lang))
        return path + ("?" + urlencode(items) if items else "")

    def entity_url(self, iri: str) -> str:
        return self.url("/entity", id=compact(iri)) if iri else ""

    def switch_url(self) -> str:
        """This page in the other language (all other parameters kept)."""
        other = "en" if self.lang == "de" else "de"
        items = [(k, v) for k, v in self.query.multi_items() if k != "lang"]
        if other != self.default_lang:
            items.append(("lang", other))
        path = self.request.url.path
        return path + ("?" + urlencode(items) if items else "")

    def render(self, template: str, status: int = 200, **values: object) -> HTMLResponse:
        html = ENV.get_template(template).render(
            ctx=self,
            t=self.t,
            lang=self.lang,
            compact=compact,
            anchor=anchor,
            percent=lambda share: percent(share, self.lang),
            shown=SHOWN_ROWS,
            **values,
        )
        return HTMLResponse(html, status_code=status)


def error_page(request: Request, err: Exception) -> Response:
    """The friendly page for any error, in the requested language if that is valid."""
    found = problem(err)
    if found.status >= 500 and not found.message:
        log.exception("unexpected error on %s", request.url.path, exc_info=err)
    try:
        ctx = Ctx(request)
    except Exception:  # noqa: BLE001 - the lang parameter itself was bad: fall back
        ctx = Ctx.__new__(Ctx)
        ctx.request, ctx.graph, ctx.query = request, request.app.state.graph, request.query_params
        ctx.default_lang = ctx.lang = ctx.graph.settings.lang
        ctx.t = texts(ctx.lang)
    try:
        return ctx.render("error.html", status=found.status, problem=found)
    except Exception as err2:  # noqa: BLE001 - the last line of defence: still no traceback
        log.exception("error page failed", exc_info=err2)
        return HTMLResponse(
            f"<!DOCTYPE html><title>{found.status}</title><h1>{found.status}</h1>",
            status_code=found.status,
        )


def json_wanted(request: Request) -> bool:
    """`?format=json` or `Accept: application/json` (and not HTML): the answer's JSON twin."""
    return request.query_params.get("format") == "json" or json_accepted(
        request.headers.get("accept", "")
    )


def page(handler: Callable[[Ctx], Response]) -> Callable[[Request], Response]:
    """A route from a handler taking a Ctx; every error becomes the error page."""

    @wraps(handler)
    def endpoint(request: Request) -> Response:
        twin = json_wanted(request)

        def compute() -> Response:
            try:
                return handler(Ctx(request))
            except Exception as err:  # noqa: BLE001 - nothing escapes as a traceback
                if twin:
                    found = problem(err)
                    return JSONResponse({"error": found.message}, status_code=found.status)
                return error_page(request, err)

        graph: WebState = request.app.state.graph
        accept = request.headers.get("accept", "")
        key = page_key(request.url.path, request.url.query, graph.settings.day(), accept)
        return request.app.state.pages.get(key, compute)

    return endpoint
