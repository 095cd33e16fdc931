"""The interactive network page: one self-contained HTML file that works offline.

It uses the vis-network library that ships inside pyvis (pyvis/templates/lib/vis-9.1.2), but not
pyvis's page template, which links Bootstrap from a CDN, inserts the heading raw and renders some
tooltips as HTML, nor its add_node/add_edge, which are quadratic. Instead:
- every script and stylesheet is inlined, and no element refers to anything outside the file;
- the data travels as JSON in a `<script type="application/json">` block with `<`, `>`, `&`,
  U+2028 and U+2029 escaped, so no label can end the block;
- tooltips are DOM elements filled with textContent, so labels and quotes stay text;
- after the layout has settled, physics is switched off so the picture stays still.
"""

from __future__ import annotations

import gc
import html
import importlib.util
import json
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import networkx as nx

from govgraph.graph.errors import DataError
from govgraph.graph.i18n import message, messages
from govgraph.graph.namespaces import compact
from govgraph.graph.views.edges import DrawnEdge, arrow, label_lines, merge_edges
from govgraph.graph.views.style import EDGE_STYLES, edge_style, legend, style
from govgraph.graph.views.svg import swatch

VIS_VERSION = "vis-9.1.2"


@cache
def _words(lang: str) -> dict[str, str]:
    """The page's words (views.page.*), looked up once: every node's tooltip uses them."""
    return messages(lang, "views.page")


def _pyvis_lib() -> Path:
    """pyvis's bundled JS/CSS folder, found without importing pyvis (which costs ~230 ms)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise DataError("pyvis is not installed; it provides the vis-network library")
    return Path(next(iter(spec.submodule_search_locations))) / "templates" / "lib"


@cache
def vis_assets() -> tuple[str, str]:
    """(JavaScript, CSS) of vis-network, safe to inline in <script>/<style>."""
    lib = _pyvis_lib() / VIS_VERSION
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    # No source map to fetch; nothing that could close the element early.
    # (split on "\n" only: the library holds other line-break characters inside strings)
    js = "\n".join(line for line in js.split("\n") if "sourceMappingURL=" not in line)
    js = js.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")
    css = css.replace("</style", "<\\/style").replace("</STYLE", "<\\/STYLE")
    return js, css


def json_for_script(value) -> str:
    """JSON that can sit inside <script> whatever the strings contain."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def _tip(d: dict, lang: str) -> list[list[str]]:
    """Tooltip lines as (css class, text) pairs; the page turns them into text nodes."""
    t = _words(lang)
    lines = [["head", d.get("label", "")]]
    if d.get("description"):
        lines.append(["", d["description"]])
    lines.append(["", f"{t['type']}: {d.get('type_label') or d.get('type', '')}"])
    for key, code in (("label_de", "de"), ("label_en", "en")):
        if d.get(key):
            lines.append(["", f"{code}: {d[key]}"])
    if d.get("time"):
        lines.append(["", d["time"]])
    if d.get("quote"):
        lines.append(["quote", f"{t['quote']}: „{d['quote']}“"])
    return lines


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """Hold the cycle collector while building ~100k small dicts and lists (none cyclic).

    Each allocation burst otherwise triggers collections that walk the whole networkx graph
    too; at 10,000 nodes that is half of the page's build time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def vis_data(
    g: nx.MultiDiGraph,
    lang: str,
    certainty: dict[str, str] | None = None,
    positions: dict[str, tuple[float, float]] | None = None,
) -> dict:
    """Nodes and edges as vis-network DataSet items, built in one pass (linear).

    This is the page's hot path (10,000 nodes and 18,000 edges in about 0.1 s): a node names its
    kind as its vis-network group, and the look of each kind is sent once (`vis_groups`). Edges
    are one per pair (edges.py), as in the pictures; with `positions` (a Graphviz layout) every
    node is fixed where the picture would put it.
    """
    index = {n: i for i, n in enumerate(g.nodes)}
    nodes = []
    for n, d in g.nodes(data=True):
        label = d.get("label") or compact(n)
        nodes.append(
            {
                "id": index[n],
                "iri": n,
                "label": label,
                "names": [d.get("label_de", ""), d.get("label_en", "")],
                "group": d.get("kind") or "actor",
                "tip": _tip(d, lang),
            }
        )
        if positions and n in positions:
            # the picture's units are sized for 12-point names; the page writes 14
            nodes[-1]["x"], nodes[-1]["y"] = (round(v * 1.2, 1) for v in positions[n])
    quote_word = _words(lang)["quote"]
    edges = []
    for i, e in enumerate(merge_edges(g, certainty)):
        a, b = index[e.a], index[e.b]
        arrows = None
        if positions and e.forward and e.backward:
            (xa, ya), (xb, yb) = positions[e.a], positions[e.b]
            arrows = {e.a: arrow(xb - xa, yb - ya), e.b: arrow(xa - xb, ya - yb)}
        lines = label_lines(e, lang, arrows)
        edge = {
            "id": i,
            "from": a,
            "to": b,
            "label": "\n".join(text for text, _ in lines),
            "tip": _edge_tip(g, e, lang, quote_word),
            "arrows": ",".join(x for x, on in (("to", e.forward), ("from", e.backward)) if on),
        }
        es = edge_style(e.certainty)
        if e.certainty != "stated":
            edge["dashes"] = [float(x) for x in es.dash.split()] if es.dash else True
            edge["color"] = {"color": es.stroke, "highlight": "#333333", "hover": "#555555"}
        edges.append(edge)
    return {"nodes": nodes, "edges": edges}


def _edge_tip(g: nx.MultiDiGraph, e: DrawnEdge, lang: str, quote_word: str) -> list[list[str]]:
    """Every relation of the pair: "A → B: Finanzierung 50 % ab 2027 (überholt)", its
    description and quote; the picture's label only joins them."""
    name = lambda n: g.nodes[n].get("label") or compact(n)  # noqa: E731
    tip = [["head", f"{name(e.a)} – {name(e.b)}"]]
    for r in e.relations:
        state = ""
        if r.certainty != "stated":
            state = f" ({edge_style(r.certainty).label(lang)})"
        tip.append(["rel", f"{name(r.source)} → {name(r.target)}: {r.text}{state}"])
        if r.description and r.description != r.label:
            tip.append(["", r.description])
        if r.quote:
            tip.append(["quote", f"{quote_word}: „{r.quote}“"])
    return tip


