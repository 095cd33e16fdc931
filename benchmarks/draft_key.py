"""Regenerate the answer key of `draft` from the reviewed facts of the four shipped laws.

The key (tests/data/answer_key/<law>.yaml) is what a careful reviewer accepted: the fact nodes
of graph/facts/<law>.ttl (Responsibility, Membership, FundingArrangement, Deadline, Demand),
each with actors, role, objects, share, period, certainty and its quotes with their locators.
Deriving it from the shipped graph keeps the two from drifting apart; run this after adding or
editing a law's facts, then benchmarks/draft_quality.py.

    python benchmarks/draft_key.py [--law ozg] [--check]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import rdflib
import yaml

from govgraph.graph.curation.proposal_score import FACT_KINDS
from govgraph.graph.namespaces import PREFIXES

ROOT = Path(__file__).resolve().parent.parent
LAWS = ["noots-staatsvertrag", "it-staatsvertrag", "ozg", "idnrg"]
KEY = ROOT / "tests" / "data" / "answer_key"
GG = rdflib.Namespace(PREFIXES["gg"])
OA = rdflib.Namespace(PREFIXES["oa"])
PROV = rdflib.Namespace(PREFIXES["prov"])
GGD = rdflib.Namespace(PREFIXES["ggd"])
TIME = rdflib.Namespace("http://www.w3.org/2006/time#")
HEADER = """\
# Answer key: the facts a careful reviewer accepts from {law} (actor, relation,
# object, period, locator, verbatim quote). Read against the law text; what the text
# leaves implicit (a certainty 'inferred') is marked so. A body an organisation set up
# (gg:establishedBy on the entity, id ending in #establishedBy) is a set-up fact. Used by
# benchmarks/draft_quality.py and tests/test_draft_quality.py.
# Generated from graph/facts/{law}.ttl by benchmarks/draft_key.py:
# edit the facts, not this file.
"""


def _short(term: rdflib.term.Node) -> str:
    return "ggd:" + str(term).removeprefix(PREFIXES["ggd"])


def _local(term: rdflib.term.Node | None) -> str:
    return str(term or "").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _german(graph: rdflib.Graph, node: rdflib.term.Node) -> str:
    labels = list(graph.objects(node, rdflib.RDFS.label))
    return str(next((x for x in labels if getattr(x, "language", None) == "de"), labels[0]))


def _date(graph: rdflib.Graph, point: rdflib.term.Node | None, end: bool = False) -> str | None:
    """A time point's day; of a year or month its first day, or its last for an end."""
    if point is None:
        return None
    bound = graph.value(point, GG.notAfter if end else GG.notBefore)
    value = graph.value(point, TIME.inXSDDate) or bound
    return str(value) if value is not None else None


def facts(law: str, path: Path | None = None) -> list[dict]:
    """The reviewed fact nodes of one law (or of the source `law` names in the facts file
    `path`), in the key's terms."""
    path = path or ROOT / "graph" / "facts" / f"{law}.ttl"
    text = path.read_text(encoding="utf-8")
    graph = rdflib.Graph().parse(path, format="turtle")
    out = []
    for kind in FACT_KINDS:
        nodes = sorted(graph.subjects(rdflib.RDF.type, GG[kind]), key=str)
        for node in nodes:
            fact: dict = {"id": _short(node), "kind": kind, "label": _german(graph, node)}
            fact["actors"] = sorted(_short(a) for a in graph.objects(node, GG.actor))
            fact["role"] = _local(graph.value(node, GG.role))
            fact["subjects"] = sorted(_short(s) for s in graph.objects(node, GG.subject))
            share = graph.value(node, GG.share)
            if share is not None:
                fact["share"] = str(share)
            period = {}
            interval = graph.value(node, GG.validDuring)
            if interval is not None:
                start = _date(graph, graph.value(interval, TIME.hasBeginning))
                end = _date(graph, graph.value(interval, TIME.hasEnd), end=True)
                period.update({k: v for k, v in (("from", start), ("to", end)) if v})
            due = _date(graph, graph.value(node, GG.dueBy), end=True)
            if due:
                period["due"] = due
            if period:
                fact["period"] = period
            if _local(graph.value(node, GG.certainty)) == "inferred":
                fact["certainty"] = "inferred"
            evidence = []
            for ev in graph.objects(node, PROV.wasDerivedFrom):
                if graph.value(ev, OA.hasSource) != GGD[f"source-{law}"]:
                    continue  # what another source (a report) says of it is no part of the law
                quote = graph.value(graph.value(ev, OA.hasSelector), OA.exact)
                if quote is None:
                    continue
                evidence.append({"quote": str(quote), "locator": str(graph.value(ev, GG.locator))})
            # in the order the facts file gives them: the sentence that states it first
            evidence.sort(key=lambda e: (text.find(e["quote"]), e["locator"]))
            fact["evidence"] = evidence
            out.append(fact)
    return out + set_ups(law, graph, text)


