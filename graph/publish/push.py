"""Upload the graph to a SPARQL server so that a failed push leaves the old data intact.

A Graph Store PUT is not atomic on every server (Oxigraph ≤ 0.5.9 and others clear the graph
before loading the new data; a connection cut mid-upload leaves a half graph). So we upload into
a fresh STAGING graph, verify its triple count with a query, and only then swap it into the target
graph with one SPARQL update (`MOVE`), which servers run as one transaction.

Apache Jena 4.5 (Debian 12's, and Fuseki of that release) refuses every MOVE, COPY and ADD from a
named graph ("Invalid source target for operation"). Where a server answers MOVE with an error
status (an update that fails changes nothing), the same swap is sent as the standard defines MOVE
(SPARQL 1.1 Update, 3.2.5): drop the target, copy the triples in, drop the source, in one request.
"""

from __future__ import annotations

import base64
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from govgraph.graph.errors import RemoteError, UsageError
from govgraph.graph.settings import read
from govgraph.graph.sparql.named import run_named
from govgraph.graph.store.dataset import DataSelection, load_store
from govgraph.graph.store.remote import (
    USER_AGENT,
    RemoteBackend,
    server_message,
)

CHUNK = 64 * 1024


@dataclass(frozen=True)
class PushTargets:
    query_url: str
    store_url: str  # SPARQL 1.1 Graph Store Protocol endpoint
    update_url: str


@dataclass(frozen=True)
class PushReport:
    sent: int  # triples uploaded
    on_server: int  # triples in the target graph afterwards
    graph: str | None  # None = default graph
    targets: PushTargets


def derive_targets(
    endpoint: str, store_url: str | None = None, update_url: str | None = None
) -> PushTargets:
    """Graph Store and update URLs from the query URL, for Oxigraph, Fuseki and Virtuoso.

    Oxigraph: http://host:7878/query → /store, /update.
    Fuseki:   http://host:3030/ds/query or /ds/sparql → /ds/data, /ds/update.
    Virtuoso: http://host:8890/sparql → /sparql-graph-crud, /sparql (updates go to the query URL).
    """
    try:
        parts = urllib.parse.urlsplit(endpoint)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as err:  # "http://[::1": Invalid IPv6 URL
        raise UsageError(f"--endpoint: {endpoint!r}: {err}") from None
    if any(c.isspace() or ord(c) < 32 for c in endpoint):
        raise UsageError(
            f"--endpoint: not an http(s) URL (space or control character): {endpoint!r}"
        )
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"--endpoint: not an http(s) URL: {endpoint!r}")
    path = parts.path.rstrip("/")
    derived_store = derived_update = None
    if path == "/query":  # Oxigraph server
        derived_store, derived_update = "/store", "/update"
    elif path == "/sparql":  # Virtuoso
        derived_store, derived_update = "/sparql-graph-crud", "/sparql"
    else:
        m = re.fullmatch(r"(/[^/]+)/(query|sparql)", path)  # Fuseki dataset
        if m:
            derived_store, derived_update = f"{m[1]}/data", f"{m[1]}/update"

    def url(path: str | None) -> str | None:
        return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", "")) if path else None

    store = store_url or url(derived_store)
    update = update_url or url(derived_update)
    if not store or not update:
        raise UsageError(
            f"cannot derive the Graph Store and update URLs from {endpoint} "
            "(known: Oxigraph …/query, Fuseki …/DATASET/query, Virtuoso …/sparql); "
            "give --store-url and --update-url"
        )
    return PushTargets(endpoint, store, update)


def _headers(extra: dict[str, str]) -> dict[str, str]:
    headers = {"User-Agent": USER_AGENT, **extra}
    settings = read()
    user, password = settings.user, settings.password
    if user and password:
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    return headers


