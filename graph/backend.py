"""One interface to run SPARQL, whether the graph is embedded (pyoxigraph) or remote."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

import pyoxigraph as ox

from .binding import Term, bind
from .errors import QueryError
from .sparql_guard import check_query

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
    """Queries a pyoxigraph store in this process."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.allow_service = False  # SERVICE/FROM would make pyoxigraph fetch URLs

    def _run(self, query: str, bindings: Mapping[str, Term] | None):
        check_query(query, self.allow_service, parse=False)  # read-only; no network unless allowed
        try:
            return self.store.query(bind(query, bindings or {}))
        except SyntaxError as err:
            raise _query_error(err) from None
        except OSError as err:
            raise QueryError(f"query failed: {err}") from None

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[Row]:
        result = self._run(query, bindings)
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

    def ask(self, query: str, bindings: Mapping[str, Term] | None = None) -> bool:
        result = self._run(query, bindings)
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError("expected an ASK query")
        return bool(result)

    def construct(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[ox.Triple]:
        result = self._run(query, bindings)
        if not isinstance(result, ox.QueryTriples):
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        return list(result)
