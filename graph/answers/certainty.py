"""Certainty of answer rows: what an inferred fact was inferred from.

A row marked "erschlossen"/"inferred" looks like any stated fact unless it says on what it
rests; the curator's note on the fact (rdfs:comment) says that, so it travels with the row.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from govgraph.graph.answers.records import AnswerRow
from govgraph.graph.answers.rows import run, text
from govgraph.graph.i18n import message
from govgraph.graph.store.backend import Backend

R = TypeVar("R", bound=AnswerRow)


def inferred_notes(backend: Backend, lang: str) -> dict[str, str]:
    """Fact IRI → note, for every fact marked inferred (named query fact-notes)."""
    return {text(r, "fact"): text(r, "note") for r in run(backend, "fact-notes", lang)}


def add_inferred_from(records: Iterable[R], backend: Backend, lang: str, key: str) -> list[R]:
    """Each record gets `inferred_from`: the note of its fact (IRI in `key`) if inferred.

    The notes are read only where a record's certainty is not "stated": an inferred fact's
    row says so (or is overruled), so where all rows are stated no fact can have a note."""
    records = list(records)
    stated = message("answers.stated", lang)
    if all(str(r.get("certainty") or "") == stated for r in records):
        return [r.updated(inferred_from="") for r in records]
    notes = inferred_notes(backend, lang)
    out = []
    for record in records:
        note = notes.get(str(record.get(key) or ""))
        if note is None:
            out.append(record.updated(inferred_from=""))
        else:
            out.append(record.updated(inferred_from=note or message("answers.no_reason", lang)))
    return out
