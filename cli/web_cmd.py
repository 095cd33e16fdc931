"""`govgraph web`: the read-only web face for policy staff, served on 127.0.0.1 by default."""

from __future__ import annotations

import click

from govgraph.graph.i18n import bilingual

from .context import AppContext
from .helptext import summary
from .options import default_option, flag_option, port_option

# The SPARQL page's own queries stop sooner than the answers' (at most this, or --timeout).
SPARQL_SECONDS = 10.0


@click.command("web")
@default_option("--host", default="127.0.0.1", help=bilingual("cli.help.web.host"))
@port_option(8000, lowest=0, help=bilingual("cli.help.web.port"))
@flag_option("--open", "open_browser", help=bilingual("cli.help.web.open"))
@flag_option("--no-cache", help=bilingual("cli.help.web.no_cache"))
@default_option(
    "--workers", type=click.IntRange(1, 16), default=1, help=bilingual("cli.help.web.workers")
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help=bilingual("cli.help.web.allow_host"),
)
@click.pass_obj
@summary("cli.help.web")
def web(
    app: AppContext,
    host: str,
    port: int,
    open_browser: bool,
    no_cache: bool,
    workers: int,
    allow_hosts: tuple[str, ...],
) -> None:
    """
    \b
    govgraph web --open
    govgraph --lang en web --port 8080
    govgraph web --host 0.0.0.0 --allow-host govgraph.intranet.example
    govgraph web --workers 2
    """
    from dataclasses import replace

    from govgraph.web.server import serve

    # The same settings as every command (files, library, language, endpoint); --today (or
    # GOVGRAPH_TODAY) fixes the day, otherwise each request uses the real today.
    pages = 0 if no_cache else app.settings.cache_pages
    sparql = min(SPARQL_SECONDS, app.settings.timeout)
    settings = replace(app.settings, host=host, port=port, cache_pages=pages, sparql_timeout=sparql)
    announce = lambda line: click.echo(line, err=True)  # noqa: E731
    serve(settings, host, port, open_browser, announce, allow_hosts, workers)


COMMANDS = [web]
