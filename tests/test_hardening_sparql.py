"""SPARQL safety that needs its own process: SERVICE, FROM, LOAD and file:// never touch the
network or the file system, and a runaway query stops at --timeout.

Two witnesses, because pyoxigraph does its HTTP in Rust, where Python's audit hooks cannot see:
an audit hook fails the process on any Python-level socket connect or file open outside the
project, and a listening socket records any connection that reaches it from any level.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time

import pyoxigraph as ox
from query_examples import CRAFTED_ASK

from conftest import REPO

AUDITED = r"""
import os, sys
project = os.path.realpath(sys.argv[1])
allowed = [project, os.path.realpath(sys.prefix), os.path.realpath(sys.base_prefix),
           "/dev/", "/proc/", "/sys/", "/etc/", "/usr/", "/tmp/"]
armed = False
def hook(event, args):
    if not armed:
        return
    if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname"):
        print("NETWORK", event, args, file=sys.stderr)
        os._exit(99)
    if event == "open" and isinstance(args[0], (str, bytes)):
        path = os.path.realpath(os.fsdecode(args[0]))
        if not any(path.startswith(a) for a in allowed) and "/etc/passwd" not in path:
            print("FILE", path, file=sys.stderr)
            os._exit(98)
        if "/etc/passwd" in path:
            print("FILE", path, file=sys.stderr)
            os._exit(98)
sys.addaudithook(hook)
from govgraph.cli.main import run
sys.argv = ["govgraph", *sys.argv[2:]]
import govgraph.graph.store.session  # imports done before arming
armed = True
run()
"""

HOSTILE = [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:PORT/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE <file:///etc/passwd> { ?s ?p ?o } }",
    "SELECT * FROM <http://127.0.0.1:PORT/data.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://127.0.0.1:PORT/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "LOAD <file:///etc/passwd>",
    "LOAD <http://127.0.0.1:PORT/data.ttl> INTO GRAPH <http://g>",
    "# SELECT\nLOAD <http://127.0.0.1:PORT/x>",
    "PREFIX x: <http://e/>\n#SELECT * WHERE {}\nDROP ALL",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE SILENT <http://127.0.0.1:PORT/s> { ?s ?p ?o } }",
]


class Listener:
    """A TCP port that counts the connections that reach it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()


def _audited(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", AUDITED, str(REPO), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_hostile_queries_touch_no_network_and_no_file():
    listener = Listener()
    for template in HOSTILE:
        text = template.replace("PORT", str(listener.port))
        result = _audited("query", "-e", text)
        assert result.returncode == 1, (text, result.returncode, result.stderr)
        assert "NETWORK" not in result.stderr and "FILE" not in result.stderr, text
        assert result.stderr.startswith("govgraph: "), result.stderr
        assert result.stderr.count("\n") == 1, result.stderr
        assert "Traceback" not in result.stderr
    time.sleep(0.2)
    assert listener.connections == 0


def test_the_witnesses_see_an_allowed_service_call():
    """With --allow-service pyoxigraph does reach out: the listener notices (so it would above)."""
    listener = Listener()
    result = _audited(
        "query",
        "--allow-service",
        "-e",
        f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}",
    )
    time.sleep(0.2)
    assert listener.connections >= 1, result.stderr
    assert "Traceback" not in result.stderr


def test_the_audit_hook_catches_python_level_fetches():
    """A remote endpoint is reached through Python (SPARQLWrapper): the hook stops it."""
    result = _audited("--endpoint", "http://127.0.0.1:8/sparql", "query", "-e", "ASK {}")
    assert result.returncode == 99
    assert "NETWORK" in result.stderr


RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_runaway_local_query_stops_at_timeout():
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from govgraph.cli.main import run; run()",
            "--timeout",
            "1.5",
            "query",
            "-e",
            RUNAWAY,
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 1, result.stderr
    assert "stopped after 1.5 s" in result.stderr
    assert result.stderr.count("\n") == 1
    assert elapsed < 15


def test_runaway_named_answer_stops_at_timeout():
    """The same limit protects the policy commands (here: a user's --data makes who slow)."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from govgraph.graph.store.backend import LocalBackend\n"
            "from govgraph.graph.store.dataset import DataSelection, load_store\n"
            "from govgraph.graph.errors import QueryError\n"
            "b = LocalBackend(load_store(DataSelection().files()), timeout=0.5)\n"
            f"try:\n    b.select({RUNAWAY!r})\nexcept QueryError as e:\n    print(e)\n",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "stopped after 0.5 s" in result.stdout, result.stderr


def _query_process(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    return subprocess.run(
        [sys.executable, "-c", "from govgraph.cli.main import run; run()", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_a_query_that_needs_too_much_memory_is_stopped_in_one_line():
    """ORDER BY over a cross product sorts 46 million rows: the worker's memory limit stops
    it long before the machine's memory runs out, and the user reads one line."""
    started = time.monotonic()
    result = _query_process(
        "--timeout",
        "20",
        "query",
        "-e",
        "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f",
        env={"GOVGRAPH_QUERY_MEMORY_MB": "300"},
    )
    assert result.returncode == 1, result.stderr
    assert "Speichergrenze von 300 MB erreicht" in result.stderr
    assert "memory limit of 300 MB reached" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert time.monotonic() - started < 20


