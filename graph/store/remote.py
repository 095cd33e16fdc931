"""Run the same queries against any SPARQL 1.1 endpoint (Oxigraph, Fuseki, GraphDB, Virtuoso …).

SPARQLWrapper does the HTTP; everything it is lax about is checked here:
- the query is parsed and guarded *before* anything is sent (sparql_guard), and its form is set
  explicitly, so a comment cannot make SPARQLWrapper send it to the update endpoint;
- queries go by POST with an explicit User-Agent and a timeout (SPARQLWrapper has none) that
  bounds the whole exchange, not each read: a server sending one byte every half second would
  never trip a read timeout, so a timer closes the connection at the deadline;
- the response is parsed by pyoxigraph from the raw bytes after checking its content type, so an
  HTML page with status 200, or results cut off mid-way, become one clear error;
- HTTP basic auth comes from GOVGRAPH_USER / GOVGRAPH_PASSWORD only, never from the command line.
"""

from __future__ import annotations

import http.client
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping

import pyoxigraph as ox

from govgraph.graph import __version__
from govgraph.graph.errors import QueryError, RemoteError
from govgraph.graph.settings import read
from govgraph.graph.store.backend import Row
from govgraph.graph.store.binding import Term, bind
from govgraph.graph.store.guard import check_query

USER_ENV = "GOVGRAPH_USER"
PASSWORD_ENV = "GOVGRAPH_PASSWORD"
USER_AGENT = f"govgraph/{__version__}"

_RESULTS_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_RDF_TYPES = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
}


