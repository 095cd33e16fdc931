"""Claims in answers: each row with the sources that state its fact, and superseded or disputed
claims kept out of the evidence.

The index of claims (which source states which fact, with what quote; which conflict overrules
what) is provenance and lives in graph/sources/claims.py; this module is what the answers make
of it, so who/what/deadlines/show all speak of sources the same way: short names, a count, and a
certainty of "superseded" or "disputed" where a conflict says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from govgraph.graph.answers.quotes import SEPARATOR
from govgraph.graph.answers.records import SOURCING_FIELDS, AnswerRow, QuotePart, Sourcing
from govgraph.graph.i18n import message
from govgraph.graph.sources.claims import Claims, Record, SourceRef, find_source
from govgraph.graph.store.backend import Backend


def decorate(
    records: Iterable[Record | AnswerRow],
    claims: Claims,
    key: str,
    lang: str,
    at: date | None,
    source: str | None = None,
    all_claims: bool = False,
) -> list[Record | AnswerRow]:
    """Add sources and claim state to answer records keyed by the fact IRI in `key` (a typed
    row stays a row of its type, with `sourcing`; a plain dict stays a dict).

    Superseded claims are left out unless `all_claims`; with `source` (an IRI) only facts that
    source states remain. Certainty becomes "überholt"/"umstritten" where a conflict says so.
    """
    tainted = overruled_quotes(claims, at)
    counted: dict[int, str] = {}  # source count → its words ("2 Quellen"), looked up once
    certainty: dict[str, str] = {}  # claim state → the certainty it words
    out: list[Record | AnswerRow] = []
    for record in records:
        fact = str(record.get(key) or "")
        refs = claims.sources.get(fact, ())
        if source and all(r.iri != source for r in refs):
            continue
        state = claims.state(fact, at) if fact in claims.sides else ""
        if state == "superseded" and not all_claims:
            continue
        iris = {r.iri for r in refs}
        sources = ", ".join(dict.fromkeys(r.short for r in refs))
        count = len(iris)
        if count not in counted:
            counted[count] = source_count_label(count, lang)
        if state and state not in certainty:
            certainty[state] = message(f"sources.state.{state}", lang)
        sourcing = Sourcing(
            sources=sources,
            source_count=count,
            sources_text=sources + (f" ({counted[count]})" if counted[count] else ""),
            source_iris=" ".join(sorted(iris)),
            locators="; ".join(
                f"{where} {r.short}" if r.primary else where for r in refs for where in r.locators
            ),
            claim_state=state,
            rule=claims.rule_of(fact) if state else "",
            quote_parts=quote_parts(str(record.get("quote") or ""), refs, tainted),
        )
        if isinstance(record, AnswerRow):
            out.append(record.with_sourcing(sourcing, certainty[state] if state else None))
            continue
        decorated = dict(record)
        decorated.update({name: getattr(sourcing, name) for name in SOURCING_FIELDS})
        decorated["quote_parts"] = [vars(p).copy() for p in sourcing.quote_parts]
        if state:
            decorated["certainty"] = certainty[state]
        out.append(decorated)
    return out


def overruled_quotes(claims: Claims, at: date | None) -> set[str]:
    """Quotes that speak for a superseded or disputed claim as of `at`: never evidence."""
    return {
        side.quote
        for fact, sides in claims.sides.items()
        if claims.state(fact, at) in ("superseded", "disputed")
        for side in sides
        if not side.preferred and side.quote
    }


def quote_parts(joined: str, refs: Sequence[SourceRef], tainted: set[str]) -> tuple[QuotePart, ...]:
    """The quotes a row's `quote` joins, each with its source and locator and whether it is
    overruled, so that scripts need not split the joined text nor take »hälftig« for evidence."""
    if not joined:
        return ()
    where = {q: (ref.short, loc) for ref in refs for loc, q in ref.quotes} if refs else {}
    unknown = ("", "")
    return tuple(
        QuotePart(part, *where.get(part, unknown), part in tainted)
        for part in dict.fromkeys(joined.split(SEPARATOR))
        if part
    )


def claims_for(backend: Backend, lang: str, source_name: str | None) -> tuple[Claims, str | None]:
    """The claims index and the IRI of the source a user named (`--source NAME`), if any."""
    from govgraph.graph.answers.precomputed import claims

    source = find_source(backend, lang, source_name)["iri"] if source_name else None
    return claims(backend, lang), source


def source_count_label(count: int, lang: str) -> str:
    return message("sources.count", lang, count=count) if count > 1 else ""
