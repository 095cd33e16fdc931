"""Answers for policy staff: run the named queries and shape their rows into plain records.

The queries in queries/ decide what counts (structure, validity on a day, ranking); this module
only turns RDF terms into Python values, words periods and derivations in the chosen language and
merges rows that differ only in how they were found. Records use stable English keys, so the
CLI can print them as tables, JSON or CSV.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

import pyoxigraph as ox

from govgraph.graph.answers import labelled
from govgraph.graph.answers.labelled import actor_involvement, who_responsible
from govgraph.graph.answers.quotes import in_document_order
from govgraph.graph.answers.records import DeadlineRow, DemandRow, SearchRow, WhatRow, WhoRow
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


def _span(begin: str, end: str, lang: str) -> str:
    """A span as the source words it: "2025–2026", "ab 2027", "bis Mitte 2026" ("": none)."""
    if begin and end:
        return begin if begin == end else f"{begin}–{end}"
    if begin:
        return message("answers.period_from", lang, value=begin)
    if end:
        return message("answers.period_until", lang, value=end)
    return ""


def period(row: Mapping[str, object], lang: str) -> str:
    """The period as the source words it: "2025–2026", "ab 2027", "bis Mitte 2026", "Mai 2025"."""
    span = _span(text(row, "beginLabel"), text(row, "endLabel"), lang)
    if span:
        return span
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
    """The fields every stated-fact row has (records._Fact), from a query's solution."""
    start, end = bounds(row)
    return {
        "role": text(row, "roleLabel"),
        "share": number(row, "share"),
        "period": period(row, lang),
        "start": start,
        "end": end,
        "certainty": text(row, "certaintyLabel"),
        "quote": in_document_order(text(row, "quote")),
        "source": text(row, "sourceLabel"),
    }


def texts(row: Mapping[str, object], spec: str) -> dict[str, str]:
    """Fields read as text from query variables; `spec` is "field=variable …"."""
    pairs = (item.split("=") for item in spec.split())
    return {name: text(row, variable) for name, variable in pairs}


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


# --- search ------------------------------------------------------------------------------------


def search(backend: Backend, lang: str, wanted: str, limit: int) -> list[SearchRow]:
    """Entities whose labels match `wanted`, best first; close spellings when none does."""
    from govgraph.graph.namespaces import compact
    from govgraph.graph.sparql.entities import EntityIndex

    index = EntityIndex(backend, lang)
    rows = []
    for m in index.rank(wanted, limit=limit) or index.similar(wanted):
        label = m.entity.label(lang)
        others = [x for x in m.entity.all_labels() if x != label]
        rows.append(
            SearchRow(
                label=label,
                type=m.entity.type_label or compact(m.entity.type),
                other_labels="; ".join(dict.fromkeys(others)),
                match=message(f"answers.match_{m.kind}", lang),
                matched=m.matched,
                score=round(m.score, 3),
                iri=m.entity.iri,
            )
        )
    return rows


# --- who ---------------------------------------------------------------------------------------


def who(backend: Backend, subject: str, lang: str, at: date | None) -> list[WhoRow]:
    """Every actor responsible for `subject` (an IRI), with role, period, certainty, via, quote."""
    records = [
        WhoRow(
            via=_via(row, lang, "subjectRoute", "subjectLabel"),
            **_stated(row, lang),
            **texts(row, _WHO),
        )
        for row in who_responsible(backend, subject, lang, at)
    ]
    return _merge(records)


_WHO = (
    "actor=actorLabel actor_iri=actor role_iri=role fact_type=factType subject=subjectLabel"
    " subject_iri=subject fact=factLabel fact_iri=fact"
)

# --- what --------------------------------------------------------------------------------------


def involvement(backend: Backend, actor: str, lang: str, at: date | None) -> list[WhatRow]:
    """Everything `actor` (an IRI) is responsible for, funds, belongs to, demanded or was asked."""
    return [
        WhatRow(via=_via(row, lang, "", ""), **_stated(row, lang), **texts(row, _WHAT))
        for row in actor_involvement(backend, actor, lang, at)
    ]


_WHAT = (
    "relation=relation relation_label=relationLabel object=objectLabel object_iri=object"
    " counterpart=otherLabel counterpart_iri=other statement=itemLabel item_iri=item"
)

# --- deadlines ---------------------------------------------------------------------------------

STATUSES = ("past", "open", "upcoming")


# The statuses relative to today, worded as deadlines.rq words them (its VALUES block).
STATUS_LABELS = {
    "past": ("vorbei", "past"),
    "open": ("läuft", "open"),
    "upcoming": ("bevorstehend", "upcoming"),
    "undated": ("ohne Datum", "undated"),
}


def _day(row: Mapping[str, object], key: str) -> date | None:
    """An xsd:date bound in `row` as a day; ValueError for any other literal (then the query
    decides, with its own comparison)."""
    term = row.get(key)
    if term is None:
        return None
    if getattr(term, "datatype", None) != _XSD_DATE or len(term.value) != 10:
        raise ValueError(term.value)
    return date.fromisoformat(term.value)


_XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")


def _status(first: date | None, last: date | None, today: date) -> str:
    """deadlines.rq's status of a window: past, upcoming, open or undated."""
    if last is not None and last < today:
        return "past"
    if first is not None and first > today:
        return "upcoming"
    return "open" if first is not None or last is not None else "undated"


