"""Before/after of the briefing pictures (issue 28): what a reader sees and how long it takes.

For each view, the picture is made by a whole `govgraph viz … -o FILE` process with this
checkout's Python and, with `--before PYTHON`, with a Python whose `govgraph` is an earlier
version (e.g. a venv with the commit before the change installed). From each SVG: entries and
edges drawn, edges drawn beside another edge of the same pair, labels on labels and labels on
node marks (tests/picture_check.py); and the render time (median of `--repeat` processes) of
the .svg and the .png.

    python benchmarks/viz_bench.py --briefing --before /path/to/old/venv/bin/python
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from picture_check import NS, _shape_box, clashes, geometry, labels, overlaps  # noqa: E402

TODAY = "2026-11-27"
VIEWS = [
    ("focus NOOTS, depth 1", ("--focus", "NOOTS", "--depth", "1"), False),
    ("focus NOOTS, depth 2", ("--focus", "NOOTS", "--depth", "2"), False),
    ("focus NOOTS, depth 2, levels", ("--focus", "NOOTS", "--layout", "levels"), False),
    ("synthetic, 300 entities", ("--max-nodes", "300"), True),
    ("synthetic, 300 entities, levels", ("--max-nodes", "300", "--layout", "levels"), True),
]


def _run(python: str, args: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(
        [python, "-c", "from govgraph.cli.main import run; run()", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip())
    return time.perf_counter() - start, done.stderr


def _old_marks(svg: str) -> list:
    """Node marks of a picture drawn before marks had a class: the shapes of the drawing."""
    from picture_check import DrawnLabel, _translate

    root = ElementTree.fromstring(svg)
    found = []
    for group in root:
        if group.tag != NS + "g" or not group.get("transform"):
            continue
        dx, dy = _translate(group)
        for child in group:
            box = _shape_box(child) if child.tag != NS + "g" else None
            background = child.tag == NS + "rect" and child.get("fill") == "#ffffff"
            if box and not background:
                found.append(DrawnLabel("", box[0] + dx, box[1] + dy, box[2], box[3]))
    return found


def measure(python: str, args: list[str], folder: Path, repeat: int) -> dict:
    svg_file, png_file = folder / "view.svg", folder / "view.png"
    svg_times = [_run(python, [*args, "-o", str(svg_file)])[0] for _ in range(repeat)]
    png_times = [_run(python, [*args, "-o", str(png_file)])[0] for _ in range(repeat)]
    svg = svg_file.read_text(encoding="utf-8")
    drawn = geometry(svg)
    root = ElementTree.fromstring(svg)
    if drawn.marks:  # this version: marks and edges say what they are
        marks, pairs = drawn.marks, Counter(drawn.edges)
        edges = len(drawn.edges)
        on_nodes = len(clashes(svg)["nodes"])
    else:  # earlier: one path per relation, marks without a class
        marks = _old_marks(svg)
        edges = sum(1 for p in root.iter(NS + "path") if p.get("marker-end"))
        pairs = Counter()
        shown = labels(svg, "node-label") + labels(svg, "edge-label")
        on_nodes = sum(1 for lab in shown for m in marks if overlaps(lab, m))
    return {
        "nodes": len(labels(svg, "node-label")),
        "marks": len(marks),
        "edges": edges,
        "parallel": sum(n for n in pairs.values() if n > 1) if pairs else None,
        "on_labels": len(clashes(svg)["labels"]),
        "on_nodes": on_nodes,
        "svg_s": statistics.median(svg_times),
        "png_s": statistics.median(png_times),
        "px": " × ".join(root.get(a) for a in ("width", "height")),
    }


def parallel_before(python: str, args: list[str]) -> int:
    """Edges drawn beside another edge of the same pair, before: every relation was a path,
    so this is counted from the view itself (the earlier version drew all of it)."""
    code = (
        "import sys, json\n"
        "from collections import Counter\n"
        "from datetime import date\n"
        "from govgraph.cli.context import AppContext\n"
        "from govgraph.graph.views.viz_request import ViewRequest, build_view\n"
        "a = json.loads(sys.argv[1])\n"
        "app = AppContext(data=tuple(a['data']), builtin=not a['data'])\n"
        "req = ViewRequest(focus=a['focus'], depth=a['depth'])\n"
        "view, _ = build_view(app.backend(), req)\n"
        "c = Counter(tuple(sorted((u, v))) for u, v in view.edges() if u != v)\n"
        "print(sum(n for n in c.values() if n > 1))\n"
    )
    import json

    focus = args[args.index("--focus") + 1] if "--focus" in args else None
    depth = int(args[args.index("--depth") + 1]) if "--depth" in args else 2
    data = [args[i + 1] for i, a in enumerate(args) if a == "--data"]
    spec = json.dumps({"focus": focus, "depth": depth, "data": data})
    out = subprocess.run([python, "-c", code, spec], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def rows(before: str | None, synthetic, repeat: int) -> list[dict]:
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = folder / "bench-300.ttl"
        data.write_text(synthetic(300), encoding="utf-8")
        for what, view_args, is_synthetic in VIEWS:
            base = ["--today", TODAY]
            if is_synthetic:
                base += ["--no-builtin", "--data", str(data)]
            args = [*base, "viz", *view_args]
            versions = [("before", before, args)] if before else []
            versions.append(("after", sys.executable, args))
            if is_synthetic or "depth 2" in what:
                versions.append(("after, --all", sys.executable, [*args, "--all"]))
            for version, python, run_args in versions:
                row = measure(python, run_args, folder, repeat)
                if version == "before":
                    row["parallel"] = parallel_before(python, run_args)
                row.update(what=what, version=version)
                print(row, flush=True)
                found.append(row)
    return found


def section(found: list[dict], machine: str, repeat: int) -> str:
    lines = [
        "## Briefing pictures before and after issue 28",
        "",
        f"Measured with `python benchmarks/viz_bench.py --briefing` on {machine}. *before* is "
        "the commit before the change (pure-Python layouts, one edge per relation, every entry "
        "drawn), *after* this version (Graphviz through the pygraphviz wheel, one edge per "
        "pair, at most 25 entries; *--all* draws every entry). Each picture is a whole "
        f"`govgraph viz … -o FILE` process, median of {repeat}. *parallel* counts the edges "
        "drawn beside another edge of the same pair; *labels on labels* and *labels on marks* "
        "are overlapping boxes in the SVG (tests/picture_check.py).",
        "",
        "| view | version | entries | edges | parallel | labels on labels | labels on marks "
        "| picture (px) | .svg (s) | .png (s) |",
        "|---|---|---:|---:|---:|---:|---:|---|---:|---:|",
    ]
    for r in found:
        lines.append(
            f"| {r['what']} | {r['version']} | {r['nodes']} | {r['edges']} | "
            f"{r['parallel'] if r['parallel'] is not None else '–'} | {r['on_labels']} | "
            f"{r['on_nodes']} | {r['px']} | {r['svg_s']:.2f} | {r['png_s']:.2f} |"
        )
    return "\n".join(lines) + "\n"
