"""Run a named query (queries/NAME.rq) with parameters bound by name: `run_named`.

Kept apart from runner.py, which prepares a researcher's query and binds labels through the
entity index, so that the entity index can run its own named query without an import cycle.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Literal, overload

import pyoxigraph as ox

from govgraph.graph.dates import date_literal
from govgraph.graph.sparql.catalog import Param, named_query
from govgraph.graph.store.backend import Backend, Row
from govgraph.graph.store.binding import Term

Value = Term | date | str | None | Sequence[Term | str]


def _term(param: Param, value: Term | date | str) -> Term:
    """A parameter's value as the term its type asks for."""
    if isinstance(value, date):
        return date_literal(value)
    if isinstance(value, str):
        return param.term(value)
    return value


@overload
def run_named(
    backend: Backend, name: str, /, *, graph: Literal[False] = False, **params: Value
) -> list[Row]: ...


@overload
def run_named(
    backend: Backend, name: str, /, *, graph: Literal[True], **params: Value
) -> list[ox.Triple]: ...


def run_named(
    backend: Backend, name: str, /, *, graph: bool = False, **params: Value
) -> list[Row] | list[ox.Triple]:
    """Run the named query `name` (queries/NAME.rq) with parameters bound by name: rows, or
    with `graph` the triples of a CONSTRUCT. None leaves a parameter unbound; a date becomes
    an xsd:date, a string the term the parameter's type asks for, a term is bound as it is.

    Why every caller (answers, views, web pages, export, the label index) comes through here:
    values are bound one way, as terms and never spliced into the text (a list gives a row of
    VALUES for each), so a question gets the
    same rows wherever it is asked; and whatever changes how named queries run (a cache, a
    remote endpoint, timing) has one place to go.
    """
    query = named_query(name)
    bindings: dict[str, Term | tuple[Term, ...]] = {}
    for key, value in params.items():
        if value is None:
            continue
        param = query.param(key)
        if isinstance(value, (list, tuple)):
            bindings[param.variable] = tuple(_term(param, v) for v in value)
        else:
            bindings[param.variable] = _term(param, value)
    if graph:
        return backend.construct(query.text, bindings)
    return backend.select(query.text, bindings)
