"""Review a draft file: set candidates accepted or rejected, and derive the accepted facts.

The draft file stays the record of every decision (its gg:reviewStatus lines are edited in
place, so the reviewer's comments and edits survive). The facts file of the source is derived
from it as a whole each time: accepted facts lose their draft marks, an accepted mention becomes
one more piece of evidence on the known entity (a corroboration), an accepted new name becomes an
entity, and a fact pulls in the time point it points at. The result is checked with the same
SHACL shapes, quote check and link check as `govgraph validate` before it replaces the old file.

Before that, review checks everything it is about to write, whatever file an entity was first
written in: every quote must stand whole and verbatim in this draft's own source; every statement
must be about one of this source's own candidates, a new entity whose IRI nothing else uses yet,
or (for an accepted mention) be one more piece of evidence on a known entity and nothing else.
A refused review writes nothing: neither the facts file nor the draft's decisions. The new facts
file is validated under a temporary name outside the loaded folders and renamed into place only
when it passes, so a review killed half-way never leaves an invalid facts file behind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import rdflib
from rdflib import RDF, RDFS, SKOS, BNode, Literal, Namespace, URIRef

from govgraph.graph.errors import DataError, UsageError
from govgraph.graph.files import write_atomic
from govgraph.graph.i18n import bilingual
from govgraph.graph.namespaces import PREFIXES
from govgraph.graph.sources.library import Library, SourceInfo, slug
from govgraph.graph.store.dataset import DataSelection

GG = Namespace(PREFIXES["gg"])
GGC = Namespace(PREFIXES["ggc"])
GGD = Namespace(PREFIXES["ggd"])
PROV = Namespace(PREFIXES["prov"])
OA = Namespace(PREFIXES["oa"])
STATUSES = {"accept": GGC.accepted, "reject": GGC.rejected, "draft": GGC.draft}
_DROP = {GG.matchedText, GG.proposedCertainty, GG.proposedType}


@dataclass
class Item:
    """One candidate as the reviewer sees it."""

    number: int
    iri: URIRef
    kind: str
    status: str
    label: str
    quote: str
    locator: str
    confidence: str


def load_draft(path: Path) -> rdflib.Graph:
    """Parse a draft file; bad Turtle is one line naming the file."""
    graph = rdflib.Graph()
    try:
        graph.parse(path, format="turtle")
    except (OSError, UnicodeDecodeError) as err:
        raise DataError(f"{path}: {err}") from None
    except Exception as err:  # noqa: BLE001 - rdflib raises many kinds for bad Turtle
        raise DataError(f"{path}: {bilingual('sources.review.not_turtle')}: {err}") from None
    return graph


def items(graph: rdflib.Graph) -> list[Item]:
    """Every candidate in the draft, in the order of its number."""
    found = []
    for iri in set(graph.subjects(RDF.type, GG.Candidate)):
        tail = re.search(r"-(\d+)$", str(iri))
        number = int(tail.group(1)) if tail else 0
        kinds = [
            str(t).removeprefix(str(GG)) for t in graph.objects(iri, RDF.type) if t != GG.Candidate
        ]
        status = graph.value(iri, GG.reviewStatus)
        label = graph.value(iri, RDFS.label) or graph.value(iri, SKOS.prefLabel) or ""
        evidence = graph.value(iri, PROV.wasDerivedFrom)
        quote = locator = ""
        if evidence is not None:
            selector = graph.value(evidence, URIRef(PREFIXES["oa"] + "hasSelector"))
            quote = str(graph.value(selector, URIRef(PREFIXES["oa"] + "exact")) or "")
            locator = str(graph.value(evidence, GG.locator) or "")
        found.append(
            Item(
                number,
                iri,
                kinds[0] if kinds else "",
                str(status).removeprefix(str(GGC)) if status else "draft",
                str(label),
                quote,
                locator,
                str(graph.value(iri, GG.confidence) or ""),
            )
        )
    return sorted(found, key=lambda i: i.number)


def find_item(all_items: list[Item], key: str) -> Item:
    """A candidate by its number (`12`) or IRI (`ggd:draft-x-012`)."""
    key = key.strip()
    for item in all_items:
        if key.isdigit() and int(key) == item.number:
            return item
        if key in (str(item.iri), "ggd:" + str(item.iri).removeprefix(str(GGD))):
            return item
    raise UsageError(f"{key}: {bilingual('sources.review.no_candidate')}")


def draft_source(path: Path, graph: rdflib.Graph) -> str:
    """The id of the one source the draft's evidence cites; one line if it cites none or more."""
    sources = {str(o) for o in graph.objects(None, OA.hasSource)}
    if len(sources) != 1:
        raise DataError(f"{path}: {bilingual('cli.review.one_source')}")
    return sources.pop().removeprefix(str(GGD) + "source-")


