"""`govgraph export`: the whole graph as RDF (Turtle, N-Triples, TriG, N-Quads, JSON-LD) or as a
network for Gephi and Cytoscape (GraphML, GEXF, CSV). TriG and N-Quads keep one named graph per
source, for loading into a triple store with its bulk loader."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from govgraph.graph.i18n import bilingual

from .context import AppContext
from .options import choice_option, facts_option, flag_option, output_file_option

RDF_FORMATS = ["ttl", "nt", "trig", "nq", "jsonld"]
DATASET_FORMATS = ["trig", "nq"]
NETWORK_FORMATS = ["graphml", "gexf", "csv"]


def csv_paths(output: Path) -> tuple[Path, Path]:
    """`-o net.csv` (or `-o net`) -> net-nodes.csv and net-edges.csv beside it."""
    stem = output.name[: -len(".csv")] if output.name.lower().endswith(".csv") else output.name
    return output.with_name(f"{stem}-nodes.csv"), output.with_name(f"{stem}-edges.csv")


@click.command("export", help=bilingual("cli.help.export"))
@choice_option(
    "--format",
    "fmt",
    choices=RDF_FORMATS + NETWORK_FORMATS,
    default="ttl",
    help=bilingual("cli.help.export.format"),
)
@output_file_option(bilingual("cli.help.export.output"))
@facts_option(bilingual("cli.help.export.facts"))
@flag_option("--void", "void", help=bilingual("cli.help.export.void"))
@click.pass_obj
def export(app: AppContext, fmt: str, output: Path | None, facts: str, void: bool) -> None:
    """Export ontology and facts."""
    from govgraph.graph.files import write_atomic

    if void and (output is None or fmt not in RDF_FORMATS):
        from govgraph.graph.errors import UsageError

        raise UsageError(f"--void: {bilingual('cli.export.void_needs_rdf')}")
    if fmt in DATASET_FORMATS and app.endpoint is None:
        from govgraph.graph.publish.export import export_dataset
        from govgraph.graph.store.resources import vocabulary_files

        data = export_dataset(app.selection.files(), vocabulary_files(), fmt)
    elif fmt in RDF_FORMATS:
        # From an endpoint the files are unknown: the dataset formats hold its triples in the
        # default graph.
        from govgraph.graph.publish.export import export_graph

        data = export_graph(app.backend(), fmt)
    else:
        from govgraph.graph.errors import UsageError
        from govgraph.graph.views.network import project
        from govgraph.graph.views.network_export import export_network, to_csv

        g = project(app.backend(), app.lang, facts)
        if fmt == "csv":
            if output is None:
                raise UsageError(f"csv: {bilingual('cli.export.csv_needs_output')}")
            for path, table in zip(csv_paths(output), to_csv(g), strict=True):
                write_atomic(path, table)
                click.echo(f"{path}: {len(table)} bytes", err=True)
            return
        data = export_network(g, fmt)
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        write_atomic(output, data)
        click.echo(f"{output}: {len(data)} bytes", err=True)
        if void and fmt in RDF_FORMATS:
            from govgraph.graph.publish.void import void_path, void_turtle

            description = void_path(output)
            write_atomic(description, void_turtle(app.backend(), output.name, fmt))
            click.echo(f"{description}: VoID/DCAT", err=True)


COMMANDS = [export]
