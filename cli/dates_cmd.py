"""Dated questions: deadlines (with an iCalendar export) and demands.

Same conventions as cli/answers_cmd.py (both use cli/answering.py): resolve names, call
graph/answers, print tables, JSON, CSV or ICS. No SPARQL here.
"""

from __future__ import annotations

from datetime import date

import click

from govgraph.graph.answers.records import DeadlineRow, DemandRow
from govgraph.graph.i18n import bilingual, message

from .answering import certain, columns, csv_columns, day_text, heading, nothing, resolve, sourced
from .context import AppContext
from .helptext import summary
from .options import (
    BilingualCommand,
    ClaimFilter,
    Output,
    claim_options,
    date_value,
    output_options,
)
from .output import emit

# --- deadlines ---------------------------------------------------------------------------------


@click.command(cls=BilingualCommand)
@click.option(
    "--from",
    "start",
    callback=date_value,
    metavar="DATE",
    help=bilingual("answers.help.deadlines.from"),
)
@click.option(
    "--to", "end", callback=date_value, metavar="DATE", help=bilingual("answers.help.deadlines.to")
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
    from govgraph.graph.answers import rows as answers
    from govgraph.graph.errors import UsageError

    if start and end and start > end:
        after = bilingual("answers.from_after_to")
        raise UsageError(f"--from {start.isoformat()} {after} --to {end.isoformat()}")
    records = answers.deadlines(app.backend(), app.lang, app.today, start, end, status)
    records = sourced(app, records, "iri", app.today, claims)
    if not records:
        raise nothing("deadlines" + (f" --status {status}" if status else ""))
    if out.fmt == "ics":
        from .ics import calendar

        click.echo(calendar(records, app.today, app.lang).decode("utf-8"), nl=False)
        return
    today = day_text(app.today, app.lang)
    heading(out.fmt, message("answers.deadlines_title", app.lang, day=today))
    if out.fmt != "table":
        emit(records, csv_columns(DeadlineRow.CSV), out.fmt)
        return
    rows = [
        r.updated(
            kind_label=r.kind_label + (f": {r.new_status}" if r.new_status else ""),
            certainty=certain(r),
        )
        for r in records
    ]
    headers = columns(
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
    emit(rows, headers, out.fmt, out.layout(app.lang))


# --- demands -----------------------------------------------------------------------------------


@click.command(cls=BilingualCommand)
@click.option("--by", "by", metavar="ACTOR", help=bilingual("answers.help.demands.by"))
@click.option("--to", "to", metavar="ACTOR", help=bilingual("answers.help.demands.to"))
@output_options()
@click.pass_obj
@summary("answers.help.demands")
def demands(app: AppContext, by: str | None, to: str | None, out: Output) -> None:
    from govgraph.graph.answers import rows as answers
    from govgraph.graph.answers.certainty import add_inferred_from

    by_entity = resolve(app, by) if by else None
    to_entity = resolve(app, to) if to else None
    records = answers.demands(
        app.backend(),
        app.lang,
        by_entity.iri if by_entity else None,
        to_entity.iri if to_entity else None,
    )
    records = add_inferred_from(records, app.backend(), app.lang, "iri")
    if not records:
        parts = ["demands"]
        if by_entity:
            parts.append(f"--by {by_entity.label(app.lang)}")
        if to_entity:
            parts.append(f"--to {to_entity.label(app.lang)}")
        raise nothing(" ".join(parts))
    if out.fmt != "table":
        emit(records, csv_columns(DemandRow.CSV), out.fmt)
        return
    rows = [
        r.updated(
            certainty=certain(r),
            addressee=(
                f"{r.addressee_certainty}: {r.addressee}" if r.addressee_certainty else r.addressee
            ),
        )
        for r in records
    ]
    headers = columns(
        app.lang,
        "actor:by",
        "addressee:to",
        "kind",
        "about",
        "when:demand_when",
        "certainty",
        "quote",
    )
    emit(rows, headers, out.fmt, out.layout(app.lang))


COMMANDS = [deadlines, demands]
