"""Measure govgraph against the same work done by hand with rdflib and with raw pyoxigraph.

One run, the same files for every contender; medians of repeated runs; ratios against the
baselines the targets name. Writes benchmarks/RESULTS.md. Not part of CI (it takes minutes).

    python benchmarks/run.py                 # 10k, 100k and 1M triples
    python benchmarks/run.py --sizes 10k     # quick
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from machine import describe  # noqa: E402
from timing import median_call  # noqa: E402

# Each contender loads the same files: the ontology, the shipped facts and the synthetic data.
BUILD = """
import sys
from pathlib import Path
from govgraph.graph.store import cache
from govgraph.graph.store.dataset import DataSelection
cache.open_cached(DataSelection(extra=(Path(sys.argv[1]),)).files())
"""
RAW_LOAD = """
import sys
from pathlib import Path
import pyoxigraph as ox
from govgraph.graph.store.dataset import DataSelection
store = ox.Store()
for f in DataSelection(extra=(Path(sys.argv[1]),)).files():
    store.load(path=str(f), format=ox.RdfFormat.TURTLE)
"""
RDFLIB_LOAD = """
import sys
from pathlib import Path
import rdflib
from govgraph.graph.store.dataset import DataSelection
graph = rdflib.Graph()
for f in DataSelection(extra=(Path(sys.argv[1]),)).files():
    graph.parse(f, format="turtle")
