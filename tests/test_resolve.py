"""Entity resolution: abbreviations, case, hyphens, umlauts, ambiguity, no match."""

from __future__ import annotations

import pytest

from govgraph.graph.errors import NotFoundError
from govgraph.graph.sparql.entities import EntityIndex, normalize
from govgraph.graph.store.dataset import DataSelection
from govgraph.graph.store.session import open_backend

ID = "https://w3id.org/govgraph/id/"


@pytest.fixture(scope="module")
def index():
    return EntityIndex(open_backend(DataSelection()), "de")


@pytest.mark.parametrize(
    "text, local",
    [
        ("IT-PLR", "it-planungsrat"),
        ("itplr", "it-planungsrat"),
        ("IT PLR", "it-planungsrat"),
        ("it-planungsrat", "it-planungsrat"),
        ("IT Planning Council", "it-planungsrat"),
        ("MASTD", "mastd"),
        ("mastd", "mastd"),
        ("RegMo", "registermodernisierung"),
        ("regmo", "registermodernisierung"),
        ("LfDI", "lfdi"),
        ("Städtetag", "staedtetag-rlp"),
        ("Staedtetag", "staedtetag-rlp"),
        ("stadtetag", "staedtetag-rlp"),
        ("STÄDTETAG RHEINLAND-PFALZ", "staedtetag-rlp"),
        ("NOOTS", "noots"),
        ("FITKO", "fitko"),
        ("OZG", "ozg"),
        ("KI", "topic-ki"),
        ("Kommunalgremium", "kommunalgremium"),
        ("ggd:mastd", "mastd"),
        (ID + "fitko", "fitko"),
        ("Föderale IT-Koop", "fitko"),  # unique prefix
    ],
)
def test_resolves(index, text, local):
    assert index.resolve(text).iri == ID + local


def test_normalize():
    assert normalize("IT-Planungsrat") == normalize("it planungsrat") == "itplanungsrat"
    assert normalize("Städtetag") == "staedtetag"


@pytest.mark.parametrize("text", ["Arbeitskreis", "Kooperationsvereinbarung"])
def test_ambiguous_lists_candidates(index, text):
    with pytest.raises(NotFoundError) as err:
        index.resolve(text)
    message = str(err.value)
    assert message.startswith("mehrdeutig / ambiguous")
    assert message.count(ID) >= 2


def test_own_name_beats_another_entitys_alternative_name(index):
    """The programme is called "Registermodernisierung"; the topic only has it as altLabel."""
    assert index.resolve("Registermodernisierung").iri == ID + "registermodernisierung"
    assert (
        index.resolve("Registermodernisierung (Thema)").iri == ID + "topic-registermodernisierung"
    )


def test_prefix_of_several_is_ambiguous_even_if_one_is_shorter(index):
    with pytest.raises(NotFoundError) as err:
        index.resolve("Arbeitskreis")
    assert "Arbeitskreis IT" in str(err.value) and "Arbeitskreis Schul-IT" in str(err.value)


def test_no_match_suggests(index):
    with pytest.raises(NotFoundError) as err:
        index.resolve("Staedtetg")
    assert "Städtetag" in str(err.value) and "meinten Sie" in str(err.value)
    with pytest.raises(NotFoundError) as err:
        index.resolve("zzzzqqq")
    assert str(err.value).startswith("nichts gefunden")


def test_land_resolves_to_rhineland_palatinate(index):
    assert index.resolve("Land").iri == ID + "land-rlp"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_entities_looked_up_together_are_those_looked_up_alone(lang):
    """An answer looks up the entities it names in one query (known_many); each must be what
    entity-labels-of gives for it alone: labels, abbreviations, most specific type."""
    backend = open_backend(DataSelection())
    iris = sorted(EntityIndex(backend, lang).entities)
    alone = EntityIndex(backend, lang)
    for start in range(0, len(iris), 90):  # every entity, in lists below ONE_BY_ONE
        batch = iris[start : start + 90]
        together = EntityIndex(backend, lang)
        together.known_many([*batch, "urn:example:not-an-entity", "not an IRI"])
        for iri in batch:
            a, b = together.known(iri), alone.entity(iri)
            assert a is not None and b is not None, iri
            assert (a.labels, a.alt_labels, a.type, a.type_label) == (
                b.labels,
                b.alt_labels,
                b.type,
                b.type_label,
            ), iri
        assert together.known("urn:example:not-an-entity") is None
        assert together.known("not an IRI") is None


def test_many_names_load_every_label_once():
    """Past ONE_BY_ONE names an answer loads all labels at once instead of a long VALUES."""
    backend = open_backend(DataSelection())
    index = EntityIndex(backend, "de")
    iris = sorted(EntityIndex(backend, "de").entities)
    index.known_many(iris)
    assert index._entities is not None
