"""Small SVG building blocks: escaped text, node shapes, a legend. Used by the static network
picture and the timeline, and for the legend swatches of the interactive page."""

from __future__ import annotations

import math
from xml.sax.saxutils import escape as _escape

from govgraph.graph.views.placement import Box
from govgraph.graph.views.style import Style
from govgraph.graph.views.textwidth import text_width

# Families installed almost everywhere, widest first (textwidth.py measures DejaVu Sans), then
# the generic family every renderer resolves; no web fonts, no CSS.
FONT = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif"


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


LINE = 1.2  # line height, in font sizes
PAD = 2.0  # white margin around a label


def label_box(lines: list[str], size: float, bold: bool = False) -> tuple[float, float]:
    """Width and height a label of these lines needs, with its white margin."""
    width = max(text_width(line, size, bold) for line in lines)
    return width + 2 * PAD, len(lines) * size * LINE + 2 * PAD


def label(
    box: Box,
    lines: list[str],
    size: float,
    fill: str = "#1a1a1a",
    bold: bool = False,
    kind: str = "label",
    opacity: float = 0.88,
) -> str:
    """A readable label: a white box, then the text centred in it.

    The white "halo" is an element of its own, not a stroke on the text with `paint-order`,
    because renderers that ignore paint-order (cairosvg, office programs) would paint the stroke
    over the letters.
    """
    cx = box.x + box.w / 2
    weight = ' font-weight="bold"' if bold else ""
    spans = "".join(
        f'<tspan x="{cx:.1f}" y="{box.y + PAD + size * (LINE * i + 0.95):.1f}">{esc(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (
        f'<g class="{kind}"><rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.w:.1f}" '
        f'height="{box.h:.1f}" rx="2" fill="#ffffff" fill-opacity="{opacity}"/>'
        f'<text font-size="{size:g}" text-anchor="middle" fill="{fill}"{weight}>{spans}</text></g>'
    )
