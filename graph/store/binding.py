"""Bind query parameters as RDF terms in a VALUES block — never by splicing user text.

The terms are serialised by pyoxigraph (which escapes them), and the VALUES block is placed at the
start of the query's WHERE group so that FILTERs and OPTIONALs see the bound values, and at the
start of every subquery's WHERE group too (a subquery does not see the bindings of the query
around it; grlc likewise replaces a parameter everywhere). This works the same on pyoxigraph and
on any remote SPARQL 1.1 endpoint.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from itertools import product

import pyoxigraph as ox

from govgraph.graph.errors import QueryError
from govgraph.graph.store.guard import tokens

Term = ox.NamedNode | ox.Literal | ox.BlankNode

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@lru_cache(maxsize=256)
def where_group_starts(query: str) -> tuple[int, ...]:
    """Positions just after the `{` that opens the query's top-level WHERE group, then those of
    every subquery's WHERE group, in one pass.

    Tokenised with the guard's tokenizer, so braces or WHERE inside strings, IRIs and comments
    do not count. Cached: the named queries are bound again and again with new values.
    """
    depth, first_brace, after_where = 0, -1, False
    top, subqueries = -1, []
    for m in tokens(query):
        kind = m.lastgroup
        if kind in ("space", "comment"):
            continue
        text = m.group()
        if kind == "other" and text == "{":
            if first_brace < 0:
                first_brace = m.start()
            if after_where:
                if depth == 0:
                    top = m.end()
                else:
                    subqueries.append(m.end())
            depth += 1
        elif kind == "other" and text == "}":
            depth -= 1
        after_where = kind == "word" and text.upper() == "WHERE"
    if first_brace < 0:
        raise QueryError("query has no WHERE group to bind parameters into")
    return (top if top >= 0 else first_brace + 1, *subqueries)


def values_block(bindings: Mapping[str, Term | tuple[Term, ...]]) -> str:
    """`VALUES (?a ?b) { (<x> "y") }` from names and terms; a tuple of terms gives a row for
    each (`VALUES (?a) { (<x>) (<y>) }`: the labels of many nodes in one evaluation)."""
    for name in bindings:
        if not _NAME.match(name):
            raise QueryError(f"invalid parameter name: {name!r}")
    names = " ".join(f"?{n}" for n in bindings)
    columns = [v if isinstance(v, tuple) else (v,) for v in bindings.values()]
    rows = " ".join("(" + " ".join(map(str, row)) + ")" for row in product(*columns))
    return f" VALUES ({names}) {{ {rows} }} "


def bind(query: str, bindings: Mapping[str, Term | tuple[Term, ...]]) -> str:
    """The query with its parameters bound as terms (unchanged if there are none)."""
    if not bindings:
        return query
    block = values_block(bindings)
    for pos in sorted(where_group_starts(query), reverse=True):
        query = query[:pos] + block + query[pos:]
    return query
