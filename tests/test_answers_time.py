"""Time: an empty day says what holds before or after; `heute` is --today; every dated end."""

from __future__ import annotations

import json

from conftest import FIXED_TODAY


def test_nothing_on_the_day_shows_other_times_with_periods(govgraph):
    result = govgraph("--today", FIXED_TODAY, "who", "ePay21", "--at", "2026-06-01")
    assert result.code == 0, result.err
    assert "gilt nichts" in result.out and "31. Dezember 2025" in result.out
    english = govgraph(
        "--lang", "en", "--today", FIXED_TODAY, "who", "ePay21", "--at", "2026-06-01"
    )
    assert english.code == 0 and "Nothing holds" in english.out


def test_heute_honours_today(govgraph):
    for word in ("heute", "today", "Heute"):
        out = govgraph("--today", "2025-03-03", "who", "NOOTS", "--at", word).out
        assert "Stand 3. März 2025" in out.splitlines()[0], word


def _deadlines(govgraph):
    out = govgraph("--today", FIXED_TODAY, "deadlines", "--format", "json").out
    return json.loads(out)


def test_end_of_epay21_funding_is_a_dated_event(govgraph):
    (row,) = [r for r in _deadlines(govgraph) if "ePay21" in r["what"]]
    assert (row["to"], row["precision"], row["status"]) == ("2025-12-31", "Tag", "past")
    assert "31. Dezember 2025" in row["when"]


def test_survey_until_the_summer_holidays_is_not_placed_in_spring(govgraph):
    rows = _deadlines(govgraph)
    (survey,) = [r for r in rows if r["what"].startswith("Umfrage der ArGe KSV")]
    assert survey["precision"] == "Jahreszeit"
    assert survey["to"] == "2025-08-31" and not survey["from"].startswith("2025-03")
    assert "Sommerferien" in survey["when"]
    order = [r["iri"] for r in rows]
    spring = [r for r in rows if r["when"] == "März 2025"]
    assert all(order.index(r["iri"]) < order.index(survey["iri"]) for r in spring)


def test_every_dated_row_has_a_precision(govgraph):
    rows = [r for r in _deadlines(govgraph) if r["from"] or r["to"]]
    assert [r["what"] for r in rows if not r["precision"]] == []
