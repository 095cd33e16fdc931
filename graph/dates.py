"""Dates given on the command line: ISO (2026-06-30), German (30.06.2026), or today."""

from __future__ import annotations

import re
from datetime import date

import pyoxigraph as ox

from govgraph.graph.errors import UsageError
from govgraph.graph.i18n import message

XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")


def parse_date(text: str) -> date:
    value = text.strip().lower()
    if value in ("today", "heute"):
        return date.today()
    try:
        m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", value)
        if m:
            return date(int(m[3]), int(m[2]), int(m[1]))
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        m = re.fullmatch(r"(\d{4})-(\d{2})", value)
        if m:
            return date(int(m[1]), int(m[2]), 1)
        m = re.fullmatch(r"(\d{4})", value)
        if m:
            return date(int(m[1]), 1, 1)
    except ValueError:
        pass
    raise UsageError(message("answers.not_a_date", "en", text=repr(text)))


def date_literal(day: date) -> ox.Literal:
    return ox.Literal(day.isoformat(), datatype=XSD_DATE)


def last_day(text: str) -> date:
    """The end of a range as typed: a year (2026) or month (2026-06) means its last day, so
    that "to 2026" includes December 2026; a full date is that date."""
    import calendar

    day = parse_date(text)
    value = text.strip()
    if re.fullmatch(r"\d{4}", value):
        return date(day.year, 12, 31)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    return day


# --- writing a day: every day a reader sees is written by one of these two -----------------------

MONTHS = {
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "en": "January February March April May June July August September October November December",
}


def long_day(day: date, lang: str) -> str:
    """A day as readers write it in prose (answers, pages): "1. Februar 2026", "1 February 2026"."""
    month = MONTHS["en" if lang == "en" else "de"].split()[day.month - 1]
    return f"{day.day} {month} {day.year}" if lang == "en" else f"{day.day}. {month} {day.year}"


def short_day(day: date, lang: str) -> str:
    """A day where room is short (picture footers, timeline axes): "01.02.2026", "2026-02-01"."""
    return day.strftime(message("views.day_format", lang))
