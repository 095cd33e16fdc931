"""How fast `govgraph viz` builds a network page, and how large a view stays usable in a browser.

For each size it writes a synthetic graph of N entities (mixed kinds, ~1.5 relations and ~0.3
facts per entity, shaped like the real facts) and measures, in one run and on the same view:
- the whole `govgraph viz` process as a user runs it (store cache warm);
- building and writing the page from the view (render + write_atomic), median of several runs;
- the same page made through pyvis's own path: `Network.add_node`/`add_edge` for the same nodes,
  edges, labels, tooltips and styles, then `write_html` (in a temporary folder, since pyvis
  writes a lib/ folder next to the page);
- the page in headless chromium (network blocked): load, layout settled (physics off), one
  redraw after settling.
Writes benchmarks/VIZ_RESULTS.md. Not part of CI; needs pyvis and chromium.

    python benchmarks/viz_bench.py                   # 500, 2000, 10000 nodes
    python benchmarks/viz_bench.py --sizes 500 2000 --no-browser
    python benchmarks/viz_bench.py --pictures        # SVG/PNG/PDF (picture_bench.py)
    python benchmarks/viz_bench.py --briefing --before OLD_PYTHON  # issue 28 (briefing_bench.py)
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE))

from browser import Browser, BrowserError, find_chromium  # noqa: E402
from machine import describe  # noqa: E402
from timing import cli_seconds  # noqa: E402

PREFIXES = """\
@prefix gg: <https://w3id.org/govgraph/ontology#> .
@prefix ggc: <https://w3id.org/govgraph/concept/> .
@prefix ggb: <https://w3id.org/govgraph/bench/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
"""

TYPES = [
    ("Ministry", "federal"),
    ("Ministry", "state"),
    ("Municipality", "municipal"),
    ("Council", "joint"),
    ("Committee", "state"),
    ("Agreement", "state"),
    ("Law", "federal"),
    ("Programme", "state"),
    ("ITSystem", "state"),
    ("Register", "federal"),
    ("Topic", None),
]
RELATIONS = ["gg:partOf", "gg:concerns", "org:unitOf", "gg:implements", "gg:operatedBy"]
ROLES = ["lead", "coordination", "operation", "financing", "advisory"]


def synthetic(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    out = [PREFIXES]
    quote = (
        "prov:wasDerivedFrom [ a oa:SpecificResource ; oa:hasSelector "
        '[ a oa:TextQuoteSelector ; oa:exact "Beleg {i}" ] ]'
    )
    for i in range(n):
        cls, level = TYPES[i % len(TYPES)]
        lvl = f" gg:level ggc:{level} ;" if level else ""
        out.append(
            f'ggb:e{i} a gg:{cls} ;{lvl} skos:prefLabel "Entität {i}"@de , "entity {i}"@en ; '
            + quote.format(i=i)
            + " ."
        )
        for _ in range(1 if rng.random() < 0.5 else 2):
            if i:
                j = rng.randrange(0, i)
                out.append(f"ggb:e{i} {rng.choice(RELATIONS)} ggb:e{j} .")
    for k in range(n * 3 // 10):
        a, b = rng.randrange(n), rng.randrange(n)
        out.append(
            f"ggb:f{k} a gg:Responsibility ; gg:actor ggb:e{a} ; gg:subject ggb:e{b} ; "
            f'gg:role ggc:{rng.choice(ROLES)} ; rdfs:label "Aussage {k}"@de ; '
            + quote.format(i=k)
            + " ."
        )
    return "\n".join(out) + "\n"


def _view(data: Path):
    """The view `govgraph --no-builtin --data FILE viz` shows, built in this process."""
    from govgraph.graph.store.backend import LocalBackend
    from govgraph.graph.store.dataset import DataSelection, load_store
    from govgraph.graph.views.viz_request import ViewRequest, build_view

    store = load_store(DataSelection(builtin=False, extra=(data,)).files())
    return build_view(LocalBackend(store), ViewRequest())


def govgraph_page(view, title: str, page: Path, repeat: int) -> float:
    """Median time to build the page from the view and write it (what `viz` does after querying)."""
    from govgraph.graph.files import write_atomic
    from govgraph.graph.views.html import render_page

    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        write_atomic(page, render_page(view, title, "de").encode("utf-8"))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pyvis_page(view, title: str, folder: Path) -> tuple[float, float]:
    """(add_node/add_edge time, write_html time) for the same page through pyvis's API."""
    from pyvis.network import Network

    from govgraph.graph.views.style import style

    def tip(d: dict) -> str:
        lines = [d.get("label", ""), d.get("description", ""), d.get("type_label", "")]
        if d.get("quote"):
            lines.append(f"Beleg: „{d['quote']}“")
        return "\n".join(x for x in lines if x)

    start = time.perf_counter()
    net = Network(height="100%", width="100%", directed=True, heading=title)
    index = {n: i for i, n in enumerate(view.nodes)}
    for n, d in view.nodes(data=True):
        s = style(d.get("kind", "actor"))
        net.add_node(
            index[n],
            label=d.get("label", n),
            title=tip(d),
            shape=s.shape,
            size=s.size,
            color={"background": s.color, "border": s.border},
        )
    for u, v, d in view.edges(data=True):
        net.add_edge(index[u], index[v], label=d.get("label", ""), title=tip(d))
    built = time.perf_counter() - start
    here = Path.cwd()
    os.chdir(folder)  # pyvis writes lib/ into the working directory
    try:
        start = time.perf_counter()
        net.write_html("pyvis.html")
        written = time.perf_counter() - start
    finally:
        os.chdir(here)
    return built, written


