"""Less is more on a slide: which entries a picture draws when the view is larger than a slide
holds, and which it only names.

First the focus, then the entries joined to it by a stated role (who operates, funds, decides,
must do what), then the agreements that bind them, then the focus's other neighbours, then the
rest by distance and connections. Each entry drawn joins one already drawn, so the picture
stays one network; what is left out is listed in the footer ("+ 14 weitere Einträge").
"""

from __future__ import annotations

import networkx as nx

from govgraph.graph.views.layout import band

SLIDE_NODES = 25
_FACT_RELATIONS = {"gg:Fact", "gg:addressee"}
_BINDING = {"agreement", "law"}
_ACTORS = {"federal", "state", "municipal", "joint", "actor", "body"}


def _roles(g: nx.MultiDiGraph, node: str, certainty: dict[str, str]) -> set[str]:
    """Neighbours of `node` joined to it by a fact that is not overruled."""
    found = set()
    for u, v, d in list(g.out_edges(node, data=True)) + list(g.in_edges(node, data=True)):
        if d.get("relation") in _FACT_RELATIONS:
            if certainty.get(d.get("fact", ""), "") not in ("superseded",):
                found.add(v if u == node else u)
    return found


def _ranking(g: nx.MultiDiGraph, focus: str | None, certainty: dict[str, str]) -> list[str]:
    undirected = g.to_undirected(as_view=True)
    degree = {n: len(set(undirected.neighbors(n)) - {n}) for n in g.nodes}
    if focus is not None and focus in g:
        distance = nx.single_source_shortest_path_length(undirected, focus)
        roles = _roles(g, focus, certainty)
        near = set(undirected.neighbors(focus))
        binding = {
            n
            for n in g.nodes
            if g.nodes[n].get("kind") in _BINDING
            and (n in near or any(m in roles for m in undirected.neighbors(n)))
        }

        def tier(n: str) -> int:
            if n == focus:
                return 0
            if n in roles:
                return 1
            if n in binding:
                return 2
            return 3 if n in near else 3 + distance.get(n, 99)

    else:

        def tier(n: str) -> int:
            kind = g.nodes[n].get("kind", "")
            has_roles = bool(_roles(g, n, certainty))
            if kind in _ACTORS and has_roles:
                return 1
            return 2 if kind in _BINDING else 3

    def key(n: str) -> tuple:
        # the better connected first; among equals the upper level (Bund before Kommunen)
        return (tier(n), -degree[n], band(g.nodes[n]), g.nodes[n].get("label", ""), n)

    return sorted(g.nodes, key=key)


def trim(
    g: nx.MultiDiGraph,
    focus: str | None,
    certainty: dict[str, str],
    limit: int | None = SLIDE_NODES,
) -> tuple[nx.MultiDiGraph, list[str]]:
    """The part of `g` a slide shows (at most `limit` entries) and the labels of the rest, the
    most important first. `limit` None keeps everything."""
    if limit is None or g.number_of_nodes() <= limit:
        return g, []
    ranked = _ranking(g, focus, certainty)
    undirected = g.to_undirected(as_view=True)
    kept: list[str] = []
    chosen: set[str] = set()

    def take(joined_only: bool) -> bool:
        for n in ranked:
            if len(kept) >= limit:
                return False
            if n in chosen:
                continue
            if not joined_only or not kept or any(m in chosen for m in undirected.neighbors(n)):
                kept.append(n)
                chosen.add(n)
                return True
        return False

    while take(joined_only=True):  # each joined to what is drawn, most important first
        pass
    while take(joined_only=False):  # room left (a view of several parts): the next ones
        pass
    rest = [g.nodes[n].get("label", n) for n in ranked if n not in chosen]
    view = g.subgraph(kept).copy()
    view.graph.update(g.graph)
    return view, rest
