"""Sources and where they disagree: `govgraph sources`, `govgraph conflicts`, a source's card.

No SPARQL here: the records come from graph/sources/claims.py.
"""

from __future__ import annotations

import json

import click

from .context import AppContext
from .options import format_option
from .output import clean, emit


@click.command()
@format_option()
@click.pass_obj
def sources(app: AppContext, fmt: str) -> None:
    """Quellen des Graphen mit Art, Stand und Zahl der Aussagen. / The graph's source documents."""
    from govgraph.graph.sources.claims import source_records

    records = source_records(app.backend(), app.lang)
    de = app.lang == "de"
    if fmt != "table":
        emit(records, [(k, k) for k in (records[0] if records else {"iri": ""})], fmt)
        return
    emit(
        records,
        [
            ("short_name", "Kurzname" if de else "Short name"),
            ("kind", "Art" if de else "Kind"),
            ("issued", "ausgefertigt/erschienen" if de else "Issued"),
            ("version", "Stand" if de else "Version"),
            ("facts", "Aussagen" if de else "Facts"),
            ("quotes", "Zitate" if de else "Quotes"),
            ("title", "Titel" if de else "Title"),
        ],
        fmt,
    )


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
    de = app.lang == "de"
    lines = [clean(record["short_name"] or record["title"]), "=" * 20]
    labels = [
        ("title", "Titel", "Title"),
        ("kind", "Art", "Kind"),
        ("publisher", "Herausgeber", "Publisher"),
        ("issued", "ausgefertigt/erschienen", "Issued"),
        ("version", "Stand der Fassung", "Version used"),
        ("in_force", "Inkrafttreten", "In force"),
        ("url", "URL", "URL"),
        ("licence", "Lizenz", "Licence"),
        ("language", "Sprache", "Language"),
        ("file", "Datei", "File"),
        ("sha256", "SHA-256", "SHA-256"),
        ("iri", "IRI", "IRI"),
    ]
    for key, label_de, label_en in labels:
        if record.get(key):
            lines.append(f"  {label_de if de else label_en}: {clean(str(record[key]))}")
    lines += ["", (f"Stützt {len(facts)} Aussagen" if de else f"Supports {len(facts)} facts")]
    for fact in facts:
        where = f" ({fact['locator']})" if fact["locator"] else ""
        lines.append(f"  • [{fact['kind']}] {clean(fact['statement'])}{where}")
    click.echo("\n".join(lines))


@click.command()
@click.option("--source", "source", metavar="NAME", help="Nur Widersprüche mit dieser Quelle.")
@format_option()
@click.pass_obj
def conflicts(app: AppContext, source: str | None, fmt: str) -> None:
    """Wo Quellen sich widersprechen, welcher der Graph folgt und warum. / Source conflicts."""
    from govgraph.graph.answers.answers import NoResults
    from govgraph.graph.sources.claims import conflict_records, find_source

    source_iri = find_source(app.backend(), app.lang, source)["iri"] if source else None
    records = conflict_records(app.backend(), app.lang, source_iri)
    if not records:
        raise NoResults("conflicts")
    de = app.lang == "de"
    if fmt != "table":
        emit(records, [(k, k) for k in records[0]], fmt)
        return
    current = None
    for r in records:
        if r["conflict_iri"] != current:
            current = r["conflict_iri"]
            click.echo(f"\n{clean(r['conflict'])}  [{r['aspect']}]")
            click.echo(f"  {'Regel' if de else 'Rule'}: {r['rule']} – {clean(r['why'])}")
        mark = (
            ("✓ gilt" if de else "✓ follows")
            if r["follows"]
            else ("✗ überholt" if de else "✗ superseded")
        )
        click.echo(f"  {mark}  {r['source']} {r['locator']}: {clean(r['claim'])}")
        click.echo(f"      »{clean(r['quote'])}«")


COMMANDS = [sources, conflicts]
