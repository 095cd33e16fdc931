"""Certainty of answer rows: what an inferred fact was inferred from.

A row marked "erschlossen"/"inferred" looks like any stated fact unless it says on what it
rests; the curator's note on the fact (rdfs:comment) says that, so it travels with the row.
"""

from __future__ import annotations

from collections.abc import Iterable

from govgraph.graph.answers.answers import Record, run, text
from govgraph.graph.store.backend import Backend


def inferred_notes(backend: Backend, lang: str) -> dict[str, str]:
    """Fact IRI → note, for every fact marked inferred (named query fact-notes)."""
    return {text(r, "fact"): text(r, "note") for r in run(backend, "fact-notes", lang)}


def add_inferred_from(
    records: Iterable[Record], backend: Backend, lang: str, key: str
) -> list[Record]:
    """Each record gets `inferred_from`: the note of its fact (IRI in `key`) if inferred."""
    notes = inferred_notes(backend, lang)
    out = []
    for record in records:
        fact = str(record.get(key) or "")
        note = notes.get(fact)
        if note is None:
            record = {**record, "inferred_from": ""}
        else:
            fallback = "Grund nicht vermerkt" if lang == "de" else "no reason recorded"
            record = {**record, "inferred_from": note or fallback}
        out.append(record)
    return out
