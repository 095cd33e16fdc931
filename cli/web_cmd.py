"""`govgraph web`: the read-only web face for policy staff, served on 127.0.0.1 by default."""

from __future__ import annotations

import click

from govgraph.graph.i18n import bilingual

from .context import AppContext
from .helptext import summary
from .options import default_option, flag_option, port_option

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command("web")
@default_option("--host", default="127.0.0.1", help=bilingual("cli.help.web.host"))
@port_option(8000, lowest=0, help=bilingual("cli.help.web.port"))
@flag_option("--open", "open_browser", help=bilingual("cli.help.web.open"))
@flag_option("--no-cache", help=bilingual("cli.help.web.no_cache"))
@click.pass_obj
@summary("cli.help.web")
def web(app: AppContext, host: str, port: int, open_browser: bool, no_cache: bool) -> None:
    """
    \b
    govgraph web --open
    govgraph --lang en web --port 8080
    """
    from dataclasses import replace

    from govgraph.web.server import serve

    # The same settings as every command (files, library, language, endpoint); --today (or
    # GOVGRAPH_TODAY) fixes the day, otherwise each request uses the real today.
    pages = 0 if no_cache else app.settings.cache_pages
    settings = replace(app.settings, host=host, port=port, cache_pages=pages)
    serve(settings, host, port, open_browser, announce=lambda line: click.echo(line, err=True))


COMMANDS = [web]
