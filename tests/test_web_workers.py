"""`govgraph web --workers 2`: two processes answer on the one socket (an answer holds the GIL,
so one process uses one core), and none outlives the server - stopped or killed. A real server,
real HTTP, the processes' CPU time read from /proc."""

from __future__ import annotations

import os
import signal
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from query_examples import CRAFTED_ASK
from web_server import server_process

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the forked workers are Linux only"
)


def forked(pid: int) -> list[int]:
    """The server's forked copies: children running the same command (not the query workers)."""
    own = Path(f"/proc/{pid}/cmdline").read_bytes()
    kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(k) for k in kids if Path(f"/proc/{k}/cmdline").read_bytes() == own]


def cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def gone(pid: int, within: float = 10.0) -> bool:
    """The process has ended (a zombie counts: it runs no more)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.05)
    return False


def test_two_processes_answer_and_stop_with_the_server(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # where each process keeps its graph's views
    monkeypatch.setenv("GOVGRAPH_NO_CACHE", "1")  # (else they are kept in the cache folder)
    with server_process(web_options=("--no-cache", "--workers", "2")) as server:
        deadline = time.monotonic() + 30  # the copy opens its graph beside the first
        while len(list(tmp_path.glob("govgraph-web-views-*"))) < 2:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        (worker,) = forked(server.process.pid)
        before = cpu_ticks(worker), cpu_ticks(server.process.pid)
        pages = [f"{server.url}/who?subject=NOOTS&n={n}" for n in range(30)]
        with ThreadPoolExecutor(6) as pool:
            statuses = list(pool.map(lambda u: httpx.get(u, timeout=60).status_code, pages))
        assert statuses == [200] * 30
        # both processes computed answers, not only the one that announced the URL
        assert cpu_ticks(worker) > before[0] and cpu_ticks(server.process.pid) > before[1]
    assert gone(worker)
    assert "Traceback" not in "".join(server.announced)
    assert list(tmp_path.iterdir()) == []  # stopped by SIGTERM, both removed what they wrote


def test_a_killed_server_leaves_no_worker_behind(tmp_path, monkeypatch):
    """Killed, the server cannot stop its workers nor remove its temporary views (a graph in
    memory without the cache folder): the workers end with it, and the next server removes
    the views the killed process left."""
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setenv("GOVGRAPH_NO_CACHE", "1")
    with server_process(web_options=("--workers", "2")) as server:
        deadline = time.monotonic() + 30
        while len(list(tmp_path.glob("govgraph-web-views-*"))) < 2:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        (worker,) = forked(server.process.pid)
        killed = server.process.pid
        os.kill(killed, signal.SIGKILL)  # no chance to stop its workers itself
        assert gone(worker)
    # the worker, stopped by SIGTERM, removed its own folder; the killed process could not
    (orphan,) = tmp_path.glob("govgraph-web-views-*")
    assert orphan.name.startswith(f"govgraph-web-views-{killed}-")
    with server_process() as server:
        assert not orphan.exists()
        (own,) = tmp_path.glob("govgraph-web-views-*")
        assert own.name.startswith(f"govgraph-web-views-{server.process.pid}-")


def test_the_processes_share_the_limit_of_running_queries(tmp_path, monkeypatch):
    """Two processes, two query workers each, but at most two researchers' queries run on the
    machine at once (web-safety.md: workers 2): of four long queries sent together two run to
    their time limit (503) and two find no free slot within the pool's wait (429)."""
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setenv("GOVGRAPH_NO_CACHE", "1")
    with server_process("--timeout", "9", web_options=("--no-cache", "--workers", "2")) as server:
        deadline = time.monotonic() + 30
        while len(list(tmp_path.glob("govgraph-web-views-*"))) < 2:  # both processes are up
            assert time.monotonic() < deadline
            time.sleep(0.05)
        url = f"{server.url}/sparql"
        # distinct texts (a comment each), so that no answer is shared between the requests
        queries = [f"# {n}\n{CRAFTED_ASK}" for n in range(4)]
        with ThreadPoolExecutor(4) as pool:
            statuses = list(
                pool.map(
                    lambda q: httpx.get(url, params={"query": q}, timeout=90).status_code, queries
                )
            )
    assert sorted(statuses) == [429, 429, 503, 503], statuses
