"""How good `draft`'s fact proposals are: precision and recall against a reviewed answer key.

The key lists the facts a careful reviewer accepts from a text (actor, relation, object and the
verbatim quote with its locator). Facts and proposals are compared as (actor, role, subject)
triples: a fact with two actors ("Bund und Länder sind verpflichtet …") is two triples, as
`draft` proposes one actor per candidate. A proposal is right when a key fact has the same
triple and its quote stands in the proposal's sentence (or the sentence in its quote, for a
quote across sentences). Precision counts proposals, recall key triples; both are given per
relation (the role) and in total, so a benchmark shows where drafting falls short. Key facts a
reviewer inferred (certainty "inferred": an object or date the sentence does not name) stay in
the key but out of the score, since no reading of the sentence alone can propose them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
import yaml

from govgraph.graph.namespaces import PREFIXES

_GG = rdflib.Namespace(PREFIXES["gg"])
_OA = rdflib.Namespace(PREFIXES["oa"])
_PROV = rdflib.Namespace(PREFIXES["prov"])
FACT_KINDS = ("Responsibility", "Membership", "FundingArrangement", "Deadline", "Demand")


@dataclass(frozen=True)
class Triple:
    """One actor's relation to one object, with the quotes it rests on."""

    actor: str
    role: str
    subject: str
    quotes: tuple[str, ...]
    confidence: float = 1.0
    number: int = 0  # the candidate's number in the draft (0 in the key)


@dataclass
class Score:
    """Right proposals, all proposals and key triples found, per relation."""

    right: Counter = field(default_factory=Counter)
    proposed: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    expected: Counter = field(default_factory=Counter)

    def add(self, other: Score) -> None:
        for name in ("right", "proposed", "found", "expected"):
            getattr(self, name).update(getattr(other, name))

    def precision(self, role: str | None = None) -> float | None:
        p = sum(self.proposed.values()) if role is None else self.proposed[role]
        r = sum(self.right.values()) if role is None else self.right[role]
        return r / p if p else None

    def recall(self, role: str | None = None) -> float | None:
        e = sum(self.expected.values()) if role is None else self.expected[role]
        f = sum(self.found.values()) if role is None else self.found[role]
        return f / e if e else None


def _flat(text: str) -> str:
    return " ".join(text.split())


def _short(term: object) -> str:
    return "ggd:" + str(term).removeprefix(PREFIXES["ggd"])


def key_triples(path: Path) -> list[Triple]:
    """The key's facts of one law as triples."""
    key = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for fact in key["facts"]:
        if fact.get("certainty") == "inferred":
            continue  # what the text leaves implicit cannot be read from its sentence
        quotes = tuple(_flat(e["quote"]) for e in fact["evidence"])
        for actor in fact["actors"]:
            for subject in fact["subjects"] or [""]:
                out.append(Triple(actor, fact["role"], subject, quotes))
    return out


def draft_triples(graph: rdflib.Graph) -> list[Triple]:
    """The fact candidates of a draft file as triples."""
    out = []
    for kind in FACT_KINDS:
        for c in graph.subjects(rdflib.RDF.type, _GG[kind]):
            if (c, rdflib.RDF.type, _GG.Candidate) not in graph:
                continue
            role = str(graph.value(c, _GG.role) or "").rsplit("/", 1)[-1]
            quotes = []
            for ev in graph.objects(c, _PROV.wasDerivedFrom):
                selector = graph.value(ev, _OA.hasSelector)
                quotes.append(_flat(str(graph.value(selector, _OA.exact) or "")))
            confidence = float(graph.value(c, _GG.confidence) or 0)
            number = int(str(c).rsplit("-", 1)[-1])
            subjects = [_short(s) for s in graph.objects(c, _GG.subject)] or [""]
            for actor in graph.objects(c, _GG.actor):
                for subject in subjects:
                    out.append(
                        Triple(_short(actor), role, subject, tuple(quotes), confidence, number)
                    )
    return sorted(out, key=lambda t: t.number)


def same(proposal: Triple, fact: Triple) -> bool:
    """The proposal states the key fact: same triple, and one's quote stands in the other's."""
    if (proposal.actor, proposal.role, proposal.subject) != (fact.actor, fact.role, fact.subject):
        return False
    return any(k in p or p in k for p in proposal.quotes for k in fact.quotes if k and p)


def score(key: list[Triple], proposals: list[Triple]) -> Score:
    """Right and found counts per relation; a key triple is found once however often proposed."""
    s = Score()
    for p in proposals:
        s.proposed[p.role] += 1
        if any(same(p, k) for k in key):
            s.right[p.role] += 1
    for k in key:
        s.expected[k.role] += 1
        if any(same(p, k) for p in proposals):
            s.found[k.role] += 1
    return s


def calibration(key: list[Triple], proposals: list[Triple]) -> dict[float, tuple[int, int]]:
    """(right, proposed) per confidence value: what a confidence of 0.8 has meant so far."""
    table: dict[float, list[int]] = {}
    for p in proposals:
        row = table.setdefault(p.confidence, [0, 0])
        row[0] += any(same(p, k) for k in key)
        row[1] += 1
    return {c: (r, n) for c, (r, n) in sorted(table.items())}
