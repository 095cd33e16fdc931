"""`govgraph cache info|clear`: the persisted stores that make repeated commands fast."""

from __future__ import annotations

import click

from govgraph.graph.i18n import bilingual


@click.group("cache", help=bilingual("cli.help.cache"))
def cache() -> None:
    """The graph's store cache."""


@cache.command("info", help=bilingual("cli.help.cache.info"))
def cache_info() -> None:
    """Location, stores and size."""
    from datetime import datetime

    from govgraph.graph.store.cache import info

    details = info()
    click.echo(f"{details.root}")
    for path, size, used in details.stores:
        when = datetime.fromtimestamp(used).strftime("%Y-%m-%d %H:%M")
        click.echo(f"  {path.name}  {size / 1e6:8.1f} MB  {when}")
    click.echo(f"Stores: {len(details.stores)}")


@cache.command("clear", help=bilingual("cli.help.cache.clear"))
def cache_clear() -> None:
    """Remove every cached store."""
    from govgraph.graph.store.cache import clear

    click.echo(f"{clear()} {bilingual('cli.cache.removed')}")


COMMANDS = [cache]
