"""Answers for policy staff: run the named queries and shape their rows into plain records.

The queries in queries/ decide what counts (structure, validity on a day, ranking); this module
only turns RDF terms into Python values, words periods and derivations in the chosen language and
merges rows that differ only in how they were found. Records use stable English keys, so the
CLI can print them as tables, JSON or CSV.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pyoxigraph as ox

from govgraph.graph.answers.quotes import in_document_order
from govgraph.graph.answers.records import DeadlineRow, DemandRow, WhatRow, WhoRow
from govgraph.graph.errors import NotFoundError
from govgraph.graph.i18n import message
from govgraph.graph.sparql.runner import Value, run_named
from govgraph.graph.store.backend import Backend, Row

# Cards, statuses and source records are still plain dicts (see records.py for answer rows).
Record = dict[str, object]


class NoResults(NotFoundError):
    """A question with an empty answer (exit 1, one line)."""

    def __init__(self, what: str, lang: str = "de") -> None:
        # German users get both languages (scripts match the English half); --lang en: English.
        super().__init__(message("answers.no_results", lang, what=what))


def run(backend: Backend, name: str, lang: str, **params: Value) -> list[Row]:
    """A named query in the user's language: `run_named` with `lang` bound (None = unbound)."""
    return run_named(backend, name, lang=lang, **params)


def text(row: Mapping[str, object], key: str) -> str:
    term = row.get(key)
    return term.value if term is not None else ""


def number(row: Mapping[str, object], key: str) -> float | None:
    term = row.get(key)
    try:
        return float(term.value) if term is not None else None
    except ValueError:
        return None


def sorted_names(joined: str) -> str:
    """Names joined by GROUP_CONCAT ("a; b") in one order: engines join them differently."""
    return "; ".join(sorted(dict.fromkeys(joined.split("; ")), key=str.casefold)) if joined else ""


# --- wording -----------------------------------------------------------------------------------

# Routes by which a row reaches the subject that have a wording of their own (else "via X").
_ROUTES = ("unit", "narrower", "part", "implements", "concerns")


def period(row: Mapping[str, object], lang: str) -> str:
    """The period as the source words it: "2025–2026", "ab 2027", "bis Mitte 2026", "Mai 2025"."""
    begin, end = text(row, "beginLabel"), text(row, "endLabel")
    if begin and end:
        return begin if begin == end else f"{begin}–{end}"
    if begin:
        return message("answers.period_from", lang, value=begin)
    if end:
        return message("answers.period_until", lang, value=end)
    if text(row, "dueLabel"):
        return message("answers.period_by", lang, value=text(row, "dueLabel"))
    return text(row, "timeLabel")


def bounds(row: Mapping[str, object]) -> tuple[str, str]:
    """Earliest and latest day of the period (ISO), empty where the source leaves it open."""
    start = text(row, "beginFrom") or text(row, "timeFrom") or text(row, "dueFrom")
    end = text(row, "endTo") or text(row, "timeTo") or text(row, "dueTo")
    if text(row, "beginLabel") and not text(row, "endLabel"):
        end = ""
    if text(row, "endLabel") and not text(row, "beginLabel"):
        start = ""
    return start, end


def _via(row: Mapping[str, object], lang: str, route_key: str, through_key: str) -> str:
    """How a row reaches the subject ("über Unterthema X; über Einheit Y"); "" when directly."""
    parts = []
    route = text(row, route_key)
    if route and route != "direct":
        key = f"answers.via_{route}" if route in _ROUTES else "answers.via_related"
        parts.append(message(key, lang, name=text(row, through_key)))
    if text(row, "unitLabel"):
        parts.append(message("answers.via_unit", lang, name=text(row, "unitLabel")))
    return "; ".join(parts)


def _stated(row: Mapping[str, object], lang: str) -> dict[str, object]:
    """The fields who and what rows share: share, period and its bounds, certainty, quote."""
    start, end = bounds(row)
    return {
        "share": number(row, "share"),
        "period": period(row, lang),
        "start": start,
        "end": end,
        "certainty": text(row, "certaintyLabel"),
        "quote": in_document_order(text(row, "quote")),
        "source": text(row, "sourceLabel"),
    }


def _merge(records: list[WhoRow]) -> list[WhoRow]:
    """One row per fact, actor and via; the `via` texts of duplicates are joined (order kept)."""
    merged: dict[tuple[str, str, str], WhoRow] = {}
    for r in records:
        k = (r.fact_iri, r.actor_iri, r.via)
        if k not in merged:
            merged[k] = r
        elif r.via and r.via not in merged[k].via.split("; "):
            merged[k] = merged[k].updated(via="; ".join(p for p in (merged[k].via, r.via) if p))
    return list(merged.values())


