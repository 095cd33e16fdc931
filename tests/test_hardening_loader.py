"""Bad Turtle fails whole, with its position, never a traceback, never half-loaded.

Includes the W3C RDF 1.1 Turtle negative syntax and negative evaluation tests
(tests/data/w3c-turtle, from the W3C RDF Working Group's test suite; see its LICENSE), which cover
what rdflib wrongly accepts: literal subjects, bad escapes, bad IRIs.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govgraph.graph.errors import DataError
from govgraph.graph.store.dataset import DataSelection
from govgraph.graph.store.session import open_backend
from govgraph.graph.store.turtle import parse_file

W3C = Path(__file__).parent / "data" / "w3c-turtle"
RDFT = "http://www.w3.org/ns/rdftest#"
MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"


def _negative_tests() -> list[Path]:
    manifest = ox.Store()
    manifest.load(path=str(W3C / "manifest.ttl"), format=ox.RdfFormat.TURTLE, base_iri="http://t/")
    rows = manifest.query(
        f"""SELECT ?action WHERE {{
              ?t a ?kind ; <{MF}action> ?action .
              VALUES ?kind {{ <{RDFT}TestTurtleNegativeSyntax> <{RDFT}TestTurtleNegativeEval> }}
            }} ORDER BY ?action"""
    )
    return [W3C / r["action"].value.rsplit("/", 1)[1] for r in rows]


NEGATIVE = _negative_tests()
POSITION = re.compile(r":(\d+):(\d+): ")


def test_the_suite_is_complete():
    assert len(NEGATIVE) == 82
    assert all(p.is_file() for p in NEGATIVE)


@pytest.mark.parametrize("path", NEGATIVE, ids=lambda p: p.stem)
def test_w3c_negative_syntax_is_rejected_with_position(path):
    with pytest.raises(DataError) as err:
        parse_file(path)
    message = str(err.value)
    assert message.startswith(str(path) + ":")
    assert POSITION.search(message), message
    assert "\n" not in message


def test_literal_subject_and_bad_escape_rejected_though_rdflib_accepts(tmp_path, govgraph):
    import rdflib

    literal_subject = tmp_path / "literal-subject.ttl"
    literal_subject.write_text('"x" <http://e/p> <http://e/o> .\n', encoding="utf-8")
    rdflib.Graph().parse(literal_subject, format="turtle")  # rdflib takes it …
    result = govgraph("--data", str(literal_subject), "stats")  # … govgraph does not
    assert result.code == 1
    assert result.err.startswith(f"govgraph: {literal_subject}:1:")
    assert "Traceback" not in result.err


def test_non_utf8_byte_position(tmp_path, govgraph):
    path = tmp_path / "latin1.ttl"
    path.write_bytes(b'<http://e/s> <http://e/p> "ok" .\n<http://e/s> <http://e/p> "caf\xe9" .\n')
    result = govgraph("--data", str(path), "stats")
    assert result.code == 1
    assert f"{path}:2:" in result.err and "UTF-8" in result.err


def test_empty_file(tmp_path, govgraph):
    path = tmp_path / "empty.ttl"
    path.write_bytes(b"")
    result = govgraph("--data", str(path), "stats")
    assert result.code == 1
    assert result.err.strip() == f"govgraph: {path}:1:1: file is empty (no triples)"


def test_large_file_error_at_the_end_loads_nothing(tmp_path, monkeypatch):
    """A 200 MB file with an error on its last line: exact line, and no store is left behind."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("GOVGRAPH_CACHE_DIR", str(cache))
    path = tmp_path / "big.ttl"
    filler = "x" * 2000
    lines = 100_000
    with path.open("w", encoding="utf-8") as out:
        out.write("@prefix ex: <http://example.org/> .\n")
        for i in range(lines):
            out.write(f'ex:s{i} ex:p "{filler}" .\n')
        out.write("ex:broken ex:p .\n")
    assert path.stat().st_size > 200_000_000
    with pytest.raises(DataError, match=rf"big\.ttl:{lines + 2}:"):
        open_backend(DataSelection(extra=(path,)))
    assert not list(cache.glob("store-*"))
    assert not list(cache.glob(".build-*"))


TURTLE_TOKENS = st.sampled_from(
    [
        "@prefix ex: <http://example.org/> .",
        "@base <http://example.org/> .",
        "ex:a",
        "ex:b",
        "<http://example.org/c>",
        "<rel>",
        "_:b1",
        "[",
        "]",
        "(",
        ")",
        ";",
        ",",
        ".",
        "a",
        '"text"',
        '"text"@de',
        '"2024-13-45"^^<http://www.w3.org/2001/XMLSchema#date>',
        '"""multi\nline"""',
        "42",
        "-1.5e3",
        "true",
        "\\u00",
        "'",
        "#comment\n",
        "\n",
        "ex:",
        ":x",
        "<>",
    ]
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(tokens=st.lists(TURTLE_TOKENS, max_size=25))
def test_fuzz_valid_looking_turtle(tmp_path, tokens):
    path = tmp_path / "fuzz.ttl"
    path.write_text(" ".join(tokens), encoding="utf-8")
    try:
        triples = parse_file(path)
    except DataError as err:
        assert str(err).startswith(str(path) + ":")
        assert "\n" not in str(err)
    else:
        assert triples


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400))
def test_fuzz_random_bytes(tmp_path, data):
    path = tmp_path / "bytes.ttl"
    path.write_bytes(data)
    try:
        parse_file(path)
    except DataError as err:
        assert str(err).startswith(str(path) + ":")
