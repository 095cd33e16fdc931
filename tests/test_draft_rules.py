"""The sentence rules of `draft` one by one, on sentences written for the test (not the four
laws the rules were measured on): each names the structure of German legal language it reads."""

from __future__ import annotations

import pytest

from govgraph.graph.curation.drafting import Drafter
from govgraph.graph.curation.mentions import KnownEntity, Matcher
from govgraph.graph.sources.importers import Unit

D = "https://w3id.org/govgraph/id/"


def _entity(slug: str, label: str, org: bool = True, *alt: str, kind: str = "Authority"):
    return KnownEntity(D + slug, label, label, {label, *alt}, org, kind, types={kind})


ENTITIES = {
    e.iri: e
    for e in [
        _entity("destatis", "Statistisches Bundesamt"),
        _entity("bmf", "Bundesministerium der Finanzen", kind="Ministry"),
        _entity("bmi", "Bundesministerium des Innern und für Heimat", True, kind="Ministry"),
        _entity("bundestag", "Deutscher Bundestag", kind="Body"),
        _entity("land-x", "Länder", True, "Land", kind="ActorGroup"),
        _entity("rat", "Fachrat", kind="Council"),
        _entity("amt", "Zentralamt", kind="Authority"),
        _entity("gruppe", "Arbeitsgruppe Register", kind="WorkingGroup"),
        _entity("register", "Musterregister", False, kind="Register"),
        _entity("gesetz", "Mustergesetz", False, "MusterG", kind="Law"),
        _entity("cockpit", "Datenschutzcockpit", False, kind="ITSystem"),
    ]
}


def _facts(*sentences: str, title: str = "Mustergesetz (MusterG)") -> set[tuple[str, ...]]:
    """(actor, role, object) of every fact the draft proposes for the sentences, as a § 1."""
    units, start = [], 0
    for n, text in enumerate(sentences, 1):
        units.append(Unit(text, start, f"§ 1 Satz {n}"))
        start += len(text) + 1
    labels = {label for e in ENTITIES.values() for label in e.labels}
    found = Drafter(Matcher(ENTITIES), labels).draft(units, title)
    return {
        (a.iri.removeprefix(D), c.role, s.iri.removeprefix(D))
        for c in found
        if c.role
        for a in c.actors
        for s in c.subjects
    }


def test_a_leading_adjective_and_the_head_noun_inflect():
    """ "das Statistische Bundesamt" is the known "Statistisches Bundesamt", "des
    Bundesministeriums des Innern" the ministry."""
    got = _facts(
        "Die Nutzung erfolgt nach Feststellung der Eignung durch das Statistische Bundesamt.",
        "Das Musterregister wird durch Rechtsverordnung des Bundesministeriums des Innern und "
        "für Heimat festgelegt.",
    )
    assert ("destatis", "decision", "gesetz") in got
    assert ("bmi", "lead", "register") in got


def test_a_report_is_a_duty_on_what_it_is_about():
    got = _facts(
        "Das Zentralamt berichtet dem Deutschen Bundestag jährlich über das Musterregister."
    )
    assert got == {("amt", "obligation", "register")}


def test_durch_names_an_agent_only_in_a_passive():
    """In "über die Datenverarbeitungen durch das Zentralamt" the Zentralamt is no actor."""
    got = _facts(
        "Das Bundesministerium der Finanzen berichtet dem Deutschen Bundestag über die "
        "Datenverarbeitungen durch das Zentralamt."
    )
    assert got == {("bmf", "obligation", "amt")}


def test_a_resolution_names_who_decides():
    got = _facts(
        "Der Anschluss erfolgt nach Ratifikation durch Beschluss des Fachrats in Abstimmung "
        "mit der jeweiligen Stelle."
    )
    assert got == {("rat", "decision", "gesetz")}


def test_bound_by_instructions_means_steered():
    got = _facts("Das Zentralamt ist den Weisungen des Fachrats gegenüber weisungsgebunden.")
    assert got == {("rat", "steering", "amt")}


def test_a_permission_in_the_main_clause_is_a_right_not_the_verb_of_its_condition():
    got = _facts(
        "Die Länder können von den Regelungen der Rechtsverordnung abweichen, soweit sie das "
        "Musterregister betreiben."
    )
    assert got == {("land-x", "claim", "gesetz")}


@pytest.mark.parametrize("limit", ["nur", "nicht"])
def test_a_limited_permission_is_no_right(limit):
    got = _facts(f"Daten dürfen vom Zentralamt {limit} verarbeitet werden, wenn es zuständig ist.")
    assert all(role != "claim" for _, role, _ in got)


def test_the_items_of_an_ordinance_list_are_the_power_on_the_law():
    got = _facts(
        "Das Bundesministerium der Finanzen wird ermächtigt, durch Rechtsverordnung Näheres zu "
        "bestimmen",
        "1. zu dem Verfahren der Datenübermittlung zwischen dem Zentralamt und dem Fachrat,",
    )
    assert got == {("bmf", "decision", "gesetz")}


