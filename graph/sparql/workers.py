"""A user's own query runs in a worker process that can be killed.

Why a process and not a thread: pyoxigraph cannot stop an evaluation once it has started. A
thread past its time limit goes on computing, holding gigabytes and a core, until the process
ends (the web server held 1.8 GB after answering 503). A process can be killed, and its memory
comes back at once.

Each worker opens the graph itself (read-only: the on-disk store cache, or the same files parsed
into memory) and runs one query at a time under three limits:
- memory: RLIMIT_AS, so a query that builds huge intermediate results dies, not the server;
- computing time: the caller reads the worker's CPU time (/proc) while it waits and kills it at
  the limit; RLIMIT_CPU, set before each query to the CPU seconds used so far plus the limit,
  ends it where /proc is not there (in whole seconds). CPU time, not wall-clock time, because
  under load a query waits for a core: a 1.7 s query must not fail at 10 s because twenty
  others ran beside it. The caller still waits only a bounded wall-clock time
  (Limits.wall_seconds) and kills the worker after that;
- rows: results are read one by one and the query stops at limit + 1, so `LIMIT 1000000`
  never builds a million rows before being refused.
The guard's parse (graph/sparql/guard.py) runs in the worker too: parsing is cheap, but an ASK
it checks is evaluated, and a crafted one takes minutes.

A killed worker is replaced straight away, so the next query does not wait for a start.
"""

from __future__ import annotations

import math
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govgraph.graph.errors import (
    GovgraphError,
    QueryBusy,
    QueryError,
    QueryTimeout,
    TooManyResults,
)
from govgraph.graph.i18n import bilingual

if TYPE_CHECKING:
    import pyoxigraph as ox

    from govgraph.graph.store.binding import Term
    from govgraph.graph.store.dataset import DataSelection
    from govgraph.graph.store.guard import CheckedQuery

try:
    import resource
except ImportError:  # Windows: no rlimits, no pass_fds; queries run in the caller as before
    resource = None  # type: ignore[assignment]

# Whether queries can run in worker processes here (POSIX: Linux, macOS).
AVAILABLE = resource is not None and os.name == "posix"
MEMORY_ENV = "GOVGRAPH_QUERY_MEMORY_MB"
SERVER_MEMORY_MB = 1024  # a web worker's address space; the shipped graph needs ~60 MB of it
WALL_FACTOR = 3.0  # the caller waits at most this many times the CPU limit …
WALL_EXTRA = 10.0  # … plus this many seconds (a worker that has to start, a busy machine)
CPU_POLL = 0.1  # seconds between two looks at a running worker's CPU time


