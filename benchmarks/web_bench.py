"""Latency of the web face's main pages under concurrent load (not part of CI).

Starts the real server (`govgraph web --port 0`, as a user would) on the shipped graph and on a
synthetic graph of about 1M triples (benchmarks/generate.py), then lets N clients (default 20)
request the main pages in a closed loop, each client on its own keep-alive connection. Reports
p50 / p95 / max per page and overall, and every non-200 answer as an error.

    python benchmarks/web_bench.py                      # shipped and 1m, 20 clients
    python benchmarks/web_bench.py --sizes shipped --rounds 5
"""

from __future__ import annotations

import argparse
import os
import re
import selectors
import statistics
import subprocess
import sys
import threading
import time
from http.client import HTTPConnection
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from machine import describe  # noqa: E402

SIZES = {"shipped": 0, "1m": 1_000_000}
TODAY = "2026-11-27"

# The pages a policy officer clicks through, with the shipped graph's names (the synthetic
# graph sits beside the shipped one, so the same names resolve at 1M triples).
PAGES = [
    ("start", "/"),
    ("search", "/search?q=Register"),
    ("suggest (JSON)", "/api/search?q=Regist"),
    ("entity", "/entity?id=Registermodernisierung"),
    ("who", "/who?subject=Registermodernisierung"),
    ("who at", "/who?subject=Registermodernisierung&at=2026-01-01"),
    ("what", "/what?actor=IT-PLR"),
    ("deadlines open", "/deadlines?status=open&from=2026-01-01&to=2026-12-31"),
    ("demands by", "/demands?by=St%C3%A4dtetag"),
    ("source", "/source?id=ggd:source-000_2f97107a3c89067a"),
    ("sparql named", "/sparql?name=who-responsible&p.subject=NOOTS&run=1"),
    ("network frame", "/network/frame?focus=Registermodernisierung"),
]


