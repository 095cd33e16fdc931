"""Small SVG building blocks: escaped text, node shapes, a legend. Used by the static network
picture and the timeline, and for the legend swatches of the interactive page."""

from __future__ import annotations

import math
from xml.sax.saxutils import escape as _escape

from govgraph.graph.views.style import Style

FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"


def esc(text: str) -> str:
    """Text or attribute value for SVG/HTML; drops characters XML does not allow."""
    cleaned = "".join(c for c in str(text) if c in "\t\n\r" or ord(c) >= 0x20)
    return _escape(cleaned, {'"': "&quot;", "'": "&#39;"})


def shorten(text: str, limit: int = 42) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _points(points) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def shape(s: Style, x: float, y: float, r: float) -> str:
    """One node mark centred at (x, y) with radius r, in the kind's shape and colours."""
    paint = f'fill="{s.color}" stroke="{s.border}" stroke-width="1.2"'
    if s.shape == "square":
        side = 2 * r
        corner = f'x="{x - r:.1f}" y="{y - r:.1f}"'
        return f'<rect {corner} width="{side:.1f}" height="{side:.1f}" {paint}/>'
    if s.shape in ("triangle", "triangleDown"):
        sign = 1 if s.shape == "triangle" else -1
        pts = [(x, y - sign * r * 1.15), (x - r, y + sign * r * 0.75), (x + r, y + sign * r * 0.75)]
        return f'<polygon points="{_points(pts)}" {paint}/>'
    if s.shape == "diamond":
        pts = [(x, y - r * 1.2), (x + r * 1.2, y), (x, y + r * 1.2), (x - r * 1.2, y)]
        return f'<polygon points="{_points(pts)}" {paint}/>'
    if s.shape == "hexagon":
        pts = [
            (x + r * math.cos(math.pi / 3 * i), y + r * math.sin(math.pi / 3 * i)) for i in range(6)
        ]
        return f'<polygon points="{_points(pts)}" {paint}/>'
    if s.shape == "star":
        pts = []
        for i in range(10):
            radius = r * 1.25 if i % 2 == 0 else r * 0.55
            angle = -math.pi / 2 + math.pi / 5 * i
            pts.append((x + radius * math.cos(angle), y + radius * math.sin(angle)))
        return f'<polygon points="{_points(pts)}" {paint}/>'
    if s.shape == "ellipse":
        return (
            f'<ellipse cx="{x:.1f}" cy="{y:.1f}" rx="{r * 1.5:.1f}" ry="{r * 0.85:.1f}" {paint}/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {paint}/>'


def swatch(s: Style, size: int = 14) -> str:
    """A tiny standalone SVG of one shape, for legends in HTML."""
    half = size / 2
    return (
        f'<svg width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}" aria-hidden="true">{shape(s, half, half, half * 0.7)}</svg>'
    )


def legend_block(entries: list[tuple[str, Style, str]], x: float, y: float, title: str) -> str:
    """A framed legend (title, then one line per kind) with its top-left corner at (x, y)."""
    line = 18
    width = 16 + 8 * max([len(title)] + [len(label) for _, _, label in entries])
    height = 28 + line * len(entries)
    parts = [
        f'<g class="legend"><rect x="{x}" y="{y}" width="{width}" height="{height}" '
        f'fill="#ffffff" fill-opacity="0.92" stroke="#bbbbbb"/>',
        f'<text x="{x + 8}" y="{y + 18}" font-weight="bold" font-size="13">{esc(title)}</text>',
    ]
    for i, (_, s, label) in enumerate(entries):
        cy = y + 34 + i * line
        parts.append(shape(s, x + 16, cy - 4, 5.5))
        parts.append(f'<text x="{x + 30}" y="{cy}" font-size="12">{esc(label)}</text>')
    parts.append("</g>")
    return "".join(parts)
