"""The ontology is documentable: every term labelled, defined and tied to the ontology, domain and
range given or their absence explained, OWL 2 DL's declarations complete, the concept schemes in
their own file, and pyLODE builds its documentation without a warning."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, URIRef

from govgraph.graph.store.resources import (
    concepts_file,
    declarations_file,
    ontology_file,
    vocabulary_files,
)
from govgraph.graph.validation.owl_profile import problems

GG = "https://w3id.org/govgraph/ontology#"
ONTOLOGY = URIRef("https://w3id.org/govgraph/ontology")
KNOWN_NOT_DL = (
    "http://www.w3.org/2002/07/owl#Class is used as class (rdfs:range of an object property) "
    "but not declared as one"
)
ONTOLOGY_GRAPH = Graph().parse(ontology_file())
KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
TERMS = sorted(
    {s for kind in KINDS for s in ONTOLOGY_GRAPH.subjects(RDF.type, kind) if str(s).startswith(GG)}
)
PROPERTIES = [
    p for p in TERMS if (p, RDF.type, OWL.ObjectProperty) in ONTOLOGY_GRAPH
    or (p, RDF.type, OWL.DatatypeProperty) in ONTOLOGY_GRAPH
]  # fmt: skip


def langs(term: URIRef, predicate: URIRef) -> set[str]:
    return {o.language for o in ONTOLOGY_GRAPH.objects(term, predicate)}


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.removeprefix(GG))
def test_every_term_has_labels_a_definition_and_its_ontology(term):
    assert {"de", "en"} <= langs(term, RDFS.label)
    assert {"de", "en"} <= langs(term, SKOS.definition)
    assert (term, RDFS.isDefinedBy, ONTOLOGY) in ONTOLOGY_GRAPH


@pytest.mark.parametrize("prop", PROPERTIES, ids=lambda t: t.removeprefix(GG))
def test_domain_and_range_are_given_or_their_absence_explained(prop):
    notes = " ".join(str(n) for n in ONTOLOGY_GRAPH.objects(prop, SKOS.scopeNote))
    if (prop, RDFS.domain, None) not in ONTOLOGY_GRAPH:
        assert "No domain" in notes
    if (prop, RDFS.range, None) not in ONTOLOGY_GRAPH:
        assert "No range" in notes or "or range" in notes


def test_the_ontology_keeps_to_owl2_dl_declarations_and_imports_nothing():
    everything = Graph().parse(declarations_file())
    for path in vocabulary_files():
        everything.parse(path)
    # The one known departure (README, "The ontology"): gg:proposedType's values are classes.
    assert problems(everything) == [KNOWN_NOT_DL]
    assert problems(Graph().parse(declarations_file()).parse(ontology_file())) == []
    assert not list(everything.objects(None, OWL.imports))
    assert declarations_file() not in vocabulary_files()


def test_concept_schemes_live_in_their_own_file():
    assert not list(ONTOLOGY_GRAPH.subjects(RDF.type, SKOS.ConceptScheme))
    concepts = Graph().parse(concepts_file())
    assert len(set(concepts.subjects(RDF.type, SKOS.ConceptScheme))) >= 5
    assert concepts_file() in vocabulary_files()


def test_pylode_documents_every_term_without_warnings(tmp_path):
    from govgraph.graph.publish.ontology_docs import build

    assert build(tmp_path) == []
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    for term in TERMS:
        assert str(term) in html
    assert "https://w3id.org/govgraph/concept/roles" not in html
