"""The readable answer (the default layout): the first screen answers the question, whole
words and names, evidence with its norm, overruled claims only as overruled (issue: one answer
for every face)."""

from __future__ import annotations

import json
import re

import pytest

from conftest import FIXED_TODAY

SIX = [
    ("who", "NOOTS"),
    ("who", "Registermodernisierung"),
    ("what", "FITKO"),
    ("deadlines",),
    ("demands",),
    ("what", "Staedtetag"),
]


def _entry(out: str, name: str) -> str:
    """The entry line(s) that start with `name`, with their indented continuation."""
    lines = out.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("  " + name) and not line.startswith("   "):
            block = [line]
            for more in lines[i + 1 :]:
                if not more.startswith("      "):
                    break
                block.append(more)
            return " ".join(" ".join(block).split())
    raise AssertionError(f"no entry {name!r} in:\n{out}")


def _group(out: str, title: str) -> str:
    lines = out.splitlines()
    start = lines.index(title)
    end = next((k for k in range(start + 1, len(lines)) if not lines[k]), len(lines))
    return "\n".join(lines[start:end])


@pytest.fixture
def noots(govgraph, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    result = govgraph("--today", "2026-12-01", "who", "NOOTS", "--at", "2027-06-01")
    assert result.code == 0, result.err
    return result.out


def test_who_noots_first_screen_answers(noots):
    first = "\n".join(noots.splitlines()[:50])  # a terminal's first screen
    assert "BVA (Bundesverwaltungsamt) — Betrieb" in _group(first, "Betrieb")
    decide = _group(first, "Entscheidung und Steuerung")
    assert "IT-Planungsrat — Entscheidung" in decide
    assert "Steuerungsgruppe NOOTS — Steuerung" in decide
    assert "Koordination" in _entry(decide, "FITKO")
    funding = _group(first, "Finanzierung")
    assert "Finanzierung 53,4 % ab 2027" in _entry(funding, "FITKO")
    bund = _entry(funding, "Bund")
    assert "Finanzierung 46,6 % ab 2027" in bund and "NOOTSStVtr § 8 Abs. 1 Satz 3" in bund
    # Operators, deciders and funders come before the generic duties.
    order = [noots.splitlines().index(t) for t in ("Betrieb", "Entscheidung und Steuerung")]
    order.append(noots.splitlines().index("Finanzierung"))
    order.append(noots.splitlines().index("Pflichten und weitere Zuständigkeiten"))
    assert order == sorted(order)


def test_funders_with_a_share_come_first_largest_first(noots):
    funding = _group(noots, "Finanzierung").splitlines()
    heads = [line.split(" — ")[0].strip() for line in funding if line.startswith("  ") and
             not line.startswith("      ") and " — " in line]  # fmt: skip
    assert heads[:2] == ["FITKO", "Bund"], heads  # 53,4 %, then 46,6 %, then the shareless


def test_who_noots_halves_only_as_overruled(noots):
    text = " ".join(noots.split())
    said = [m.start() for m in re.finditer("hälftig", text)]
    assert said, noots
    for at in said:
        before = text[:at].rsplit("»", 1)[0]
        after = text[at:].split("«", 1)[1]
        assert before.endswith("GB StT RLP sagte ")
        assert after.startswith(" – überholt durch NOOTSStVtr § 8 Abs. 1 Satz 3")


def test_the_english_answer_speaks_english(govgraph, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    out = govgraph("--lang", "en", "--today", "2026-12-01", "who", "NOOTS", "--at", "2027-06-01")
    assert "as of 1 June 2027" in out.out.splitlines()[0]
    assert "53.4 %" in out.out and "53,4 % ab" not in out.out
    assert "overruled by NOOTSStVtr § 8 Abs. 1 Satz 3" in " ".join(out.out.split())


@pytest.mark.parametrize("question", SIX, ids=" ".join)
def test_six_questions_cut_no_word_and_no_name(govgraph, monkeypatch, question):
    monkeypatch.setenv("COLUMNS", "120")
    base = ("--today", FIXED_TODAY, *question)
    out = govgraph(*base).out
    tokens = out.split()
    assert not [t for t in tokens if t.endswith("…") and t not in ("…", "…«")]
    rows = json.loads(govgraph(*base, "--format", "json").out)
    names = {
        str(r.get(k))
        for r in rows
        for k in ("actor", "addressee", "object", "counterpart")
        if r.get(k)
    }
    text = " ".join(tokens)
    for name in names:
        # A name is shown whole or not at all: never its first words followed by "…".
        words = name.split()
        for n in range(1, len(words)):
            assert " ".join(words[:n]) + " …" not in text, name


@pytest.mark.parametrize("question", [("who", "NOOTS"), ("what", "FITKO")], ids=" ".join)
def test_every_fact_of_the_shown_entries_is_readable(govgraph, monkeypatch, question):
    """What JSON returns for an entry is readable on screen: its role (with share) and the
    locator of its evidence. The first screen caps long entries ("+ 2 weitere Belege (--all)",
    "… 4 weitere Einträge"); --all shows them whole."""
    monkeypatch.setenv("COLUMNS", "120")
    base = ("--today", FIXED_TODAY, *question)
    first = govgraph(*base).out
    assert "--all" in first or "weitere" not in first
    text = " ".join(govgraph(*base, "--all").out.split())
    rows = json.loads(govgraph(*base, "--format", "json").out)
    shown = [r for r in rows if r.get("group", "direct") == "direct" and not r["claim_state"]]
    assert shown
    for r in shown:
        if r["role"]:
            assert r["role"] in text, r["role"]
        overruled = {s for s in r["sources"].split(", ") if f"{s} sagte »" in text}
        for locator in filter(None, r["locators"].split("; ")):
            if locator.startswith("Abschnitt") and overruled:
                continue  # the report's quote is the overruled one, shown as such
            for source in r["sources"].split(", "):  # "§ 8 … NOOTSStVtr" names its law last
                locator = locator.removesuffix(" " + source)
            assert locator in text, locator


def test_table_keeps_a_grid(govgraph, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    out = govgraph("--today", FIXED_TODAY, "who", "NOOTS", "--table").out
    assert any(set(line.replace(" ", "")) == {"-"} for line in out.splitlines())


def test_the_grid_shows_no_overruled_quote_as_evidence(govgraph, monkeypatch):
    """--table keeps a grid; the report's "hälftig" is in no row's quote cell there either,
    while JSON keeps every field (the joint fact's quotes of both sources)."""
    monkeypatch.setenv("COLUMNS", "250")
    base = ("--today", "2026-12-01", "who", "NOOTS", "--at", "2027-06-01")
    grid = govgraph(*base, "--table", "--wide", "--all").out
    assert "46,6 %" in grid and "hälftig" not in grid
    rows = json.loads(govgraph(*base, "--format", "json").out)
    assert any("hälftig" in r["quote"] for r in rows)


THREE = [
    ("sources",),
    ("conflicts",),
    ("conflicts", "--source", "NOOTSStVtr", "--at", "2026-01-15"),
    ("path", "RegMo", "MASTD"),
    ("path", "IT-PLR", "Bund"),
    ("path", "Bund", "NOOTS"),
]


@pytest.mark.parametrize("width", ["80", "120"])
@pytest.mark.parametrize("question", THREE, ids=" ".join)
def test_sources_conflicts_path_read_whole(govgraph, monkeypatch, question, width):
    """sources, conflicts and path in the readable layout: every line within the terminal,
    no word cut with "…", and what JSON says of each item is on the screen."""
    monkeypatch.setenv("COLUMNS", width)
    base = ("--today", FIXED_TODAY, *question)
    out = govgraph(*base)
    assert out.code == 0, out.err
    assert all(len(line) <= int(width) for line in out.out.splitlines())
    tokens = out.out.split()
    assert not [t for t in tokens if t.endswith("…") and t not in ("…", "…«")]
    text = " ".join(tokens)
    rows = json.loads(govgraph(*base, "--format", "json").out)
    assert rows
    for r in rows:
        if question[0] == "sources":
            assert f"{r['short_name']} — {r['facts']} Aussagen, {r['quotes']} Zitate" in text
            assert " ".join(r["title"].split()) in text
        elif question[0] == "conflicts":
            assert f"{r['mark']} — {r['claim']}" in text
            assert r["locator"] in text and r["conflict"] in text
        else:
            first = out.out.index("\n\n")  # the chains and steps, not the title
            lines = out.out[first:].splitlines()
            for step in r["steps"]:
                assert step["from_label"] in text and step["to_label"] in text
                for name in (step["from_label"], step["to_label"]):  # a name that fits a line
                    assert len(name) > int(width) - 6 or any(name in ln for ln in lines), name


def test_conflicts_say_which_claim_holds_on_the_day(govgraph, monkeypatch):
    """Before the treaty came into force (1 February 2026) the report's status holds; the
    later status is marked as holding only from its day."""
    monkeypatch.setenv("COLUMNS", "120")
    early = govgraph("--today", FIXED_TODAY, "conflicts", "--at", "2026-01-15", "--format", "json")
    status = [r for r in json.loads(early.out) if r["conflict_iri"].endswith("noots-status")]
    marks = {r["source"]: (r["claim_state"], r["mark"]) for r in status}
    assert marks["GB StT RLP"][0] == "" and marks["GB StT RLP"][1].startswith("✓ gilt noch")
    assert marks["NOOTSStVtr"][1] == "○ gilt erst ab 1. Februar 2026"
    late = govgraph("--today", FIXED_TODAY, "conflicts", "--format", "json")
    status = [r for r in json.loads(late.out) if r["conflict_iri"].endswith("noots-status")]
    assert {r["source"]: r["claim_state"] for r in status}["GB StT RLP"] == "superseded"


def test_sources_and_conflicts_keep_a_grid(govgraph, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    grid = govgraph("--today", FIXED_TODAY, "sources", "--table").out.splitlines()
    assert grid[2].split()[:2] == ["Kurzname", "Art"] and set(grid[3]) <= {"-", " "}
    assert grid[4].startswith("GGArt91cVtr  Primärtext")
    conflicts = govgraph("--today", FIXED_TODAY, "conflicts", "--table").out
    assert "Widerspruch" in conflicts.splitlines()[2] and "✗ überholt" in conflicts


@pytest.mark.parametrize("width", [80, 100, 120])
@pytest.mark.parametrize("question", [("demands",), ("deadlines",)], ids=" ".join)
def test_a_month_and_its_year_stay_on_one_line(govgraph, monkeypatch, question, width):
    """»März 2025«, »Mitte 2026«: a period is read whole, never split at the line end."""
    monkeypatch.setenv("COLUMNS", str(width))
    lines = govgraph("--today", FIXED_TODAY, *question).out.splitlines()
    split = [
        (a, b)
        for a, b in zip(lines, lines[1:], strict=False)
        if re.search(r"\b[A-ZÄÖÜ][a-zäöü]+$", a) and re.match(r"\s*\d{4}\b", b)
    ]
    assert split == []


def test_near_the_screens_end_an_entry_is_shortened_not_passed_over(govgraph, monkeypatch):
    """At 100 columns the funding group reaches the end of the first screen: Bund's 46,6 %
    keeps its place with its first quote, rather than giving it to a shorter entry after it."""
    monkeypatch.setenv("COLUMNS", "100")
    r = govgraph("--today", "2026-11-27", "who", "NOOTS", "--at", "2027-03-01")
    assert r.code == 0, r.err
    funding = _group(r.out, "Finanzierung")
    bund = _entry(funding, "Bund")
    assert bund.startswith("Bund — Finanzierung 46,6 % ab 2027")
    assert "NOOTSStVtr § 8 Abs. 1 Satz 3" in bund and "+ 2 weitere Belege (--all)" in bund
    assert "alle Bundesländer" not in funding  # the entry after it waits for --all
