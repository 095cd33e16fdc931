"""The speed targets: deadlines and network-facts, the cache build, and a cold `who`.

Writes the section between the `perf` markers at the top of benchmarks/RESULTS.md, so that one
command reproduces every number in it (the older sections below come from run.py):

    python benchmarks/perf.py                       # 10k, 100k and 1M triples (~15 min)
    python benchmarks/perf.py --sizes 10k --repeat 3  # quick
    python benchmarks/perf.py --rev 5a5fec7         # the same of an older commit (before)

With --rev there is no answer memo unless that code has one: "remembered" is then evaluated again.

Every timing is a whole new process (as a user runs it) or says otherwise; medians of
`--repeat` runs, contenders interleaved so that a burst of load hits both. The load average is
recorded with the numbers: on a shared machine they move by 2x and more.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from machine import describe  # noqa: E402

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
TODAY = "2026-12-01"  # fixed, so that every run asks the same question
MARK = "<!-- {}:{} -->"  # the section's tag ("perf", or "perf-before" with --rev) and begin/end
CAP = 600.0  # seconds before a child is stopped and reported as "> CAP"

# The cache build alone, with its phases (graph/store/cache.py): stream + write, compaction.
BUILD = """
import sys, time
from pathlib import Path
from govgraph.graph.store import cache
from govgraph.graph.store.dataset import DataSelection
import pyoxigraph as ox
files = DataSelection(extra=(Path(sys.argv[1]),)).files()
folder = Path(sys.argv[2])
store = ox.Store(str(folder))
t0 = time.perf_counter()
cache._load_into(store, files, None)
if hasattr(cache, "index_quads"):  # code before the label keys were computed while streaming
    store.bulk_extend(list(cache.index_quads(store)))
t1 = time.perf_counter()
store.optimize()
store.flush()
t2 = time.perf_counter()
try:  # the precomputed views (code that has them), computed on the finished store
    from govgraph.graph.answers import precomputed
except ImportError:
    precomputed = None
if precomputed is not None and len(sys.argv) > 3:
    del store
    store = ox.Store.read_only(str(folder))
    precomputed.build(store, folder / "views", "de")  # the language asked
t3 = time.perf_counter()
print(f"{t1 - t0} {t2 - t1} {t3 - t2}")
"""
# The cheapest ways pyoxigraph itself loads the same files: on disk (the kind of store the
# cache is) with its bulk loader, and in memory.
RAW_DISK = """
import sys
from pathlib import Path
import pyoxigraph as ox
from govgraph.graph.store.dataset import DataSelection
store = ox.Store(sys.argv[2])
for f in DataSelection(extra=(Path(sys.argv[1]),)).files():
    store.bulk_load(path=str(f), format=ox.RdfFormat.TURTLE)
store.flush()
"""
RAW_MEMORY = """
import sys
from pathlib import Path
import pyoxigraph as ox
from govgraph.graph.store.dataset import DataSelection
store = ox.Store()
for f in DataSelection(extra=(Path(sys.argv[1]),)).files():
    store.load(path=str(f), format=ox.RdfFormat.TURTLE)
"""
# In one process: the SPARQL evaluation alone (raw pyoxigraph on the cached store) against
# govgraph's whole answer (backend + records), to tell the query from the Python around it.
INSIDE = """
import os, sys
from datetime import date
from pathlib import Path
import pyoxigraph as ox
from govgraph.graph.answers import rows as answers
from govgraph.graph.dates import date_literal
from govgraph.graph.store.binding import bind
from govgraph.graph.sparql.catalog import named_query
from govgraph.graph.store.dataset import DataSelection
from govgraph.graph.store.session import open_backend
backend = open_backend(DataSelection(extra=(Path(sys.argv[1]),)), timeout=None)
repeat = int(sys.argv[2])
today = date.fromisoformat(os.environ["GOVGRAPH_TODAY"])
sys.path.insert(0, sys.argv[3])  # benchmarks/, for the shared timing helper
from timing import median_call
def median(fn):
    return median_call(fn, repeat)
