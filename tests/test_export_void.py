"""`govgraph export -o FILE --void` writes FILE's VoID/DCAT description beside it: the triple
count of the file, the licence, every vocabulary used and every source document."""

from __future__ import annotations

from rdflib import Graph, Literal, Namespace, URIRef

VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
GG = Namespace("https://w3id.org/govgraph/ontology#")
DATASET = URIRef("https://w3id.org/govgraph/dataset")


def test_export_describes_the_dataset_with_void_and_dcat(govgraph, tmp_path):
    result = govgraph("export", "--format", "nt", "-o", str(tmp_path / "govgraph.nt"), "--void")
    assert result.code == 0, result.err
    description = tmp_path / "govgraph.void.ttl"
    assert str(description) in result.err
    data = Graph().parse(tmp_path / "govgraph.nt", format="nt")
    void = Graph().parse(description, format="turtle")

    assert (DATASET, VOID.triples, Literal(len(data))) in void
    assert (None, None, DCAT.Dataset) in void and (None, None, VOID.Dataset) in void
    assert (DATASET, DCT.license, URIRef("https://creativecommons.org/licenses/by/4.0/")) in void
    vocabularies = {str(v) for v in void.objects(DATASET, VOID.vocabulary)}
    for namespace in (
        "http://www.w3.org/ns/org#",
        "http://www.w3.org/2004/02/skos/core#",
        "http://www.w3.org/ns/prov#",
        "http://www.w3.org/ns/oa#",
        "http://www.w3.org/2006/time#",
        "http://purl.org/dc/terms/",
        str(GG),
    ):
        assert namespace in vocabularies
    sources = set(
        data.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), GG.SourceDocument)
    )
    assert sources and set(void.objects(DATASET, DCT.source)) == sources
    for source in sources:
        assert (source, DCT.title, None) in void
    distribution = next(void.objects(DATASET, DCAT.distribution))
    assert (distribution, DCT.title, Literal("govgraph.nt")) in void
    assert (
        distribution,
        DCAT.mediaType,
        URIRef("https://www.iana.org/assignments/media-types/application/n-triples"),
    ) in void


def test_void_needs_an_rdf_file(govgraph):
    result = govgraph("export", "--void")
    assert result.code != 0 and "--void" in result.err