class Refused(RemoteError):
    """The server answered with an error status (the code is kept)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


# Statuses with which a SPARQL server itself refuses or fails an update, having changed nothing.
# 502-504 come from gateways in front of it, while the server may still be at work: no retry.
REFUSED_BY_SERVER = (400, 500, 501)


def _request(req: urllib.request.Request, timeout: float, what: str) -> None:
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as err:
        try:
            detail = server_message(err.read())
        except OSError:
            detail = ""
        message = f"{what}: HTTP {err.code} {err.reason}: {detail}".rstrip(": ")
        raise Refused(message, err.code) from None
    except TimeoutError:
        raise RemoteError(f"{what}: no answer within {timeout:g} s (timeout)") from None
    except urllib.error.URLError as err:
        raise RemoteError(f"{what}: connection failed: {err.reason}") from None
    except (OSError, ConnectionError) as err:
        raise RemoteError(f"{what}: connection lost: {err}") from None


def _chunks(data: bytes, progress: Callable[[int, int], None] | None) -> Iterator[bytes]:
    for start in range(0, len(data), CHUNK):
        chunk = data[start : start + CHUNK]
        yield chunk
        if progress:
            progress(start + len(chunk), len(data))


def upload(
    store_url: str,
    graph: str,
    data: bytes,
    timeout: float,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """PUT N-Triples into one named graph (Graph Store Protocol)."""
    url = f"{store_url}?{urllib.parse.urlencode({'graph': graph})}"
    headers = _headers({"Content-Type": "application/n-triples", "Content-Length": str(len(data))})
    req = urllib.request.Request(url, data=_chunks(data, progress), headers=headers, method="PUT")
    _request(req, timeout, f"upload to {store_url}")


def update(update_url: str, text: str, timeout: float) -> None:
    """Send one SPARQL update (form-encoded POST, as the protocol specifies)."""
    body = urllib.parse.urlencode({"update": text}).encode()
    headers = _headers({"Content-Type": "application/x-www-form-urlencoded"})
    req = urllib.request.Request(update_url, data=body, headers=headers, method="POST")
    _request(req, timeout, f"update at {update_url}")


def spelled_out_move(staging: str, graph: str | None) -> str:
    """`MOVE GRAPH <staging> TO …` as SPARQL 1.1 Update defines it, as one request."""
    if graph:
        drop, into = f"DROP SILENT GRAPH <{graph}>", f"GRAPH <{graph}> {{ ?s ?p ?o }}"
    else:
        drop, into = "DROP SILENT DEFAULT", "?s ?p ?o"
    return (
        f"{drop} ;\n"
        f"INSERT {{ {into} }} WHERE {{ GRAPH <{staging}> {{ ?s ?p ?o }} }} ;\n"
        f"DROP GRAPH <{staging}>"
    )


def count_triples(backend: RemoteBackend, graph: str | None) -> int:
    if graph:
        rows = run_named(backend, "internal/triple-count-in-graph", target=ox.NamedNode(graph))
    else:
        rows = run_named(backend, "internal/triple-count")
    return int(rows[0]["n"].value) if rows and "n" in rows[0] else 0


def graph_iri(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip().removeprefix("<").removesuffix(">")
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]+", value):
        raise UsageError(f"--graph: not an absolute IRI: {value!r}")
    return value


def push(
    selection: DataSelection,
    targets: PushTargets,
    graph: str | None = None,
    timeout: float = 30.0,
    progress: Callable[[str], None] | None = None,
) -> PushReport:
    """Stage, verify, swap. Any failure before the swap leaves the target graph as it was."""
    say = progress or (lambda _msg: None)
    store = load_store(selection.files())
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    expected = len(store)
    staging = f"urn:govgraph:staging:{uuid.uuid4()}"
    backend = RemoteBackend(targets.query_url, timeout=timeout)
    say(f"{expected} triples → staging graph <{staging}>")
    try:
        upload(
            targets.store_url,
            staging,
            data,
            timeout,
            (lambda done, total: say(f"upload {100 * done // total} %")) if progress else None,
        )
        staged = count_triples(backend, staging)
        if staged != expected:
            raise RemoteError(
                f"staging graph holds {staged} triples, expected {expected}; target left unchanged"
            )
        target = f"GRAPH <{graph}>" if graph else "DEFAULT"
        say(f"swap staging → {target}")
        try:
            update(targets.update_url, f"MOVE GRAPH <{staging}> TO {target}", timeout)
        except Refused as refused:
            if refused.status not in REFUSED_BY_SERVER:
                raise
            say("MOVE refused by the server; the same swap spelled out")
            update(targets.update_url, spelled_out_move(staging, graph), timeout)
    except BaseException:
        try:  # best effort: do not leave the half-uploaded staging graph behind
            update(targets.update_url, f"DROP SILENT GRAPH <{staging}>", min(timeout, 5.0))
        except RemoteError:
            pass
        raise
    return PushReport(expected, count_triples(backend, graph), graph, targets)
