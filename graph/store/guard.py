"""Read-only guard: every query is checked before it is evaluated locally or sent anywhere.

Why: SPARQLWrapper guesses the query form with a regex that a comment fools (it would POST an
UPDATE to the update endpoint), and pyoxigraph evaluates `SERVICE <url>` and `LOAD <url>` over
HTTP by itself. So we tokenise the text (comments, strings and IRIs cannot hide a keyword), refuse
an UPDATE and - unless explicitly allowed - SERVICE, FROM and LOAD, and then let pyoxigraph's real
parser decide whether the text is a valid query and of which form.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox

from govgraph.graph.errors import QueryError, QueryRefused
from govgraph.graph.i18n import bilingual

UPDATE_VERBS = {
    "INSERT",
    "DELETE",
    "LOAD",
    "CLEAR",
    "CREATE",
    "DROP",
    "COPY",
    "MOVE",
    "ADD",
    "WITH",
}
NETWORK_KEYWORDS = {"SERVICE", "FROM", "LOAD"}

# One token of SPARQL text: comments, strings and IRIs are matched whole, so that keywords
# inside them are never seen as keywords.
_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00b7-\uffff]+)
  | (?P<word>[A-Za-z_][A-Za-z0-9_.\-]*(?::[^\s{}()\[\];,<>"']*)?|:[^\s{}()\[\];,<>"']*)
  | (?P<space>\s+)
  | (?P<other>.)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Keyword:
    word: str  # upper case
    start: int  # offset in the text


@dataclass(frozen=True)
class CheckedQuery:
    """A query that passed the guard, with its form (SELECT, ASK, CONSTRUCT or DESCRIBE)."""

    text: str
    form: str
    variables: tuple[str, ...] = ()  # the SELECT projection, in order


def tokens(text: str):
    """The tokens of a query text as regex matches (groups: comment, string, iri, var, word,
    space, other)."""
    return _TOKEN.finditer(text)


def keywords(text: str) -> list[Keyword]:
    """The bare words of the query (no prefixed names, variables, strings, IRIs or comments)."""
    found = []
    for m in _TOKEN.finditer(text):
        word = m.group("word")
        if word and ":" not in word:
            found.append(Keyword(word.upper(), m.start()))
    return found


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _first_operation(words: list[Keyword]) -> Keyword | None:
    """The first keyword after the prologue (BASE and PREFIX declarations)."""
    for w in words:
        if w.word not in ("BASE", "PREFIX"):
            return w
    return None


def _undeclared_prefix(text: str) -> str | None:
    """A hint for the first prefixed name whose prefix the query does not declare."""
    from govgraph.graph.namespaces import PREFIXES

    declared = set(re.findall(r"(?i)PREFIX\s+([A-Za-z][\w.-]*)?:", _without_literals(text)))
    for m in _TOKEN.finditer(text):
        word = m.group("word")
        if word and ":" in word:
            prefix = word.split(":", 1)[0]
            if prefix not in declared and prefix.upper() != "PREFIX":
                line, col = position(text, m.start())
                known = PREFIXES.get(prefix)
                fix = f"PREFIX {prefix}: <{known}>" if known else f"PREFIX {prefix}: <…>"
                return f"unknown prefix {prefix}: at line {line}, column {col}; declare it: {fix}"
    return None


def _without_literals(text: str) -> str:
    return "".join(
        m.group(0) if not (m.group("comment") or m.group("string")) else " "
        for m in _TOKEN.finditer(text)
    )


def _syntax_error(text: str, err: SyntaxError) -> QueryError:
    message = " ".join(str(err.args[0] if err.args else err).split())
    if "Prefix not found" in message:
        hint = _undeclared_prefix(text)
        if hint:
            return QueryError(f"{bilingual('sparql.syntax_error')}: {hint}")
    if len(message) > 160:
        message = message[:159] + "…"
    m = re.match(r"error at (\d+):(\d+): (.*)", message)
    if m:
        return QueryError(
            f"{bilingual('sparql.syntax_error')} at line {m[1]}, column {m[2]}: {m[3]}"
        )
    return QueryError(f"{bilingual('sparql.syntax_error')}: {message}")


def _neutralised(text: str, words: list[Keyword]) -> str:
    """The text with SERVICE [SILENT] turned into GRAPH, same length, so parsing cannot call out.

    Columns stay where they were, so syntax errors point at the user's text.
    """
    chars = list(text)
    previous = None
    for w in words:
        if w.word == "SERVICE":
            chars[w.start : w.start + 7] = list("GRAPH  ")
        elif w.word == "SILENT" and previous == "SERVICE":
            chars[w.start : w.start + 6] = list("      ")
        previous = w.word
    return "".join(chars)


# Checks done in a query worker (graph/sparql/workers.py), for a query a remote endpoint then
# answers: remembered here so that the remote backend does not parse the text again outside the
# worker's limits.
_VETTED: OrderedDict[tuple[str, bool], CheckedQuery] = OrderedDict()
_VETTED_KEEP = 64
_VETTED_LOCK = threading.Lock()


def vetted(checked: CheckedQuery, allow_service: bool) -> None:
    """Remember a check made elsewhere (in a query worker, within its limits)."""
    with _VETTED_LOCK:
        _VETTED[(checked.text, allow_service)] = checked
        while len(_VETTED) > _VETTED_KEEP:
            _VETTED.popitem(last=False)


def check_query(text: str, allow_service: bool = False, parse: bool = True) -> CheckedQuery:
    """Refuse updates and (unless allowed) remote access; parse; return the query form.

    parse=False does the keyword checks only (form "?"), for callers that evaluate the text
    with pyoxigraph right after (its parser then reports syntax errors; parsing costs up to
    ~30 ms for a large query).

    Parsing may cost more than that: pyoxigraph evaluates an ASK (and a GROUP BY or ORDER BY)
    while parsing, and four VALUES blocks of a hundred numbers took 40 s. A user's own query is
    therefore checked in a query worker, within its limits; a check made there is not repeated.

    Raises QueryError with line and column for a syntax error or a refused keyword.
    """
    if parse:
        with _VETTED_LOCK:
            found = _VETTED.get((text, allow_service))
        if found is not None:
            return found
    return _check(text, allow_service, parse)


@lru_cache(maxsize=256)  # the named queries are checked again and again; failures are not cached
def _check(text: str, allow_service: bool, parse: bool) -> CheckedQuery:
    words = keywords(text)
    first = _first_operation(words)
    if first is not None and first.word in UPDATE_VERBS:
        line, col = position(text, first.start)
        raise QueryRefused(
            f"{bilingual('sparql.update_refused')} ({first.word} at line {line}, "
            f"column {col}): govgraph runs read-only queries only"
        )
    if not allow_service:
        for w in words:
            if w.word in NETWORK_KEYWORDS:
                line, col = position(text, w.start)
                raise QueryRefused(
                    f"{w.word} at line {line}, column {col} refused: it would make the store "
                    "fetch data from the network or the file system; use --allow-service "
                    "if you mean it"
                )
    if not parse:
        return CheckedQuery(text, "?")
    # pyoxigraph's parser decides; an empty in-memory store evaluates nothing that matters
    # (SELECT/CONSTRUCT are lazy, and SERVICE has been neutralised).
    try:
        result = ox.Store().query(_neutralised(text, words))
    except SyntaxError as err:
        raise _syntax_error(text, err) from None
    except OSError as err:
        raise QueryError(f"query failed: {err}") from None
    if isinstance(result, ox.QueryBoolean):
        return CheckedQuery(text, "ASK")
    if isinstance(result, ox.QuerySolutions):
        return CheckedQuery(text, "SELECT", tuple(v.value for v in result.variables))
    form = "DESCRIBE" if first is not None and first.word == "DESCRIBE" else "CONSTRUCT"
    return CheckedQuery(text, form)
