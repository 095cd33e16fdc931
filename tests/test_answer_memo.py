"""Remembered answers of a cached store: the same rows as evaluating, and never stale answers."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from govgraph.graph.store import backend as backend_module
from govgraph.graph.store.backend import LocalBackend

EX = "http://example.org/"


@pytest.fixture
def store() -> ox.Store:
    store = ox.Store()
    store.add(
        ox.Quad(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "p"), ox.Literal("x", language="de"))
    )
    store.add(
        ox.Quad(
            ox.BlankNode("b1"),
            ox.NamedNode(EX + "p"),
            ox.Literal("2", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
        )
    )
    store.add(
        ox.Quad(ox.NamedNode(EX + "c"), ox.NamedNode(EX + "p"), ox.Literal("tab\there\nline"))
    )
    return store


def test_remembered_rows_equal_evaluated(store: ox.Store, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(backend_module, "MEMO_MIN_SECONDS", 0.0)
    query = (
        "SELECT ?s ?o ?none WHERE { ?s ?p ?o OPTIONAL { ?s <http://example.org/q> ?none } } "
        "ORDER BY STR(?o)"
    )
    plain = LocalBackend(store, 5).select(query)
    memo = LocalBackend(store, 5, tmp_path / "answers")
    first, again = memo.select(query), memo.select(query)
    assert first == plain and again == plain
    assert len(list((tmp_path / "answers").glob("*.tsv"))) == 1


def test_fast_and_volatile_answers_are_not_kept(
    store: ox.Store, tmp_path: Path, monkeypatch
) -> None:
    memo = LocalBackend(store, 5, tmp_path / "answers")
    memo.select("SELECT * WHERE { ?s ?p ?o }")  # far below MEMO_MIN_SECONDS
    monkeypatch.setattr(backend_module, "MEMO_MIN_SECONDS", 0.0)
    memo.select("SELECT (NOW() AS ?now) WHERE {}")
    assert not list((tmp_path / "answers").glob("*.tsv"))


def test_memo_folder_is_bounded(store: ox.Store, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(backend_module, "MEMO_MIN_SECONDS", 0.0)
    monkeypatch.setattr(backend_module, "MEMO_KEEP", 2)
    memo = LocalBackend(store, 5, tmp_path / "answers")
    for limit in range(1, 5):
        memo.select(f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {limit}")
    assert len(list((tmp_path / "answers").glob("*.tsv"))) == 2
