"""Every answer table shows certainty; an inferred row says from what it was inferred."""

from __future__ import annotations

import json

import pytest

from conftest import FIXED_TODAY

QUESTIONS = [("who", "Schuldigitalisierung"), ("what", "Staedtetag"), ("deadlines",), ("demands",)]


@pytest.mark.parametrize("question", QUESTIONS, ids=" ".join)
def test_certainty_column_in_every_table(govgraph, monkeypatch, question):
    monkeypatch.setenv("COLUMNS", "120")
    out = govgraph("--today", FIXED_TODAY, *question, "--table").out
    headers = [
        line for line in out.splitlines() if line.startswith(("Akteur", "Beziehung", "Wann", "von"))
    ]
    assert headers and all("Gewissheit" in line for line in headers)
    english = govgraph("--lang", "en", "--today", FIXED_TODAY, *question, "--table").out
    assert "Certainty" in english


@pytest.mark.parametrize("question", QUESTIONS, ids=" ".join)
def test_readable_answers_say_what_an_inferred_entry_rests_on(govgraph, question):
    """Without --table, an inferred entry carries "erschlossen: <note>" under its line."""
    rows = json.loads(govgraph("--today", FIXED_TODAY, *question, "--format", "json").out)
    note = next(r["inferred_from"] for r in rows if r["inferred_from"])
    out = " ".join(govgraph("--today", FIXED_TODAY, *question, "--all").out.split())
    assert "erschlossen: " + " ".join(note.split()[:4]) in out


@pytest.mark.parametrize("question", QUESTIONS, ids=" ".join)
def test_inferred_rows_say_from_what(govgraph, question):
    rows = json.loads(govgraph("--today", FIXED_TODAY, *question, "--format", "json").out)
    inferred = [r for r in rows if r["certainty"] == "erschlossen"]
    assert inferred, question
    assert all(r["inferred_from"] for r in inferred)
    assert not [r for r in rows if r["certainty"] != "erschlossen" and r["inferred_from"]]


def test_inferred_note_in_the_table(govgraph, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    rows = json.loads(govgraph("--today", FIXED_TODAY, "demands", "--format", "json").out)
    note = next(r["inferred_from"] for r in rows if r["inferred_from"])
    wide = govgraph("--today", FIXED_TODAY, "demands", "--wide", "--all").out
    assert "erschlossen: " + note.split()[0] in wide


def test_a_plainly_stated_position_with_an_inferred_addressee(govgraph, monkeypatch):
    """The report states the position itself; only to whom it goes is the curator's reading."""
    rows = json.loads(govgraph("--today", FIXED_TODAY, "demands", "--format", "json").out)
    (sak,) = [r for r in rows if r["iri"].endswith("demand-sak-mandantenfaehig")]
    assert sak["certainty"] == "ausdrücklich genannt" and sak["addressee_inferred"] is True
    assert sak["addressee"] == "Landeskoordination RegMo im MASTD"
    stated = [r for r in rows if r["iri"].endswith("demand-sis-praxistaugliche-alternativen")]
    assert stated and not any(r["addressee_inferred"] for r in stated)
    monkeypatch.setenv("COLUMNS", "250")
    table = govgraph("--today", FIXED_TODAY, "demands", "--wide", "--all").out
    assert "erschlossen: Land" in table  # the addressee cell, marked
