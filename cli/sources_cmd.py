"""Sources and where they disagree: `govgraph sources`, `govgraph conflicts`, a source's card.

No SPARQL here: the records come from graph/sources/claims.py.
"""

from __future__ import annotations

import json

import click

from govgraph.graph.i18n import bilingual, message

from .context import AppContext
from .options import format_option
from .output import clean, emit


@click.command(help=bilingual("cli.help.sources"))
@format_option()
@click.pass_obj
def sources(app: AppContext, fmt: str) -> None:
    """The graph's source documents."""
    from govgraph.graph.sources.claims import source_records

    records = source_records(app.backend(), app.lang)
    if fmt != "table":
        emit(records, [(k, k) for k in (records[0] if records else {"iri": ""})], fmt)
        return
    columns = ("short_name", "kind", "issued", "version", "facts", "quotes", "title")
    emit(records, [(k, message(f"cli.sources.{k}", app.lang)) for k in columns], fmt)


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


@click.command(help=bilingual("cli.help.conflicts"))
@click.option("--source", "source", metavar="NAME", help="Nur Widersprüche mit dieser Quelle.")
@format_option()
@click.pass_obj
def conflicts(app: AppContext, source: str | None, fmt: str) -> None:
    """Source conflicts."""
    from govgraph.graph.answers.rows import NoResults
    from govgraph.graph.sources.claims import conflict_records, find_source

    source_iri = find_source(app.backend(), app.lang, source)["iri"] if source else None
    records = conflict_records(app.backend(), app.lang, source_iri)
    if not records:
        raise NoResults("conflicts")
    lang = app.lang
    if fmt != "table":
        emit(records, [(k, k) for k in records[0]], fmt)
        return
    current = None
    for r in records:
        if r["conflict_iri"] != current:
            current = r["conflict_iri"]
            click.echo(f"\n{clean(r['conflict'])}  [{r['aspect']}]")
            click.echo(f"  {message('cli.conflicts.rule', lang)}: {r['rule']} – {clean(r['why'])}")
        mark = message(
            "cli.conflicts.follows" if r["follows"] else "cli.conflicts.superseded", lang
        )
        click.echo(f"  {mark}  {r['source']} {r['locator']}: {clean(r['claim'])}")
        click.echo(f"      »{clean(r['quote'])}«")


COMMANDS = [sources, conflicts]
