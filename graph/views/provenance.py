"""What a picture rests on: the sources of the items it shows and the certainty of each fact.

Pictures are pasted into briefings far from the tool, so they carry this themselves: a footer
names the sources, and facts that no source states outright are drawn apart (see style.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from govgraph.graph.namespaces import compact
from govgraph.graph.sparql.runner import run_named
from govgraph.graph.store.backend import Backend


@dataclass
class Provenance:
    sources: dict[str, list[str]] = field(default_factory=dict)  # item -> source IRIs
    names: dict[str, str] = field(default_factory=dict)  # source IRI -> short name
    certainty: dict[str, str] = field(default_factory=dict)  # item -> "inferred", …

    def source_names(self, items: Iterable[str]) -> list[str]:
        """Short names of the sources behind `items`, sorted, each once."""
        found = {s for item in items for s in self.sources.get(item, ())}
        return sorted({self.names.get(s, s.rsplit("/", 1)[-1]) for s in found})


def certainty_key(iri: str) -> str:
    """ggc:inferred -> "inferred"; whatever scheme a concept comes from, its local name."""
    name = compact(iri)
    return name.split(":", 1)[-1] if ":" in name else name.rsplit("/", 1)[-1]


def _short(title: str) -> str:
    return title if len(title) <= 60 else title[:59].rstrip() + "…"


def _rank(key: str, language: str | None, lang: str) -> int:
    """Which name to show: a short name before a title, each best in the picture's language."""
    by_language = 0 if language == lang else (1 if not language else 2)
    return by_language + (0 if key == "shortName" else 3)


def load_provenance(backend: Backend, lang: str) -> Provenance:
    """Sources and certainty of every item with evidence (one named query)."""
    p = Provenance()
    ranks: dict[str, int] = {}
    for row in run_named(backend, "picture-provenance", lang=lang):
        item, source = row["item"].value, row["source"].value
        found = p.sources.setdefault(item, [])
        if source not in found:
            found.append(source)
        for key, shorten in (("shortName", str), ("title", _short)):
            if key in row:
                term = row[key]
                rank = _rank(key, getattr(term, "language", None), lang)
                if rank < ranks.get(source, 99):
                    ranks[source] = rank
                    p.names[source] = shorten(term.value)
        if "certainty" in row and item not in p.certainty:
            p.certainty[item] = certainty_key(row["certainty"].value)
    return p


RULE_LATER_STATUS = "https://w3id.org/govgraph/concept/ruleLaterStatus"


def conflict_states(backend: Backend, lang: str, day: date | None) -> dict[str, str]:
    """Each claim's state from the `conflicts` query: "disputed" where a conflict prefers no
    claim, "superseded" where it prefers another — unless the rule is the later status and the
    preferred claim speaks of a day after `day` (then the earlier one still holds)."""
    rows = run_named(backend, "conflicts", lang=lang)

    def text(row: dict, name: str) -> str:
        term = row.get(name)
        return term.value if term is not None else ""

    preferred_from: dict[str, str] = {}
    for row in rows:
        if text(row, "preferred") == "true":
            preferred_from[text(row, "conflict")] = text(row, "claimFrom")
    states: dict[str, str] = {}
    for row in rows:
        claim, conflict = text(row, "claim"), text(row, "conflict")
        if states.get(claim) or text(row, "preferred") == "true":
            continue
        if conflict not in preferred_from:
            states[claim] = "disputed"
            continue
        since = preferred_from[conflict]
        if text(row, "rule") == RULE_LATER_STATUS and day is not None and since:
            if day.isoformat() < since:
                continue
        states[claim] = "superseded"
    return states
