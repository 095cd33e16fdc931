"""Node positions for static pictures in pure Python, where Graphviz is missing (layered.py
is the layout otherwise); the bands and unit rows of `levels` serve both.

Two layouts, both deterministic (same graph, same picture, so next month's briefing can redraw
it): a seeded Fruchterman–Reingold force layout, and `levels`, which reads like an organisation
chart — Bund above Bund-Länder bodies above Länder above Kommunen, a ministry above its units,
and what they work on (laws, programmes, systems) below. Positions are in picture units.
"""

from __future__ import annotations

import math
import random

import networkx as nx

LAYOUTS = ("flow", "levels", "force")  # without Graphviz, flow is drawn as force
COLUMN, ROW = 200.0, 125.0  # spacing of the levels layout: a wrapped label fits between

# Bands from top to bottom; gg:level decides for actors and bodies, kinds for everything else.
_LEVEL_BAND = {"ggc:federal": 0, "ggc:joint": 1, "ggc:eu": 1, "ggc:state": 2, "ggc:municipal": 3}
_KIND_BAND = {"federal": 0, "joint": 1, "state": 2, "municipal": 3, "actor": 4, "body": 4}
_SUBJECT_BAND = 5
# Each band's name is the catalogue's views.band.<name>.
BAND_NAMES: dict[int, str] = {
    0: "federal",
    1: "joint",
    2: "state",
    3: "municipal",
    4: "other_actors",
    5: "subjects",
}
_PARENT = {"org:unitOf", "org:subOrganizationOf"}
_CHILD = {"org:hasUnit", "org:hasSubOrganization"}


def layout(
    g: nx.MultiDiGraph, name: str = "force", aspect: float = 1.0
) -> dict[str, tuple[float, float]]:
    """Positions of every node of `g` by the named layout; a force layout is stretched to the
    page's width : height (`aspect`), so a slide is filled rather than a square in its middle."""
    if name == "levels":
        return levels_layout(g)
    n = g.number_of_nodes()
    side = max(600.0, min(2400.0, 260.0 * math.sqrt(max(n, 1))))
    stretch = math.sqrt(max(0.5, min(2.5, aspect)))
    sx, sy = side * stretch, side / stretch
    return {k: (x * sx, y * sy) for k, (x, y) in force_layout(g).items()}


def force_layout(g: nx.MultiDiGraph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions in the unit square [0, 1]², deterministic for a given graph and seed.

    Nodes and links are taken in sorted order, so the result does not depend on the order in
    which a query returned them. Quadratic per iteration; static pictures stay small.
    """
    nodes = sorted(g.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.5, 0.5)}
    rng = random.Random(seed)
    index = {node: i for i, node in enumerate(nodes)}
    xs = [0.5 + 0.45 * math.cos(2 * math.pi * i / n) + rng.uniform(-0.02, 0.02) for i in range(n)]
    ys = [0.5 + 0.45 * math.sin(2 * math.pi * i / n) + rng.uniform(-0.02, 0.02) for i in range(n)]
    links = sorted(
        {(min(index[u], index[v]), max(index[u], index[v])) for u, v in g.edges() if u != v}
    )
    k = math.sqrt(1.0 / n)
    iterations = max(40, min(250, 4_000_000 // (n * n)))
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        dx = [0.0] * n
        dy = [0.0] * n
        for i in range(n):
            xi, yi = xs[i], ys[i]
            for j in range(i + 1, n):
                ddx, ddy = xi - xs[j], yi - ys[j]
                dist2 = ddx * ddx + ddy * ddy or 1e-9
                force = k * k / dist2  # repulsion k²/d, applied along (ddx, ddy)/d
                dx[i] += ddx * force
                dy[i] += ddy * force
                dx[j] -= ddx * force
                dy[j] -= ddy * force
        for i, j in links:
            ddx, ddy = xs[i] - xs[j], ys[i] - ys[j]
            dist = math.sqrt(ddx * ddx + ddy * ddy) or 1e-9
            force = dist / k  # attraction d²/k, applied along (ddx, ddy)/d
            dx[i] -= ddx * force
            dy[i] -= ddy * force
            dx[j] += ddx * force
            dy[j] += ddy * force
        for i in range(n):
            # a weak pull to the centre keeps unconnected parts from drifting away
            dx[i] += (0.5 - xs[i]) * 0.05 / k
            dy[i] += (0.5 - ys[i]) * 0.05 / k
            length = math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) or 1e-9
            step = min(length, temperature)
            xs[i] += dx[i] / length * step
            ys[i] += dy[i] / length * step
        temperature -= cooling
    return _normalise(nodes, xs, ys)


def _normalise(nodes, xs, ys) -> dict[str, tuple[float, float]]:
    lo_x, hi_x, lo_y, hi_y = min(xs), max(xs), min(ys), max(ys)
    span = max(hi_x - lo_x, hi_y - lo_y) or 1.0
    return {
        node: ((x - lo_x) / span, (y - lo_y) / span)
        for node, x, y in zip(nodes, xs, ys, strict=True)
    }


def band(data: dict) -> int:
    """Which horizontal band a node belongs to (0 = Bund at the top)."""
    level = data.get("level", "")
    # _KIND_BAND names exactly the actor kinds: only actors are placed by their level.
    if level in _LEVEL_BAND and data.get("kind") in _KIND_BAND:
        return _LEVEL_BAND[level]
    return _KIND_BAND.get(data.get("kind", ""), _SUBJECT_BAND)


def parents(g: nx.MultiDiGraph) -> dict[str, str]:
    """Each node's organisation above it (org:unitOf, org:subOrganizationOf), if drawn."""
    found: dict[str, str] = {}
    for u, v, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[1])):
        relation = d.get("relation", "")
        if relation in _PARENT and u not in found:
            found[u] = v
        elif relation in _CHILD and v not in found:
            found[v] = u
    return found


