"""The SHACL shapes over a large store, one target at a time, in bounded batches.

Why: pyshacl works on an rdflib graph, and the whole graph as one rdflib graph cost 3 GB and more
than five minutes at 1M triples. Every shape here looks only at its focus node, the blank nodes
below it (evidence, selectors), the evidence it cites and the type of each node it points at
(`sh:class`). So each target's focus nodes are taken from the pyoxigraph store in batches, and
each batch is checked with exactly that neighbourhood plus the class hierarchy; results are
kept for the batch's own focus nodes only. A node of several target classes (a gg:Deadline is a
gg:Fact) is checked once, against every shape that targets it. Memory stays at one batch.

A node a batch points at must not become a focus node there (it has its own batch; checking the
actors of every fact again in every batch made the whole check twice as slow), yet `sh:class`
must see its class. So `sh:class C` in the shapes is read as `sh:class CLASS_OF + C`, and every
node of a batch gets `rdf:type CLASS_OF + C` for each class C it has (with its superclasses,
the closure of rdfs:subClassOf): the same test, on a type no shape targets. Only the batch's own
nodes (and the evidence below them) keep their real rdf:type.

pyshacl's own `focus_nodes` option (0.40) would spare checking the nodes a batch points at, but
it loses violations: with it, a missing German label (sh:qualifiedMinCount) went unreported, and
with `use_shapes` as well nothing was reported at all. So it is not used.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

import pyoxigraph as ox

from govgraph.graph.store.rdflib_bridge import from_rdflib_term, to_rdflib_term

BATCH = 3000  # focus nodes per pyshacl run: ~40k triples of rdflib graph (~60 MB)
SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SUBCLASS = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
DERIVED = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
DEFAULT = ox.DefaultGraph()
CLASS_OF = "urn:govgraph:shacl-class-of:"  # sh:class C is checked as rdf:type CLASS_OF + C


@dataclass(frozen=True)
class Result:
    """One violation: the focus node, the path's IRI (if a single predicate), the message and
    the offending literal value (if any)."""

    focus: ox.NamedNode | ox.BlankNode
    path: str | None
    message: str
    value: str | None


def targets(shapes) -> list[tuple[str, str]]:
    """("class", IRI) for each sh:targetClass and ("objects", IRI) for each sh:targetObjectsOf
    (the only two kinds of target the shapes use; another kind is an error, not skipped)."""
    import rdflib

    sh = rdflib.Namespace(SH)
    found = {("class", str(o)) for o in shapes.objects(None, sh.targetClass)}
    found |= {("objects", str(o)) for o in shapes.objects(None, sh.targetObjectsOf)}
    for kind in (sh.targetNode, sh.targetSubjectsOf, sh.target):
        if (None, kind, None) in shapes:
            raise ValueError(f"shapes use {kind}, which the streamed check does not handle")
    return sorted(found)


def focus_nodes(store: ox.Store, kind: str, iri: str) -> Iterator[ox.NamedNode | ox.BlankNode]:
    """The SHACL focus nodes of one target, each once."""
    from govgraph.graph.sparql.named import run_named
    from govgraph.graph.store.backend import LocalBackend

    backend = LocalBackend(store)
    if kind == "class":
        rows = run_named(backend, "internal/focus-of-class", class_iri=ox.NamedNode(iri))
    else:
        rows = run_named(backend, "internal/focus-objects-of", property_iri=ox.NamedNode(iri))
    for row in rows:
        yield row["f"]


def _neighbourhood(
    store: ox.Store, focus: list, kind: str, iri: str, skip: set[ox.Quad]
) -> tuple[list[ox.Quad], set, set]:
    """The quads a batch's shapes can look at; the batch's nodes with the evidence below them
    (whose results are the batch's); and the nodes they point at, whose classes `sh:class` may
    ask for (see the module docstring)."""
    quads: list[ox.Quad] = []
    seen: set = set()
    pointed: set = set()
    todo = list(focus)
    if kind == "objects":
        for node in focus:
            quads.extend(store.quads_for_pattern(None, ox.NamedNode(iri), node, DEFAULT))
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for quad in store.quads_for_pattern(node, None, None, DEFAULT):
            if quad in skip:
                continue
            quads.append(quad)
            obj = quad.object
            if isinstance(obj, ox.BlankNode) or (
                quad.predicate == DERIVED and isinstance(obj, ox.NamedNode)
            ):
                todo.append(obj)  # evidence and what hangs below it, whole
            elif isinstance(obj, ox.NamedNode):
                pointed.add(obj)
    return quads, seen, pointed


def class_of_shapes(shapes):
    """A copy of the shapes with every `sh:class C` read as `sh:class CLASS_OF + C`."""
    import rdflib

    sh_class = rdflib.URIRef(SH + "class")
    out = rdflib.Graph()
    for s, p, o in shapes:
        out.add((s, p, rdflib.URIRef(CLASS_OF + str(o)) if p == sh_class else o))
    return out


def _superclasses(store: ox.Store) -> dict:
    """Each class with all its superclasses (itself included), from rdfs:subClassOf."""
    parents: dict = {}
    for quad in store.quads_for_pattern(None, SUBCLASS, None, DEFAULT):
        parents.setdefault(quad.subject, set()).add(quad.object)
    closure: dict = {}
    for cls in parents:
        found, todo = {cls}, [cls]
        while todo:
            for parent in parents.get(todo.pop(), ()):
                if parent not in found:
                    found.add(parent)
                    todo.append(parent)
        closure[cls] = found
    return closure


def check(store: ox.Store, shapes, skip: set[ox.Quad]) -> Iterator[Result]:
    """Every violation of `shapes` (an rdflib graph) in the store's default graph."""
    hierarchy = list(store.quads_for_pattern(None, SUBCLASS, None, DEFAULT))
    closure = _superclasses(store)
    rewritten = class_of_shapes(shapes)
    checked: set = set()  # class targets: a node is checked once, with all its shapes
    for kind, iri in targets(shapes):
        nodes = (n for n in focus_nodes(store, kind, iri) if kind != "class" or n not in checked)
        while batch := list(islice(nodes, BATCH)):
            if kind == "class":
                checked.update(batch)
            quads, own, pointed = _neighbourhood(store, batch, kind, iri, skip)
            for node in own | pointed:
                for quad in store.quads_for_pattern(node, RDF_TYPE, None, DEFAULT):
                    for cls in closure.get(quad.object, {quad.object}):
                        if isinstance(cls, ox.NamedNode):
                            quads.append(
                                ox.Quad(node, RDF_TYPE, ox.NamedNode(CLASS_OF + cls.value))
                            )
            yield from _check_batch(rewritten, own, hierarchy + quads)


def _check_batch(shapes, nodes: set, quads: list[ox.Quad]) -> Iterator[Result]:
    """pyshacl over one batch; the results about `nodes` (a sh:node's nested results name the
    evidence node below a focus node)."""
    import pyshacl
    import rdflib

    sh = rdflib.Namespace(SH)
    data = rdflib.Graph()
    for quad in quads:
        data.add(tuple(to_rdflib_term(t) for t in (quad.subject, quad.predicate, quad.object)))
    own = {to_rdflib_term(n) for n in nodes}
    _, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    for result in results.subjects(rdflib.RDF.type, sh.ValidationResult):
        focus = results.value(result, sh.focusNode)
        if focus not in own:
            continue
        path = results.value(result, sh.resultPath)
        value = results.value(result, sh.value)
        message = str(results.value(result, sh.resultMessage) or "does not conform")
        yield Result(
            from_rdflib_term(focus),
            str(path) if isinstance(path, rdflib.URIRef) else None,
            message.replace(CLASS_OF, ""),
            str(value) if isinstance(value, rdflib.Literal) else None,
        )
