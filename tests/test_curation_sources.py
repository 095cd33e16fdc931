"""`govgraph source add|list|remove`: byte-identical copies with records, versions, bad input,
and the matchers the drafter is built from."""

from __future__ import annotations

import hashlib
import io
import json
import os
from datetime import date
from pathlib import Path

import pytest
import rdflib
from pdf_files import text_pdf

from govgraph.graph.curation.amounts import find_amounts
from govgraph.graph.curation.datex import find_dates
from govgraph.graph.sources import importers

DATA = Path(__file__).parent / "data" / "curation"
SHIPPED = Path(__file__).resolve().parents[1] / "graph" / "documents" / "000_2f97107a3c89067a.txt"
GG = rdflib.Namespace("https://w3id.org/govgraph/ontology#")
PROV = rdflib.namespace.PROV


def library() -> Path:
    return Path(os.environ["GOVGRAPH_DATA_DIR"])


def stored_files() -> list[Path]:
    return sorted(p for p in library().rglob("*") if p.is_file())


def scanned_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_add_stores_the_file_byte_identical_with_a_record(govgraph):
    result = govgraph("source", "add", str(DATA / "pressemitteilung.txt"), "--title",
                      "Pressemitteilung", "--kind", "official", "--issued", "2026-02-12",
                      "--url", "https://example.org/pm")  # fmt: skip
    assert result.code == 0, result.err
    assert "pressemitteilung" in result.out
    copy = library() / "sources" / "pressemitteilung.txt"
    assert copy.read_bytes() == (DATA / "pressemitteilung.txt").read_bytes()
    record = rdflib.Graph().parse(library() / "records" / "pressemitteilung.ttl")
    src = rdflib.URIRef("https://w3id.org/govgraph/id/source-pressemitteilung")
    assert str(record.value(src, GG.sha256)) == hashlib.sha256(copy.read_bytes()).hexdigest()
    assert str(record.value(src, GG.sourceKind)).endswith("officialSource")
    assert str(record.value(src, rdflib.DCTERMS.issued)) == "2026-02-12"
    assert str(record.value(src, GG.localFile)) == "pressemitteilung.txt"
    listed = json.loads(govgraph("source", "list", "--format", "json").out)
    assert [row["id"] for row in listed] == ["pressemitteilung"]
    assert govgraph("validate").code == 0


