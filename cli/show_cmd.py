"""`govgraph show`: an entity's card (or a source's), as text, JSON or CSV. No SPARQL here: the
card comes from graph/answers/card.py, its status from graph/answers/status.py."""

from __future__ import annotations

import json
import shutil
import textwrap
from datetime import date

import click

from govgraph.graph.dates import long_day
from govgraph.graph.i18n import bilingual, message

from .answering import ask, percent, resolve
from .context import AppContext
from .helptext import summary
from .options import (
    BilingualCommand,
    ClaimFilter,
    Moment,
    at_option,
    claim_options,
    format_option,
    name_argument,
)
from .output import clean, emit


@click.command(cls=BilingualCommand)
@name_argument("entity")
@at_option(bilingual("answers.help.show.at"))
@claim_options
@format_option()
@click.pass_obj
@summary("answers.help.show")
def show(app: AppContext, entity: str, at: date | None, claims: ClaimFilter, fmt: str) -> None:
    from govgraph.graph.errors import NotFoundError
    from govgraph.graph.sources.claims import find_source

    from .sources_cmd import print_source, source_named

    record = source_named(app, entity)
    if record is not None:
        print_source(app, record, fmt)
        return
    try:
        found = resolve(app, entity)
    except NotFoundError:
        record = find_source(app.backend(), app.lang, entity)  # a title word, or the error
        print_source(app, record, fmt)
        return
    from govgraph.graph.answers.questions import card as entity_card

    card = entity_card(app.backend(), found.iri, ask(app, Moment(at, False), claims))
    if fmt == "json":
        click.echo(json.dumps(card, ensure_ascii=False, indent=2))
        return
    if fmt in ("csv", "tsv"):
        fields = ("section", "key", "value", "iri")
        emit(_card_lines(card), [(f, f) for f in fields], fmt)
        return
    click.echo(_card_text(card, app.lang))


def _line(section: str, key: str, value: object, iri: object) -> dict[str, object]:
    return {"section": section, "key": key, "value": value, "iri": iri}


def _card_lines(card: dict) -> list[dict[str, object]]:
    """The card as section/key/value/IRI lines, for CSV and TSV."""
    lines = [_line("entity", "type", card["type"], card["type_iri"])]
    lines += [
        _line("entity", f"label@{lang}", v, card["iri"]) for lang, v in card["labels"].items()
    ]
    lines += [_line("entity", "alt_label", alt, card["iri"]) for alt in card["alt_labels"]]
    lines.append(_line("entity", "definition", card["definition"], ""))
    for group in card["relations"]:
        section = f"relation_{group['direction']}"
        lines += [_line(section, group["property"], t["label"], t["iri"]) for t in group["targets"]]
    for fact in card["facts"]:
        lines.append(_line("fact", fact["role"] or fact["type"], fact["statement"], fact["iri"]))
    for ev in card["evidence"]:
        lines.append(_line("evidence", ev["source"], ev["quote"], ev["source_iri"]))
    return lines


def _card_text(card: dict, lang: str) -> str:
    """The card for reading: names, type, status on the day, relations, facts, evidence."""
    width = max(60, min(shutil.get_terminal_size((100, 24)).columns, 120))

    def para(label: str, value: str, indent: str = "  ") -> list[str]:
        return textwrap.wrap(
            clean(value),
            width,
            initial_indent=f"{indent}{label}",
            subsequent_indent=indent + "    ",
            break_long_words=False,
            break_on_hyphens=False,  # never "NOOTS-" / "Staatsvertrag"
        ) or [f"{indent}{label}"]

    title = card["labels"].get(lang) or next(iter(card["labels"].values()), card["iri"])
    out = [clean(title), "=" * min(len(title), width)]
    level = message("answers.card_level", lang, level=card["level"]) if card["level"] else ""
    out += para(message("answers.card_type", lang), card["type"] + level)
    for label_lang, label in sorted(card["labels"].items()):
        out += para(f"{label_lang}: ", label)
    if card["alt_labels"]:
        out += para(message("answers.card_also", lang), ", ".join(card["alt_labels"]))
    if card["definition"]:
        out += para("Definition: ", card["definition"])
    out += para("IRI: ", card["iri"])
    out += _status_lines(card, lang, para)
    if card["relations"]:
        out += ["", message("answers.card_relations", lang)]
        for group in card["relations"]:
            arrow = "→ " if group["direction"] == "out" else "← "
            targets = ", ".join(t["label"] for t in group["targets"])
            out += para(f"{arrow}{group['property']}: ", targets)
    if card["facts"]:
        out += ["", message("answers.card_facts", lang)]
        for fact in card["facts"]:
            role = fact["role"] + (
                f" {percent(fact['share'], lang)}" if fact["share"] is not None else ""
            )
            head = f"[{fact['type']}{' – ' + role if role else ''}] "
            tail = f" ({fact['period']})" if fact["period"] else ""
            marks = [fact.get("sources", "")]
            if fact.get("claim_state"):
                marks.append(f"{fact['certainty']}: {fact['rule']}")
            marks += [f"{message('answers.card_disputed', lang)}: {c}" for c in fact["conflicts"]]
            tail += "".join(f" [{m}]" for m in marks if m)
            out += para("• " + head, fact["statement"] + tail)
    if card["evidence"]:
        out += ["", message("answers.card_evidence", lang)]
        for ev in card["evidence"]:
            out += para("» ", ev["quote"] + "«" + (f" – {ev['source']}" if ev["source"] else ""))
    return "\n".join(out)


def _status_lines(card: dict, lang: str, para) -> list[str]:
    """The status on the card's day, with since when and on what it rests."""
    status = card.get("status")
    if not status:
        return []
    day = long_day(date.fromisoformat(card["as_of"]), lang)
    since = message("answers.card_since", lang, since=status["since"]) if status["since"] else ""
    where = ", ".join(filter(None, (status["sources"], status["locators"])))
    return para(
        message("answers.card_status", lang, day=day),
        f"{status['status']}{since}" + (f" ({where})" if where else ""),
    )


COMMANDS = [show]
