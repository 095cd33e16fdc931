"""`govgraph validate`: a readable report, exit 0 conforms, 1 violations, 2 could not load."""

from __future__ import annotations

import click

from .context import AppContext

EXIT_VIOLATIONS = 1
EXIT_UNLOADABLE = 2


@click.command()
@click.pass_obj
def validate(app: AppContext) -> None:
    """Graph prüfen: Syntax, SHACL-Formen, Belegzitate, Datumsangaben, Verweise.

    Check the graph: syntax, SHACL shapes, evidence quotes, dates, links.
    Exit code 0: conforms; 1: problems found; 2: a file could not be loaded.
    """
    from govgraph.graph.store.validation import validate as run_validation

    de = app.lang == "de"
    report = run_validation(app.selection)
    click.echo(("Dateien" if de else "Files") + f": {len(report.files)}")
    for path in report.files:
        click.echo(f"  {path}")
    if not report.loaded:
        for problem in report.syntax:
            click.echo(str(problem), err=True)
        click.echo(
            ("Nicht ladbar" if de else "Could not load") + f": {len(report.syntax)}", err=True
        )
        raise SystemExit(EXIT_UNLOADABLE)
    click.echo(("Tripel" if de else "Triples") + f": {report.triples}")
    click.echo(("Geprüfte Zitate" if de else "Quotes checked") + f": {report.quotes_checked}")
    click.echo(("Prüfungen" if de else "Checks") + f": {', '.join(report.checks)}")
    if report.problems:
        for problem in report.problems:
            click.echo(str(problem), err=True)
        click.echo(("Probleme" if de else "Problems") + f": {len(report.problems)}", err=True)
        raise SystemExit(EXIT_VIOLATIONS)
    click.echo("OK: " + ("Der Graph ist gültig." if de else "The graph conforms."))


COMMANDS = [validate]