def test_same_file_again_is_a_no_op_and_a_changed_file_a_new_version(govgraph, tmp_path):
    note = tmp_path / "notiz.md"
    note.write_text("# Stand\n\nDer IT-Planungsrat tagt am 30.06.2026.\n", encoding="utf-8")
    assert govgraph("source", "add", str(note)).code == 0
    files = stored_files()
    again = govgraph("source", "add", str(note))
    assert again.code == 0 and again.out.count("\n") == 1 and "notiz" in again.out
    assert stored_files() == files
    note.write_text("# Stand\n\nDer IT-Planungsrat tagt am 1.7.2026.\n", encoding="utf-8")
    newer = govgraph("source", "add", str(note))
    assert newer.code == 0 and "notiz-v2" in newer.out
    record = rdflib.Graph().parse(library() / "records" / "notiz-v2.ttl")
    assert (None, rdflib.namespace.PROV.wasRevisionOf, None) in record
    assert (library() / "sources" / "notiz.md").exists()  # the old version is kept
    assert govgraph("draft", "notiz-v2").code == 0
    drafted = (library() / "drafts" / "notiz-v2.ttl").read_text(encoding="utf-8")
    assert "Abschnitt »Stand«, Absatz 1" in drafted  # as `govgraph validate` computes it


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("leer.txt", b"", "empty file"),
        ("bild.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "binary"),
        ("latin1.txt", "Straße".encode("latin-1"), "not UTF-8"),
        ("scan.pdf", None, "without a text layer"),
        ("kaputt.pdf", b"%PDF-1.4\nnot really a pdf", "PDF"),
        ("law.xml", b"<?xml version='1.0'?><html/>", "gesetze-im-internet"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(govgraph, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(scanned_pdf() if content is None else content)
    result = govgraph("source", "add", str(path))
    assert result.code == 1
    assert result.err.count("\n") == 1 and name in result.err and message in result.err
    assert stored_files() == []


def test_huge_file_is_refused(govgraph, tmp_path, monkeypatch):
    monkeypatch.setattr(importers, "MAX_BYTES", 1000)
    big = tmp_path / "gross.txt"
    big.write_text("Der Bund zahlt. " * 100, encoding="utf-8")
    result = govgraph("source", "add", str(big))
    assert result.code == 1 and "too large" in result.err and "gross.txt" in result.err
    assert stored_files() == []


def test_same_content_as_another_source_is_refused(govgraph, tmp_path):
    copy = tmp_path / "kopie.txt"
    copy.write_bytes((DATA / "pressemitteilung.txt").read_bytes())
    assert govgraph("source", "add", str(DATA / "pressemitteilung.txt")).code == 0
    files = stored_files()
    result = govgraph("source", "add", str(copy))
    assert result.code == 1 and "kopie.txt" in result.err and "pressemitteilung" in result.err
    assert stored_files() == files
    shipped = tmp_path / "bericht.txt"
    shipped.write_bytes(SHIPPED.read_bytes())
    result = govgraph("source", "add", str(shipped))
    assert result.code == 1 and "shipped source" in result.err


def test_pdf_keeps_the_original_and_is_drafted(govgraph, tmp_path):
    pdf = tmp_path / "beschluss.pdf"
    pdf.write_bytes(text_pdf("Der IT-Planungsrat beschliesst bis Ende 2026 den Anschluss."))
    result = govgraph("source", "add", str(pdf))
    assert result.code == 0, result.err
    assert (library() / "sources" / "beschluss.pdf").read_bytes() == pdf.read_bytes()
    assert "IT-Planungsrat" in (library() / "sources" / "beschluss.txt").read_text()
    assert govgraph("draft", "beschluss").code == 0
    drafted = (library() / "drafts" / "beschluss.ttl").read_text(encoding="utf-8")
    assert 'gg:locator "Absatz 1"' in drafted and "ggd:it-planungsrat" in drafted
    assert govgraph("validate").code == 0


def test_remove_and_unknown_source(govgraph):
    assert govgraph("source", "add", str(DATA / "pressemitteilung.txt")).code == 0
    assert govgraph("draft", "pressemitteilung").code == 0
    assert govgraph("source", "remove", "pressemitteilung").code == 0
    # nothing left but the lock and the list of retired ids (never given again)
    assert [p.name for p in stored_files()] == [".lock", "retired-ids.txt"]
    assert (library() / "retired-ids.txt").read_text() == "pressemitteilung\n"
    result = govgraph("source", "remove", "pressemitteilung")
    assert result.code == 2 and result.err.count("\n") == 1
    result = govgraph("draft", "gibtsnicht")
    assert result.code == 2 and "gibtsnicht" in result.err


@pytest.mark.parametrize(
    ("phrase", "core", "precision", "first", "last"),
    [
        ("bis Ende 2025", "Ende 2025", "quarter", "2025-10-01", "2025-12-31"),
        ("spätestens bis Mitte 2026", "Mitte 2026", "halfYear", "2026-04-01", "2026-09-30"),
        ("ab dem 1. Januar 2027", "1. Januar 2027", "day", "2027-01-01", "2027-01-01"),
        ("zum 30.06.2026", "30.06.2026", "day", "2026-06-30", "2026-06-30"),
        ("im zweiten Halbjahr 2025", "zweiten Halbjahr 2025", "halfYear", "2025-07-01",
         "2025-12-31"),
        ("im Herbst 2024", "Herbst 2024", "season", "2024-09-01", "2024-11-30"),
        ("Im Mai 2025", "Mai 2025", "month", "2025-05-01", "2025-05-31"),
        ("im ersten Quartal 2026", "ersten Quartal 2026", "quarter", "2026-01-01", "2026-03-31"),
        ("Ab dem Jahr 2027", "Jahr 2027", "year", "2027-01-01", "2027-12-31"),
    ],
)  # fmt: skip
def test_german_dates_keep_their_precision(phrase, core, precision, first, last):
    (found,) = find_dates(f"Das muss {phrase} geschehen.")
    assert (found.text, found.core, found.precision) == (phrase, core, precision)
    assert (found.not_before, found.not_after) == (
        date.fromisoformat(first),
        date.fromisoformat(last),
    )


def test_citations_are_not_dates():
    assert find_dates("BGBl. 2024 I Nr. 245 und die Verordnung (EU) 2016/679") == []
    assert find_dates("am 31.02.2026") == []


def test_money_and_shares():
    found = find_amounts("53,4 % der Kosten, 1.500.000 Euro, 2,5 Mio. Euro, hälftig finanziert")
    assert [(a.text, str(a.value), a.currency) for a in found] == [
        ("53,4 %", "0.534", ""),
        ("1.500.000 Euro", "1500000", "EUR"),
        ("2,5 Mio. Euro", "2500000.0", "EUR"),
        ("hälftig", "0.5", ""),
    ]


def test_gii_xml_is_cited_by_norm(govgraph, tmp_path):
    law = tmp_path / "noots-staatsvertrag.xml"
    # one byte more than the shipped copy, so it is a source of its own (a new version of it)
    law.write_bytes((DATA / "noots-staatsvertrag.xml").read_bytes() + b"\n")
    result = govgraph("source", "add", str(law), "--kind", "primary")
    assert result.code == 0, result.err
    (info,) = json.loads(govgraph("source", "list", "--format", "json").out)
    assert info["file"].endswith(".xml")
    assert (library() / "sources" / info["file"]).read_bytes() == law.read_bytes()
    assert govgraph("draft", info["id"]).code == 0
    draft = rdflib.Graph().parse(library() / "drafts" / f"{info['id']}.ttl")
    locators = {
        str(draft.value(c, GG.matchedText)): str(
            draft.value(draft.value(c, PROV.wasDerivedFrom), GG.locator)
        )
        for c in draft.subjects(rdflib.RDF.type, GG.Candidate)
    }
    assert locators["53,4 %"] == "§ 8 Abs. 1 Satz 3"
    assert locators["bis zum 30. Juni 2026"] == "§ 10 Abs. 2"
    assert locators["mWv 1.2.2026"] == "Stand/Hinweise"
    assert govgraph("validate").code == 0
