"""How each kind of node looks, shared by the interactive page and the static pictures."""

from __future__ import annotations

from dataclasses import dataclass

from govgraph.graph.i18n import message
from govgraph.graph.views.network import KINDS, kind_label


@dataclass(frozen=True)
class Style:
    color: str  # fill
    border: str
    shape: str  # a vis-network shape name
    glyph: str  # the shape as a character, for legends
    size: int = 14


STYLES: dict[str, Style] = {
    "federal": Style("#3b6fc4", "#1d3f7a", "dot", "●"),
    "state": Style("#3a9d5d", "#1f5e36", "dot", "●"),
    "municipal": Style("#f28e2b", "#a85a10", "dot", "●"),
    "joint": Style("#8e63b8", "#573580", "dot", "●"),
    "actor": Style("#9aa3ad", "#5d646b", "dot", "●"),
    "body": Style("#2bb5c9", "#137483", "hexagon", "⬢"),
    "agreement": Style("#d4a72c", "#8a6a12", "square", "■"),
    "law": Style("#c0392b", "#7b2219", "triangle", "▲"),
    "programme": Style("#e377c2", "#9b3f82", "diamond", "◆"),
    "system": Style("#17becf", "#0d7c87", "triangleDown", "▼"),
    "register": Style("#8c564b", "#57342d", "star", "★"),
    "work": Style("#bcbd22", "#7a7b12", "square", "■"),
    "event": Style("#e6550d", "#a03a08", "diamond", "◆", 10),
    "topic": Style("#c7c7c7", "#6f6f6f", "ellipse", "⬭"),
    "fact": Style("#eeeeee", "#888888", "dot", "•", 6),
}


def style(kind: str) -> Style:
    return STYLES.get(kind, STYLES["actor"])


def legend(kinds: set[str], lang: str) -> list[tuple[str, Style, str]]:
    """(kind, style, label) for the kinds present, in the fixed legend order."""
    return [(k, style(k), kind_label(k, lang)) for k in KINDS if k in kinds]


@dataclass(frozen=True)
class EdgeStyle:
    stroke: str
    dash: str  # stroke-dasharray, "" for a solid line
    width: float
    key: str  # its meaning in words is the catalogue's views.line.<key>

    def label(self, lang: str) -> str:
        return message(f"views.line.{self.key}", lang)


# How sure a relation is, drawn so that a reader of a printed copy can tell: a stated relation
# is a solid line; anything the sources do not state outright is dashed and grey.
EDGE_STYLES: dict[str, EdgeStyle] = {
    "stated": EdgeStyle("#5f6368", "", 1.3, "stated"),
    "inferred": EdgeStyle("#9aa0a6", "7 4", 1.3, "inferred"),
    "intended": EdgeStyle("#9aa0a6", "2 3", 1.5, "intended"),
    "disputed": EdgeStyle("#b26b5e", "7 3 2 3", 1.5, "disputed"),
    "superseded": EdgeStyle("#b8b8b8", "12 4", 1.2, "superseded"),
}


def edge_style(certainty: str) -> EdgeStyle:
    """The line for a relation of that certainty; unknown degrees count as not stated."""
    if not certainty or certainty == "stated":
        return EDGE_STYLES["stated"]
    return EDGE_STYLES.get(certainty, EDGE_STYLES["inferred"])
