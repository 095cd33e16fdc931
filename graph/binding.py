"""Bind query parameters as RDF terms in a VALUES block — never by splicing user text.

The terms are serialised by pyoxigraph (which escapes them), and the VALUES block is placed at the
start of the query's WHERE group so that FILTERs and OPTIONALs see the bound values. This works
the same on pyoxigraph and on any remote SPARQL 1.1 endpoint.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pyoxigraph as ox

from .errors import QueryError

Term = ox.NamedNode | ox.Literal | ox.BlankNode

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _skip_token(query: str, i: int) -> int:
    """Index after a string, IRI or comment starting at i; i itself if none starts there."""
    c = query[i]
    if c == "#":
        end = query.find("\n", i)
        return len(query) if end < 0 else end + 1
    if c == "<":
        m = re.match(r"<[^<>\"{}|^`\\\s]*>", query[i:])
        return i + m.end() if m else i
    if c in "\"'":
        for quote in (c * 3, c):
            if query.startswith(quote, i):
                j = i + len(quote)
                while j < len(query):
                    if query[j] == "\\":
                        j += 2
                        continue
                    if query.startswith(quote, j):
                        return j + len(quote)
                    j += 1
                raise QueryError("unterminated string in query")
    return i


def where_group_start(query: str) -> int:
    """Position just after the `{` that opens the query's top-level WHERE group."""
    i, first_brace, depth = 0, -1, 0
    while i < len(query):
        j = _skip_token(query, i)
        if j != i:
            i = j
            continue
        c = query[i]
        if c == "{":
            if first_brace < 0:
                first_brace = i
            if depth == 0 and re.search(r"WHERE\s*$", query[:i], re.IGNORECASE):
                return i + 1
            depth += 1
        elif c == "}":
            depth -= 1
        i += 1
    if first_brace < 0:
        raise QueryError("query has no WHERE group to bind parameters into")
    return first_brace + 1


def values_block(bindings: Mapping[str, Term]) -> str:
    """`VALUES (?a ?b) { (<x> "y") }` from names and terms."""
    for name in bindings:
        if not _NAME.match(name):
            raise QueryError(f"invalid parameter name: {name!r}")
    names = " ".join(f"?{n}" for n in bindings)
    terms = " ".join(str(t) for t in bindings.values())
    return f" VALUES ({names}) {{ ({terms}) }} "


def bind(query: str, bindings: Mapping[str, Term]) -> str:
    """The query with its parameters bound as terms (unchanged if there are none)."""
    if not bindings:
        return query
    pos = where_group_start(query)
    return query[:pos] + values_block(bindings) + query[pos:]