def settle(page: Path, timeout: float) -> dict:
    result: dict = {}
    with Browser() as browser:
        start = time.perf_counter()
        tab = browser.open(page, timeout=timeout)
        result["load_s"] = time.perf_counter() - start
        try:
            tab.wait_for("window.govgraph && window.govgraph.stable", timeout=timeout, interval=0.2)
            result["settle_s"] = time.perf_counter() - start
        except BrowserError:
            result["settle_s"] = None
        result["edges"] = tab.evaluate("window.govgraph ? govgraph.edges.length : 0")
        if result["settle_s"] is not None:
            # one redraw after settling: how long a pan/zoom frame takes
            result["redraw_ms"] = tab.evaluate(
                "(() => { const s = performance.now(); govgraph.network.redraw();"
                " return performance.now() - s; })()"
            )
    return result


def measure(n: int, folder: Path, settle_timeout: float, browser: bool, repeat: int) -> dict:
    data = folder / f"bench-{n}.ttl"
    data.write_text(synthetic(n), encoding="utf-8")
    page = folder / f"bench-{n}.html"
    args = ["--no-builtin", "--data", str(data), "viz", "--max-nodes", "1000000", "-o", str(page)]
    cli_seconds(*args)  # builds the store cache for inputs above its size threshold
    result: dict = {
        "nodes": n,
        "process_s": statistics.median(cli_seconds(*args) for _ in range(3)),
    }
    view, title = _view(data)
    result["nodes"] = view.number_of_nodes()
    result["edges"] = view.number_of_edges()
    result["page_s"] = govgraph_page(view, title, page, repeat)
    result["size_mb"] = page.stat().st_size / 1e6
    pyvis_dir = folder / f"pyvis-{n}"
    pyvis_dir.mkdir()
    result["pyvis_add_s"], result["pyvis_write_s"] = pyvis_page(view, title, pyvis_dir)
    if browser:
        result.update(settle(page, settle_timeout))
    return result


