"""The network as a static SVG picture for briefings and slides.

Everything a renderer needs is plain SVG 1.1: shapes, lines and text with generic font
families, white label boxes as elements of their own (no `paint-order`, no CSS, no web fonts),
so a browser, cairosvg, librsvg and office programs draw the same picture.

One line per pair of entries (edges.py), its relations joined on one label. Positions come from
Graphviz (layered.py: `levels` by dot, `force` by neato), where every node's name sits in its
node's box and every edge label has a place of its own; without Graphviz, from the pure-Python
layout.py with greedy label placement (placement.py). Both are deterministic: the same graph
gives a byte-identical file.
"""

from __future__ import annotations

import networkx as nx

from govgraph.graph.i18n import bilingual, message
from govgraph.graph.views.drawing import (
    EDGE_SIZE,
    PictureOptions,
    both_ways,
    edge_svg,
    label_svg,
    mark_svg,
    node_look,
    node_radius,
    pair_arrows,
    path_d,
)
from govgraph.graph.views.edges import DrawnEdge, label_lines, merge_edges
from govgraph.graph.views.engine import EngineFailed, EngineMissing, available
from govgraph.graph.views.layout import BAND_NAMES, band
from govgraph.graph.views.legend import network_legend
from govgraph.graph.views.picture import Footer, frame
from govgraph.graph.views.placement import Box, bounds
from govgraph.graph.views.simple_layout import simple_body
from govgraph.graph.views.svg import esc, label, label_box

ARROWS = (
    '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
    'markerHeight="7" orient="auto"><path d="M 0 0 L 10 5 L 0 10 z" fill="#6f757b"/></marker>'
    '<marker id="arrow-start" viewBox="0 0 10 10" refX="0" refY="5" markerWidth="7" '
    'markerHeight="7" orient="auto"><path d="M 10 0 L 0 5 L 10 10 z" fill="#6f757b"/></marker>'
)
BAND_WIDTH = 150.0  # room left of the levels layout for the band names


def _graphviz_body(
    g: nx.MultiDiGraph, edges: list[DrawnEdge], opts: PictureOptions, show_labels: bool
) -> tuple[list[str], list[Box], dict[str, tuple[float, float]], dict[str, Box]]:
    """Edges, nodes and labels placed by Graphviz; raises EngineMissing / EngineFailed."""
    from govgraph.graph.views.layered import place

    ids = {n: f"n{i}" for i, n in enumerate(sorted(g.nodes))}
    looks, sizes, radius = {}, {}, {}
    for n in g.nodes:
        lines, size, is_focus, w, h = node_look(g, n, opts.focus)
        r = node_radius(g, n, opts.focus)
        mark = 2 * (r + 6 if is_focus else r * 1.3)
        looks[n] = (lines, size, is_focus, w, h, r, mark)
        sizes[n] = (max(w, mark) + 8, mark + 3 + h)
        radius[n] = r
    pairs, texts = [], []
    for e in edges:
        lines = label_lines(e, opts.lang, {e.a: "→", e.b: "←"} if both_ways(e) else None)
        lines = lines if show_labels else []
        texts.append(lines)
        w, h = label_box([t for t, _ in lines], EDGE_SIZE) if lines else (0, 0)
        pairs.append((e.a, e.b, (w + 6, h + 4) if lines else None, e.forward))
    drawing = place(g, sizes, pairs, opts.layout, opts.focus)
    pos = drawing.centres
    extent: list[Box] = []
    boxes: dict[str, Box] = {}
    parts_edges, parts_nodes, parts_labels = [], [], []
    for e, (_, _, size, _), shape_, lines in zip(edges, pairs, drawing.edges, texts, strict=True):
        if not shape_.runs:
            continue
        parts_edges.append(edge_svg(e, f"{ids[e.a]} {ids[e.b]}", path_d(shape_.runs)))
        for run in shape_.runs:
            xs, ys = [p[0] for p in run], [p[1] for p in run]
            extent.append(Box(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1))
        if lines and size and shape_.label:
            lines = label_lines(e, opts.lang, pair_arrows(e, pos)) if both_ways(e) else lines
            w, h = size[0] - 6, size[1] - 4
            box = Box(shape_.label[0] - w / 2, shape_.label[1] - h / 2, w, h)
            parts_labels.append(label_svg(box, lines))
            extent.append(box)
    for n in sorted(g.nodes):
        lines, size, is_focus, w, h, r, mark = looks[n]
        x, y = pos[n]
        bw, bh = sizes[n]
        top = y - bh / 2
        parts_nodes.append(
            f'<g class="node" id="{ids[n]}">{mark_svg(g, n, x, top + mark / 2, r, is_focus)}</g>'
        )
        box = Box(x - w / 2, top + mark + 3, w, h)
        parts_labels.append(label(box, lines, size, bold=is_focus, kind="node-label"))
        boxes[n] = Box(x - bw / 2, top, bw, bh)
        extent.append(boxes[n])
    return parts_edges + parts_nodes + parts_labels, extent, pos, boxes


