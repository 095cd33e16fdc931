"""How a network picture draws its parts, whatever placed them: node marks and names, one
path per pair with its arrowheads, and edge labels whose overruled or disputed lines are grey.
Shared by the Graphviz drawing (network_svg.py) and the simple fallback (simple_layout.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from govgraph.graph.views.edges import DrawnEdge, arrow
from govgraph.graph.views.placement import Box
from govgraph.graph.views.slide import SLIDE_NODES
from govgraph.graph.views.style import edge_style, style
from govgraph.graph.views.svg import esc, label_box, shape
from govgraph.graph.views.textwidth import wrap

NODE_SIZE, FOCUS_SIZE, EDGE_SIZE = 12.0, 15.0, 10.0
WRAP = 22  # characters per line of a node's name


def node_radius(g: nx.MultiDiGraph, node: str, focus: str | None) -> float:
    r = style(g.nodes[node].get("kind", "")).size * 0.8
    return r * 1.5 if node == focus else r


def both_ways(edge: DrawnEdge) -> bool:
    return edge.forward and edge.backward


def path_d(runs: list[list[tuple[float, float]]]) -> str:
    parts = []
    for run in runs:
        parts.append(f"M {run[0][0]:.1f} {run[0][1]:.1f}")
        rest = run[1:]
        for i in range(0, len(rest) - len(rest) % 3, 3):
            (x1, y1), (x2, y2), (x3, y3) = rest[i : i + 3]
            parts.append(f"C {x1:.1f} {y1:.1f} {x2:.1f} {y2:.1f} {x3:.1f} {y3:.1f}")
    return " ".join(parts)


def edge_svg(edge: DrawnEdge, ends: str, d: str) -> str:
    es = edge_style(edge.certainty)
    dash = f' stroke-dasharray="{es.dash}"' if es.dash else ""
    markers = (' marker-end="url(#arrow)"' if edge.forward else "") + (
        ' marker-start="url(#arrow-start)"' if edge.backward else ""
    )
    return (
        f'<g class="edge" data-ends="{ends}"><path d="{d}" fill="none" stroke="{es.stroke}" '
        f'stroke-width="{es.width:g}"{dash}{markers}/></g>'
    )


def label_svg(box: Box, lines: list[tuple[str, str]]) -> str:
    """An edge label: a white box, one text line per relation group, marked ones in grey."""
    cx = box.x + box.w / 2
    spans = []
    for i, (text, state) in enumerate(lines):
        fill = "#444444" if state in ("stated", "") else "#7a7a7a"
        if state == "disputed":
            fill = "#9a4e40"
        y = box.y + 2 + EDGE_SIZE * (1.2 * i + 0.95)
        spans.append(f'<tspan x="{cx:.1f}" y="{y:.1f}" fill="{fill}">{esc(text)}</tspan>')
    return (
        f'<g class="edge-label"><rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.w:.1f}" '
        f'height="{box.h:.1f}" rx="2" fill="#ffffff" fill-opacity="0.92"/>'
        f'<text font-size="{EDGE_SIZE:g}" text-anchor="middle">{"".join(spans)}</text></g>'
    )


def pair_arrows(edge: DrawnEdge, pos: dict) -> dict[str, str] | None:
    """For a pair joined both ways: the arrow each end's relations get, from the picture."""
    if not both_ways(edge):
        return None
    (xa, ya), (xb, yb) = pos[edge.a], pos[edge.b]
    return {edge.a: arrow(xb - xa, yb - ya), edge.b: arrow(xa - xb, ya - yb)}


def node_look(g: nx.MultiDiGraph, n: str, focus: str | None):
    is_focus = n == focus
    size = FOCUS_SIZE if is_focus else NODE_SIZE
    lines = wrap(g.nodes[n].get("label", n), WRAP)
    w, h = label_box(lines, size, is_focus)
    return lines, size, is_focus, w, h


def mark_svg(g: nx.MultiDiGraph, n: str, x: float, y: float, r: float, focus: bool) -> str:
    parts = [shape(style(g.nodes[n].get("kind", "")), x, y, r)]
    if focus:
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r + 6:.1f}" fill="none" '
            'stroke="#1a1a1a" stroke-width="3"/>'
        )
    return "".join(parts)


@dataclass
class PictureOptions:
    """How to draw: layout name, page size in pixels, the focus node, edge labels or not."""

    layout: str = "flow"
    size: tuple[int, int] | None = None
    focus: str | None = None
    edge_labels: bool | None = None  # None: only while the picture is not crowded
    lang: str = "de"
    notes: list[str] = field(default_factory=list)  # said once on stderr (no Graphviz …)
    limit: int | None = SLIDE_NODES  # entries drawn; the rest is named in the footer (None: all)
