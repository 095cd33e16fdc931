"""Where a quote stands in its source: the norm of a law, the section of a report.

One entry point for the loader's checks, the curation tools and the fact files: a source is a
plain text, optionally with the original gesetze-im-internet.de XML beside it (then quotes are
cited by norm), and the locator is computed from the document's own structure, never by hand.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from govgraph.graph.sources import sections
from govgraph.graph.sources.gii import Law, normalise, parse_gii

TITLE = "Überschrift"
NOTES = "Stand/Hinweise"


@lru_cache(maxsize=32)
def _law(path: Path) -> Law:
    return parse_gii(path)


def locate(text: str, quote: str, original: Path | None = None) -> str | None:
    """The locator of a verbatim `quote` in a source whose plain text is `text`.

    With `original` (GII XML) the norm (`§ 8 Abs. 1 Satz 3`), the title or the official notes;
    otherwise the report's section and paragraph. None when the quote is not in the source.
    """
    if original is not None and original.suffix.lower() == ".xml":
        law = _law(original)
        found = law.locate(quote)
        if found:
            return found
        flat = normalise(quote)
        if any(flat in note for note in law.notes):
            return NOTES
        if flat in law.title or flat in normalise(text.split("\n\n", 1)[0]):
            return TITLE
        return None
    return sections.locate(text, quote)
