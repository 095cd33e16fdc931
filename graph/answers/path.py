"""How two entities are connected: the shortest chains of relations between them.

The search ignores direction (a ministry's unit and the programme it coordinates are connected
whichever way the triples point), but each step keeps and shows its direction:
`Landeskoordination RegMo —ist Einheit von→ MASTD`, `X ←Vertragspartei— Y`.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

import networkx as nx

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
