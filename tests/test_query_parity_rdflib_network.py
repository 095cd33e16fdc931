"""The named queries rdflib needs minutes for return the same rows on rdflib as on pyoxigraph
(see test_query_parity.py)."""

from __future__ import annotations

from parity import QUERIES, RDFLIB_SLOW, parity_test

test_every_query_same_on_every_engine = parity_test(
    "rdflib", [q for q in QUERIES if q.name in RDFLIB_SLOW]
)
