"""Render rows for people (tables sized to the terminal) and for scripts (JSON, CSV, TSV)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence

import click

from govgraph.graph.answers.records import TypedRow, as_json

from .table import Layout, render, terminal_width, wrap

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Text safe for a terminal: no control characters or direction overrides, one line."""
    return _CONTROL.sub("", str(text).replace("\r", " ").replace("\n", " "))


def csv_safe(text: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas; prefix them."""
    text = str(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def one_line(text: str, width: int = 90) -> str:
    """A candidate's label or quote on one terminal line (review, diff): spaces folded, cut at
    `width` with "…" (the full text is in the draft file)."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _short(value: object) -> str:
    """IRIs of the known vocabularies as prefixed names (`ggd:mastd`): tables are for reading;
    JSON and CSV keep the full IRI."""
    text = str(value)
    if text.startswith(("http://", "https://")) and " " not in text:
        from govgraph.graph.namespaces import compact

        return compact(text)
    return text


def table(
    rows: Sequence[dict[str, str]],
    columns: Sequence[tuple[str, str]],
    layout: Layout | None = None,
) -> str:
    """A plain-text table sized to the terminal (see cli/table.py); "" for no rows."""
    cells = [[clean(_short(_blank(r.get(k)))) for k, _ in columns] for r in rows]
    return render(cells, [h for _, h in columns], layout or Layout(all_rows=True, full_cells=True))


def _blank(value: object) -> object:
    """No value is an empty cell, never the word None."""
    return "" if value is None else value


def delimited(rows: Sequence[dict[str, str]], fields: Sequence[str], delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(fields)
    for r in rows:
        writer.writerow([csv_safe(_blank(r.get(f))) for f in fields])
    return buffer.getvalue()


Rows = Sequence[TypedRow | Mapping[str, object]]


def emit(
    rows: Rows,
    columns: Sequence[tuple[str, str]],
    fmt: str,
    layout: Layout | None = None,
) -> None:
    """Print rows (answer records or plain dicts) in the chosen format; `columns` are (field
    name, header) pairs. Only the table is shortened (`layout`); JSON, CSV and TSV always carry
    every row, JSON each row whole with the keys of its `to_json()`."""
    fields = [k for k, _ in columns]
    rows = [as_json(r) for r in rows]
    if fmt == "json":
        click.echo(json.dumps(list(rows), ensure_ascii=False, indent=2))
    elif fmt in ("csv", "tsv"):
        click.echo(delimited(rows, fields, "," if fmt == "csv" else "\t"), nl=False)
    else:
        click.echo(table(rows, columns, layout))


def emit_grouped(
    groups: Sequence[tuple[str, Rows]],
    columns: Sequence[tuple[str, str]],
    fmt: str,
    layout: Layout | None = None,
) -> None:
    """Rows in titled groups, each title with its count; scripts get one flat list (the
    records carry their group). The screen budget of the layout is shared by the groups."""
    flat = [r for _, rows in groups for r in rows]
    if fmt != "table":
        emit(flat, columns, fmt, layout)
        return
    import dataclasses

    layout = layout or Layout()
    budget = layout.max_lines
    shown = [(t, rows) for t, rows in groups if rows]
    for n, (title, rows) in enumerate(shown):
        share = max(6, budget // (len(shown) - n))
        text = table(rows, columns, dataclasses.replace(layout, max_lines=share))
        heading = wrap(clean(f"{title} ({len(rows)})"), layout.width or terminal_width(), None)
        block = [*heading, *text.splitlines()]
        click.echo("\n".join(block))
        if n < len(shown) - 1:
            click.echo()
        budget -= len(block) + 1
