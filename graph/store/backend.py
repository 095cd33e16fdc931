"""One interface to run SPARQL, whether the graph is embedded (pyoxigraph) or remote."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Protocol

import pyoxigraph as ox

from govgraph.graph.errors import QueryError
from govgraph.graph.sparql.binding import Term, bind
from govgraph.graph.sparql.guard import check_query

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


class LocalBackend:
    """Queries a pyoxigraph store in this process.

    pyoxigraph has no query timeout of its own. With a timeout, evaluation runs in a daemon
    thread (pyoxigraph releases the GIL while it works) and the caller gets a QueryError when
    the time is up; the abandoned evaluation ends with the process.
    """

    def __init__(self, store: ox.Store, timeout: float | None = None) -> None:
        self.store = store
        self.timeout = timeout
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
            raise QueryError(
                f"query stopped after {self.timeout:g} s (--timeout); "
                "narrow it down or allow more time"
            )
        ok, value = outcome[0]
        if not ok:
            raise value
        return value

    def _evaluate(self, text: str, materialize):
        try:
            return materialize(self.store.query(text))
        except SyntaxError as err:
            raise _query_error(err) from None
        except OSError as err:
            raise QueryError(f"query failed: {err}") from None

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[Row]:
        return self._run(query, bindings, _solutions)

    def ask(self, query: str, bindings: Mapping[str, Term] | None = None) -> bool:
        return self._run(query, bindings, _boolean)

    def construct(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[ox.Triple]:
        return self._run(query, bindings, _triples)


def _solutions(result) -> list[Row]:
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("expected a SELECT query")
    names = [v.value for v in result.variables]
    rows = []
    for solution in result:
        row = {}
        for name in names:
            value = solution[name]
            if value is not None:
                row[name] = value
        rows.append(row)
    return rows


def _boolean(result) -> bool:
    if not isinstance(result, ox.QueryBoolean):
        raise QueryError("expected an ASK query")
    return bool(result)


def _triples(result) -> list[ox.Triple]:
    if not isinstance(result, ox.QueryTriples):
        raise QueryError("expected a CONSTRUCT or DESCRIBE query")
    return list(result)
