"""Read a new source file into plain text plus the citable units (sentences) it consists of.

Every importer returns the same shape: the text that is stored beside the original (and against
which quotes are checked), and units — a sentence or list item with its offset in that text and a
provisional locator (`§ 8 Abs. 1 Satz 3 NOOTSStVtr`, `Seite 2`, `Zeile 14`). Drafting replaces it
by the locator of graph/sources/locators.py, the one `govgraph validate` checks, wherever that
finds the quote. The drafter works only on units, so every quote it proposes is a verbatim slice
of the stored text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from govgraph.graph.errors import DataError
from govgraph.graph.i18n import bilingual

MAX_BYTES = 20 * 1024 * 1024  # larger files are refused: a source is a document, not a dump
KINDS = ("text", "markdown", "pdf", "gii")
_SNIFF = 8192
_SENTENCE_END = re.compile(r"(?<=[.?!:;])\s+(?=[„\"(A-ZÄÖÜ0-9§])")
_ABBREV_END = re.compile(
    r"(?:\b(?:Abs|Nr|Art|bzw|ggf|vgl|z\.\s?B|d\.\s?h|u\.\s?a|Dr|ca|Mio|Mrd|Tsd|gem|Bek|v|S|Ziff|"
    r"lit|etc|sog|inkl|insb|bspw|Kap|Anl|ABl|BGBl|GVBl|Bek|Abl|i\.\s?V\.\s?m|i\.\s?d\.\s?F)\."
    r"|\b\d{1,2}\.|\b[A-Z]\.)$"
)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")


@dataclass(frozen=True)
class Unit:
    """A sentence (or list item) of the stored text: where it starts and how to cite it."""

    text: str
    start: int
    locator: str


@dataclass
class Imported:
    """What a source file yields: its kind, the stored text, units, and a title if it has one."""

    kind: str
    text: str
    units: list[Unit] = field(default_factory=list)
    title: str = ""
    short: str = ""
    issued: str = ""
    notes: list[str] = field(default_factory=list)


def detect_kind(path: Path, head: bytes) -> str:
    """The importer for a file, from its first bytes first and its suffix second."""
    if head.startswith(b"%PDF"):
        return "pdf"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<?xml") or stripped.startswith(b"<dokumente"):
        return "gii"
    if path.suffix.lower() in (".md", ".markdown"):
        return "markdown"
    return "text"


def check_size(path: Path, size: int) -> None:
    """Refuse empty and huge files before reading them (one line: file and why)."""
    if size == 0:
        raise DataError(f"{path}: {bilingual('sources.file.empty')}")
    if size > MAX_BYTES:
        raise DataError(
            f"{path}: {bilingual('sources.file.too_large')} "
            f"({size / 1048576:.1f} MB > {MAX_BYTES // 1048576} MB)"
        )


def read_source(path: Path) -> tuple[bytes, Imported]:
    """The file's bytes and what they yield; any unusable file is a DataError naming it."""
    path = Path(path)
    if not path.is_file():
        raise DataError(f"{path}: {bilingual('sources.file.missing')}")
    check_size(path, path.stat().st_size)
    data = path.read_bytes()
    kind = detect_kind(path, data[:_SNIFF])
    reader = {"pdf": _pdf, "gii": _gii}.get(kind, _plain)
    imported = reader(path, data, kind)
    if not imported.text.strip():
        raise DataError(f"{path}: {bilingual('sources.file.no_text')}")
    return data, imported


def sentences(line: str) -> list[tuple[int, str]]:
    """(offset, sentence) for one line or paragraph; abbreviations and ordinals do not split."""
    found, start = [], 0
    for match in _SENTENCE_END.finditer(line):
        piece = line[start : match.start()]
        if _ABBREV_END.search(piece):
            continue
        found.append((start, piece))
        start = match.end()
    found.append((start, line[start:]))
    return [(offset, s) for offset, s in found if s.strip()]


