"""What the answer commands (who, what, show, deadlines, demands, search) share: asking a
question of graph/answers, printing its `Answer` for people or scripts, words for days and
shares, empty answers.

One module so that every answer is printed the same way. No SPARQL here: the answers come
from graph/answers/questions.py.
"""

from __future__ import annotations

from collections.abc import Sequence

import click

from govgraph.graph.answers.model import Answer
from govgraph.graph.answers.records import AnswerRow
from govgraph.graph.i18n import message

from .context import AppContext
from .options import ClaimFilter, Moment, Output
from .output import clean


def ask(app: AppContext, moment: Moment | None = None, claims: ClaimFilter | None = None):
    """The way a question is asked from the command line (language, days, source filter)."""
    from govgraph.graph.answers.questions import Ask

    return Ask(
        lang=app.lang,
        today=app.today,
        at=moment.at if moment else None,
        all_times=moment.all_times if moment else False,
        source=claims.source if claims else None,
        all_claims=claims.all_claims if claims else False,
    )


def resolve(app: AppContext, text: str):
    """The entity a user named (label, short form or IRI); NotFoundError lists candidates."""
    from govgraph.graph.answers.questions import resolve as find

    return find(app.backend(), text, app.lang)


def claims_index(app: AppContext, source: str | None):
    """The claims index and the IRI of the source named by `--source`, if any."""
    from govgraph.graph.answers.claims import claims_for

    return claims_for(app.backend(), app.lang, source)


def print_answer(
    app: AppContext, answer: Answer, out: Output, grid: list[tuple[str, str]] | None = None
) -> None:
    """An answer as people read it (entries with evidence), as a grid (`--table`, with the
    `grid` columns), or every row with every field for scripts (JSON, CSV, TSV)."""
    from .output import emit

    if out.fmt != "table":
        emit(answer.records(), csv_columns(answer.columns), out.fmt)
        return
    if out.readable:
        from .answer_text import render
        from .table import terminal_width

        click.echo(render(answer, terminal_width(), app.lang, every=out.all_rows))
        return
    heading(out.fmt, " ".join(filter(None, (answer.title, answer.note))))
    rows = [shown(r, app.lang, answer.overruled_quotes) for r in answer.rows]
    headers = grid or csv_columns(answer.columns)
    if rows and all(r.get("group") for r in rows):  # who: stated, derived, other apart
        from govgraph.graph.answers.ranking import group_titles

        from .output import emit_grouped

        groups = [
            (t, [r for r in rows if r.get("group") == g]) for g, t in group_titles(app.lang).items()
        ]
        emit_grouped(groups, headers, out.fmt, out.layout(app.lang))
        return
    emit(rows, headers, out.fmt, out.layout(app.lang))


def shown(row: AnswerRow, lang: str, overruled: frozenset[str] = frozenset()) -> AnswerRow:
    """A row as a grid shows it: the share beside the role, the note beside the certainty,
    and no quote of an overruled claim in its evidence (unless the row is that claim)."""
    changes: dict[str, object] = {"certainty": certainty_cell(row)}
    if overruled and not row.get("claim_state") and row.get("quote"):
        parts = str(row.get("quote")).split(" […] ")
        changes["quote"] = " […] ".join(p for p in parts if p not in overruled)
    if row.get("addressee_certainty"):  # demands: to whom it goes is the curator's reading
        changes["addressee"] = f"{row.get('addressee_certainty')}: {row.get('addressee')}"
    if "role" in row.keys():
        changes["role"] = " ".join(
            filter(None, (str(row.get("role")), percent(row.get("share"), lang)))
        )
    return row.updated(**changes) if isinstance(row, AnswerRow) else row


def certainty_cell(record: AnswerRow) -> str:
    """The certainty cell of a table: an inferred row says from what."""
    note = record.get("inferred_from")
    return f"{record.get('certainty', '')}: {note}" if note else str(record.get("certainty", ""))


def percent(share: float | None, lang: str = "de") -> str:
    """A share (0.5) as a percentage ("50 %"), with the decimal sign of the language."""
    from govgraph.graph.answers.building import percent as words

    return words(share, lang)


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


def no_results(what: str):
    """The error for an empty answer, naming the command and what it was asked (exit 1)."""
    from govgraph.graph.answers.rows import NoResults

    lang = getattr(click.get_current_context().obj, "lang", "de")
    return NoResults(what, lang)
