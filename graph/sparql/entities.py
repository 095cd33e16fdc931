"""Turn what a user types (any label or abbreviation, in any case or spelling) into an entity.

`itplr`, `IT-PLR` and `IT-Planungsrat` all find the IT-Planungsrat; `Städtetag`, `Staedtetag` and
`stadtetag` find the Städtetag. Ambiguous input never silently picks one: it lists candidates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from govgraph.graph.errors import NotFoundError
from govgraph.graph.i18n import message
from govgraph.graph.labelkeys import INDEX_GRAPH, loose, normalize
from govgraph.graph.namespaces import PREFIXES, compact
from govgraph.graph.sparql.named import run_named
from govgraph.graph.store.backend import Backend, LocalBackend

# The key functions are shared with the store cache's label index.
_loose = loose


@dataclass
class Entity:
    iri: str
    labels: dict[str, str] = field(default_factory=dict)  # language -> preferred label
    alt_labels: list[str] = field(default_factory=list)
    type: str = ""
    type_label: str = ""

    def label(self, lang: str) -> str:
        return (
            self.labels.get(lang)
            or self.labels.get("de")
            or next(iter(self.labels.values()), compact(self.iri))
        )

    def all_labels(self) -> list[str]:
        return [*self.labels.values(), *self.alt_labels]


@dataclass
class Match:
    entity: Entity
    score: float
    matched: str

    @property
    def kind(self) -> str:
        """How the text matched: exact (a whole label), prefix, contains, or similar (fuzzy)."""
        if self.score <= 0:
            return "similar"
        return ("contains", "prefix", "exact", "exact")[_tier(self.score)]


INFLECTIONS = ("es", "s", "en", "n", "e")  # genitive and dative endings, longest first
GENERIC_MATCHES = 5  # a topic word inside more labels than this is generic
ONE_BY_ONE = 100  # entities named by looking each up alone, before all labels are loaded


def _tier(score: float) -> int:
    """3 = exact preferred label, 2 = exact alternative label, 1 = prefix of a label, 0 = inside
    a label (see EntityIndex.rank)."""
    return 3 if score >= 1.0 else 2 if score >= 0.95 else 1 if score >= 0.8 else 0


class EntityIndex:
    """All entities and their labels, loaded once per backend with the entity-labels query."""

    def __init__(self, backend: Backend, lang: str = "de") -> None:
        self.backend = backend
        self.lang = lang
        self._entities: dict[str, Entity] | None = None
        self._single: dict[str, Entity | None] = {}
        self._keys: list[tuple[Entity, tuple[tuple[str, str, str, bool], ...]]] | None = None

    @property
    def entities(self) -> dict[str, Entity]:
        """Every entity with its labels: one query over all labels, run only when needed."""
        if self._entities is None:
            self._entities = {}
            rows = run_named(self.backend, "entity-labels", lang=self.lang)
            for row in rows:
                e = self._entities.setdefault(row["entity"].value, Entity(row["entity"].value))
                _add_label_row(e, row)
        return self._entities

    @property
    def label_keys(self) -> list[tuple[Entity, tuple[tuple[str, str, str, bool], ...]]]:
        """Every entity with its labels' keys: (label, normalized, loose, preferred). Computed
        once: a search compares the text with all of them, and normalising ~700 labels per
        search was most of a web page's time outside SPARQL."""
        if self._keys is None:
            keys = []
            for e in self.entities.values():
                preferred = set(e.labels.values())
                keys.append(
                    (
                        e,
                        tuple(
                            (label, normalize(label), _loose(label), label in preferred)
                            for label in e.all_labels()
                        ),
                    )
                )
            self._keys = keys
        return self._keys

    def entity(self, iri: str) -> Entity | None:
        """One entity with its labels, without loading all of them; None if not an entity."""
        if self._entities is not None:
            return self._entities.get(iri)
        rows = run_named(self.backend, "entity-labels-of", entity=ox.NamedNode(iri), lang=self.lang)
        if not rows:
            return None
        e = Entity(iri)
        for row in rows:
            _add_label_row(e, row)
        return e

    def known(self, iri: str) -> Entity | None:
        """An entity by IRI, to name it: from the index when it is loaded, else looked up
        alone (and kept). An answer names a few entities; loading every label of a big graph
        for them took 1.4 s at 1M triples. Past ONE_BY_ONE names all labels are loaded after
        all (a lookup is ~1 ms)."""
        if not iri:
            return None
        if self._entities is not None or len(self._single) >= ONE_BY_ONE:
            return self.entities.get(iri)
        if iri not in self._single:
            self._single[iri] = self.entity(iri)
        return self._single[iri]

    def known_many(self, iris: Iterable[str]) -> None:
        """Look up the entities `iris` name in one query and keep them for `known`: an
        answer names many actors, and asking for each alone was a query per row. Past
        ONE_BY_ONE names all labels are loaded instead, as `known` does."""
        if self._entities is not None:
            return
        wanted = [i for i in dict.fromkeys(iris) if i and i not in self._single]
        if not wanted:
            return
        if len(self._single) + len(wanted) > ONE_BY_ONE:
            self.entities  # noqa: B018 - loads every label once
            return
        nodes: list[ox.NamedNode] = []
        for iri in wanted:
            try:
                nodes.append(ox.NamedNode(iri))
            except ValueError:  # a name without an IRI: nothing to look up
                self._single[iri] = None
        if not nodes:
            return
        rows = run_named(
            self.backend, "internal/entities-named", entity=tuple(nodes), lang=self.lang
        )
        found: dict[str, Entity] = {}
        for row in rows:
            iri = row["entity"].value
            _add_label_row(found.setdefault(iri, Entity(iri)), row)
        for node in nodes:
            self._single[node.value] = found.get(node.value)

    def remember(self, entity: Entity) -> None:
        """Keep an entity already looked up (the one an answer is about) for `known`."""
        if self._entities is None:
            self._single.setdefault(entity.iri, entity)

    def _indexed(self) -> bool:
        """Whether the store may have the label index: a graph parsed into memory has none,
        and asking it anyway was two queries of every answer and page that names something."""
        backend = self.backend
        if isinstance(backend, LocalBackend):
            return backend.store.contains_named_graph(INDEX_GRAPH)
        return True  # an endpoint: asked (a query that finds nothing where it is missing)

    def _exact(self, text: str) -> list[Match]:
        """Exact label matches from the store cache's label index (empty where there is none)."""
        key = normalize(text)
        if not key or not self._indexed():
            return []
        rows = []
        for k in dict.fromkeys((key, loose(text))):  # the loose key only where it differs
            rows += run_named(self.backend, "entity-by-key", key=k)
        preferred: dict[str, bool] = {}
        for row in rows:
            iri = row["entity"].value
            preferred[iri] = preferred.get(iri, False) or row["preferred"].value == "true"
        found: dict[str, Match] = {}
        for iri, pref in preferred.items():
            e = self.entity(iri)
            if e is not None:
                found[iri] = Match(e, 1.0 if pref else 0.95, text)
        return sorted(found.values(), key=lambda m: (-m.score, m.entity.label(self.lang)))

    def _uninflected(self, text: str) -> list[Match]:
        """Exact matches of `text` without a German case ending on its last word
        ("des IT-Planungsrates", "des IT-Staatsvertrags"): sources name bodies inflected."""
        words = text.strip().split()
        if not words or len(words[-1]) < 5:
            return []
        for ending in INFLECTIONS:
            if words[-1].endswith(ending):
                stem = " ".join([*words[:-1], words[-1][: -len(ending)]])
                found = self._exact(stem) or [m for m in self.rank(stem) if _tier(m.score) >= 2]
                if found:
                    return found
        return []

    def _generic(self, text: str, match: Match) -> bool:
        """A broad topic named by one common word ("Digitalisierung") that many other entities
        also carry in their names: picking the topic would hide what the user more likely
        meant, so the candidates are listed instead."""
        word = text.strip()
        if " " in word or not word[:1].isupper() or not word[1:].islower():
            return False
        if not match.entity.type.endswith(("#Topic", "#Concept")):
            return False
        return len(self.rank(text, limit=GENERIC_MATCHES + 1)) > GENERIC_MATCHES

    def get(self, iri: str) -> Entity | None:
        return self.entity(iri)

    def _by_iri(self, text: str) -> Entity | None:
        """The entity named by a full IRI or a known prefixed name (`ggd:mastd`), if any."""
        value = text.strip().removeprefix("<").removesuffix(">")
        if ":" not in value or " " in value:
            return None
        if not value.startswith(("http:", "https:", "urn:")):
            prefix, local = value.split(":", 1)
            if prefix not in PREFIXES:
                return None
            value = PREFIXES[prefix] + local
        try:
            return self.entity(value)
        except Exception:  # noqa: BLE001 - not a valid IRI: then it is not an IRI argument
            return None

    def rank(self, text: str, limit: int = 20) -> list[Match]:
        """Entities matching `text`, best first: exact label, prefix, substring, then fuzzy."""
        by_iri = self._by_iri(text)
        if by_iri:
            return [Match(by_iri, 1.0, compact(by_iri.iri))]
        query, loose = normalize(text), _loose(text)
        if not query:
            return []
        best: dict[str, Match] = {}
        for e, labels in self.label_keys:
            for label, key, key_loose, preferred in labels:
                if query == key or loose == key_loose:
                    # An entity's own name beats another entity's alternative name: the
                    # programme "Registermodernisierung" before the topic of that altLabel.
                    score = 1.0 if preferred else 0.95
                elif key.startswith(query) or key_loose.startswith(loose):
                    score = 0.8 + 0.1 * len(query) / max(len(key), 1)
                elif query in key or loose in key_loose:
                    score = 0.6 + 0.1 * len(query) / max(len(key), 1)
                else:
                    continue
                if e.iri not in best or score > best[e.iri].score:
                    best[e.iri] = Match(e, score, label)
        matches = sorted(best.values(), key=lambda m: (-m.score, m.entity.label(self.lang)))
        return matches[:limit]

    def similar(self, text: str, limit: int = 5) -> list[Match]:
        """Entities whose labels are close to `text` (typos), for when nothing matches."""
        found: dict[str, Match] = {}
        for label in self.suggestions(text, limit):
            for m in self.rank(label, limit=3):
                if _tier(m.score) >= 2 and m.entity.iri not in found:
                    found[m.entity.iri] = Match(m.entity, 0.0, label)
        return list(found.values())

    def suggestions(self, text: str, n: int = 5) -> list[str]:
        labels = {key: label for _, keys in self.label_keys for label, key, _, _ in keys}
        import difflib  # only when a name is not found: not on every answer's path

        close = difflib.get_close_matches(normalize(text), list(labels), n=n, cutoff=0.5)
        return [labels[c] for c in close]

    def resolve(self, text: str, generic: bool = False) -> Entity:
        """Exactly one entity for `text`, or a NotFoundError that lists candidates. An exact
        label or alias (any case, hyphen, umlaut spelling) wins over partial matches. With
        `generic` (the questions of policy staff), a generic word that is no exact label lists
        candidates too; query parameters keep taking the exact name."""
        by_iri = self._by_iri(text)
        if by_iri is not None:
            return by_iri
        matches = self._exact(text) or self._uninflected(text) or self.rank(text, limit=50)
        if not matches:
            hint = self.suggestions(text)
            more = ""
            if hint:
                more = message("answers.did_you_mean", self.lang, names=", ".join(hint))
            raise NotFoundError(message("answers.no_entity", self.lang, text=repr(text)) + more)
        # Ambiguity is decided by kind of match (exact, prefix, substring), not by score: a prefix
        # of two labels is ambiguous even if one label is shorter.
        top = [m for m in matches if _tier(m.score) == _tier(matches[0].score)]
        # An exact label or alias wins over partial matches, even a broad topic word
        # ("Informationssicherheit"): the reader named it. Only a partial match of a generic
        # word lists the many things named with it.
        exact = _tier(top[0].score) >= 2
        if len(top) == 1 and (exact or not (generic and self._generic(text, top[0]))):
            return top[0].entity
        if not exact and generic and self._generic(text, top[0]):
            # A generic word: what it begins (the topic itself) and the best of the many things
            # named with it ("Digitalisier": Digitalisierung, …budget, Schuldigitalisierung …).
            named = [m.entity for m in top]
            top = [*top, *[m for m in self.rank(text, limit=10) if m.entity not in named]]
        lines = [message("answers.ambiguous", self.lang, text=repr(text), count=len(top))]
        for m in top[:15]:
            e = m.entity
            lines.append(f"  {e.label(self.lang)}  [{e.type_label or compact(e.type)}]  {e.iri}")
        raise NotFoundError("\n".join(lines))


def _add_label_row(e: Entity, row: dict) -> None:
    """Fold one row of entity-labels / entity-labels-of into an Entity (first type wins: the
    queries list the most specific type first)."""
    label = row["label"]
    if row["labelKind"].value == "pref" and (label.language or "de") not in e.labels:
        e.labels[label.language or "de"] = label.value
    elif row["labelKind"].value != "pref" and label.value not in e.alt_labels:
        e.alt_labels.append(label.value)
    if not e.type and ("typeLabel" in row or "depth" in row):
        e.type = row["type"].value
        e.type_label = row["typeLabel"].value if "typeLabel" in row else ""