def _units_of_lines(text: str, markdown: bool, page_word: str = "") -> list[Unit]:
    units: list[Unit] = []
    heading, page, offset = "", 1, 0
    for number, line in enumerate(text.split("\n"), start=1):
        if "\f" in line:
            page += line.count("\f")
        head = _MD_HEADING.match(line) if markdown else None
        if head:
            heading = head.group(1)
        where = f"{page_word} {page}" if page_word else f"Zeile {number}"
        if heading and not page_word:
            where = f"Abschnitt »{heading}«, {where}"
        for start, sentence in sentences(line):
            lead = len(sentence) - len(sentence.lstrip())
            units.append(Unit(sentence.strip(), offset + start + lead, where))
        offset += len(line) + 1
    return units


def _plain(path: Path, data: bytes, kind: str) -> Imported:
    if b"\x00" in data[:_SNIFF]:
        raise DataError(f"{path}: {bilingual('sources.file.binary')}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise DataError(f"{path}: {bilingual('sources.file.not_utf8', byte=err.start)}") from None
    # One form of line ending and no byte-order mark, once, here: quotes are checked against
    # this text, and a stray "\r" would make every quote of a CRLF file differ from it.
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return Imported(kind, text, _units_of_lines(text, kind == "markdown"))


def _pdf(path: Path, data: bytes, kind: str) -> Imported:
    """The PDF's text layer, pages separated by form feeds; a scan without one is refused."""
    import io
    import logging

    try:
        from pypdf import PdfReader
        from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError
    except ImportError:  # pragma: no cover - pypdf is a dependency
        raise DataError(f"{path}: {bilingual('sources.file.pdf_needs_pypdf')}") from None
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [(page.extract_text() or "").replace("\f", " ") for page in reader.pages]
    except (FileNotDecryptedError, DependencyError) as err:
        # An encrypted PDF with only an owner password is read (pypdf, with `cryptography`);
        # one that needs a password to open is refused by name.
        raise DataError(f"{path}: {bilingual('curation.pdf.encrypted')} ({err})") from None
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as err:
        # PyPdfError includes LimitReachedError: a decompression bomb stops at pypdf's limit
        raise DataError(f"{path}: {bilingual('sources.file.pdf_unreadable')} ({err})") from None
    if not any(p.strip() for p in pages):
        raise DataError(f"{path}: {bilingual('sources.file.pdf_no_text')}")
    text = "\n\f\n".join(p.strip("\n") for p in pages) + "\n"
    return Imported(kind, text, _units_of_lines(text, False, page_word="Seite"))


def _gii(path: Path, data: bytes, kind: str) -> Imported:
    """A gesetze-im-internet.de law: one line per norm, units are its sentences and items."""
    try:
        from govgraph.graph.sources.gii import parse_gii
    except ImportError:  # pragma: no cover - the GII parser ships with govgraph
        raise DataError(f"{path}: {bilingual('sources.file.gii_no_parser')}") from None
    law = parse_gii(path)
    lines = [law.title, ""]
    units: list[Unit] = []
    offset = sum(len(line) + 1 for line in lines)
    if law.notes:  # the in-force notes: "… mWv 1.2.2026 in Kraft getreten"
        lines.append("Stand/Hinweise:")
        offset += len(lines[-1]) + 1
        for note in law.notes:
            for start, sentence in sentences(note):
                units.append(Unit(sentence.strip(), offset + start, f"Stand/Hinweise {law.short}"))
            lines.append(note)
            offset += len(note) + 1
        lines.append("")
        offset += 1
    for norm in law.norms:
        heading = f"{norm.label} {norm.title}".strip()
        lines.append(heading)
        offset += len(heading) + 1
        body = norm.text
        position = 0
        for atom in norm.atoms:
            start = body.find(atom.text, position)
            if start < 0:
                continue
            position = start + len(atom.text)
            where = law.locate(atom.text) or norm.label
            units.append(Unit(atom.text, offset + start, f"{where} {law.short}".strip()))
        lines += [body, ""]
        offset += len(body) + 2
    text = "\n".join(lines) + "\n"
    return Imported(
        kind, text, units, title=law.title, short=law.short, issued=law.issued, notes=law.notes
    )
