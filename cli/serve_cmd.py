"""`govgraph serve`: a local SPARQL server (Oxigraph) with the graph loaded, until Ctrl-C."""

from __future__ import annotations

import signal
from pathlib import Path

import click

from govgraph.graph.i18n import bilingual

from .context import AppContext
from .helptext import summary
from .options import flag_option, port_option


@click.command("serve")
@port_option(7878)
@click.option(
    "--location",
    type=click.Path(file_okay=False, path_type=Path),
    help=bilingual("cli.help.serve.location"),
)
@flag_option("--read-write", help=bilingual("cli.help.serve.read_write"))
@click.pass_obj
@summary("cli.help.serve")
def serve(app: AppContext, port: int, location: Path | None, read_write: bool) -> None:
    """
    Loads ontology and facts (and --data) into Oxigraph, prints the query URL and serves
    until Ctrl-C. Read-only unless --read-write.
    """
    from govgraph.graph.publish.serve import start

    server, triples = start(app.selection, port, location, read_write)
    stopping = {"signal": False}

    def on_signal(signum, frame) -> None:
        stopping["signal"] = True
        server.process.terminate()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        mode = bilingual("cli.serve.read_write" if read_write else "cli.serve.read_only")
        click.echo(f"{triples} {bilingual('cli.serve.triples')}, {mode}")
        click.echo(server.query_url)
        click.echo(
            f"  govgraph --endpoint {server.query_url} query …   ({bilingual('cli.serve.ctrl_c')})",
            err=True,
        )
        code = server.process.wait()
    finally:
        server.stop()
        for s, handler in previous.items():
            signal.signal(s, handler)
    if not stopping["signal"] and code != 0:
        from govgraph.graph.errors import RemoteError

        detail = server.process.stderr.read() if server.process.stderr else ""
        raise RemoteError(f"oxigraph server exited with {code}: {' '.join(detail.split())[:300]}")


COMMANDS = [serve]
