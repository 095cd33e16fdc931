"""`deadlines --format ics`: a calendar file that keeps the precision of each date."""

from __future__ import annotations

import json

from icalendar import Calendar

from conftest import FIXED_TODAY


def test_deadlines_as_ics(govgraph):
    result = govgraph("--today", FIXED_TODAY, "deadlines", "--format", "ics")
    assert result.code == 0, result.err
    cal = Calendar.from_ical(result.out)
    events = list(cal.walk("VEVENT"))
    rows = json.loads(govgraph("--today", FIXED_TODAY, "deadlines", "--format", "json").out)
    assert len(events) == len([r for r in rows if r["from"] or r["to"]])
    by_url = {str(e["url"]): e for e in events}
    quorum = by_url["https://w3id.org/govgraph/id/deadline-noots-quorum"]
    assert quorum.decoded("dtstart").isoformat() == "2026-06-30"
    assert "30. Juni 2026" in str(quorum["summary"])
    again = govgraph("--today", FIXED_TODAY, "deadlines", "--format", "ics")
    assert again.out == result.out


def test_each_event_keeps_the_precision_of_its_date(govgraph):
    """A day-precise item is that day; a vaguer one ("Herbst 2024", "2018") names its wording
    in the title and its precision and window in the description, and lies on its last day."""
    result = govgraph("--today", FIXED_TODAY, "deadlines", "--format", "ics")
    rows = json.loads(govgraph("--today", FIXED_TODAY, "deadlines", "--format", "json").out)
    dated = [r for r in rows if r["from"] or r["to"]]
    events = list(Calendar.from_ical(result.out).walk("VEVENT"))
    assert len(events) == len(dated)
    precisions = set()
    for row, event in zip(dated, events, strict=True):
        summary, description = str(event["summary"]), str(event["description"])
        start = event.decoded("dtstart").isoformat()
        precisions.add(row["precision"])
        assert f"Genauigkeit: {row['precision']}" in description, summary
        if row["precision"] == "Tag":
            assert start == (row["from"] or row["to"]) and not summary.startswith("["), summary
        else:
            assert summary.startswith(f"[{row['when']}] "), summary
            assert start == (row["to"] or row["from"]), summary
            assert f"Zeitfenster: {row['from'] or '…'} – {row['to'] or '…'}" in description
    assert {"Tag", "Monat", "Jahr", "Jahreszeit"} <= precisions
