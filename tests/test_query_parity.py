"""Every named query, with its example parameters, returns the same rows on rdflib, on pyoxigraph
and on a remote SPARQL endpoint (a real Oxigraph server), all loaded from `govgraph export`.

This file: the server. rdflib: test_query_parity_rdflib.py, test_query_parity_rdflib_network.py
and test_query_parity_rdflib_nodes.py (split so that parallel workers share the work; the check
itself is in tests/parity.py)."""

from __future__ import annotations

import pytest
from parity import (  # noqa: F401  (pytest fixtures)
    QUERIES,
    RDFLIB_SLOW,
    check_query,
    exported,
    oxigraph_server,
    pyoxigraph_store,
    rdflib_dataset,
    remote,
)


@pytest.mark.parametrize("engine", ["remote"])
@pytest.mark.parametrize("q", QUERIES, ids=lambda q: q.name)
def test_every_query_same_on_every_engine(q, engine, request, pyoxigraph_store):  # noqa: F811
    check_query(q, engine, request, pyoxigraph_store)