def server_message(body: bytes | str | None, limit: int = 200) -> str:
    """The gist of an error body: HTML tags and whitespace stripped, one short line."""
    if body is None:
        return ""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)
    title = re.search(r"<title[^>]*>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
    if title and title.group(1).strip():
        text = title.group(1) + " " + re.sub(r"(?is)<(script|style|head).*?</\1>", " ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


def split_endpoint(url: str) -> tuple[str, list[str]]:
    """`…/sparql?default-graph-uri=G` → (`…/sparql`, [G]): the SPARQL protocol's dataset
    parameters in the endpoint URL, e.g. to leave out a store's own system graphs (Virtuoso's
    default dataset is the union of all its graphs)."""
    parts = urllib.parse.urlsplit(url)
    pairs = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    graphs = [v for k, v in pairs if k == "default-graph-uri"]
    rest = urllib.parse.urlencode([(k, v) for k, v in pairs if k != "default-graph-uri"])
    return urllib.parse.urlunsplit(parts._replace(query=rest)), graphs


class RemoteBackend:
    """Queries a SPARQL 1.1 endpoint over HTTP (POST, form-encoded)."""

    def __init__(self, endpoint: str, timeout: float = 30.0) -> None:
        if not re.match(r"^https?://[^\s/]+", endpoint or ""):
            raise RemoteError(f"not an http(s) endpoint URL: {endpoint!r}")
        self.endpoint = endpoint
        self.timeout = timeout
        self.allow_service = False

    # -- the Backend protocol -------------------------------------------------------------

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[Row]:
        result = self._results(query, bindings, "SELECT")
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        names = [v.value for v in result.variables]
        try:
            rows = []
            for solution in result:
                rows.append({n: canonical(solution[n]) for n in names if solution[n] is not None})
        except SyntaxError as err:
            raise self._error(f"truncated or malformed results: {err}") from None
        return rows

    def ask(self, query: str, bindings: Mapping[str, Term] | None = None) -> bool:
        result = self._results(query, bindings, "ASK")
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError("expected an ASK query")
        return bool(result)

    def construct(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[ox.Triple]:
        text = self._checked(query, bindings, ("CONSTRUCT", "DESCRIBE"))
        body, content_type = self._send(text, "CONSTRUCT")
        rdf_format = _RDF_TYPES.get(_media_type(content_type))
        if rdf_format is None:
            raise self._not_results(body, content_type)
        try:
            return [q.triple for q in ox.parse(body, format=rdf_format)]
        except SyntaxError as err:
            raise self._error(f"truncated or malformed RDF in the response: {err}") from None

    # -- internals ------------------------------------------------------------------------

    def _error(self, message: str) -> RemoteError:
        return RemoteError(f"{self.endpoint}: {message}")

    def _not_results(self, body: bytes, content_type: str | None) -> RemoteError:
        gist = server_message(body, 120)
        return self._error(
            f"answered with {_media_type(content_type) or 'no content type'}, not SPARQL "
            f"results" + (f": {gist}" if gist else "")
        )

    def _checked(
        self, query: str, bindings: Mapping[str, Term] | None, forms: tuple[str, ...]
    ) -> str:
        checked = check_query(query, self.allow_service)
        if checked.form not in forms:
            raise QueryError(f"expected a {' or '.join(forms)} query, got {checked.form}")
        text = bind(query, bindings or {})
        if bindings:
            check_query(text, self.allow_service, parse=False)
        return text

    def _results(self, query: str, bindings: Mapping[str, Term] | None, form: str):
        text = self._checked(query, bindings, (form,))
        body, content_type = self._send(text, form)
        results_format = _RESULTS_TYPES.get(_media_type(content_type))
        if results_format is None:
            raise self._not_results(body, content_type)
        try:
            return ox.parse_query_results(body, format=results_format)
        except SyntaxError as err:
            raise self._error(f"truncated or malformed results: {err}") from None

    def _wrapper(self, text: str, form: str):
        from SPARQLWrapper import BASIC, JSON, POST, TURTLE, URLENCODED, SPARQLWrapper

        base, default_graphs = split_endpoint(self.endpoint)
        sw = SPARQLWrapper(base, agent=USER_AGENT)
        for graph in default_graphs:  # the protocol's stand-in for FROM (which the guard refuses)
            sw.addDefaultGraph(graph)
        sw.setMethod(POST)
        sw.setRequestMethod(URLENCODED)
        sw.setOnlyConneg(True)
        sw.setTimeout(max(1, round(self.timeout)))
        sw.timeout = self.timeout  # urllib takes fractions of a second too
        sw.setQuery(text)
        # Our parser decided the form; SPARQLWrapper's regex guess must not (a comment fools it).
        sw.queryType = form
        sw.setReturnFormat(TURTLE if form in ("CONSTRUCT", "DESCRIBE") else JSON)
        if form in ("CONSTRUCT", "DESCRIBE"):
            sw.addCustomHttpHeader(
                "Accept", "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
            )
        else:
            sw.addCustomHttpHeader(
                "Accept", "application/sparql-results+json, application/sparql-results+xml;q=0.5"
            )
        settings = read()
        user, password = settings.user, settings.password
        if user and password:
            sw.setHTTPAuth(BASIC)
            sw.setCredentials(user, password)
        return sw

    def _send(self, text: str, form: str) -> tuple[bytes, str | None]:
        """POST the query; the raw body and its content type, or one clear RemoteError.

        SPARQLWrapper builds the request (method, headers, auth); a deadline-aware opener
        sends it, since SPARQLWrapper's own urlopen knows only a timeout per read."""
        request = self._wrapper(text, form)._createRequest()
        deadline = Deadline(self.timeout)
        try:
            with deadline.opener().open(request, timeout=self.timeout) as response:
                body = response.read()
                content_type = response.headers.get("Content-Type")
            if deadline.passed:
                raise TimeoutError
            return body, content_type
        except Exception as err:  # noqa: BLE001 - each becomes one line below
            raise self._failure(err, deadline) from None
        finally:
            deadline.cancel()

    def _failure(self, err: Exception, deadline: Deadline) -> RemoteError:
        """One clear line for whatever went wrong on the way."""
        if deadline.passed:  # the connection was shut down under the reader: say why
            return self._error(f"no complete answer within {self.timeout:g} s (timeout)")
        if isinstance(err, urllib.error.HTTPError):
            try:
                detail = server_message(err.read())
            except OSError:
                detail = ""
            hint = " (set GOVGRAPH_USER and GOVGRAPH_PASSWORD)" if err.code == 401 else ""
            return self._error(f"HTTP {err.code} {err.reason}{hint}: {detail}".rstrip(": "))
        if isinstance(err, TimeoutError):
            return self._error(f"no answer within {self.timeout:g} s (timeout)")
        if isinstance(err, urllib.error.URLError):
            return self._error(_reason(err.reason, self.timeout))
        if isinstance(err, http.client.IncompleteRead):
            return self._error(f"response cut off after {len(err.partial)} bytes (truncated)")
        if isinstance(err, http.client.HTTPException | OSError):
            return self._error(f"connection failed: {err or type(err).__name__}")
        raise err


class Deadline:
    """A total time for one HTTP exchange: when it passes, the connection's socket is shut
    down, so a read blocked on a trickling server returns at once."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.passed = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def _expire(self) -> None:
        with self._lock:
            self.passed = True
            for sock in self._sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.passed:
                self._expire_now(sock)

    @staticmethod
    def _expire_now(sock: socket.socket) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def cancel(self) -> None:
        self._timer.cancel()
        if time.monotonic() >= self.end:
            self.passed = True

    def opener(self) -> urllib.request.OpenerDirector:
        """An opener whose connections are watched by this deadline."""
        deadline = self

        def watched(base):
            class Watched(base):
                def connect(self) -> None:
                    super().connect()
                    deadline.watch(self.sock)

            return Watched

        http_conn = watched(http.client.HTTPConnection)
        https_conn = watched(http.client.HTTPSConnection)

        class HTTPHandler(urllib.request.HTTPHandler):
            def http_open(self, req):
                return self.do_open(http_conn, req)

        class HTTPSHandler(urllib.request.HTTPSHandler):
            def https_open(self, req):
                return self.do_open(https_conn, req, context=self._context)

        return urllib.request.build_opener(HTTPHandler, HTTPSHandler)


_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
_BOOLEAN_FORMS = {"1": "true", "0": "false"}


def canonical(term: Term) -> Term:
    """A boolean in its canonical form: Virtuoso writes xsd:boolean as "1"/"0" (valid lexical
    forms), and the answers compare a flag's text with "true"."""
    if (
        isinstance(term, ox.Literal)
        and term.datatype.value == _BOOLEAN
        and term.value in _BOOLEAN_FORMS
    ):
        return ox.Literal(_BOOLEAN_FORMS[term.value], datatype=term.datatype)
    return term


def _reason(reason: object, timeout: float) -> str:
    """Plain words for the usual URLError reasons."""
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"no answer within {timeout:g} s (timeout)"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused (is the server running?)"
    if isinstance(reason, socket.gaierror):
        return f"host not found (DNS): {reason.strerror or reason}"
    if isinstance(reason, OSError) and reason.strerror:
        return f"connection failed: {reason.strerror}"
    return f"connection failed: {reason}"
