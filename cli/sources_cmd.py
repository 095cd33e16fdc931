"""Sources and where they disagree: `govgraph sources`, `govgraph conflicts`, a source's card.

No SPARQL here: the records come from graph/sources/claims.py.
"""

from __future__ import annotations

import json

import click

from govgraph.graph.i18n import bilingual, message

from .answering import ask, columns, print_answer
from .context import AppContext
from .options import BilingualCommand, ClaimFilter, Moment, Output, at_option, output_options
from .output import clean, emit


@click.command(cls=BilingualCommand, help=bilingual("cli.help.sources"))
@output_options()
@click.pass_obj
def sources(app: AppContext, out: Output) -> None:
    """The graph's source documents."""
    from govgraph.graph.answers import questions

    answer = questions.sources(app.backend(), ask(app))
    fields = ("short_name", "kind", "issued", "version", "facts", "quotes", "title")
    print_answer(app, answer, out, [(k, message(f"cli.sources.{k}", app.lang)) for k in fields])


def source_named(app: AppContext, name: str) -> dict | None:
    """The source whose short name or IRI is exactly `name` (show prefers it to an entity)."""
    from govgraph.graph.sources.claims import source_by_name

    return source_by_name(app.backend(), app.lang, name)


def print_source(app: AppContext, record: dict, fmt: str) -> None:
    """One source's card: its record and the facts that rest on it (`govgraph show SOURCE`)."""
    from govgraph.graph.sources.claims import facts_of_source

    facts = facts_of_source(app.backend(), app.lang, record["iri"])
    if fmt == "json":
        click.echo(json.dumps({**record, "supports": facts}, ensure_ascii=False, indent=2))
        return
    if fmt in ("csv", "tsv"):
        emit(facts, [(k, k) for k in ("kind", "statement", "locator", "iri")], fmt)
        return
    lang = app.lang
    lines = [clean(record["short_name"] or record["title"]), "=" * 20]
    keys = ("title", "kind", "publisher", "issued", "version", "in_force", "url", "licence")
    for key in (*keys, "language", "file", "sha256", "iri"):
        if record.get(key):
            label = message(f"cli.source_card.{key}", lang)
            lines.append(f"  {label}: {clean(str(record[key]))}")
    lines += ["", message("cli.source_card.supports", lang, n=len(facts))]
    for fact in facts:
        where = f" ({fact['locator']})" if fact["locator"] else ""
        lines.append(f"  • [{fact['kind']}] {clean(fact['statement'])}{where}")
    click.echo("\n".join(lines))


@click.command(cls=BilingualCommand, help=bilingual("cli.help.conflicts"))
@click.argument("about", nargs=-1, metavar="[NAME]")
@click.option("--source", "source", metavar="NAME", help=bilingual("answers.help.conflicts.source"))
@at_option(bilingual("answers.help.conflicts.at"))
@output_options()
@click.pass_obj
def conflicts(app: AppContext, about: tuple[str, ...], source: str | None, at, out: Output) -> None:
    """Source conflicts; with a NAME (one or more words) those an answer about it rests on."""
    from govgraph.graph.answers import questions

    question = ask(app, Moment(at, False), ClaimFilter(source, False))
    answer = questions.conflicts(app.backend(), question, " ".join(about) or None)
    fields = ("conflict", "mark:state", "source", "locator", "claim", "quote")
    print_answer(app, answer, out, columns(app.lang, *fields))


COMMANDS = [sources, conflicts]
