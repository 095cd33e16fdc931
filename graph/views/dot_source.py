"""The DOT text Graphviz lays a picture out from (layered.py runs it and reads the answer).

Every node and edge label is a box of fixed size (a node: its mark and its name; a label: its
lines), so Graphviz never measures text and a view gives the same layout whatever fonts a
machine has. Nodes are named n0, n1 … in sorted order, label nodes l<i> by the pair's index,
the invisible row anchors of `levels` r<row>.
"""

from __future__ import annotations

import networkx as nx

from govgraph.graph.views.layout import rows_of

_INCH = 72.0
_SUBJECTS = 5  # layout.py's band of what actors work on
Point = tuple[float, float]


def _num(value: float) -> str:
    return f"{value / _INCH:.4f}"


def _box_label(w: float, h: float) -> str:
    """An HTML-like label of exactly w × h points: Graphviz reserves the room, we draw it."""
    return (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
        f'<TD FIXEDSIZE="TRUE" WIDTH="{max(1, round(w))}" HEIGHT="{max(1, round(h))}"></TD>'
        "</TR></TABLE>>"
    )


def dot_source(
    g: nx.MultiDiGraph,
    sizes: dict[str, Point],
    pairs: list[tuple[str, str, Point | None, bool]],
    layout: str,
    focus: str | None,
) -> tuple[str, dict[str, str]]:
    """The DOT text for Graphviz and the DOT id of every node."""
    nodes = sorted(g.nodes)
    ids = {n: f"n{i}" for i, n in enumerate(nodes)}
    out = ["digraph G {"]
    node_defaults = 'shape=box, fixedsize=true, label="", margin=0'
    if layout == "levels":
        out.append(
            # compress: rows packed tighter than dot's balanced layout (a slide is 16:9, a
            # levels picture otherwise grows wide); positions stay unscaled
            "graph [rankdir=TB, newrank=true, nodesep=0.28, ranksep=0.42, splines=true, "
            'ratio=compress, size="30,17", outputorder=edgesfirst];'
        )
        out.append(f"node [{node_defaults}];")
        out.append("edge [dir=none];")
        bands, rows = rows_of(g)
        for r in sorted(set(rows.values())):
            out.append(f'r{r} [style=invis, width=0.01, height=0.01, fixedsize=true, label=""];')
        chain = sorted(set(rows.values()))
        for r0, r1 in zip(chain, chain[1:], strict=False):
            out.append(f"r{r0} -> r{r1} [style=invis, weight=50];")
        for n in nodes:
            w, h = sizes[n]
            out.append(f"{ids[n]} [width={_num(w)}, height={_num(h)}];")
        fixed = {n for n in nodes if bands[n] != _SUBJECTS}
        # A labelled edge between two nodes of one row gets its label as a node of that row,
        # between them: dot's own labels on such flat edges are lost now and then ("lost
        # edge") and take a rank of their own above the row.
        flat = {
            i: rows[a]
            for i, (a, b, label, _) in enumerate(pairs)
            if label and a in fixed and b in fixed and rows[a] == rows[b]
        }
        for i in flat:
            w, h = pairs[i][2]
            out.append(f"l{i} [width={_num(w)}, height={_num(h)}];")
        for r in chain:
            members = [ids[n] for n in nodes if rows[n] == r and n in fixed]
            members += [f"l{i}" for i, row in flat.items() if row == r]
            out.append(f"{{rank=same; r{r}; {' '.join(members)}}}")
        for n in nodes:  # what they work on: from its band's row down, as the edges want
            if n not in fixed:
                out.append(f"r{rows[n]} -> {ids[n]} [style=invis, weight=0];")
        for i, (a, b, label, _) in enumerate(pairs):
            if i in flat:
                out.append(f"{ids[a]} -> l{i};")
                out.append(f"l{i} -> {ids[b]};")
                continue
            # drawn from the upper row down: dot's ranks then match the rows
            tail, head = (a, b) if rows[a] <= rows[b] else (b, a)
            attrs = [f"label={_box_label(*label)}"] if label else []
            out.append(f"{ids[tail]} -> {ids[head]} [{', '.join(attrs)}];")
    elif layout == "flow":
        out.append(
            "graph [rankdir=LR, nodesep=0.2, ranksep=0.45, splines=true, outputorder=edgesfirst];"
        )
        out.append(f"node [{node_defaults}];")
        out.append("edge [dir=none];")
        for n in nodes:
            w, h = sizes[n]
            out.append(f"{ids[n]} [width={_num(w)}, height={_num(h)}];")
        for a, b, label, forward in pairs:
            tail, head = (a, b) if forward else (b, a)
            attrs = [f"label={_box_label(*label)}"] if label else []
            out.append(f"{ids[tail]} -> {ids[head]} [{', '.join(attrs)}];")
    else:
        out.append(
            'graph [overlap=false, sep="+8", splines=true, mode=major, start=7, '
            "outputorder=edgesfirst];"
        )
        out.append(f"node [{node_defaults}];")
        out.append("edge [dir=none, len=1.3];")
        for n in nodes:
            w, h = sizes[n]
            pin = ', pos="0,0!"' if n == focus else ""
            out.append(f"{ids[n]} [width={_num(w)}, height={_num(h)}{pin}];")
        for i, (a, b, label, _) in enumerate(pairs):
            if label:
                out.append(f"l{i} [width={_num(label[0])}, height={_num(label[1])}];")
                out.append(f"{ids[a]} -> l{i} [len=0.5];")
                out.append(f"l{i} -> {ids[b]} [len=0.5];")
            else:
                out.append(f"{ids[a]} -> {ids[b]};")
    out.append("}")
    return "\n".join(out) + "\n", ids
