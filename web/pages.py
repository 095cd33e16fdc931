"""The pages policy staff use: start and search, an entity's card, who / what / deadlines /
demands. Each calls the same graph/ function as the matching CLI command."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace

from markupsafe import Markup, escape
from starlette.responses import JSONResponse, Response

from govgraph.graph.answers import questions, rows
from govgraph.graph.answers.questions import Ask, NoResults
from govgraph.graph.answers.wording import TOGETHER, cited, overruled_text
from govgraph.graph.dates import long_day
from govgraph.graph.errors import NotFoundError
from govgraph.graph.i18n import bilingual
from govgraph.graph.namespaces import compact
from govgraph.graph.sources.claims import find_source
from govgraph.graph.sparql.entities import Entity, Match

from . import params
from .cache import page_key
from .errors import BadRequest, Candidate, NotFound, problem
from .render import Ctx, json_wanted, page
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
    """The source named by `source`, by the rule `--source` follows (short name such as
    NOOTSStVtr, IRI or its last part, or a word of the title); unknown: 404 naming the known."""
    key = params.text(ctx.query, "source")
    if not key:
        return None
    iri = find_source(ctx.graph.backend(), ctx.lang, key)["iri"]
    return next((d for d in ctx.graph.sources(ctx.lang) if d.iri == iri), None)


# --- start and search --------------------------------------------------------------------------


@page
def start(ctx: Ctx) -> Response:
    return ctx.render("start.html", q="")


@page
def search(ctx: Ctx) -> Response:
    q = params.text(ctx.query, "q")
    if json_wanted(ctx.request):  # the same rows as `govgraph search Q --format json`
        ask = Ask(lang=ctx.lang, today=ctx.graph.settings.day())
        return JSONResponse(questions.search(ctx.graph.backend(), q, ask) if q else [])
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

    key = page_key(
        request.url.path, request.url.query, ctx_day(request), request.headers.get("accept", "")
    )
    return request.app.state.pages.get(key, compute)


def ctx_day(request) -> object:
    return request.app.state.graph.settings.day()


# --- entity ------------------------------------------------------------------------------------


@page
def entity(ctx: Ctx) -> Response:
    found = resolve(ctx, "id", params.text(ctx.query, "id"))
    ask = Ask(
        lang=ctx.lang,
        today=ctx.graph.settings.day(),
        at=params.day(ctx.query, "at", today=ctx.graph.settings.day()),
        source=params.text(ctx.query, "source") or None,
        all_claims=params.flag(ctx.query, "all_claims"),
        claims=ctx.graph.claims(ctx.lang),
        index=ctx.graph.index(ctx.lang),
    )
    card = questions.card(ctx.graph.backend(), found.iri, ask)
    if json_wanted(ctx.request):
        return JSONResponse(card)  # the same document as `govgraph show --format json`
    day = ask.at or ask.today
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
    status = card["status"]
    return ctx.render(
        "entity.html",
        card=card,
        entity=found,
        title=title,
        facts=facts,
        evidence=evidence,
        standing=SimpleNamespace(**status) if status else None,
        day=long_day(day, ctx.lang),
        disputed=sorted({c for f in facts for c in f["conflicts"]}),
    )


# --- who / what / deadlines / demands: one Answer each, as a page or its JSON twin ----------


def _ask(ctx: Ctx, at_all: bool = True) -> Ask:
    """The question as the URL asks it: day, every time, source, overruled claims too."""
    at = params.day(ctx.query, "at", today=ctx.graph.settings.day()) if at_all else None
    return Ask(
        lang=ctx.lang,
        today=ctx.graph.settings.day(),
        at=at,
        all_times=params.flag(ctx.query, "all") if at_all else False,
        source=params.text(ctx.query, "source") or None,
        all_claims=params.flag(ctx.query, "all_claims"),
        claims=ctx.graph.claims(ctx.lang),
        quote_sources=lambda: ctx.graph.quote_places(ctx.lang),
        index=ctx.graph.index(ctx.lang),
    )


def _answer(ctx: Ctx, template: str, compute, **values: object) -> Response:
    """The page of an answer (or its JSON twin: every row, as `--format json` prints them).
    An empty answer is a page that says so (and a 404 for JSON)."""
    doc = _source_filter(ctx)
    try:
        answer = compute()
    except NoResults as err:
        if json_wanted(ctx.request):
            return JSONResponse({"error": str(err)}, status_code=404)
        return ctx.render(template, answer=None, empty=str(err), source=doc, **values)
    if json_wanted(ctx.request):
        return JSONResponse(answer.records())
    return ctx.render(
        template,
        answer=answer,
        empty="",
        source=doc,
        cite=_citing(ctx),
        said=lambda o: overruled_text(o, ctx.lang),
        keep=keep,
        **values,
    )


# What a line must not break inside: a hyphenated name (IT-Staatsvertrag), and what every face
# keeps together (wording.TOGETHER: a day, a share, a norm's first step). Longer runs (web
# addresses) may break as the browser likes.
_WHOLE = re.compile(r"[^\s»«„“(]*\w-\w[^\s»«„“),.;:]*|" + TOGETHER)
_DIGIT = re.compile(r"\d")
_LONGEST = 30


def keep(text: object) -> Markup:
    """Text for a page in which a phone screen breaks lines between words only, never inside
    a name with a hyphen, a day or between a number and its per cent sign."""
    return _kept(str(text))


@lru_cache(maxsize=8192)
def _kept(value: str) -> Markup:
    """keep() of one text, worked out once: a who page marks ~280 names, days and quotes, the
    same ones on every page of that subject (a few MB at most for the cache's 8,192 texts)."""
    out: list[Markup] = []
    at = 0
    if "-" not in value and not _DIGIT.search(value):
        return escape(value)  # nothing _WHOLE could match (most names and quotes): 4x faster
    for m in _WHOLE.finditer(value):
        if len(m.group(0)) > _LONGEST:
            continue
        out += [escape(value[at : m.start()]), Markup('<span class="nobr">%s</span>') % m.group(0)]
        at = m.end()
    out.append(escape(value[at:]))
    return Markup("").join(out)


def _citing(ctx: Ctx):
    """For templates: an evidence's citation and the link to its quote in the source page."""
    docs = {d.short: d for d in ctx.graph.sources(ctx.lang)}

    def cite(ev) -> dict[str, str]:
        doc = docs.get(ev.source)
        url = ctx.url("/source", id=doc.key) + "#" + anchor(ev.quote) if doc else ""
        return {"text": cited(ev.source, ev.locator), "url": url}

    return cite


def _entity_page(ctx: Ctx, name: str, question, template: str) -> Response:
    value = params.text(ctx.query, name)
    ask = _ask(ctx)
    values = {"value": value, "at": ask.at, "all": ask.all_times}
    if not value:
        return ctx.render(template, answer=None, empty="", source=_source_filter(ctx), **values)
    resolve(ctx, name, value)  # an unknown or ambiguous name: the page with candidates
    return _answer(ctx, template, lambda: question(ctx.graph.backend(), value, ask), **values)


@page
def who(ctx: Ctx) -> Response:
    return _entity_page(ctx, "subject", questions.who, "who.html")


@page
def what(ctx: Ctx) -> Response:
    return _entity_page(ctx, "actor", questions.what, "what.html")


@page
def deadlines(ctx: Ctx) -> Response:
    today = ctx.graph.settings.day()
    start_day = params.day(ctx.query, "from", today=today)
    end_day = params.day(ctx.query, "to", end=True, today=today)
    status = params.choice(ctx.query, "status", rows.STATUSES)
    if start_day and end_day and start_day > end_day:
        raise BadRequest(
            f"from {start_day.isoformat()} {bilingual('web.error.is_after')} "
            f"to {end_day.isoformat()}"
        )
    ask = _ask(ctx, at_all=False)
    return _answer(
        ctx,
        "deadlines.html",
        lambda: questions.deadlines(ctx.graph.backend(), ask, start_day, end_day, status),
        start=start_day,
        end=end_day,
        status_filter=status or "",
    )


@page
def path(ctx: Ctx) -> Response:
    """How two entities are connected (as `govgraph path A B`), each step with its quotes."""
    a, b = params.text(ctx.query, "a"), params.text(ctx.query, "b")
    limit = params.integer(ctx.query, "max", 5, 1, 20)
    ask = _ask(ctx)
    values = {"a": a, "b": b, "at": ask.at, "limit": limit}
    if not (a and b):
        return ctx.render("path.html", answer=None, empty="", source=None, **values)
    for name, value in (("a", a), ("b", b)):
        resolve(ctx, name, value)

    def compute():
        backend = ctx.graph.backend()
        network = lambda day: ctx.graph.network(ctx.lang, day)  # noqa: E731
        return questions.path(backend, a, b, ask, network, limit)

    return _answer(ctx, "path.html", compute, **values)


@page
def demands(ctx: Ctx) -> Response:
    by_text, to_text = params.text(ctx.query, "by"), params.text(ctx.query, "addressee")
    for name, value in (("by", by_text), ("addressee", to_text)):
        if value:
            resolve(ctx, name, value)
    ask = _ask(ctx, at_all=False)
    return _answer(
        ctx,
        "demands.html",
        lambda: questions.demands(ctx.graph.backend(), ask, by_text or None, to_text or None),
        by=by_text,
        addressee=to_text,
    )