def status_text(path: Path, graph: rdflib.Graph, decisions: dict[URIRef, str]) -> bytes:
    """The draft file with the decisions in it, editing only the status line of each candidate
    (the graph is updated too); nothing is written here."""
    text: str | None = path.read_text(encoding="utf-8")
    for iri, decision in decisions.items():
        graph.set((iri, GG.reviewStatus, STATUSES[decision]))
        if text is None:
            continue
        local = "ggd:" + str(iri).removeprefix(str(GGD))
        block = re.search(rf"(?m)^{re.escape(local)} a .*?(?=^\S|\Z)", text, re.S)
        status = re.compile(r"gg:reviewStatus\s+ggc:\w+")
        if block is None or not status.search(block.group(0)):
            text = None  # the file was reformatted by hand: write the graph instead
            continue
        new_block = status.sub(
            f"gg:reviewStatus ggc:{STATUSES[decision].split('/')[-1]}", block.group(0), 1
        )
        text = text[: block.start()] + new_block + text[block.end() :]
    if text is None:
        return graph.serialize(format="turtle").encode("utf-8")
    return text.encode("utf-8")


def map_names(path: Path, mapping: list[tuple[Item, str]]) -> rdflib.Graph:
    """Map proposed new names onto existing entries instead of creating twins.

    `draft` gives the facts of a new name the IRI review would create for it; mapping the name's
    candidate (`--map 3=ggd:bundesverwaltungsamt`) rewrites that IRI to the entry's in the draft
    file, so the facts that name it speak of the existing entry, and rejects the name itself.
    Returns the draft as parsed again.
    """
    text = path.read_text(encoding="utf-8")
    graph = load_draft(path)
    decisions = {}
    for item, entry in mapping:
        if item.kind != "NewEntity":
            raise UsageError(f"{item.number}: {bilingual('sources.review.no_candidate')}")
        target = entry.strip()
        if target.startswith("ggd:"):
            target = PREFIXES["ggd"] + target[4:]
        if not re.fullmatch(r"https?://\S+", target):
            raise UsageError(f"{entry}: {bilingual('sources.review.no_candidate')}")
        name = str(graph.value(item.iri, SKOS.prefLabel) or "")
        twin = PREFIXES["ggd"] + slug(name)
        local = twin.removeprefix(PREFIXES["ggd"])
        pattern = rf"(?:ggd:{re.escape(local)}|<{re.escape(twin)}>)(?![\w-])"
        text = re.sub(pattern, f"<{target}>", text)
        decisions[item.iri] = "reject"
    write_atomic(path, text.encode("utf-8"))
    graph = load_draft(path)
    write_atomic(path, status_text(path, graph, decisions))
    return graph


def accepted_graph(graph: rdflib.Graph, title: str) -> rdflib.Graph:
    """The facts that follow from the accepted candidates (see the module docstring)."""
    return accepted_facts(graph, title)[0]


