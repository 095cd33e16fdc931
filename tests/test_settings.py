"""One settings object: read from options and GOVGRAPH_* variables in one place, documented in
one table (docs/settings.md) that this file keeps in step with the code."""

from __future__ import annotations

import re
from dataclasses import MISSING, fields
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest

from govgraph.graph.errors import QueryRefused, QueryTimeout, UsageError
from govgraph.graph.settings import ENVIRONMENT, Settings, read
from govgraph.graph.store.backend import LocalBackend
from govgraph.graph.store.guard import check_query

ROOT = Path(__file__).resolve().parent.parent


def _table() -> dict[str, list[str]]:
    rows = {}
    for line in (ROOT / "docs" / "settings.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| `") and len(cells) == 5:
            rows[cells[0].strip("`")] = cells
    return rows


def test_the_table_lists_every_setting_with_its_variable_and_default() -> None:
    table = _table()
    assert list(table) == [f.name for f in fields(Settings)]
    variables = {v.setting: v.name for v in ENVIRONMENT}
    for name, cells in table.items():
        assert cells[2].strip("`") == variables.get(name, ""), name
    for f in fields(Settings):
        if f.default not in (MISSING, None, ()):
            assert table[f.name][3] == f"`{f.default}`", f.name


def test_no_module_but_settings_reads_a_govgraph_variable() -> None:
    reads = re.compile(r"(environ\.get|environ\[|getenv)\(?\s*[\"']GOVGRAPH_")
    found = [
        str(path.relative_to(ROOT))
        for part in ("graph", "cli", "web")
        for path in (ROOT / part).rglob("*.py")
        if reads.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_options_win_over_variables_and_variables_over_defaults() -> None:
    env = {
        "GOVGRAPH_TODAY": "30.06.2026",
        "GOVGRAPH_ENDPOINT": "http://example.org/sparql",
        "GOVGRAPH_CACHE_MIN_BYTES": "0",
        "GOVGRAPH_NO_CACHE": "1",
        "XDG_DATA_HOME": "/xdg/data",
    }
    s = read(env, endpoint="http://other.example/sparql", lang="en", today=None)
    assert s.endpoint == "http://other.example/sparql"  # the option
    assert s.today == date(2026, 6, 30)  # the variable (the option was not given)
    assert (s.cache_min_bytes, s.no_cache, s.lang) == (0, True, "en")
    assert s.data_dir == Path("/xdg/data/govgraph")
    assert read({}).data_dir == Path.home() / ".local" / "share" / "govgraph"
    assert read({"GOVGRAPH_DATA_DIR": "/lib"}).data_dir == Path("/lib")
    assert read({}).today is None and read({}).day() == date.today()


def test_credentials_stay_out_of_the_printed_settings() -> None:
    s = read({"GOVGRAPH_USER": "alice", "GOVGRAPH_PASSWORD": "s3cret"})
    assert (s.user, s.password) == ("alice", "s3cret")
    assert "s3cret" not in repr(s) and "alice" not in repr(s)


@pytest.mark.parametrize(
    ("variable", "value"), [("GOVGRAPH_TODAY", "someday"), ("GOVGRAPH_CACHE_MIN_BYTES", "2MB")]
)
def test_a_bad_variable_is_named(variable: str, value: str) -> None:
    with pytest.raises(UsageError, match=f"^{variable}: .*{value}"):
        read({variable: value})


def test_an_unknown_setting_is_a_programming_error() -> None:
    with pytest.raises(TypeError, match="no such setting: colour"):
        read({}, colour="red")


def test_timeouts_and_refusals_are_their_own_errors() -> None:
    with pytest.raises(QueryRefused):
        check_query("INSERT DATA { <urn:a> <urn:b> <urn:c> }", False)
    with pytest.raises(QueryRefused):
        check_query("SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }", False)
    store = ox.Store()
    store.extend(
        ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal(i)) for i in range(300)
    )
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?p ?y . ?c ?p ?z }"
    with pytest.raises(QueryTimeout, match="stopped after"):
        LocalBackend(store, timeout=0.05).select(slow)