def _machine() -> str:
    return f"{describe()}, {platform.release()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 10000])
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--repeat", type=int, default=5, help="runs of the page build (median)")
    parser.add_argument("--no-browser", action="store_true", help="skip the chromium settle run")
    parser.add_argument("-o", "--output", type=Path, default=HERE / "VIZ_RESULTS.md")
    parser.add_argument(
        "--pictures",
        action="store_true",
        help="only the SVG/PNG/PDF pictures (focus picture, synthetic views of --sizes nodes)",
    )
    parser.add_argument(
        "--briefing",
        action="store_true",
        help="briefing pictures before/after (briefing_bench.py); --before: an older Python",
    )
    parser.add_argument("--before", help="a Python whose govgraph is the earlier version")
    args = parser.parse_args()
    if args.briefing:
        import briefing_bench

        found = briefing_bench.rows(args.before, synthetic, min(args.repeat, 3))
        text = briefing_bench.section(found, _machine(), min(args.repeat, 3))
        old = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        marker = "## Briefing pictures before and after issue 28"
        head, _, tail = old.partition(marker)
        rest = tail.split("\n## ", 1)[1] if "\n## " in tail else ""
        body = head.rstrip("\n") + "\n\n" + text + ("\n## " + rest if rest else "")
        args.output.write_text(body, encoding="utf-8")
        print(f"wrote {args.output}")
        return
    if args.pictures:
        import picture_bench

        sizes = args.sizes if args.sizes != [500, 2000, 10000] else [100, 300]
        rows = picture_bench.focus_rows(args.repeat)
        rows += picture_bench.large_rows(sizes, synthetic, args.repeat)
        picture_bench.write_section(
            args.output, picture_bench.section(rows, _machine(), args.repeat)
        )
        print(f"wrote {args.output}")
        return
    browser = not args.no_browser
    if browser and not find_chromium():
        sys.exit("chromium not found (or use --no-browser)")
    import pyvis  # noqa: F401  (fail early: the comparison needs it)

    from govgraph.graph.views.viz_request import MAX_INTERACTIVE_NODES

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            r = measure(n, Path(tmp), args.timeout, browser, args.repeat)
            print(r, flush=True)
            rows.append(r)
    from importlib.metadata import version

    chromium = (
        subprocess.run(
            [find_chromium(), "--version"], capture_output=True, text=True
        ).stdout.strip()
        if browser
        else "no browser run"
    )
    lines = [
        "# Network view: page build time against pyvis, and layout time in a browser",
        "",
        f"Measured with `python benchmarks/viz_bench.py` on {_machine()}; Python "
        f"{platform.python_version()}, pyoxigraph {version('pyoxigraph')}, networkx "
        f"{version('networkx')}, pyvis {version('pyvis')}, {chromium} (headless). "
        f"Page build: median of {args.repeat} runs; pyvis and the browser: one run per size.",
        "",
        "Synthetic views (`--no-builtin --data`, no filter), all nodes shown. *govgraph page* is "
        "building the page from the view and writing it (`render` + `write_atomic`); *pyvis* is "
        "the same nodes, edges, labels, tooltips and styles through `Network.add_node`/"
        "`add_edge` + `write_html`. *whole process* is `govgraph viz` as a user runs it "
        "(start-up, store, three queries, projection, page), store cache warm, median of 3.",
        "",
        "| nodes | edges | govgraph page (s) | pyvis add_node/add_edge (s) | pyvis write_html (s) "
        "| pyvis ÷ govgraph | whole `govgraph viz` process (s) | file (MB) "
        "| page loaded (s) | layout settled (s) | redraw after settling (ms) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        pyvis_total = r["pyvis_add_s"] + r["pyvis_write_s"]
        if "settle_s" in r:
            load = f"{r['load_s']:.1f}"
            settled = (
                f"{r['settle_s']:.1f}" if r["settle_s"] is not None else f"> {args.timeout:.0f}"
            )
            redraw = f"{r['redraw_ms']:.0f}" if r.get("redraw_ms") is not None else "–"
        else:
            load = settled = redraw = "–"
        lines.append(
            f"| {r['nodes']} | {r['edges']} | {r['page_s']:.3f} | {r['pyvis_add_s']:.2f} | "
            f"{r['pyvis_write_s']:.2f} | {pyvis_total / r['page_s']:.0f} × | "
            f"{r['process_s']:.2f} | {r['size_mb']:.1f} | {load} | {settled} | {redraw} |"
        )
    lines += ["", f"`MAX_INTERACTIVE_NODES` (graph/views.py) is {MAX_INTERACTIVE_NODES}."]
    old = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
    marker = "## Pictures: SVG, PNG and PDF render times"
    kept = "\n" + marker + old.split(marker, 1)[1] if marker in old else ""
    args.output.write_text("\n".join(lines) + "\n" + kept, encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
