"""`govgraph diff`: what the library's sources added, corroborated or contradicted."""

from __future__ import annotations

import json

import click

from govgraph.graph.i18n import bilingual

from .context import AppContext
from .output import one_line


@click.command()
@click.option("--since", metavar="SOURCE|DATE", help="Ab Quelle (Id) oder Datum (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_obj
def diff(app: AppContext, since: str | None, fmt: str) -> None:
    """Was neue Quellen geändert haben: neue Entitäten, Fakten, Belege, Daten, Konflikte.

    What the library's sources (all, or from SOURCE or DATE on) added, corroborated, changed or
    contradicted, compared with the graph without them. Only reviewed facts count.
    """
    from govgraph.graph.curation.diff import compute
    from govgraph.graph.sources.library import Library

    result = compute(Library(), app.selection, since)
    if fmt == "json":
        click.echo(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        return
    headings = [
        ("new-entity", bilingual("cli.diff.new_entity")),
        ("new-fact", bilingual("cli.diff.new_fact")),
        ("corroboration", bilingual("cli.diff.corroboration")),
        ("changed-date", bilingual("cli.diff.changed_date")),
        ("conflict", bilingual("cli.diff.conflict")),
    ]
    click.echo(bilingual("cli.diff.sources") + ": " + (", ".join(result.sources) or "–"))
    for kind, heading in headings:
        rows = result.of(kind)
        click.echo(f"\n{heading}: {len(rows)}")
        for c in rows:
            extra = f" – {c.detail}" if c.detail else ""
            click.echo(f"  • {one_line(c.label)} [{c.source}]{extra}")


COMMANDS = [diff]
