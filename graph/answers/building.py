"""From sourced rows to entries: evidence per quote, overruled claims apart, one line of roles.

Shared by the questions (graph/answers/questions.py). A row's evidence is each quote of its
fact under its own source and locator (the claims index holds them, read once); a quote that is
the evidence of a superseded or disputed claim never stands as evidence, it becomes an
`Overruled` line naming what overrules it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date

from govgraph.graph.answers.model import Evidence, Overruled
from govgraph.graph.answers.records import AnswerRow
from govgraph.graph.i18n import message
from govgraph.graph.sources.claims import PRIMARY, Claims

BAD_STATES = ("superseded", "disputed")


def percent(share: float | None, lang: str) -> str:
    """A share (0.466) as the reader writes it: "46,6 %" in German, "46.6 %" in English."""
    if share is None:
        return ""
    value = f"{round(float(share) * 100, 1):g}"
    return f"{value.replace('.', message('answers.decimal_sign', lang))} %"


class Citations:
    """Evidence and overruled claims of facts, from one claims index, as of one day."""

    def __init__(
        self,
        claims: Claims,
        day: date | None,
        quote_sources: Callable[[], Mapping[str, tuple[str, str]]] | None = None,
    ) -> None:
        self.claims = claims
        self.day = day
        self._quote_sources = quote_sources
        self._found: Mapping[str, tuple[str, str]] | None = None
        # Quotes that speak for an overruled or disputed claim: never evidence for another row.
        self.tainted: set[str] = {
            side.quote
            for fact, sides in claims.sides.items()
            if claims.state(fact, day) in BAD_STATES
            for side in sides
            if not side.preferred and side.quote
        }

    def state(self, fact: str) -> str:
        return self.claims.state(fact, self.day) if fact else ""

    def evidence(self, fact: str, fallback: str = "") -> list[Evidence]:
        """Each quote of `fact` with its source and locator; `fallback` (the row's own quote)
        where the index knows none (a relation without a fact node)."""
        out = []
        for ref in self.claims.sources.get(fact, []) if fact else []:
            for locator, quote in ref.quotes:
                if quote not in self.tainted:
                    out.append(Evidence(ref.short, locator, quote, ref.kind == PRIMARY))
        if not out and fallback and fallback not in self.tainted and not self.state(fact):
            parts = [part for part in fallback.split(" […] ") if part]
            out = [Evidence(*self.place_of(part), part) for part in parts]
        return out

    def place_of(self, quote: str) -> tuple[str, str]:
        """The short name of the source a quote without a fact node comes from, and its place
        there (the map read once); ("", "") where unknown."""
        if self._found is None:
            self._found = self._quote_sources() if self._quote_sources else {}
        return self._found.get(quote, ("", ""))

    def overruled(self, fact: str) -> list[Overruled]:
        """What the answer does not follow for `fact` (empty unless it is overruled/disputed)."""
        state = self.state(fact)
        if state not in BAD_STATES:
            return []
        return [
            Overruled(
                side.source,
                side.locator,
                side.quote,
                state,
                side.by[0],
                side.by[1],
                side.rule_label,
            )
            for side in self.claims.sides.get(fact, [])
            if not side.preferred
        ]


def merged_evidence(items: Iterable[Evidence]) -> tuple[Evidence, ...]:
    """Evidence without repeats, primary sources first (a treaty before a report about it); a
    quote that another quote of the same source contains adds nothing and is left out."""
    unique = list({(e.source, e.quote): e for e in items}.values())
    kept = [
        e
        for e in unique
        if not any(o is not e and o.source == e.source and e.quote in o.quote for o in unique)
    ]

    def place(e: Evidence) -> int:
        """A quote stands where the first quote it contains stood: the part quoted for the
        first row ("in Höhe von 46,6 %") keeps its place when its whole sentence replaces it."""
        return min(i for i, o in enumerate(unique) if o.source == e.source and o.quote in e.quote)

    return tuple(sorted(kept, key=lambda e: (not e.primary, place(e))))


def merged_overruled(items: Iterable[Overruled]) -> tuple[Overruled, ...]:
    return tuple({(o.source, o.quote): o for o in items}.values())


def detail(role: str, share: float | None, period: str, lang: str) -> str:
    """ "Finanzierung 46,6 % ab 2027": role, share and period on one line."""
    return " ".join(p for p in (role, percent(share, lang), period) if p)


def details(rows: Sequence[AnswerRow], lang: str) -> tuple[str, ...]:
    """The rows' roles joined: a role without share is left out where the same role and period
    has one (the treaty's "46,6 %" says all that "Finanzierung ab 2027" says)."""
    with_share = {(r.get("role"), r.get("period")) for r in rows if r.get("share") is not None}
    out = []
    for r in rows:
        if r.get("share") is None and (r.get("role"), r.get("period")) in with_share:
            continue
        text = detail(str(r.get("role") or ""), r.get("share"), str(r.get("period")), lang)
        out.append(f"{text} ({r.get('via')})" if r.get("via") and text else text)
    return tuple(dict.fromkeys(d for d in out if d))


def notes(rows: Sequence[AnswerRow], lang: str) -> tuple[str, ...]:
    """What a reader must know beside the roles (which carry their route): what an inferred
    row rests on, that a claim is disputed."""
    stated = message("answers.stated", lang)
    out = []
    for r in rows:
        certainty = str(r.get("certainty") or "")
        if certainty and certainty != stated:
            note = r.get("inferred_from")
            out.append(f"{certainty}: {note}" if note else certainty)
    return tuple(dict.fromkeys(out))
