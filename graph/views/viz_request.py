"""What `govgraph viz` shows and in which form: choose the view, check its size, render it.

Size limits (measured in benchmarks/viz_bench.py, numbers in benchmarks/VIZ_RESULTS.md): above
MAX_INTERACTIVE_NODES a browser needs too long to settle the layout to be usable, and above
MAX_STATIC_NODES a static picture is unreadable (and the pure-Python layout slow).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import networkx as nx

from govgraph.graph.errors import NotFoundError, UsageError
from govgraph.graph.i18n import bilingual, message
from govgraph.graph.sparql.entities import EntityIndex
from govgraph.graph.store.backend import Backend
from govgraph.graph.views.network import KINDS, kind_label, project, select_view
from govgraph.graph.views.network_svg import PictureOptions
from govgraph.graph.views.output import FORMATS, PICTURES, picture_bytes

MAX_INTERACTIVE_NODES = 2000
MAX_STATIC_NODES = 300


@dataclass
class ViewRequest:
    lang: str = "de"
    facts: str = "edge"
    at: date | None = None
    focus: str | None = None
    depth: int = 2
    types: tuple[str, ...] = ()
    topic: str | None = None


def build_view(backend: Backend, req: ViewRequest) -> tuple[nx.MultiDiGraph, str]:
    """The network a request asks for, and a title that says what it shows."""
    index = EntityIndex(backend, req.lang) if (req.focus or req.topic) else None
    focus = index.resolve(req.focus) if index and req.focus else None
    topic = index.resolve(req.topic) if index and req.topic else None
    g = project(backend, req.lang, req.facts, req.at)
    for entity, option in ((focus, "--focus"), (topic, "--topic")):
        if entity is not None and entity.iri not in g:
            raise NotFoundError(f"{option}: {entity.label(req.lang)} is not part of the network")
    view = select_view(
        g,
        focus=focus.iri if focus else None,
        depth=req.depth,
        kinds=req.types,
        topic=topic.iri if topic else None,
    )
    view.graph["focus"] = focus.iri if focus else None
    parts = [message("views.network.title", req.lang)]
    if focus:
        parts.append(
            message("views.network.focus", req.lang, label=focus.label(req.lang), depth=req.depth)
        )
    if topic:
        parts.append(message("views.network.topic", req.lang, label=topic.label(req.lang)))
    if req.types:
        # kinds in words ("Akteur Bund"), other --type values as typed
        parts.append(", ".join(kind_label(t, req.lang) if t in KINDS else t for t in req.types))
    if req.at:
        parts.append(message("views.network.as_of", req.lang, day=req.at.isoformat()))
    return view, ": ".join(parts[:2]) + ("; " + "; ".join(parts[2:]) if len(parts) > 2 else "")


def check_size(view: nx.MultiDiGraph, fmt: str, max_nodes: int | None) -> None:
    """Refuse views that would freeze a browser or make an unreadable picture."""
    n = view.number_of_nodes()
    if n == 0:
        raise NotFoundError(bilingual("views.empty"))
    limit = max_nodes or (MAX_INTERACTIVE_NODES if fmt == "html" else MAX_STATIC_NODES)
    if n > limit:
        raise UsageError(bilingual("views.too_large", n=n, limit=limit))


def edge_states(
    backend: Backend, view: nx.MultiDiGraph, lang: str, day: date
) -> tuple[dict[str, str], object]:
    """Each shown fact's certainty as drawn, and the provenance of the view's items.

    A conflict between sources (disputed, or superseded as of `day` by the claim a named rule
    prefers; the `conflicts` query) outranks the fact's own gg:certainty."""
    from govgraph.graph.views.provenance import conflict_states, load_provenance

    prov = load_provenance(backend, lang)
    facts = {d["fact"] for _, _, d in view.edges(data=True) if d.get("fact")}
    facts |= {n for n, d in view.nodes(data=True) if d.get("fact")}
    states = {f: prov.certainty[f] for f in facts if f in prov.certainty}
    for fact, state in conflict_states(backend, lang, day).items():
        if fact in facts:
            states[fact] = state
    return states, prov


def picture_svg(
    backend: Backend,
    view: nx.MultiDiGraph,
    title: str,
    req: ViewRequest,
    today: date,
    opts: PictureOptions,
) -> tuple[str, int, int]:
    """The view as an SVG picture with its legend and a footer naming its sources and the
    entries a slide leaves out."""
    from govgraph.graph.views.network_svg import render_svg
    from govgraph.graph.views.picture import Footer
    from govgraph.graph.views.slide import trim

    certainty, prov = edge_states(backend, view, req.lang, req.at or today)
    opts.focus = view.graph.get("focus")
    drawn, rest = trim(view, opts.focus, certainty, opts.limit)
    facts = {d["fact"] for _, _, d in drawn.edges(data=True) if d.get("fact")}
    facts |= {n for n, d in drawn.nodes(data=True) if d.get("fact")}
    sources = prov.source_names(set(drawn.nodes) | facts)
    footer = Footer(req.lang, today, req.at, sources, rest=rest)
    return render_svg(drawn, title, req.lang, footer, certainty, opts)


def render(
    backend: Backend,
    view: nx.MultiDiGraph,
    title: str,
    req: ViewRequest,
    fmt: str,
    today: date,
    opts: PictureOptions | None = None,
    renderer: str = "cairo",
) -> bytes:
    """The view as an HTML page or an SVG, PNG or PDF picture."""
    opts = opts or PictureOptions()
    if fmt == "html":
        from govgraph.graph.views.html import render_page

        certainty, _ = edge_states(backend, view, req.lang, req.at or today)
        positions = None
        if opts.layout:  # --layout given: the picture's positions, fixed
            from govgraph.graph.views.network_svg import fixed_positions

            positions = fixed_positions(view, certainty, opts)
        return render_page(view, title, req.lang, certainty, positions).encode("utf-8")
    if fmt not in PICTURES:
        raise UsageError(f"--format: choose one of {', '.join(FORMATS)}")
    svg, width, height = picture_svg(backend, view, title, req, today, opts)
    return picture_bytes(svg, fmt, width, height, renderer)
