"""The web face against a hostile page, a careless researcher and a flood of requests: a real
`govgraph web` process, real HTTP, and the server's real memory and CPU read from /proc.

What is measured: a runaway query gets 503 at its limit, its worker is killed, the server's
processes are back under 600 MB and idle within 5 s, and other pages answer in under 2 s
meanwhile; a burst gets 429; other sites' requests, oversized heads and bad parameters are
refused; a non-loopback address needs --allow-host.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from query_examples import CRAFTED_ASK
from sparql_server import oxigraph_server  # noqa: F401  (pytest fixture)
from web_server import server_process

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ISSUE_QUERY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # as it was reported
TICKS = os.sysconf("SC_CLK_TCK")


def family(pid: int) -> list[int]:
    """The process and all its descendants (the query workers, multiprocessing's tracker)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(parents.get(p, []))
    return found


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


def settled(pid: int, within: float) -> tuple[float, float]:
    """Waits (up to `within` s) until the server's processes use under 600 MB and under 0.1 s
    of CPU in half a second; returns the last (MB, CPU seconds per half second)."""
    end = time.monotonic() + within
    while True:
        pids = family(pid)
        before = cpu_seconds(pids)
        time.sleep(0.5)
        used = cpu_seconds(pids) - before
        memory = rss_mb(family(pid))
        if (memory < 600 and used < 0.1) or time.monotonic() > end:
            return memory, used


def test_runaway_query_is_stopped_its_worker_killed_and_others_keep_answering():
    with server_process("--timeout", "2") as server:
        pid = server.process.pid
        workers_before = set(family(pid)) - {pid}
        answers: list[tuple[float, int]] = []
        stop = threading.Event()

        def other_pages() -> None:
            day = 1
            while not stop.is_set():
                started = time.monotonic()
                r = httpx.get(f"{server.url}/who?subject=NOOTS&at=2026-01-{day:02d}", timeout=30)
                answers.append((time.monotonic() - started, r.status_code))
                day = day % 28 + 1
                time.sleep(0.2)

        meanwhile = threading.Thread(target=other_pages)
        meanwhile.start()
        started = time.monotonic()
        r = httpx.get(f"{server.url}/sparql", params={"query": RUNAWAY}, timeout=60)
        elapsed = time.monotonic() - started
        stop.set()
        meanwhile.join()
        assert r.status_code == 503, r.text[:300]
        assert "Zeitlimit" in r.text and "2 s" in r.text
        assert elapsed < 2 * 3 + 10  # the wall-clock backstop of a 2 s CPU limit
        memory, cpu = settled(pid, within=5)
        assert memory < 600 and cpu < 0.1, (memory, cpu)
        assert answers and all(status == 200 for _, status in answers), answers
        assert max(seconds for seconds, _ in answers) < 2, answers
        # the worker that ran it is gone, a fresh one took its place
        workers_after = set(family(pid)) - {pid}
        assert workers_before - workers_after, (workers_before, workers_after)
        assert len(workers_after) == len(workers_before)
        # and asking again evaluates again (a 503 is not kept)
        again = httpx.get(f"{server.url}/sparql", params={"query": RUNAWAY}, timeout=60)
        assert again.status_code == 503
    assert "Traceback" not in "".join(server.announced)


def test_the_reported_queries_are_refused_without_building_their_rows():
    """The reported cross product, and LIMIT 1000000: refused at the 10,000-row limit while
    the rows are read, in well under a second of work and without the memory."""
    with server_process() as server:
        for query in (ISSUE_QUERY, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 1000000"):
            started = time.monotonic()
            r = httpx.get(f"{server.url}/sparql", params={"query": query}, timeout=60)
            assert r.status_code == 413, r.text[:300]
            assert "10000" in r.text and "LIMIT" in r.text
            assert time.monotonic() - started < 2
            assert rss_mb(family(server.process.pid)) < 600


def test_a_burst_gets_429_and_the_server_stays_responsive():
    with server_process("--timeout", "1") as server:
        url = f"{server.url}/sparql"

        def ask(n: int) -> httpx.Response:
            query = f"{RUNAWAY} # {n}"  # 40 different slow pages
            return httpx.get(url, params={"query": query}, timeout=120)

        with ThreadPoolExecutor(40) as pool:
            responses = list(pool.map(ask, range(40)))
        statuses = [r.status_code for r in responses]
        assert statuses.count(429) >= 8, statuses  # 40 at once from one address
        assert set(statuses) <= {429, 503}, statuses
        busy = next(r for r in responses if r.status_code == 429)
        assert busy.headers["retry-after"] == "2"
        started = time.monotonic()
        assert httpx.get(f"{server.url}/who?subject=NOOTS", timeout=10).status_code == 200
        assert time.monotonic() - started < 2
    assert "Traceback" not in "".join(server.announced)


def test_requests_from_other_sites_are_refused():
    with server_process() as server:
        base = server.url
        run = f"{base}/sparql?query=ASK%20%7B%7D"
        image = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"}
        image["Sec-Fetch-Dest"] = "image"
        assert httpx.get(run, headers=image).status_code == 403
        assert httpx.get(f"{base}/who?subject=NOOTS", headers=image).status_code == 403
        fetch = {"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"}
        assert httpx.get(f"{base}/api/search?q=NOOTS", headers=fetch).status_code == 403
        link = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"}
        link["Sec-Fetch-Dest"] = "document"
        assert httpx.get(run, headers=link).status_code == 403  # never runs a query for them
        # a link from elsewhere to an ordinary page opens; our own pages and typed URLs work
        assert httpx.get(f"{base}/who?subject=NOOTS", headers=link).status_code == 200
        named = f"{base}/sparql?name=who-responsible"
        assert httpx.get(named, headers=link).status_code == 200  # the form, not run
        assert httpx.get(named + "&run=1", headers=link).status_code == 403
        own = {"Sec-Fetch-Site": "same-origin", "Sec-Fetch-Mode": "navigate"}
        assert httpx.get(run, headers=own).status_code == 200
        typed = {"Sec-Fetch-Site": "none", "Sec-Fetch-Mode": "navigate"}
        assert httpx.get(run, headers=typed).status_code == 200
        host = base.split("//", 1)[1]
        assert httpx.get(run, headers={"Origin": f"http://{host}"}).status_code == 200
        assert httpx.get(run, headers={"Origin": "null"}).status_code == 403


def _raw(url: str, head: bytes, chunk: bytes = b"", repeat: int = 0) -> tuple[bytes, int]:
    """Sends a request head (plus `repeat` chunks of header bytes) over a socket; returns the
    answer and how many bytes were sent before the server closed or answered."""
    host, port = url.split("//", 1)[1].split(":")
    sent = 0
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        try:
            sock.sendall(head)
            sent += len(head)
            for _ in range(repeat):
                sock.sendall(chunk)
                sent += len(chunk)
            sock.sendall(b"\r\n\r\n")
        except OSError:
            pass  # the server closed the connection: what we want
        answer = b""
        try:
            while data := sock.recv(65536):
                answer += data
        except OSError:
            pass
    return answer, sent


def test_oversized_request_heads_are_refused():
    with server_process() as server:
        assert httpx.get(f"{server.url}/", headers={"X-Big": "a" * 70_000}).status_code == 431
        long_url = f"{server.url}/search?q={'a' * 40_000}"
        assert httpx.get(long_url).status_code == 414
        # 50 MB of headers: refused after the first 64 KiB, not read into memory
        head = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        answer, sent = _raw(server.url, head, b"X-Pad: " + b"a" * 65_000 + b"\r\n", repeat=800)
        assert answer.startswith(b"HTTP/1.1 431"), answer[:100]
        assert rss_mb(family(server.process.pid)) < 600
        assert httpx.get(f"{server.url}/").status_code == 200
    assert sent < 50_000_000


def test_bad_parameters_are_400_without_a_traceback():
    with server_process() as server:
        for path in (
            "/sparql?name=who-responsible&p.subject=ggd:a%20b&run=1",
            "/sparql?name=who-responsible&p.subject=ggd:a%3Eb&run=1",
            "/sparql?name=who-responsible&p.subject=ggd:a%20b&run=1&format=csv",
        ):
            r = httpx.get(server.url + path)
            assert r.status_code == 400, (path, r.status_code)
            assert "keine gültige IRI" in r.text
    assert "Traceback" not in "".join(server.announced)


def _web(*web_options: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", "from govgraph.cli.main import run; run()", "web", "--port", "0"]
        + list(web_options),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def test_a_public_address_needs_allow_host_and_keeps_the_host_check():
    refused = _web("--host", "0.0.0.0")
    try:
        _, err = refused.communicate(timeout=60)
    finally:  # a server that did start (as before) must not outlive the test
        if refused.poll() is None:
            refused.kill()
            refused.communicate()
    assert refused.returncode == 2, err
    assert err.startswith("govgraph: --host 0.0.0.0 ") and "--allow-host" in err
    assert err.count("\n") == 1 and "Traceback" not in err

    exposed = _web("--host", "0.0.0.0", "--allow-host", "govgraph.example")
    try:
        warning = exposed.stderr.readline()
        assert "govgraph.example" in warning and "warning" in warning
        url = exposed.stderr.readline().strip()
        assert url.startswith("http://govgraph.example:")  # a URL whose Host is accepted
        port = url.rsplit(":", 1)[1].strip("/")
        base = f"http://127.0.0.1:{port}"
        assert httpx.get(base + "/", headers={"Host": "govgraph.example"}).status_code == 200
        assert httpx.get(base + "/", headers={"Host": "evil.example"}).status_code == 400
        assert httpx.get(base + "/").status_code == 200  # loopback names stay allowed
    finally:
        exposed.terminate()
        exposed.wait(timeout=15)
        exposed.stderr.close()


def test_with_an_endpoint_a_crafted_ask_is_checked_within_the_limit(oxigraph_server):  # noqa: F811
    """With --endpoint the web's workers only check the text (pyoxigraph evaluates an ASK while
    parsing it): four VALUES blocks of 100 numbers stop at the limit, and nothing is sent."""
    with server_process("--endpoint", oxigraph_server.url, "--timeout", "1") as server:
        ok = httpx.get(f"{server.url}/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
        assert ok.status_code == 200
        started = time.monotonic()
        r = httpx.get(f"{server.url}/sparql", params={"query": CRAFTED_ASK}, timeout=60)
        assert r.status_code == 503 and "1 s" in r.text
        assert time.monotonic() - started < 8
        memory, cpu = settled(server.process.pid, within=5)
        assert memory < 600 and cpu < 0.1, (memory, cpu)