def vis_groups(kinds: set[str]) -> dict:
    """Shape, size and colours per kind, as vis-network groups (sent once, not per node)."""
    groups = {}
    for kind in sorted(kinds):
        s = style(kind)
        groups[kind] = {
            "shape": s.shape,
            "size": s.size,
            "color": {"background": s.color, "border": s.border},
        }
    return groups


def vis_options(node_count: int, edge_count: int, fixed: bool = False) -> dict:
    """Options that keep large views workable: simpler edges and a bounded stabilisation;
    with `fixed` positions no physics at all."""
    large = node_count > 300 or edge_count > 600
    if fixed:
        options = vis_options(node_count, edge_count)
        options["physics"] = {"enabled": False}
        options["layout"] = {"improvedLayout": False, "randomSeed": 7}
        options["edges"]["smooth"] = {"enabled": True, "type": "cubicBezier", "roundness": 0.4}
        return options
    return {
        "autoResize": True,
        "layout": {"improvedLayout": node_count <= 150, "randomSeed": 7},
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -60,
                "springLength": 110,
                "avoidOverlap": 0.4,
            },
            "stabilization": {
                "enabled": True,
                "iterations": 400 if large else 1000,
                "updateInterval": 25,
            },
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large},
        "nodes": {"font": {"size": 14, "face": "sans-serif"}, "borderWidth": 1.5},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "#9aa0a6", "highlight": "#333333", "hover": "#555555"},
            "font": {"size": 10, "align": "horizontal", "color": "#444444", "strokeWidth": 3},
            "smooth": {"enabled": not large, "type": "continuous"},
            "width": 1,
        },
    }


_SCRIPT = r"""
(function () {
  "use strict";
  var text = JSON.parse(document.getElementById("gg-text").textContent);
  var data = JSON.parse(document.getElementById("gg-data").textContent);
  var options = JSON.parse(document.getElementById("gg-options").textContent);
  function tooltip(lines) {
    var box = document.createElement("div");
    box.className = "gg-tip";
    lines.forEach(function (line) {
      var row = document.createElement("div");
      if (line[0]) row.className = "gg-tip-" + line[0];
      row.textContent = line[1];
      box.appendChild(row);
    });
    return box;
  }
  data.nodes.forEach(function (n) { n.title = tooltip(n.tip); delete n.tip; });
  data.edges.forEach(function (e) { e.title = tooltip(e.tip); delete e.tip; });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var status = document.getElementById("gg-status");
  var network = new vis.Network(document.getElementById("gg-network"),
                                {nodes: nodes, edges: edges}, options);
  window.govgraph = {network: network, nodes: nodes, edges: edges, stable: false};
  network.on("stabilizationProgress", function (p) {
    status.textContent = text.layout + " " + Math.round(100 * p.iterations / p.total) + " %";
  });
  function settled() {
    network.setOptions({physics: false});
    network.fit();
    status.textContent = nodes.length + " " + text.nodes + ", " + edges.length + " " + text.edges;
    window.govgraph.stable = true;
    document.body.setAttribute("data-state", "stable");
  }
  if (options.physics && options.physics.enabled === false) {
    settled();  // fixed positions from the picture's layout: nothing to settle
  } else {
    network.once("stabilizationIterationsDone", settled);
  }
  function fold(s) {
    return (s || "").toLocaleLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }
  var list = document.getElementById("gg-names");
  data.nodes.forEach(function (n) {
    var option = document.createElement("option");
    option.value = n.label;
    list.appendChild(option);
  });
  function find() {
    var query = fold(document.getElementById("gg-search").value.trim());
    var hits = [];
    if (query) {
      nodes.forEach(function (n) {
        if ([n.label].concat(n.names).some(function (name) {
          return fold(name).indexOf(query) >= 0;
        })) {
          hits.push(n.id);
        }
      });
    }
    network.selectNodes(hits);
    if (hits.length) {
      network.focus(hits[0], {scale: 1.2, animation: {duration: 400}});
    }
    status.textContent = query ? (hits.length ? hits.length + " " + text.hits : text.none) : "";
  }
  document.getElementById("gg-find").addEventListener("submit", function (ev) {
    ev.preventDefault();
    find();
  });
  document.getElementById("gg-search").addEventListener("change", find);
})();
"""

