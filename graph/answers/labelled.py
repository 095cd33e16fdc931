"""The rows of who-responsible.rq, actor-involvement.rq, entity-facts.rq and demands.rq from two
cheaper evaluations each, for the `who`, `what` and `demands` answers and the entity card: an
internal query with the same facts that names the IRIs of what they mention (actor, role,
times, source …) instead of their labels (internal/who-facts, involvement-facts,
entity-fact-rows, demand-rows), and internal/labels-of, every label of those IRIs at once; the
labels are chosen and the rows sorted here as the public query does.

Why: Oxigraph plans each label lookup of a query anew at every evaluation. On the shipped graph
that planning was most of these queries' cost (who NOOTS: 24 ms, without the lookups 5 ms;
what IT-Planungsrat: 22 ms and 3.5 ms; the card of NOOTS: 10 ms and 1.5 ms; the demands of
the Städtetag: 12.6 ms and 0.9 ms) and the largest part of a cold `govgraph who` and of every
uncached answer page. Researchers keep
the public queries with their label columns; tests/test_labelled_rows.py holds both ways to the
same rows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pyoxigraph as ox

from govgraph.graph.sparql.named import run_named
from govgraph.graph.store.backend import Backend, Row

_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_TITLE = "http://purl.org/dc/terms/title"
_NO_DAY = "0001-01-01"  # where a row has no day: first, as the queries' COALESCE sorts it


@dataclass(frozen=True)
class Column:
    """How the public query words one node: the property its label is in, whether a label
    without language counts, and what stands in for a missing one (the IRI's text for names,
    an empty text for a source without title, else nothing)."""

    node: str = ""
    prop: str = _PREF
    plain: bool = False
    stand_in: str | None = None
    as_text: bool = False  # a text without language (the query takes it apart from a joined one)
    german: bool = True  # German stands in for a missing English label


NAME = Column(stand_in="iri")  # an actor, a subject: its name, else the IRI's text
CONCEPT = Column()  # a role, a certainty: its name in the vocabulary
WORDING = Column(prop=_LABEL, plain=True)  # a time as the source words it, a fact's sentence
TITLE = Column(prop=_TITLE, plain=True, stand_in="", as_text=True)  # a source document

Labels = dict[tuple[str, str], dict[str, ox.Literal]]  # (IRI, property) → language → label

_WHO = {
    "actorLabel": replace(NAME, node="actor"),
    "unitLabel": replace(NAME, node="unit"),
    "roleLabel": replace(CONCEPT, node="role"),
    "subjectLabel": replace(NAME, node="subject"),
    "certaintyLabel": replace(CONCEPT, node="certainty"),
    "beginLabel": replace(WORDING, node="beginNode"),
    "endLabel": replace(WORDING, node="endNode"),
    "timeLabel": replace(WORDING, node="timeNode"),
    "dueLabel": replace(WORDING, node="dueNode"),
    "factLabel": replace(WORDING, node="fact"),
    "sourceLabel": replace(TITLE, node="source"),
}
_INVOLVEMENT = {
    "objectLabel": replace(NAME, node="object"),
    "otherLabel": replace(NAME, node="other"),
    "unitLabel": replace(NAME, node="unit"),
    "roleLabel": replace(CONCEPT, node="role"),
    "certaintyLabel": replace(CONCEPT, node="certainty"),
    "beginLabel": replace(WORDING, node="begin"),
    "endLabel": replace(WORDING, node="end"),
    "timeLabel": replace(WORDING, node="time"),
    "dueLabel": replace(WORDING, node="due"),
    "itemLabel": replace(WORDING, node="item"),
    "sourceLabel": replace(TITLE, node="source"),
}

_ASKED = {"german": False}  # entity-facts: the asked language's label only
_FACTS = {
    "factTypeLabel": replace(NAME, node="factType", **_ASKED),
    "factLabel": replace(WORDING, node="fact", stand_in="iri", **_ASKED),
    "roleLabel": replace(CONCEPT, node="role", **_ASKED),
    "certaintyLabel": replace(CONCEPT, node="certainty", **_ASKED),
    "beginLabel": replace(WORDING, node="beginNode", **_ASKED),
    "endLabel": replace(WORDING, node="endNode", **_ASKED),
    "timeLabel": replace(WORDING, node="timeNode", **_ASKED),
    "dueLabel": replace(WORDING, node="dueNode", **_ASKED),
}

_DEMANDS = {
    "actorLabel": replace(NAME, node="actor"),
    "addresseeLabel": replace(NAME, node="addressee"),
    "kindLabel": replace(CONCEPT, node="kind"),
    "certaintyLabel": replace(CONCEPT, node="certainty"),
    "demandLabel": replace(WORDING, node="demand"),
    # the time as worded, else its beginning's, else its end's wording: timeLabel
    "time_": replace(WORDING, node="time"),
    "begin_": replace(WORDING, node="timeBegin"),
    "end_": replace(WORDING, node="timeEnd"),
}


def who_responsible(backend: Backend, subject: str, lang: str, at: date | None) -> list[Row]:
    """who-responsible's rows for `subject` (an IRI) in `lang`, on the day `at` (None: any)."""
    facts = run_named(backend, "internal/who-facts", subject=subject, at=at)
    rows = _labelled(backend, facts, _WHO, lang, ("beginNode", "endNode", "timeNode", "dueNode"))
    # its ORDER BY: rank, first day, actor's and role's label, fact, subject
    rows.sort(
        key=lambda r: (
            int(r["rank"].value),
            _first_day(r),
            *(_text(r, k) for k in ("actorLabel", "roleLabel", "fact", "subject")),
        )
    )
    return rows


