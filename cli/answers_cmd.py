"""Questions policy staff ask: search, who, what (show: show_cmd.py; deadlines and demands:
dates_cmd.py).

Each command resolves its entity arguments, calls graph/answers and prints the records as a
table (sized to the terminal), JSON or CSV; cli/answering.py holds what they share. No SPARQL here.
"""

from __future__ import annotations

import click

from govgraph.graph.answers.records import WhatRow, WhoRow

from .answering import answer, certain, columns, csv_columns, nothing, percent
from .context import AppContext
from .helptext import summary
from .options import BilingualCommand, ClaimFilter, Moment, Output, answer_command, output_options
from .output import emit, emit_grouped

# --- search ------------------------------------------------------------------------------------


@click.command(cls=BilingualCommand)
@click.argument("text")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@output_options()
@click.pass_obj
@summary("answers.help.search")
def search(app: AppContext, text: str, limit: int, out: Output) -> None:
    # help: the catalogue's "de / en" line (BilingualCommand shows the half of --lang)
    from govgraph.graph.answers.rows import search as find

    rows = find(app.backend(), app.lang, text, limit)
    if not rows:
        raise nothing(f"search {text!r}")
    headers = columns(app.lang, "label", "type", "other_labels", "match", "iri")
    emit(rows, headers, out.fmt, out.layout(app.lang))


# --- who / what --------------------------------------------------------------------------------


@answer_command("subject")
@summary("answers.help.who")
def who(app: AppContext, subject: str, moment: Moment, claims: ClaimFilter, out: Output) -> None:
    from govgraph.graph.answers import ranking

    records = answer(app, subject, moment, out.fmt, ranking.who_ranked, "who", "fact_iri", claims)
    if out.fmt != "table":
        emit(records, csv_columns(WhoRow.CSV), out.fmt)  # grouped already: direct rows first
        return
    rows = [_shown(r, app.lang) for r in records]
    titles = ranking.group_titles(app.lang)
    groups = [(titles[g], [r for r in rows if r.group == g]) for g in titles]
    headers = columns(
        app.lang, "actor", "role", "certainty", "period", "via", "sources_text:source", "quote"
    )
    emit_grouped(groups, headers, out.fmt, out.layout(app.lang))


@answer_command("actor")
@summary("answers.help.what")
def what(app: AppContext, actor: str, moment: Moment, claims: ClaimFilter, out: Output) -> None:
    from govgraph.graph.answers import rows as answers

    records = answer(app, actor, moment, out.fmt, answers.involvement, "what", "item_iri", claims)
    if out.fmt != "table":
        emit(records, csv_columns(WhatRow.CSV), out.fmt)
        return
    rows = [
        _shown(r, app.lang).updated(
            object=r.object + (f" ({r.counterpart})" if r.counterpart else "")
        )
        for r in records
    ]
    headers = columns(
        app.lang,
        "relation_label:relation",
        "object",
        "role",
        "period",
        "certainty",
        "via",
        "sources_text:source",
        "quote",
    )
    emit(rows, headers, out.fmt, out.layout(app.lang))


def _shown(row: WhoRow | WhatRow, lang: str):
    """A row as a table shows it: the share beside the role, the note beside the certainty."""
    role = " ".join(filter(None, (row.role, percent(row.share, lang))))
    return row.updated(role=role, certainty=certain(row))


COMMANDS = [search, who, what]