deadlines = bind(named_query("deadlines").text, {"__today_xsd_date": date_literal(today)})
network = named_query("network-facts").text
import inspect
from govgraph.graph.answers import precomputed
def whole_deadlines():  # as questions.deadlines asks: with the stored rows where code has them
    if "stored" not in inspect.signature(answers.deadlines).parameters:
        return answers.deadlines(backend, "de", today)
    return answers.deadlines(backend, "de", today, stored=precomputed.dated_rows(backend, "de"))
print(median(lambda: list(backend.store.query(deadlines))),
      median(whole_deadlines),
      median(lambda: list(backend.store.query(network))),
      median(lambda: backend.select(network)))
"""


def govgraph_exe() -> str:
    beside = Path(sys.executable).with_name("govgraph")
    return str(beside) if beside.exists() else (shutil.which("govgraph") or "govgraph")


def child(args: list[str], env: dict | None = None) -> tuple[float, str]:
    """Wall seconds (inf when stopped after CAP) and stdout of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )
    try:
        out, err = proc.communicate(timeout=CAP)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return float("inf"), ""
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        text = err.decode(errors="replace")[-300:]
        print(f"  ! {' '.join(args[:4])} exited {proc.returncode}: {text}", file=sys.stderr)
    return wall, out.decode(errors="replace")


