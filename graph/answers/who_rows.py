"""The rows of who-responsible.rq from two cheaper evaluations, for the `who` answer:
internal/who-facts (the same facts, naming the IRIs of actor, role, times, source …) and
internal/labels-of (every label of those IRIs at once), joined and sorted here.

Why: Oxigraph plans each of who-responsible's 28 label lookups anew at every evaluation. On the
shipped graph that planning was two thirds of the query (NOOTS: 24 ms, without the lookups 5 ms)
and the largest part of a cold `govgraph who`, and of every uncached who page. Researchers keep
who-responsible with its label columns; tests/test_who_rows.py holds both to the same rows.
"""

from __future__ import annotations

from datetime import date

import pyoxigraph as ox

from govgraph.graph.sparql.named import run_named
from govgraph.graph.store.backend import Backend, Row

_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_TITLE = "http://purl.org/dc/terms/title"

# Each label column of who-responsible: the column naming the node, the property its label is
# in, whether a label without language counts, and what stands in for a missing label (the
# IRI's text for names, an empty text for a source without title, else nothing).
_COLUMNS: dict[str, tuple[str, str, bool, str | None]] = {
    "actorLabel": ("actor", _PREF, False, "iri"),
    "unitLabel": ("unit", _PREF, False, "iri"),
    "roleLabel": ("role", _PREF, False, None),
    "subjectLabel": ("subject", _PREF, False, "iri"),
    "certaintyLabel": ("certainty", _PREF, False, None),
    "beginLabel": ("beginNode", _LABEL, True, None),
    "endLabel": ("endNode", _LABEL, True, None),
    "timeLabel": ("timeNode", _LABEL, True, None),
    "dueLabel": ("dueNode", _LABEL, True, None),
    "factLabel": ("fact", _LABEL, True, None),
    "sourceLabel": ("source", _TITLE, True, ""),
}
_AS_TEXT = ("sourceLabel",)  # who-responsible takes it apart from a joined text: no language
_NODES = ("beginNode", "endNode", "timeNode", "dueNode")
_NO_DAY = "0001-01-01"

Labels = dict[tuple[str, str], dict[str, ox.Literal]]  # (IRI, property) → language → label


def who_responsible(backend: Backend, subject: str, lang: str, at: date | None) -> list[Row]:
    """who-responsible's rows for `subject` (an IRI) in `lang`, on the day `at` (None: any)."""
    facts = run_named(backend, "internal/who-facts", subject=subject, at=at)
    if not facts:
        return []
    labels = _labels(backend, facts)
    rows = [_labelled(row, labels, lang) for row in facts]
    rows.sort(key=_order)
    return rows


def _labels(backend: Backend, facts: list[Row]) -> Labels:
    """The labels of every IRI the rows name, asked for in one evaluation."""
    columns = {node for node, *_ in _COLUMNS.values()}
    things = sorted(
        {row[c].value for row in facts for c in columns if isinstance(row.get(c), ox.NamedNode)}
    )
    found: Labels = {}
    for row in run_named(backend, "internal/labels-of", thing=[ox.NamedNode(t) for t in things]):
        label = row["label"]
        by_lang = found.setdefault((row["thing"].value, row["property"].value), {})
        by_lang.setdefault(label.language or "", label)  # SKOS: one label per language
    return found


def _labelled(row: Row, labels: Labels, lang: str) -> Row:
    """The row as who-responsible gives it: each label in the asked language, else German, else
    (where who-responsible takes it) one without language, else the stand-in."""
    out = {k: v for k, v in row.items() if k not in _NODES}
    for column, (node, prop, plain, stand_in) in _COLUMNS.items():
        term = row.get(node)
        if term is None:
            continue
        found = labels.get((term.value, prop), {})
        order = ("en", "de", "") if lang == "en" else ("de", "")
        label = next((found[k] for k in order if k in found and (k or plain)), None)
        if label is None and stand_in is not None:
            label = ox.Literal(term.value if stand_in == "iri" else stand_in)
        if label is not None:
            out[column] = ox.Literal(label.value) if column in _AS_TEXT else label
    return out


def _order(row: Row) -> tuple:
    """who-responsible's ORDER BY: rank, first day, actor's and role's label, fact, subject."""
    day = next((row[k].value for k in ("beginFrom", "timeFrom", "dueFrom") if k in row), _NO_DAY)
    return (
        int(row["rank"].value),
        day,
        _text(row, "actorLabel"),
        _text(row, "roleLabel"),
        _text(row, "fact"),
        _text(row, "subject"),
    )


def _text(row: Row, key: str) -> str:
    term = row.get(key)
    return term.value if term is not None else ""
