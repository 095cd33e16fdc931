"""`govgraph search`: entities whose labels match, best first. No SPARQL here."""

from __future__ import annotations

import click

from .answering import columns, no_results
from .context import AppContext
from .helptext import summary
from .options import BilingualCommand, Output, name_argument, output_options
from .output import emit


@click.command(cls=BilingualCommand)
@name_argument("text")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@output_options()
@click.pass_obj
@summary("answers.help.search")
def search(app: AppContext, text: str, limit: int, out: Output) -> None:
    # help: the catalogue's "de / en" line (BilingualCommand shows the half of --lang)
    from govgraph.graph.answers.rows import search as find

    rows = find(app.backend(), app.lang, text, limit)
    if not rows:
        raise no_results(f"search {text!r}")
    headers = columns(app.lang, "label", "type", "other_labels", "match", "iri")
    emit(rows, headers, out.fmt, out.layout(app.lang))


COMMANDS = [search]