def machine_share_mb() -> int:
    """A quarter of this machine's memory (at least 1 GB): the default for `govgraph query`,
    which may legitimately hand a million triples back (1.2 GB in the worker at 1M)."""
    try:
        total = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, OSError, ValueError):
        return SERVER_MEMORY_MB
    return max(SERVER_MEMORY_MB, total // 4 >> 20)


def memory_limit(default_mb: int) -> int:
    """Bytes of address space per worker: GOVGRAPH_QUERY_MEMORY_MB, else `default_mb`."""
    from govgraph.graph.settings import read

    return max(read().query_memory_mb or default_mb, 128) << 20


@dataclass(frozen=True)
class Limits:
    """What one query may use. `rows` counts SELECT rows or CONSTRUCT triples (None: any)."""

    cpu_seconds: float
    rows: int | None = None

    @property
    def wall_seconds(self) -> float:
        return self.cpu_seconds * WALL_FACTOR + WALL_EXTRA


@dataclass(frozen=True)
class StoreSource:
    """How a worker opens the graph: the store cache's folder (read-only), else the files."""

    files: tuple[Path, ...] = ()
    folder: Path | None = None

    @classmethod
    def of(cls, selection: DataSelection) -> StoreSource:
        """The same choice as graph/store/session.open_backend: big inputs from the store
        cache (built by the caller's own open), small ones parsed into memory."""
        from govgraph.graph.settings import read

        settings = read()
        files = selection.files()
        big = sum(f.stat().st_size for f in files) >= settings.cache_min_bytes
        if big and not settings.no_cache:
            from govgraph.graph.store.cache import open_cached_folder

            try:
                _, folder = open_cached_folder(files)
                return cls(folder=folder)
            except OSError:
                pass
        return cls(files=tuple(files))

    def memo(self) -> Path | None:
        """The store cache's folder of remembered answers (graph/store/backend.py), if any."""
        from govgraph.graph.settings import read

        if self.folder is None or read().no_answer_memo:
            return None
        from govgraph.graph.store.cache import ANSWERS

        return self.folder / ANSWERS

    def views(self) -> Path | None:
        """The store cache's precomputed views (graph/answers/precomputed.py), if any; read
        also without the memo."""
        from govgraph.graph.store.backend import VIEWS

        return None if self.folder is None else self.folder / VIEWS

    def open(self) -> ox.Store:
        """The store; an empty one for a pool that only checks queries (remote endpoints)."""
        import pyoxigraph as ox

        if self.folder is not None:
            return ox.Store.read_only(str(self.folder))
        from govgraph.graph.store.dataset import load_store

        return load_store(self.files)


@dataclass(frozen=True)
class Job:
    """One query: its text, the parameter terms to bind, and whether SERVICE is allowed.
    With `check_only` the worker only checks it (for a query a remote endpoint answers)."""

    text: str
    bindings: Mapping[str, Term]
    allow_service: bool = False
    check_only: bool = False


# -- in the worker process ----------------------------------------------------------------


def evaluate(
    store: ox.Store, job: Job, rows: int | None, memo: Path | None = None, views: Path | None = None
) -> Any:
    """Check, bind and evaluate; rows are read one at a time and refused past `rows`.
    The answer comes back packed (see Packed), the check alone as a CheckedQuery."""
    import pyoxigraph as ox

    from govgraph.graph.store.binding import bind
    from govgraph.graph.store.guard import check_query

    checked = check_query(job.text, job.allow_service)
    if job.check_only:
        return checked
    text = bind(job.text, job.bindings)
    if job.bindings:
        check_query(text, job.allow_service, parse=False)
    try:
        if rows is None and (memo or views) is not None and checked.form == "SELECT":
            # no row limit (the CLI): the store cache's remembered answers and precomputed
            # views serve, as before
            from govgraph.graph.store.backend import LocalBackend

            backend = LocalBackend(store, None, memo, views)
            backend.allow_service = job.allow_service  # (remembered only without SERVICE)
            found = backend.select(text)
            return Packed.rows(checked.variables, (row.items() for row in found))
        result = store.query(text)
        if isinstance(result, ox.QueryBoolean):
            return Packed("ASK", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            names = [v.value for v in result.variables]
            solutions = (zip(names, solution, strict=True) for solution in result)
            return Packed.rows(checked.variables, _at_most(solutions, rows))
        triples = list(_at_most(iter(result), rows))
        triples.sort(key=str)
        return Packed(checked.form, data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
    except SyntaxError as err:
        raise QueryError(f"{bilingual('sparql.syntax_error')}: {err}") from None
    except OSError as err:
        raise QueryError(f"query failed: {err}") from None


def _at_most(items, rows: int | None):
    """The items, refused (TooManyResults) at the first one past `rows`."""
    for n, item in enumerate(items):
        if rows is not None and n >= rows:
            raise TooManyResults(rows, bilingual("sparql.too_many", limit=rows))
        yield item


_ROW = "urn:govgraph:row"
_NEXT = "urn:govgraph:next"
_VAR = "urn:govgraph:var:"


@dataclass(frozen=True)
class Packed:
    """An answer as it crosses the pipe: rows and triples as N-Triples bytes.

    Why not pickled terms: pickling pyoxigraph terms one by one costs about 25 µs each, so a
    million triples took a minute to hand over; serialising and parsing N-Triples is done in
    Rust, 30 times faster. A row is the line `row next row` followed by one line per bound
    variable, `row var:NAME value`, so unbound variables and empty rows survive."""

    form: str
    variables: tuple[str, ...] = ()
    data: bytes = b""
    boolean: bool | None = None

    @classmethod
    def rows(cls, variables: tuple[str, ...], rows) -> Packed:
        import pyoxigraph as ox

        row, following = ox.NamedNode(_ROW), ox.NamedNode(_NEXT)
        names: dict[str, ox.NamedNode] = {}
        triples = []
        for bound in rows:
            triples.append(ox.Triple(row, following, row))
            for name, value in bound:
                if value is not None:
                    predicate = names.get(name) or names.setdefault(name, ox.NamedNode(_VAR + name))
                    triples.append(ox.Triple(row, predicate, value))
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        return cls("SELECT", variables, data)

    def outcome(self) -> Any:
        """The QueryOutcome, in the caller's process."""
        import pyoxigraph as ox

        from govgraph.graph.sparql.outcome import QueryOutcome

        if self.form == "ASK":
            return QueryOutcome("ASK", boolean=self.boolean)
        parsed = ox.parse(self.data, format=ox.RdfFormat.N_TRIPLES)
        if self.form != "SELECT":
            return QueryOutcome(self.form, triples=[q.triple for q in parsed])
        found: list[dict] = []
        skip = len(_VAR)
        for quad in parsed:
            predicate = quad.predicate.value
            if predicate == _NEXT:
                found.append({})
            else:
                found[-1][predicate[skip:]] = quad.object
        return QueryOutcome("SELECT", self.variables, found)


def _peak_bytes() -> int:
    """The most memory this process has held (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _cpu_used() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _worker(conn: Connection, reply: Connection, source: StoreSource, memory: int) -> None:
    """The worker's life: limit memory, open the store, answer jobs until the pipe closes.

    SIGXCPU keeps its default action (the process ends): a Python handler would run only once
    pyoxigraph hands control back, which a long evaluation does not do.
    """
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    memo = source.memo()
    views = source.views()
    try:
        store = source.open()
    except BaseException as err:  # noqa: BLE001 - reported to the parent as one line
        reply.send(("error", _plain(err)))
        return
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    while True:
        try:
            job, limits = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone or closed the pipe
        soft = math.ceil(_cpu_used() + limits.cpu_seconds)
        if hard != resource.RLIM_INFINITY:
            soft = min(soft, hard)
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))
        try:
            answer: tuple = ("ok", evaluate(store, job, limits.rows, memo, views))
        except MemoryError:
            answer = ("memory", None)
        except BaseException as err:  # noqa: BLE001 - every error goes back as one line
            # pyo3 turns a failed allocation in pyoxigraph into a panic: near the memory
            # limit that is what it means
            near_limit = _peak_bytes() > memory // 2
            panic = type(err).__name__ == "PanicException"
            answer = ("memory", None) if panic and near_limit else ("error", _plain(err))
        resource.setrlimit(resource.RLIMIT_CPU, (hard, hard))
        try:
            reply.send(answer)
        except MemoryError:  # the answer is too big to hand over within the limit
            del answer
            try:
                reply.send(("memory", None))
            except (OSError, ValueError, MemoryError):
                return
        except (OSError, ValueError):
            return


def _plain(err: BaseException) -> GovgraphError:
    """An error that pickles and carries one line: ours as they are, others as QueryError."""
    if isinstance(err, GovgraphError):
        return err
    return QueryError(f"query failed: {type(err).__name__}: {err}")


# -- in the caller's process --------------------------------------------------------------


class _Worker:
    """One process and the parent's ends of its two pipes.

    Started as `python -c …` rather than by multiprocessing: its "spawn" runs the caller's
    main script again in the child (a script read from stdin cannot be, and a script without a
    `__main__` guard would run twice), and "fork" is unsafe in a server with threads."""

    def __init__(self, source: StoreSource, memory: int) -> None:
        from_parent, to_child = os.pipe()  # (read, write)
        from_child, to_parent = os.pipe()
        self.process = subprocess.Popen(
            [sys.executable, "-c", _START, str(from_parent), str(to_parent)],
            pass_fds=(from_parent, to_parent),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,  # Rust's "memory allocation failed" is not for users
            start_new_session=True,  # Ctrl-C in a terminal reaches the caller, who decides
            # A panic that prints a backtrace allocates; out of memory that deadlocks in Rust's
            # backtrace lock (seen at 1M triples: the worker hung until the wall-clock limit).
            env={**os.environ, "RUST_BACKTRACE": "0", "RUST_LIB_BACKTRACE": "0"},
        )
        os.close(from_parent)
        os.close(to_parent)
        self._send = Connection(to_child, readable=False)
        self.conn = Connection(from_child, writable=False)
        self._send.send((source, memory))

    def run(self, job: Job, limits: Limits, memory: int) -> Any:
        try:
            self._send.send((job, limits))
            if not self._answered(limits):
                self.kill()
                raise _timeout(limits)
            kind, value = self.conn.recv()
        except (EOFError, OSError):
            raise self._died(limits, memory) from None
        if kind == "ok":
            return value.outcome() if isinstance(value, Packed) else value
        if kind == "memory":
            self.kill()  # after a MemoryError the worker's heap is not to be trusted
            raise _memory(memory)
        raise value

    def _answered(self, limits: Limits) -> bool:
        """Waits for the answer, at most the wall-clock backstop. Where /proc tells the
        worker's CPU time, it is read every CPU_POLL seconds and the query stopped at its
        limit to a fraction of a second (RLIMIT_CPU counts whole seconds)."""
        start = _cpu_of(self.pid)
        end = time.monotonic() + limits.wall_seconds
        while (left := end - time.monotonic()) > 0:
            if self.conn.poll(min(left, CPU_POLL)):
                return True
            used = _cpu_of(self.pid)
            if start is not None and used is not None and used - start >= limits.cpu_seconds:
                return False
        return False

    def _died(self, limits: Limits, memory: int) -> GovgraphError:
        """Why the process ended: past its CPU limit (SIGXCPU), else out of memory."""
        try:
            code = self.process.wait(5)
        except subprocess.TimeoutExpired:
            code = None
        self.kill()
        if code == -signal.SIGXCPU:
            return _timeout(limits)
        if code in (-signal.SIGKILL, -signal.SIGABRT, -signal.SIGSEGV):
            return _memory(memory)  # Rust aborts when an allocation fails; the OOM killer kills
        return _gone(code)

    def alive(self) -> bool:
        return self.process.poll() is None

    @property
    def pid(self) -> int:
        return self.process.pid

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            pass
        self._send.close()
        self.conn.close()


_START = "from govgraph.graph.sparql.workers import main; main()"
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cpu_of(pid: int) -> float | None:
    """CPU seconds a process has used (Linux /proc), or None where that cannot be read."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS
    except (OSError, IndexError, ValueError):
        return None


def main() -> None:
    """The worker's entry point: `python -c _START READ_FD WRITE_FD`."""
    conn = Connection(int(sys.argv[1]), writable=False)
    reply = Connection(int(sys.argv[2]), readable=False)
    source, memory = conn.recv()
    _worker(conn, reply, source, memory)


def _timeout(limits: Limits) -> QueryTimeout:
    return QueryTimeout(bilingual("sparql.stopped", seconds=f"{limits.cpu_seconds:g}"))


def _memory(memory: int) -> QueryTimeout:
    return QueryTimeout(bilingual("sparql.memory", mb=memory >> 20, env=MEMORY_ENV))


def _gone(code: int | None) -> QueryError:
    return QueryError(f"query failed: the query process ended (exit code {code})")


class QueryPool:
    """A few workers over one graph; `run` gives a query to an idle one.

    At most `size` queries run at once; a caller that finds none free within `wait` seconds
    gets QueryBusy (the web answers 429) rather than queueing without bound.
    """

    def __init__(
        self,
        source: StoreSource,
        size: int = 2,
        wait: float = 5.0,
        memory_mb: int = SERVER_MEMORY_MB,
        slots: Any = None,
    ) -> None:
        self.source = source
        self.size = size
        self.wait = wait
        self.memory = memory_limit(memory_mb)
        # `slots`: a count shared with other processes (a multiprocessing semaphore), so that
        # `govgraph web --workers N` runs at most `size` queries on the machine, not N × size
        self._slots = slots if slots is not None else threading.BoundedSemaphore(size)
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False

    def start(self) -> QueryPool:
        """Start every worker now, so that the first queries do not wait for one."""
        with self._lock:
            while len(self._idle) < self.size:
                self._idle.append(_Worker(self.source, self.memory))
        return self

    def run(self, job: Job, limits: Limits) -> Any:
        """The QueryOutcome of `job` within `limits`; QueryTimeout when a limit stopped it."""
        if not self._slots.acquire(timeout=self.wait):
            raise QueryBusy(bilingual("sparql.busy"))
        try:
            worker = self._take()
            try:
                return worker.run(job, limits, self.memory)
            finally:
                self._give_back(worker)
        finally:
            self._slots.release()

    def check(self, text: str, allow_service: bool, cpu_seconds: float) -> CheckedQuery:
        """The guard's full check of `text`, made in a worker within `cpu_seconds`, and
        remembered in this process (guard.vetted), so that a remote backend sends the text
        without parsing it again."""
        from govgraph.graph.store.guard import vetted

        checked = self.run(Job(text, {}, allow_service, check_only=True), Limits(cpu_seconds))
        vetted(checked, allow_service)
        return checked

    def _take(self) -> _Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.alive():
                    return worker
                worker.kill()
        return _Worker(self.source, self.memory)

    def _give_back(self, worker: _Worker) -> None:
        if not worker.alive():
            worker.kill()
            if self._closed:
                return
            worker = _Worker(self.source, self.memory)  # the replacement starts now
        with self._lock:
            if self._closed:
                worker.kill()
            else:
                self._idle.append(worker)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.kill()

    def pids(self) -> list[int]:
        """The process ids of the idle workers (for tests and diagnostics)."""
        with self._lock:
            return [w.pid for w in self._idle]