def actor_involvement(backend: Backend, actor: str, lang: str, at: date | None) -> list[Row]:
    """actor-involvement's rows for `actor` (an IRI) in `lang`, on the day `at` (None: any)."""
    facts = run_named(backend, "internal/involvement-facts", actor=actor, lang=lang, at=at)
    rows = _labelled(backend, facts, _INVOLVEMENT, lang, ("begin", "end", "time", "due"))
    # its ORDER BY: the relation's order (rank // 2), first day, object's label, item, unit's
    # label, counterpart's label, counterpart
    rows.sort(
        key=lambda r: (
            int(r["rank"].value) // 2,
            _first_day(r),
            *(_text(r, k) for k in ("objectLabel", "item", "unitLabel", "otherLabel", "other")),
        )
    )
    return rows


def entity_facts(backend: Backend, entity: str, lang: str) -> list[Row]:
    """entity-facts' rows for `entity` (an IRI) in `lang`. Its labels are the asked language's
    only (German does not stand in for English), else the IRI's text or none."""
    facts = run_named(backend, "internal/entity-fact-rows", entity=entity)
    nodes = ("role", "certainty", "beginNode", "endNode", "timeNode", "dueNode")  # labels only
    rows = _labelled(backend, facts, _FACTS, lang, nodes)
    # its ORDER BY: actor, subject, addressee; first day; the fact's label; the fact
    position = {"actor": 1, "subject": 2, "addressee": 3}
    rows.sort(
        key=lambda r: (
            position.get(_text(r, "position"), 3),
            _first_day(r),
            _text(r, "factLabel"),
            _text(r, "fact"),
        )
    )
    return rows


def demands(backend: Backend, lang: str, by: str | None, to: str | None) -> list[Row]:
    """demands' rows (all, or by or to an actor: IRIs, units count) in `lang`. The subjects'
    names are joined in the order every face shows them (rows.sorted_names): engines join
    them in an order of their own."""
    facts = run_named(backend, "internal/demand-rows", by=by, to=to)
    subjects = [_iris(r) for r in facts]
    extra = sorted({iri for found in subjects for iri in found})
    drop = ("certainty", "time", "timeBegin", "timeEnd", "subjectIris")
    labels = _labels(backend, facts, {c.node for c in _DEMANDS.values()}, extra)
    rows = _filled(facts, labels, _DEMANDS, lang, drop)
    for row, iris in zip(rows, subjects, strict=True):
        wordings = [row.pop(k, None) for k in ("time_", "begin_", "end_")]
        time = next((w for w in wordings if w is not None), None)
        if time is not None:
            row["timeLabel"] = time
        names = (_label(ox.NamedNode(i), CONCEPT, labels, lang) for i in iris)
        found = sorted(dict.fromkeys(n.value for n in names if n is not None), key=str.casefold)
        if found:
            row["subjects"] = ox.Literal("; ".join(found))
    # its ORDER BY: actor's, addressee's label, first day (none last), kind's, demand's label
    rows.sort(
        key=lambda r: (
            _text(r, "actorLabel"),
            _text(r, "addresseeLabel"),
            _text(r, "start") or "9999-12-31",
            _text(r, "kindLabel"),
            _text(r, "demandLabel"),
            _text(r, "demand"),
        )
    )
    return rows


def _iris(row: Row) -> list[str]:
    joined = _text(row, "subjectIris")
    return [iri for iri in joined.split("\t") if iri] if joined else []


def _labelled(
    backend: Backend, facts: list[Row], columns: dict[str, Column], lang: str, drop: tuple
) -> list[Row]:
    """The rows with each label column filled as the public query fills it, without the
    columns it does not give (`drop`: the time nodes, named only for their labels)."""
    labels = _labels(backend, facts, {c.node for c in columns.values()})
    return _filled(facts, labels, columns, lang, drop)


def _filled(
    facts: list[Row], labels: Labels, columns: dict[str, Column], lang: str, drop: tuple
) -> list[Row]:
    out = []
    for row in facts:
        labelled = {k: v for k, v in row.items() if k not in drop}
        for name, column in columns.items():
            label = _label(row.get(column.node), column, labels, lang)
            if label is not None:
                labelled[name] = label
        out.append(labelled)
    return out


def _labels(
    backend: Backend, facts: list[Row], nodes: set[str], extra: list[str] | tuple = ()
) -> Labels:
    """The labels of every IRI the rows name (and of `extra`), asked for in one evaluation."""
    named = {row[n].value for row in facts for n in nodes if isinstance(row.get(n), ox.NamedNode)}
    things = sorted(named.union(extra))
    if not things:
        return {}
    found: Labels = {}
    for row in run_named(backend, "internal/labels-of", thing=[ox.NamedNode(t) for t in things]):
        label = row["label"]
        by_lang = found.setdefault((row["thing"].value, row["property"].value), {})
        by_lang.setdefault(label.language or "", label)  # SKOS: one label per language
    return found


def _label(term, column: Column, labels: Labels, lang: str) -> ox.Literal | None:
    """The label in the asked language, else German, else (where the query takes it) one
    without language, else the stand-in; None where the node is not there."""
    if term is None:
        return None
    found = labels.get((term.value, column.prop), {})
    order = (("en", "de", "") if column.german else ("en", "")) if lang == "en" else ("de", "")
    label = next((found[k] for k in order if k in found and (k or column.plain)), None)
    if label is None and column.stand_in is not None:
        return ox.Literal(term.value if column.stand_in == "iri" else column.stand_in)
    if label is not None and column.as_text:
        return ox.Literal(label.value)
    return label


def _first_day(row: Row) -> str:
    return next((row[k].value for k in ("beginFrom", "timeFrom", "dueFrom") if k in row), _NO_DAY)


def _text(row: Row, key: str) -> str:
    term = row.get(key)
    return term.value if term is not None else ""
