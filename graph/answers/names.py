"""Short names for answers: "FITKO (Föderale IT-Kooperation)" once, then "FITKO".

Readers know the bodies by their abbreviations (FITKO, BVA, NOOTS); a long name repeated in
every line pushes the facts off the screen. The short name is an abbreviation among the entity's
alternative labels; the long name is shown beside it the first time the answer names it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from govgraph.graph.sparql.entities import Entity, EntityIndex

LONG = 16  # a preferred label up to this length is short enough as it is
_ABBREVIATION = re.compile(r"^[A-ZÄÖÜ][A-Za-zÄÖÜäöü0-9-]{1,9}$")


def _is_abbreviation(label: str) -> bool:
    capitals = sum(c.isupper() for c in label)
    return (
        bool(_ABBREVIATION.match(label))
        and capitals >= 2
        and capitals * 2 >= len(label.replace("-", ""))
    )


def _long(label: str) -> bool:
    """Whether `label` is long enough to want an abbreviation (and so the entity's labels)."""
    return len(label) > LONG


def short_name(entity: Entity | None, label: str, lang: str) -> tuple[str, str]:
    """(short, long) for an entity shown as `label`; long is "" where the label is short."""
    if entity is None or not _long(label):
        return label, ""
    shorts = [a for a in entity.alt_labels if _is_abbreviation(a) and a != label]
    if not shorts:
        return label, ""
    return min(shorts, key=len), label


class Names:
    """Names of the entities one answer mentions; the long name only the first time."""

    def __init__(self, index: EntityIndex, lang: str) -> None:
        self.index = index
        self.lang = lang
        self.seen: set[str] = set()

    def expect(self, named: Iterable[tuple[str, str]]) -> None:
        """The (IRI, label) pairs an answer is about to name: the entities of the long ones
        are looked up together (one query), not one by one as they are named."""
        self.index.known_many(iri for iri, label in named if iri and _long(label))

    def _entity(self, iri: str, label: str) -> Entity | None:
        """The entity, where its label is long enough to need its abbreviations (a lookup
        may be a query)."""
        return self.index.known(iri) if _long(label) else None

    def pair(self, iri: str, label: str) -> tuple[str, str]:
        """(short, long) the first time `iri` is named, (short, "") afterwards."""
        short, long = short_name(self._entity(iri, label), label, self.lang)
        if iri in self.seen:
            return short, ""
        self.seen.add(iri)
        return short, long

    def full(self, iri: str, label: str) -> str:
        """ "FITKO (Föderale IT-Kooperation)" – for titles."""
        short, long = short_name(self._entity(iri, label), label, self.lang)
        return f"{short} ({long})" if long else short
