"""Errors a visitor can cause, each with its HTTP status, shown as a friendly page.

The graph engine's user errors (GovgraphError) map onto statuses here, so a bad date is a 400,
an unknown entity a 404 and an oversized query a 413 — never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from govgraph.graph.errors import (
    GovgraphError,
    NotFoundError,
    QueryBusy,
    QueryError,
    QueryTimeout,
    RemoteError,
    TooManyResults,
    UsageError,
)


@dataclass
class Candidate:
    label: str
    type: str
    iri: str


class WebError(Exception):
    """A request the app cannot answer, with what to tell the visitor."""

    status = 400
    title_key = "bad_request"

    def __init__(self, message: str, candidates: list[Candidate] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.candidates = candidates or []


class BadRequest(WebError):
    status = 400
    title_key = "bad_request"


class NotFound(WebError):
    status = 404
    title_key = "not_found"


class Forbidden(WebError):
    status = 403
    title_key = "forbidden"


class TooManyRequests(WebError):
    status = 429
    title_key = "busy"


class TooLarge(WebError):
    status = 413
    title_key = "too_large"


@dataclass
class Problem:
    """What the error page shows."""

    status: int
    title_key: str
    message: str
    candidates: list[Candidate] = field(default_factory=list)


def problem(err: Exception) -> Problem:
    """The page for an error; unexpected errors say only that something failed."""
    if isinstance(err, WebError):
        return Problem(err.status, err.title_key, err.message, err.candidates)
    if isinstance(err, QueryTimeout):
        return Problem(503, "timeout", str(err))  # a query's time or memory limit: try again later
    if isinstance(err, TooManyResults):
        return Problem(413, "too_large", str(err))
    if isinstance(err, QueryBusy):
        return Problem(429, "busy", str(err))
    if isinstance(err, NotFoundError):
        return Problem(404, "not_found", str(err))
    if isinstance(err, UsageError | QueryError):
        return Problem(400, "bad_request", str(err))
    if isinstance(err, RemoteError):
        return Problem(502, "server_error", str(err))
    if isinstance(err, GovgraphError):
        return Problem(500, "server_error", str(err))
    return Problem(500, "server_error", "")
