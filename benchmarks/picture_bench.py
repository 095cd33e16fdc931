"""Render times of the static pictures (SVG, PNG, PDF): the shipped graph's focus picture and
large synthetic views. Called by `python benchmarks/viz_bench.py --pictures`; writes its own
section of VIZ_RESULTS.md.
"""

from __future__ import annotations

import statistics
import tempfile
from datetime import date
from pathlib import Path

from timing import cli_seconds, median_call

TODAY = date(2026, 11, 27)


def _times(backend, view, title, req, layout: str, repeat: int) -> dict:
    from govgraph.graph.views.network_svg import PictureOptions
    from govgraph.graph.views.output import picture_bytes
    from govgraph.graph.views.viz_request import picture_svg

    def svg():
        opts = PictureOptions(layout=layout, limit=None)  # every entry, not a slide's 25
        return picture_svg(backend, view, title, req, TODAY, opts)

    doc, width, height = svg()
    return {
        "nodes": view.number_of_nodes(),
        "edges": view.number_of_edges(),
        "layout": layout,
        "svg_s": median_call(svg, repeat),
        "png_s": median_call(lambda: picture_bytes(doc, "png", width, height), repeat),
        "pdf_s": median_call(lambda: picture_bytes(doc, "pdf", width, height), repeat),
        "px": f"{width} × {height}",
    }


def focus_rows(repeat: int) -> list[dict]:
    """NOOTS in the shipped graph, both layouts; and the whole `govgraph viz` process."""
    from govgraph.graph.store.dataset import DataSelection
    from govgraph.graph.store.session import open_backend
    from govgraph.graph.views.viz_request import ViewRequest, build_view

    backend = open_backend(DataSelection())
    req = ViewRequest(focus="NOOTS")
    view, title = build_view(backend, req)
    rows = []
    for layout in ("flow", "levels"):
        row = _times(backend, view, title, req, layout, repeat)
        row["what"] = "focus NOOTS (shipped graph)"
        with tempfile.TemporaryDirectory() as tmp:
            for fmt in ("svg", "png", "pdf"):
                out = str(Path(tmp) / f"noots.{fmt}")
                args = ["--today", TODAY.isoformat(), "viz", "--focus", "NOOTS"]
                args += ["--layout", layout, "--all", "-o", out]
                row[f"process_{fmt}_s"] = statistics.median(cli_seconds(*args) for _ in range(3))
        rows.append(row)
    return rows


def large_rows(sizes: list[int], synthetic, repeat: int) -> list[dict]:
    """Synthetic views of `sizes` nodes (all shown), both layouts, in this process."""
    from govgraph.graph.store.backend import LocalBackend
    from govgraph.graph.store.dataset import DataSelection, load_store
    from govgraph.graph.views.viz_request import ViewRequest, build_view

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            data = Path(tmp) / f"bench-{n}.ttl"
            data.write_text(synthetic(n), encoding="utf-8")
            store = load_store(DataSelection(builtin=False, extra=(data,)).files())
            backend = LocalBackend(store)
            req = ViewRequest()
            view, title = build_view(backend, req)
            for layout in ("flow", "levels"):
                row = _times(backend, view, title, req, layout, repeat)
                row["what"] = f"synthetic, {n} entities"
                rows.append(row)
    return rows


def section(rows: list[dict], machine: str, repeat: int) -> str:
    from importlib.metadata import version

    lines = [
        "## Pictures: SVG, PNG and PDF render times",
        "",
        f"Measured with `python benchmarks/viz_bench.py --pictures` on {machine}; cairosvg "
        f"{version('cairosvg')}, networkx {version('networkx')}. *SVG* is building the picture "
        "from the view (provenance query, layout, label placement, SVG text); *PNG* and *PDF* "
        f"are cairosvg converting that SVG (no browser); medians of {repeat} runs in one "
        "process. *process* is the whole `govgraph viz … -o FILE` as a user runs it (start-up, "
        "store, queries, picture, file), median of 3.",
        "",
        "| view | layout | nodes | edges | picture (px) | SVG (s) | PNG (s) | PDF (s) "
        "| process .svg / .png / .pdf (s) |",
        "|---|---|---:|---:|---|---:|---:|---:|---|",
    ]
    for r in rows:
        process = (
            " / ".join(f"{r[f'process_{f}_s']:.2f}" for f in ("svg", "png", "pdf"))
            if "process_svg_s" in r
            else "–"
        )
        lines.append(
            f"| {r['what']} | {r['layout']} | {r['nodes']} | {r['edges']} | {r['px']} | "
            f"{r['svg_s']:.3f} | {r['png_s']:.3f} | {r['pdf_s']:.3f} | {process} |"
        )
    return "\n".join(lines) + "\n"


def write_section(path: Path, text: str) -> None:
    """Replace (or append) the pictures section, keeping the rest of the results file."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    head, _, tail = old.partition("## Pictures: SVG, PNG and PDF render times")
    rest = "\n## " + tail.split("\n## ", 1)[1] if "\n## " in tail else ""  # later sections
    head = head.rstrip("\n")
    path.write_text((head + "\n\n" if head else "") + text + rest, encoding="utf-8")
