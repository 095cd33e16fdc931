"""Source documents for the web: their record, their stored text, and where each quote sits.

A quote's anchor is derived from the quote itself (`q-` + 12 hex digits of its SHA-1), so the
entity page can link to the exact place in the source page without asking which one it is.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from govgraph.graph.namespaces import compact
from govgraph.graph.sparql.runner import run_named
from govgraph.graph.store.backend import Backend
from govgraph.graph.store.resources import sources_dir


@dataclass
class SourceDocument:
    """A source's record (graph/sources/claims.py source_records) and the quotes taken from it."""

    iri: str
    title: str
    file: str = ""
    issued: str = ""
    quotes: list[str] = field(default_factory=list)
    record: dict = field(default_factory=dict)
    folders: tuple[Path, ...] = ()  # where stored documents are: shipped, the user's library

    @property
    def key(self) -> str:
        """What the URL carries: `ggd:source-…` for shipped sources, else the full IRI."""
        return compact(self.iri)

    @property
    def short(self) -> str:
        return str(self.record.get("short_name") or "") or self.title

    def matches(self, name: str) -> bool:
        """Named by its URL key, IRI or short name (as `--source NAME` takes it)."""
        wanted = name.strip().casefold()
        return wanted in (self.key.casefold(), self.iri.casefold(), self.short.casefold())

    def text(self) -> str | None:
        """The stored document, if this installation has it (a remote graph may not)."""
        if not self.file or "/" in self.file or "\\" in self.file or self.file.startswith("."):
            return None
        for folder in self.folders or (sources_dir(),):
            path = folder / self.file
            try:
                if path.is_file():
                    return path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                return None
        return None


def anchor(quote: str) -> str:
    return "q-" + hashlib.sha1(quote.encode("utf-8")).hexdigest()[:12]


def load_sources(
    backend: Backend, lang: str, folders: tuple[Path, ...] = ()
) -> list[SourceDocument]:
    """Every source document (the `sources` named query, as `govgraph sources`) with the quotes
    taken from it.

    One query per document for its quotes: bound to the document, each is an index lookup
    (one query over all evidence joined to all documents took 38 s at 1M triples)."""
    from govgraph.graph.sources.claims import source_records

    docs = [
        SourceDocument(
            r["iri"], r["title"] or r["iri"], r["file"], r["issued"], record=r, folders=folders
        )
        for r in source_records(backend, lang)
    ]
    for doc in docs:
        rows = run_named(backend, "source-quotes", source=ox.NamedNode(doc.iri))
        doc.quotes = list(dict.fromkeys(row["quote"].value for row in rows))  # one per text
    return docs


def source_of(docs: list[SourceDocument], quote: str, title: str = "") -> SourceDocument | None:
    """The document a quote comes from (the one with that title first, if given)."""
    hits = [d for d in docs if quote in d.quotes]
    for d in hits:
        if title and d.title == title:
            return d
    return hits[0] if hits else None


@dataclass
class Segment:
    """A piece of the document text: plain, or inside one or more quotes."""

    text: str
    marked: bool
    anchors: list[str] = field(default_factory=list)  # quotes that start here


def segments(text: str, quotes: list[str]) -> tuple[list[Segment], list[str]]:
    """The text cut at every quote boundary (first occurrence of each quote), and the quotes
    not found verbatim (shown apart, so a broken quote is visible, not hidden)."""
    starts: dict[int, list[str]] = {}
    cuts = {0, len(text)}
    spans = []
    missing = []
    for q in quotes:
        i = text.find(q) if q else -1
        if i < 0:
            missing.append(q)
            continue
        starts.setdefault(i, []).append(anchor(q))
        spans.append((i, i + len(q)))
        cuts.update((i, i + len(q)))
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:], strict=False):
        marked = any(s <= a and b <= e for s, e in spans)
        out.append(Segment(text[a:b], marked, starts.get(a, [])))
    return out, missing
