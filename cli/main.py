"""The `govgraph` command: global options, the command list, and one-line errors."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import click

from govgraph.graph import __version__
from govgraph.graph.errors import EXIT_DATA, GovgraphError
from govgraph.graph.i18n import bilingual

from .context import AppContext
from .options import choice_option, date_option, default_option, flag_option

# The module (cli/NAME.py) of each command. A command's module is imported when that command
# runs (or `--help` lists them all): `govgraph who` need not import the other twenty, ~7 ms of
# every start. tests/test_cli_basics.py checks this against each module's COMMANDS.
COMMAND_MODULES = {
    "cache": "cache_cmd",
    "conflicts": "sources_cmd",
    "deadlines": "deadlines_cmd",
    "demands": "demands_cmd",
    "diff": "diff_cmd",
    "draft": "draft_cmd",
    "export": "export_cmd",
    "path": "path_cmd",
    "push": "push_cmd",
    "queries": "query_cmd",
    "query": "query_cmd",
    "review": "review_cmd",
    "search": "search_cmd",
    "serve": "serve_cmd",
    "show": "show_cmd",
    "source": "source_cmd",
    "sources": "sources_cmd",
    "stats": "stats_cmd",
    "timeline": "viz_cmd",
    "validate": "validate_cmd",
    "viz": "viz_cmd",
    "web": "web_cmd",
    "what": "what_cmd",
    "who": "who_cmd",
}


class _Commands(dict):
    """The group's commands, each read from its module when first asked for by name."""

    def __missing__(self, name: str) -> click.Command:
        if name not in COMMAND_MODULES:
            raise KeyError(name)
        module = importlib.import_module(f"{__package__}.{COMMAND_MODULES[name]}")
        for command in module.COMMANDS:
            self.setdefault(command.name, command)
        return self[name]


class LazyGroup(click.Group):
    """A click group whose commands are imported one module at a time, when used."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.commands = _Commands(self.commands)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMAND_MODULES, *dict.keys(self.commands)})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        try:
            return self.commands[cmd_name]
        except KeyError:
            return None


@click.group(
    cls=LazyGroup,
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