def fixed_positions(
    g: nx.MultiDiGraph, certainty: dict[str, str], opts: PictureOptions
) -> dict[str, tuple[float, float]] | None:
    """Node positions of the picture's layout, for the interactive page (physics off); None
    without Graphviz (the page then lays itself out, and `opts.notes` says why)."""
    if available() is None:
        opts.notes.append(bilingual("views.layout.no_graphviz"))
        return None
    try:
        _, _, pos, _ = _graphviz_body(g, merge_edges(g, certainty), opts, True)
    except (EngineFailed, EngineMissing) as error:
        opts.notes.append(f"{bilingual('views.layout.graphviz_failed')}: {error}")
        return None
    return pos


def render_body(
    g: nx.MultiDiGraph, certainty: dict[str, str], opts: PictureOptions
) -> tuple[str, Box, set[str], list[DrawnEdge]]:
    """Edges, nodes and labels in picture units; their bounding box; the certainties drawn;
    the drawn edges."""
    edges = merge_edges(g, certainty)
    show_labels = opts.edge_labels if opts.edge_labels is not None else len(edges) <= 160
    parts = None
    if available() is not None:
        try:
            parts, extent, pos, boxes = _graphviz_body(g, edges, opts, show_labels)
        except EngineFailed as error:
            opts.notes.append(f"{bilingual('views.layout.graphviz_failed')}: {error}")
        except EngineMissing:
            pass
    elif not any("Graphviz" in n for n in opts.notes) and g.number_of_nodes() > 1:
        opts.notes.append(bilingual("views.layout.no_graphviz"))
    if parts is None:
        parts, extent, pos, boxes = simple_body(g, edges, opts, show_labels)
    box = bounds(extent) if extent else Box(0, 0, 1, 1)
    if opts.layout == "levels":
        bands = _band_names(g, boxes, box, opts.lang)
        box = bounds([box, Box(box.x - BAND_WIDTH, box.y, BAND_WIDTH, 1)])
        parts = bands + parts
    drawn = {c for e in edges for c in e.certainties}
    return "\n".join(parts), box, drawn, edges


def _band_names(g: nx.MultiDiGraph, boxes: dict[str, Box], box: Box, lang: str) -> list[str]:
    """The levels layout's bands named at the left (Bund, Länder …), a thin line between."""
    spans: dict[int, tuple[float, float, float]] = {}  # band -> (top, bottom, first centre)
    for n, b in boxes.items():
        key = band(g.nodes[n])
        top, bottom, centre = spans.get(key, (b.y, b.bottom, b.y + b.h / 2))
        if b.y < top:
            centre = b.y + b.h / 2
        spans[key] = (min(top, b.y), max(bottom, b.bottom), centre)
    out = []
    x = box.x - BAND_WIDTH
    ordered = sorted(spans.items())
    for i, (key, (top, _, centre)) in enumerate(ordered):
        name = message(f"views.band.{BAND_NAMES[key]}", lang)
        if i:  # a line between bands, none above the first
            line = (ordered[i - 1][1][1] + top) / 2
            out.append(
                f'<line x1="{x:.1f}" y1="{line:.1f}" x2="{box.right:.1f}" y2="{line:.1f}" '
                'stroke="#e3e3e3" stroke-width="1"/>'
            )
        out.append(
            f'<text class="band" x="{x:.1f}" y="{centre + 4:.1f}" font-size="13" '
            f'font-weight="bold" fill="#777777">{esc(name)}</text>'
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
    body, box, drawn, edges = render_body(g, certainty or {}, opts)
    kinds = {d.get("kind", "actor") for _, d in g.nodes(data=True)}
    marks = {
        "joined": any(len(e.relations) > 1 for e in edges),
        "both": any(both_ways(e) for e in edges),
    }
    focus = opts.focus in g if opts.focus else False
    side = network_legend(kinds, drawn, lang, focus, marks)
    return frame(title, body, box, side, footer, opts.size, defs=ARROWS)
