"""The network as a static SVG picture for briefings and slides.

Everything a renderer needs is plain SVG 1.1: shapes, lines and text with generic font
families, white label boxes as elements of their own (no `paint-order`, no CSS, no web fonts),
so a browser, cairosvg, librsvg and office programs draw the same picture. Positions come from
layout.py and label positions from placement.py, both deterministic: the same graph gives a
byte-identical file.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx

from govgraph.graph.i18n import message
from govgraph.graph.views.layout import BAND_NAMES, COLUMN, ROW, band, layout
from govgraph.graph.views.legend import network_legend
from govgraph.graph.views.picture import Footer, frame
from govgraph.graph.views.placement import Box, Occupied, bounds
from govgraph.graph.views.style import edge_style, style
from govgraph.graph.views.svg import esc, label, label_box, shape, shorten
from govgraph.graph.views.textwidth import wrap

ARROW = (
    '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
    'markerHeight="7" orient="auto"><path d="M 0 0 L 10 5 L 0 10 z" fill="#8a9097"/></marker>'
)
NODE_SIZE, FOCUS_SIZE, EDGE_SIZE = 12.0, 15.0, 10.0
BAND_WIDTH = 150.0  # room left of the levels layout for the band names


@dataclass
class PictureOptions:
    """How to draw: layout name, page size in pixels, the focus node, edge labels or not."""

    layout: str = "force"
    size: tuple[int, int] | None = None
    focus: str | None = None
    edge_labels: bool | None = None  # None: only while the picture is not crowded
    lang: str = "de"


def _radius(g: nx.MultiDiGraph, node: str, focus: str | None) -> float:
    r = style(g.nodes[node].get("kind", "")).size * 0.8
    return r * 1.5 if node == focus else r


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


def _curve_point(p0, p1, p2, t: float) -> tuple[float, float]:
    a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t * t
    return a * p0[0] + b * p1[0] + c * p2[0], a * p0[1] + b * p1[1] + c * p2[1]


def _edge_text(d: dict) -> list[str]:
    """Role and share on the first line, the date on the second if the label lacks it."""
    text, when = d.get("label", ""), d.get("time", "")
    lines = [shorten(text, 34)] if text else []
    if when and when not in text:
        lines.append(shorten(when, 34))
    return lines


def render_body(
    g: nx.MultiDiGraph, certainty: dict[str, str], opts: PictureOptions
) -> tuple[str, Box, set[str]]:
    """Edges, nodes and labels in layout units; their bounding box; the certainties drawn."""
    aspect = opts.size[0] / opts.size[1] if opts.size else 1.0
    pos = layout(g, opts.layout, aspect)
    occupied = Occupied()
    radius = {n: _radius(g, n, opts.focus) for n in g.nodes}
    extent = []
    for n, (x, y) in pos.items():
        mark = Box(x - radius[n] * 1.3, y - radius[n] * 1.3, radius[n] * 2.6, radius[n] * 2.6)
        occupied.add(mark)
        extent.append(mark)
    node_labels = []
    degree = dict(g.degree())
    for n in sorted(g.nodes, key=lambda n: (n != opts.focus, -degree[n], n)):
        is_focus = n == opts.focus
        size = FOCUS_SIZE if is_focus else NODE_SIZE
        lines = wrap(g.nodes[n].get("label", n), 24)
        w, h = label_box(lines, size, is_focus)
        box, _ = occupied.place(_label_candidates(*pos[n], radius[n], w, h))
        extent.append(box)
        node_labels.append(label(box, lines, size, bold=is_focus, kind="node-label"))
    show_edge_labels = (
        opts.edge_labels if opts.edge_labels is not None else g.number_of_edges() <= 160
    )
    pairs: dict[tuple[str, str], int] = {}
    edges, edge_labels, drawn = [], [], set()
    # Sorted: a view's edge order depends on set iteration in networkx, which varies by process.
    for u, v, _, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))):
        if u == v:
            continue
        (x1, y1), (x2, y2) = pos[u], pos[v]
        length = math.hypot(x2 - x1, y2 - y1) or 1
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        key = (min(u, v), max(u, v))
        k = pairs.get(key, 0)
        pairs[key] = k + 1
        bend = 22 * ((k + 1) // 2) * (1 if k % 2 else -1) * (1 if u < v else -1)
        if abs(y2 - y1) < 1 and length > 1.5 * COLUMN:  # same row: arc over the nodes between
            bend += (0.18 * length) * (1 if x2 > x1 else -1)
        cx, cy = (x1 + x2) / 2 - uy * bend, (y1 + y2) / 2 + ux * bend
        sx, sy = x1 + ux * radius[u], y1 + uy * radius[u]
        ex, ey = x2 - ux * (radius[v] + 3), y2 - uy * (radius[v] + 3)
        level = certainty.get(d.get("fact", ""), "stated")
        es = edge_style(level)
        drawn.add(level)
        dash = f' stroke-dasharray="{es.dash}"' if es.dash else ""
        edges.append(
            f'<path d="M {sx:.1f} {sy:.1f} Q {cx:.1f} {cy:.1f} {ex:.1f} {ey:.1f}" fill="none" '
            f'stroke="{es.stroke}" stroke-width="{es.width:g}"{dash} marker-end="url(#arrow)"/>'
        )
        extent.append(Box(min(x1, x2, cx), min(y1, y2, cy), abs(x2 - x1) + 1, abs(y2 - y1) + 1))
        lines = _edge_text(d) if show_edge_labels else []
        if lines:
            w, h = label_box(lines, EDGE_SIZE)
            spots = [_curve_point((x1, y1), (cx, cy), (x2, y2), t) for t in (0.5, 0.38, 0.62)]
            candidates = [Box(px - w / 2, py - h / 2, w, h) for px, py in spots]
            box, covered = occupied.place(candidates, max_overlap=0.2 * w * h)
            if box is not None:
                fill = "#444444" if level == "stated" else "#777777"
                edge_labels.append(label(box, lines, EDGE_SIZE, fill=fill, kind="edge-label"))
                extent.append(box)
    nodes = []
    for n in sorted(g.nodes):
        x, y = pos[n]
        nodes.append(shape(style(g.nodes[n].get("kind", "")), x, y, radius[n]))
        if n == opts.focus:
            nodes.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius[n] + 6:.1f}" fill="none" '
                'stroke="#1a1a1a" stroke-width="3"/>'
            )
    box = bounds(extent)
    bands = _band_names(g, pos, box, opts.lang) if opts.layout == "levels" else []
    if bands:
        box = bounds([box, Box(box.x - BAND_WIDTH, box.y, BAND_WIDTH, 1)])
    body = "\n".join(bands + edges + nodes + edge_labels + node_labels)
    return body, box, drawn


def _band_names(g: nx.MultiDiGraph, pos: dict, box: Box, lang: str) -> list[str]:
    """The levels layout's bands named at the left (Bund, Länder …), each under a thin line."""
    tops: dict[int, float] = {}
    for n, (_, y) in pos.items():
        b = band(g.nodes[n])
        tops[b] = min(tops.get(b, y), y)
    out = []
    x = box.x - BAND_WIDTH
    for i, (b, y) in enumerate(sorted(tops.items())):
        name = message(f"views.band.{BAND_NAMES[b]}", lang)
        line = y - ROW / 2
        if i:  # a line between bands, none above the first
            out.append(
                f'<line x1="{x:.1f}" y1="{line:.1f}" x2="{box.right:.1f}" y2="{line:.1f}" '
                'stroke="#e3e3e3" stroke-width="1"/>'
            )
        out.append(
            f'<text class="band" x="{x:.1f}" y="{y + 4:.1f}" font-size="13" font-weight="bold" '
            f'fill="#777777">{esc(name)}</text>'
        )
    return out


def render_svg(
    g: nx.MultiDiGraph,
    title: str,
    lang: str,
    footer: Footer,
    certainty: dict[str, str] | None = None,
    opts: PictureOptions | None = None,
) -> tuple[str, int, int]:
    """A standalone SVG document of the view and its size in pixels."""
    opts = opts or PictureOptions(lang=lang)
    opts.lang = lang
    body, box, drawn = render_body(g, certainty or {}, opts)
    kinds = {d.get("kind", "actor") for _, d in g.nodes(data=True)}
    side = network_legend(kinds, drawn, lang, opts.focus in g if opts.focus else False)
    return frame(title, body, box, side, footer, opts.size, defs=ARROW)