def accepted_facts(graph: rdflib.Graph, title: str) -> tuple[rdflib.Graph, dict]:
    """The accepted facts, and the IRI of each new entity with the candidate that named it."""
    new_entities: dict = {}
    out = rdflib.Graph()
    for prefix in ("gg", "ggc", "ggd", "rdfs", "xsd", "skos", "org", "time", "prov", "oa"):
        out.bind(prefix, PREFIXES[prefix])
    accepted = set(graph.subjects(GG.reviewStatus, GGC.accepted))
    for iri in list(accepted):  # a fact brings the time point it is due by
        for point in graph.objects(iri, GG.dueBy):
            accepted.add(point)
    for iri in sorted(accepted):
        types = set(graph.objects(iri, RDF.type))
        if GG.Mention in types:
            entity = graph.value(iri, GG.mentions)
            for ev in graph.objects(iri, PROV.wasDerivedFrom):
                _copy_evidence(graph, out, entity, ev)
            continue
        if GG.NewEntity in types:
            new_entities[_new_entity(graph, out, iri, title)] = f"[{_candidate_number(iri)}]"
            continue
        for p, o in graph.predicate_objects(iri):
            if p in _DROP or (p == RDF.type and o == GG.Candidate):
                continue
            if p == GG.certainty and o == GGC.draft:
                continue
            if p == GG.reviewStatus:
                o = GGC.accepted
            if p == PROV.wasDerivedFrom:
                _copy_evidence(graph, out, iri, o)
                continue
            out.add((iri, p, o))
        proposed = graph.value(iri, GG.proposedCertainty)
        if proposed is not None:
            out.add((iri, GG.certainty, proposed))
    return out, new_entities


def _copy_evidence(graph: rdflib.Graph, out: rdflib.Graph, subject, evidence) -> None:
    """Copy an evidence node with everything below it under a fresh blank node."""
    new = BNode()
    out.add((subject, PROV.wasDerivedFrom, new))
    stack = [(evidence, new)]
    while stack:
        old, fresh = stack.pop()
        for p, o in graph.predicate_objects(old):
            if isinstance(o, BNode):
                child = BNode()
                out.add((fresh, p, child))
                stack.append((o, child))
            else:
                out.add((fresh, p, o))


def _new_entity(graph: rdflib.Graph, out: rdflib.Graph, iri, title: str) -> URIRef:
    name = str(graph.value(iri, SKOS.prefLabel))
    entity = GGD[slug(name)]
    cls = graph.value(iri, GG.proposedType) or GG.Body
    out.add((entity, RDF.type, cls))
    out.add((entity, SKOS.prefLabel, Literal(name, lang="de")))
    out.add((entity, SKOS.prefLabel, Literal(name, lang="en")))
    out.add((entity, SKOS.definition, Literal(f"Genannt in »{title}«.", lang="de")))
    out.add((entity, SKOS.definition, Literal(f"Named in '{title}'.", lang="en")))
    out.add((entity, GG.reviewStatus, GGC.accepted))
    for ev in graph.objects(iri, PROV.wasDerivedFrom):
        _copy_evidence(graph, out, entity, ev)
    return entity


def _candidate_number(iri) -> str:
    tail = re.search(r"-(\d+)$", str(iri))
    return (tail.group(1).lstrip("0") or "0") if tail else str(iri)


def check_facts(
    facts: rdflib.Graph, info: SourceInfo, text: str, existing: set[str], new_entities: set
) -> list[str]:
    """What review must refuse in the facts it is about to write (see the module docstring):
    `existing` holds the IRIs the graph already describes without this source's facts."""
    problems: list[str] = []
    own = re.compile(re.escape(f"{GGD}draft-{info.id}-") + r"\d+")
    source = URIRef(info.iri)
    for where in set(facts.objects(None, OA.hasSource)):
        if where != source:
            problems.append(f"{bilingual('curation.review.other_source')}: <{where}>")
    for quote in set(facts.objects(None, OA.exact)):
        if str(quote) not in text:
            short = str(quote) if len(quote) <= 70 else str(quote)[:67] + "..."
            problems.append(f'{bilingual("curation.review.quote_not_verbatim")}: "{short}"')
    for subject in sorted(set(facts.subjects()), key=str):
        if isinstance(subject, BNode) or own.fullmatch(str(subject)):
            continue
        iri = "ggd:" + str(subject).removeprefix(str(GGD))
        if subject in new_entities:
            if str(subject) in existing:
                message = bilingual("curation.review.existing_entity", iri=iri)
                problems.append(f"{new_entities[subject]}: {message}")
            continue
        if str(subject) not in existing:
            problems.append(f"{iri}: {bilingual('curation.review.not_own_candidate', id=info.id)}")
            continue
        changed = {p for p in facts.predicates(subject) if p != PROV.wasDerivedFrom}
        if changed:
            problems.append(f"{iri}: {bilingual('curation.review.changes_existing')}")
    return problems


