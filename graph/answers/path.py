"""How two entities are connected: the shortest chains of relations between them.

The search ignores direction (a ministry's unit and the programme it coordinates are connected
whichever way the triples point), but each step keeps and shows its direction:
`Landeskoordination RegMo —ist Einheit von→ MASTD`, `X ←Vertragspartei— Y`.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

import networkx as nx

from govgraph.graph.answers.building import Citations, merged_evidence, merged_overruled
from govgraph.graph.answers.model import Entry
from govgraph.graph.errors import NotFoundError, UsageError
from govgraph.graph.i18n import bilingual, message

# all_shortest_paths can yield very many paths in dense parts; look at this many, show the best.
_CANDIDATES = 2000


@dataclass(frozen=True)
class Step:
    source: str  # IRI of the node this step starts from (in reading order)
    target: str
    labels: tuple[str, ...]  # the relations between them, e.g. ("ist Einheit von",)
    forward: bool  # True: source —label→ target; False: source ←label— target


@dataclass(frozen=True)
class Chain:
    nodes: tuple[str, ...]
    steps: tuple[Step, ...]


def _step(g: nx.MultiDiGraph, u: str, v: str) -> Step:
    out = sorted({d.get("label", "") for d in g.get_edge_data(u, v, default={}).values()})
    back = sorted({d.get("label", "") for d in g.get_edge_data(v, u, default={}).values()})
    if out:
        return Step(u, v, tuple(out), True)
    return Step(u, v, tuple(back), False)


def shortest_chains(g: nx.MultiDiGraph, a: str, b: str, limit: int = 5) -> list[Chain]:
    """Up to `limit` shortest chains from a to b, in a stable order (by their labels)."""
    if limit < 1:
        raise UsageError(message("answers.path_max", "en"))
    for node in (a, b):
        if node not in g:
            raise NotFoundError(message("answers.path_not_in_network", "en", node=node))
    if a == b:
        raise UsageError(bilingual("answers.path_same"))
    undirected = g.to_undirected(as_view=True)
    try:
        paths = list(islice(nx.all_shortest_paths(undirected, a, b), _CANDIDATES))
    except nx.NetworkXNoPath:
        return []

    def sort_key(path: list[str]) -> tuple:
        return tuple(g.nodes[n].get("label", n).casefold() for n in path)

    chains = []
    for path in sorted(paths, key=sort_key)[:limit]:
        steps = tuple(_step(g, u, v) for u, v in zip(path, path[1:], strict=False))
        chains.append(Chain(tuple(path), steps))
    return chains


def chain_text(g: nx.MultiDiGraph, chain: Chain) -> str:
    """`A —rel→ B ←rel— C` with the labels of the nodes."""
    text = g.nodes[chain.nodes[0]].get("label", chain.nodes[0])
    for step in chain.steps:
        relation = " / ".join(step.labels)
        arrow = f" —{relation}→ " if step.forward else f" ←{relation}— "
        text += arrow + g.nodes[step.target].get("label", step.target)
    return text


def _ends(step: Step) -> tuple[str, str]:
    """The step as its relation points: (from, to)."""
    return (step.source, step.target) if step.forward else (step.target, step.source)


def _facts(g: nx.MultiDiGraph, step: Step) -> list[tuple[str, str]]:
    """(fact IRI, quote) of each edge the step stands for, in a stable order."""
    u, v = _ends(step)
    edges = g.get_edge_data(u, v, default={}).values()
    return sorted({(d.get("fact", ""), d.get("quote", "")) for d in edges if d.get("fact")})


def chain_record(g: nx.MultiDiGraph, chain: Chain, cite: Citations) -> dict[str, object]:
    """A chain for scripts: its length, its text, and each step with both ends, its relations,
    the facts it rests on with their claim state and every quote (source, locator)."""
    steps = []
    for s in chain.steps:
        u, v = _ends(s)
        facts = _facts(g, s)
        steps.append(
            {
                "from": u,
                "to": v,
                "from_label": g.nodes[u]["label"],
                "to_label": g.nodes[v]["label"],
                "relations": list(s.labels),
                "facts": [f for f, _ in facts],
                "claim_states": [cite.state(f) for f, _ in facts],
                "evidence": [
                    {"source": e.source, "locator": e.locator, "quote": e.quote}
                    for f, q in facts
                    for e in cite.evidence(f, q)
                ],
            }
        )
    return {"length": len(chain.steps), "text": chain_text(g, chain), "steps": steps}


def marked(g: nx.MultiDiGraph, step: Step, cite: Citations, lang: str) -> str:
    """The step's relations, each one that rests only on an overruled claim marked so
    ("Finanzierung 50 % (überholt)"): the network draws such edges, the answer must not
    pass them off as holding."""
    u, v = _ends(step)
    states: dict[str, set[str]] = {}
    for d in g.get_edge_data(u, v, default={}).values():
        fact = d.get("fact", "")
        states.setdefault(d.get("label", ""), set()).add(cite.state(fact) if fact else "")

    def holds(label: str) -> bool:
        return not states.get(label, {""}) <= {"superseded", "disputed"}

    out = []
    for label in step.labels:
        # "Finanzierung 25 %" says all that "Finanzierung" says (as in `who`): the bare word
        # goes where a holding relation of the same name says more.
        if holds(label) and any(o.startswith(label + " ") and holds(o) for o in step.labels):
            continue
        if holds(label):
            out.append(label)
        else:
            state = min(states.get(label, {""}))
            out.append(f"{label} ({message(f'sources.state.{state}', lang)})")
    return " / ".join(out)


def marked_text(g: nx.MultiDiGraph, chain: Chain, cite: Citations, lang: str) -> str:
    """`A —rel→ B ←rel— C` with overruled relations marked (see `marked`)."""
    text = g.nodes[chain.nodes[0]].get("label", chain.nodes[0])
    for step in chain.steps:
        relation = marked(g, step, cite, lang)
        arrow = f" —{relation}→ " if step.forward else f" ←{relation}— "
        text += arrow + g.nodes[step.target].get("label", step.target)
    return text


def step_entry(g: nx.MultiDiGraph, step: Step, cite: Citations, lang: str) -> Entry:
    """One step as a reader follows it: "Landeskoordination RegMo — ist Einheit von → MASTD",
    the quotes it rests on below, and what overrules them."""
    u, v = _ends(step)
    facts = _facts(g, step)
    relation = marked(g, step, cite, lang)
    return Entry(
        name=g.nodes[u].get("label", u),
        iri=u,
        details=(f"{relation} → {g.nodes[v].get('label', v)}",),
        evidence=merged_evidence(e for f, q in facts for e in cite.evidence(f, q)),
        overruled=merged_overruled(o for f, _ in facts for o in cite.overruled(f)),
    )
