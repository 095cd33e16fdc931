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
    from govgraph.graph.errors import DataError, UsageError
    from govgraph.graph.files import is_regular_or_new

    if void and (output is None or fmt not in RDF_FORMATS):
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
        from govgraph.graph.views.network import project
        from govgraph.graph.views.network_export import export_network, to_csv

        g = project(app.backend(), app.lang, facts)
        if fmt == "csv":
            if output is None:
                raise UsageError(f"csv: {bilingual('cli.export.csv_needs_output')}")
            if not is_regular_or_new(output):  # -o /dev/full: never files beside a device
                raise UsageError(f"{output}: {bilingual('curation.output.csv_needs_file')}")
            paths = csv_paths(output)
            tables = to_csv(g)
            write_together(list(zip(paths, tables, strict=True)))
            for path, table in zip(paths, tables, strict=True):
                click.echo(f"{path}: {len(table)} bytes", err=True)
            return
        data = export_network(g, fmt)
    if output is None:
        try:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            raise
        except OSError as err:
            raise DataError(f"stdout: {err.strerror or err}") from None
        return
    files = [(output, data)]
    if void and fmt in RDF_FORMATS:
        from govgraph.graph.publish.void import void_path, void_turtle

        # The description is made before anything is written: a failure leaves no export.
        files.append((void_path(output), void_turtle(app.backend(), output.name, fmt)))
    write_together(files)
    click.echo(f"{output}: {len(data)} bytes", err=True)
    if len(files) > 1:
        click.echo(f"{files[1][0]}: VoID/DCAT", err=True)


def write_together(files: list[tuple[Path, bytes]]) -> None:
    """Write every file or none: a failure puts back what the earlier ones replaced."""
    from govgraph.graph.files import output_target, write_atomic

    done: list[tuple[Path, bytes | None]] = []
    try:
        for path, data in files:
            target = output_target(path)
            old = target.read_bytes() if target.is_file() else None
            write_atomic(path, data)
            done.append((path, old))
    except BaseException:
        for path, old in reversed(done):
            if old is None:
                output_target(path).unlink(missing_ok=True)
            else:
                write_atomic(path, old)
        raise


COMMANDS = [export]
