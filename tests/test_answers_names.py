"""Names: inflected forms of the sources, external abbreviations, and generic words."""

from __future__ import annotations

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


def test_generic_word_lists_candidates(govgraph):
    result = govgraph("--today", FIXED_TODAY, "who", "Digitalisierung")
    assert result.code != 0
    assert "mehrdeutig" in result.err
    lines = result.err.splitlines()
    assert len(lines) >= 5 and "Schuldigitalisierung" in result.err
    assert "topic-digitalisierung" in lines[1]


def test_specific_words_still_resolve(govgraph):
    for name in ("Schuldigitalisierung", "Verwaltungsdigitalisierung", "NOOTS", "Kommunalgremium"):
        assert govgraph("--today", FIXED_TODAY, "who", name, "--format", "json").code == 0, name
