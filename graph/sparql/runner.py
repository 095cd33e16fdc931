"""Run queries: every named query through `run_named`; a researcher's named query, .rq file or
ad-hoc text through `prepare`/`bind_params`/`run`, with typed parameters.

Parameter values become RDF terms (an IRI, a literal with the language or datatype the variable's
suffix names, or an entity found by its label) and are bound through a VALUES block by the
backend — never spliced into the query text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from govgraph.graph.errors import TooManyResults, UsageError
from govgraph.graph.i18n import bilingual
from govgraph.graph.namespaces import PREFIXES
from govgraph.graph.sparql.catalog import (
    NamedQuery,
    Param,
    header_defaults,
    named_query,
    query_params,
    read_header,
)

# run_named lives in named.py (the entity index runs it, and runner binds labels through the
# entity index: one module would import itself in a circle); re-exported for its callers.
from govgraph.graph.sparql.named import Value, run_named  # noqa: F401
from govgraph.graph.sparql.outcome import QueryOutcome
from govgraph.graph.store.backend import Backend
from govgraph.graph.store.binding import Term
from govgraph.graph.store.guard import CheckedQuery, check_query

if TYPE_CHECKING:
    from govgraph.graph.sparql.workers import Limits, QueryPool

_NUMBER = {
    "integer": re.compile(r"^[+-]?\d+$"),
    "decimal": re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$"),
    "double": re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"),
}


@dataclass(frozen=True)
class PreparedQuery:
    """The text to run, where it came from, and its parameters."""

    name: str
    text: str
    params: tuple[Param, ...]

    def param(self, name: str) -> Param:
        for p in self.params:
            if name in (p.name, p.variable, p.variable.lstrip("_")):
                return p
        known = ", ".join(p.name for p in self.params) or bilingual("sparql.none")
        unknown = bilingual("sparql.unknown_param")
        raise UsageError(f"{self.name}: {unknown} {name!r} ({known})")


def _from_text(name: str, text: str) -> PreparedQuery:
    defaults = header_defaults(read_header(text, name).get("defaults"))
    return PreparedQuery(name, text, query_params(text, defaults))


def prepare(spec: str | None, expression: str | None = None, stdin: str | None = None):
    """NAME, FILE.rq, `-` (stdin) or `-e TEXT` → a PreparedQuery."""
    if expression is not None:
        if spec:
            raise UsageError("give either a query (NAME, FILE.rq, -) or -e TEXT, not both")
        return _from_text("-e", expression)
    if not spec:
        raise UsageError("which query? NAME, FILE.rq, - (stdin) or -e 'SPARQL'")
    if spec == "-":
        return _from_text("<stdin>", stdin or "")
    path = Path(spec)
    if spec.endswith(".rq") or path.is_file():
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise UsageError(f"{spec}: no such file") from None
        except UnicodeDecodeError as err:
            raise UsageError(f"{spec}: not UTF-8 text ({err.reason} at byte {err.start})") from None
        return _from_text(spec, text)
    q: NamedQuery = named_query(spec)
    return PreparedQuery(q.name, q.text, q.params)


def _iri_value(value: str, param: Param, backend: Backend, lang: str) -> ox.NamedNode:
    """An IRI as typed (<…>, http…, a known prefix), else the entity with that label."""
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        return param.term(text)
    prefix, sep, local = text.partition(":")
    try:
        if sep and prefix in PREFIXES:
            return ox.NamedNode(PREFIXES[prefix] + local)
        if re.match(r"^(https?://|urn:)\S+$", text):
            return param.term(text)
    except ValueError:  # a space or `<` in the IRI: the user's mistake, not ours
        raise UsageError(
            f"parameter {param.name}: {bilingual('sparql.bad_iri')}: {text!r}"
        ) from None
    from govgraph.graph.sparql.entities import EntityIndex

    return ox.NamedNode(EntityIndex(backend, lang).resolve(text).iri)


def _typed_value(value: str, param: Param) -> ox.Literal:
    kind = (param.datatype or "").rsplit("#", 1)[-1]
    if kind == "date":
        from govgraph.graph.dates import date_literal, parse_date

        return date_literal(parse_date(value))
    if kind in _NUMBER and not _NUMBER[kind].match(value.strip()):
        raise UsageError(f"parameter {param.name}: not an xsd:{kind}: {value!r}")
    if kind == "boolean" and value.strip() not in ("true", "false", "1", "0"):
        raise UsageError(f"parameter {param.name}: not an xsd:boolean: {value!r}")
    return param.term(value.strip() if kind in _NUMBER or kind == "boolean" else value)


def bind_params(
    query: PreparedQuery, given: dict[str, str], backend: Backend, lang: str
) -> dict[str, Term]:
    """Terms for the given values and the defaults; a UsageError names missing mandatory ones."""
    by_variable: dict[str, Term] = {}
    values: dict[str, str] = {}
    for name, value in given.items():
        values[query.param(name).variable] = value
    missing = []
    for p in query.params:
        value = values.get(p.variable)
        if value is None and p.name == "lang":
            value = lang  # the global --lang unless the user bound it
        if value is None:
            value = p.default
        if value is None:
            if not p.optional:
                missing.append(f"{p.name} ({p.type_label})")
            continue
        if p.kind == "iri":
            by_variable[p.variable] = _iri_value(value, p, backend, lang)
        elif p.kind == "datatype":
            by_variable[p.variable] = _typed_value(value, p)
        else:
            by_variable[p.variable] = p.term(value)
    if missing:
        raise UsageError(
            f"{query.name}: {bilingual('sparql.missing_params')}: {', '.join(missing)} "
            "(--param NAME=VALUE)"
        )
    return by_variable


def parse_param_options(options: tuple[str, ...]) -> dict[str, str]:
    """`NAME=VALUE` strings (from --param) → dict; the value may contain '='."""
    given: dict[str, str] = {}
    for option in options:
        name, sep, value = option.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--param {option!r}: expected NAME=VALUE")
        given[name.strip()] = value
    return given


def run(
    backend: Backend,
    query: PreparedQuery,
    bindings: dict[str, Term],
    allow_service: bool = False,
    checked: CheckedQuery | None = None,
    pool: QueryPool | None = None,
    limits: Limits | None = None,
) -> QueryOutcome:
    """Check (unless done already), then evaluate with the backend method for the query's form.

    With a pool (a local graph), the check and the evaluation run in one of its worker
    processes under `limits` (graph/sparql/workers.py): that is how a user's own query runs,
    from `govgraph query` and from the web. Without one (a remote endpoint does the work), the
    row limit is applied to what came back."""
    if pool is not None and limits is not None:
        from govgraph.graph.sparql.workers import Job

        stored = getattr(backend, "stored", None)
        rows = stored(query.text, bindings) if stored and limits.rows is None else None
        if rows is not None:  # read, not evaluated: nothing for the worker's limits to guard
            checked = checked or check_query(query.text, allow_service)
            return QueryOutcome("SELECT", checked.variables, rows)
        return pool.run(Job(query.text, bindings, allow_service), limits)
    outcome = _run_here(backend, query, bindings, allow_service, checked)
    found = len(outcome.rows) + len(outcome.triples)
    if limits is not None and limits.rows is not None and found > limits.rows:
        raise TooManyResults(limits.rows, bilingual("sparql.too_many", limit=limits.rows))
    return outcome


def _run_here(
    backend: Backend,
    query: PreparedQuery,
    bindings: dict[str, Term],
    allow_service: bool,
    checked: CheckedQuery | None,
) -> QueryOutcome:
    checked = checked or check_query(query.text, allow_service)
    if allow_service and hasattr(backend, "allow_service"):
        backend.allow_service = True
    if checked.form == "SELECT":
        rows = backend.select(query.text, bindings)
        return QueryOutcome("SELECT", checked.variables, rows)
    if checked.form == "ASK":
        return QueryOutcome("ASK", boolean=backend.ask(query.text, bindings))
    triples = backend.construct(query.text, bindings)
    triples.sort(key=str)
    return QueryOutcome(checked.form, triples=triples)