def peak(args: list[str], env: dict | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one process, via wait4."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        args,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        print(f"  ! {' '.join(args[:4])} failed", file=sys.stderr)
    return wall, usage.ru_maxrss / 1024


def interleaved(commands: dict[str, list[str]], repeat: int, env: dict) -> dict[str, float]:
    """Median wall seconds per command, the commands taking turns."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, args in commands.items():
            times[name].append(child(args, env)[0])
    return {name: statistics.median(t) for name, t in times.items()}


def fmt(seconds: float) -> str:
    if seconds != seconds:  # nan: not measured
        return "–"
    if seconds == float("inf"):
        return f"> {CAP:.0f} s"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def load() -> str:
    return "{:.1f} / {:.1f} / {:.1f}".format(*os.getloadavg())


def mark(ok: bool) -> str:
    return "✅" if ok else "❌"


def cold_who(exe: str, repeat: int, env: dict) -> list[str]:
    """(c): a cold `who` on the shipped graph against `import rdflib`."""
    child([exe, "who", "NOOTS"], env)  # the shipped graph's cache (if any) is warm from here on
    before = load()
    m = interleaved(
        {
            "rdflib": [sys.executable, "-c", "import rdflib"],
            "who": [exe, "who", "NOOTS"],
            "help": [exe, "--help"],
        },
        repeat,
        env,
    )
    ratio = m["who"] / m["rdflib"]
    return [
        "### Cold `govgraph who NOOTS` on the shipped graph (target ≤ 1.0 × `import rdflib`)",
        "",
        f"Median of {repeat} interleaved runs; load average (1/5/15 min) {before} → {load()}.",
        "",
        "| command | median | × `import rdflib` |",
        "|---|---|---|",
        f'| `python -c "import rdflib"` | {fmt(m["rdflib"])} | 1.00 |',
        f"| `govgraph --help` | {fmt(m['help'])} | {m['help'] / m['rdflib']:.2f} |",
        f"| `govgraph who NOOTS` | {fmt(m['who'])} | {ratio:.2f} {mark(ratio <= 1.0)} |",
        "",
    ]


def measure_size(size: str, data: Path, work: Path, args, exe: str) -> dict:
    """Every number of one size: build, raw loads, the two queries, who."""
    py = sys.executable
    res: dict = {"size": size, "mb": data.stat().st_size / 1e6, "load_before": load()}
    builds, raws, mems, views = [], [], [], []
    for i in range(args.build_repeat):
        folder = work / f"build-{size}-{i}"
        shutil.rmtree(folder, ignore_errors=True)
        start = time.perf_counter()
        wall, mb, out = _build(py, data, folder)
        parts = [*map(float, out.split()), float("nan"), float("nan"), 0.0][:3]
        builds.append((wall, mb, *parts[:2]))
        shutil.rmtree(folder, ignore_errors=True)
        wall, mb, out = _build(py, data, folder, views=True)
        parts = [*map(float, out.split()), float("nan"), float("nan"), 0.0][:3]
        views.append((wall, mb, parts[2]))
        shutil.rmtree(folder, ignore_errors=True)
        raws.append(peak([py, "-c", RAW_DISK, str(data), str(folder)]))
        shutil.rmtree(folder, ignore_errors=True)
        mems.append(peak([py, "-c", RAW_MEMORY, str(data)]))
        print(f"  build {size} #{i}: {time.perf_counter() - start:.1f} s", file=sys.stderr)
    res["build"] = min(builds)  # best of: noise only ever adds
    res["views"] = min(views)  # the build with the precomputed views: wall, MB, views alone
    res["raw_disk"] = min(raws)
    res["raw_mem"] = min(mems)

    cache_dir = work / f"cache-{size}"
    env = {
        "GOVGRAPH_CACHE_DIR": str(cache_dir),
        "GOVGRAPH_CACHE_MIN_BYTES": "0",
        "GOVGRAPH_TODAY": TODAY,
    }
    base = [exe, "--data", str(data), "--timeout", str(CAP)]
    child([*base, "stats"], env)  # build the cache (and its views) once
    no_memo = {**env, "GOVGRAPH_NO_ANSWER_MEMO": "1"}
    # The very first of each right after the build: what the build left to the first question
    # that asks (graph/answers/precomputed.py: ON_DEMAND) is computed then.
    res["very_first"] = {
        "deadlines": child([*base, "deadlines"], no_memo)[0],
        "network-facts": child([*base, "query", "network-facts", "--format", "tsv"], no_memo)[0],
        "web": web_start(base, no_memo),
    }
    res["web_start"] = web_start(base, env)
    # one run: a split of the query from the Python around it
    inside = child([py, "-c", INSIDE, str(data), "1", str(HERE)], no_memo)[1].split()
    res["inside"] = [float(x) for x in inside] if len(inside) == 4 else [float("inf")] * 4
    commands = {
        "deadlines": [*base, "deadlines"],
        "who": [*base, "who", "NOOTS"],
        # as TSV: the table view would time the rendering of 33,000 rows, not the query
        "network-facts": [*base, "query", "network-facts", "--format", "tsv"],
    }
    res["first"] = interleaved(commands, args.repeat, no_memo)
    for c in commands.values():
        child(c, env)  # evaluate once, remembering the answer
    res["memo"] = interleaved(commands, args.repeat, env)
    # with the memo: median of 3, of which the first evaluates (for keys not yet remembered)
    again = child([py, "-c", INSIDE, str(data), "3", str(HERE)], env)[1].split()
    res["inside_memo"] = [float(x) for x in again] if len(again) == 4 else [float("inf")] * 4
    res["who"] = res["memo"]["who"]
    res["load_after"] = load()
    return res


def web_start(base: list[str], env: dict) -> float:
    """Seconds from `govgraph web` starting until it announces its address (the graph opened,
    the index, sources and claims of the first language loaded), on a built cache."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*base, "web", "--port", "0", "--no-cache"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, **env},
    )
    try:
        for line in proc.stdout:
            if re.search(r"http://\S+", line):
                return time.perf_counter() - start
            if time.perf_counter() - start > CAP:
                break
        return float("inf")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _build(py: str, data: Path, folder: Path, views: bool = False) -> tuple[float, float, str]:
    """Build in a child (with the precomputed views: `views`), returning wall, peak MB and
    its phase times."""
    out_file = folder.with_suffix(".out")
    start = time.perf_counter()
    with out_file.open("w") as out:
        args = [py, "-c", BUILD, str(data), str(folder), *(["views"] if views else [])]
        proc = subprocess.Popen(args, stdout=out)
        _, _, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    text = out_file.read_text()
    out_file.unlink()
    return wall, usage.ru_maxrss / 1024, text


