"""Parse Turtle files all-or-nothing, with errors a user can find: file:line:column and the term."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from govgraph.graph.errors import DataError, UsageError

TURTLE_SUFFIXES = (".ttl", ".nt")


def data_files(path: Path) -> list[Path]:
    """A file as given, or the Turtle files in a folder (recursively, sorted)."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in TURTLE_SUFFIXES and p.is_file())
    if path.is_file():
        return [path]
    raise UsageError(f"{path}: no such file or folder")


def _offending_text(path: Path, line: int, col: int, end_line: int, end_col: int) -> str:
    """The characters the parser points at, so the user sees the term, not only a position."""
    try:
        lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    if not 1 <= line <= len(lines):
        return ""
    text = lines[line - 1]
    stop = end_col - 1 if end_line == line and end_col > col else len(text)
    snippet = text[col - 1 : stop].strip() or text.strip()
    return snippet[:60]


def syntax_error_message(path: Path, err: SyntaxError) -> str:
    """`file:line:col: what (at 'term')` from a pyoxigraph SyntaxError."""
    line, col = err.lineno or 1, err.offset or 1
    end_line = getattr(err, "end_lineno", None) or line
    end_col = getattr(err, "end_offset", None) or col
    what = err.msg or str(err)
    for prefix in ("Parser error ",):
        if what.startswith(prefix) and ": " in what:
            what = what.split(": ", 1)[1]
    what = what.replace("\r", "\\r").replace("\n", "\\n")  # the message quotes terms: one line
    term = _offending_text(path, line, col, end_line, end_col)
    near = f" (at '{term}')" if term else ""
    return f"{path}:{line}:{col}: {what}{near}"


def too_large_message(path: Path, err: MemoryError) -> str:
    """A term (a literal, an IRI) larger than pyoxigraph's parser buffer, in one line."""
    return f"{path}: a single term is too large to parse ({err})"


def read_data_file(path: Path) -> bytes:
    """The bytes of a data file, or a DataError if it cannot be read or is empty."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise DataError(f"{path}: cannot read: {err.strerror or err}") from None
    if not data.strip():
        raise DataError(f"{path}:1:1: file is empty (no triples)")
    return data


NO_TRIPLES = "file holds only prefixes or comments (no triples)"


def parse_file(path: Path) -> list[ox.Triple]:
    """Every triple of one Turtle file, or a DataError; never a partial result."""
    data = read_data_file(path)
    try:
        triples = [
            q.triple
            for q in ox.parse(data, format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri())
        ]
    except SyntaxError as err:
        err.filename = str(path)
        raise DataError(syntax_error_message(path, err)) from None
    except MemoryError as err:  # one term longer than the parser's 16 MB buffer
        raise DataError(too_large_message(path, err)) from None
    if not triples:
        raise DataError(f"{path}:1:1: {NO_TRIPLES}")
    return triples
