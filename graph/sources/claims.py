"""Claims per source: which sources state a fact (with each quote and its locator), and
whether another source's claim prevails.

A fact node is a claim; its evidences name their sources (two sources stating the same fact give
"2 Quellen"). Conflicts (gg:Conflict) join disagreeing claims and name the claim the graph follows
and the rule. This module reads both with two named queries into one index (`Claims`) that the
answers (graph/answers/claims.py), the network views and the web share; it also reads the source
records. It stands below the answers and imports nothing from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from govgraph.graph.errors import NotFoundError
from govgraph.graph.i18n import bilingual
from govgraph.graph.sparql.runner import run_named
from govgraph.graph.store.backend import Backend, Row

Record = dict[str, object]


def run(backend: Backend, name: str, lang: str, **params: object) -> list[Row]:
    return run_named(backend, name, lang=lang, **params)


def text(row: Row, key: str) -> str:
    term = row.get(key)
    return term.value if term is not None else ""


RULE_LATER_STATUS = "https://w3id.org/govgraph/concept/ruleLaterStatus"
PRIMARY = "https://w3id.org/govgraph/concept/primarySource"


@dataclass(frozen=True)
class SourceRef:
    """A source as answers cite it: IRI, short name, kind, and the first quote's locator."""

    iri: str
    short: str
    kind: str
    locators: tuple[str, ...] = ()
    quotes: tuple[tuple[str, str], ...] = ()  # (locator, verbatim quote), in locator order

    @property
    def primary(self) -> bool:
        return self.kind == PRIMARY


def locator_order(locator: str) -> tuple:
    """Sort key that puts "§ 3 Abs. 7 Satz 1" before "§ 3 Abs. 7 Buchst. b" and § 10 after § 9."""
    parts = re.findall(r"\d+|[^\d\s]+", locator)
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)


@dataclass
class ClaimSide:
    """One claim's place in a conflict."""

    conflict: str
    label: str
    rule: str
    rule_label: str
    explanation: str
    preferred: bool
    rivals_from: str = ""  # earliest day the preferred rival speaks of (for the later-status rule)
    has_preferred: bool = True
    source: str = ""  # this claim's source (short name), its quote and locator
    quote: str = ""
    locator: str = ""
    by: tuple[str, str] = ("", "")  # the preferred claim's source (short name) and locator


@dataclass
class Claims:
    """Sources of every fact and the conflicts each fact takes part in."""

    sources: dict[str, list[SourceRef]] = field(default_factory=dict)
    sides: dict[str, list[ClaimSide]] = field(default_factory=dict)

    def state(self, fact: str, at: date | None) -> str:
        """ "superseded", "disputed" or "" for `fact` as of `at` (None: regardless of time)."""
        for side in self.sides.get(fact, []):
            if not side.has_preferred:
                return "disputed"
            if side.preferred:
                continue
            if side.rule == RULE_LATER_STATUS and at is not None and side.rivals_from:
                if at.isoformat() < side.rivals_from:
                    continue
            return "superseded"
        return ""

    def rule_of(self, fact: str) -> str:
        return "; ".join(dict.fromkeys(s.rule_label for s in self.sides.get(fact, [])))


def load_claims(backend: Backend, lang: str) -> Claims:
    """Read the sources of all facts and all conflicts (two named queries)."""
    claims = Claims()
    found: dict[tuple[str, str], tuple[str, str, list[tuple[str, str]]]] = {}
    for row in run(backend, "fact-sources", lang):
        short = text(row, "shortName") or text(row, "source").rsplit("/", 1)[-1]
        entry = found.setdefault(
            (text(row, "fact"), text(row, "source")), (short, text(row, "kind"), [])
        )
        entry[2].append((text(row, "locator"), text(row, "quote")))
    for (fact, source), (short, kind, pairs) in found.items():
        located = sorted(set(pairs), key=lambda p: (locator_order(p[0]), p[1]))
        locators = tuple(dict.fromkeys(loc for loc, _ in located if loc))
        quotes = tuple((loc, q) for loc, q in located if q)
        claims.sources.setdefault(fact, []).append(SourceRef(source, short, kind, locators, quotes))
    rows = run(backend, "conflicts", lang)
    preferred_from: dict[str, str] = {}
    preferred_by: dict[str, tuple[str, str]] = {}
    with_preferred: set[str] = set()
    for row in rows:
        if text(row, "preferred") == "true":
            with_preferred.add(text(row, "conflict"))
            preferred_from[text(row, "conflict")] = text(row, "claimFrom")
            preferred_by.setdefault(
                text(row, "conflict"), (text(row, "shortName"), text(row, "locator"))
            )
    for row in rows:
        conflict = text(row, "conflict")
        side = ClaimSide(
            conflict=conflict,
            label=text(row, "conflictLabel"),
            rule=text(row, "rule"),
            rule_label=text(row, "ruleLabel"),
            explanation=text(row, "explanation"),
            preferred=text(row, "preferred") == "true",
            rivals_from=preferred_from.get(conflict, ""),
            has_preferred=conflict in with_preferred,
            source=text(row, "shortName"),
            quote=text(row, "quote"),
            locator=text(row, "locator"),
            by=preferred_by.get(conflict, ("", "")),
        )
        known = claims.sides.setdefault(text(row, "claim"), [])
        if all(s.conflict != conflict for s in known):
            known.append(side)
    return claims


