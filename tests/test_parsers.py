"""Every shipped Turtle file means the same to two independent parsers, rdflib and pyoxigraph."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from govgraph.graph.store.rdflib_bridge import to_rdflib_graph
from govgraph.graph.store.resources import builtin_data_files, shapes_file, vocabulary_files

FILES = [*vocabulary_files(), *builtin_data_files(), shapes_file()]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_rdflib_and_pyoxigraph_agree(path):
    by_rdflib = rdflib.Graph().parse(path, format="turtle")
    by_oxigraph = to_rdflib_graph(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    assert len(by_rdflib) > 0
    assert len(by_rdflib) == len(by_oxigraph)
    assert isomorphic(by_rdflib, by_oxigraph)