"""

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
SYN = "https://w3id.org/govgraph/synthetic/"


def govgraph_exe() -> str:
    beside = Path(sys.executable).with_name("govgraph")
    return str(beside) if beside.exists() else (shutil.which("govgraph") or "govgraph")


def run_child(args: list[str], env: dict | None = None) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB and exit code of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, **(env or {})}
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        err = proc.stderr.read().decode(errors="replace")[-300:]
        print(f"  ! {' '.join(args[:4])} exited {proc.returncode}: {err}", file=sys.stderr)
    proc.stderr.close()
    return wall, usage.ru_maxrss / 1024, proc.returncode


def median_child(args: list[str], repeat: int, env: dict | None = None) -> float:
    return statistics.median(run_child(args, env)[0] for _ in range(repeat))


def machine() -> str:
    import pyoxigraph
    import rdflib

    return (
        f"{describe()}; Python {platform.python_version()}, "
        f"pyoxigraph {pyoxigraph.__version__}, rdflib {rdflib.__version__}"
    )


PARAM_VALUES = {
    "subject": SYN + "work-3",
    "topic": SYN + "topic-3",
    "agreement": SYN + "agreement-3",
    "entity": SYN + "org-3-0",
    "actor": SYN + "org-3-0",
    "by": SYN + "org-3-3",
    "to": SYN + "org-3-0",
}


def bindings_for(query) -> dict:
    import pyoxigraph as ox

    values = {}
    for p in query.params:
        if p.kind == "iri":
            values[p.variable] = ox.NamedNode(PARAM_VALUES.get(p.name, SYN + "org-3-0"))
        elif p.kind == "datatype" and p.datatype.endswith("date"):
            values[p.variable] = ox.Literal("2026-01-01", datatype=ox.NamedNode(p.datatype))
        elif p.default is not None:
            values[p.variable] = p.term(p.default)
        elif not p.optional:
            values[p.variable] = p.term("de" if p.name == "lang" else "3")
    return values


def _all(run, text: str) -> list:
    return list(run(text))


class _Slow(Exception):
    pass


def _capped(fn, cap: float) -> float | None:
    """Seconds for one call of a pure-Python function, or None if it exceeds `cap` seconds."""

    def stop(*_):
        raise _Slow

    old = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, cap)
    try:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start
    except _Slow:
        return None
    except Exception:  # noqa: BLE001 - e.g. rdflib needs a Dataset for GRAPH patterns
        return -1.0
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def bench_queries(files: list[Path], repeat: int, cache_dir: Path, rdflib_cap: float) -> list:
    """Per named query, the same bound text: govgraph (its backend on the cached store), raw
    pyoxigraph on that same store, raw pyoxigraph in memory, and rdflib (capped)."""
    import pyoxigraph as ox

    os.environ["GOVGRAPH_CACHE_DIR"] = str(cache_dir)
    os.environ["GOVGRAPH_CACHE_MIN_BYTES"] = "0"
    from govgraph.graph.sparql.catalog import all_queries
    from govgraph.graph.store import cache
    from govgraph.graph.store.binding import bind
    from govgraph.graph.store.dataset import DataSelection
    from govgraph.graph.store.session import open_backend

    selection = DataSelection(extra=tuple(files))
    backend = open_backend(selection)
    store_path = cache_dir / f"store-{cache.selection_key(selection.files(), cache_dir)}"
    raw_disk = ox.Store.read_only(str(store_path))
    raw_mem = ox.Store()
    for f in selection.files():
        raw_mem.load(path=str(f), format=ox.RdfFormat.TURTLE)
    import rdflib

    graph = rdflib.Graph()
    for f in selection.files():
        graph.parse(f, format="turtle")
    rows = []
    for q in all_queries():
        if q.name == "all-triples":
            continue
        values = bindings_for(q)
        text = bind(q.text, values)
        run = backend.construct if "CONSTRUCT" in q.text.upper() else backend.select
        try:
            ours = median_call(partial(run, q.text, values), repeat)
        except Exception as err:  # noqa: BLE001 - a benchmark reports, it does not stop
            print(f"  ! {q.name}: {err}", file=sys.stderr)
            continue
        disk = median_call(partial(_all, raw_disk.query, text), repeat)
        mem = median_call(partial(_all, raw_mem.query, text), repeat)
        slow = _capped(partial(_all, graph.query, text), rdflib_cap)
        rows.append((q.name, ours, disk, mem, slow))
        print(
            f"  {q.name}: {fmt_s(ours)} / {fmt_s(disk)} / {fmt_s(mem)} / {fmt_s(slow)}",
            file=sys.stderr,
        )
    return rows


def fmt_s(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k,1m")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--data-dir", type=Path, default=HERE / "data")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--entity", default="Registermodernisierung")
    parser.add_argument("--rdflib-cap", type=float, default=20.0, help="seconds per rdflib query")
    args = parser.parse_args()
    exe = govgraph_exe()
    py = sys.executable
    work = Path(tempfile.mkdtemp(prefix="govgraph-bench-"))
    env = {"GOVGRAPH_CACHE_DIR": str(work / "cache")}
    lines = ["# Benchmark results", "", f"Machine: {machine()}", ""]
    lines += [f"Run: `python benchmarks/run.py --sizes {args.sizes} --repeat {args.repeat}`", ""]

    print("baselines …", file=sys.stderr)
    rdflib_import = median_child([py, "-c", "import rdflib"], args.repeat)
    ox_import = median_child([py, "-c", "import pyoxigraph, click"], args.repeat)
    run_child([exe, "stats"], env)  # warm the cache of the shipped graph
    commands = {
        "--help": ["--help"],
        f"who {args.entity}": ["who", args.entity],
        f"show {args.entity}": ["show", args.entity],
        f"search {args.entity[:8]}": ["search", args.entity[:8]],
        "deadlines": ["deadlines"],
        f"viz --focus {args.entity}": ["viz", "--focus", args.entity, "-o", str(work / "v.html")],
    }
    lines += ["## Cold whole-process times on the shipped graph (cache warm)", ""]
    lines += ["| command | median | × `import rdflib` | target |", "|---|---|---|---|"]
    lines.append(f'| `python -c "import rdflib"` | {fmt_s(rdflib_import)} | 1.00 | |')
    lines.append(
        f'| `python -c "import pyoxigraph, click"` | {fmt_s(ox_import)} | '
        f"{ox_import / rdflib_import:.2f} | |"
    )
    targets = {"--help": 0.7, f"who {args.entity}": 1.0}
    for name, cmd in commands.items():
        if run_child([exe, *cmd], env)[2] != 0:
            lines.append(f"| `govgraph {name}` | failed | | |")
            continue
        t = median_child([exe, *cmd], args.repeat, env)
        target = targets.get(name)
        verdict = ""
        if target:
            verdict = f"≤ {target} {'✅' if t / rdflib_import <= target else '❌'}"
        lines.append(f"| `govgraph {name}` | {fmt_s(t)} | {t / rdflib_import:.2f} | {verdict} |")
    lines.append("")

    for size in args.sizes.split(","):
        n = SIZES[size]
        data = args.data_dir / f"synthetic-{size}.ttl"
        if not data.exists():
            print(f"generating {data} …", file=sys.stderr)
            generate(n, data)
        print(f"size {size} …", file=sys.stderr)
        cache_dir = work / f"cache-{size}"
        size_env = {"GOVGRAPH_CACHE_DIR": str(cache_dir)}
        shutil.rmtree(cache_dir, ignore_errors=True)
        build_t, build_mb, _ = run_child(
            [py, "-c", BUILD, str(data)], {**size_env, "GOVGRAPH_CACHE_MIN_BYTES": "0"}
        )
        raw_t, raw_mb, _ = run_child([py, "-c", RAW_LOAD, str(data)])
        rdf_t, rdf_mb, _ = run_child([py, "-c", RDFLIB_LOAD, str(data)])
        who_t = median_child([exe, "--data", str(data), "who", args.entity], args.repeat, size_env)
        lines += [f"## {size} triples ({data.stat().st_size / 1e6:.1f} MB Turtle)", ""]
        lines += ["| what | time | peak memory | ratio | target |", "|---|---|---|---|---|"]
        lines.append(
            f"| govgraph: build the store cache (whole process) | {fmt_s(build_t)} | "
            f"{build_mb:.0f} MB | {build_t / raw_t:.2f} × raw load | ≤ 1.5 × and ≤ 600 MB "
            f"{'✅' if build_t / raw_t <= 1.5 and build_mb <= 600 else '❌'} |"
        )
        lines.append(
            f"| raw `pyoxigraph.Store().load`, same files (whole process) | {fmt_s(raw_t)} | "
            f"{raw_mb:.0f} MB | 1.00 | |"
        )
        lines.append(
            f"| rdflib `Graph().parse`, same files (whole process) | {fmt_s(rdf_t)} | "
            f"{rdf_mb:.0f} MB | "
            f"{rdf_t / raw_t:.2f} × raw load | |"
        )
        lines.append(
            f"| cold `govgraph --data … who {args.entity}` (cache warm) | {fmt_s(who_t)} | | "
            f"{who_t / rdflib_import:.2f} × import rdflib | ≤ 1.5 "
            f"{'✅' if who_t / rdflib_import <= 1.5 else '❌'} |"
        )
        lines.append("")
        rows = bench_queries([data], args.repeat, cache_dir, args.rdflib_cap)
        lines += [
            "| named query | govgraph | raw pyoxigraph, same store | × raw (≤ 1.2) "
            "| raw pyoxigraph in memory | rdflib | rdflib ÷ govgraph (≥ 20) |",
            "|---|---|---|---|---|---|---|",
        ]
        for name, ours, disk, mem, slow in rows:
            ratio = ours / disk if disk else float("nan")
            if slow is None:
                bound = args.rdflib_cap / ours
                rdf = f"> {args.rdflib_cap:g} s"
                speed = f"> {bound:.0f} {'✅' if bound >= 20 else ''}"
            elif slow < 0:
                rdf, speed = "fails", "–"
            else:
                factor = slow / ours if ours else float("inf")
                rdf, speed = fmt_s(slow), f"{factor:.0f} {'✅' if factor >= 20 else '❌'}"
            lines.append(
                f"| {name} | {fmt_s(ours)} | {fmt_s(disk)} | {ratio:.2f} "
                f"{'✅' if ratio <= 1.2 else '❌'} | {fmt_s(mem)} | {rdf} | {speed} |"
            )
        lines.append("")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
