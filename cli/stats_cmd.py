"""`govgraph stats`: how much the graph holds, per class."""

from __future__ import annotations

import click

from .context import AppContext
from .output import emit

_FORMATS = click.Choice(["table", "json", "csv", "tsv"])


@click.command()
@click.option("--format", "fmt", type=_FORMATS, default="table", show_default=True)
@click.pass_obj
def stats(app: AppContext, fmt: str) -> None:
    """Zahlen zum Graphen: je Klasse, Aussagen, Belege. / Counts per class, facts, evidence."""
    from govgraph.graph.answers.stats import graph_stats

    summary, classes = graph_stats(app.backend(), app.lang)
    de = app.lang == "de"
    if fmt == "json":
        import json

        click.echo(
            json.dumps({"summary": summary, "classes": classes}, ensure_ascii=False, indent=2)
        )
        return
    if fmt == "table":
        names = {
            "triples": ("Tripel", "triples"),
            "actors": ("Akteure", "actors"),
            "works": ("Gegenstände", "subjects"),
            "events": ("Ereignisse", "events"),
            "topics": ("Themen", "topics"),
            "facts": ("Aussagen", "facts"),
            "evidence": ("Belege", "evidence"),
            "quotes": ("verschiedene Zitate", "distinct quotes"),
            "sources": ("Quellen", "sources"),
        }
        for key, value in summary.items():
            click.echo(f"{names[key][0 if de else 1]:<22} {value}")
        click.echo()
    emit(
        classes,
        [
            ("class", "Klasse" if de else "class"),
            ("label", "Bezeichnung" if de else "label"),
            ("count", "Anzahl" if de else "count"),
        ],
        fmt,
    )


COMMANDS = [stats]
