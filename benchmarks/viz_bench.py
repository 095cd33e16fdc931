"""How large a network view stays usable: generation time and layout settling in a browser.

For each size it writes a synthetic graph of N entities (mixed kinds, ~1.5 relations and ~0.3
facts per entity, shaped like the real facts), runs `govgraph viz` on it as a user would, opens
the page in headless chromium (network blocked) and waits until the layout has settled and
physics is off. Writes benchmarks/VIZ_RESULTS.md. Not part of CI.

    python benchmarks/viz_bench.py                   # 500, 2000, 10000 nodes
    python benchmarks/viz_bench.py --sizes 500 2000
"""

from __future__ import annotations

import argparse
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from browser import Browser, BrowserError, find_chromium  # noqa: E402

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


def measure(n: int, folder: Path, settle_timeout: float) -> dict:
    data = folder / f"bench-{n}.ttl"
    data.write_text(synthetic(n), encoding="utf-8")
    page = folder / f"bench-{n}.html"
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from govgraph.cli.main import run; run()",
            "--no-builtin",
            "--data",
            str(data),
            "viz",
            "--max-nodes",
            "1000000",
            "-o",
            str(page),
        ],
        check=True,
        capture_output=True,
    )
    generate = time.perf_counter() - start
    result = {"nodes": n, "generate_s": generate, "size_mb": page.stat().st_size / 1e6}
    with Browser() as browser:
        start = time.perf_counter()
        tab = browser.open(page, timeout=settle_timeout)
        loaded = time.perf_counter() - start
        try:
            tab.wait_for(
                "window.govgraph && window.govgraph.stable", timeout=settle_timeout, interval=0.2
            )
            result["settle_s"] = time.perf_counter() - start
        except BrowserError:
            result["settle_s"] = None
        result["load_s"] = loaded
        result["edges"] = tab.evaluate("window.govgraph ? govgraph.edges.length : 0")
        if result["settle_s"] is not None:
            # one redraw after settling: how long a pan/zoom frame takes
            t = tab.evaluate(
                "(() => { const s = performance.now(); govgraph.network.redraw();"
                " return performance.now() - s; })()"
            )
            result["redraw_ms"] = t
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 10000])
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("-o", "--output", type=Path, default=HERE / "VIZ_RESULTS.md")
    args = parser.parse_args()
    if not find_chromium():
        sys.exit("chromium not found")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            r = measure(n, Path(tmp), args.timeout)
            print(r, flush=True)
            rows.append(r)
    version = subprocess.run(
        [find_chromium(), "--version"], capture_output=True, text=True
    ).stdout.strip()
    lines = [
        "# Network view: generation and layout time by size",
        "",
        f"Measured with `python benchmarks/viz_bench.py` on {platform.machine()}, "
        f"{platform.python_version()}, {version}, headless, one run per size.",
        "",
        "| nodes | edges | generate page (s) | file (MB) | page loaded (s) | layout settled (s) "
        "| redraw after settling (ms) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        settle = f"{r['settle_s']:.1f}" if r["settle_s"] is not None else f"> {args.timeout:.0f}"
        redraw = f"{r['redraw_ms']:.0f}" if r.get("redraw_ms") is not None else "–"
        lines.append(
            f"| {r['nodes']} | {r['edges']} | {r['generate_s']:.1f} | {r['size_mb']:.1f} | "
            f"{r['load_s']:.1f} | {settle} | {redraw} |"
        )
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
