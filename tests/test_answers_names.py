"""Names: inflected forms of the sources, external abbreviations, and generic words."""

from __future__ import annotations

import json

import pytest

from conftest import FIXED_TODAY, REPO

BMDS = "Bundesministerium für Digitales und Staatsmodernisierung"


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("IT-Planungsrates", "IT-Planungsrat"),
        ("IT-Staatsvertrages", "IT-Staatsvertrag"),
        ("IT-Staatsvertrags", "IT-Staatsvertrag"),
        ("BMDS", BMDS),
        ("bmds", BMDS),
        ("Digitalministerium", BMDS),
        ("RegMo", "Registermodernisierung"),
        ("OZG-Änderungsgesetz", "Onlinezugangsgesetz"),
        ("OZG-Aenderungsgesetz", "Onlinezugangsgesetz"),
        ("OZGÄndG", "Onlinezugangsgesetz"),
        ("OZG 2.0", "Onlinezugangsgesetz"),
    ],
)
def test_names_resolve(govgraph, name, label):
    result = govgraph("--today", FIXED_TODAY, "show", name)
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == label


def test_external_names_are_marked_as_such():
    text = (REPO / "graph" / "facts" / "aliases.ttl").read_text(encoding="utf-8")
    assert "skos:altLabel" in text and "skos:editorialNote" in text
    assert '"BMDS"@de' in text and "Externe Bezeichnungen, in keiner Quelle: BMDS" in text


def test_part_of_a_generic_word_lists_candidates(govgraph):
    result = govgraph("--today", FIXED_TODAY, "who", "Digitalisier")
    assert result.code != 0
    assert "mehrdeutig" in result.err
    lines = result.err.splitlines()
    assert len(lines) >= 5 and "Schuldigitalisierung" in result.err
    assert "topic-digitalisierung" in lines[1]


def test_an_exact_generic_word_answers_and_points_to_narrower_names(govgraph):
    """ "Digitalisierung" is a topic's exact name: it answers, and says where the many other
    names with that word are found."""
    result = govgraph("--today", FIXED_TODAY, "who", "Digitalisierung")
    assert result.code == 0, result.err
    assert result.out.splitlines()[0].startswith("Wer ist zuständig für Digitalisierung –")
    assert "govgraph search Digitalisierung" in result.out


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Schuldigitalisierung", "Schuldigitalisierung"),
        ("Verwaltungsdigitalisierung", "Verwaltungsdigitalisierung"),
        ("NOOTS", "National Once Only Technical System"),
        ("Kommunalgremium", "Kommunalgremium des IT-Planungsrats"),
    ],
)
def test_specific_words_still_resolve(govgraph, name, label):
    rows = json.loads(govgraph("--today", FIXED_TODAY, "who", name, "--format", "json").out)
    assert rows and {r["subject"] for r in rows if not r["via"] and r["subject"]} <= {
        label,
        f"{label} (Thema)",
    }


@pytest.mark.parametrize(
    ("words", "label"),
    [
        (("Steuerungsgruppe", "NOOTS"), "Steuerungsgruppe NOOTS"),
        (("Informationssicherheit",), "Informationssicherheit"),
        (("informations-sicherheit",), "Informationssicherheit"),
        (("Kooperationsvereinbarung", "Informationssicherheit"), None),
    ],
)
def test_several_words_are_one_name_and_an_exact_name_wins(govgraph, words, label):
    """No quotes needed; an exact label (any case or hyphen) beats the entries that only
    contain it (AG Informationssicherheit, Kooperationsvereinbarung Informationssicherheit)."""
    result = govgraph("--today", FIXED_TODAY, "show", *words)
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == (label or " ".join(words))