_CSS = """
html, body { margin: 0; height: 100%; font-family: sans-serif; color: #222; }
body { display: flex; flex-direction: column; }
header { padding: 6px 12px; border-bottom: 1px solid #ddd; display: flex; flex-wrap: wrap;
         align-items: center; gap: 12px; }
h1 { font-size: 1.1em; margin: 0; flex: 1 1 auto; }
#gg-find input { width: 18em; padding: 3px; }
#gg-status { color: #555; font-size: 0.9em; }
main { flex: 1 1 auto; position: relative; min-height: 300px; }
#gg-network { position: absolute; inset: 0; }
#gg-legend { position: absolute; top: 8px; left: 8px; background: rgba(255,255,255,0.92);
             border: 1px solid #ccc; padding: 6px 10px; font-size: 0.85em; z-index: 2; }
#gg-legend h2 { font-size: 1em; margin: 0 0 4px 0; }
#gg-legend ul { list-style: none; margin: 0; padding: 0; }
#gg-legend .glyph { display: inline-block; width: 1.3em; text-align: center; }
.gg-tip { max-width: 28em; white-space: normal; font-size: 0.85em; }
.gg-tip-head { font-weight: bold; }
.gg-tip-quote { font-style: italic; margin-top: 4px; }
.gg-tip-rel { margin-top: 4px; }
#gg-legend .gg-note { margin-top: 4px; color: #555; max-width: 22em; }
"""

CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; font-src data:"
)


def render_page(
    g: nx.MultiDiGraph,
    title: str,
    lang: str,
    certainty: dict[str, str] | None = None,
    positions: dict[str, tuple[float, float]] | None = None,
) -> str:
    """The whole page as text (see the module docstring for what keeps it safe and offline)."""
    js, css = vis_assets()
    t = _words(lang)
    e = html.escape
    kinds = {d.get("kind") or "actor" for _, d in g.nodes(data=True)}
    items = "\n".join(
        f'<li data-kind="{e(kind)}"><span class="glyph">{swatch(s)}</span> {e(label)}</li>'
        for kind, s, label in legend(kinds, lang)
    )
    states = {c for e in merge_edges(g, certainty) for c in e.certainties} | {"stated"}
    for key, es in EDGE_STYLES.items():
        if key in states:
            dash = f' stroke-dasharray="{es.dash}"' if es.dash else ""
            line = (
                f'<svg width="22" height="10" aria-hidden="true"><line x1="0" y1="5" x2="22" '
                f'y2="5" stroke="{es.stroke}" stroke-width="2"{dash}/></svg>'
            )
            items += f'\n<li data-line="{e(key)}">{line} {e(es.label(lang))}</li>'
    items += f'\n<li class="gg-note">{e(message("views.legend.joined", lang))}</li>'
    with _no_gc_pauses():
        data = vis_data(g, lang, certainty, positions)
        options = vis_options(len(data["nodes"]), len(data["edges"]), bool(positions))
        options["groups"] = vis_groups({n["group"] for n in data["nodes"]})
        payload = json_for_script(data)
    return f"""<!DOCTYPE html>
<html lang="{e(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{e(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="govgraph">
<title>{e(title)}</title>
<style>{css}</style>
<style>{_CSS}</style>
</head>
<body data-state="loading">
<header>
<h1>{e(title)}</h1>
<form id="gg-find" role="search">
<input id="gg-search" type="search" list="gg-names" placeholder="{e(t["search"])}"
 aria-label="{e(t["search"])}">
<datalist id="gg-names"></datalist>
<button type="submit">{e(t["find"])}</button>
</form>
<span id="gg-status" aria-live="polite">{e(t["layout"])}</span>
</header>
<main>
<div id="gg-network"></div>
<aside id="gg-legend"><h2>{e(t["legend"])}</h2><ul>
{items}
</ul></aside>
</main>
<script id="gg-text" type="application/json">{json_for_script(t)}</script>
<script id="gg-data" type="application/json">{payload}</script>
<script id="gg-options" type="application/json">{json_for_script(options)}</script>
<script>{js}</script>
<script>{_SCRIPT}</script>
</body>
</html>
"""