def start_server(
    data: Path | None, cache: bool, timeout: float, workers: int = 1
) -> tuple[subprocess.Popen, str]:
    options = ["--today", TODAY, "--timeout", str(timeout)]
    options += ["--data", str(data)] if data else []
    command = [sys.executable, "-c", "from govgraph.cli.main import run; run()", *options]
    process = subprocess.Popen(
        [
            *command,
            *("web", "--port", "0"),
            *([] if cache else ["--no-cache"]),
            *(["--workers", str(workers)] if workers > 1 else []),
        ],
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    selector = selectors.DefaultSelector()
    selector.register(process.stderr, selectors.EVENT_READ)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and selector.select(deadline - time.monotonic()):
        line = process.stderr.readline()
        if not line:
            break
        m = re.search(r"(http://\S+?)/?\s*$", line)
        if m:
            return process, m.group(1)
    process.kill()
    raise RuntimeError("server did not start")


def load(base: str, clients: int, rounds: int) -> dict[str, list[float]]:
    """Each client requests every page `rounds` times, starting at a different page."""
    times: dict[str, list[float]] = {name: [] for name, _ in PAGES}
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(clients)

    host, port = base.removeprefix("http://").rsplit(":", 1)

    def client(k: int) -> None:
        # http.client: a keep-alive connection with little client-side work, so the numbers
        # are the server's and not those of 20 client threads competing for the interpreter
        http = HTTPConnection(host, int(port), timeout=300)
        barrier.wait()
        for r in range(rounds * len(PAGES)):
            name, path = PAGES[(k + r) % len(PAGES)]
            t0 = time.perf_counter()
            try:
                http.request("GET", path)
                response = http.getresponse()
                response.read()
                status = response.status
            except OSError as err:
                status = type(err).__name__
                http.close()
            elapsed = time.perf_counter() - t0
            with lock:
                times[name].append(elapsed)
                if status != 200:
                    errors.append(f"{name}: {status}")
        http.close()

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    times["errors"] = errors  # type: ignore[assignment]
    return times


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and all its live descendants (Linux /proc)."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own + sum(cpu_seconds(int(child)) for child in children)


def memory_mb(pid: int) -> tuple[float, int]:
    """Resident memory (MB) of a process and all its descendants, and how many they are
    (Linux /proc; 0 elsewhere)."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0, 0
    rss = next(
        (int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS")), 0
    )
    total, count = rss / 1024, 1
    for child in children:
        more, n = memory_mb(int(child))
        total, count = total + more, count + n
    return total, count


def bench(
    size: str,
    data_dir: Path,
    clients: int,
    rounds: int,
    cache: bool,
    timeout: float,
    workers: int = 1,
) -> tuple[str, str]:
    data = None
    if SIZES[size]:
        data = data_dir / f"synthetic-{size}.ttl"
        if not data.exists():
            generate(SIZES[size], data)
    process, base = start_server(data, cache, timeout, workers)
    try:
        with httpx.Client(base_url=base, timeout=600) as http:  # first request of each page
            first = {}
            for name, path in PAGES:
                t0 = time.perf_counter()
                http.get(path)
                first[name] = time.perf_counter() - t0
        server_before, client_before = cpu_seconds(process.pid), time.process_time()
        started = time.perf_counter()
        times = load(base, clients, rounds)
        wall = time.perf_counter() - started
        server_cpu = cpu_seconds(process.pid) - server_before
        client_cpu = time.process_time() - client_before
        memory, processes = memory_mb(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)
    errors = times.pop("errors")
    lines = [
        "| page | first request | p50 | p95 | max | requests |",
        "|---|---|---|---|---|---|",
    ]
    everything: list[float] = []
    for name, path in PAGES:
        values = times[name]
        everything += values
        lines.append(
            f"| {name} `{path}` | {ms(first[name])} | {ms(statistics.median(values))} | "
            f"{ms(percentile(values, 95))} | {ms(max(values))} | {len(values)} |"
        )
    lines.append(
        f"| **all pages** | | **{ms(statistics.median(everything))}** | "
        f"**{ms(percentile(everything, 95))}** | {ms(max(everything))} | {len(everything)} |"
    )
    summary = (
        f"{size}{'' if cache else ' (no cache)'}: p50 {ms(statistics.median(everything))}, p95 "
        f"{ms(percentile(everything, 95))}, errors {len(errors)}"
    )
    summary += f", {processes} processes, {memory:.0f} MB resident after the load"
    count = len(everything)
    lines.append(
        f"\nCPU during the load ({wall:.1f} s, {count} requests): the server "
        f"{server_cpu * 1000 / count:.1f} ms per request ({server_cpu / wall:.2f} cores), this "
        f"client {client_cpu * 1000 / count:.1f} ms per request ({client_cpu / wall:.2f} cores); "
        f"load average {os.getloadavg()[0]:.1f}."
    )
    summary += f", server CPU {server_cpu * 1000 / count:.1f} ms per request"
    lines.append(
        f"\nServer: --workers {workers}; {processes} processes (with the SPARQL page's query "
        f"workers), {memory:.0f} MB resident together after the load."
    )
    return "\n".join(lines) + f"\n\nErrors: {len(errors)} {sorted(set(errors))[:5]}\n", summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="shipped,1m")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=10, help="passes over all pages per client")
    parser.add_argument("--data-dir", type=Path, default=HERE / "data")
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="start the server with --no-cache (every page computed)",
    )
    parser.add_argument(
        "--timeout", type=float, default=30.0, help="the server's query time limit (--timeout)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes (govgraph web --workers; each uses one core)",
    )
    args = parser.parse_args()
    print(f"Machine: {describe()}; {args.clients} clients, {args.rounds} rounds\n")
    for size in args.sizes.split(","):
        table, summary = bench(
            size,
            args.data_dir,
            args.clients,
            args.rounds,
            not args.no_cache,
            args.timeout,
            args.workers,
        )
        print(f"### {size}{' (--no-cache)' if args.no_cache else ''}\n\n{table}")
        print(summary, file=sys.stderr)


if __name__ == "__main__":
    main()
