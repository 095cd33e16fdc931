"""`govgraph validate`: a readable report, exit 0 conforms, 1 violations, 2 could not load."""

from __future__ import annotations

import click

from govgraph.graph.i18n import message

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
    from govgraph.graph.validation.checks import validate as run_validation

    lang = app.lang
    report = run_validation(app.selection)
    click.echo(message("cli.validate.files", lang, n=len(report.files)))
    for path in report.files:
        click.echo(f"  {path}")
    if not report.loaded:
        for problem in report.syntax:
            click.echo(str(problem), err=True)
        click.echo(message("cli.validate.unloadable", lang, n=len(report.syntax)), err=True)
        raise SystemExit(EXIT_UNLOADABLE)
    click.echo(message("cli.validate.triples", lang, n=report.triples))
    click.echo(message("cli.validate.quotes", lang, n=report.quotes_checked))
    click.echo(message("cli.validate.checks", lang, names=", ".join(report.checks)))
    if report.problems:
        for problem in report.problems:
            click.echo(str(problem), err=True)
        click.echo(message("cli.validate.problems", lang, n=len(report.problems)), err=True)
        raise SystemExit(EXIT_VIOLATIONS)
    click.echo(message("cli.validate.ok", lang))


COMMANDS = [validate]
