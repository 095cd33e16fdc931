"""One drawn edge per pair of entries, with every relation between them on it.

The network is a multigraph: the Bund and NOOTS are joined by a duty, a funding claim of the
report and the treaty's own shares. Drawn one line each, their labels pile up around the focus.
A picture and the interactive page therefore draw one line per pair (both directions together),
labelled with its relations joined ("Finanzierung 46,6 % ab 2027 · Pflicht"); a superseded or
disputed relation is named as such on the label and in the line's style, and the full list goes
to the tooltip.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import networkx as nx

from govgraph.graph.i18n import message

# The line of a pair follows its strongest relation; a dispute is always shown.
_LINE_ORDER = ("disputed", "stated", "intended", "inferred", "superseded")
# Relations whose certainty is set apart on the label, each on a line of its own.
MARKED = ("superseded", "disputed")
# Arrows for a pair joined in both directions: the label says which way each relation points.
_ARROWS = ("→", "↘", "↓", "↙", "←", "↖", "↑", "↗")


@dataclass(frozen=True)
class Relation:
    """One relation on a drawn edge, from `source` to `target`."""

    source: str
    target: str
    label: str
    time: str = ""
    fact: str = ""
    certainty: str = "stated"
    quote: str = ""
    description: str = ""

    @property
    def text(self) -> str:
        """The label with its period, unless the label already says it."""
        if self.time and self.time not in self.label:
            return f"{self.label} {self.time}"
        return self.label


@dataclass
class DrawnEdge:
    """Every relation between `a` and `b` (either direction), drawn as one line."""

    a: str
    b: str
    relations: list[Relation] = field(default_factory=list)

    @property
    def forward(self) -> bool:
        return any(r.source == self.a for r in self.relations)

    @property
    def backward(self) -> bool:
        return any(r.source == self.b for r in self.relations)

    @property
    def certainty(self) -> str:
        """The line's style: the strongest relation on it (a dispute always shows)."""
        found = {r.certainty for r in self.relations}
        return next((c for c in _LINE_ORDER if c in found), "inferred")

    @property
    def certainties(self) -> set[str]:
        return {r.certainty for r in self.relations}


def _certainty(level: str) -> str:
    return level if level in _LINE_ORDER else ("stated" if not level else "inferred")


def merge_edges(g: nx.MultiDiGraph, certainty: dict[str, str] | None = None) -> list[DrawnEdge]:
    """One DrawnEdge per pair of nodes, in a fixed order (same graph, same picture)."""
    certainty = certainty or {}
    pairs: dict[tuple[str, str], DrawnEdge] = {}
    rows = sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
    for u, v, _, d in rows:
        if u == v:
            continue
        a, b = (u, v) if u < v else (v, u)
        edge = pairs.setdefault((a, b), DrawnEdge(a, b))
        relation = Relation(
            source=u,
            target=v,
            label=d.get("label", "") or "",
            time=d.get("time", "") or "",
            fact=d.get("fact", "") or "",
            certainty=_certainty(certainty.get(d.get("fact", "") or "", "")),
            quote=d.get("quote", "") or "",
            description=d.get("description", "") or "",
        )
        if relation not in edge.relations:
            edge.relations.append(relation)
    return [pairs[k] for k in sorted(pairs)]


def _subsumed(r: Relation, others: list[Relation]) -> bool:
    """ "Finanzierung" beside "Finanzierung 46,6 %" of the same period says nothing more."""
    return any(
        o is not r
        and o.source == r.source
        and o.certainty == r.certainty
        and o.label != r.label
        and o.label.startswith(r.label + " ")
        and (not r.time or r.time == o.time)
        for o in others
    )


def arrow(dx: float, dy: float) -> str:
    """The arrow pointing along (dx, dy) in picture units (y grows downwards)."""
    angle = math.degrees(math.atan2(dy, dx)) % 360
    return _ARROWS[int((angle + 22.5) // 45) % 8]


def label_lines(
    edge: DrawnEdge,
    lang: str,
    arrows: dict[str, str] | None = None,
    width: int = 38,
    max_lines: int = 4,
) -> list[tuple[str, str]]:
    """The label as (text, certainty) lines: the relations that hold joined by " · ", then one
    line per marked state ("überholt: Finanzierung 50 % ab 2027").

    `arrows` maps a source node to the arrow its relations get when the pair is joined in both
    directions (the direction is then not on the line's arrowhead alone).
    """
    shown = [r for r in edge.relations if r.label and not _subsumed(r, edge.relations)]
    lines: list[tuple[str, str]] = []
    groups: list[tuple[str, list[Relation]]] = [
        ("", [r for r in shown if r.certainty not in MARKED]),
        *((state, [r for r in shown if r.certainty == state]) for state in MARKED),
    ]
    for state, group in groups:
        if not group:
            continue
        parts: list[str] = []
        for source in dict.fromkeys(r.source for r in group):
            texts = list(dict.fromkeys(r.text for r in group if r.source == source))
            if arrows and source in arrows:
                texts[0] = f"{arrows[source]} {texts[0]}"
            parts.extend(texts)
        if state:
            parts[0] = f"{message(f'views.timeline.state.{state}', lang)}: {parts[0]}"
        lines.extend((text, state or edge.certainty) for text in _pack(parts, width))
    if len(lines) > max_lines:
        more = message("views.edge.more", lang, n=len(lines) - max_lines + 1)
        lines = lines[: max_lines - 1] + [(more, edge.certainty)]
    return lines


def _pack(parts: list[str], width: int) -> list[str]:
    """Parts joined by " · " into lines of about `width` characters; a part is never split."""
    out: list[str] = []
    for part in parts:
        part = part if len(part) <= width + 6 else part[: width + 5].rstrip() + "…"
        if out and len(out[-1]) + 3 + len(part) <= width:
            out[-1] += " · " + part
        else:
            out.append(part)
    return out
