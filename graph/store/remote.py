"""Run the same queries against any SPARQL 1.1 endpoint (Oxigraph, Fuseki, GraphDB, Virtuoso …).

SPARQLWrapper does the HTTP; everything it is lax about is checked here:
- the query is parsed and guarded *before* anything is sent (sparql_guard), and its form is set
  explicitly, so a comment cannot make SPARQLWrapper send it to the update endpoint;
- queries go by POST with an explicit User-Agent and a timeout (SPARQLWrapper has none);
- the response is parsed by pyoxigraph from the raw bytes after checking its content type, so an
  HTML page with status 200, or results cut off mid-way, become one clear error;
- HTTP basic auth comes from GOVGRAPH_USER / GOVGRAPH_PASSWORD only, never from the command line.
"""

from __future__ import annotations

import http.client
import re
import socket
import urllib.error
import urllib.parse
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


def _bytes_message(err: Exception) -> str:
    """SPARQLWrapper's exceptions carry the response body after 'Response:'."""
    text = str(err)
    if "Response:" in text:
        text = text.split("Response:", 1)[1].strip()
        m = re.fullmatch(r"b(['\"])(.*)\1", text, re.DOTALL)
        if m:
            text = m.group(2).encode().decode("unicode_escape", "replace")
    return server_message(text)


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
        """POST the query; the raw body and its content type, or one clear RemoteError."""
        from SPARQLWrapper.SPARQLExceptions import (
            EndPointInternalError,
            EndPointNotFound,
            QueryBadFormed,
            SPARQLWrapperException,
            Unauthorized,
            URITooLong,
        )

        sw = self._wrapper(text, form)
        statuses = {
            QueryBadFormed: 400,
            Unauthorized: 401,
            EndPointNotFound: 404,
            URITooLong: 414,
            EndPointInternalError: 500,
        }
        try:
            result = sw.query()
            response = result.response
            body = response.read()
            content_type = response.headers.get("Content-Type")
            return body, content_type
        except SPARQLWrapperException as err:
            status = statuses.get(type(err), "error")
            hint = " (set GOVGRAPH_USER and GOVGRAPH_PASSWORD)" if status == 401 else ""
            raise self._error(f"HTTP {status}{hint}: {_bytes_message(err)}") from None
        except urllib.error.HTTPError as err:
            try:
                detail = server_message(err.read())
            except OSError:
                detail = ""
            raise self._error(f"HTTP {err.code} {err.reason}: {detail}".rstrip(": ")) from None
        except TimeoutError:
            raise self._error(f"no answer within {self.timeout:g} s (timeout)") from None
        except urllib.error.URLError as err:
            raise self._error(_reason(err.reason, self.timeout)) from None
        except http.client.IncompleteRead as err:
            raise self._error(
                f"response cut off after {len(err.partial)} bytes (truncated)"
            ) from None
        except (http.client.HTTPException, ConnectionError) as err:
            raise self._error(f"connection failed: {err or type(err).__name__}") from None


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
