"""The named query rdflib needs longest for (network-nodes) returns the same rows on rdflib as on
pyoxigraph (see test_query_parity.py)."""

from __future__ import annotations

import pytest
from parity import (  # noqa: F401  (pytest fixtures)
    QUERIES,
    RDFLIB_SLOWEST,
    check_query,
    exported,
    oxigraph_server,
    pyoxigraph_store,
    rdflib_dataset,
    remote,
)

CHOSEN = [q for q in QUERIES if q.name in RDFLIB_SLOWEST]


@pytest.mark.parametrize("engine", ["rdflib"])
@pytest.mark.parametrize("q", CHOSEN, ids=lambda q: q.name)
def test_every_query_same_on_every_engine(q, engine, request, pyoxigraph_store):  # noqa: F811
    check_query(q, engine, request, pyoxigraph_store)