# what an organisation is not: a work ("established by the IT-Staatsvertrag" names no actor)
_WORKS = {"Work", "Law", "StateTreaty", "Agreement", "ContractTemplate", "Decision", "Programme",
          "Project", "ITSystem", "Network", "Register", "Service"}  # fmt: skip


def set_ups(law: str, graph: rdflib.Graph, text: str) -> list[dict]:
    """The bodies the law's facts say an organisation set up (gg:establishedBy on the entity,
    quoted by the entity's evidence from this law), as establishment facts: the graph states
    them once, on the entity, and `draft` proposes them as facts with the role establishment."""
    everything = rdflib.Graph()
    for path in sorted((ROOT / "graph" / "facts").glob("*.ttl")):
        everything.parse(path, format="turtle")
    out = []
    for entity, actor in sorted(graph.subject_objects(GG.establishedBy)):
        kinds = {_local(t) for t in everything.objects(actor, rdflib.RDF.type)}
        if not kinds or kinds & _WORKS:
            continue
        evidence = []
        for ev in graph.objects(entity, PROV.wasDerivedFrom):
            quote = graph.value(graph.value(ev, OA.hasSelector), OA.exact)
            if graph.value(ev, OA.hasSource) == GGD[f"source-{law}"] and quote is not None:
                evidence.append({"quote": str(quote), "locator": str(graph.value(ev, GG.locator))})
        evidence.sort(key=lambda e: (text.find(e["quote"]), e["locator"]))
        if evidence:
            label = f"{_german_label(everything, entity)} – eingerichtet von "
            label += _german_label(everything, actor)
            out.append({"id": _short(entity) + "#establishedBy", "kind": "Responsibility",
                        "label": label, "actors": [_short(actor)], "role": "establishment",
                        "subjects": [_short(entity)], "evidence": evidence})  # fmt: skip
    return out


def _german_label(graph: rdflib.Graph, node: rdflib.term.Node) -> str:
    labels = list(graph.objects(node, rdflib.namespace.SKOS.prefLabel))
    return str(next((x for x in labels if getattr(x, "language", None) == "de"), node))


def render(law: str) -> str:
    body = yaml.safe_dump(
        {"law": law, "facts": facts(law)}, allow_unicode=True, sort_keys=False, width=100
    )
    return HEADER.format(law=law) + body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--law", action="append", choices=LAWS)
    parser.add_argument("--check", action="store_true", help="fail if a key is out of date")
    args = parser.parse_args()
    stale = []
    for law in args.law or LAWS:
        target = KEY / f"{law}.yaml"
        new = render(law)
        if args.check:
            if target.read_text(encoding="utf-8") != new:
                stale.append(law)
            continue
        target.write_text(new, encoding="utf-8")
        print(f"{target.relative_to(ROOT)}: {len(facts(law))} facts")
    if stale:
        sys.exit(f"answer key out of date for: {', '.join(stale)} (run benchmarks/draft_key.py)")


if __name__ == "__main__":
    main()