def test_consent_names_the_bodies_that_give_it():
    got = _facts(
        "Das Zentralamt erhält Finanzmittel.",
        "Der Haushaltsplan bedarf der Zustimmung des Fachrats und des Deutschen Bundestages "
        "im Einvernehmen mit dem Bundesministerium der Finanzen.",
    )
    assert {("rat", "approval", "amt"), ("bundestag", "approval", "amt"),
            ("bmf", "approval", "amt")} <= got  # fmt: skip


def test_a_majority_is_a_voting_rule_not_a_consent():
    got = _facts("Beschlüsse bedürfen der Zustimmung des Fachrats und einer Mehrheit der Länder.")
    assert got == set()


def test_a_body_called_by_its_head_noun_after_its_full_name():
    """ "der Arbeitsgruppe" after "eine Arbeitsgruppe Register" is that group, not a twin."""
    got = _facts(
        "Der Fachrat richtet eine Arbeitsgruppe Register ein.",
        "Das Zentralamt ist den Beschlüssen der Arbeitsgruppe gegenüber weisungsgebunden.",
    )
    assert ("gruppe", "steering", "amt") in got


def test_a_lettered_item_after_a_sentence_is_read_on_its_own():
    got = _facts(
        "1. Die Länder tragen die Verantwortung für das Musterregister. b) In diesem Rahmen "
        "betreibt das Zentralamt das Musterregister."
    )
    assert {("land-x", "lead", "register"), ("amt", "operation", "register")} <= got


def test_what_is_done_to_the_body_the_norm_opens_with():
    """(In a statute a task by a named agent is first read as under the statute; a treaty
    whose title names no system has no such object.)"""
    got = _facts(
        "Das Zentralamt wird von einem Präsidenten geleitet.",
        "Der Präsident wird vom Fachrat bestellt.",
        title="Vertrag über die Zusammenarbeit",
    )
    assert ("rat", "decision", "amt") in got


def test_representatives_of_a_group_represent_it():
    got = _facts(
        "Dem Fachrat gehören als Mitglieder an:",
        "1. die zuständigen Vertreterinnen oder Vertreter der Länder.",
    )
    assert got == {("land-x", "representative", "rat")}


def test_a_set_up_and_the_body_it_sits_at():
    """ "richtet … eine Arbeitsgruppe Register beim Zentralamt ein": the Fachrat sets it up,
    and it sits at the Zentralamt; a name in the genitive before it is not what is set up."""
    got = _facts(
        "Der Fachrat richtet zur Unterstützung des Bundesministeriums der Finanzen eine "
        "Arbeitsgruppe Register beim Zentralamt ein."
    )
    assert got == {("rat", "establishment", "gruppe"), ("amt", "seat", "gruppe")}


def test_a_seat_does_not_cross_and():
    """ "benennt … den X und richtet beim Zentralamt eine Geschäftsstelle ein": the unnamed
    office sits there, not X."""
    got = _facts(
        "Der Fachrat benennt eine Arbeitsgruppe Register und richtet beim Zentralamt eine "
        "Geschäftsstelle ein."
    )
    assert got == {("rat", "establishment", "gruppe")}


def test_a_passive_set_up_without_agent_names_only_the_seat():
    got = _facts("Die Arbeitsgruppe Register wird beim Zentralamt eingerichtet.")
    assert got == {("amt", "seat", "gruppe")}


def test_a_new_name_can_be_what_is_set_up():
    got = _facts("Der Fachrat errichtet ein Koordinierungsgremium.")
    assert got == {("rat", "establishment", "koordinierungsgremium")}


def test_a_date_beside_a_set_up_is_no_deadline():
    units = [Unit("Das Zentralamt errichtet zum 1. Januar 2030 das Musterregister.", 0, "§ 1")]
    labels = {label for e in ENTITIES.values() for label in e.labels}
    found = Drafter(Matcher(ENTITIES), labels).draft(units, "Mustergesetz")
    kinds = {c.kind for c in found if c.role == "establishment"}
    assert kinds == {"Responsibility"}


def test_a_short_name_is_learnt_once_however_often_it_stands():
    """The head-noun rule adds one pattern per short name, not one per sentence that uses it
    (one per sentence made drafting quadratic in the length of a text)."""
    units = [Unit("Der Fachrat richtet eine Arbeitsgruppe Register ein.", 0, "§ 1")]
    units += [
        Unit(f"Die Arbeitsgruppe tagt zum {n}. Mal.", 60 + 30 * n, f"§ {n + 2}") for n in range(200)
    ]
    labels = {label for e in ENTITIES.values() for label in e.labels}
    drafter = Drafter(Matcher(ENTITIES), labels)
    drafter.draft(units, "Mustergesetz")
    assert len(drafter._roles) == 1


def test_a_passive_set_up_by_its_agent():
    got = _facts("Das Datenschutzcockpit wird durch das Zentralamt errichtet.")
    assert got == {("amt", "establishment", "cockpit")}


def test_an_ordinance_that_names_who_sets_up_does_not_set_up():
    """ "…, die durch Rechtsverordnung des Bundesministeriums … bestimmt wird": the ministry
    decides who sets the cockpit up; it does not set it up itself."""
    got = _facts(
        "Das Datenschutzcockpit wird von einer öffentlichen Stelle errichtet und betrieben, die "
        "durch Rechtsverordnung des Bundesministeriums der Finanzen bestimmt wird."
    )
    assert all(role != "establishment" for _, role, _ in got)
