"""What the answer commands (who, what, show, deadlines, demands, search) share: resolving a
name, adding sources and notes to rows, headings, words for days and shares, empty answers.

One module so that every answer speaks of days, sources and empty results the same way.
No SPARQL here: the rows come from graph/answers and graph/sources.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar

import click

from govgraph.graph.answers.records import AnswerRow
from govgraph.graph.i18n import message

from .context import AppContext
from .options import ClaimFilter, Moment
from .output import clean

R = TypeVar("R", bound=AnswerRow)
Fetch = Callable[..., list[R]]


def resolve(app: AppContext, text: str):
    """The entity a user named (label, short form or IRI); NotFoundError lists candidates."""
    from govgraph.graph.answers.resolve import EntityIndex

    return EntityIndex(app.backend(), app.lang).resolve(text, generic=True)


def claims_index(app: AppContext, source: str | None):
    """The claims index and the IRI of the source named by `--source`, if any."""
    from govgraph.graph.answers.claims import claims_for

    return claims_for(app.backend(), app.lang, source)


def noted(app: AppContext, records: list[R], key: str) -> list[R]:
    """Records with `inferred_from`, the note on what an inferred fact rests on."""
    from govgraph.graph.answers.certainty import add_inferred_from

    return add_inferred_from(records, app.backend(), app.lang, key)


def sourced(app: AppContext, records: list[R], key: str, day: date | None, claims: ClaimFilter):
    """Records with their sources (superseded claims dropped unless asked for) and notes."""
    from govgraph.graph.answers.claims import decorate

    index, source_iri = claims_index(app, claims.source)
    records = decorate(records, index, key, app.lang, day, source_iri, claims.all_claims)
    return noted(app, records, key)


def certain(record: AnswerRow) -> str:
    """The certainty cell of a table: an inferred row says from what."""
    note = record.get("inferred_from")
    return f"{record.get('certainty', '')}: {note}" if note else str(record.get("certainty", ""))


def day_text(value: date, lang: str) -> str:
    """A day as the reader writes it: 30.06.2026 in German, 2026-06-30 in English."""
    return message("answers.day", lang, day=value)


def percent(share: float | None, lang: str = "de") -> str:
    """A share (0.5) as a percentage ("50 %"), with the decimal sign of the language."""
    if share is None:
        return ""
    value = f"{round(float(share) * 100, 1):g}"
    return f"{value.replace('.', message('answers.decimal_sign', lang))} %"


def columns(lang: str, *fields: str) -> list[tuple[str, str]]:
    """(field, header) pairs for a table: "FIELD" is headed by the message answers.col_FIELD,
    "FIELD:NAME" by answers.col_NAME (tests/test_answers_records.py checks that they exist)."""
    return [(f.split(":")[0], message(f"answers.col_{f.split(':')[-1]}", lang)) for f in fields]


def csv_columns(fields: Sequence[str]) -> list[tuple[str, str]]:
    """Scripts see the field names as headers."""
    return [(f, f) for f in fields]


def heading(fmt: str, line: str) -> None:
    """A heading above a table (JSON, CSV and TSV carry none)."""
    if fmt == "table":
        from .table import terminal_width, wrap

        click.echo("\n".join(wrap(clean(line), terminal_width(), None)))
        click.echo()


def nothing(what: str):
    """The error for an empty answer, naming the command and what it was asked (exit 1)."""
    from govgraph.graph.answers.rows import NoResults

    lang = getattr(click.get_current_context().obj, "lang", "de")
    return NoResults(what, lang)


def answer(
    app: AppContext,
    text: str,
    moment: Moment,
    fmt: str,
    fetch: Fetch,
    command: str,
    key: str,
    claims: ClaimFilter,
) -> list[R]:
    """Resolve the entity, ask `fetch` as of the chosen day, print the heading (the message
    answers.COMMAND_title); the rows get their sources and notes (fact IRI in `key`).

    When nothing holds on the day but something at other times, that is the answer (with
    periods, exit 0); an empty answer is one line naming the command, entity and day (exit 1)."""
    found = resolve(app, text)
    label = found.label(app.lang)
    day = moment.day(app.today)

    def records(on: date | None) -> list[R]:
        return sourced(app, fetch(app.backend(), found.iri, app.lang, on), key, on, claims)

    rows = records(day)
    stand = message("answers.as_of", app.lang, day=day_text(day, app.lang)) if day else ""
    if not rows and day is not None:
        # Nothing holds that day: say what holds before or after it, with the periods.
        other = records(None)
        if other:
            periods = "; ".join(dict.fromkeys(str(r.period) for r in other if r.period))
            when = f" ({periods})" if periods else ""
            day_words = day_text(day, app.lang)
            line = message(
                "answers.nothing_on_day", app.lang, day=day_words, label=label, when=when
            )
            heading(fmt, line)
            return other
    if not rows:
        raise nothing(f"{command} {label}{stand}")
    heading(fmt, message(f"answers.{command}_title", app.lang, label=label) + stand)
    return rows
