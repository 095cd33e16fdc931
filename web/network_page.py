"""The interactive network (graph/views/html.py, the page `govgraph viz` writes) focused on an
entity, embedded in a sandboxed frame.

The viz page is self-contained and needs inline scripts; it therefore comes from its own route
with its own Content-Security-Policy plus `sandbox allow-scripts`: it runs in an opaque origin
and can reach nothing, while every other page keeps the strict policy without inline scripts.
"""

from __future__ import annotations

from starlette.responses import HTMLResponse, Response

from govgraph.graph.errors import NotFoundError
from govgraph.graph.i18n import bilingual
from govgraph.graph.views.html import CSP as VIZ_CSP
from govgraph.graph.views.html import render_page
from govgraph.graph.views.network import select_view
from govgraph.graph.views.viz_request import check_size, edge_states

from . import params
from .pages import resolve
from .render import Ctx, page

FRAME_CSP = VIZ_CSP + "; sandbox allow-scripts; frame-ancestors 'self'; base-uri 'none'"


def _view(ctx: Ctx):
    found = resolve(ctx, "focus", params.text(ctx.query, "focus"))
    depth = params.integer(ctx.query, "depth", 1, 0, 4)
    at = params.day(ctx.query, "at")
    g = ctx.graph.network(ctx.lang, at)
    if found.iri not in g:
        raise NotFoundError(
            f"focus: {found.label(ctx.lang)} – {bilingual('web.error.not_in_network')}"
        )
    view = select_view(g, focus=found.iri, depth=depth, kinds=(), topic=None)
    check_size(view, "html", None)
    return found, depth, at, view


@page
def network(ctx: Ctx) -> Response:
    found, depth, at, view = _view(ctx)
    frame = ctx.url(
        "/network/frame", focus=ctx.query.get("focus"), depth=depth, at=at.isoformat() if at else ""
    )
    return ctx.render(
        "network.html",
        entity=found,
        depth=depth,
        at=at,
        frame=frame,
        nodes=view.number_of_nodes(),
        title=ctx.t["network_title"].format(found.label(ctx.lang)),
    )


@page
def network_frame(ctx: Ctx) -> Response:
    found, depth, at, view = _view(ctx)
    title = ctx.t["network_title"].format(found.label(ctx.lang))
    # the same marks as the pictures: an overruled claim is named so on its pair's edge
    day = at or ctx.graph.settings.day()
    certainty, _ = edge_states(ctx.graph.backend(), view, ctx.lang, day)
    response = HTMLResponse(render_page(view, title, ctx.lang, certainty))
    response.headers["Content-Security-Policy"] = FRAME_CSP
    response.headers["X-Frame-Options"] = "SAMEORIGIN"
    return response
