"""One entity as a card: what it is, its names, its relations in and out, its facts, its quotes.

Four named queries (entity-card, entity-relations, entity-facts, entity-evidence) deliver the
rows; this module groups them (relations by property label and direction) for display.
"""

from __future__ import annotations

from govgraph.graph.answers.labelled import entity_facts
from govgraph.graph.answers.records import FactRow
from govgraph.graph.answers.rows import Record, bounds, period, run, text, texts
from govgraph.graph.store.backend import Backend, Row


def entity_card(backend: Backend, iri: str, lang: str) -> Record:
    """The card of the entity `iri` with stable English keys: a nested dict (names, relations,
    evidence) whose facts are FactRow records (`to_json()` for JSON)."""
    card: Record = {
        "iri": iri,
        "type": "",
        "type_iri": "",
        "labels": {},
        "alt_labels": [],
        "definition": "",
        "level": "",
    }
    for row in run(backend, "entity-card", lang, entity=iri):
        card["type"] = card["type"] or text(row, "typeLabel")
        card["type_iri"] = card["type_iri"] or text(row, "type")
        card["definition"] = card["definition"] or text(row, "definition")
        card["level"] = card["level"] or text(row, "levelLabel")
        label, language = text(row, "label"), text(row, "labelLang") or "-"
        if text(row, "labelKind") == "pref":
            card["labels"].setdefault(language, label)
        elif label not in card["alt_labels"]:
            card["alt_labels"].append(label)
    groups: dict[tuple[str, str], Record] = {}
    for row in run(backend, "entity-relations", lang, entity=iri):
        key = (text(row, "direction"), text(row, "propertyLabel"))
        group = groups.setdefault(
            key,
            {
                "direction": key[0],
                "property": key[1],
                "property_iri": text(row, "property"),
                "targets": [],
            },
        )
        group["targets"].append(
            {
                "label": text(row, "otherLabel"),
                "iri": text(row, "other"),
                "type": text(row, "otherTypeLabel"),
            }
        )
    card["relations"] = list(groups.values())
    card["facts"] = [_fact(row, lang) for row in entity_facts(backend, iri, lang)]
    card["evidence"] = [
        {
            "quote": text(row, "quote"),
            "source": text(row, "sourceLabel"),
            "source_iri": text(row, "source"),
        }
        for row in run(backend, "entity-evidence", lang, entity=iri)
    ]
    return card


def _fact(row: Row, lang: str) -> FactRow:
    """One fact of the card, from a solution of entity-facts."""
    start, end = bounds(row)
    share = text(row, "share")
    return FactRow(
        share=float(share) if share else None,
        period=period(row, lang),
        start=start,
        end=end,
        **texts(row, _FACT),
    )


_FACT = (
    "position=position type=factTypeLabel statement=factLabel role=roleLabel"
    " certainty=certaintyLabel quote=quote iri=fact"
)
