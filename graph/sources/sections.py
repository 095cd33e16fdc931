"""Sections of a plain-text report: a quote from a report is cited by the heading it stands under.

Reports come as running text with short heading lines ("Registermodernisierung") between their
paragraphs. A heading is a short line without sentence punctuation; a quote is cited as
"Abschnitt »Registermodernisierung«, Absatz 3" (the paragraph counted within the section).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

_MAX_HEADING = 80
_EDGE = 4  # characters of a quote's first and last word that index its paragraphs


@dataclass(frozen=True)
class Paragraph:
    """One paragraph (line) of running text and the heading it stands under."""

    heading: str
    number: int  # 1-based within its section
    text: str


def _is_heading(line: str) -> bool:
    line = line.strip()
    if re.match(r"#{1,6} ", line):  # a Markdown heading
        return True
    return 0 < len(line) <= _MAX_HEADING and not re.search(r"[.:;!?,]$", line)


def _heading_text(line: str) -> str:
    """The heading's words, without Markdown's leading #."""
    return re.sub(r"^#{1,6} +", "", line.strip())


def paragraphs(text: str) -> list[Paragraph]:
    """The text's paragraphs, each with its section heading and number within the section."""
    found: list[Paragraph] = []
    heading, number = "", 0
    for line in text.splitlines():
        if not line.strip():
            continue
        if _is_heading(line):
            heading, number = _heading_text(line), 0
            continue
        number += 1
        found.append(Paragraph(heading, number, " ".join(line.split())))
    return found


class _Index:
    """A text's paragraphs and headings, read once, with every paragraph's words indexed.

    A paragraph that contains a quote contains each inner word of it as a whole word, a word
    that begins with its last word and one that ends with its first. Locating a quote scans,
    in order, only the paragraphs that meet the rarest of these conditions: drafting locates
    each of a text's sentences, and a scan of every paragraph for each was quadratic (2,000
    lines: 22 of 33 seconds).
    """

    def __init__(self, text: str) -> None:
        self.paras = paragraphs(text)
        self.headings = {_heading_text(line) for line in text.splitlines() if _is_heading(line)}
        self.joined = "\n".join(p.text for p in self.paras)
        self.starts = list(itertools.accumulate((len(p.text) + 1 for p in self.paras), initial=0))
        self.keys: dict[str, list[int]] = {}
        for i, p in enumerate(self.paras):
            words = set(p.text.split())
            keys = {"w" + w for w in words} | {"p" + w[:_EDGE] for w in words}
            for key in keys | {"s" + w[-_EDGE:] for w in words}:
                self.keys.setdefault(key, []).append(i)

    def first(self, part: str) -> Paragraph | None:
        """The first paragraph that contains `part` (whitespace already normalised)."""
        words = part.split()
        keys = ["w" + w for w in words[1:-1]]
        if len(words) > 1:
            keys += ["p" + words[-1][:_EDGE]] if len(words[-1]) >= _EDGE else []
            keys += ["s" + words[0][-_EDGE:]] if len(words[0]) >= _EDGE else []
        if keys:
            candidates = min((self.keys.get(k, ()) for k in keys), key=len)
            return next((self.paras[i] for i in candidates if part in self.paras[i].text), None)
        at = self.joined.find(part)  # a short piece: C speed over the joined paragraphs
        return None if at < 0 else self.paras[bisect.bisect_right(self.starts, at) - 1]


@lru_cache(maxsize=8)
def _index(text: str) -> _Index:
    return _Index(text)


def locate(text: str, quote: str) -> str | None:
    """Where a verbatim quote stands: `Abschnitt »…«, Absatz n`; None if it is not in the text.

    Quotes joined with " […] " are located part by part; distinct places are joined by "; ".
    """
    index = _index(text)
    places: list[str] = []
    for part in quote.split("[…]"):
        part = " ".join(part.strip(" .…").split())
        if not part:
            continue
        hit = index.first(part)
        if hit is None and part in index.headings:
            places.append(f"Überschrift »{part}«")
            continue
        if hit is None:
            return None
        place = f"Abschnitt »{hit.heading}«, Absatz {hit.number}" if hit.heading else ""
        place = place or f"Absatz {hit.number}"
        if place not in places:
            places.append(place)
    return "; ".join(places) or None
