"""Every shipped Turtle file means the same to two independent parsers, rdflib and pyoxigraph."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib

from govgraph.graph.store.rdflib_bridge import from_rdflib_term, to_rdflib_graph
from govgraph.graph.store.resources import builtin_data_files, shapes_file, vocabulary_files

FILES = [*vocabulary_files(), *builtin_data_files(), shapes_file()]


def canonical(graph: rdflib.Graph) -> set[ox.Quad]:
    """The graph with its blank nodes relabelled by RDF Dataset Canonicalization (RDFC-1.0): two
    graphs are isomorphic exactly when these sets are equal. (rdflib.compare.isomorphic gives the
    same answer but needs minutes for the ~600 blank nodes of the report's facts.)"""
    dataset = ox.Dataset(ox.Quad(*(from_rdflib_term(t) for t in triple)) for triple in graph)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return set(dataset)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_rdflib_and_pyoxigraph_agree(path):
    by_rdflib = rdflib.Graph().parse(path, format="turtle")
    by_oxigraph = to_rdflib_graph(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    assert len(by_rdflib) > 0
    assert len(by_rdflib) == len(by_oxigraph)
    assert canonical(by_rdflib) == canonical(by_oxigraph)


def test_canonical_form_tells_graphs_apart():
    """The comparison above can fail: one changed literal or one rewired blank node shows."""
    e = "@prefix e: <http://e/> . "
    base = e + 'e:a e:p [ e:q "x" ; e:r [ e:q "y" ] ] . e:b e:p [ e:q "y" ] .'
    same = e + 'e:b e:p [ e:q "y" ] . e:a e:p [ e:r [ e:q "y" ] ; e:q "x" ] .'
    other = e + 'e:a e:p [ e:q "x" ; e:r [ e:q "y" ] ] . e:b e:p [ e:q "z" ] .'
    rewired = e + 'e:a e:p [ e:q "y" ; e:r [ e:q "x" ] ] . e:b e:p [ e:q "y" ] .'
    graphs = [rdflib.Graph().parse(data=d, format="turtle") for d in (base, same, other, rewired)]
    assert canonical(graphs[0]) == canonical(graphs[1])
    assert canonical(graphs[0]) != canonical(graphs[2])
    assert canonical(graphs[0]) != canonical(graphs[3])
