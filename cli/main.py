"""The `govgraph` command: global options, the command list, and one-line errors."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from govgraph.graph import __version__
from govgraph.graph.errors import EXIT_DATA, GovgraphError
from govgraph.graph.i18n import bilingual

from .context import AppContext
from .options import choice_option, date_option, default_option, flag_option


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    help=bilingual("cli.help.cli", sep="\n\n"),
)
@click.version_option(__version__, prog_name="govgraph")
@click.option(
    "--data",
    "data",
    multiple=True,
    type=click.Path(path_type=Path),
    help=bilingual("cli.help.cli.data"),
)
@flag_option("--no-builtin", help=bilingual("cli.help.cli.no_builtin"))
@choice_option("--lang", choices=["de", "en"], default="de", help=bilingual("cli.help.cli.lang"))
@date_option("--today", help=bilingual("cli.help.cli.today"))
@click.option("--endpoint", metavar="URL", help=bilingual("cli.help.cli.endpoint"))
@default_option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=30.0,
    help=bilingual("cli.help.cli.timeout"),
)
@flag_option("--include-drafts", help=bilingual("cli.help.cli.include_drafts"))
@click.pass_context
def cli(
    ctx: click.Context,
    data: tuple[Path, ...],
    no_builtin: bool,
    lang: str,
    today,
    endpoint: str | None,
    timeout: float,
    include_drafts: bool,
) -> None:
    """The root command: global options and GOVGRAPH_* variables become the settings (read
    once, here) of the AppContext every command shares."""
    from govgraph.graph.settings import read

    settings = read(
        data=data,
        builtin=not no_builtin,
        lang=lang,
        today=today,
        endpoint=endpoint,
        timeout=timeout,
        include_drafts=include_drafts,
    )
    ctx.obj = AppContext(settings)


def _register() -> None:
    """Add the commands of every `cli/*_cmd.py` module (each lists them in COMMANDS).

    Command modules import heavy libraries only inside their functions, so listing them is cheap.
    """
    import importlib
    import pkgutil

    from govgraph import cli as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.endswith("_cmd"):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for command in module.COMMANDS:
                cli.add_command(command)


_register()


def run() -> None:
    """Console entry point: user errors become one line on stderr and an exit code."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo(f"govgraph: {bilingual('cli.aborted')}", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except click.exceptions.Exit as err:
        sys.exit(err.exit_code)
    except GovgraphError as err:
        click.echo(f"govgraph: {err}", err=True)
        sys.exit(err.exit_code)
    except KeyboardInterrupt:
        click.echo(f"govgraph: {bilingual('cli.interrupted')}", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except OSError as err:
        click.echo(f"govgraph: {err.filename or ''}: {err.strerror or err}", err=True)
        sys.exit(EXIT_DATA)
