"""Property-based tests: the resolver and the parameter binder give a result or a clean error."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govgraph.graph.errors import GovgraphError, NotFoundError
from govgraph.graph.sparql.entities import EntityIndex
from govgraph.graph.store.backend import LocalBackend
from govgraph.graph.store.binding import bind
from govgraph.graph.store.dataset import DataSelection, load_store

STORE = load_store(DataSelection().files())
BACKEND = LocalBackend(STORE)
INDEX = EntityIndex(BACKEND)

ECHO = "SELECT ?v WHERE { OPTIONAL { ?s ?p ?v } FILTER(?v = ?v) } LIMIT 1"


@settings(max_examples=400, deadline=None)
@given(text=st.text(max_size=40))
def test_resolver_result_or_clean_error(text):
    try:
        entity = INDEX.resolve(text)
    except NotFoundError as err:
        assert str(err)
    else:
        assert entity.iri in INDEX.entities


@settings(max_examples=400, deadline=None)
@given(value=st.text(max_size=80), lang=st.sampled_from([None, "de", "en"]))
def test_bound_literal_comes_back_unchanged(value, lang):
    """Whatever the text, it is one literal: it cannot change the query around it."""
    term = ox.Literal(value, language=lang) if lang else ox.Literal(value)
    rows = BACKEND.select("SELECT ?v WHERE { }", {"v": term})
    assert rows == [{"v": term}]


@pytest.mark.parametrize(
    "hostile",
    [
        'x" } ; DROP ALL ; #',
        "x' } DELETE WHERE { ?s ?p ?o } #",
        '"""\n} UNION { ?s ?p ?o } #',
        "\\u0022 } #",
        "> } <http://evil/> {",
    ],
)
def test_injection_is_impossible(hostile):
    query = "SELECT ?v (COUNT(*) AS ?n) WHERE { } GROUP BY ?v"
    rows = BACKEND.select(query, {"v": ox.Literal(hostile)})
    assert rows[0]["v"] == ox.Literal(hostile)
    assert rows[0]["n"].value == "1"
    assert len(STORE) > 1000  # nothing was dropped


@settings(max_examples=200, deadline=None)
@given(iri=st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=40))
def test_every_valid_iri_binds_unchanged(iri):
    try:
        node = ox.NamedNode("http://example.org/" + iri)
    except ValueError:
        return  # pyoxigraph itself refuses to build an invalid IRI: nothing to bind
    # Every IRI pyoxigraph accepts is bound and comes back unchanged (no error is swallowed: a
    # binding that refused valid IRIs, cleanly or not, fails here).
    rows = BACKEND.select("SELECT ?v WHERE { }", {"v": node})
    assert rows == [{"v": node}]


def test_bind_keeps_where_group_first_even_with_braces_in_strings():
    query = 'SELECT ?x WHERE { BIND("{ not a group }" AS ?x) FILTER(?y = ?y) }'
    bound = bind(query, {"y": ox.Literal("1")})
    assert bound.index("VALUES") < bound.index("BIND")
    rows = BACKEND.select(query, {"y": ox.Literal("1")})
    assert rows == [{"x": ox.Literal("{ not a group }")}]


def test_bad_parameter_name_is_a_clean_error():
    with pytest.raises(GovgraphError, match="invalid parameter name"):
        BACKEND.select("SELECT ?v WHERE { }", {"v) } #": ox.Literal("x")})


@pytest.fixture(scope="module")
def small_library(tmp_path_factory):
    """A library with `bericht`, `bericht-v2` and `pm`, made through the library itself."""
    from govgraph.graph.sources.library import Library

    root = tmp_path_factory.mktemp("fuzz-library")
    files = tmp_path_factory.mktemp("fuzz-files")
    library = Library(root / "lib")
    for name, text in (("bericht.txt", "eins"), ("bericht.txt", "zwei"), ("pm.txt", "drei")):
        path = files / name
        path.write_text(f"Der IT-Planungsrat tagt {text}mal.\n", encoding="utf-8")
        library.add(path, {}, {})
    return library


@settings(max_examples=300, deadline=None)
@given(name=st.text(max_size=30) | st.sampled_from(["", " ", "b", "ber", "bericht-", "p", "v2"]))
def test_remove_deletes_only_by_exact_name(small_library, name):
    """Whatever the name, remove either takes the source of exactly that name or nothing."""
    before = {p: p.read_bytes() for p in small_library.root.rglob("*.t*t") if p.is_file()}
    exact = set()
    for info in small_library.sources():
        exact |= {info.id, info.local_file, info.sha256, f"ggd:source-{info.id}"}
    if name.strip() in exact:
        return  # a real removal: not what this test is about
    with pytest.raises(GovgraphError):
        small_library.remove(name)
    after = {p: p.read_bytes() for p in small_library.root.rglob("*.t*t") if p.is_file()}
    assert after == before
