"""Shared helpers: run the real `govgraph` entry point in-process or as a subprocess."""

from __future__ import annotations

import subprocess
import sys
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from sparql_server import oxigraph_server  # noqa: F401  (pytest fixture)

from govgraph.cli.main import run
from govgraph.graph.publish.export import export_graph
from govgraph.graph.store.backend import LocalBackend
from govgraph.graph.store.dataset import DataSelection, load_store

REPO = Path(__file__).resolve().parents[1]
SOURCE_TEXT = REPO / "graph" / "documents" / "000_2f97107a3c89067a.txt"
FIXED_TODAY = "2026-11-27"
# The first source alone (its record and its facts): for tests of query logic on the report's
# facts, which later sources (the NOOTS treaty …) correct or supersede.
REPORT_ONLY_FILES = (
    REPO / "graph" / "documents" / "000_2f97107a3c89067a.ttl",
    REPO / "graph" / "facts" / "000_2f97107a3c89067a.ttl",
)
REPORT_ONLY = (
    "--no-builtin",
    "--data",
    str(REPORT_ONLY_FILES[0]),
    "--data",
    str(REPORT_ONLY_FILES[1]),
)


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def _own_data_dir(tmp_path_factory, monkeypatch):
    """Every test gets an empty source library, never the user's own (GOVGRAPH_DATA_DIR)."""
    monkeypatch.setenv("GOVGRAPH_DATA_DIR", str(tmp_path_factory.mktemp("govgraph-data")))


@pytest.fixture(autouse=True)
def _terminal_width(monkeypatch):
    """Tables are sized to the terminal: every test starts from the 100 columns govgraph assumes
    when stdout is not a terminal, whatever the shell or a pytest-xdist worker (COLUMNS=80) has.
    Tests about other widths set COLUMNS themselves."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("LINES", raising=False)


@pytest.fixture
def govgraph(capsys, monkeypatch):
    """Call `govgraph ARGS…` through the console entry point; returns exit code, stdout, stderr."""

    def call(*args: str) -> Result:
        monkeypatch.setattr(sys, "argv", ["govgraph", *args])
        code = 0
        try:
            run()
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return call


def run_process(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`govgraph ARGS…` as a separate process, as a user would start it."""
    return subprocess.run(
        [sys.executable, "-c", "from govgraph.cli.main import run; run()", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


PREFIXES = """\
@prefix gg: <https://w3id.org/govgraph/ontology#> .
@prefix ggc: <https://w3id.org/govgraph/concept/> .
@prefix ggd: <https://w3id.org/govgraph/id/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix time: <http://www.w3.org/2006/time#> .
"""

SOURCE = "ggd:source-000_2f97107a3c89067a"


def generated_graph(folder: Path, triples: int) -> Path:
    """A Turtle file of `triples` synthetic triples shaped like the real facts, written by
    benchmarks/generate.py into `folder`."""
    script = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"
    out = folder / "syn.ttl"
    subprocess.run(
        [sys.executable, str(script), "--triples", str(triples), "-o", str(out)],
        check=True,
        capture_output=True,
    )
    return out


def evidence(quote: str) -> str:
    return (
        f"prov:wasDerivedFrom [ a oa:SpecificResource ; oa:hasSource {SOURCE} ; "
        f'oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "{quote}" ] ]'
    )


@pytest.fixture
def write_ttl(tmp_path):
    """Write a Turtle file (with the govgraph prefixes) and return its path."""

    def write(name: str, body: str, prefixes: bool = True) -> Path:
        path = tmp_path / name
        path.write_text((PREFIXES if prefixes else "") + body, encoding="utf-8")
        return path

    return write


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory):
    """Tests never write to the user's cache folder."""
    import os

    folder = tmp_path_factory.mktemp("govgraph-cache")
    old = os.environ.get("GOVGRAPH_CACHE_DIR")
    os.environ["GOVGRAPH_CACHE_DIR"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("GOVGRAPH_CACHE_DIR", None)
    else:
        os.environ["GOVGRAPH_CACHE_DIR"] = old


# Running in parallel: pyproject's addopts give pytest-xdist `-n auto --dist loadfile`, so all
# tests of one file run on one worker, in order, and a module-scoped server (Virtuoso, grlc,
# Oxigraph, the web server, a browser) starts once. (`--dist loadgroup` would be finer, but with
# pytest 9 and xdist 3.8 it ignores the xdist_group marks.)


# The exported graph on three engines, for the parity tests (tests/parity.py): each module that
# asks for them loads its own, once.


@pytest.fixture(scope="module")
def exported() -> bytes:
    return export_graph(LocalBackend(load_store(DataSelection().files())), "ttl")


@pytest.fixture(scope="module")
def pyoxigraph_store(exported) -> ox.Store:
    store = ox.Store()
    store.load(exported, format=ox.RdfFormat.TURTLE)
    return store


@pytest.fixture(scope="module")
def rdflib_dataset(exported):
    import rdflib

    dataset = rdflib.Dataset()  # a dataset, so that GRAPH patterns run (and find nothing)
    dataset.default_graph.parse(data=exported.decode("utf-8"), format="turtle")
    return dataset


@pytest.fixture(scope="module")
def remote(oxigraph_server, exported) -> str:  # noqa: F811
    request = urllib.request.Request(
        f"http://127.0.0.1:{oxigraph_server.port}/store?default",
        data=exported,
        method="PUT",
        headers={"Content-Type": "text/turtle"},
    )
    urllib.request.urlopen(request, timeout=60).close()
    return oxigraph_server.url


@pytest.fixture(scope="module")
def govgraph_module():
    """`govgraph ARGS…` in a subprocess (module-scoped fixtures cannot use capsys)."""

    def call(*args: str) -> Result:
        done = run_process(*args)
        return Result(done.returncode, done.stdout, done.stderr)

    return call


@pytest.fixture(scope="module")
def local_store() -> ox.Store:
    """The shipped data as the CLI loads it, the reference answers for a remote store."""
    return load_store(DataSelection().files())
