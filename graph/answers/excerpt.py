"""Quotes shortened for reading: whole words, at least the first sentence or about 200 characters.

A quote cut inside a word ("Bundesverwaltungsam…") or after 40 characters hides what the source
says. Every face shows the same excerpt, so it is made here: a quote that is not much longer
than the limit stays whole; a longer one ends at a sentence end, or else between two words,
marked with " …". The quote itself is never changed, only ended early.
"""

from __future__ import annotations

import re

MARK = "…"
LEAST = 200  # characters an excerpt keeps at least (or the whole first sentence)
MOST = 360  # a quote up to this long is shown whole; a longer first sentence is cut
SLACK = 80  # where no sentence ends in time: cut between words before LEAST + SLACK

# A sentence ends at . ! ? (or a closing quote after them) before a space and a capital letter,
# but not after an abbreviation or number that the sources use ("Abs.", "Nr.", "z. B.", "1.").
_END = re.compile(r"[.!?][«»\"“”)]?(?=\s+[A-ZÄÖÜ»„(])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Abs|Nr|Art|bzw|ggf|vgl|z\.\s?B|u\.\s?a|d\.\s?h|Dr|Prof|Bek|iVm|gem|mWv|Vtr|S|v)"
    r"|\b\d{1,2})\.$"
)


def sentence_ends(text: str) -> list[int]:
    """Positions just after each sentence end in `text`."""
    return [m.end() for m in _END.finditer(text) if not _ABBREVIATION.search(text[: m.end()])]


def excerpt(quote: str, least: int = LEAST, most: int = MOST) -> str:
    """`quote` for reading: whole up to `most` characters, else to the first sentence end at or
    after `least` characters (if not beyond `most`), else to the last word boundary before
    `least` + SLACK."""
    text = " ".join(quote.split())
    if len(text) <= max(least + SLACK, most):
        return text
    for end in sentence_ends(text):
        if least <= end <= most:
            return text[:end] + " " + MARK
        if end > most:
            break
    cut = text[: least + SLACK]
    cut = cut[: cut.rfind(" ")] if " " in cut else cut
    return cut.rstrip(",;:–- ") + " " + MARK
