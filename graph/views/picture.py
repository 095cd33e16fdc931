"""The frame every static picture shares: title, a side column (legend), the drawing, a footer
saying when and from what it was made, and the page size (A4, 16:9 slide or W×H).

A picture pasted into a briefing travels without the tool, so the footer carries "Stand" (the
day it was made, `--today`), the `--at` day it shows, and the sources it rests on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from govgraph.graph.dates import short_day
from govgraph.graph.errors import UsageError
from govgraph.graph.i18n import bilingual, message
from govgraph.graph.views.placement import Box
from govgraph.graph.views.svg import FONT, esc
from govgraph.graph.views.textwidth import text_width

# Pixels at 96 dpi, as SVG counts them: A4 landscape is 297 × 210 mm, a slide is full HD 16:9.
SIZES: dict[str, tuple[int, int]] = {"a4": (1123, 794), "slide": (1920, 1080)}
MARGIN, GAP = 24.0, 28.0
TITLE_SIZE, FOOT_SIZE = 20.0, 12.0


def parse_size(text: str | None) -> tuple[int, int] | None:
    """`a4`, `slide` or `WxH` in pixels; None for the picture's own size."""
    if not text:
        return None
    key = text.strip().lower()
    if key in SIZES:
        return SIZES[key]
    m = re.fullmatch(r"(\d{2,5})\s*[x×]\s*(\d{2,5})", key)
    if not m or not all(100 <= int(v) <= 20000 for v in m.groups()):
        raise UsageError(f"--size: {text!r} – {bilingual('views.picture.bad_size')}")
    return int(m.group(1)), int(m.group(2))


@dataclass
class Footer:
    """What the picture rests on."""

    lang: str
    today: date
    at: date | None = None
    sources: list[str] = field(default_factory=list)
    period: str = ""  # a timeline's range, in place of the --at day
    rest: list[str] = field(default_factory=list)  # entries a slide leaves out, named here

    def lines(self, width: float) -> list[str]:
        width *= 0.96  # room for renderers whose letters run a little wider than measured
        lang = self.lang
        first = message("views.footer.as_of", lang, day=short_day(self.today, lang))
        if self.period:
            first += " · " + self.period
        elif self.at:
            first += " · " + message("views.footer.valid_on", lang, day=short_day(self.at, lang))
        else:
            first += " · " + message("views.footer.all_dates", lang)
        first += " · govgraph"
        words = [message("views.footer.sources", lang)] if self.sources else []
        lines, line = [first], ""
        for i, name in enumerate(self.sources):
            piece = name + ("; " if i < len(self.sources) - 1 else "")
            if line and text_width(line + piece, FOOT_SIZE) > width:
                lines.append(line.rstrip())
                line = ""
            line += (words.pop() if words else "") + piece
        if line:
            lines.append(line.rstrip())
        return lines + self._rest_lines(width)

    def _rest_lines(self, width: float, most: int = 3) -> list[str]:
        """ "+ 14 weitere Einträge (--all zeigt alle): A; B; …" in at most `most` lines."""
        if not self.rest:
            return []
        lines = [message("views.rest", self.lang, n=len(self.rest))]
        for i, name in enumerate(self.rest):
            piece = name + ("; " if i < len(self.rest) - 1 else "")
            if text_width(lines[-1] + piece, FOOT_SIZE) > width:
                if len(lines) == most:
                    lines[-1] = lines[-1].rstrip("; ") + " …"
                    break
                lines.append("")
            lines[-1] += piece
        return [line.rstrip() for line in lines]


def frame(
    title: str,
    body: str,
    body_box: Box,
    side: tuple[str, float, float],
    footer: Footer,
    size: tuple[int, int] | None = None,
    defs: str = "",
) -> tuple[str, int, int]:
    """A standalone SVG document: the body (drawn in its own units inside `body_box`) placed
    right of the side column, under the title and over the footer; and its pixel size."""
    side_svg, side_w, side_h = side
    top = MARGIN + TITLE_SIZE + 16
    left = MARGIN + (side_w + GAP if side_w else 0)
    width = max(left + body_box.w + MARGIN, text_width(title, TITLE_SIZE, True) + 2 * MARGIN)
    foot = footer.lines(max(width - 2 * MARGIN, 500))
    bottom = top + max(body_box.h, side_h) + GAP
    height = bottom + len(foot) * FOOT_SIZE * 1.4 + MARGIN
    width = max(width, *(text_width(line, FOOT_SIZE) + 2 * MARGIN for line in foot))
    vx, vy, vw, vh = 0.0, 0.0, width, height
    out_w, out_h = round(width), round(height)
    if size:  # widen the view box to the page's shape, so the page has no empty bands
        out_w, out_h = size
        scale = min(out_w / width, out_h / height)
        vw, vh = out_w / scale, out_h / scale
        vx, vy = (width - vw) / 2, (height - vh) / 2
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{out_w}" height="{out_h}" '
        f'viewBox="{vx:.1f} {vy:.1f} {vw:.1f} {vh:.1f}" font-family="{FONT}">',
        f"<title>{esc(title)}</title>",
        f"<defs>{defs}</defs>" if defs else "",
        f'<rect x="{vx:.1f}" y="{vy:.1f}" width="{vw:.1f}" height="{vh:.1f}" fill="#ffffff"/>',
        f'<text x="{MARGIN}" y="{MARGIN + TITLE_SIZE:.1f}" font-size="{TITLE_SIZE:g}" '
        f'font-weight="bold" fill="#1a1a1a">{esc(title)}</text>',
        f'<g transform="translate({MARGIN:.1f} {top:.1f})">{side_svg}</g>' if side_svg else "",
        f'<g transform="translate({left - body_box.x:.1f} {top - body_box.y:.1f})">{body}</g>',
        f'<line x1="{MARGIN}" y1="{bottom - 10:.1f}" x2="{width - MARGIN:.1f}" '
        f'y2="{bottom - 10:.1f}" stroke="#cccccc" stroke-width="1"/>',
    ]
    for i, line in enumerate(foot):
        y = bottom + FOOT_SIZE * (1 + 1.4 * i)
        parts.append(
            f'<text class="footer" x="{MARGIN}" y="{y:.1f}" font-size="{FOOT_SIZE:g}" '
            f'fill="#444444">{esc(line)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(p for p in parts if p) + "\n", out_w, out_h
