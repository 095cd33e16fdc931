"""Bad input that gave tracebacks (issue 26): one line on stderr naming the file or the term, a
non-zero exit, nothing written. Each file is made here, real, and given to the real command."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest
from pdf_files import one_page_pdf, text_pdf

DATA = Path(__file__).parent / "data" / "curation"


def library() -> Path:
    return Path(os.environ["GOVGRAPH_DATA_DIR"])


def clean_error(result, code: int = 1) -> str:
    assert result.code == code, (result.out, result.err)
    assert "Traceback" not in result.err and result.err.count("\n") == 1, result.err
    return result.err


def pdf_with_contents(stream: bytes) -> bytes:
    """A one-page PDF whose content stream is `stream`, Flate-compressed."""
    return one_page_pdf(stream, compress=True)


def encrypted_pdf(password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append_pages_from_reader(PdfReader(io.BytesIO(text_pdf("Der IT-Planungsrat tagt."))))
    writer.encrypt(user_password=password, owner_password="eigner", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_aes_encrypted_pdf_without_an_open_password_is_read(govgraph, tmp_path):
    path = tmp_path / "gesperrt.pdf"
    path.write_bytes(encrypted_pdf(""))
    result = govgraph("source", "add", str(path))
    assert result.code == 0, result.err
    assert "IT-Planungsrat" in (library() / "sources" / "gesperrt.txt").read_text()
    assert (library() / "sources" / "gesperrt.pdf").read_bytes() == path.read_bytes()


def test_a_pdf_that_needs_a_password_is_refused_by_name(govgraph, tmp_path):
    path = tmp_path / "geheim.pdf"
    path.write_bytes(encrypted_pdf("geheim"))
    err = clean_error(govgraph("source", "add", str(path)))
    assert "geheim.pdf" in err and "encrypted PDF" in err
    assert not library().exists() or not any(library().rglob("*.ttl"))


def test_a_pdf_decompression_bomb_is_refused(govgraph, tmp_path):
    line = b"BT /F1 12 Tf 72 720 Td (Der IT-Planungsrat beschliesst.) Tj ET\n"
    path = tmp_path / "bombe.pdf"
    path.write_bytes(pdf_with_contents(line * ((300 << 20) // len(line))))  # 300 MB inflated
    assert path.stat().st_size < 2 << 20
    err = clean_error(govgraph("source", "add", str(path)))
    assert "bombe.pdf" in err and "unreadable PDF" in err


def test_gii_xml_nested_3000_levels_is_refused(govgraph, tmp_path):
    path = tmp_path / "tief.xml"
    path.write_text(
        "<?xml version='1.0'?><dokumente><norm><metadaten><jurabk>X</jurabk><enbez>§ 1</enbez>"
        "</metadaten><textdaten><text><Content><P>"
        + "<B>" * 3000
        + "Der Bund zahlt."
        + "</B>" * 3000
        + "</P></Content></text></textdaten></norm></dokumente>",
        encoding="utf-8",
    )
    err = clean_error(govgraph("source", "add", str(path)))
    assert "tief.xml" in err and "nested too deeply" in err


@pytest.mark.parametrize("command", [("stats",), ("validate",), ("who", "NOOTS")])
def test_a_30_mb_literal_in_data_is_one_line(govgraph, tmp_path, command):
    path = tmp_path / "riesig.ttl"
    with path.open("w", encoding="utf-8") as f:
        f.write('@prefix ex: <http://example.org/> .\nex:a ex:b "')
        f.write("x" * (30 << 20))
        f.write('" .\n')
    result = govgraph("--data", str(path), *command)
    assert result.code in (1, 2) and "Traceback" not in result.err  # validate: 2, not loadable
    assert "riesig.ttl" in result.out + result.err and "too large" in result.out + result.err


def test_today_at_the_end_of_the_calendar(govgraph, tmp_path):
    out = tmp_path / "zeit.svg"
    result = govgraph("--today", "9999-12-31", "timeline", "-o", str(out))
    assert result.code == 0, result.err
    assert out.read_text(encoding="utf-8").startswith("<")


@pytest.mark.parametrize(
    "url", ["http://[::1", "http://host:port/query", "http://[zz]/query", "http://a b/query"]
)
def test_push_to_a_malformed_endpoint_is_one_line(govgraph, url):
    err = clean_error(govgraph("push", "--endpoint", url), 2)
    assert url in err


def test_validate_over_a_library_text_that_is_not_utf8(govgraph):
    assert govgraph("source", "add", str(DATA / "pressemitteilung.txt")).code == 0
    assert govgraph("draft", "pressemitteilung").code == 0
    draft = library() / "drafts" / "pressemitteilung.ttl"
    assert govgraph("review", str(draft), "--accept", "1").code == 0
    (library() / "sources" / "pressemitteilung.txt").write_bytes("Straße".encode("latin-1"))
    result = govgraph("validate")
    assert result.code == 1 and "Traceback" not in result.err
    assert "not UTF-8" in result.out + result.err


def test_validate_never_follows_a_record_out_of_the_library(govgraph, tmp_path):
    outside = library().parent / "ausserhalb.txt"
    outside.write_text("Der IT-Planungsrat tagt.\n", encoding="utf-8")
    digest = hashlib.sha256(outside.read_bytes()).hexdigest()
    (library() / "records").mkdir(parents=True)
    (library() / "records" / "boese.ttl").write_text(
        "@prefix gg: <https://w3id.org/govgraph/ontology#> .\n"
        "@prefix ggc: <https://w3id.org/govgraph/concept/> .\n"
        "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
        "<https://w3id.org/govgraph/id/source-boese> a gg:SourceDocument ;\n"
        '  dcterms:title "Böse"@de ; dcterms:publisher "x" ; dcterms:issued "2026" ;\n'
        '  dcterms:language "de" ; gg:sourceKind ggc:secondarySource ;\n'
        f'  gg:localFile "../../{outside.name}" ; gg:sha256 "{digest}" .\n',
        encoding="utf-8",
    )
    result = govgraph("validate")
    assert result.code == 1 and "Traceback" not in result.err
    assert "leads out of the sources folder" in result.out + result.err


def test_diff_since_over_a_malformed_added_on(govgraph):
    assert govgraph("source", "add", str(DATA / "pressemitteilung.txt")).code == 0
    record = library() / "records" / "pressemitteilung.ttl"
    text = record.read_text(encoding="utf-8")
    start = text.index("gg:addedOn")
    end = text.index(";", start) if ";" in text[start:] else text.index(".", start)
    record.write_text(text[:start] + 'gg:addedOn "2026-13-45"^^xsd:date ' + text[end:])
    err = clean_error(govgraph("diff", "--since", "2026-01-01"))
    assert "pressemitteilung.ttl" in err and "2026-13-45" in err
