"""`govgraph push`: upload ontology and facts to a SPARQL server, all or nothing."""

from __future__ import annotations

import sys

import click

from govgraph.graph.i18n import bilingual, message

from .context import AppContext
from .helptext import summary


@click.command("push")
@click.option("--endpoint", "endpoint", metavar="URL", help=bilingual("cli.help.push.endpoint"))
@click.option("--graph", metavar="IRI", help=bilingual("cli.help.push.graph"))
@click.option("--store-url", metavar="URL", help="Graph-Store-Protocol-URL (sonst abgeleitet).")
@click.option("--update-url", metavar="URL", help="SPARQL-Update-URL (sonst abgeleitet).")
@click.pass_obj
@summary("cli.help.push")
def push(
    app: AppContext,
    endpoint: str | None,
    graph: str | None,
    store_url: str | None,
    update_url: str | None,
) -> None:
    """
    Uploads into a staging graph, checks the triple count, then swaps it into the target graph
    with one update: a failed push leaves the old data on the server intact. HTTP basic auth
    comes from GOVGRAPH_USER and GOVGRAPH_PASSWORD.
    """
    from govgraph.graph.errors import UsageError
    from govgraph.graph.publish.push import derive_targets, graph_iri
    from govgraph.graph.publish.push import push as run_push

    endpoint = endpoint or app.endpoint
    if not endpoint:
        raise UsageError(f"push: --endpoint URL {bilingual('cli.push.no_endpoint')}")
    targets = derive_targets(endpoint, store_url, update_url)
    progress = None
    if sys.stderr.isatty():

        def progress(message: str) -> None:
            click.echo(
                f"\r\033[K{message}",
                err=True,
                nl=message.startswith("upload 100") or not message.startswith("upload"),
            )

    report = run_push(app.selection, targets, graph_iri(graph), app.timeout, progress)
    lang = app.lang
    where = f"<{report.graph}>" if report.graph else message("cli.push.default_graph", lang)
    click.echo(
        message(
            "cli.push.done",
            lang,
            sent=report.sent,
            where=where,
            on_server=report.on_server,
            url=targets.query_url,
        )
    )


COMMANDS = [push]