def size_lines(results: list[dict], repeat: int) -> list[str]:
    lines = [
        "### Per size",
        "",
        "Build: the cache build alone (`graph/store/cache.py`: stream-parse, label keys, chunked",
        "`bulk_extend`, then `optimize`), a whole process, best of `--build-repeat`. Raw load: the",
        "cheapest way pyoxigraph itself puts the same files into the same kind of store, an",
        "on-disk RocksDB store (`Store(path).bulk_load`); the in-memory `Store().load` beside it.",
        f"Queries and commands: medians of {repeat} whole processes (`--data FILE`, cache warm,",
        f"`GOVGRAPH_TODAY={TODAY}`). *first*: `GOVGRAPH_NO_ANSWER_MEMO=1`, every run evaluates",
        "what the precomputed views (where the code has them) do not hold; *remembered*: the",
        "default, where an answer that took ≥ 0.2 s is kept beside",
        "the cached store and read back by later runs. *in process*: a single run in one process,",
        "the SPARQL alone vs govgraph's whole answer (post-processing included), no memo;",
        "*in process, remembered*: the median of three such runs with the memo. *the very",
        "first after the build*: one run right after it, where a view the build leaves to its",
        "first question (the network projection, the labels, the source records) is computed.",
        "",
        "| | " + " | ".join(r["size"] for r in results) + " |",
        "|---|" + "---|" * len(results),
    ]

    def row(name: str, cell) -> None:
        lines.append(f"| {name} | " + " | ".join(cell(r) for r in results) + " |")

    row("Turtle size", lambda r: f"{r['mb']:.1f} MB")
    row("load average before → after", lambda r: f"{r['load_before']} → {r['load_after']}")
    row("cache build: time", lambda r: fmt(r["build"][0]))
    row("… of which stream, keys, write", lambda r: fmt(r["build"][2]))
    row("… of which `optimize`", lambda r: fmt(r["build"][3]))
    row("cache build: peak memory (≤ 400 MB)", lambda r: f"{r['build'][1]:.0f} MB")
    row("cache build with precomputed views: time", lambda r: fmt(r["views"][0]))
    row("… of which the views", lambda r: fmt(r["views"][2]))
    row("cache build with views: peak memory (≤ 400 MB)", lambda r: f"{r['views'][1]:.0f} MB")
    row("raw `bulk_load` on disk: time", lambda r: fmt(r["raw_disk"][0]))
    row("raw `bulk_load` on disk: peak memory", lambda r: f"{r['raw_disk'][1]:.0f} MB")
    row("raw `load` in memory: time", lambda r: fmt(r["raw_mem"][0]))
    row(
        "build ÷ raw on-disk load (≤ 1.5)",
        lambda r: (
            f"{r['build'][0] / r['raw_disk'][0]:.2f} "
            + mark(r["build"][0] / r["raw_disk"][0] <= 1.5 and r["build"][1] <= 400)
        ),
    )
    row(
        "build with views ÷ raw on-disk load",
        lambda r: (
            f"{r['views'][0] / r['raw_disk'][0]:.2f} "
            + mark(r["views"][0] / r["raw_disk"][0] <= 1.5 and r["views"][1] <= 400)
        ),
    )
    row("`web` start, the very first after the build", lambda r: fmt(_first(r, "web")))
    row("`web` start, cache built (≤ 10 s at 1M)", lambda r: fmt(r["web_start"]))
    row("`deadlines`, the very first after the build", lambda r: fmt(_first(r, "deadlines")))
    row(
        "`query network-facts --format tsv`, the very first after the build",
        lambda r: fmt(_first(r, "network-facts")),
    )
    row(
        "`deadlines`, first (no memo; views) (≤ 2 s at 1M)",
        lambda r: fmt(r["first"]["deadlines"]),
    )
    row("`who NOOTS`, first (no memo; views) (≤ 1 s at 1M)", lambda r: fmt(r["first"]["who"]))
    row(
        "`deadlines`, remembered (≤ 0.5 s)",
        lambda r: f"{fmt(r['memo']['deadlines'])} {mark(r['memo']['deadlines'] <= 0.5)}",
    )
    row(
        "`query network-facts --format tsv`, first (no memo; views) (≤ 2 s at 1M)",
        lambda r: fmt(r["first"]["network-facts"]),
    )
    row(
        "`query network-facts --format tsv`, remembered",
        lambda r: fmt(r["memo"]["network-facts"]),
    )
    row("in process: deadlines SPARQL alone", lambda r: fmt(r["inside"][0]))
    row("in process: deadlines whole answer", lambda r: fmt(r["inside"][1]))
    row("in process: network-facts SPARQL alone", lambda r: fmt(r["inside"][2]))
    row("in process: network-facts via backend", lambda r: fmt(r["inside"][3]))
    row("in process, remembered: deadlines whole answer", lambda r: fmt(r["inside_memo"][1]))
    row(
        "in process, remembered: network-facts via backend (≤ 0.5 s)",
        lambda r: f"{fmt(r['inside_memo'][3])} {mark(r['inside_memo'][3] <= 0.5)}",
    )
    row("`who NOOTS` with `--data`", lambda r: fmt(r["who"]))
    lines.append("")
    return lines


