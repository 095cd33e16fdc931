"""Run a SPARQL query text on the engines a researcher brings: rdflib, pyoxigraph, an endpoint.

Every runner returns SPARQL 1.1 JSON results (or N-Triples for CONSTRUCT), so that answers from
different engines compare with query_examples.normalised_bindings.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request

import pyoxigraph as ox

from govgraph.graph.sparql.catalog import NamedQuery
from govgraph.graph.sparql.runner import PreparedQuery, bind_params
from govgraph.graph.store.backend import LocalBackend
from govgraph.graph.store.binding import Term, bind
from govgraph.graph.store.remote import split_endpoint


def bound_text(q: NamedQuery, values: dict[str, str], backend: LocalBackend) -> str:
    """The query text with the values bound as govgraph binds them (a VALUES block)."""
    terms: dict[str, Term] = bind_params(
        PreparedQuery(q.name, q.text, q.params), values, backend, "de"
    )
    return bind(q.text, terms)


def on_pyoxigraph(store: ox.Store, text: str) -> str:
    result = store.query(text)
    if isinstance(result, ox.QueryTriples):
        return ox.serialize(list(result), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    return result.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8")


def on_rdflib(dataset, text: str) -> str:
    result = dataset.query(text)
    if result.type == "CONSTRUCT":
        return result.graph.serialize(format="nt")
    return result.serialize(format="json").decode("utf-8")


def on_endpoint(url: str, text: str, construct: bool) -> str:
    """POST the query (SPARQL 1.1 protocol, form-encoded, as every store accepts it)."""
    accept = "application/n-triples" if construct else "application/sparql-results+json"
    base, graphs = split_endpoint(url)  # default-graph-uri in the URL goes with the query
    form = [("query", text)] + [("default-graph-uri", g) for g in graphs]
    request = urllib.request.Request(
        base,
        data=urllib.parse.urlencode(form).encode("utf-8"),
        headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
    )
    with urllib.request.urlopen(request, timeout=300) as response:
        body = response.read().decode("utf-8")
    if not construct:
        json.loads(body)  # fail here, with the text, if it is not JSON
    return body
