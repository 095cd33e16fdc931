"""`govgraph export`: the whole graph as Turtle, N-Triples, TriG or JSON-LD."""

from __future__ import annotations

from pathlib import Path

import click

from .context import AppContext


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "nt", "trig", "jsonld"]),
    default="ttl",
    show_default=True,
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Zieldatei (sonst Standardausgabe). / Output file (default: stdout).",
)
@click.pass_obj
def export(app: AppContext, fmt: str, output: Path | None) -> None:
    """Ontologie und Fakten exportieren. / Export ontology and facts."""
    from govgraph.graph.export import export_graph
    from govgraph.graph.files import write_atomic

    data = export_graph(app.backend(), fmt)
    if output is None:
        click.get_binary_stream("stdout").write(data)
    else:
        write_atomic(output, data)
        click.echo(f"{output}: {len(data)} bytes", err=True)


COMMANDS = [export]