def test_checking_a_crafted_ask_stays_within_the_time_limit():
    """An ASK is evaluated while it is parsed; four VALUES blocks of 100 numbers make that
    100 million combinations. The check runs in the worker, under --timeout."""
    started = time.monotonic()
    result = _query_process("--timeout", "1", "query", "-e", CRAFTED_ASK)
    assert result.returncode == 1, result.stderr
    assert "stopped after 1 s" in result.stderr
    assert time.monotonic() - started < 8


def test_a_worker_reads_the_store_cache_read_only(tmp_path):
    """Above the cache threshold the worker opens the on-disk store (read-only) that the
    command built, answers from it, and still stops a runaway query."""
    env = {"GOVGRAPH_CACHE_MIN_BYTES": "1", "GOVGRAPH_CACHE_DIR": str(tmp_path / "cache")}
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    first = _query_process("query", "--format", "csv", "-e", count, env=env)
    assert first.returncode == 0, first.stderr
    assert list((tmp_path / "cache").glob("store-*/READY"))
    again = _query_process("query", "--format", "csv", "-e", count, env=env)
    assert again.stdout == first.stdout and int(first.stdout.split()[1]) > 1000
    stopped = _query_process("--timeout", "1", "query", "-e", RUNAWAY, env=env)
    assert stopped.returncode == 1 and "stopped after 1 s" in stopped.stderr


def test_a_full_pool_says_busy_and_a_killed_worker_is_replaced():
    """With every worker busy a caller waits `wait` seconds, then hears QueryBusy (the web's
    429); the worker killed at its limit is replaced, and the next query is answered."""
    from govgraph.graph.errors import QueryBusy, QueryTimeout
    from govgraph.graph.sparql.workers import Job, Limits, QueryPool, StoreSource
    from govgraph.graph.store.dataset import DataSelection

    pool = QueryPool(StoreSource.of(DataSelection()), size=1, wait=0.5).start()
    try:
        [first] = pool.pids()
        outcome: list = []

        def runaway() -> None:
            try:
                pool.run(Job(RUNAWAY, {}), Limits(1.0))
            except QueryTimeout as err:
                outcome.append(err)

        busy = threading.Thread(target=runaway)
        busy.start()
        time.sleep(0.3)
        started = time.monotonic()
        try:
            pool.run(Job("ASK {}", {}), Limits(5))
            raise AssertionError("a second query ran while the only worker was busy")
        except QueryBusy as err:
            assert time.monotonic() - started < 2 and "busy" in str(err)
        busy.join(60)
        assert outcome and "stopped after 1 s" in str(outcome[0])
        [second] = pool.pids()
        assert second != first
        assert not os.path.exists(f"/proc/{first}")
        assert pool.run(Job("ASK { ?s ?p ?o }", {}), Limits(5)).boolean is True
    finally:
        pool.close()


def test_without_worker_processes_queries_run_in_the_caller(govgraph, monkeypatch):
    """Where there are no worker processes (Windows: no rlimits, no pass_fds) `query` runs
    the query itself, as before, with the same guard."""
    import govgraph.graph.sparql.workers as workers

    monkeypatch.setattr(workers, "AVAILABLE", False)
    result = govgraph("query", "--format", "csv", "-e", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
    assert result.code == 0 and int(result.out.split()[1]) > 1000
    refused = govgraph("query", "-e", "ASK {")
    assert refused.code == 1 and "SPARQL-Syntaxfehler" in refused.err


def test_answers_cross_from_the_worker_unchanged():
    """Rows (with unbound variables, language tags, an empty row) and triples come back from a
    worker exactly as the store gives them in the caller's process; blank nodes stay blank
    nodes, the same node under the same label. (Each process parses the files itself, so
    blank node labels differ between the two.)"""
    from govgraph.graph.sparql.workers import Job, Limits, QueryPool, StoreSource
    from govgraph.graph.store.backend import LocalBackend
    from govgraph.graph.store.dataset import DataSelection, load_store

    here = LocalBackend(load_store(DataSelection().files()))
    select = (
        "SELECT ?s ?label ?none WHERE { ?s ?p ?label FILTER(isIRI(?s) && !isBlank(?label)) "
        "OPTIONAL { ?s <urn:nothing> ?none } } ORDER BY ?s ?label LIMIT 400"
    )
    construct = (
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(isIRI(?s) && !isBlank(?o)) } "
        "ORDER BY ?s ?p ?o LIMIT 300"
    )
    blank = "SELECT ?e ?b ?q WHERE { ?e <http://www.w3.org/ns/prov#wasDerivedFrom> ?b . ?b ?p ?q }"
    pool = QueryPool(StoreSource.of(DataSelection()), size=1)
    try:
        rows = pool.run(Job(select, {}), Limits(30)).rows
        assert rows == here.select(select) and len(rows) == 400
        assert any(getattr(r["label"], "language", None) for r in rows)
        assert all("none" not in r for r in rows)
        triples = pool.run(Job(construct, {}), Limits(30)).triples
        assert sorted(triples, key=str) == sorted(here.construct(construct), key=str)
        linked = pool.run(Job(blank, {}), Limits(30)).rows
        assert len(linked) == len(here.select(blank)) > 0
        assert all(isinstance(r["b"], ox.BlankNode) for r in linked)
        per_node = {}
        for r in linked:
            per_node.setdefault(r["b"].value, set()).add(r["e"].value)
        assert all(len(owners) == 1 for owners in per_node.values())
        assert pool.run(Job("SELECT * WHERE { }", {}), Limits(30)).rows == [{}]
    finally:
        pool.close()
