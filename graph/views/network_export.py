"""The network for Gephi and Cytoscape: GraphML, GEXF, or two CSV tables (nodes, edges).

Every node carries its labels (de, en), kind, type and evidence quote; every edge its label in
the chosen language, the relation's name (a compact IRI such as `org:unitOf`, or `gg:Fact`) and
the fact it stands for. Attribute names are stable English identifiers.
"""

from __future__ import annotations

import csv
import io

import networkx as nx

from govgraph.graph.errors import UsageError

FORMATS = ("graphml", "gexf", "csv")
NODE_FIELDS = (
    "id",
    "label",
    "label_de",
    "label_en",
    "kind",
    "type",
    "type_label",
    "level",
    "quote",
)
EDGE_FIELDS = ("source", "target", "label", "relation", "fact", "quote")


def _clean_copy(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Only string attributes that every node/edge has (GraphML/GEXF need uniform types)."""
    out = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        out.add_node(n, **{k: str(d.get(k, "") or "") for k in NODE_FIELDS if k != "id"})
    for u, v, key, d in g.edges(keys=True, data=True):
        out.add_edge(u, v, key=str(key), **{k: str(d.get(k, "") or "") for k in EDGE_FIELDS[2:]})
    return out


def to_graphml(g: nx.MultiDiGraph) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(_clean_copy(g), buffer, encoding="utf-8", named_key_ids=True)
    return buffer.getvalue()


def to_gexf(g: nx.MultiDiGraph) -> bytes:
    buffer = io.BytesIO()
    nx.write_gexf(_clean_copy(g), buffer, encoding="utf-8")
    return buffer.getvalue()


def _cell(text: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas; prefix them."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(g: nx.MultiDiGraph) -> tuple[bytes, bytes]:
    """(nodes.csv, edges.csv) as UTF-8 with a header row; Gephi and Cytoscape import both."""
    clean = _clean_copy(g)
    nodes, edges = io.StringIO(), io.StringIO()
    writer = csv.writer(nodes, lineterminator="\n")
    writer.writerow(NODE_FIELDS)
    for n, d in clean.nodes(data=True):
        writer.writerow([_cell(n)] + [_cell(d[k]) for k in NODE_FIELDS[1:]])
    writer = csv.writer(edges, lineterminator="\n")
    writer.writerow(EDGE_FIELDS)
    for u, v, d in clean.edges(data=True):
        writer.writerow([_cell(u), _cell(v)] + [_cell(d[k]) for k in EDGE_FIELDS[2:]])
    return nodes.getvalue().encode("utf-8"), edges.getvalue().encode("utf-8")


def export_network(g: nx.MultiDiGraph, fmt: str) -> bytes:
    if fmt == "graphml":
        return to_graphml(g)
    if fmt == "gexf":
        return to_gexf(g)
    raise UsageError(f"unknown network format {fmt!r}; choose one of {', '.join(FORMATS)}")
