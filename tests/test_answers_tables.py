"""Answers fit the terminal: the grid (`--table`) never splits a word and stays about one
screen long; the readable layout (the default) never cuts a word or a name at all."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import FIXED_TODAY

QUESTIONS = [
    ("who", "Schuldigitalisierung"),
    ("who", "NOOTS"),
    ("what", "Staedtetag"),
    ("what", "FITKO"),
    ("deadlines",),
    ("demands",),
]


def _words(value) -> set[str]:
    if isinstance(value, dict):
        return set().union(*(_words(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(_words(v) for v in value)) if value else set()
    return set(str(value).split()) if value is not None else set()


def _tokens_are_words(table: str, data: list[dict]) -> list[str]:
    """Tokens of table bodies that are neither a word of the data nor a word cut with '…'.

    Headings, group titles and column headers (the lines before each "----" line) and the
    notes on hidden rows and columns (from a line starting with "…") are not data."""
    words = _words(data)
    lines = table.splitlines()
    rule = [i for i, line in enumerate(lines) if line and set(line.replace(" ", "")) == {"-"}]
    body: list[str] = []
    start = 0
    for i in rule:
        words |= {w for line in lines[start:i] for w in line.split()}
        end = next((k for k in range(i + 1, len(lines)) if not lines[k].strip()), len(lines))
        block = lines[i + 1 : end]
        notes = next((k for k, line in enumerate(block) if line.startswith("…")), len(block))
        body += block[:notes]
        start = end
    bad = []
    for line in body:
        for token in line.split():
            number = token.replace(",", "").replace(".", "").isdigit()
            if token.rstrip(":") in words or token == "%" or number:
                continue
            if token.endswith("…") and any(w.startswith(token[:-1]) for w in words):
                continue
            bad.append(token)
    return bad


@pytest.mark.parametrize("columns", [60, 80, 200])
@pytest.mark.parametrize("question", QUESTIONS, ids=" ".join)
def test_tables_fit_and_keep_words_whole(govgraph, monkeypatch, columns, question):
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setenv("LINES", "40")
    base = ("--today", FIXED_TODAY, *question)
    table = govgraph(*base, "--table")
    assert table.code == 0, table.err
    data = json.loads(govgraph(*base, "--format", "json").out)
    lines = table.out.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert _tokens_are_words(table.out, data) == []
    if question[0] in ("who", "what", "deadlines"):
        assert len(lines) <= 40


@pytest.mark.parametrize("columns", [60, 80, 120])
@pytest.mark.parametrize("question", QUESTIONS, ids=" ".join)
def test_readable_answers_cut_no_word(govgraph, monkeypatch, columns, question):
    """Every line fits; every token is a word of the answer's data or of its wording, and a
    shortened quote ends in a separate "…" after a whole word, never inside one."""
    monkeypatch.setenv("COLUMNS", str(columns))
    base = ("--today", FIXED_TODAY, *question)
    out = govgraph(*base)
    assert out.code == 0, out.err
    lines = out.out.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert not [t for line in lines for t in line.split() if t.endswith("…") and t != "…"]
    data = json.loads(govgraph(*base, "--format", "json", "--all-claims").out)
    words = _words(data)
    strip = "»«()[],;:.–—-„“"
    stray = {
        t.strip(strip)
        for line in lines[2:]
        if line.startswith("  ")
        for t in line.split()
        if t.strip(strip) and t.strip(strip) not in {w.strip(strip) for w in words}
    }
    # Only the answer's own words may be new: numbers, percentages, short names, "über …".
    assert all(
        t.replace(",", "").replace("%", "").isdigit() or t.isupper() or t in OWN for t in stray
    ), stray


OWN = {
    "sagte",
    "überholt",
    "durch",
    "weitere",
    "Belege",
    "zu",
    "an",
    "wer",
    "betrifft",
    "Einheit",
    "über",
    "Adressat",
    "erschlossen",
    "umstritten",
    "sagt",
    "ab",
    "bis",
    "Finanzierung",
    "%",
    "+",  # "+ 3 weitere Belege (--all)": a row with more quotes than it shows
    "all",
}


def test_long_answers_say_how_many_rows_remain(govgraph, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    short = govgraph("--today", FIXED_TODAY, "what", "Staedtetag", "--table")
    count = len(
        json.loads(govgraph("--today", FIXED_TODAY, "what", "Staedtetag", "--format", "json").out)
    )
    last = short.out.splitlines()
    more = [line for line in last if line.startswith("… ") and "--all" in line]
    assert more, short.out
    shown = int(more[0].split()[1])
    assert 0 < shown < count
    full = govgraph("--today", FIXED_TODAY, "what", "Staedtetag", "--all", "--wide")
    assert not [line for line in full.out.splitlines() if "--all" in line]
    assert len(full.out.splitlines()) > len(short.out.splitlines())
    english = govgraph("--lang", "en", "--today", FIXED_TODAY, "what", "Staedtetag", "--table")
    assert any(line.endswith("more, use --all") for line in english.out.splitlines())


def test_readable_answer_says_how_many_entries_remain(govgraph, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    short = govgraph("--today", FIXED_TODAY, "deadlines").out.splitlines()
    (more,) = [line for line in short if line.startswith("… ") and "--all" in line]
    hidden = int(more.split()[1])
    full = govgraph("--today", FIXED_TODAY, "deadlines", "--all").out.splitlines()
    assert not [line for line in full if line.startswith("… ")]
    entries = [line for line in full if line.startswith("  ") and not line.startswith("   ")]
    shown = [line for line in short if line.startswith("  ") and not line.startswith("   ")]
    assert len(entries) == len(shown) + hidden


def test_csv_has_no_none(govgraph):
    for question in (("who", "NOOTS"), ("what", "FITKO"), ("deadlines",), ("demands",)):
        result = govgraph("--today", FIXED_TODAY, *question, "--format", "csv")
        assert result.code == 0, (question, result.err)
        rows = list(csv.reader(io.StringIO(result.out)))
        assert len(rows) > 1 and all(len(row) == len(rows[0]) for row in rows), question
        out = result.out
        assert "None" not in out, question


def test_wide_shows_every_column(govgraph, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    out = govgraph("--today", FIXED_TODAY, "who", "Schuldigitalisierung", "--wide").out
    assert "Beleg" in out and "Quelle" in out
