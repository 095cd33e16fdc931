"""The typed `Answer` every face renders: the terminal, the web page and JSON.

A question (graph/answers/questions.py) returns one Answer: its title and day, a header of how
much stands behind it, groups of entries (one per actor or item, with roles, shares and periods
joined on one line), the evidence of each entry (source, locator, quote), the claims another
source overrules, and hints where to look next. The faces only lay it out; `rows` keeps every
field of every row for JSON, CSV and TSV, so scripts lose nothing the screen leaves out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from govgraph.graph.answers.records import TypedRow, as_json


@dataclass(frozen=True)
class Evidence:
    """One quote behind an entry: the source's short name, the locator (§ 8 Abs. 1 Satz 3 or a
    report's section) and the verbatim quote (whole; faces shorten it at word boundaries)."""

    source: str
    locator: str
    quote: str
    primary: bool = False


@dataclass(frozen=True)
class Overruled:
    """A claim the graph does not follow: who said what, and what overrules it (or that the
    sources dispute each other)."""

    source: str
    locator: str
    quote: str
    state: str  # "superseded" or "disputed"
    by_source: str = ""
    by_locator: str = ""
    rule: str = ""


@dataclass(frozen=True)
class Entry:
    """One actor (who) or item (what, deadlines, demands): its name (short name first, the long
    name once), what it does on one line, notes (certainty, route), evidence and overruled
    claims."""

    name: str
    iri: str = ""
    long_name: str = ""
    details: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    overruled: tuple[Overruled, ...] = ()
    lines: tuple[str, ...] = ()  # more about the item, each on its own line (a source's title)
    link: str = ""  # what the item's name leads to on the web: "entity" (by `iri`) or "source"


@dataclass(frozen=True)
class Group:
    """Entries under one heading (Betrieb, Entscheidung und Steuerung, Finanzierung …)."""

    key: str
    title: str
    entries: tuple[Entry, ...] = ()
    overruled: tuple[Overruled, ...] = ()  # claims of actors the group shows no entry for
    note: str = ""  # one line under the heading (a conflict's rule and why)
    names: tuple[str, ...] = ()  # names in the title that a reader takes in whole (a chain's)


@dataclass(frozen=True)
class Hint:
    """Where to look next, said once for every face: the words, what a terminal types
    (`command`) and the web page that answers it (`page` with its `query`). `kind` is
    "conflicts" (the header's count of conflicts points there) or "search"."""

    kind: str
    text: str
    command: str
    page: str
    query: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Answer:
    """What a question answers, for every face."""

    question: str
    title: str
    day: str = ""  # ISO day the answer speaks of, "" for all times
    stats: tuple[str, ...] = ()
    note: str = ""  # e.g. nothing holds on the day: what holds before or after it
    groups: tuple[Group, ...] = ()
    hints: tuple[Hint, ...] = ()
    rows: tuple[TypedRow | Mapping[str, object], ...] = field(default=(), repr=False)
    columns: tuple[str, ...] = ()  # CSV/TSV columns of `rows`
    overruled_quotes: frozenset[str] = frozenset()  # quotes a grid must not show as evidence

    def records(self) -> list[dict[str, object]]:
        """Every row with every field (JSON, CSV, TSV; the web page's JSON twin)."""
        return [as_json(r) for r in self.rows]

    @property
    def entry_count(self) -> int:
        return sum(len(g.entries) for g in self.groups)
