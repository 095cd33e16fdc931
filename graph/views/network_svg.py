"""The network as a static SVG picture for slides: positions from layout.py, text escaped."""

from __future__ import annotations

import math

import networkx as nx

from govgraph.graph.views.layout import force_layout
from govgraph.graph.views.style import legend, style
from govgraph.graph.views.svg import FONT, esc, legend_block, shape, shorten

LEGEND_TITLE = {"de": "Legende", "en": "Legend"}


def render_svg(
    g: nx.MultiDiGraph, title: str, lang: str, edge_labels: bool | None = None
) -> tuple[str, int, int]:
    """A standalone SVG document and its size; crowded pictures leave out edge labels."""
    n = g.number_of_nodes()
    positions = force_layout(g)
    side = max(700, min(2400, int(260 * math.sqrt(max(n, 1)))))
    legend_width = 300
    margin, top = 90, 50
    width, height = side + legend_width + 2 * margin, side + top + 2 * margin
    if edge_labels is None:
        edge_labels = g.number_of_edges() <= 160

    def xy(node: str) -> tuple[float, float]:
        x, y = positions[node]
        return legend_width + margin + x * side, top + margin + y * side

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{FONT}">',
        f"<title>{esc(title)}</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
        'fill="#8a9097"/></marker></defs>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="20" y="32" font-size="20" font-weight="bold">{esc(title)}</text>',
    ]
    pair_count: dict[tuple[str, str], int] = {}
    edge_parts, label_parts = [], []
    for u, v, d in g.edges(data=True):
        if u == v:
            continue
        (x1, y1), (x2, y2) = xy(u), xy(v)
        length = math.hypot(x2 - x1, y2 - y1) or 1
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        r2 = style(g.nodes[v].get("kind", "")).size * 0.8 + 3
        key = (min(u, v), max(u, v))
        k = pair_count.get(key, 0)
        pair_count[key] = k + 1
        bend = 18 * k * (1 if u < v else -1)  # parallel edges become separate arcs
        cx, cy = (x1 + x2) / 2 - uy * bend, (y1 + y2) / 2 + ux * bend
        ex, ey = x2 - ux * r2, y2 - uy * r2
        edge_parts.append(
            f'<path d="M {x1:.1f} {y1:.1f} Q {cx:.1f} {cy:.1f} {ex:.1f} {ey:.1f}" fill="none" '
            f'stroke="#9aa0a6" stroke-width="1" marker-end="url(#arrow)"/>'
        )
        if edge_labels and d.get("label"):
            lx, ly = (x1 + 2 * cx + x2) / 4, (y1 + 2 * cy + y2) / 4
            label_parts.append(
                f'<text x="{lx:.1f}" y="{ly:.1f}" font-size="10" fill="#555555" '
                f'text-anchor="middle" stroke="#ffffff" stroke-width="3" paint-order="stroke">'
                f"{esc(shorten(d['label'], 32))}</text>"
            )
    out += edge_parts + label_parts
    for node, d in g.nodes(data=True):
        s = style(d.get("kind", ""))
        x, y = xy(node)
        r = s.size * 0.8
        out.append(f"<g>{shape(s, x, y, r)}")
        out.append(
            f'<text x="{x:.1f}" y="{y + r + 13:.1f}" font-size="12" text-anchor="middle" '
            f'stroke="#ffffff" stroke-width="3" paint-order="stroke">'
            f"{esc(shorten(d.get('label', node)))}</text></g>"
        )
    kinds = {d.get("kind", "actor") for _, d in g.nodes(data=True)}
    out.append(legend_block(legend(kinds, lang), 20, 60, LEGEND_TITLE.get(lang, "Legend")))
    out.append("</svg>")
    return "\n".join(out), width, height
