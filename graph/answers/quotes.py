"""Joined quotes in document order.

The queries join a fact's quotes with GROUP_CONCAT, whose order SPARQL leaves to the engine:
Oxigraph, rdflib and a remote server each join them differently. Sorting the parts by where
they stand in the stored source texts makes every engine's answer byte-identical and reads
in the order of the source.
"""

from __future__ import annotations

from functools import lru_cache

from govgraph.graph.store.resources import sources_dir

SEPARATOR = " […] "


@lru_cache(maxsize=1)
def _texts() -> tuple[str, ...]:
    """The stored source documents, in file-name order (read once)."""
    return tuple(p.read_text(encoding="utf-8") for p in sorted(sources_dir().glob("*.txt")))


def _position(part: str) -> tuple[int, int, str]:
    for n, text in enumerate(_texts()):
        at = text.find(part)
        if at >= 0:
            return (n, at, part)
    return (len(_texts()), 0, part)  # not in a stored text (own data): by its wording


def in_document_order(quote: str) -> str:
    """The parts of a joined quote, sorted by document and position, duplicates dropped."""
    if SEPARATOR not in quote:
        return quote
    parts = list(dict.fromkeys(quote.split(SEPARATOR)))
    return SEPARATOR.join(sorted(parts, key=_position))
