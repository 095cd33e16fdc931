"""The `who` and `what` answers and the entity card ask two cheaper queries each
(internal/who-facts, internal/involvement-facts or internal/entity-fact-rows, and
internal/labels-of) instead of who-responsible, actor-involvement and entity-facts, whose label
lookups cost most of their planning: for every subject and every actor of the shipped graph,
in both languages, on any day and on a day, they give the public query's rows, term for term
and in its order. (What they save is measured by benchmarks/perf.py and web_bench.py.)"""

from __future__ import annotations

from datetime import date

import pyoxigraph as ox
import pytest

from govgraph.graph.answers.labelled import (
    actor_involvement,
    demands,
    entity_facts,
    who_responsible,
)
from govgraph.graph.answers.rows import sorted_names
from govgraph.graph.sparql.named import run_named
from govgraph.graph.store.backend import LocalBackend
from govgraph.graph.store.dataset import DataSelection, load_store

GG = "https://w3id.org/govgraph/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"


@pytest.fixture(scope="module")
def backend() -> LocalBackend:
    return LocalBackend(load_store(DataSelection().files()))


def subjects(backend: LocalBackend) -> list[str]:
    """Everything a fact is about, and what those belong to, implement or are narrower than."""
    found: set[str] = set()
    for prop in (GG + "subject", GG + "partOf", GG + "implements", GG + "concerns"):
        for quad in backend.store.quads_for_pattern(None, ox.NamedNode(prop), None):
            found.add(quad.object.value)
    for quad in backend.store.quads_for_pattern(None, ox.NamedNode(SKOS + "broader"), None):
        found.add(quad.object.value)
    return sorted(s for s in found if s.startswith("https://w3id.org/govgraph/id/"))


DAYS = [None, date(2026, 12, 7), date(2024, 1, 1)]


def same_rows(backend, public: str, ours, param: str, items: list[str], **given) -> int:
    """Compare the public query with our way for every item; how many had rows."""
    answered = 0
    for item in items:
        expected = run_named(backend, public, **{param: item}, **given)
        got = ours(backend, item, given["lang"], *([given["at"]] if "at" in given else []))
        assert got == expected, item
        answered += bool(expected)
    return answered


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("at", DAYS)
def test_who_rows_equal_who_responsible(backend, lang, at):
    every = subjects(backend)
    assert len(every) > 40
    # most of them have rows: the comparison is not of empty lists
    assert (
        same_rows(backend, "who-responsible", who_responsible, "subject", every, lang=lang, at=at)
        > 30
    )


def test_labels_fall_back_as_who_responsible_does(backend):
    """A name without a label in the asked language: German; an actor without any label: its
    IRI's text (own data, in memory)."""
    store = ox.Store()
    store.extend(backend.store.quads_for_pattern(None, None, None))
    gg = "https://w3id.org/govgraph/"
    fact, actor = ox.NamedNode(gg + "id/test-fact"), ox.NamedNode(gg + "id/test-nameless")
    subject = ox.NamedNode(gg + "id/noots")
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    store.extend(
        [
            ox.Quad(fact, rdf_type, ox.NamedNode(GG + "Responsibility")),
            ox.Quad(fact, ox.NamedNode(GG + "subject"), subject),
            ox.Quad(fact, ox.NamedNode(GG + "actor"), actor),
        ]
    )
    own = LocalBackend(store)
    for lang in ("de", "en"):
        expected = run_named(own, "who-responsible", subject=subject.value, lang=lang)
        got = who_responsible(own, subject.value, lang, None)
        assert got == expected
        (row,) = [r for r in got if r["fact"] == fact]
        assert row["actorLabel"] == ox.Literal(actor.value)


def actors(backend: LocalBackend) -> list[str]:
    """Everything that acts, is asked, is party to, sets up, operates, organises or takes part."""
    props = ("actor", "addressee", "party", "establishedBy", "operatedBy", "organizer")
    found = {
        q.object.value
        for p in (*props, "participant")
        for q in backend.store.quads_for_pattern(None, ox.NamedNode(GG + p), None)
    }
    return sorted(a for a in found if a.startswith("https://w3id.org/govgraph/id/"))


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("at", DAYS)
def test_involvement_rows_equal_actor_involvement(backend, lang, at):
    every = actors(backend)
    assert len(every) > 40
    found = same_rows(
        backend, "actor-involvement", actor_involvement, "actor", every, lang=lang, at=at
    )
    assert found > 30


@pytest.mark.parametrize("lang", ["de", "en"])
def test_entity_fact_rows_equal_entity_facts(backend, lang):
    """The facts of an entity card: every actor and subject."""
    every = sorted({*actors(backend), *subjects(backend)})
    assert same_rows(backend, "entity-facts", entity_facts, "entity", every, lang=lang) > 60


@pytest.mark.parametrize("lang", ["de", "en"])
def test_demand_rows_equal_demands(backend, lang):
    """All demands, and those by or to each actor. The subjects' names are compared as every
    face shows them (sorted_names): engines join them in an order of their own."""

    def shown(rows):
        return [
            {**r, "subjects": sorted_names(r["subjects"].value)} if "subjects" in r else r
            for r in rows
        ]

    asked = [{}] + [{"by": a} for a in actors(backend)] + [{"to": a} for a in actors(backend)]
    answered = 0
    for given in asked:
        expected = run_named(backend, "demands", lang=lang, **given)
        got = demands(backend, lang, given.get("by"), given.get("to"))
        assert shown(got) == shown(expected), given
        answered += bool(expected)
    assert answered > 10
