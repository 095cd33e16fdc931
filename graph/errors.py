"""Errors users can act on. Each carries its exit code so the CLI reports one line and exits."""

from __future__ import annotations

# Exit codes, documented in docs/errors.md.
EXIT_DATA = 1  # bad data, bad query, unknown entity, empty result
EXIT_USAGE = 2  # bad option or argument
EXIT_REMOTE = 3  # endpoint unreachable or failing


class GovgraphError(Exception):
    """An error with a one-line message meant for the user."""

    exit_code = EXIT_DATA


class DataError(GovgraphError):
    """A data file cannot be read or parsed."""


class QueryError(GovgraphError):
    """A SPARQL query is malformed, refused, or failed."""


class QueryRefused(QueryError):
    """A query would write, or reach the network or the file system: never run."""


class NotFoundError(GovgraphError):
    """An entity argument matches nothing, or several things."""


class UsageError(GovgraphError):
    """An argument value is malformed (e.g. a date)."""

    exit_code = EXIT_USAGE


class RemoteError(GovgraphError):
    """A remote SPARQL endpoint failed."""

    exit_code = EXIT_REMOTE


class QueryTimeout(QueryError):
    """A query was stopped at its limit of computing time or memory (the web answers 503)."""


class TooManyResults(QueryError):
    """A query gave more rows (or triples) than the caller takes; it was stopped there."""

    def __init__(self, limit: int, text: str) -> None:
        super().__init__(text)  # the raiser words it (errors sit below the message catalogue)
        self.limit = limit

    def __reduce__(self):  # pickles as its limit and text (it crosses from a query worker)
        return (TooManyResults, (self.limit, str(self)))


class QueryBusy(GovgraphError):
    """Every query worker is busy; the caller should try again shortly (the web answers 429)."""
