"""Find the entities the graph already knows in a new text, by label, abbreviation and inflection.

German inflects names: "des IT-Planungsrats", "der Föderalen IT-Kooperation", "des Bundes". Each
label becomes a pattern in which the last word may take a case ending (-s, -es, -n, -en, -e) and
an adjective ending in -e may take -en/-er/-es/-em; hyphens and spaces are interchangeable.
Abbreviations (IT-PLR, FITKO, BVA) must match exactly and in their case. Where one wording names
several entities, every one is proposed with a lower confidence, so a person picks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from govgraph.graph.namespaces import PREFIXES
from govgraph.graph.sparql.named import run_named
from govgraph.graph.store.backend import LocalBackend

_SUFFIX = r"(?:s|es|n|en|e|er|ern|r|m)?"
_ADJ = r"(?:e|en|er|es|em)"
# an adjective in its strong form leading a name: "Statistisches", "Nationaler", "Föderales"
_STRONG_ADJ = re.compile(r"^[A-ZÄÖÜ]\w*(?:isch|sch|lich|al|ig|iv|ell|ar)(?:es|er)$")


@dataclass
class KnownEntity:
    iri: str
    label_de: str = ""
    label_en: str = ""
    labels: set[str] = field(default_factory=set)
    is_org: bool = False
    type: str = ""
    parties: list[str] = field(default_factory=list)  # of an agreement: who concluded it
    types: set[str] = field(default_factory=set)  # local names of all its classes

    @property
    def compact(self) -> str:
        return "ggd:" + self.iri.removeprefix(PREFIXES["ggd"])


@dataclass(frozen=True)
class Mention:
    entity: KnownEntity
    text: str
    start: int
    end: int
    confidence: float


def known_entities(store: ox.Store) -> dict[str, KnownEntity]:
    """Every named entity of the graph (actors, works, topics, events) with its labels."""
    found: dict[str, KnownEntity] = {}
    for row in run_named(LocalBackend(store), "internal/known-entities"):
        iri = row["e"].value
        e = found.setdefault(iri, KnownEntity(iri))
        label = row["label"]
        e.labels.add(label.value)
        if row["pref"].value == "true":
            if label.language == "de" and not e.label_de:
                e.label_de = label.value
            elif label.language == "en" and not e.label_en:
                e.label_en = label.value
        e.is_org = e.is_org or row["isOrg"].value == "true"
        if row.get("type") is not None:
            e.type = e.type or row["type"].value
            e.types.add(row["type"].value.rsplit("#", 1)[-1].rsplit("/", 1)[-1])
    for row in run_named(LocalBackend(store), "internal/treaty-parties"):
        e = found.get(row["e"].value)
        if e is not None and row["p"].value not in e.parties:
            e.parties.append(row["p"].value)
    for e in found.values():
        e.label_de = e.label_de or e.label_en or min(e.labels)
        e.label_en = e.label_en or e.label_de
    return found


def is_abbreviation(label: str) -> bool:
    """IT-PLR, FITKO, BVA, OZG, RegMo: short, several capitals, no space."""
    capitals = sum(c.isupper() for c in label)
    return " " not in label and len(label) <= 12 and capitals >= 2


def label_pattern(label: str) -> str:
    """A regex for a label with German case endings and free hyphen/space."""
    if is_abbreviation(label):
        return re.escape(label).replace(r"\-", r"[-\s]?")
    words = label.split()
    parts = []
    for i, word in enumerate(words):
        core = re.escape(word).replace(r"\-", r"[-\s]?")
        if i == len(words) - 1 and len(word) >= 3 and word[-1].isalpha():
            core += _SUFFIX
        elif word[0].isupper() and word.endswith("e") and len(word) > 4 and i < len(words) - 1:
            core = re.escape(word[:-1]) + _ADJ
        elif word.islower() and word.endswith("e") and len(word) > 4 and i < len(words) - 1:
            core = re.escape(word[:-1]) + _ADJ  # "gemeinsame Anstalt": "der gemeinsamen Anstalt"
        elif word[0].isupper() and word.endswith("ter") and i < len(words) - 1:
            core = re.escape(word[:-2]) + _ADJ  # "Beauftragter": "der Beauftragte", "des -ten"
        elif _STRONG_ADJ.match(word) and i < len(words) - 1 and words[i + 1][0].isupper():
            core = re.escape(word[:-2]) + _ADJ  # "Statistisches Bundesamt": "das Statistische"
        elif word[0].isupper() and i < len(words) - 1 and words[i + 1][0].islower():
            # the head noun before its attribute takes the case ending: "des Bundesministeriums
            # des Innern", "des Bundesamtes für Sicherheit …"
            core += r"(?:s|es)?" if word[-1] not in "sßxz" else ""
        elif word.endswith(("es", "er", "en")) and word[0].islower():  # "des", "der" vary
            core = r"(?:des|der|dem|den|die|das)" if word in ("des", "der", "den") else core
        parts.append(core)
    return r"\s+".join(parts)


def _confidence(label: str, pref: bool) -> float:
    if is_abbreviation(label):
        return 0.85
    if not pref and " " not in label and "-" not in label and len(label) <= 6:
        return 0.3  # "Land", "Städte": a common word as alternative name, rarely meant
    if " " in label or "-" in label:
        return 0.9 if pref else 0.85
    return 0.75 if len(label) >= 8 else 0.5


class Matcher:
    """All labels of the known entities, compiled once, applied to sentence after sentence."""

    def __init__(self, entities: dict[str, KnownEntity]) -> None:
        self.entities = entities
        by_label: dict[str, list[KnownEntity]] = {}
        for e in entities.values():
            for label in e.labels:
                if len(label) >= 3 and not label.isdigit():
                    by_label.setdefault(label, []).append(e)
        self._patterns: list[tuple[str, str, re.Pattern[str], list[KnownEntity], float]] = []
        for label, owners in sorted(by_label.items(), key=lambda kv: -len(kv[0])):
            # a name inside a compound ("Datenschutz-Grundverordnung") is not a mention of it;
            # an abbreviation is ("NOOTS-Strukturen")
            after = r"(?!\w)" if is_abbreviation(label) else r"(?!\w|-)"
            pattern = re.compile(rf"(?<![\w-]){label_pattern(label)}{after}")
            prefs = [o for o in owners if label in (o.label_de, o.label_en)]
            chosen = prefs or owners
            score = _confidence(label, bool(prefs))
            if len(chosen) > 1:
                score = round(score / 2, 2)
            self._patterns.append((label[:3], label[:3].lower(), pattern, chosen, score))

    def find(self, text: str) -> list[Mention]:
        """Mentions in `text`, one per entity and span; nested names are kept (a committee of
        the IT-Planungsrat mentions both)."""
        found: dict[tuple[str, int], Mention] = {}
        lowered = text.lower()
        heads = {lowered[i : i + 3] for i in range(len(lowered) - 2)}  # a set: one look-up each
        for _head, low, pattern, owners, score in self._patterns:
            if low not in heads:
                continue
            for m in pattern.finditer(text):
                for e in owners:
                    key = (e.iri, m.start())
                    if key not in found or found[key].confidence < score:
                        found[key] = Mention(e, m.group(0), m.start(), m.end(), score)
        return sorted(found.values(), key=lambda m: (m.start, -m.end))
