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
    vague = [e for e in events if str(e["summary"]).startswith("[Mitte 2026]")]
    assert not vague or "Genauigkeit: Halbjahr" in str(vague[0]["description"])
    again = govgraph("--today", FIXED_TODAY, "deadlines", "--format", "ics")
    assert again.out == result.out
