"""An `Answer` as a person reads it in a terminal: one entry per actor or item, its roles on
one line, the evidence on indented full-width lines below (source, locator, quote in whole
words), overruled claims marked as such, and a line saying what more `--all` shows.

Nothing is cut inside a word or a name: lines break between words, long quotes end at a
sentence or word boundary with "…" (graph/answers/excerpt.py).
"""

from __future__ import annotations

import re
import textwrap

from govgraph.graph.answers.excerpt import excerpt
from govgraph.graph.answers.model import Answer, Entry, Evidence
from govgraph.graph.answers.wording import TOGETHER, cited, overruled_text
from govgraph.graph.i18n import message

from .output import clean

INDENT = "  "
DEEP = "      "
SCREEN = 60  # lines of groups shown before "… N more entries: --all" (about one screen)
EVIDENCE = 3  # evidence lines per entry before "--all"
BACKGROUND = ("derived", "other")  # groups a `who` answer folds into the closing line
FOLDED = ("who", "what", "deadlines", "demands")  # answers cut at about a screen


# Words that belong on one line (wording.TOGETHER), and a cut mark after its word.
_TOGETHER = re.compile(TOGETHER + r"|\S+ …")
_KEEP = "\u00a0"  # textwrap breaks only at ASCII whitespace


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    kept = _TOGETHER.sub(lambda m: m.group(0).replace(" ", _KEEP), clean(text))
    lines = textwrap.wrap(
        kept,
        width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]
    return [line.replace(_KEEP, " ") for line in lines]


def evidence_line(ev: Evidence) -> str:
    where = cited(ev.source, ev.locator)
    quote = f"»{excerpt(ev.quote)}«"
    return f"{where}: {quote}" if where else quote


def _unbroken(text: str, names: tuple[str, ...], width: int) -> str:
    """`text` with each of `names` that fits a line kept on one (longest first)."""
    for name in sorted(names, key=len, reverse=True):
        if len(name) <= width - len(DEEP):
            text = text.replace(name, name.replace(" ", _KEEP))
    return text


def entry_lines(
    entry: Entry,
    width: int,
    lang: str,
    every: bool,
    names: tuple[str, ...] = (),
    evidence: int = EVIDENCE,
) -> list[str]:
    """The entry's lines: its head, notes, up to `evidence` quotes (all with `every`), how many
    more there are, and the claims it overrules."""
    name = f"{entry.name} ({entry.long_name})" if entry.long_name else entry.name
    head = _unbroken(
        name + (" — " + "; ".join(entry.details) if entry.details else ""), names, width
    )
    lines = _wrap(head, width, INDENT, DEEP)
    if entry.notes:
        lines += _wrap("(" + "; ".join(entry.notes) + ")", width, DEEP, DEEP)
    for line in entry.lines:
        lines += _wrap(line, width, DEEP, DEEP)
    shown = entry.evidence if every else entry.evidence[:evidence]
    for ev in shown:
        lines += _wrap(evidence_line(ev), width, DEEP, DEEP)
    if len(shown) < len(entry.evidence):
        more = message("answers.more_evidence", lang, count=len(entry.evidence) - len(shown))
        lines += _wrap(more, width, DEEP, DEEP)
    for o in entry.overruled:
        lines += _wrap(overruled_text(o, lang), width, DEEP, DEEP)
    return lines


def _fewest_lines(entry: Entry) -> int:
    """A lower bound of len(entry_lines(entry, …, evidence=1)), the shortest an entry is shown
    when folded: each wrapped part is at least one line."""
    shown = min(len(entry.evidence), 1)
    return (
        1
        + bool(entry.notes)
        + len(entry.lines)
        + shown
        + (shown < len(entry.evidence))
        + len(entry.overruled)
    )


def render(answer: Answer, width: int, lang: str, every: bool = False) -> str:
    """The answer as text `width` columns wide; `every` shows all entries and evidence."""
    width = max(width, 40)
    out = _wrap(answer.title, width, "", "")
    pointers = [f"({h.command})" for h in answer.hints if h.kind == "conflicts"]
    if answer.stats:
        out += _wrap(" ".join([" · ".join(answer.stats), *pointers]), width, "", "")
    if answer.note:
        out += _wrap(answer.note, width, "", "")
    # Only the long answers fold at about a screen; a conflict, a source list or a chain is
    # read whole (folding the overruled side of a conflict would hide what it is about).
    budget = SCREEN if answer.question in FOLDED else 10**6
    hidden = 0
    folded = answer.question == "who" and not every
    for group in answer.groups:
        if (
            folded
            and group.key in BACKGROUND
            and any(g.key not in BACKGROUND for g in answer.groups)
        ):
            hidden += len(group.entries)
            continue
        block = ["", *_wrap(_unbroken(group.title, group.names, width), width, "", INDENT)]
        if group.note:
            block += _wrap(group.note, width, INDENT, INDENT)
        shown = 0
        for entry in group.entries:
            # An entry that cannot fit even at its fewest lines is hidden unwrapped: at 1M
            # triples 28,000 entries wrapped only to be counted took most of the answer's time.
            if not every and shown and budget - len(block) - _fewest_lines(entry) < 0:
                hidden += 1
                continue
            lines = entry_lines(entry, width, lang, every, group.names)
            if not every and shown and budget - len(block) - len(lines) < 0:
                # Near the end of the screen an entry keeps its head and first quote rather
                # than giving its place to a shorter one after it.
                lines = entry_lines(entry, width, lang, every, group.names, evidence=1)
            if not every and shown and budget - len(block) - len(lines) < 0:
                hidden += 1
                continue
            block += lines
            shown += 1
        if shown:  # overruled claims beside entries shown only
            for o in group.overruled:
                block += _wrap(overruled_text(o, lang), width, INDENT, DEEP)
            out += block
            budget -= len(block)
    if hidden:
        out += ["", clean(message("answers.more_entries", lang, count=hidden))]
    for hint in answer.hints:
        if hint.kind != "conflicts":
            command = hint.command.replace(" ", _KEEP)  # a command is typed whole: one line
            out += _wrap(f"{hint.text}: {command}", width, "", "")
    return "\n".join(out)
