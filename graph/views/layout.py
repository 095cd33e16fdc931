"""Node positions for static pictures, in pure Python (networkx's layouts need numpy).

A Fruchterman–Reingold force layout with a fixed seed, so the same graph gives the same picture.
It is quadratic per iteration; static pictures are for slides, where a few hundred nodes are
already more than anyone can read (see MAX_STATIC_NODES in views.py).
"""

from __future__ import annotations

import math
import random

import networkx as nx


def force_layout(g: nx.MultiDiGraph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions in the unit square [0, 1]², deterministic for a given graph and seed."""
    nodes = list(g.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.5, 0.5)}
    rng = random.Random(seed)
    index = {node: i for i, node in enumerate(nodes)}
    xs = [0.5 + 0.45 * math.cos(2 * math.pi * i / n) + rng.uniform(-0.02, 0.02) for i in range(n)]
    ys = [0.5 + 0.45 * math.sin(2 * math.pi * i / n) + rng.uniform(-0.02, 0.02) for i in range(n)]
    links = {(min(index[u], index[v]), max(index[u], index[v])) for u, v in g.edges() if u != v}
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
