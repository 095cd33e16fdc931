"""Plain-text tables that fit the terminal: words wrap whole, long cells end in an ellipsis.

Policy staff read answers in an ordinary terminal, often through a pager. A table that splits
"Bildungsministerium" into "Bildungsmini / sterium" or runs to 700 lines is unreadable, so by
default every cell gets at most a few lines, columns that do not fit are left out (named in a
last line) and long answers stop after about one screen with a line saying how many rows
remain. `wide` shows every column and every line; `all_rows` every row.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass

ELLIPSIS = "…"
GAP = "  "
CELL_LINES = 2  # lines a cell may take in the compact table
WORD_CAP = 16  # a column never needs to be wider than this to keep a word whole
SCREEN_LINES = 34  # table lines (header included) shown by default: one screen with the heading


@dataclass(frozen=True)
class Layout:
    """How much of a table to show: all columns and lines (`wide`), all rows (`all_rows`)."""

    wide: bool = False
    all_rows: bool = False
    full_cells: bool = False  # every column and character (tables of other commands)
    width: int | None = None
    lang: str = "de"
    max_lines: int = SCREEN_LINES


def terminal_width() -> int:
    return shutil.get_terminal_size((100, 40)).columns


def wrap(text: str, width: int, max_lines: int | None) -> list[str]:
    """Lines of at most `width` characters, broken between words only (never at a hyphen).

    A single word longer than the column is cut and marked with an ellipsis; so is the last
    line when the text needs more than `max_lines` lines.
    """
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        if len(word) > width:
            word = word[: width - 1] + ELLIPSIS
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if max_lines is not None and len(lines) > max_lines:
        kept = lines[:max_lines]
        last = kept[-1]
        while len(last) + 1 > width and " " in last:
            last = last.rsplit(" ", 1)[0]
        if len(last) + 1 > width:
            last = last[: width - 1]
        kept[-1] = last + ELLIPSIS
        return kept
    return lines or [""]


def _longest_word(texts: Sequence[str]) -> int:
    return max((len(w) for t in texts for w in t.split()), default=0)


def _widths(headers: list[str], cells: list[list[str]], budget: int, cap: int) -> list[int]:
    """Column widths: natural width where it fits; otherwise the widest columns shrink first,
    but never below their longest word (up to `cap`) so that words stay whole."""
    natural = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    # The first column names the row (actor, relation, date): its words are never cut.
    caps = [max(cap, 30) if i == 0 else cap for i in range(len(headers))]
    floor = [
        min(natural[i], max(_longest_word([h]), min(caps[i], _longest_word([c[i] for c in cells]))))
        for i, h in enumerate(headers)
    ]
    widths = list(natural)
    while sum(widths) + len(GAP) * (len(widths) - 1) > budget:
        shrinkable = [i for i, w in enumerate(widths) if w > floor[i]]
        if not shrinkable:
            break
        i = max(shrinkable, key=lambda k: widths[k] - floor[k] / 2)
        widths[i] -= 1
    return widths


def _fits(widths: list[int], budget: int) -> bool:
    return sum(widths) + len(GAP) * (len(widths) - 1) <= budget


def _more_line(hidden_rows: int, hidden_columns: list[str], lang: str) -> list[str]:
    """The notes under a shortened table: how many rows and which columns are not shown."""
    from govgraph.graph.i18n import message

    out = []
    if hidden_rows:
        out.append(message("answers.table_more_rows", lang, mark=ELLIPSIS, count=hidden_rows))
    if hidden_columns:
        names = ", ".join(hidden_columns)
        out.append(message("answers.table_more_columns", lang, mark=ELLIPSIS, names=names))
    return out


def render(cells: list[list[str]], headers: list[str], layout: Layout) -> str:
    """The table text for already cleaned cell strings (one list per row)."""
    if not cells:
        return ""
    if layout.full_cells and not layout.wide:
        return _every_character(cells, headers, layout.width or terminal_width())
    width = layout.width or terminal_width()
    columns = list(range(len(headers)))
    cap = 10**6 if layout.wide else WORD_CAP
    widths = _widths(headers, cells, width, cap)
    hidden: list[str] = []
    compact = not (layout.wide or layout.full_cells)
    # Compact: leave out the last columns while even whole words do not fit.
    while compact and len(columns) > 1 and not _fits(widths, width):
        hidden.insert(0, headers[columns[-1]])
        columns = columns[:-1]
        widths = _widths(
            [headers[i] for i in columns], [[c[i] for i in columns] for c in cells], width, cap
        )
    shown_headers = [headers[i] for i in columns]
    head = [wrap(h, w, None) for h, w in zip(shown_headers, widths, strict=True)]
    lines = _join(head, widths)
    lines.append(GAP.join("-" * w for w in widths))
    limit = CELL_LINES if compact else None
    shown = 0
    for row in cells:
        parts = [wrap(row[i], w, limit) for i, w in zip(columns, widths, strict=True)]
        block = _join(parts, widths)
        if not layout.all_rows and shown and len(lines) + len(block) > layout.max_lines:
            break
        lines += block
        shown += 1
    for note in _more_line(len(cells) - shown, hidden, layout.lang):
        lines += wrap(note, width, None)
    return "\n".join(lines)


def _join(parts: list[list[str]], widths: list[int]) -> list[str]:
    height = max(len(p) for p in parts)
    return [
        GAP.join(
            (p[n] if n < len(p) else "").ljust(w) for p, w in zip(parts, widths, strict=True)
        ).rstrip()
        for n in range(height)
    ]


def _every_character(cells: list[list[str]], headers: list[str], width: int) -> str:
    """Tables of other commands (query results full of IRIs) keep every character and every
    row: the widest columns shrink to fit, a long name breaks after a hyphen or anywhere."""
    import textwrap

    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    budget = width - len(GAP) * (len(widths) - 1)
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
    lines = [GAP.join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append(GAP.join("-" * w for w in widths))
    for row in cells:
        parts = [textwrap.wrap(c, w) or [""] for c, w in zip(row, widths, strict=True)]
        lines += _join(parts, widths)
    return "\n".join(lines)
