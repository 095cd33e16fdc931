"""Dated questions: deadlines (with an iCalendar export) and demands.

Same conventions as cli/answers_cmd.py (whose helpers they share): resolve names, call
graph/answers, print tables, JSON, CSV or ICS. No SPARQL here.
"""

from __future__ import annotations

from datetime import date

import click

from .answers_cmd import (
    _certain,
    _claim_options,
    _claims,
    _day,
    _de,
    _format_option,
    _heading,
    _noted,
    _nothing,
    _resolve,
)
from .context import AppContext
from .options import BilingualCommand, date_value, layout, table_options
from .output import emit

# --- deadlines ---------------------------------------------------------------------------------


@click.command(cls=BilingualCommand)
@click.option(
    "--from", "start", callback=date_value, metavar="DATE", help="Ab diesem Tag. / From this day."
)
@click.option(
    "--to", "end", callback=date_value, metavar="DATE", help="Bis zu diesem Tag. / Up to this day."
)
@click.option(
    "--status",
    type=click.Choice(["past", "upcoming", "open"]),
    help="vorbei, bevorstehend, offen (= noch nicht vorbei). / open = not yet past.",
)
@_claim_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv", "tsv", "ics"]),
    default="table",
    show_default=True,
    help="Ausgabe: Tabelle, JSON, CSV, TSV oder iCalendar. / Output format (ics: calendar).",
)
@table_options
@click.pass_obj
def deadlines(
    app: AppContext,
    start: date | None,
    end: date | None,
    status: str | None,
    source: str | None,
    all_claims: bool,
    fmt: str,
    wide: bool,
    all_rows: bool,
) -> None:
    """Fristen und datierte Ereignisse der Reihe nach. / Deadlines and dated events in order."""
    from govgraph.graph.answers import answers
    from govgraph.graph.errors import UsageError

    if start and end and start > end:
        raise UsageError(f"--from {start.isoformat()} liegt nach / is after --to {end.isoformat()}")
    from govgraph.graph.sources.claims import decorate

    records = answers.deadlines(app.backend(), app.lang, app.today, start, end, status)
    index, source_iri = _claims(app, source)
    records = decorate(records, index, "iri", app.lang, app.today, source_iri, all_claims)
    records = _noted(app, records, "iri")
    de = _de(app)
    if not records:
        raise _nothing("deadlines" + (f" --status {status}" if status else ""))
    if fmt == "ics":
        from .ics import calendar

        click.echo(calendar(records, app.today, app.lang).decode("utf-8"), nl=False)
        return
    _heading(
        fmt,
        ("Fristen und Termine – heute: " if de else "Deadlines and dates – today: ")
        + _day(app.today, de),
    )
    if fmt == "table":
        rows = [
            {
                **r,
                "kind_label": r["kind_label"] + (f": {r['new_status']}" if r["new_status"] else ""),
                "certainty": _certain(r),
            }
            for r in records
        ]
        emit(
            rows,
            [
                ("when", "Wann" if de else "When"),
                ("what", "Was" if de else "What"),
                ("kind_label", "Art" if de else "Kind"),
                ("status_label", "Status"),
                ("certainty", "Gewissheit" if de else "Certainty"),
                ("actors", "Wer" if de else "Who"),
                ("concerns", "betrifft" if de else "Concerns"),
                ("sources_text", "Quelle" if de else "Source"),
            ],
            fmt,
            layout(app.lang, wide, all_rows),
        )
        return
    fields = [
        "when",
        "precision",
        "from",
        "to",
        "status",
        "kind",
        "kind_label",
        "what",
        "new_status",
        "concerns",
        "actors",
        "certainty",
        "quote",
        "sources",
        "source_count",
        "source_iris",
        "locators",
        "claim_state",
        "rule",
        "iri",
        "inferred_from",
    ]
    emit(records, [(f, f) for f in fields], fmt)


# --- demands -----------------------------------------------------------------------------------


@click.command(cls=BilingualCommand)
@click.option(
    "--by", "by", metavar="ACTOR", help="Nur Forderungen dieses Akteurs. / Only demands by ACTOR."
)
@click.option(
    "--to", "to", metavar="ACTOR", help="Nur Forderungen an diesen Akteur. / Only demands to ACTOR."
)
@_format_option
@table_options
@click.pass_obj
def demands(
    app: AppContext,
    by: str | None,
    to: str | None,
    fmt: str,
    wide: bool,
    all_rows: bool,
) -> None:
    """Forderungen und Positionen: wer, an wen, worüber, wann. / Demands and positions."""
    from govgraph.graph.answers import answers

    by_entity = _resolve(app, by) if by else None
    to_entity = _resolve(app, to) if to else None
    records = answers.demands(
        app.backend(),
        app.lang,
        by_entity.iri if by_entity else None,
        to_entity.iri if to_entity else None,
    )
    records = _noted(app, records, "iri")
    de = _de(app)
    if not records:
        parts = ["demands"]
        if by_entity:
            parts.append(f"--by {by_entity.label(app.lang)}")
        if to_entity:
            parts.append(f"--to {to_entity.label(app.lang)}")
        raise _nothing(" ".join(parts))
    if fmt == "table":
        emit(
            [
                {
                    **r,
                    "certainty": _certain(r),
                    "addressee": (
                        f"{r['addressee_certainty']}: {r['addressee']}"
                        if r["addressee_certainty"]
                        else r["addressee"]
                    ),
                }
                for r in records
            ],
            [
                ("actor", "von" if de else "By"),
                ("addressee", "an" if de else "To"),
                ("kind", "Art" if de else "Kind"),
                ("about", "worüber" if de else "About"),
                ("when", "wann" if de else "When"),
                ("certainty", "Gewissheit" if de else "Certainty"),
                ("quote", "Beleg" if de else "Quote"),
            ],
            fmt,
            layout(app.lang, wide, all_rows),
        )
        return
    fields = [
        "actor",
        "actor_iri",
        "addressee",
        "addressee_iri",
        "addressee_inferred",
        "addressee_certainty",
        "kind",
        "kind_iri",
        "about",
        "when",
        "from",
        "to",
        "certainty",
        "statement",
        "quote",
        "iri",
        "inferred_from",
    ]
    emit(records, [(f, f) for f in fields], fmt)


COMMANDS = [deadlines, demands]
