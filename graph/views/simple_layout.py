"""The picture without Graphviz: the pure-Python layouts of layout.py, names and edge labels
placed greedily where they overlap least (placement.py), one curve per pair. Said once on
stderr when it is used; the pictures' tests need Graphviz."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import networkx as nx

from govgraph.graph.views.drawing import (
    EDGE_SIZE,
    edge_svg,
    label_svg,
    mark_svg,
    node_look,
    node_radius,
    pair_arrows,
)
from govgraph.graph.views.edges import DrawnEdge, label_lines
from govgraph.graph.views.layout import COLUMN, layout
from govgraph.graph.views.placement import Box, Occupied
from govgraph.graph.views.svg import label, label_box

if TYPE_CHECKING:
    from govgraph.graph.views.drawing import PictureOptions


def _label_candidates(x: float, y: float, r: float, w: float, h: float) -> list[Box]:
    """Below, above, right, left of the mark, then a little further out."""
    return [
        Box(x - w / 2, y + r + 3, w, h),
        Box(x - w / 2, y - r - 3 - h, w, h),
        Box(x + r + 5, y - h / 2, w, h),
        Box(x - r - 5 - w, y - h / 2, w, h),
        Box(x - w / 2, y + r + 3 + h * 0.8, w, h),
        Box(x - w / 2, y - r - 3 - h * 1.8, w, h),
        Box(x + r + 5, y + r, w, h),
        Box(x - r - 5 - w, y + r, w, h),
    ]


def simple_body(
    g: nx.MultiDiGraph, edges: list[DrawnEdge], opts: PictureOptions, show_labels: bool
) -> tuple[list[str], list[Box], dict[str, tuple[float, float]], dict[str, Box]]:
    """The pure-Python layout (no Graphviz): greedy label placement, one curve per pair."""
    aspect = opts.size[0] / opts.size[1] if opts.size else 1.0
    pos = layout(g, opts.layout, aspect)
    ids = {n: f"n{i}" for i, n in enumerate(sorted(g.nodes))}
    occupied = Occupied()
    radius = {n: node_radius(g, n, opts.focus) for n in g.nodes}
    extent, boxes = [], {}
    for n, (x, y) in pos.items():
        mark = Box(x - radius[n] * 1.3, y - radius[n] * 1.3, radius[n] * 2.6, radius[n] * 2.6)
        occupied.add(mark)
        extent.append(mark)
        boxes[n] = mark
    node_labels = []
    degree = dict(g.degree())
    for n in sorted(g.nodes, key=lambda n: (n != opts.focus, -degree[n], n)):
        lines, size, is_focus, w, h = node_look(g, n, opts.focus)
        box, _ = occupied.place(_label_candidates(*pos[n], radius[n], w, h))
        extent.append(box)
        node_labels.append(label(box, lines, size, bold=is_focus, kind="node-label"))
    paths, labels = [], []
    for e in edges:
        (x1, y1), (x2, y2) = pos[e.a], pos[e.b]
        length = math.hypot(x2 - x1, y2 - y1) or 1
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        bend = (0.18 * length) * (1 if x2 > x1 else -1) if abs(y2 - y1) < 1 else 0.0
        if length <= 1.5 * COLUMN:
            bend = 0.0
        cx, cy = (x1 + x2) / 2 - uy * bend, (y1 + y2) / 2 + ux * bend
        sx, sy = x1 + ux * (radius[e.a] + 3), y1 + uy * (radius[e.a] + 3)
        ex, ey = x2 - ux * (radius[e.b] + 3), y2 - uy * (radius[e.b] + 3)
        d = f"M {sx:.1f} {sy:.1f} Q {cx:.1f} {cy:.1f} {ex:.1f} {ey:.1f}"
        paths.append(edge_svg(e, f"{ids[e.a]} {ids[e.b]}", d))
        lines = label_lines(e, opts.lang, pair_arrows(e, pos)) if show_labels else []
        if lines:
            w, h = label_box([t for t, _ in lines], EDGE_SIZE)
            spots = [(1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t * t * x2 for t in (0.5, 0.38)]
            spots_y = [(1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t * t * y2 for t in (0.5, 0.38)]
            candidates = [
                Box(px - w / 2, py - h / 2, w, h) for px, py in zip(spots, spots_y, strict=True)
            ]
            box, _ = occupied.place(candidates, max_overlap=0.2 * w * h)
            if box is not None:
                labels.append(label_svg(box, lines))
                extent.append(box)
    nodes = [
        f'<g class="node" id="{ids[n]}">{mark_svg(g, n, *pos[n], radius[n], n == opts.focus)}</g>'
        for n in sorted(g.nodes)
    ]
    return paths + nodes + labels + node_labels, extent, pos, boxes