# --- who ---------------------------------------------------------------------------------------


def who(backend: Backend, subject: str, lang: str, at: date | None) -> list[WhoRow]:
    """Every actor responsible for `subject` (an IRI), with role, period, certainty, via, quote."""
    records = [
        WhoRow(
            actor=text(row, "actorLabel"),
            actor_iri=text(row, "actor"),
            role=text(row, "roleLabel"),
            role_iri=text(row, "role"),
            fact_type=text(row, "factType"),
            via=_via(row, lang, "subjectRoute", "subjectLabel"),
            subject=text(row, "subjectLabel"),
            subject_iri=text(row, "subject"),
            fact=text(row, "factLabel"),
            fact_iri=text(row, "fact"),
            **_stated(row, lang),
        )
        for row in run(backend, "who-responsible", lang, subject=subject, at=at)
    ]
    return _merge(records)


# --- what --------------------------------------------------------------------------------------


def involvement(backend: Backend, actor: str, lang: str, at: date | None) -> list[WhatRow]:
    """Everything `actor` (an IRI) is responsible for, funds, belongs to, demanded or was asked."""
    return [
        WhatRow(
            relation=text(row, "relation"),
            relation_label=text(row, "relationLabel"),
            object=text(row, "objectLabel"),
            object_iri=text(row, "object"),
            counterpart=text(row, "otherLabel"),
            counterpart_iri=text(row, "other"),
            role=text(row, "roleLabel"),
            via=_via(row, lang, "", ""),
            statement=text(row, "itemLabel"),
            item_iri=text(row, "item"),
            **_stated(row, lang),
        )
        for row in run(backend, "actor-involvement", lang, actor=actor, at=at)
    ]


# --- deadlines ---------------------------------------------------------------------------------

STATUSES = ("past", "open", "upcoming")


def _when(row: Mapping[str, object], lang: str) -> str:
    """When a deadline falls, as the source words it (a day, a span, "bis …", "ab …")."""
    when = text(row, "timeLabel")
    if when:
        return when
    begin, finish = text(row, "beginLabel"), text(row, "endLabel")
    if begin and finish:
        return begin if begin == finish else f"{begin}–{finish}"
    if finish:
        return message("answers.period_until", lang, value=finish)
    if begin:
        return message("answers.period_from", lang, value=begin)
    return when


def deadlines(
    backend: Backend,
    lang: str,
    today: date,
    start: date | None = None,
    end: date | None = None,
    status: str | None = None,
) -> list[DeadlineRow]:
    """Deadlines and dated events in time order, with their status relative to `today`."""
    rows = run(
        backend,
        "deadlines",
        lang,
        today=today,
        **{"from": start, "to": end},
        status=ox.Literal(status) if status else None,
    )
    return [
        DeadlineRow(
            when=_when(row, lang),
            precision=text(row, "precisionLabel"),
            start=text(row, "start"),
            end=text(row, "end"),
            status=text(row, "status"),
            status_label=text(row, "statusLabel"),
            kind=text(row, "kind"),
            kind_label=text(row, "kindLabel"),
            what=text(row, "itemLabel"),
            new_status=text(row, "newStatusLabel"),
            concerns=sorted_names(text(row, "concerns")),
            actors=sorted_names(text(row, "actors")),
            certainty=text(row, "certaintyLabel"),
            quote=in_document_order(text(row, "quote")),
            iri=text(row, "item"),
        )
        for row in rows
    ]


# --- demands -----------------------------------------------------------------------------------


def demands(
    backend: Backend, lang: str, by: str | None = None, to: str | None = None
) -> list[DemandRow]:
    """Demands and positions, optionally only those by or to an actor (IRIs; units count)."""
    rows = run(backend, "demands", lang, by=by, to=to)
    out = []
    for row in rows:
        # The demand is stated, but to whom it goes the curator inferred.
        inferred = text(row, "addresseeCertainty").endswith("/inferred")
        out.append(
            DemandRow(
                actor=text(row, "actorLabel"),
                actor_iri=text(row, "actor"),
                addressee=text(row, "addresseeLabel"),
                addressee_iri=text(row, "addressee"),
                addressee_inferred=inferred,
                addressee_certainty=message("answers.inferred", lang) if inferred else "",
                kind=text(row, "kindLabel"),
                kind_iri=text(row, "kind"),
                about=sorted_names(text(row, "subjects")),
                when=text(row, "timeLabel"),
                start=text(row, "start"),
                end=text(row, "end"),
                certainty=text(row, "certaintyLabel"),
                statement=text(row, "demandLabel"),
                quote=in_document_order(text(row, "quote")),
                iri=text(row, "demand"),
            )
        )
    return out