def unit_depth(node: str, up: dict[str, str], bands: dict[str, int], memo: dict[str, int]) -> int:
    """Steps up to the top of the node's own band (a unit one row below its ministry)."""
    chain, current = [], node
    while current not in memo:
        parent = up.get(current)
        if parent is None or bands[parent] != bands[current] or parent in chain:
            memo[current] = 0
            break
        chain.append(current)
        current = parent
    for item in reversed(chain):
        memo[item] = memo[up[item]] + 1
    return memo[node]


def rows_of(g: nx.MultiDiGraph) -> tuple[dict[str, int], dict[str, int]]:
    """Each node's band, and its row: bands top to bottom, a unit one row below its parent."""
    bands = {n: band(d) for n, d in g.nodes(data=True)}
    up = parents(g)
    memo: dict[str, int] = {}
    depth = {n: unit_depth(n, up, bands, memo) for n in sorted(g.nodes)}
    offsets, row = {}, 0
    for b in sorted(set(bands.values())):
        offsets[b] = row
        row += 1 + max(depth[n] for n in g.nodes if bands[n] == b)
    return bands, {n: offsets[bands[n]] + depth[n] for n in g.nodes}


def levels_layout(g: nx.MultiDiGraph, sweeps: int = 4) -> dict[str, tuple[float, float]]:
    """Rows by level and unit depth, ordered to keep linked nodes near each other."""
    if g.number_of_nodes() == 0:
        return {}
    up = parents(g)
    row_of = rows_of(g)[1]
    rows: dict[int, list[str]] = {}
    for n in sorted(g.nodes, key=lambda n: (g.nodes[n].get("label", ""), n)):
        rows.setdefault(row_of[n], []).append(n)
    neighbours = {n: sorted(set(g.predecessors(n)) | set(g.successors(n))) for n in g.nodes}
    _order(rows, neighbours, up, sweeps)
    limit = max(6, math.ceil(1.6 * math.sqrt(g.number_of_nodes())))
    positions: dict[str, tuple[float, float]] = {}
    y = 0.0
    for r in sorted(rows):
        members = rows[r]
        for start in range(0, len(members), limit):
            chunk = members[start : start + limit]
            shift = 0.5 if (start // limit) % 2 else 0.0  # stagger wrapped rows
            for i, n in enumerate(chunk):
                positions[n] = ((i - (len(chunk) - 1) / 2 + shift) * COLUMN, y)
            y += ROW
    return positions


def _order(
    rows: dict[int, list[str]], neighbours: dict[str, list[str]], up: dict[str, str], sweeps: int
) -> None:
    """Barycentre sweeps, down and up: each node moves towards the mean place of its links."""
    keys = sorted(rows)
    place = {n: i - (len(rows[r]) - 1) / 2 for r in keys for i, n in enumerate(rows[r])}
    row_of = {n: r for r in keys for n in rows[r]}
    for sweep in range(sweeps):
        order = keys if sweep % 2 == 0 else list(reversed(keys))
        for r in order:

            def centre(n: str, r: int = r, sweep: int = sweep) -> float:
                parent = up.get(n)
                if parent in row_of and row_of[parent] < r:
                    return place[parent]  # a unit sits under its organisation
                side = [
                    place[m]
                    for m in neighbours[n]
                    if (row_of[m] < r if sweep % 2 == 0 else row_of[m] > r)
                ]
                return sum(side) / len(side) if side else place[n]

            rows[r].sort(key=lambda n: (centre(n), place[n]))
            for i, n in enumerate(rows[r]):
                place[n] = i - (len(rows[r]) - 1) / 2