def _first(result: dict, name: str) -> float:
    """The very first run of `name` after the build (nan for results without it)."""
    return result.get("very_first", {}).get(name, float("nan"))


def write(out: Path, section: list[str], tag: str) -> None:
    """Replace the tagged section of RESULTS.md; a new one goes after the perf section, or
    else right under the title."""
    text = out.read_text(encoding="utf-8") if out.exists() else "# Benchmark results\n"
    begin, end = MARK.format(tag, "begin"), MARK.format(tag, "end")
    block = "\n".join([begin, *section, end])
    if begin in text:
        text = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda _: block, text, flags=re.S)
    elif MARK.format("perf", "end") in text:
        text = text.replace(MARK.format("perf", "end"), MARK.format("perf", "end") + "\n" + block)
    else:
        head, _, rest = text.partition("\n")
        text = f"{head}\n\n{block}\n{rest}"
    out.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k,1m")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--build-repeat", type=int, default=2)
    parser.add_argument("--data-dir", type=Path, default=HERE / "data")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument(
        "--rev",
        help="measure the code of this git revision instead (the before numbers), in a section "
        "of its own",
    )
    parser.add_argument(
        "--tag",
        default="perf-before",
        help="with --rev: the name of its section in RESULTS.md (several befores side by side)",
    )
    args = parser.parse_args()
    # An installed package has its bytecode compiled; an editable checkout run with
    # PYTHONDONTWRITEBYTECODE would compile every module at every start, which rdflib is spared.
    work = Path(tempfile.mkdtemp(prefix="govgraph-perf-"))
    title = "Speed targets: deadlines, network-facts, cache build, cold `who`"
    code, tag = ROOT, "perf"
    if args.rev:
        # The package of that revision, found first on PYTHONPATH by every child process (the
        # editable install's finder comes after sys.path).
        code = work / "rev" / "govgraph"
        code.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", args.rev], cwd=ROOT, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(code)], input=archive.stdout, check=True)
        os.environ["PYTHONPATH"] = str(code.parent)
        tag, title = args.tag, f"Before: the same measurements of revision {args.rev}"
    for folder in ("cli", "graph", "web"):
        compileall.compile_dir(code / folder, quiet=1)
    exe = govgraph_exe()
    env = {"GOVGRAPH_CACHE_DIR": str(work / "cache-shipped")}
    import pyoxigraph

    rev = f" --rev {args.rev}" if args.rev else ""
    rev += f" --tag {args.tag}" if args.rev and args.tag != "perf-before" else ""
    section = [
        f"## {title} (`benchmarks/perf.py`)",
        "",
        f"Command: `python benchmarks/perf.py --sizes {args.sizes} --repeat {args.repeat} "
        f"--build-repeat {args.build_repeat}{rev}`",
        "",
        f"Machine: {describe()}; Python {platform.python_version()}, "
        f"pyoxigraph {pyoxigraph.__version__}. Shared with other work: see the load averages.",
        "",
    ]
    print("cold who …", file=sys.stderr)
    section += cold_who(exe, args.repeat * 2 + 1, env)
    results = []
    for size in args.sizes.split(","):
        data = args.data_dir / f"synthetic-{size}.ttl"
        if not data.exists():
            print(f"generating {data} …", file=sys.stderr)
            generate(SIZES[size], data)
        print(f"size {size} …", file=sys.stderr)
        results.append(measure_size(size, data, work, args, exe))
        write(args.out, section + size_lines(results, args.repeat), tag)  # keep partial results
    shutil.rmtree(work, ignore_errors=True)
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
