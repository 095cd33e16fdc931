"""The pages policy staff use: start and search, an entity's card, who / what / deadlines /
demands. Each calls the same graph/ function as the matching CLI command."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.responses import JSONResponse, Response

from govgraph.graph.answers import rows as answers
from govgraph.graph.answers.card import entity_card
from govgraph.graph.answers.claims import decorate
from govgraph.graph.answers.records import as_json
from govgraph.graph.answers.resolve import Entity, Match
from govgraph.graph.answers.status import status_on
from govgraph.graph.errors import NotFoundError
from govgraph.graph.i18n import bilingual
from govgraph.graph.namespaces import compact

from . import params
from .cache import page_key
from .errors import BadRequest, Candidate, NotFound, problem
from .render import SHOWN_ROWS, Ctx, page
from .sources import SourceDocument, anchor

QUOTE_SEPARATOR = " […] "  # how the answer queries join several quotes of one fact


@dataclass
class QuoteLink:
    text: str
    url: str  # the quote's place in its source page, "" if the source is unknown
    source: str


def quote_links(ctx: Ctx, joined: str) -> list[QuoteLink]:
    """The quotes of an answer row, each linked to its anchor in the source page."""
    found = ctx.graph.quote_sources(ctx.lang)
    links = []
    for q in (p for p in joined.split(QUOTE_SEPARATOR) if p):
        doc = found.get(q)
        url = ctx.url("/source", id=doc.key) + "#" + anchor(q) if doc else ""
        links.append(QuoteLink(q, url, doc.short if doc else ""))
    return links


def _candidates(ctx: Ctx, matches: list[Match]) -> list[Candidate]:
    return [
        Candidate(
            m.entity.label(ctx.lang), m.entity.type_label or compact(m.entity.type), m.entity.iri
        )
        for m in matches
    ]


def resolve(ctx: Ctx, name: str, value: str) -> Entity:
    """The one entity `value` names; else a 404 that lists what it could have meant."""
    if not value:
        raise BadRequest(f"{name}: {bilingual('web.error.missing')}")
    index = ctx.graph.index(ctx.lang)
    try:
        return index.resolve(value)
    except NotFoundError as err:
        matches = index.rank(value, limit=50) or index.similar(value)
        matches = [m for m in matches if m.kind == matches[0].kind][:15] if matches else []
        raise NotFound(str(err).split("\n")[0], _candidates(ctx, matches)) from None


def _source_filter(ctx: Ctx) -> SourceDocument | None:
    """The source named by `source` (short name such as NOOTSStVtr, `ggd:source-…` or IRI)."""
    key = params.text(ctx.query, "source")
    if not key:
        return None
    for doc in ctx.graph.sources(ctx.lang):
        if doc.matches(key):
            return doc
    known = ", ".join(d.short for d in ctx.graph.sources(ctx.lang))
    no_source, known_word = bilingual("sources.no_source"), bilingual("sources.known")
    raise NotFound(f"source: {no_source} {key!r} – {known_word}: {known}")


def with_claims(ctx: Ctx, records: list, key: str, day, doc: SourceDocument | None) -> list[dict]:
    """Sources, locators and claim state on each row, as the CLI adds them (superseded claims
    only with `all_claims=1`; with a source, only what that source states). The templates get
    plain dicts (`to_json()` of answer records), to which the pages add quote links."""
    decorated = decorate(
        records,
        ctx.graph.claims(ctx.lang),
        key,
        ctx.lang,
        day,
        doc.iri if doc else None,
        params.flag(ctx.query, "all_claims"),
    )
    return [as_json(r) for r in decorated]


def _day_text(ctx: Ctx, value) -> str:
    return value.strftime(ctx.t["day_format"])


# --- start and search --------------------------------------------------------------------------


@page
def start(ctx: Ctx) -> Response:
    return ctx.render("start.html", q="")


@page
def search(ctx: Ctx) -> Response:
    q = params.text(ctx.query, "q")
    if not q:
        return ctx.render("start.html", q="")
    index = ctx.graph.index(ctx.lang)
    matches = index.rank(q, limit=30) or index.similar(q)
    return ctx.render("search.html", q=q, matches=matches)


def api_search(request) -> Response:
    """Search-as-you-type: the best few matches as JSON (label, type, url)."""

    def compute() -> Response:
        try:
            ctx = Ctx(request)
            q = params.text(ctx.query, "q")
            matches = ctx.graph.index(ctx.lang).rank(q, limit=8) if q else []
        except Exception as err:  # noqa: BLE001 - the script shows nothing rather than an error
            found = problem(err)
            return JSONResponse({"error": found.message}, status_code=found.status)
        return JSONResponse(
            [
                {
                    "label": m.entity.label(ctx.lang),
                    "type": m.entity.type_label,
                    "url": ctx.entity_url(m.entity.iri),
                }
                for m in matches
            ]
        )

    key = page_key(request.url.path, request.url.query, ctx_day(request))
    return request.app.state.pages.get(key, compute)


def ctx_day(request) -> object:
    return request.app.state.graph.settings.day()


# --- entity ------------------------------------------------------------------------------------


@page
def entity(ctx: Ctx) -> Response:
    found = resolve(ctx, "id", params.text(ctx.query, "id"))
    card = entity_card(ctx.graph.backend(), found.iri, ctx.lang)
    day = params.day(ctx.query, "at") or ctx.graph.settings.day()
    doc = _source_filter(ctx)
    card["facts"] = with_claims(ctx, card["facts"], "iri", day, doc)
    standing = status_on(ctx.graph.backend(), found.iri, ctx.lang, day, ctx.graph.claims(ctx.lang))
    sources = {d.iri: d for d in ctx.graph.sources(ctx.lang)}
    evidence = [
        {
            **ev,
            "url": ctx.url("/source", id=sources[ev["source_iri"]].key) + "#" + anchor(ev["quote"])
            if ev["source_iri"] in sources
            else "",
            "short": sources[ev["source_iri"]].short if ev["source_iri"] in sources else "",
        }
        for ev in card["evidence"]
    ]
    facts = [{**f, "quotes": quote_links(ctx, f["quote"])} for f in card["facts"]]
    title = card["labels"].get(ctx.lang) or found.label(ctx.lang)
    return ctx.render(
        "entity.html",
        card=card,
        entity=found,
        title=title,
        facts=facts,
        evidence=evidence,
        standing=standing,
        day=_day_text(ctx, day),
    )


# --- who / what --------------------------------------------------------------------------------


def _answer_page(ctx: Ctx, name: str, fetch, key: str, template: str, title_key: str) -> Response:
    value = params.text(ctx.query, name)
    at = params.day(ctx.query, "at")
    all_times = params.flag(ctx.query, "all")
    doc = _source_filter(ctx)
    if not value:
        return ctx.render(
            template, value="", records=[], title="", at=at, all=all_times, source=doc, day=""
        )
    found = resolve(ctx, name, value)
    day = None if all_times else (at or ctx.graph.settings.day())
    records = fetch(ctx.graph.backend(), found.iri, ctx.lang, day)
    records = with_claims(ctx, records, key, day, doc)
    for r in records[:SHOWN_ROWS]:
        r["quotes"] = quote_links(ctx, str(r.get("quote", "")))
    stand = f" – {ctx.t['as_of']} {_day_text(ctx, day)}" if day else ""
    return ctx.render(
        template,
        value=value,
        entity=found,
        records=records,
        title=ctx.t[title_key].format(found.label(ctx.lang)) + stand,
        at=at,
        all=all_times,
        source=doc,
        day=day,
    )


@page
def who(ctx: Ctx) -> Response:
    return _answer_page(ctx, "subject", answers.who, "fact_iri", "who.html", "who_title")


@page
def what(ctx: Ctx) -> Response:
    return _answer_page(ctx, "actor", answers.involvement, "item_iri", "what.html", "what_title")


# --- deadlines and demands ---------------------------------------------------------------------


@page
def deadlines(ctx: Ctx) -> Response:
    start_day = params.day(ctx.query, "from")
    end_day = params.day(ctx.query, "to")
    status = params.choice(ctx.query, "status", answers.STATUSES)
    if start_day and end_day and start_day > end_day:
        raise BadRequest(
            f"from {start_day.isoformat()} {bilingual('web.error.is_after')} "
            f"to {end_day.isoformat()}"
        )
    today = ctx.graph.settings.day()
    doc = _source_filter(ctx)
    records = answers.deadlines(ctx.graph.backend(), ctx.lang, today, start_day, end_day, status)
    records = with_claims(ctx, records, "iri", today, doc)
    for r in records[:SHOWN_ROWS]:
        r["quotes"] = quote_links(ctx, str(r.get("quote", "")))
    return ctx.render(
        "deadlines.html",
        records=records,
        title=ctx.t["deadlines_title"].format(_day_text(ctx, today)),
        start=start_day,
        end=end_day,
        status_filter=status or "",
        source=doc,
    )


@page
def demands(ctx: Ctx) -> Response:
    by_text, to_text = params.text(ctx.query, "by"), params.text(ctx.query, "addressee")
    by = resolve(ctx, "by", by_text) if by_text else None
    to = resolve(ctx, "addressee", to_text) if to_text else None
    doc = _source_filter(ctx)
    records = answers.demands(
        ctx.graph.backend(), ctx.lang, by.iri if by else None, to.iri if to else None
    )
    records = with_claims(ctx, records, "iri", None, doc)
    for r in records[:SHOWN_ROWS]:
        r["quotes"] = quote_links(ctx, str(r.get("quote", "")))
    return ctx.render("demands.html", records=records, by=by_text, addressee=to_text, source=doc)
