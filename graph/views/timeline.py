"""Deadlines and dated events on a time axis, with their precision visible.

A claim such as "Mitte 2026" (precision half-year) is drawn as a bar from gg:notBefore to
gg:notAfter, a day as a point; an interval known only by its end ("bis zu den Sommerferien") as a
bar ending there with an open start. Today (app.today, so `--today` fixes it) is a red line.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from govgraph.graph.dates import short_day
from govgraph.graph.errors import NotFoundError
from govgraph.graph.i18n import bilingual, message
from govgraph.graph.sparql.runner import run_named
from govgraph.graph.store.backend import Backend
from govgraph.graph.views.picture import Footer, frame
from govgraph.graph.views.placement import Box
from govgraph.graph.views.svg import esc, shorten
from govgraph.graph.views.textwidth import text_width


@dataclass
class Item:
    iri: str
    kind: str  # deadline, event, established
    label: str
    type_label: str
    start: date
    end: date
    wording: str
    precision: str
    quote: str
    open_start: bool = False
    state: str = ""  # "superseded" or "disputed" where sources disagree (the `conflicts` query)

    @property
    def is_point(self) -> bool:
        return self.start == self.end


def _d(term) -> date:
    return date.fromisoformat(term.value[:10])


def timeline_items(
    backend: Backend, lang: str, start: date | None = None, end: date | None = None
) -> list[Item]:
    parts: dict[str, dict[str, dict]] = {}
    for row in run_named(backend, "timeline", lang=lang, **{"from": start, "to": end}):
        iri = row["item"].value
        part = row["part"].value
        entry = parts.setdefault(iri, {}).setdefault(part, {"row": row})
        entry.setdefault("quote", row["quote"].value if "quote" in row else "")
    items = []
    for iri, by_part in parts.items():
        point = by_part.get("point") or by_part.get("end") or by_part.get("begin")
        row = point["row"]
        de = row["labelDe"].value if "labelDe" in row else ""
        en = row["labelEn"].value if "labelEn" in row else ""
        s, e = _d(row["notBefore"]), _d(row["notAfter"])
        wording = row["timeLabel"].value if "timeLabel" in row else ""
        open_start = False
        if "point" not in by_part and "begin" in by_part and "end" in by_part:
            s = _d(by_part["begin"]["row"]["notBefore"])
            begin_words = by_part["begin"]["row"].get("timeLabel")
            wording = f"{begin_words.value if begin_words else s} – {wording}"
        elif "point" not in by_part and "end" in by_part:
            open_start = True
            wording = message("views.until", lang, when=wording)
        items.append(
            Item(
                iri=iri,
                kind=row["itemKind"].value,
                label=((en or de) if lang == "en" else (de or en)) or iri.rsplit("/", 1)[-1],
                type_label=row["typeLabel"].value if "typeLabel" in row else "",
                start=s,
                end=e,
                wording=wording,
                precision=row["precisionLabel"].value if "precisionLabel" in row else "",
                quote=point["quote"],
                open_start=open_start,
            )
        )
    items.sort(key=lambda i: (i.start, i.end, i.label, i.iri))
    return items


_COLOURS = {"deadline": "#c0392b", "event": "#3b6fc4", "established": "#3a9d5d"}


def timeline_title(lang: str, start: date | None, end: date | None) -> str:
    title = message("views.timeline.title", lang)
    if start or end:
        title += f" ({start or '…'} – {end or '…'})"
    return title


def timeline_picture(
    backend: Backend,
    lang: str,
    start: date | None,
    end: date | None,
    today: date,
    size: tuple[int, int] | None = None,
) -> tuple[str, int, int]:
    """The timeline of a period as a framed SVG picture whose footer names its sources."""
    from govgraph.graph.views.provenance import conflict_states, load_provenance

    items = timeline_items(backend, lang, start, end)
    if not items:
        raise NotFoundError(bilingual("views.timeline.nothing_dated"))
    sources = load_provenance(backend, lang).source_names(i.iri for i in items)
    states = conflict_states(backend, lang, today)  # the conflicts query, as the network's
    for item in items:
        item.state = states.get(item.iri, "")
    body, box = render_body(items, lang, today)
    footer = Footer(lang, today, None, sources, period=_period(lang, start, end))
    return frame(timeline_title(lang, start, end), body, box, ("", 0, 0), footer, size)


def _period(lang: str, start: date | None, end: date | None) -> str:
    if not (start or end):
        return ""
    a = short_day(start, lang) if start else "…"
    b = short_day(end, lang) if end else "…"
    return message("views.timeline.period", lang, start=a, end=b)


_STATE_COLOUR = {"superseded": "#b8b8b8", "disputed": "#b26b5e"}


def _state_text(item: Item, lang: str) -> str:
    """ " – überholt" for an entry another source supersedes (drawn grey), and so on."""
    word = (
        message(f"views.timeline.state.{item.state}", lang) if item.state in _STATE_COLOUR else ""
    )
    return f" – {word}" if word else ""


def _when(item: Item) -> str:
    """The wording, and for a span its precision: "Mitte 2026 (Halbjahr)"."""
    if item.precision and not item.is_point and item.precision not in item.wording:
        return f"{item.wording} ({item.precision})"
    return item.wording


def render_body(items: list[Item], lang: str, today: date) -> tuple[str, Box]:
    """Legend, axis and one row per item, drawn from (0, 0); and the box they fill."""
    lo = min([i.start for i in items] + [today])
    hi = max([i.end for i in items] + [today])
    lo = date(lo.year, 1, 1) if (lo - date(lo.year, 1, 1)).days < 45 else date(lo.year, lo.month, 1)
    hi = min(hi, date.max - timedelta(days=31)) + timedelta(days=31)  # --today 9999-12-31
    label_width, axis_width, row = 470, 900, 22
    top = 66
    width = label_width + axis_width + 230  # room for wording and today's label
    height = top + row * len(items) + 44
    span_days = max((hi - lo).days, 1)

    def x(day: date) -> float:
        return label_width + axis_width * (day - lo).days / span_days

    span = esc(message("views.timeline.span", lang))
    out = [f'<text x="0" y="42" font-size="12" fill="#555555">{span}</text>']
    lx = 0
    for kind, colour in _COLOURS.items():
        name = message(f"views.timeline.kind.{kind}", lang)
        out.append(f'<rect x="{lx}" y="6" width="12" height="12" fill="{colour}"/>')
        out.append(f'<text x="{lx + 16}" y="17" font-size="12">{esc(name)}</text>')
        lx += 30 + text_width(name, 12)
    # grid: months as ticks, years as lines with labels
    month = date(lo.year, lo.month, 1)
    while month <= hi:
        xm = x(month)
        strong = month.month == 1
        if strong or span_days < 1500:  # month lines only where they stay apart
            out.append(
                f'<line x1="{xm:.1f}" y1="{top - 6}" x2="{xm:.1f}" y2="{height - 30}" '
                f'stroke="{"#bbbbbb" if strong else "#eeeeee"}" stroke-width="1"/>'
            )
        if strong or month == date(lo.year, lo.month, 1):
            out.append(f'<text x="{xm + 3:.1f}" y="{top - 10}" font-size="12">{month.year}</text>')
        if month.year == date.max.year and month.month == 12:
            break  # no month after December 9999
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    for n, item in enumerate(items):
        y = top + n * row + row / 2
        out.append(_row(item, n, y, row, width, label_width, x, lang))
    xt = x(today)
    out.append(
        f'<line x1="{xt:.1f}" y1="{top - 20}" x2="{xt:.1f}" y2="{height - 30}" stroke="#d62728" '
        f'stroke-width="2" stroke-dasharray="6 3"/>'
    )
    out.append(
        f'<text x="{xt + 4:.1f}" y="{height - 16}" font-size="12" fill="#d62728">'
        f"{esc(message('views.timeline.today', lang))} {short_day(today, lang)}</text>"
    )
    return "\n".join(out), Box(0, 0, width, height)


def _row(
    item: Item,
    n: int,
    y: float,
    row: int,
    width: float,
    label_width: float,
    x: Callable[[date], float],
    lang: str,
) -> str:
    """One entry: its name, a dot (a day) or a bar (the span its wording allows), the wording."""
    colour = _STATE_COLOUR.get(item.state) or _COLOURS.get(item.kind, "#777777")
    tip = f"{item.label} – {item.wording}" + (f" ({item.precision})" if item.precision else "")
    if item.quote:
        tip += f"\n„{item.quote}“"
    out = [f"<g><title>{esc(tip)}</title>"]
    if n % 2 == 0:
        out.append(
            f'<rect x="-10" y="{y - row / 2:.1f}" width="{width + 10}" height="{row}" '
            'fill="#f5f5f5"/>'
        )
    out.append(
        f'<text x="{label_width - 10}" y="{y + 4:.1f}" font-size="12" text-anchor="end">'
        f"{esc(shorten(item.label, 62))}</text>"
    )
    x1, x2 = x(item.start), x(item.end + timedelta(days=1))
    if item.is_point:
        out.append(f'<circle cx="{x1:.1f}" cy="{y:.1f}" r="5" fill="{colour}"/>')
    else:
        if item.open_start:
            out.append(
                f'<line x1="{x1 - 40:.1f}" y1="{y:.1f}" x2="{x1:.1f}" y2="{y:.1f}" '
                f'stroke="{colour}" stroke-width="2" stroke-dasharray="3 3"/>'
            )
        out.append(
            f'<rect x="{x1:.1f}" y="{y - 6:.1f}" width="{max(x2 - x1, 3):.1f}" height="12" '
            f'rx="4" fill="{colour}" fill-opacity="0.55" stroke="{colour}"/>'
        )
    out.append(
        f'<text class="when" x="{max(x1, x2) + 8:.1f}" y="{y + 4:.1f}" font-size="11" '
        f'fill="#333333">{esc(shorten(_when(item), 44) + _state_text(item, lang))}</text></g>'
    )
    return "".join(out)


def render_html(svg: str, lang: str) -> str:
    """The timeline SVG in a minimal offline page (hover shows wording and quote as text)."""
    e = html.escape
    found = re.search(r"<title>(.*?)</title>", svg)
    title = html.unescape(found.group(1)) if found else "govgraph"
    return (
        f'<!DOCTYPE html>\n<html lang="{e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">\n"
        f"<title>{e(title)}</title>\n"
        "<style>body { margin: 0; font-family: sans-serif; }</style>\n"
        f"</head>\n<body>\n{svg}\n</body>\n</html>\n"
    )
