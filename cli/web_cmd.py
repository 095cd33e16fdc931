"""`govgraph web`: the read-only web face for policy staff, served on 127.0.0.1 by default."""

from __future__ import annotations

from datetime import date

import click

from .context import AppContext

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command("web")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Adresse; nur lokal erreichbar, solange nicht geändert. / Bind address (local only).",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port (0 = einen freien wählen). / Port (0 = any free one).",
)
@click.option(
    "--open", "open_browser", is_flag=True, help="Im Browser öffnen. / Open it in the browser."
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Fertige Seiten nicht zwischenspeichern. / Do not keep finished pages in memory.",
)
@click.pass_obj
def web(app: AppContext, host: str, port: int, open_browser: bool, no_cache: bool) -> None:
    """Weboberfläche starten (nur lesend). / Start the read-only web face.

    \b
    govgraph web --open
    govgraph --lang en web --port 8080
    """
    from govgraph.web.graph import Settings
    from govgraph.web.server import serve

    settings = Settings(
        selection=app.selection,  # the same files as every command (with the source library)
        lang=app.lang,
        # --today (or GOVGRAPH_TODAY) fixes the day; otherwise each request uses the real today
        today=app.today if app.today != date.today() else None,
        endpoint=app.endpoint,
        timeout=app.timeout,
        cache_pages=0 if no_cache else Settings.cache_pages,
    )
    serve(settings, host, port, open_browser, announce=lambda line: click.echo(line, err=True))


COMMANDS = [web]
