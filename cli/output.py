"""Render rows for people (tables sized to the terminal) and for scripts (JSON, CSV, TSV)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Sequence

import click

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Text safe for a terminal: no control characters or direction overrides, one line."""
    return _CONTROL.sub("", str(text).replace("\r", " ").replace("\n", " "))


def csv_safe(text: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas; prefix them."""
    text = str(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _short(value: object) -> str:
    """IRIs of the known vocabularies as prefixed names (`ggd:mastd`): tables are for reading;
    JSON and CSV keep the full IRI."""
    text = str(value)
    if text.startswith(("http://", "https://")) and " " not in text:
        from govgraph.graph.namespaces import compact

        return compact(text)
    return text


def table(rows: Sequence[dict[str, str]], columns: Sequence[tuple[str, str]]) -> str:
    """A plain-text table; the widest columns shrink and wrap to fit the terminal."""
    if not rows:
        return ""
    width = shutil.get_terminal_size((120, 24)).columns
    headers = [h for _, h in columns]
    cells = [[clean(_short(r.get(k, ""))) for k, _ in columns] for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    budget = width - 2 * (len(widths) - 1)
    # Shrink the widest column first, but keep short columns (up to 20 characters) whole and
    # the others as wide as their longest word (up to 24), so that words wrap whole; cut words
    # only if the terminal is too narrow for that.
    words = [
        widths[i]
        if widths[i] <= 20
        else min(24, max(len(h), *(len(w) for c in cells for w in c[i].split() or [""])))
        for i, h in enumerate(headers)
    ]
    for floor in (words, [12] * len(widths)):
        while sum(widths) > budget:
            shrinkable = [i for i, w in enumerate(widths) if w > floor[i]]
            if not shrinkable:
                break
            i = max(shrinkable, key=lambda k: widths[k])
            widths[i] -= 1

    def wrap(text: str, w: int) -> list[str]:
        import textwrap

        return textwrap.wrap(text, w, break_long_words=True) or [""]

    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        parts = [wrap(c, w) for c, w in zip(row, widths, strict=True)]
        for n in range(max(len(p) for p in parts)):
            lines.append(
                "  ".join(
                    (p[n] if n < len(p) else "").ljust(w)
                    for p, w in zip(parts, widths, strict=True)
                ).rstrip()
            )
    return "\n".join(lines)


def delimited(rows: Sequence[dict[str, str]], fields: Sequence[str], delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(fields)
    for r in rows:
        writer.writerow([csv_safe(r.get(f, "")) for f in fields])
    return buffer.getvalue()


def emit(rows: Sequence[dict], columns: Sequence[tuple[str, str]], fmt: str) -> None:
    """Print rows in the chosen format; `columns` are (field name, header) pairs."""
    fields = [k for k, _ in columns]
    if fmt == "json":
        click.echo(json.dumps(list(rows), ensure_ascii=False, indent=2))
    elif fmt in ("csv", "tsv"):
        click.echo(delimited(rows, fields, "," if fmt == "csv" else "\t"), nl=False)
    else:
        click.echo(table(rows, columns))
