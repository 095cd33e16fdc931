"""Sections of a plain-text report: a quote from a report is cited by the heading it stands under.

Reports come as running text with short heading lines ("Registermodernisierung") between their
paragraphs. A heading is a short line without sentence punctuation; a quote is cited as
"Abschnitt »Registermodernisierung«, Absatz 3" (the paragraph counted within the section).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MAX_HEADING = 80


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


def locate(text: str, quote: str) -> str | None:
    """Where a verbatim quote stands: `Abschnitt »…«, Absatz n`; None if it is not in the text.

    Quotes joined with " […] " are located part by part; distinct places are joined by "; ".
    """
    paras = paragraphs(text)
    headings = {_heading_text(line) for line in text.splitlines() if _is_heading(line)}
    places: list[str] = []
    for part in quote.split("[…]"):
        part = " ".join(part.strip(" .…").split())
        if not part:
            continue
        hit = next((p for p in paras if part in p.text), None)
        if hit is None and part in headings:
            places.append(f"Überschrift »{part}«")
            continue
        if hit is None:
            return None
        place = f"Abschnitt »{hit.heading}«, Absatz {hit.number}" if hit.heading else ""
        place = place or f"Absatz {hit.number}"
        if place not in places:
            places.append(place)
    return "; ".join(places) or None
