"""The status of an agreement or law on a given day, from the status changes its sources report.

Sources report status changes at different times (a 2025 report: "ratification pending"; the
treaty's official note: "in force since 1.2.2026"). The status on a day is the latest change that
has happened by then and is not superseded on that day; an undated change counts as the state its
source describes, after its dated predecessors.
"""

from __future__ import annotations

from datetime import date

from govgraph.graph.answers.records import StatusRow
from govgraph.graph.answers.rows import run, text
from govgraph.graph.sources.claims import Claims
from govgraph.graph.store.backend import Backend


def status_on(backend: Backend, iri: str, lang: str, day: date, claims: Claims) -> StatusRow | None:
    """The status of `iri` on `day` with when, who, certainty and sources; None if none is known."""
    best: tuple[tuple[int, str], StatusRow] | None = None
    for row in run(backend, "agreement-status-history", lang, agreement=iri):
        change = text(row, "change")
        start = text(row, "notBefore")
        if start and start > day.isoformat():
            continue
        if claims.state(change, day) == "superseded":
            continue
        refs = claims.sources.get(change, [])
        record = StatusRow(
            status=text(row, "statusLabel"),
            since=text(row, "timeLabel"),
            start=start,
            actors=text(row, "actors"),
            certainty=text(row, "certaintyLabel"),
            sources=", ".join(dict.fromkeys(r.short for r in refs)),
            locators="; ".join(where for r in refs for where in r.locators),
            change=change,
        )
        rank = (1 if not start else 0, start)
        if best is None or rank > best[0]:
            best = (rank, record)
    return best[1] if best else None
