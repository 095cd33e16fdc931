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

from govgraph.graph.answers.dates import date_literal
from govgraph.graph.answers.quotes import in_document_order
from govgraph.graph.errors import NotFoundError
from govgraph.graph.sparql.catalog import named_query
from govgraph.graph.store.backend import Backend, Row

Record = dict[str, object]


class NoResults(NotFoundError):
    """A question with an empty answer (exit 1, one line)."""

    def __init__(self, what: str, lang: str = "de") -> None:
        # German users get both languages (scripts match the English half); --lang en: English.
        prefix = "no results" if lang == "en" else "keine Ergebnisse / no results"
        super().__init__(f"{prefix}: {what}")


def run(
    backend: Backend, name: str, lang: str, **params: ox.NamedNode | ox.Literal | date | str | None
) -> list[Row]:
    """Run a named query with its parameters bound by name (`subject`, `at`, …); None = unbound."""
    query = named_query(name)
    bindings: dict[str, ox.NamedNode | ox.Literal] = {}
    for key, value in {"lang": lang, **params}.items():
        if value is None:
            continue
        param = query.param(key)
        if isinstance(value, date):
            value = date_literal(value)
        elif isinstance(value, str):
            value = param.term(value)
        bindings[param.variable] = value
    return backend.select(query.text, bindings)


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

_WORDS = {
    "de": {
        "from": "ab {}",
        "until": "bis {}",
        "by": "bis {}",
        "unit": "über Einheit {}",
        "narrower": "über Unterthema {}",
        "part": "über Teil {}",
        "implements": "über {} (setzt um)",
        "concerns": "über {} (betrifft)",
        "related": "über {}",
    },
    "en": {
        "from": "from {}",
        "until": "until {}",
        "by": "by {}",
        "unit": "via unit {}",
        "narrower": "via narrower topic {}",
        "part": "via part {}",
        "implements": "via {} (implements)",
        "concerns": "via {} (concerns)",
        "related": "via {}",
    },
}


def words(lang: str) -> dict[str, str]:
    return _WORDS.get(lang, _WORDS["de"])


def period(row: Mapping[str, object], lang: str) -> str:
    """The period as the source words it: "2025–2026", "ab 2027", "bis Mitte 2026", "Mai 2025"."""
    w = words(lang)
    begin, end = text(row, "beginLabel"), text(row, "endLabel")
    if begin and end:
        return begin if begin == end else f"{begin}–{end}"
    if begin:
        return w["from"].format(begin)
    if end:
        return w["until"].format(end)
    if text(row, "dueLabel"):
        return w["by"].format(text(row, "dueLabel"))
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


def _via(row: Mapping[str, object], lang: str, route_key: str, through_key: str) -> list[str]:
    w = words(lang)
    parts = []
    route = text(row, route_key)
    if route and route != "direct":
        parts.append(w.get(route, w["related"]).format(text(row, through_key)))
    if text(row, "unitLabel"):
        parts.append(w["unit"].format(text(row, "unitLabel")))
    return parts


def _merge(records: list[Record], key: tuple[str, ...]) -> list[Record]:
    """One record per key; the `via` texts of duplicates are joined (order kept)."""
    merged: dict[tuple, Record] = {}
    for r in records:
        k = tuple(r[f] for f in key)
        if k not in merged:
            merged[k] = r
        elif r["via"] and r["via"] not in str(merged[k]["via"]).split("; "):
            merged[k]["via"] = "; ".join(p for p in (merged[k]["via"], r["via"]) if p)
    return list(merged.values())


# --- who ---------------------------------------------------------------------------------------


def who(backend: Backend, subject: str, lang: str, at: date | None) -> list[Record]:
    """Every actor responsible for `subject` (an IRI), with role, period, certainty, via, quote."""
    rows = run(backend, "who-responsible", lang, subject=subject, at=at)
    records = []
    for row in rows:
        start, end = bounds(row)
        records.append(
            {
                "actor": text(row, "actorLabel"),
                "actor_iri": text(row, "actor"),
                "role": text(row, "roleLabel"),
                "role_iri": text(row, "role"),
                "fact_type": text(row, "factType"),
                "share": number(row, "share"),
                "period": period(row, lang),
                "from": start,
                "to": end,
                "certainty": text(row, "certaintyLabel"),
                "via": "; ".join(_via(row, lang, "subjectRoute", "subjectLabel")),
                "subject": text(row, "subjectLabel"),
                "subject_iri": text(row, "subject"),
                "fact": text(row, "factLabel"),
                "fact_iri": text(row, "fact"),
                "quote": in_document_order(text(row, "quote")),
                "source": text(row, "sourceLabel"),
            }
        )
    return _merge(records, ("fact_iri", "actor_iri", "via"))


