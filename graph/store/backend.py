"""One interface to run SPARQL, whether the graph is embedded (pyoxigraph) or remote."""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from govgraph.graph.errors import QueryError, QueryTimeout
from govgraph.graph.store.binding import Term, bind
from govgraph.graph.store.guard import check_query

Row = dict[str, Term]


class Backend(Protocol):
    """What every command needs from a graph store."""

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[Row]: ...

    def ask(self, query: str, bindings: Mapping[str, Term] | None = None) -> bool: ...

    def construct(
        self, query: str, bindings: Mapping[str, Term] | None = None
    ) -> list[ox.Triple]: ...


def _query_error(err: SyntaxError) -> QueryError:
    return QueryError(f"SPARQL syntax error: {err.msg if hasattr(err, 'msg') else err}")


VIEWS = "views"  # folder in a cached store for its precomputed answers (LocalBackend.views)
ON_DEMAND = "ON-DEMAND-"  # files in VIEWS listing the keys of views computed when first asked
# Answers that took at least this long are remembered beside an immutable store (see memo).
MEMO_MIN_SECONDS = 0.2
MEMO_KEEP = 64  # remembered answers per store; the least recently written go first …
MEMO_BYTES = 256 << 20  # … and no more than this in all (deadlines at 1M triples: ~10 MB)
_MEMO_FORMAT = ox.QueryResultsFormat.TSV
# Functions whose value changes between evaluations: such answers are never remembered.
_VOLATILE = re.compile(r"\b(NOW|RAND|UUID|STRUUID|BNODE)\s*\(", re.IGNORECASE)


