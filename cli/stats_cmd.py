"""`govgraph stats`: how much the graph holds, per class."""

from __future__ import annotations

import click

from govgraph.graph.i18n import bilingual, message

from .context import AppContext
from .output import emit

_FORMATS = click.Choice(["table", "json", "csv", "tsv"])


@click.command(help=bilingual("cli.help.stats"))
@click.option("--format", "fmt", type=_FORMATS, default="table", show_default=True)
@click.pass_obj
def stats(app: AppContext, fmt: str) -> None:
    """Counts per class, facts, evidence."""
    from govgraph.graph.answers.stats import graph_stats

    summary, classes = graph_stats(app.backend(), app.lang)
    lang = app.lang
    if fmt == "json":
        import json

        click.echo(
            json.dumps({"summary": summary, "classes": classes}, ensure_ascii=False, indent=2)
        )
        return
    if fmt == "table":
        for key, value in summary.items():
            click.echo(f"{message(f'cli.stats.{key}', lang):<22} {value}")
        click.echo()
    emit(
        classes,
        [(k, message(f"cli.stats.{k}", lang)) for k in ("class", "label", "count")],
        fmt,
    )


COMMANDS = [stats]