# --- what --------------------------------------------------------------------------------------


def involvement(backend: Backend, actor: str, lang: str, at: date | None) -> list[Record]:
    """Everything `actor` (an IRI) is responsible for, funds, belongs to, demanded or was asked."""
    rows = run(backend, "actor-involvement", lang, actor=actor, at=at)
    records = []
    for row in rows:
        start, end = bounds(row)
        records.append(
            {
                "relation": text(row, "relation"),
                "relation_label": text(row, "relationLabel"),
                "object": text(row, "objectLabel"),
                "object_iri": text(row, "object"),
                "counterpart": text(row, "otherLabel"),
                "counterpart_iri": text(row, "other"),
                "role": text(row, "roleLabel"),
                "share": number(row, "share"),
                "period": period(row, lang),
                "from": start,
                "to": end,
                "certainty": text(row, "certaintyLabel"),
                "via": "; ".join(_via(row, lang, "", "")),
                "statement": text(row, "itemLabel"),
                "item_iri": text(row, "item"),
                "quote": in_document_order(text(row, "quote")),
                "source": text(row, "sourceLabel"),
            }
        )
    return records


# --- deadlines ---------------------------------------------------------------------------------

STATUSES = ("past", "open", "upcoming")


def deadlines(
    backend: Backend,
    lang: str,
    today: date,
    start: date | None = None,
    end: date | None = None,
    status: str | None = None,
) -> list[Record]:
    """Deadlines and dated events in time order, with their status relative to `today`."""
    rows = run(
        backend,
        "deadlines",
        lang,
        today=today,
        **{"from": start, "to": end},
        status=ox.Literal(status) if status else None,
    )
    records = []
    for row in rows:
        when = text(row, "timeLabel")
        if not when:
            begin, finish = text(row, "beginLabel"), text(row, "endLabel")
            if begin and finish:
                when = begin if begin == finish else f"{begin}–{finish}"
            elif finish:
                when = words(lang)["until"].format(finish)
            elif begin:
                when = words(lang)["from"].format(begin)
        records.append(
            {
                "when": when,
                "precision": text(row, "precisionLabel"),
                "from": text(row, "start"),
                "to": text(row, "end"),
                "status": text(row, "status"),
                "status_label": text(row, "statusLabel"),
                "kind": text(row, "kind"),
                "kind_label": text(row, "kindLabel"),
                "what": text(row, "itemLabel"),
                "new_status": text(row, "newStatusLabel"),
                "concerns": sorted_names(text(row, "concerns")),
                "actors": sorted_names(text(row, "actors")),
                "certainty": text(row, "certaintyLabel"),
                "quote": in_document_order(text(row, "quote")),
                "iri": text(row, "item"),
            }
        )
    return records


# --- demands -----------------------------------------------------------------------------------


def demands(
    backend: Backend, lang: str, by: str | None = None, to: str | None = None
) -> list[Record]:
    """Demands and positions, optionally only those by or to an actor (IRIs; units count)."""
    rows = run(backend, "demands", lang, by=by, to=to)
    return [
        {
            "actor": text(row, "actorLabel"),
            "actor_iri": text(row, "actor"),
            "addressee": text(row, "addresseeLabel"),
            "addressee_iri": text(row, "addressee"),
            # The demand is stated, but to whom it goes the curator inferred.
            "addressee_inferred": text(row, "addresseeCertainty").endswith("/inferred"),
            "addressee_certainty": (
                ("erschlossen" if lang == "de" else "inferred")
                if text(row, "addresseeCertainty").endswith("/inferred")
                else ""
            ),
            "kind": text(row, "kindLabel"),
            "kind_iri": text(row, "kind"),
            "about": sorted_names(text(row, "subjects")),
            "when": text(row, "timeLabel"),
            "from": text(row, "start"),
            "to": text(row, "end"),
            "certainty": text(row, "certaintyLabel"),
            "statement": text(row, "demandLabel"),
            "quote": in_document_order(text(row, "quote")),
            "iri": text(row, "demand"),
        }
        for row in rows
    ]
