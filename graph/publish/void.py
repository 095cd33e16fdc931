"""A VoID and DCAT description of an exported graph, so that data catalogues can list it.

Written beside the export (`govgraph export -o govgraph.ttl --void` → govgraph.void.ttl): what the
dataset is, under which licence, how many triples, which vocabularies it uses, which source
documents it rests on (with their own licences), and the file it describes. Everything comes
from the graph itself, so the description never disagrees with the data.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from govgraph.graph.sparql.named import run_named
from govgraph.graph.store.backend import Backend

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DATASET = ox.NamedNode("https://w3id.org/govgraph/dataset")
LICENCE = ox.NamedNode("https://creativecommons.org/licenses/by/4.0/")
MEDIA_TYPES = {
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "trig": "application/trig",
    "nq": "application/n-quads",
    "jsonld": "application/ld+json",
}
PREFIXES = {"void": VOID, "dcat": DCAT, "dcterms": DCT, "xsd": "http://www.w3.org/2001/XMLSchema#"}


def _namespace(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


def describe(backend: Backend, file_name: str, fmt: str) -> list[ox.Triple]:
    """The dataset description as triples; `file_name` is the exported file it points to."""

    def t(s, p: str, o) -> ox.Triple:
        return ox.Triple(s, ox.NamedNode(p), o)

    triples = [
        ox.Triple(DATASET, RDF_TYPE, ox.NamedNode(VOID + "Dataset")),
        ox.Triple(DATASET, RDF_TYPE, ox.NamedNode(DCAT + "Dataset")),
        t(
            DATASET,
            DCT + "title",
            ox.Literal(
                "govgraph – Wer macht was in der deutschen Verwaltungsdigitalisierung",
                language="de",
            ),
        ),
        t(
            DATASET,
            DCT + "title",
            ox.Literal(
                "govgraph – who does what in German administrative digitalisation", language="en"
            ),
        ),
        t(DATASET, DCT + "license", LICENCE),
        t(DATASET, VOID + "uriSpace", ox.Literal("https://w3id.org/govgraph/id/")),
    ]
    count = run_named(backend, "internal/triple-count")[0]["n"]
    triples.append(
        t(
            DATASET,
            VOID + "triples",
            ox.Literal(count.value, datatype=ox.NamedNode(PREFIXES["xsd"] + "integer")),
        )
    )
    vocabularies = {
        _namespace(row["term"].value)
        for row in run_named(backend, "internal/vocabulary-terms")
        if isinstance(row.get("term"), ox.NamedNode)
    }
    for namespace in sorted(vocabularies):
        triples.append(t(DATASET, VOID + "vocabulary", ox.NamedNode(namespace)))
    for row in run_named(backend, "internal/source-licences"):
        source = row["source"]
        triples.append(t(DATASET, DCT + "source", source))
        if "title" in row:
            triples.append(t(source, DCT + "title", row["title"]))
        if "licence" in row:
            triples.append(t(source, DCT + "license", row["licence"]))
    dump = ox.NamedNode(file_name) if ":" in file_name else None
    distribution = ox.BlankNode("distribution")
    triples += [
        t(DATASET, DCAT + "distribution", distribution),
        ox.Triple(distribution, RDF_TYPE, ox.NamedNode(DCAT + "Distribution")),
        t(
            distribution,
            DCAT + "mediaType",
            ox.NamedNode("https://www.iana.org/assignments/media-types/" + MEDIA_TYPES[fmt]),
        ),
        t(distribution, DCT + "title", ox.Literal(file_name)),
        t(distribution, DCT + "license", LICENCE),
    ]
    if dump is not None:
        triples += [
            t(DATASET, VOID + "dataDump", dump),
            t(distribution, DCAT + "downloadURL", dump),
        ]
    return sorted(set(triples), key=str)


def void_turtle(backend: Backend, file_name: str, fmt: str) -> bytes:
    return ox.serialize(
        describe(backend, file_name, fmt), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES
    )


def void_path(export: Path) -> Path:
    """Where the description of an export goes: govgraph.ttl → govgraph.void.ttl."""
    return export.with_name(export.name.split(".")[0] + ".void.ttl")