def _named(records: list[Record], wanted: str) -> Record | None:
    for record in records:
        keys = (record["short_name"], record["iri"], record["iri"].rsplit("/", 1)[-1])
        if wanted in (k.casefold() for k in keys if k):
            return record
    return None


def source_by_name(backend: Backend, lang: str, name: str) -> Record | None:
    """The source whose short name or IRI (or its last part) is exactly `name`, any case."""
    return _named(source_records(backend, lang), name.casefold().strip())


def find_source(backend: Backend, lang: str, name: str) -> Record:
    """The source record whose short name, title or IRI matches `name` (case-insensitive)."""
    wanted = name.casefold().strip()
    records = source_records(backend, lang)
    exact = _named(records, wanted)
    if exact is not None:
        return exact
    hits = [r for r in records if wanted and wanted in r["title"].casefold()]
    if len(hits) == 1:
        return hits[0]
    names = ", ".join(r["short_name"] for r in (hits or records))
    no_source, known = bilingual("sources.no_source"), bilingual("sources.known")
    raise NotFoundError(f"{no_source} {name!r} – {known}: {names}")


def source_records(backend: Backend, lang: str) -> list[Record]:
    """Every source document with its bibliographic record and how many facts rest on it."""
    return [
        {
            "short_name": text(row, "shortName"),
            "title": text(row, "title"),
            "kind": text(row, "kindLabel"),
            "kind_iri": text(row, "kind"),
            "publisher": text(row, "publisher"),
            "issued": text(row, "issued"),
            "version": text(row, "versionDate"),
            "in_force": text(row, "inForceNote"),
            "url": text(row, "url"),
            "licence": text(row, "licence"),
            "language": text(row, "language"),
            "file": text(row, "localFile"),
            "sha256": text(row, "sha256"),
            "original_file": text(row, "originalFile"),
            "facts": int(text(row, "facts") or 0),
            "quotes": int(text(row, "quotes") or 0),
            "iri": text(row, "source"),
        }
        for row in run(backend, "sources", lang)
    ]


def quote_sources(backend: Backend, lang: str) -> dict[str, tuple[str, str]]:
    """Quote → the short name of the (first) source it is taken from and its place there ("" if
    the evidence names none): for quotes of entities and relations, which have no fact node in
    the index. One query per source document: bound
    to the document each is an index lookup (one over all evidence took 38 s at 1M triples)."""
    import pyoxigraph as ox

    found: dict[str, tuple[str, str]] = {}
    for record in source_records(backend, lang):
        rows = run_named(backend, "source-quotes", source=ox.NamedNode(str(record["iri"])))
        for row in rows:
            quote, place = row["quote"].value, (str(record["short_name"]), text(row, "locator"))
            known = found.get(quote)
            # the first source; in it, an evidence that names the place before one that does not
            if known is None or (known[0] == place[0] and place[1] and not known[1]):
                found[quote] = place
    return found


def conflict_records(backend: Backend, lang: str, source: str | None = None) -> list[Record]:
    """Every conflict as one record per claim, preferred claim first (for `govgraph conflicts`)."""
    return [
        {
            "conflict": text(row, "conflictLabel"),
            "aspect": text(row, "aspect"),
            "claim": text(row, "claimLabel"),
            "follows": text(row, "preferred") == "true",
            "rule": text(row, "ruleLabel"),
            "why": text(row, "explanation"),
            "source": text(row, "shortName"),
            "locator": text(row, "locator"),
            "quote": text(row, "quote"),
            "conflict_iri": text(row, "conflict"),
            "claim_iri": text(row, "claim"),
            "source_iri": text(row, "source"),
        }
        for row in run(backend, "conflicts", lang, source=source)
    ]


def facts_of_source(backend: Backend, lang: str, source: str) -> list[Record]:
    """The facts a source supports, with the locator of each quote (`govgraph show SOURCE`)."""
    rows = run(backend, "facts-by-source", lang, source=source)
    located: dict[str, list[str]] = {}
    for r in run(backend, "fact-sources", lang, source=source):
        located.setdefault(text(r, "fact"), []).append(text(r, "locator"))
    return [
        {
            "kind": text(row, "kindLabel"),
            "statement": text(row, "factLabel"),
            "locator": "; ".join(
                sorted(set(filter(None, located.get(text(row, "fact"), []))), key=locator_order)
            ),
            "iri": text(row, "fact"),
        }
        for row in rows
    ]
