"""One settings object: what a run works with, from its options and GOVGRAPH_* variables.

Why one object: the command line (cli/context.py) and the web face (web/graph.py) start from the
same choices (which data, which language, which day, which endpoint), and the layers below read
a few more from the environment (where the library and the cache live). All of them are read
here, by `read`: given options win over the variables, the variables over the defaults.
`ENVIRONMENT` lists every variable; docs/settings.md shows the same table (a test compares them).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any

from govgraph.graph.errors import UsageError
from govgraph.graph.i18n import bilingual


@dataclass(frozen=True)
class Settings:
    """Everything a run is configured with (defaults as the command line shows them)."""

    data: tuple[Path, ...] = ()  # --data: more Turtle files or folders
    builtin: bool = True  # --no-builtin leaves the shipped graph out
    include_drafts: bool = False  # --include-drafts
    lang: str = "de"  # --lang
    today: date | None = None  # --today; None: the real today, whenever it is asked for
    endpoint: str | None = None  # --endpoint: a SPARQL endpoint instead of the local graph
    timeout: float = 30.0  # --timeout, seconds per query
    data_dir: Path | None = None  # the user's source library (None: none, e.g. a test's web app)
    cache_dir: Path | None = None  # the store cache
    # Input size from which the store cache is used. Measured on the shipped graph (~5k triples):
    # parsing into memory ~15 ms, opening the on-disk store ~14 ms but every query 3-5x slower.
    # Parsing 1M triples takes ~3 s, re-opening ~35 ms.
    cache_min_bytes: int = 2_000_000
    no_cache: bool = False  # parse everything into memory, always
    no_answer_memo: bool = False  # the cached store does not remember slow answers
    chromium: str | None = None  # the browser that draws PNG/PDF pictures of the web views
    user: str | None = field(default=None, repr=False)  # HTTP basic auth for --endpoint / push
    password: str | None = field(default=None, repr=False)
    host: str = "127.0.0.1"  # `govgraph web --host`
    port: int = 8000  # `govgraph web --port`
    sparql_timeout: float = 10.0  # the web's SPARQL page: seconds per researcher's query
    sparql_rows: int = 10_000  # the web's SPARQL page: rows shown at most
    cache_pages: int = 512  # the web's finished pages kept (0: none, `govgraph web --no-cache`)
    query_memory_mb: int | None = None  # one query worker's memory (None: web 1 GB, CLI more)
    graphviz: str = "auto"  # the layout engine of pictures: auto, pygraphviz, dot, off

    def day(self) -> date:
        """The day answers are computed for."""
        return self.today or date.today()


@dataclass(frozen=True)
class Variable:
    """An environment variable and the setting it gives a value."""

    name: str
    setting: str
    meaning: str
    parse: Callable[[str], Any] = str


def _day(value: str) -> date:
    # imported here: dates loads pyoxigraph, and `govgraph --help` reads the settings too
    from govgraph.graph.dates import parse_date

    return parse_date(value)


def _flag(value: str) -> bool:
    return value.strip() != ""


def _bytes(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise UsageError(bilingual("settings.not_bytes", value=repr(value))) from None


ENVIRONMENT: tuple[Variable, ...] = (
    Variable("GOVGRAPH_ENDPOINT", "endpoint", "SPARQL endpoint instead of the local graph"),
    Variable("GOVGRAPH_TODAY", "today", "the day answers are computed for", _day),
    Variable("GOVGRAPH_DATA_DIR", "data_dir", "the user's source library", Path),
    Variable("GOVGRAPH_CACHE_DIR", "cache_dir", "the store cache", Path),
    Variable(
        "GOVGRAPH_CACHE_MIN_BYTES", "cache_min_bytes", "input size that uses the cache", _bytes
    ),
    Variable("GOVGRAPH_NO_CACHE", "no_cache", "any value: never use the store cache", _flag),
    Variable(
        "GOVGRAPH_NO_ANSWER_MEMO", "no_answer_memo", "any value: remember no slow answers", _flag
    ),
    Variable("GOVGRAPH_CHROMIUM", "chromium", "the Chromium program for PNG/PDF pictures"),
    Variable("GOVGRAPH_QUERY_MEMORY_MB", "query_memory_mb", "memory of one query worker", int),
    Variable("GOVGRAPH_GRAPHVIZ", "graphviz", "layout engine: auto, pygraphviz, dot, off"),
    Variable("GOVGRAPH_USER", "user", "user name for HTTP basic auth at an endpoint"),
    Variable("GOVGRAPH_PASSWORD", "password", "password for HTTP basic auth at an endpoint"),
)


def _xdg(env: Mapping[str, str], variable: str, fallback: str) -> Path:
    """$XDG_…/govgraph, else ~/<fallback>/govgraph (the XDG base directory rules)."""
    base = env.get(variable) or str(Path.home() / fallback)
    return Path(base).expanduser() / "govgraph"


def read(environ: Mapping[str, str] | None = None, **options: Any) -> Settings:
    """The settings of a run: `options` that are not None, then GOVGRAPH_* variables, then the
    defaults; the library and the cache default to the XDG data and cache folders."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for variable in ENVIRONMENT:
        text = env.get(variable.name)
        if text:
            try:
                values[variable.setting] = variable.parse(text)
            except UsageError as err:
                raise UsageError(f"{variable.name}: {err}") from None
    values.setdefault("data_dir", _xdg(env, "XDG_DATA_HOME", ".local/share"))
    values.setdefault("cache_dir", _xdg(env, "XDG_CACHE_HOME", ".cache"))
    known = {f.name for f in fields(Settings)}
    unknown = set(options) - known
    if unknown:
        raise TypeError(f"no such setting: {', '.join(sorted(unknown))}")
    values.update({k: v for k, v in options.items() if v is not None})
    return Settings(**values)
