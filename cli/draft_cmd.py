"""`govgraph draft`: candidate facts of a new source, each with its verbatim quote."""

from __future__ import annotations

from pathlib import Path

import click

from govgraph.graph.i18n import bilingual

from .context import AppContext


@click.command()
@click.argument("source_name", metavar="SOURCE")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help=bilingual("cli.help.draft.output")
)
@click.option("--force", is_flag=True, help=bilingual("curation.help.force"))
@click.pass_obj
def draft(app: AppContext, source_name: str, output: Path | None, force: bool) -> None:
    """Kandidaten aus einer Quelle vorschlagen (Entwurf zur Prüfung).

    Propose candidates from SOURCE (its id in `govgraph source list`): known entities, new
    names, dates with precision, money and shares, and facts. Written as Turtle, every candidate
    marked draft, with its verbatim quote, locator and confidence. A draft that already holds
    review decisions is replaced only with --force, and then kept beside the new one.
    """
    from govgraph.graph.curation.curate import draft_candidates, write_draft
    from govgraph.graph.sources.library import Library

    library = Library()
    info = library.get(source_name)
    candidates = draft_candidates(library, info, app.selection)
    with library.lock():
        info = library.get(info.id, exact=True)  # removed meanwhile: one line, nothing written
        path, kept = write_draft(library, info, candidates, output, app.today, force)
    counts: dict[str, int] = {}
    for c in candidates:
        counts[c.kind] = counts.get(c.kind, 0) + 1
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    click.echo(f"{path}: {len(candidates)} {bilingual('cli.draft.candidates')} ({summary})")
    if kept is not None:
        click.echo(f"{bilingual('curation.draft.kept_as')} {kept}")


COMMANDS = [draft]
