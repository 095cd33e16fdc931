"""The sources: a list of documents, and one document's text with every quoted passage marked
and anchored, so a quote on an entity page leads to its place in the text."""

from __future__ import annotations

from starlette.responses import Response

from govgraph.graph.i18n import bilingual

from . import params
from .errors import NotFound
from .render import Ctx, page
from .sources import segments


@page
def sources(ctx: Ctx) -> Response:
    """The source documents (as `govgraph sources`; JSON twin: its `--format json`)."""
    from govgraph.graph.answers import questions

    from .pages import _answer, _ask

    ask = _ask(ctx, at_all=False)
    return _answer(ctx, "sources.html", lambda: questions.sources(ctx.graph.backend(), ask))


@page
def source(ctx: Ctx) -> Response:
    key = params.text(ctx.query, "id", required=True)
    doc = next((d for d in ctx.graph.sources(ctx.lang) if d.matches(key)), None)
    if doc is None:
        raise NotFound(f"id: {bilingual('web.error.no_such_source')}: {key!r}")
    body = doc.text()
    parts, missing = segments(body, doc.quotes) if body is not None else ([], doc.quotes)
    return ctx.render(
        "source.html", doc=doc, parts=parts, missing=missing, has_text=body is not None
    )


@page
def conflicts(ctx: Ctx) -> Response:
    """Where sources disagree, which claim the graph follows on the day and by which rule (as
    `govgraph conflicts`), each claim with its quote linked into its source."""
    from govgraph.graph.answers import questions

    from .pages import _answer, _ask, resolve

    ask = _ask(ctx)
    about = params.text(ctx.query, "about")
    if about:
        resolve(ctx, "about", about)  # an unknown or ambiguous name: the page with candidates
    compute = lambda: questions.conflicts(ctx.graph.backend(), ask, about or None)  # noqa: E731
    return _answer(ctx, "conflicts.html", compute, at=ask.at, all=ask.all_times, about=about)
