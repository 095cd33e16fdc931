"""Checks that keep the ontology within OWL 2 DL's structural rules, without an OWL reasoner.

OWL 2 DL (as mapped from RDF) needs every entity used in an axiom to be declared with one kind:
a class, an object, datatype or annotation property, a datatype. Tools that document or reason
(pyLODE, Protégé, the OWL API) otherwise guess or refuse. The reused vocabularies are referenced,
not imported, so their terms that govgraph uses are declared in govgraph.ttl.
"""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, XSD, Graph, URIRef

# Built into OWL 2's RDF mapping: no declaration needed.
BUILTIN_ANNOTATIONS = {
    RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.isDefinedBy,
    OWL.versionInfo, OWL.deprecated, OWL.priorVersion, OWL.backwardCompatibleWith,
    OWL.incompatibleWith,
}  # fmt: skip
BUILTIN_CLASSES = {OWL.Thing, OWL.Nothing, RDFS.Literal}
STRUCTURAL = {
    RDF.type, RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range,
    OWL.equivalentClass, OWL.disjointWith, OWL.inverseOf, OWL.unionOf, OWL.versionIRI,
    OWL.imports, RDF.first, RDF.rest,
}  # fmt: skip
KINDS = {
    OWL.Class: "class",
    OWL.ObjectProperty: "object property",
    OWL.DatatypeProperty: "datatype property",
    OWL.AnnotationProperty: "annotation property",
    RDFS.Datatype: "datatype",
}


def declared(graph: Graph) -> dict[URIRef, set[str]]:
    """Each declared IRI with its kinds (more than one kind is a problem, see problems())."""
    kinds: dict[URIRef, set[str]] = {}
    for rdf_type, kind in KINDS.items():
        for s in graph.subjects(RDF.type, rdf_type):
            if isinstance(s, URIRef):
                kinds.setdefault(s, set()).add(kind)
    return kinds


def _is_datatype(iri: URIRef) -> bool:
    return str(iri).startswith(str(XSD)) or iri == RDFS.Literal


def problems(graph: Graph) -> list[str]:
    """What keeps the graph from OWL 2 DL's structural rules, one message per finding."""
    kinds = declared(graph)
    found: list[str] = []
    for iri, ks in kinds.items():
        if len(ks) > 1 and ks != {"class", "datatype"}:
            found.append(f"{iri} is declared as {' and '.join(sorted(ks))}")

    def need(iri, kind: str, why: str) -> None:
        if not isinstance(iri, URIRef) or iri in BUILTIN_CLASSES:
            return
        if kind == "class" and _is_datatype(iri):
            return
        if kind not in kinds.get(iri, set()):
            found.append(f"{iri} is used as {kind} ({why}) but not declared as one")

    for s, o in graph.subject_objects(RDFS.subClassOf):
        need(s, "class", "rdfs:subClassOf")
        need(o, "class", "rdfs:subClassOf")
    for o in graph.objects(None, RDFS.domain):
        need(o, "class", "rdfs:domain")
    for p, o in graph.subject_objects(RDFS.range):
        if "object property" in kinds.get(p, set()):
            need(o, "class", "rdfs:range of an object property")
        elif "datatype property" in kinds.get(p, set()) and not (
            _is_datatype(o) or "datatype" in kinds.get(o, set())
        ):
            found.append(f"{p}: a datatype property's range {o} is not a datatype")
    for s, o in graph.subject_objects(RDFS.subPropertyOf):
        for kind in kinds.get(s, set()) & {
            "object property",
            "datatype property",
            "annotation property",
        }:
            need(o, kind, f"super-property of {s}")
    for p in set(graph.predicates()):
        if p in STRUCTURAL or p in BUILTIN_ANNOTATIONS:
            continue
        if not kinds.get(p):
            found.append(f"{p} is used but not declared")
    return sorted(set(found))
