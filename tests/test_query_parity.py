"""Every named query, with its example parameters, returns the same rows on rdflib, on pyoxigraph
and on a remote SPARQL endpoint (a real Oxigraph server), all loaded from `govgraph export`.

This file: the server. rdflib: test_query_parity_rdflib.py, test_query_parity_rdflib_network.py
and test_query_parity_rdflib_nodes.py (split so that parallel workers share the work; the check
itself is in tests/parity.py)."""

from __future__ import annotations

from parity import QUERIES, parity_test

test_every_query_same_on_every_engine = parity_test("remote", QUERIES)
