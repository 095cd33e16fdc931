"""Deadlines as an iCalendar file (`deadlines --format ics`) for import into a calendar.

Calendars know days, not "Mitte 2026": a day-precise item is one all-day event; a vaguer one
is placed on its latest possible day, with the wording, precision and window in the title and
description, so the import never pretends to a precision the source does not give.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

DAY = {"Tag", "day"}


def _day(text: object) -> date | None:
    try:
        return date.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


def calendar(records: Sequence[dict], today: date, lang: str) -> bytes:
    """An iCalendar document with one all-day VEVENT per dated record (undated ones left out).

    UIDs derive from the item and its time, and DTSTAMP is `today`, so the same graph and day
    give the same bytes."""
    from icalendar import Calendar, Event

    from govgraph.graph.i18n import lang_or_default, message, messages

    cal = Calendar()
    cal.add("prodid", "-//govgraph//deadlines//" + lang_or_default(lang).upper())
    cal.add("version", "2.0")
    cal.add("x-wr-calname", message("cli.ics.calendar", lang))
    word = messages(lang, "cli.ics")
    stamp = datetime(today.year, today.month, today.day, tzinfo=UTC)
    for r in records:
        start, end = _day(r.get("from")), _day(r.get("to"))
        exact = r.get("precision") in DAY
        day = start if start and (exact or not end) else end
        if day is None:
            continue
        event = Event()
        uid = hashlib.sha256(f"{r.get('iri')}|{r.get('when')}".encode()).hexdigest()[:32]
        event.add("uid", f"{uid}@govgraph")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        title = str(r.get("what") or "")
        event.add("summary", title if exact else f"[{r.get('when')}] {title}")
        lines = [
            f"{word['when']}: {r.get('when')}",
            f"{word['precision']}: {r.get('precision') or '–'}",
        ]
        if not exact and (start or end):
            window = f"{start.isoformat() if start else '…'} – {end.isoformat() if end else '…'}"
            lines.append(f"{word['window']}: {window}")
        for key in ("actors", "concerns"):
            if r.get(key):
                lines.append(f"{word[key]}: {r[key]}")
        lines.append(f"{word['certainty']}: {r.get('certainty')}")
        if r.get("sources"):
            lines.append(f"{word['source']}: {r['sources']}")
        if r.get("quote"):
            lines.append(f"»{r['quote']}«")
        event.add("description", "\n".join(lines))
        if r.get("iri"):
            event.add("url", str(r["iri"]))
        cal.add_component(event)
    return cal.to_ical()
