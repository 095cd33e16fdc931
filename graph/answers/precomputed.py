"""Precomputed views: the answers every question needs and that change only with the data,
computed once for a cached store and kept beside it.

Labels per language (the entity index), each fact's sources and the conflicts (claim state),
the notes of inferred facts, the source records and which source each quote comes from, the
dated items with their earliest and latest day (deadlines.rq without today), and the network
projection's facts, nodes and edges. At a million triples each is seconds to a minute of
evaluation; read back it is milliseconds to a second. What the first answers need is computed
when the store is built; the rest is listed then and computed by the first question that asks
for it (graph/store/backend.py), so that the build costs less time and memory than every view
would. They are stored as SPARQL results under
the key of their bound query text (the memo's key, graph/store/backend.py), in the store
cache's folder, whose name is the hash of the data: a view can only ever be read for the data it
was computed from, and a query whose text changed simply finds no view and is evaluated.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator, Mapping
from pathlib import Path

import pyoxigraph as ox

from govgraph.graph.sources.claims import Claims, ClaimSide, SourceRef, load_claims
from govgraph.graph.sources.claims import quote_sources as claims_quote_sources
from govgraph.graph.sparql.named import run_named
from govgraph.graph.store.backend import ON_DEMAND as ON_DEMAND_LIST
from govgraph.graph.store.backend import Backend, LocalBackend, answer_key
from govgraph.graph.store.binding import bind

READY = "READY-{lang}"  # written last: a language's views without it are incomplete
LANGS = ("de", "en")
# The named queries per language, with no other parameter bound: exactly the calls of the
# claims index, the notes, deadlines (rows.py), the source records (with each source's quotes,
# quote_sources), the entity index and the network projection (graph/views/network.py). What
# the first answers need is evaluated at build; the rest when first asked, then kept here too:
# at 1M triples the labels and the network were 17 of the build's 38 s of evaluation, and the
# network facts' evaluation alone held 200 MB.
AT_BUILD = ("fact-sources", "conflicts", "fact-notes", "deadlines", "sources")
ON_DEMAND = ("entity-labels", "network-facts", "network-nodes", "network-edges")
PER_LANGUAGE = AT_BUILD + ON_DEMAND
_FORMAT = ox.QueryResultsFormat.TSV
QUOTES = ".quote-places.json"  # suffix of the map quote → (source, place) (quote_sources)
DATED = ".dated.json"  # suffix of the compact deadline rows (rows.compact_dated)
CLAIMS = "claims-{lang}.json"  # the claims index itself: building it took 0.6-1.4 s at 1M


class _Recorder(LocalBackend):
    """Evaluates each query on the store and keeps its answer in `folder`, or reads it from
    there when it was evaluated before (the claims index reads fact-sources again); the rows
    are read back only where the caller needs them (`keep`): at 1M triples they take
    hundreds of MB."""

    def __init__(self, store: ox.Store, folder: Path) -> None:
        super().__init__(store)
        self.folder = folder
        self.keep = False

    def _evaluate(self, text: str, materialize):
        path = self.folder / answer_key(text)
        if not path.exists():
            result = self.store.query(text)
            if not isinstance(result, ox.QuerySolutions):
                return materialize(result)
            result.serialize(output=str(path), format=_FORMAT)  # streamed to the file
        if not self.keep:
            return []
        return materialize(ox.parse_query_results(path=str(path), format=_FORMAT))


def build(store: ox.Store, target: Path, lang: str) -> None:
    """Compute the views of `store` in `lang` into `target` (those of AT_BUILD; the others
    are listed to be computed when first asked); the files are written atomically (a racing
    builder writes the same), the mark last."""
    target.mkdir(parents=True, exist_ok=True)
    tmp = target / f".{os.getpid()}-{os.urandom(4).hex()}"
    tmp.mkdir()
    try:
        recorder = _Recorder(store, tmp)
        for name in AT_BUILD:
            run_named(recorder, name, lang=lang)
        _write_dated(tmp, lang)
        recorder.keep = True
        (tmp / CLAIMS.format(lang=lang)).write_text(
            _claims_json(load_claims(recorder, lang)), encoding="utf-8"
        )
        # the source of each quote without a fact node: deadlines names a few (one query per
        # source, 7 s at 1M, which the first deadlines after the build would wait for)
        found = claims_quote_sources(recorder, lang)
        _quotes_path(tmp, lang).write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
        keys = [answer_key(_bound(name, lang=lang)) for name in ON_DEMAND]
        (tmp / (ON_DEMAND_LIST + lang)).write_text("\n".join(keys) + "\n", encoding="utf-8")
        for done in tmp.iterdir():
            os.replace(done, target / done.name)
        (target / READY.format(lang=lang)).write_text("1", encoding="utf-8")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _bound(name: str, **params: object) -> str:
    """The text of a named query as run_named binds it: the key of its answer."""

    class Capture:
        def select(self, query: str, bindings: dict) -> list:
            self.text = bind(query, bindings)
            return []

    capture = Capture()
    run_named(capture, name, **params)  # type: ignore[arg-type]
    return capture.text


def _dated_path(folder: Path, lang: str) -> Path:
    """The compact deadline rows, keyed by the query's text and the compact row's variables
    (a change of either finds no rows and evaluates)."""
    from govgraph.graph.answers.rows import DATED_VARIABLES

    key = answer_key(_bound("deadlines", lang=lang) + " ".join(DATED_VARIABLES))
    return folder / key.replace(".tsv", DATED)


def _write_dated(folder: Path, lang: str) -> None:
    """The deadline rows in compact form (rows.compact_dated), from the answer just written:
    read back they cost a JSON list instead of 30,000 parsed solutions (at 1M triples). None
    where a time bound is not a plain day: every question then asks the query with its day."""
    from govgraph.graph.answers.rows import compact_dated

    answer = folder / answer_key(_bound("deadlines", lang=lang))
    solutions = ox.parse_query_results(path=str(answer), format=_FORMAT)
    names = [v.value for v in solutions.variables]
    # one solution at a time: the parsed terms of all 30,000 rows took 60 MB at 1M triples
    rows = ({n: v for n, v in zip(names, s, strict=True) if v is not None} for s in solutions)
    try:
        compact = compact_dated(rows)
    except ValueError:
        return
    with _dated_path(folder, lang).open("w", encoding="utf-8") as out:
        json.dump(compact, out, ensure_ascii=False, separators=(",", ":"))


def dated_rows(backend: Backend, lang: str) -> list[list[str]] | None:
    """The compact deadline rows of a cached store's views, or None (not computed, or a
    bound that is no plain day: then rows.py evaluates)."""
    views = backend.views if isinstance(backend, LocalBackend) else None
    if views is None or not (views / READY.format(lang=lang)).exists():
        return None
    try:
        with _dated_path(views, lang).open(encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def _quotes_path(folder: Path, lang: str) -> Path:
    """The map quote → source, keyed by the texts of the queries it comes from."""
    key = answer_key(_bound("sources", lang=lang) + _bound("source-quotes"))
    return folder / key.replace(".tsv", QUOTES)


def quote_sources(backend: Backend, lang: str) -> dict[str, tuple[str, str]]:
    """Quote → the short name of its source and the place in it (graph/sources/claims.
    quote_sources), for quotes
    without a fact node. A cached store keeps the map in its views (computed at build, or
    when first asked where an older build left it out): read back it is one small JSON file
    instead of a query per source (70,000 rows at 1M)."""
    views = backend.views if isinstance(backend, LocalBackend) else None
    if views is None or not (views / READY.format(lang=lang)).exists():
        return claims_quote_sources(backend, lang)
    path = _quotes_path(views, lang)
    try:
        with path.open(encoding="utf-8") as f:
            return {quote: (short, place) for quote, (short, place) in json.load(f).items()}
    except (OSError, ValueError, TypeError):
        pass
    found = claims_quote_sources(backend, lang)
    try:
        tmp = views / f".{os.getpid()}-{os.urandom(6).hex()}.tmp"
        tmp.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a folder that cannot be written only costs the speed-up
    return found


def _claims_json(claims: Claims) -> str:
    import dataclasses

    return json.dumps(
        {
            "sources": {
                f: [dataclasses.astuple(r) for r in refs] for f, refs in claims.sources.items()
            },
            "sides": {
                f: [dataclasses.asdict(s) for s in sides] for f, sides in claims.sides.items()
            },
        },
        ensure_ascii=False,
    )


class _StoredRefs(Mapping[str, list[SourceRef]]):
    """fact → the sources that state it, as stored in the views, each fact's records made
    when first asked: an answer asks for a few dozen facts, and making the records of all
    33,000 facts of a graph of 1M triples took 110 ms of every `who` there."""

    def __init__(self, stored: dict[str, list]) -> None:
        self._stored = stored
        self._made: dict[str, list[SourceRef]] = {}

    def __getitem__(self, fact: str) -> list[SourceRef]:
        made = self._made.get(fact)
        if made is None:
            made = [
                SourceRef(iri, short, kind, tuple(locators), tuple(map(tuple, quotes)))
                for iri, short, kind, locators, quotes in self._stored[fact]
            ]
            self._made[fact] = made
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._stored)

    def __len__(self) -> int:
        return len(self._stored)


def claims(backend: Backend, lang: str) -> Claims:
    """The claims index (graph/sources/claims.py): from the views where they hold it, else
    read from the graph. Every answer needs it; at 1M triples it covers 33,000 facts."""
    views = backend.views if isinstance(backend, LocalBackend) else None
    if views is not None and (views / READY.format(lang=lang)).exists():
        try:
            data = json.loads((views / CLAIMS.format(lang=lang)).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return load_claims(backend, lang)
        return Claims(
            sources=_StoredRefs(data["sources"]),  # type: ignore[arg-type]
            sides={
                fact: [ClaimSide(**{**side, "by": tuple(side["by"])}) for side in sides]
                for fact, sides in data["sides"].items()
            },
        )
    return load_claims(backend, lang)


def ensure(backend: Backend, lang: str) -> None:
    """Compute the views of a cached store in `lang` the first time it is opened in that
    language (after its build); the other language's heavy answers the memo keeps when first
    asked. A cache folder that cannot be written only costs the speed-up."""
    if not isinstance(backend, LocalBackend) or backend.views is None:
        return
    if lang not in LANGS or (backend.views / READY.format(lang=lang)).exists():
        return
    try:
        build(backend.store, backend.views, lang)
    except OSError:
        pass
