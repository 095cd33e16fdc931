"""German date expressions with their precision: "Mitte 2026" is not "30.06.2026".

A hand-written matcher rather than a general date parser: the phrases of administrative German
are few ("bis Ende 2025", "ab dem 1. Januar 2027", "zum 30.06.2026", "im zweiten Halbjahr 2025",
"Herbst 2024", "für die Jahre 2025 und 2026"), and what matters is the precision and the earliest
and latest day a phrase allows — which general parsers replace by an invented day. The leading
preposition ("bis", "ab dem", "spätestens zum") is part of the match: it says whether the date is
a deadline, a start or a point.

Not found: relative expressions ("nach Ablauf des vierten auf die Verkündung folgenden
Kalenderjahres", "binnen drei Monaten"), weekdays, and years without a cue word (a bare "2024"
is too often a citation such as "BGBl. 2024 I Nr. 245").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("Januar", "Jänner"),
            ("Februar",),
            ("März",),
            ("April",),
            ("Mai",),
            ("Juni",),
            ("Juli",),
            ("August",),
            ("September",),
            ("Oktober",),
            ("November",),
            ("Dezember",),
        ],
        start=1,
    )
    for m in names
}
MONTHS_EN = "January February March April May June July August September October November December"
_EN = MONTHS_EN.split()
_MONTH = "(?:" + "|".join(MONTHS) + ")"
_YEAR = r"(?:19|20)\d\d"
_CUE = (
    r"(?i:(?:(?:spätestens|frühestens|bereits|erst|noch|voraussichtlich)\s+)?"
    r"(?:(?:bis\s+(?:zum|zur|spätestens)?|ab\s+(?:dem)?|seit\s+(?:dem)?|zum|zur|am|im|"
    r"vom|mit\s+Wirkung\s+vom|mWv|vor\s+dem|nach\s+dem|bis)\s*)?)"
)
_ORD = {"erste": 1, "zweite": 2, "ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4}
_ORD |= {f"{n}.": n for n in range(1, 5)}
_SEASONS = {"Frühjahr": (3, 5), "Frühling": (3, 5), "Sommer": (6, 8), "Herbst": (9, 11)}
_SEASONS_EN = {"Frühjahr": "spring", "Frühling": "spring", "Sommer": "summer", "Herbst": "autumn"}

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("day_words", re.compile(rf"(?<![\w.]){_CUE}(\d{{1,2}})\.\s?({_MONTH})\s+({_YEAR})\b")),
    ("day_iso", re.compile(rf"(?<![\w.-]){_CUE}({_YEAR})-(\d\d)-(\d\d)\b")),
    ("day_digits", re.compile(rf"(?<![\w.]){_CUE}(\d{{1,2}})\.(\d{{1,2}})\.({_YEAR})\b")),
    ("quarter", re.compile(rf"{_CUE}(?:dem\s+|das\s+)?(ersten|zweiten|dritten|vierten|[1-4]\.)"
                           rf"\s+Quartal(?:s)?\s+(?:des\s+Jahres\s+)?({_YEAR})\b")),
    ("quarter_q", re.compile(rf"{_CUE}\bQ([1-4])[ /]({_YEAR})\b")),
    ("half", re.compile(rf"{_CUE}(?:dem\s+|das\s+)?(ersten?|zweiten?|1\.|2\.)\s+Halbjahr(?:es|s)?"
                        rf"\s+(?:des\s+Jahres\s+)?({_YEAR})\b")),
    ("mid", re.compile(rf"{_CUE}\bMitte\s+(?:des\s+Jahres\s+)?({_YEAR})\b")),
    ("end", re.compile(rf"{_CUE}\b(Ende|Anfang|Beginn|Jahresende|Jahresanfang)\s+"
                       rf"(?:des\s+Jahres\s+)?({_YEAR})\b")),
    ("season", re.compile(rf"{_CUE}\b(Frühjahr|Frühling|Sommer|Herbst)(?:s|es)?\s+({_YEAR})\b")),
    ("month", re.compile(rf"(?<![\d.]\s){_CUE}\b({_MONTH})\s+({_YEAR})\b")),
    ("years", re.compile(rf"{_CUE}\b(?:(?:dem|den|das|die)\s+)?(?:Haushalts)?[Jj]ahr(?:e|en|es)?\s+"
                         rf"({_YEAR}(?:\s*(?:,|und|bis|sowie|/)\s*{_YEAR})*)\b")),
    ("year_cue", re.compile(rf"(?<!\w)((?:bis|ab|seit|spätestens|zum|im)\s+(?:Jahr\s+)?)({_YEAR})\b"
                            rf"(?!\s*(?:I\b|Nr|S\.|,\s*S\.))")),
]  # fmt: skip


_ANY_YEAR = re.compile(_YEAR)


@dataclass(frozen=True)
class DateMatch:
    """A date phrase: its exact text and position, precision, earliest and latest day."""

    text: str
    start: int
    end: int
    precision: str  # day, month, quarter, season, halfYear, year
    not_before: date
    not_after: date
    label_en: str

    @property
    def core(self) -> str:
        """The date without its cue words: "Mitte 2026" of "spätestens bis Mitte 2026"."""
        cue = re.match(_CUE, self.text)
        rest = self.text[cue.end() if cue else 0 :].strip()
        return re.sub(r"^(?:dem|den|das|die)\s+", "", rest) or self.text

    @property
    def xsd(self) -> tuple[str, str]:
        """(OWL-Time property, value) for the precision: inXSDDate, inXSDgYearMonth, inXSDgYear."""
        if self.precision == "day":
            return "inXSDDate", self.not_before.isoformat()
        if self.precision == "month":
            return "inXSDgYearMonth", self.not_before.isoformat()[:7]
        return "inXSDgYear", str(self.not_before.year)

    @property
    def key(self) -> str:
        return f"{self.precision}-{self.not_before.isoformat()}-{self.not_after.isoformat()}"


def _last(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _make(kind: str, m: re.Match[str]) -> list[DateMatch]:
    g = m.groups()
    text, start, end = m.group(0).strip(), m.start() + _lead(m.group(0)), m.end()

    def one(precision: str, a: date, b: date, en: str) -> list[DateMatch]:
        return [DateMatch(text, start, end, precision, a, b, en)]

    if kind == "day_words":
        d = date(int(g[2]), MONTHS[g[1]], int(g[0]))
        return one("day", d, d, f"{d.day} {_EN[d.month - 1]} {d.year}")
    if kind == "day_iso":
        d = date(int(g[0]), int(g[1]), int(g[2]))
        return one("day", d, d, f"{d.day} {_EN[d.month - 1]} {d.year}")
    if kind == "day_digits":
        d = date(int(g[2]), int(g[1]), int(g[0]))
        return one("day", d, d, f"{d.day} {_EN[d.month - 1]} {d.year}")
    if kind in ("quarter", "quarter_q"):
        q, y = (_ORD[g[0]] if kind == "quarter" else int(g[0])), int(g[1])
        return one("quarter", date(y, 3 * q - 2, 1), _last(y, 3 * q), f"Q{q} {y}")
    if kind == "half":
        h, y = _ORD[g[0]], int(g[1])
        first, name = (1, "first") if h == 1 else (7, "second")
        return one("halfYear", date(y, first, 1), _last(y, first + 5), f"{name} half of {y}")
    if kind == "mid":
        y = int(g[0])
        return one("halfYear", date(y, 4, 1), date(y, 9, 30), f"mid-{y}")
    if kind == "end":
        y = int(g[1])
        if g[0] in ("Ende", "Jahresende"):
            return one("quarter", date(y, 10, 1), date(y, 12, 31), f"end of {y}")
        return one("quarter", date(y, 1, 1), date(y, 3, 31), f"start of {y}")
    if kind == "season":
        a, b = _SEASONS[g[0]]
        y = int(g[1])
        return one("season", date(y, a, 1), _last(y, b), f"{_SEASONS_EN[g[0]]} {y}")
    if kind == "month":
        y, mo = int(g[1]), MONTHS[g[0]]
        return one("month", date(y, mo, 1), _last(y, mo), f"{_EN[mo - 1]} {y}")
    if kind == "years":
        years = [int(y) for y in re.findall(_YEAR, g[0])]
        if re.search(r"\d\s*bis\s*\d", g[0]) and len(years) == 2:
            years = list(range(years[0], years[1] + 1))
        return [
            DateMatch(text, start, end, "year", date(y, 1, 1), date(y, 12, 31), str(y))
            for y in years
        ]
    y = int(g[1])
    return one("year", date(y, 1, 1), date(y, 12, 31), str(y))


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def find_dates(text: str) -> list[DateMatch]:
    """Every date phrase in `text`, earliest first; a longer phrase wins over one inside it."""
    if not _ANY_YEAR.search(text):  # every pattern needs a year: most sentences have none
        return []
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            try:
                matches = _make(kind, m)
            except ValueError:  # 31.02.2026 and the like: not a date
                continue
            if not matches or any(s < matches[0].end and matches[0].start < e for s, e in taken):
                continue
            taken.append((matches[0].start, matches[0].end))
            found.extend(matches)
    return sorted(found, key=lambda d: (d.start, d.not_before))
