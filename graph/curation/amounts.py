"""Money and shares in German text: "53,4 Prozent", "25 %", "hälftig", "1,5 Mio. Euro".

Shares become decimals between 0 and 1 (as gg:share wants them), amounts a number and a currency.
German number format: "." groups thousands, "," is the decimal mark. Words for shares are the
ones the sources use ("hälftig", "zur Hälfte", "vollständig", "ein Drittel", "zwei Drittel");
"vollständig" only counts next to a word of financing, since it is common in other senses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_PERCENT = re.compile(rf"(?<![\w,.])({_NUMBER})\s?(?:%|Prozent\b|v\.\s?H\.)")
_SCALE = {"Tsd": 1000, "Tausend": 1000, "Mio": 10**6, "Millionen": 10**6, "Million": 10**6,
          "Mrd": 10**9, "Milliarden": 10**9, "Milliarde": 10**9}  # fmt: skip
_MONEY = re.compile(
    rf"(?<![\w,.])({_NUMBER})\s?(Tsd\.|Tausend|Mio\.|Millionen|Million|Mrd\.|Milliarden|Milliarde)?"
    r"\s?(Euro\b|EUR\b|€)"
)
_MONEY_PREFIX = re.compile(rf"(?:€|EUR)\s?({_NUMBER})")
_FRACTIONS = {"Hälfte": "0.5", "Drittel": "0.3333", "Viertel": "0.25"}
_SHARE_WORDS = re.compile(
    r"\b(hälftig|zur Hälfte|je zur Hälfte|die Hälfte|(?:ein|zwei)\s+Drittel|ein\s+Viertel|"
    r"drei\s+Viertel|vollständig|in voller Höhe)\b"
)
_FINANCE = re.compile(r"(?i)finanz|kosten|mittel|haushalt|trägt|tragen|zahl|förder|anteil")


@dataclass(frozen=True)
class Amount:
    """A share (currency "") or an amount of money, with the exact text it came from."""

    text: str
    start: int
    end: int
    value: Decimal
    currency: str = ""  # "" for a share

    @property
    def is_share(self) -> bool:
        return not self.currency


def number(text: str) -> Decimal:
    """German digits as a Decimal: "1.234,5" → 1234.5."""
    return Decimal(text.replace(".", "").replace(",", "."))


def _share_word(word: str) -> Decimal:
    word = " ".join(word.split())
    if word in ("vollständig", "in voller Höhe"):
        return Decimal(1)
    if "Hälfte" in word or word == "hälftig":
        return Decimal("0.5")
    count = {"ein": 1, "zwei": 2, "drei": 3}[word.split()[0]]
    return (count * Decimal(_FRACTIONS[word.split()[1]])).quantize(Decimal("0.0001"))


def find_amounts(text: str) -> list[Amount]:
    """Every percentage, share word and sum of money in `text`, in order."""
    found: list[Amount] = []
    for m in _PERCENT.finditer(text):
        value = (number(m.group(1)) / 100).normalize()
        found.append(Amount(m.group(0), m.start(), m.end(), value))
    for m in _MONEY.finditer(text):
        scale = _SCALE.get((m.group(2) or "").rstrip("."), 1)
        found.append(Amount(m.group(0), m.start(), m.end(), number(m.group(1)) * scale, "EUR"))
    for m in _MONEY_PREFIX.finditer(text):
        if not any(a.start <= m.start() < a.end for a in found):
            found.append(Amount(m.group(0), m.start(), m.end(), number(m.group(1)), "EUR"))
    financing = bool(_FINANCE.search(text))
    for m in _SHARE_WORDS.finditer(text):
        if m.group(1) in ("vollständig", "in voller Höhe") and not financing:
            continue
        found.append(Amount(m.group(0), m.start(), m.end(), _share_word(m.group(1))))
    return sorted(found, key=lambda a: a.start)
