"""What new sources changed: new entities, new facts, corroborations, changed dates, conflicts.

"Before" is the graph without the chosen library sources (the shipped graph plus older library
sources); "after" adds their accepted facts. Drafts are never part of either. A new fact that
says what a fact of another source says (same kind, actor, subject, role, share or date)
corroborates it; one that differs in the date of the same deadline is a changed date; one that
differs in the share of the same financing is a conflict. Both claims stay, as the design wants.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pyoxigraph as ox

from govgraph.graph.errors import DataError
from govgraph.graph.i18n import bilingual
from govgraph.graph.namespaces import PREFIXES
from govgraph.graph.sources.library import Library, SourceInfo
from govgraph.graph.sparql.named import run_named
from govgraph.graph.store.backend import LocalBackend
from govgraph.graph.store.dataset import DataSelection, library_files, load_store

GG = PREFIXES["gg"]
_SKIP_TYPES = {GG + t for t in ("TimePoint", "AmountMention", "Candidate", "Mention")}


@dataclass
class Change:
    kind: str  # new-entity, new-fact, corroboration, changed-date, conflict
    iri: str
    label: str
    source: str
    detail: str = ""
    other: str = ""  # the fact or entity of the earlier graph it relates to


@dataclass
class Diff:
    sources: list[str]
    changes: list[Change] = field(default_factory=list)

    def of(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]

    def as_json(self) -> dict:
        kinds = ("new-entity", "new-fact", "corroboration", "changed-date", "conflict")
        return {"sources": self.sources} | {k: [vars(c) for c in self.of(k)] for k in kinds}


def chosen_sources(library: Library, since: str | None) -> list[SourceInfo]:
    """The library sources a diff covers: all, those from SOURCE on, or those added on or after
    DATE (by their gg:addedOn)."""
    infos = library.sources()
    if not since:
        return infos
    try:
        day = date.fromisoformat(since)
    except ValueError:
        first = library.get(since)
        start = next(i for i, info in enumerate(infos) if info.id == first.id)
        return infos[start:]
    return [i for i in infos if _added_on(library, i) >= day]


def _added_on(library: Library, info: SourceInfo) -> date:
    """The day a source was added (its record's gg:addedOn); a malformed one is a DataError."""
    path = library.record_path(info.id)
    for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        if t.predicate.value == GG + "addedOn":
            try:
                return date.fromisoformat(t.object.value)
            except ValueError:
                raise DataError(f"{path}: gg:addedOn {t.object.value!r}: not a date") from None
    return date.min


def _label(store: ox.Store, iri: str) -> str:
    for row in run_named(LocalBackend(store), "internal/german-label", entity=ox.NamedNode(iri)):
        return row["l"].value
    return iri.rsplit("/", 1)[-1]


def _facts(store: ox.Store) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for row in run_named(LocalBackend(store), "internal/fact-keys"):
        f = found.setdefault(row["f"].value, {"types": set()})
        f["types"].add(row["type"].value)
        for key in ("actor", "subject", "role", "share", "from", "to", "label"):
            if key in row:
                found[row["f"].value].setdefault(key, row[key].value)
    return found


def compute(library: Library, selection: DataSelection, since: str | None = None) -> Diff:
    chosen = chosen_sources(library, since)
    new_files: dict[str, Path] = {
        i.id: library.facts_path(i.id) for i in chosen if library.facts_path(i.id).exists()
    }
    new_set = set(new_files.values())
    base = DataSelection(builtin=selection.builtin, extra=selection.extra)
    older = [p for p in library_files(library.root) if p not in new_set]
    before = load_store(base.files() + older)
    after = load_store(base.files() + older + list(new_set))
    diff = Diff([i.id for i in chosen])
    old_facts = _facts(before)
    all_facts = _facts(after)
    for source_id, path in new_files.items():
        triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
        subjects = {t.subject.value for t in triples if isinstance(t.subject, ox.NamedNode)}
        for iri in sorted(subjects):
            if iri in all_facts and iri not in old_facts:
                _fact_changes(diff, after, source_id, iri, all_facts[iri], old_facts)
                continue
            types = {t.object.value for t in triples if t.subject.value == iri
                     and t.predicate.value.endswith("#type")}  # fmt: skip
            known = any(True for _ in before.quads_for_pattern(ox.NamedNode(iri), None, None))
            if not known and types and not types & _SKIP_TYPES:
                diff.changes.append(Change("new-entity", iri, _label(after, iri), source_id))
            elif known:
                diff.changes.append(
                    Change("corroboration", iri, _label(after, iri), source_id, "neuer Beleg")
                )
    return diff


def _fact_changes(
    diff: Diff, store: ox.Store, source_id: str, iri: str, fact: dict, old_facts: dict[str, dict]
) -> None:
    label = fact.get("label") or _label(store, iri)
    diff.changes.append(Change("new-fact", iri, label, source_id))
    for other_iri, other in old_facts.items():
        if not fact["types"] & other["types"] or fact.get("subject") != other.get("subject"):
            continue
        if fact.get("role") != other.get("role"):
            continue
        same_actor = fact.get("actor") == other.get("actor")
        other_label = other.get("label") or other_iri
        if "from" in fact and "from" in other:
            if (fact["from"], fact["to"]) == (other["from"], other["to"]):
                if same_actor:
                    diff.changes.append(
                        Change("corroboration", iri, label, source_id, "", other_iri)
                    )
            else:
                detail = f"{other['from']}…{other['to']} → {fact['from']}…{fact['to']}"
                diff.changes.append(
                    Change("changed-date", iri, label, source_id, detail, other_iri)
                )
        elif same_actor and "share" in fact and "share" in other:
            if float(fact["share"]) == float(other["share"]):
                diff.changes.append(Change("corroboration", iri, label, source_id, "", other_iri))
            else:
                share = bilingual("sources.diff.share")
                detail = f"{share} {other['share']} ≠ {fact['share']} ({other_label})"
                diff.changes.append(Change("conflict", iri, label, source_id, detail, other_iri))
        elif same_actor and "share" not in fact and "from" not in fact:
            diff.changes.append(Change("corroboration", iri, label, source_id, "", other_iri))
