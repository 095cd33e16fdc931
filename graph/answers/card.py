"""One entity as a card: what it is, its names, its relations in and out, its facts, its quotes.

Four named queries (entity-card, entity-relations, entity-facts, entity-evidence) deliver the
rows; this module groups them (relations by property label and direction) for display.
"""

from __future__ import annotations

from govgraph.graph.answers.answers import Record, bounds, period, run, text
from govgraph.graph.store.backend import Backend


def entity_card(backend: Backend, iri: str, lang: str) -> Record:
    """The card of the entity `iri` as a JSON-ready record with stable English keys."""
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
    facts = []
    for row in run(backend, "entity-facts", lang, entity=iri):
        start, end = bounds(row)
        facts.append(
            {
                "position": text(row, "position"),
                "type": text(row, "factTypeLabel"),
                "statement": text(row, "factLabel"),
                "role": text(row, "roleLabel"),
                "share": float(text(row, "share")) if text(row, "share") else None,
                "period": period(row, lang),
                "from": start,
                "to": end,
                "certainty": text(row, "certaintyLabel"),
                "quote": text(row, "quote"),
                "iri": text(row, "fact"),
            }
        )
    card["facts"] = facts
    card["evidence"] = [
        {
            "quote": text(row, "quote"),
            "source": text(row, "sourceLabel"),
            "source_iri": text(row, "source"),
        }
        for row in run(backend, "entity-evidence", lang, entity=iri)
    ]
    return card