# The variables of deadlines.rq an answer reads, in the order of a compact row: the row's
# values as plain text ("" where unbound). The views keep the rows in this form
# (graph/answers/precomputed.py): read back, 30,000 rows at 1M triples cost a JSON list.
DATED_VARIABLES = (
    "item itemLabel kind kindLabel precisionLabel start end beginLabel endLabel timeLabel"
    " newStatusLabel certaintyLabel concerns actors quote"
).split()
_ITEM, _LABEL, _KIND, _KIND_LABEL, _PRECISION, _START, _END = range(7)
_BEGIN, _UNTIL, _TIME, _NEW_STATUS, _CERTAINTY, _CONCERNS, _ACTORS, _QUOTE = range(7, 15)


def compact_dated(rows: Iterable[Row]) -> list[list[str]]:
    """deadlines.rq's rows (without today) as compact rows; ValueError where a time bound is
    not a plain day (then each question asks the query with its day, see _dated_rows)."""
    out = []
    for row in rows:
        _day(row, "start"), _day(row, "end")  # noqa: B018 - raises for a bound that is no day
        out.append([text(row, name) for name in DATED_VARIABLES])
    return out


def _kept(
    first: date | None,
    last: date | None,
    today: date,
    start: date | None,
    end: date | None,
    status: str | None,
) -> str | None:
    """The status of a row with these first and last days if deadlines.rq with these
    parameters keeps it, else None."""
    found = _status(first, last, today)
    if status and not (status == found or (status == "open" and found in ("open", "upcoming"))):
        return None
    if start is not None and ((last is not None and last < start) or (last, first) == (None,) * 2):
        return None
    if end is not None and first is not None and first > end:
        return None
    return found


def _dated_rows(
    backend: Backend,
    lang: str,
    today: date,
    start: date | None,
    end: date | None,
    status: str | None,
    stored: list[list[str]] | None,
) -> list[tuple[list[str], str]]:
    """The compact rows of deadlines.rq with their status. The query is evaluated without
    today and filters: those rows never change with the day, so a store cache keeps them
    precomputed (`stored`, from graph/answers/precomputed.py), and the status is the query's
    comparison, made here."""
    every = stored
    try:
        if every is None:
            every = compact_dated(run(backend, "deadlines", lang))
        out = []
        days: dict[str, date | None] = {"": None}  # the same days recur in many rows
        for values in every:
            first, last = values[_START], values[_END]
            if first not in days:
                days[first] = date.fromisoformat(first)
            if last not in days:
                days[last] = date.fromisoformat(last)
            found = _kept(days[first], days[last], today, start, end, status)
            if found is not None:
                out.append((values, found))
        return out
    except ValueError:  # a time bound that is not a plain day: the query compares it
        rows = run(
            backend,
            "deadlines",
            lang,
            today=today,
            **{"from": start, "to": end},
            status=ox.Literal(status) if status else None,
        )
        return [
            ([text(row, name) for name in DATED_VARIABLES], text(row, "status")) for row in rows
        ]


def deadlines(
    backend: Backend,
    lang: str,
    today: date,
    start: date | None = None,
    end: date | None = None,
    status: str | None = None,
    stored: list[list[str]] | None = None,
) -> list[DeadlineRow]:
    """Deadlines and dated events in time order, with their status relative to `today`;
    `stored`: the compact rows a cached store keeps (precomputed.dated_rows), else evaluated."""
    english = lang == "en"
    return [
        DeadlineRow(
            when=v[_TIME] or _span(v[_BEGIN], v[_UNTIL], lang),
            precision=v[_PRECISION],
            start=v[_START],
            end=v[_END],
            status=found,
            status_label=STATUS_LABELS[found][english],
            kind=v[_KIND],
            kind_label=v[_KIND_LABEL],
            what=v[_LABEL],
            new_status=v[_NEW_STATUS],
            concerns=sorted_names(v[_CONCERNS]),
            actors=sorted_names(v[_ACTORS]),
            certainty=v[_CERTAINTY],
            quote=in_document_order(v[_QUOTE]),
            iri=v[_ITEM],
        )
        for v, found in _dated_rows(backend, lang, today, start, end, status, stored)
    ]


# --- demands -----------------------------------------------------------------------------------


def demands(
    backend: Backend, lang: str, by: str | None = None, to: str | None = None
) -> list[DemandRow]:
    """Demands and positions, optionally only those by or to an actor (IRIs; units count)."""
    out = []
    for row in labelled.demands(backend, lang, by, to):
        # The demand is stated, but to whom it goes the curator inferred.
        inferred = text(row, "addresseeCertainty").endswith("/inferred")
        out.append(
            DemandRow(
                addressee_inferred=inferred,
                addressee_certainty=message("answers.inferred", lang) if inferred else "",
                about=sorted_names(text(row, "subjects")),
                quote=in_document_order(text(row, "quote")),
                **texts(row, _DEMAND),
            )
        )
    return out


_DEMAND = (
    "actor=actorLabel actor_iri=actor addressee=addresseeLabel addressee_iri=addressee"
    " kind=kindLabel kind_iri=kind when=timeLabel start=start end=end"
    " certainty=certaintyLabel statement=demandLabel iri=demand"
)