def described(files: list[Path]) -> set[str]:
    """Every IRI that the files say something about (as subject); a large graph comes from the
    store cache, as validate takes it."""
    from govgraph.graph.sparql.named import run_named
    from govgraph.graph.store.backend import LocalBackend
    from govgraph.graph.validation.checks import graph_store

    backend = LocalBackend(graph_store(files))
    return {row["s"].value for row in run_named(backend, "internal/described-subjects")}


def apply_review(
    library: Library,
    info: SourceInfo,
    draft_path: Path,
    graph: rdflib.Graph,
    draft_bytes: bytes,
    selection: DataSelection,
) -> list[str]:
    """Check and validate the facts of the reviewed draft; when they pass, write the draft's
    decisions and then the facts file. Call it holding the library's lock.

    Problems are returned as lines (what, where) and nothing is written; an empty list means
    the draft and the facts are in place.
    """
    import os

    from govgraph.graph.validation.checks import validate

    for stale in library.root.glob(".review-*.ttl"):  # left by a review killed half-way
        stale.unlink(missing_ok=True)
    facts, new_entities = accepted_facts(graph, info.title)
    target = library.facts_path(info.id)
    others = [f for f in selection.files() if f.resolve() != target.resolve()]
    problems = check_facts(facts, info, library.text(info), described(others), new_entities)
    if problems:
        return [f"{draft_path}: {p}" for p in problems]
    if len(facts) == 0:
        write_atomic(draft_path, draft_bytes)
        target.unlink(missing_ok=True)
        return []
    header = f"# Accepted facts of source {info.id}, from {draft_path.name} (govgraph review).\n"
    pending = library.root / f".review-{info.id}-{os.getpid()}.ttl"
    write_atomic(pending, (header + facts.serialize(format="turtle")).encode("utf-8"))
    try:
        report = validate(selection, substitute=(target, pending))
        problems = [
            str(p).replace(str(pending), str(target))
            for p in report.syntax + report.problems
            if str(pending) in str(p)
        ]
        if problems:
            return problems
        write_atomic(draft_path, draft_bytes)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(pending, target)
    finally:
        pending.unlink(missing_ok=True)
    return []


def take_decisions(
    file: Path, decisions: dict[URIRef, str], selection: DataSelection
) -> tuple[SourceInfo, list[str], Path]:
    """Apply a person's decisions to the draft FILE under the library's lock: the source, the
    problems that refused them (nothing written then), and the source's facts file.

    The draft is read again under the lock, so a review that ran meanwhile keeps its decisions;
    a draft whose source was removed, or a decision on no candidate of it, is refused.
    """
    library = Library()
    with library.lock():
        graph = load_draft(file)
        source_id = draft_source(file, graph)
        try:
            info = library.get(source_id, exact=True)
        except UsageError:
            raise DataError(f"{file}: {bilingual('curation.review.source_gone')}") from None
        known = {item.iri for item in items(graph)}
        for iri in decisions:
            if iri not in known:
                raise DataError(f"{file}: {iri}: {bilingual('sources.review.no_candidate')}")
        draft_bytes = status_text(file, graph, decisions)
        problems = apply_review(library, info, file, graph, draft_bytes, selection)
    return info, problems, library.facts_path(info.id)
