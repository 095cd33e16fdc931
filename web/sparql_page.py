"""The SPARQL page: the named queries with a form for their parameters, and an editor for a
researcher's own SELECT / CONSTRUCT / ASK — guarded exactly like `govgraph query` (read-only, no
SERVICE/FROM/LOAD), with a time limit and a row limit; results as a table or as downloads.

Every query run here goes to a worker process (graph/sparql/workers.py): past its limit of
computing time or memory it is killed, and the server stays as it was."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox
from starlette.responses import Response

from govgraph.graph.i18n import bilingual
from govgraph.graph.namespaces import PREFIXES, compact
from govgraph.graph.sparql import formats
from govgraph.graph.sparql.catalog import NamedQuery, all_queries
from govgraph.graph.sparql.runner import PreparedQuery, bind_params, prepare, run
from govgraph.graph.sparql.workers import AVAILABLE, Limits, QueryPool, StoreSource
from govgraph.graph.store.guard import check_query

from . import params
from .errors import BadRequest, NotFound, TooLarge
from .graph import Settings
from .pages import resolve
from .render import SHOWN_ROWS, Ctx, page

MAX_QUERY_CHARS = 5000  # a GET request must stay well below the server's URL limit (guards.py)
QUERY_WORKERS = 2  # queries running at once (each in its own process): one per core here

DOWNLOADS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "tsv": ("text/tab-separated-values; charset=utf-8", "tsv"),
    "json": ("application/sparql-results+json; charset=utf-8", "srj"),
    "ttl": ("text/turtle; charset=utf-8", "ttl"),
    "nt": ("application/n-triples; charset=utf-8", "nt"),
}


@cache
def catalogue() -> tuple[NamedQuery, ...]:
    """The named queries with their headers read once (the files do not change while serving)."""
    queries = tuple(all_queries())
    for q in queries:
        q.summary, q.description  # noqa: B018 - parse the headers now
    return queries


@dataclass
class Cell:
    text: str
    url: str = ""


def cell(ctx: Ctx, term) -> Cell:
    """A result term for the table: IRIs compacted, govgraph entities linked to their page."""
    if term is None:
        return Cell("")
    if isinstance(term, ox.NamedNode):
        short = compact(term.value)
        return Cell(short, ctx.url("/entity", id=short) if short.startswith("ggd:") else "")
    if isinstance(term, ox.BlankNode):
        return Cell(f"_:{term.value}")
    return Cell(term.value)


def _given(ctx: Ctx, prepared: PreparedQuery) -> dict[str, str]:
    """The parameter values from the form (`p.NAME`); empty fields are not given.

    An entity named by its label is looked up in the server's entity index (as the runner
    would, but without loading all labels again), and an ambiguous one lists candidates."""
    given = {}
    for p in prepared.params:
        value = params.text(ctx.query, "p." + p.name)
        if value and p.kind == "iri" and not _looks_like_iri(value):
            value = resolve(ctx, "p." + p.name, value).iri
        if not value and p.name == "today":  # the server's day (`--today`), as the pages use
            value = ctx.graph.settings.day().isoformat()
        if value:
            given[p.name] = value
    return given


def _looks_like_iri(value: str) -> bool:
    prefix, sep, _ = value.partition(":")
    return (
        value.startswith("<")
        or bool(re.match(r"^(https?://|urn:)\S+$", value))
        or (bool(sep) and prefix in PREFIXES)
    )


def _prepared(ctx: Ctx) -> tuple[PreparedQuery | None, str]:
    name = params.text(ctx.query, "name")
    own = ctx.query.get("query") or ""
    if len(own) > MAX_QUERY_CHARS:
        raise TooLarge(
            f"query: {len(own)} {bilingual('web.error.chars_at_most')} {MAX_QUERY_CHARS}"
        )
    if name and own.strip():
        raise BadRequest(bilingual("web.error.name_or_query"))
    if name:
        if name not in {q.name for q in catalogue()}:
            raise NotFound(f"name: {bilingual('web.error.no_named_query')} {name!r}")
        return prepare(name), own
    if own.strip():
        return prepare(None, own), own
    return None, own


@page
def sparql(ctx: Ctx) -> Response:
    fmt = params.choice(ctx.query, "format", tuple(DOWNLOADS))
    prepared, own = _prepared(ctx)
    queries = catalogue()
    selected = next((q for q in queries if prepared and q.name == prepared.name), None)
    values = (
        {p.name: params.text(ctx.query, "p." + p.name) for p in selected.params} if selected else {}
    )
    wanted = prepared is not None and (params.flag(ctx.query, "run") or bool(own.strip()) or fmt)
    outcome = None
    if wanted:
        settings = ctx.graph.settings
        check_query(prepared.text, False, parse=False)  # no UPDATE, SERVICE, FROM, LOAD
        backend = ctx.graph.sparql_backend()
        bindings = bind_params(prepared, _given(ctx, prepared), backend, ctx.lang)
        limits = Limits(settings.sparql_timeout, settings.sparql_rows)
        pool = query_pool(ctx)
        if pool is None:  # no worker processes on this system (Windows): evaluated here
            outcome = run(backend, prepared, bindings, False, None, None, limits)
        elif settings.endpoint:  # checked in a worker; the endpoint evaluates, within a deadline
            from govgraph.graph.store.remote import RemoteBackend

            checked = pool.check(prepared.text, False, settings.sparql_timeout)
            remote = RemoteBackend(settings.endpoint, timeout=settings.sparql_timeout)
            outcome = run(remote, prepared, bindings, False, checked, None, limits)
        else:
            outcome = run(backend, prepared, bindings, False, None, pool, limits)
        if fmt:
            return _download(outcome, fmt, selected.name if selected else "query")
    rows = []
    if outcome is not None and outcome.form == "SELECT":
        rows = [[cell(ctx, r.get(v)) for v in outcome.variables] for r in outcome.rows[:SHOWN_ROWS]]
    return ctx.render(
        "sparql.html",
        queries=queries,
        selected=selected,
        values=values,
        own=own,
        outcome=outcome,
        rows=rows,
        download_formats=_formats_for(outcome),
        download_url=lambda f: _download_url(ctx, f),
        triples_text=_turtle(outcome) if outcome is not None and outcome.triples else "",
    )


def query_pool(ctx: Ctx) -> QueryPool | None:
    """The app's query workers (started here unless the server started them); None where
    this system has none."""
    if not AVAILABLE:
        return None
    state = ctx.request.app.state
    with state.queries_lock:
        if state.queries is None:
            state.queries = start_pool(ctx.graph.settings)
        return state.queries


def start_pool(settings: Settings) -> QueryPool:
    """Workers over the graph served; with an endpoint they only check queries (no store)."""
    from govgraph.graph.store.dataset import DataSelection

    source = StoreSource() if settings.endpoint else StoreSource.of(DataSelection.of(settings))
    slots = _SHARED[0] if _SHARED else None
    return QueryPool(source, size=QUERY_WORKERS, slots=slots).start()


_SHARED: list = []  # the count of running queries all server processes share (share_slots)


def share_slots() -> None:
    """Before `govgraph web --workers N` forks: one count of the queries running, for every
    process of the server. Each process has its own workers, but at most QUERY_WORKERS
    queries run at once on the machine (and hold their memory), as with one process; a query
    that finds none free within the pool's wait gets 429."""
    import multiprocessing

    _SHARED[:] = [multiprocessing.BoundedSemaphore(QUERY_WORKERS)]


