"""`govgraph deadlines`: deadlines and dated events relative to today, also as an iCalendar
file. The answer comes from graph/answers/questions.py; no SPARQL here."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import click

from govgraph.graph.i18n import bilingual

from .answering import ask, columns, print_answer
from .context import AppContext
from .helptext import summary
from .options import (
    BilingualCommand,
    ClaimFilter,
    Output,
    claim_options,
    date_value,
    end_value,
    output_options,
)

if TYPE_CHECKING:
    from govgraph.graph.answers.model import Answer


@click.command(cls=BilingualCommand)
@click.option(
    "--from",
    "start",
    callback=date_value,
    metavar="DATE",
    help=bilingual("answers.help.deadlines.from"),
)
@click.option(
    "--to", "end", callback=end_value, metavar="DATE", help=bilingual("answers.help.deadlines.to")
)
@click.option(
    "--status",
    type=click.Choice(["past", "upcoming", "open"]),
    help=bilingual("answers.help.deadlines.status"),
)
@claim_options
@output_options(
    ("table", "json", "csv", "tsv", "ics"),
    bilingual("answers.help.deadlines.format"),
)
@click.pass_obj
@summary("answers.help.deadlines")
def deadlines(
    app: AppContext,
    start: date | None,
    end: date | None,
    status: str | None,
    claims: ClaimFilter,
    out: Output,
) -> None:
    import gc

    from govgraph.graph.answers import questions

    # The answer is a million small objects without cycles (30,000 rows, their sources and
    # entries at 1M triples); the collector's passes over them were a quarter of the command's
    # time. The process ends after printing.
    gc.disable()
    try:
        answer = questions.deadlines(app.backend(), ask(app, None, claims), start, end, status)
        _print(app, answer, out)
    finally:
        gc.enable()


def _print(app: AppContext, answer: Answer, out: Output) -> None:
    """The answer as a calendar (ics), or as text, a grid, JSON or CSV."""
    if out.fmt == "ics":
        from .ics import calendar

        click.echo(calendar(answer.records(), app.today, app.lang).decode("utf-8"), nl=False)
        return
    grid = columns(
        app.lang,
        "when",
        "what",
        "kind_label:kind",
        "status_label:status",
        "certainty",
        "actors:who",
        "concerns",
        "sources_text:source",
    )
    print_answer(app, answer, out, grid)


COMMANDS = [deadlines]
