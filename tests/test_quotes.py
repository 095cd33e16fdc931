"""Every evidence quote occurs verbatim in its source document; every entity and fact has one."""

from __future__ import annotations

import pyoxigraph as ox

from govgraph.graph.store.dataset import DataSelection, load_store
from govgraph.graph.store.resources import sources_dir

STORE = load_store(DataSelection().files())


def test_every_quote_is_verbatim_in_its_source():
    rows = list(
        STORE.query(
            """PREFIX oa: <http://www.w3.org/ns/oa#>
               PREFIX gg: <https://w3id.org/govgraph/ontology#>
               SELECT ?exact ?file WHERE {
                 ?ev oa:hasSource/gg:localFile ?file ; oa:hasSelector/oa:exact ?exact }"""
        )
    )
    assert len(rows) >= 150
    texts = {}
    for row in rows:
        name = row["file"].value
        texts.setdefault(name, (sources_dir() / name).read_text(encoding="utf-8"))
        assert row["exact"].value in texts[name], row["exact"].value


def test_every_entity_and_fact_has_evidence():
    missing = list(
        STORE.query(
            """PREFIX gg: <https://w3id.org/govgraph/ontology#>
               PREFIX org: <http://www.w3.org/ns/org#>
               PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
               PREFIX prov: <http://www.w3.org/ns/prov#>
               PREFIX oa: <http://www.w3.org/ns/oa#>
               SELECT ?x WHERE {
                 { ?x a/rdfs:subClassOf* org:Organization } UNION { ?x a/rdfs:subClassOf* gg:Work }
                 UNION { ?x a/rdfs:subClassOf* gg:Event } UNION { ?x a/rdfs:subClassOf* gg:Fact }
                 UNION { ?x a gg:Topic } UNION { ?x a gg:TimePoint }
                 FILTER NOT EXISTS { ?x prov:wasDerivedFrom/oa:hasSelector ?s }
               }"""
        )
    )
    assert [r["x"] for r in missing] == []


def test_source_document_is_byte_identical_and_described():
    record = list(
        STORE.query(
            """PREFIX dcterms: <http://purl.org/dc/terms/>
               PREFIX gg: <https://w3id.org/govgraph/ontology#>
               SELECT ?title ?publisher ?issued ?section WHERE {
                 ?d a gg:SourceDocument ; dcterms:title ?title ; dcterms:publisher ?publisher ;
                    dcterms:issued ?issued ; gg:section ?section ;
                    gg:localFile "000_2f97107a3c89067a.txt" . FILTER(LANG(?title) = "de") }"""
        )
    )
    assert len(record) == 1
    assert record[0]["issued"] == ox.Literal(
        "2025", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYear")
    )
    assert record[0]["publisher"].value.endswith("/staedtetag-rlp")
    import hashlib

    data = (sources_dir() / "000_2f97107a3c89067a.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == SOURCE_SHA256


# The file name is the first 16 hex digits of a hash of the original; this is its SHA-256.
SOURCE_SHA256 = "66b5892ec3bca00c3695ee0a1d2ad55fde0c6c11de3bd4809f66da830727c1be"