def _formats_for(outcome) -> list[str]:
    if outcome is None:
        return []
    if outcome.form in ("CONSTRUCT", "DESCRIBE"):
        return ["ttl", "nt"]
    return ["csv", "json", "tsv"]


def _download_url(ctx: Ctx, fmt: str) -> str:
    items = [(k, v) for k, v in ctx.query.multi_items() if k not in ("format", "lang")]
    from urllib.parse import urlencode

    items.append(("format", fmt))
    if ctx.lang != ctx.default_lang:
        items.append(("lang", ctx.lang))
    return "/sparql?" + urlencode(items)


def _turtle(outcome) -> str:
    from govgraph.graph.publish.export import serialize

    return serialize(outcome.triples, "ttl").decode("utf-8")


def _download(outcome, fmt: str, name: str) -> Response:
    media, suffix = DOWNLOADS[fmt]
    graph_form = outcome.form in ("CONSTRUCT", "DESCRIBE")
    if graph_form != (fmt in ("ttl", "nt")):
        raise BadRequest(
            f"format {fmt}: {bilingual('web.error.for')} {outcome.form} "
            + ("ttl, nt" if graph_form else "csv, json, tsv")
        )
    if graph_form:
        from govgraph.graph.publish.export import serialize

        body = serialize(outcome.triples, fmt)
    elif outcome.form == "ASK":
        body = formats.ask_text(bool(outcome.boolean), fmt).encode("utf-8")
    else:
        body = formats.render_select(fmt, outcome.variables, outcome.rows).encode("utf-8")
    return Response(
        body,
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{name}.{suffix}"'},
    )
