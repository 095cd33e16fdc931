"""The legend of a network picture: node kinds, the focus mark, and what each line style means
(stated, inferred, disputed, superseded), so a printed copy explains itself."""

from __future__ import annotations

from govgraph.graph.i18n import message
from govgraph.graph.views.style import EDGE_STYLES, legend
from govgraph.graph.views.svg import esc, shape
from govgraph.graph.views.textwidth import text_width

_LINE, _SIZE = 19.0, 12.0


def network_legend(
    kinds: set[str],
    certainties: set[str],
    lang: str,
    focus: bool,
    marks: dict[str, bool] | None = None,
) -> tuple[str, float, float]:
    """The legend as SVG drawn from (0, 0), with its width and height."""
    rows: list[tuple[str, str]] = []  # (mark, text)
    for _, s, text in legend(kinds, lang):
        rows.append((shape(s, 10, -4, 5.5), text))
    if focus:
        mark = '<circle cx="10" cy="-4" r="7" fill="none" stroke="#1a1a1a" stroke-width="2.5"/>'
        rows.append((mark, message("views.legend.focus", lang)))
    for key, es in EDGE_STYLES.items():
        if key == "stated" or key in certainties:
            dash = f' stroke-dasharray="{es.dash}"' if es.dash else ""
            mark = (
                f'<line x1="0" y1="-4" x2="22" y2="-4" stroke="{es.stroke}" '
                f'stroke-width="{es.width + 0.7:g}"{dash}/>'
            )
            rows.append((mark, es.label(lang)))
    # how an edge label reads: relations joined, directions, marked states
    marks = dict(marks or {}, marked=bool(certainties & {"superseded", "disputed"}))
    for key in ("joined", "both", "marked"):
        if marks.get(key):
            rows.append(("", message(f"views.legend.{key}", lang)))
    title = message("views.legend.title", lang)
    width = 16 + max([text_width(title, 13, True)] + [30 + text_width(t, _SIZE) for _, t in rows])
    height = 30 + _LINE * len(rows)
    parts = [
        f'<g class="legend"><rect x="0" y="0" width="{width:.1f}" height="{height:.1f}" '
        'fill="#ffffff" stroke="#bbbbbb"/>',
        f'<text x="8" y="19" font-size="13" font-weight="bold">{esc(title)}</text>',
    ]
    for i, (mark, text) in enumerate(rows):
        y = 38 + i * _LINE
        if mark:
            parts.append(f'<g transform="translate(8 {y:.1f})">{mark}</g>')
        x = 38 if mark else 8
        parts.append(f'<text x="{x}" y="{y:.1f}" font-size="{_SIZE:g}">{esc(text)}</text>')
    parts.append("</g>")
    return "".join(parts), width, height
