"""Node, edge and label positions of a picture from Graphviz (engine.py).

Two layouts, each a DOT graph of fixed-size boxes, so that Graphviz never measures text and the
same view gives the same picture whatever fonts a machine has:
- `levels` (dot): rows by level — Bund, Bund-Länder, Länder, Kommunen, other actors, then what
  they work on (agreements, laws, systems) — a unit one row below its organisation; dot orders
  each row to keep crossings few, routes the edges as splines and gives each edge label a place
  of its own (a label is a node of its rank, so it covers no node and no other label);
- `force` (neato): stress majorisation with the focus pinned in the middle; each edge label is a
  small node of its own on the edge's way, so overlap removal keeps labels off nodes and each
  other, and the edge is routed through it around the other nodes.

The DOT text comes from dot_source.py. Everything comes back in picture units (Graphviz points,
y pointing down).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from govgraph.graph.views.dot_source import Point, dot_source
from govgraph.graph.views.engine import EngineFailed, layout_json
from govgraph.graph.views.layout import rows_of


@dataclass
class EdgeShape:
    """Where an edge is drawn: cubic Bézier runs (3n+1 points each) from `a` to `b`, and the
    centre of its label."""

    runs: list[list[Point]] = field(default_factory=list)
    label: Point | None = None


@dataclass
class Drawing:
    centres: dict[str, Point]
    edges: list[EdgeShape]
    rows: dict[str, int] = field(default_factory=dict)  # levels: node -> band


def _points(pos: str, top: float) -> list[Point]:
    """A Graphviz spline ("e,x,y s,x,y x,y x,y …") as points, y flipped to point down."""
    pts = []
    for item in pos.split():
        if item[:2] in ("e,", "s,"):
            continue
        x, y = item.split(",")[:2]
        pts.append((float(x), top - float(y)))
    return pts


def _near(p: Point, q: Point) -> float:
    return (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2


def _oriented(runs: list[list[Point]], a: Point, b: Point) -> list[list[Point]]:
    """The runs in drawing order from a to b: the first begins at a, the last ends at b."""
    runs = [r for r in runs if r]
    if not runs:
        return []
    if len(runs) == 1:
        run = runs[0]
        return [run[::-1] if _near(run[0], b) < _near(run[0], a) else run]
    first, second = runs
    if min(_near(first[0], b), _near(first[-1], b)) < min(
        _near(second[0], b), _near(second[-1], b)
    ):
        first, second = second, first
    if _near(first[-1], a) < _near(first[0], a):
        first = first[::-1]
    if _near(second[0], b) < _near(second[-1], b):
        second = second[::-1]
    return [first, second]


def _through(start: Point, middle: Point, end: Point) -> list[Point]:
    """One smooth curve from start to end through `middle` (where neato put the label): a
    quadratic Bézier whose midpoint is `middle`, written as a cubic."""
    cx = 2 * middle[0] - (start[0] + end[0]) / 2
    cy = 2 * middle[1] - (start[1] + end[1]) / 2
    return [
        start,
        (start[0] + 2 / 3 * (cx - start[0]), start[1] + 2 / 3 * (cy - start[1])),
        (end[0] + 2 / 3 * (cx - end[0]), end[1] + 2 / 3 * (cy - end[1])),
        end,
    ]


def _layout(source: str, prog: str) -> dict:
    """Graphviz's JSON, refused (EngineFailed) when an edge or node came back without a place:
    Graphviz reports a lost edge and goes on, and the picture would silently lack a relation."""
    data = layout_json(source, prog)
    lost = [e for e in data.get("edges", []) if "pos" not in e and e.get("style") != "invis"]
    lost += [o for o in data.get("objects", []) if "pos" not in o and "nodes" not in o]
    if lost or "bb" not in data:
        raise EngineFailed(f"Graphviz lost {len(lost)} edges or nodes")
    return data


def _row_of(data: dict, name: str) -> list[str]:
    """The drawn nodes beside `name` in its rank (same height), left to right."""
    objects = [o for o in data.get("objects", []) if "pos" in o and o["name"][0] == "n"]
    y = next(float(o["pos"].split(",")[1]) for o in objects if o["name"] == name)
    row = [o for o in objects if abs(float(o["pos"].split(",")[1]) - y) < 1]
    return [o["name"] for o in sorted(row, key=lambda o: float(o["pos"].split(",")[0]))]


def place(
    g: nx.MultiDiGraph,
    sizes: dict[str, Point],
    pairs: list[tuple[str, str, Point | None, bool]],
    layout: str,
    focus: str | None = None,
) -> Drawing:
    """Positions from Graphviz for the nodes (`sizes`: box width, height) and the drawn edges
    (`pairs`: ends and label size); raises engine.EngineMissing / EngineFailed."""
    source, ids = dot_source(g, sizes, pairs, layout, focus)
    prog = "neato" if layout == "force" else "dot"
    try:
        data = _layout(source, prog)
    except EngineFailed:
        # Graphviz (Debian 12's 2.43, and now and then the wheel's) cannot route some labelled
        # edges within a rank ("lost edge"): straight edges, labels still placed by dot, rather
        # than a picture without that relation or no layout at all.
        source = source.replace("splines=true", "splines=line")
        data = _layout(source, prog)
    if layout == "levels" and focus in ids:
        # The focus in the middle of its row: the row's order from this run, the focus moved
        # to the middle and held there by an invisible chain, then dot once more.
        row = _row_of(data, ids[focus])
        if len(row) > 2 and row.index(ids[focus]) != len(row) // 2:
            row.remove(ids[focus])
            row.insert(len(row) // 2, ids[focus])
            chain = " -> ".join(row)
            extra = f"{{rank=same; {' '.join(row)}}}\n{chain} [style=invis, weight=20];\n}}\n"
            try:
                data = _layout(source.rstrip().removesuffix("}") + extra, "dot")
            except EngineFailed:  # older dot ("lost edge"): the first layout stands
                pass
    top = float(data["bb"].split(",")[3])
    by_gvid = {o["_gvid"]: o for o in data.get("objects", [])}
    by_name = {o["name"]: o for o in by_gvid.values()}
    node_of = {v: k for k, v in ids.items()}
    centres: dict[str, Point] = {}
    for name, node in node_of.items():
        x, y = by_name[name]["pos"].split(",")[:2]
        centres[node] = (float(x), top - float(y))
    label_nodes = {}
    for name, obj in by_name.items():
        if name.startswith("l") and "pos" in obj:
            x, y = obj["pos"].split(",")[:2]
            label_nodes[int(name[1:])] = (float(x), top - float(y))
    runs: dict[tuple[str, str], list[list[Point]]] = {}
    labels: dict[tuple[str, str], Point] = {}
    for e in data.get("edges", []):
        tail, head = by_gvid[e["tail"]]["name"], by_gvid[e["head"]]["name"]
        if "pos" not in e or tail.startswith("r"):
            continue
        runs.setdefault((tail, head), []).append(_points(e["pos"], top))
        if "lp" in e:
            x, y = e["lp"].split(",")[:2]
            labels[(tail, head)] = (float(x), top - float(y))
    shapes = []
    for i, (a, b, _, _) in enumerate(pairs):
        ia, ib = ids[a], ids[b]
        found: list[list[Point]] = []
        centre = None
        if i in label_nodes:  # the label is a node of its own on the edge's way
            first = runs.get((ia, f"l{i}"), [[]])[0]
            second = runs.get((f"l{i}", ib), [[]])[0]
            found = [first, second]
            centre = label_nodes.get(i)
        else:
            for key in ((ia, ib), (ib, ia)):
                if key in runs:
                    found = runs[key][:1]
                    centre = labels.get(key)
        oriented = _oriented(found, centres[a], centres[b])
        if layout == "force" and len(oriented) == 2 and centre:
            oriented = [_through(oriented[0][0], centre, oriented[1][-1])]
        shapes.append(EdgeShape(oriented, centre))
    rows = rows_of(g)[0] if layout == "levels" else {}
    return Drawing(centres, shapes, rows)