class LocalBackend:
    """Queries a pyoxigraph store in this process.

    pyoxigraph has no query timeout of its own. With a timeout, evaluation runs in a daemon
    thread (pyoxigraph releases the GIL while it works) and the caller gets a QueryError when
    the time is up; the abandoned evaluation ends with the process.

    `memo` is a folder for the answers of a store that never changes (the store cache: its
    key is the content of its inputs). A SELECT that took MEMO_MIN_SECONDS or more is written
    there as SPARQL results, under the hash of its bound text, and the next process reads it
    back instead of evaluating again: at 1M triples `deadlines` takes seconds, reading its
    answer tens of milliseconds.
    """

    def __init__(
        self,
        store: ox.Store,
        timeout: float | None = None,
        memo: Path | None = None,
        views: Path | None = None,
    ) -> None:
        self.store = store
        self.timeout = timeout
        self.memo = memo
        # Answers computed when the cached store was built (graph/answers/precomputed.py),
        # under the same key as the memo's; read first, never written or dropped here.
        self.views = views
        self._on_demand: frozenset[str] | None = None  # views computed when first asked
        self.allow_service = False  # SERVICE/FROM would make pyoxigraph fetch URLs

    def _run(self, query: str, bindings: Mapping[str, Term] | None, materialize):
        check_query(query, self.allow_service, parse=False)  # read-only; no network unless allowed
        text = bind(query, bindings or {})
        if self.timeout is None:
            return self._evaluate(text, materialize)
        outcome: list = []

        def work() -> None:
            try:
                outcome.append((True, self._evaluate(text, materialize)))
            except BaseException as err:  # noqa: BLE001 - handed to the caller's thread
                # pyoxigraph's result objects must be dropped on this thread: hand over the error
                # without the traceback frames (and chained errors) that still hold them.
                err.__context__ = err.__cause__ = None
                outcome.append((False, err.with_traceback(None)))

        worker = threading.Thread(target=work, name="govgraph-query", daemon=True)
        worker.start()
        worker.join(self.timeout)
        if not outcome:
            raise QueryTimeout(
                f"query stopped after {self.timeout:g} s (--timeout); "
                "narrow it down or allow more time"
            )
        ok, value = outcome[0]
        if not ok:
            raise value
        return value

    def _evaluate(self, text: str, materialize):
        try:
            if self.views is not None and materialize is _solutions and not self.allow_service:
                key = answer_key(text)
                kept = _kept_answer(self.views, key)
                if kept is not None:
                    return _solutions(kept)
                # not precomputed: computed now if on demand, else remembered or evaluated
                if key in self._views_on_demand():
                    return _solutions(self._compute_view(text, key))
            if self.memo is not None and materialize is _solutions and not self.allow_service:
                if not _VOLATILE.search(text):
                    return _solutions(self._remembered(text))
            return materialize(self.store.query(text))
        except SyntaxError as err:
            raise _query_error(err) from None
        except OSError as err:
            raise QueryError(f"query failed: {err}") from None

    def _views_on_demand(self) -> frozenset[str]:
        """Keys of the views the build left to their first question (ON_DEMAND files written
        by graph/answers/precomputed.py), read once."""
        if self._on_demand is None:
            keys: set[str] = set()
            try:
                for listing in self.views.glob(ON_DEMAND + "*") if self.views else ():
                    keys.update(listing.read_text(encoding="utf-8").split())
            except OSError:
                pass
            self._on_demand = frozenset(keys)
        return self._on_demand

    def _compute_view(self, text: str, key: str):
        """Evaluate a view the build left to its first question and keep it with the others
        (never evicted, read with or without the memo); a folder that cannot be written only
        costs the speed-up."""
        assert self.views is not None
        result = self.store.query(text)
        if not isinstance(result, ox.QuerySolutions):
            return result  # _solutions reports the mistake
        data = result.serialize(format=_MEMO_FORMAT)
        try:
            tmp = self.views / f".{os.getpid()}-{os.urandom(6).hex()}.tmp"
            tmp.write_bytes(data)
            os.replace(tmp, self.views / key)
        except OSError:
            pass
        return ox.parse_query_results(data, format=_MEMO_FORMAT)

    def _remembered(self, text: str):
        """The solutions of `text`, read from the memo folder or evaluated (and then written
        there if that took long enough)."""
        assert self.memo is not None
        path = self.memo / answer_key(text)
        kept = _kept_answer(self.memo, path.name)
        if kept is not None:
            return kept
        # not remembered yet (or unreadable): evaluate
        start = time.perf_counter()
        result = self.store.query(text)
        if not isinstance(result, ox.QuerySolutions):
            return result  # _solutions reports the mistake
        data = result.serialize(format=_MEMO_FORMAT)
        if time.perf_counter() - start >= MEMO_MIN_SECONDS:
            _remember(self.memo, path, data)
        return ox.parse_query_results(data, format=_MEMO_FORMAT)

    def stored(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[Row] | None:
        """The rows of a SELECT this store already holds, a precomputed view or a remembered
        answer, else None. Reading them evaluates nothing, so a caller that would hand the
        query to a guarded worker process (graph/sparql/workers.py) can answer here instead of
        shipping 33,000 network rows through the pipe."""
        if self.allow_service or (self.views is None and self.memo is None):
            return None
        key = answer_key(bind(query, bindings or {}))
        for folder in (self.views, self.memo):
            kept = _kept_answer(folder, key) if folder is not None else None
            if kept is not None:
                return _solutions(kept)
        return None

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[Row]:
        return self._run(query, bindings, _solutions)

    def ask(self, query: str, bindings: Mapping[str, Term] | None = None) -> bool:
        return self._run(query, bindings, _boolean)

    def construct(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[ox.Triple]:
        return self._run(query, bindings, _triples)


def _kept_answer(folder: Path, key: str):
    """The solutions kept in `folder` under `key` (a view or a remembered answer), or None
    where there is none or it cannot be read: then the query is evaluated."""
    try:
        return ox.parse_query_results((folder / key).read_bytes(), format=_MEMO_FORMAT)
    except (OSError, SyntaxError):
        return None


def answer_key(text: str) -> str:
    """The file name of a bound query's answer, in the memo and among the precomputed views."""
    from govgraph.graph.store import digest

    return digest.new(text.encode()).hexdigest()[:40] + ".tsv"


def _remember(folder: Path, path: Path, data: bytes) -> None:
    """Write one answer atomically and keep the folder within MEMO_KEEP answers and MEMO_BYTES;
    a folder that cannot be written only costs the speed-up."""
    try:
        folder.mkdir(exist_ok=True)
        tmp = folder / f".{os.getpid()}-{os.urandom(6).hex()}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, path)
        answers = sorted(folder.glob("*.tsv"), key=lambda p: p.stat().st_mtime, reverse=True)
        kept = 0
        for n, answer in enumerate(answers):
            kept += answer.stat().st_size
            if n >= MEMO_KEEP or kept > MEMO_BYTES:
                answer.unlink(missing_ok=True)
    except OSError:
        pass


def _solutions(result) -> list[Row]:
    """Rows as dicts of the bound variables. A solution iterates its values in the order of
    `variables`; zipping them is about twice as fast as looking each one up by name, which
    counts at 30,000 rows of 18 columns."""
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("expected a SELECT query")
    names = [v.value for v in result.variables]
    return [{n: v for n, v in zip(names, s, strict=True) if v is not None} for s in result]


def _boolean(result) -> bool:
    if not isinstance(result, ox.QueryBoolean):
        raise QueryError("expected an ASK query")
    return bool(result)


def _triples(result) -> list[ox.Triple]:
    if not isinstance(result, ox.QueryTriples):
        raise QueryError("expected a CONSTRUCT or DESCRIBE query")
    return list(result)
