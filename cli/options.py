"""Option helpers shared by the commands.

The answer commands (who, what, deadlines, demands, show) take the same groups of options;
each group is one decorator here, and the larger ones hand the command one small object
(`Moment`, `ClaimFilter`, `Output`) instead of two or three loose arguments, so that the commands'
signatures do not repeat each other. The small builders (`date_option`, `choice_option`,
`flag_option`, `default_option`, …) give every command's options of one shape one declaration,
so that the same option reads and behaves alike across commands.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from govgraph.graph.i18n import bilingual

if TYPE_CHECKING:
    from .table import Layout

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def date_value(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """Click callback for date options: ISO, TT.MM.JJJJ, YYYY-MM, YYYY or heute/today.

    A bad date is one line naming the option, exit 2 (a UsageError, reported by cli.main.run).
    """
    from govgraph.graph.dates import parse_date
    from govgraph.graph.errors import UsageError

    if value is None:
        return None
    if value.strip().lower() in ("heute", "today"):
        # "today" is the day --today fixes (reproducible runs), else the real one.
        fixed = getattr(ctx.obj, "today", None)
        if isinstance(fixed, date):
            return fixed
    try:
        return parse_date(value)
    except UsageError as err:
        raise UsageError(f"{param.opts[0]}: {err}") from None


def end_value(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """Click callback for the end of a range: a year or month means its last day."""
    from govgraph.graph.dates import last_day
    from govgraph.graph.errors import UsageError

    if value is None or value.strip().lower() in ("heute", "today"):
        return date_value(ctx, param, value)
    try:
        return last_day(value)
    except UsageError as err:
        raise UsageError(f"{param.opts[0]}: {err}") from None


def date_option(*decls: str, help: str, **extra: Any) -> Decorator:
    """An option taking a DATE (as `date_value` reads it): --at, --from, --to, --today."""
    return click.option(*decls, callback=date_value, metavar="DATE", help=help, **extra)


def default_option(*decls: str, default: Any, help: str | None = None, **extra: Any) -> Decorator:
    """An option with a default, shown in the help so that nobody has to guess it."""
    return click.option(*decls, default=default, show_default=True, help=help, **extra)


def choice_option(
    *decls: str, choices: Sequence[str], help: str | None = None, default: str | None = None
) -> Decorator:
    """An option taking one of `choices`; a default, where there is one, is shown in the help."""
    if default is None:
        return click.option(*decls, type=click.Choice(choices), help=help)
    return default_option(*decls, type=click.Choice(choices), default=default, help=help)


def flag_option(*decls: str, help: str) -> Decorator:
    """An on/off option, off unless given."""
    return click.option(*decls, is_flag=True, help=help)


def output_file_value(ctx: click.Context, param: click.Parameter, value: str | None) -> Path | None:
    """A file name; `newdir/` (a folder, existing or not) is refused before anything is made,
    where Path("newdir/") would silently write a file called `newdir`."""
    if value is None:
        return None
    if value.endswith(("/", "\\")) or Path(value).is_dir():
        from govgraph.graph.errors import UsageError

        raise UsageError(f"{param.opts[-1]} {value}: {bilingual('curation.output.is_dir')}")
    return Path(value)


def output_file_option(help: str) -> Decorator:
    """`-o/--output FILE` (as `output`, a Path or None): where a picture or export is written."""
    return click.option("-o", "--output", metavar="FILE", callback=output_file_value, help=help)


def facts_option(help: str) -> Decorator:
    """`--facts edge|node`: facts as edges between actors, or as nodes of their own."""
    return choice_option("--facts", choices=["edge", "node"], default="edge", help=help)


def port_option(default: int, lowest: int = 1, help: str | None = None) -> Decorator:
    """`--port N` for a local server (0, where allowed, lets the system choose)."""
    return default_option("--port", type=click.IntRange(lowest, 65535), default=default, help=help)


def table_options(command):
    """`--table` (a grid instead of the readable layout), `--wide` (every column, every line)
    and `--all` (every row, entry and quote) for output to people."""
    command = click.option(
        "--table",
        "grid",
        is_flag=True,
        help=bilingual("answers.help.table"),
    )(command)
    command = click.option(
        "--all",
        "all_rows",
        is_flag=True,
        help=bilingual("cli.help.table.all"),
    )(command)
    return click.option(
        "--wide",
        is_flag=True,
        help=bilingual("cli.help.table.wide"),
    )(command)


def layout(lang: str, wide: bool, all_rows: bool) -> Layout:
    """The table layout the options ask for."""
    from .table import Layout

    return Layout(wide=wide, all_rows=all_rows, lang=lang)


def name_argument(name: str) -> Decorator:
    """An entity argument of one or more words: `show Steuerungsgruppe NOOTS` without quotes
    names one entity (the words are joined by single spaces)."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(command)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            kwargs[name] = " ".join(kwargs[name])
            return command(*args, **kwargs)

        wrapper.__click_params__ = list(getattr(command, "__click_params__", []))  # type: ignore[attr-defined]
        return click.argument(name, nargs=-1, required=True, metavar=name.upper())(wrapper)

    return decorate


def answer_command(argument: str) -> Decorator:
    """who and what: a command with one entity argument (one or more words), --at/--all-times,
    --source/--all-claims, --format and the table options; the function gets (app, argument,
    moment, claims, out)."""

    def decorate(function: Callable[..., Any]) -> click.Command:
        steps = (click.pass_obj, output_options(), claim_options, moment_options)
        for step in (*steps, name_argument(argument)):
            function = step(function)
        return click.command(cls=BilingualCommand)(function)

    return decorate


def _half(text: str | None, lang: str) -> str | None:
    """The German or English half of a "deutsch / English" text (whole if it has no halves)."""
    if not text or " / " not in text:
        return text
    de, en = text.split(" / ", 1)
    return en.strip() if lang == "en" else de.strip()


class BilingualCommand(click.Command):
    """A command whose help texts ("deutsch / English") show in the language of --lang only:
    `govgraph --lang en who --help` is English throughout, `govgraph who --help` German."""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = getattr(ctx.find_root().obj, "lang", "de")
        saved = (self.help, [getattr(p, "help", None) for p in self.params])
        self.help = _half(self.help, lang)
        for p in self.params:
            if isinstance(p, click.Option):
                p.help = _half(p.help, lang)
        try:
            super().format_help(ctx, formatter)
        finally:
            self.help = saved[0]
            for p, text in zip(self.params, saved[1], strict=True):
                if isinstance(p, click.Option):
                    p.help = text


FORMATS = ("table", "json", "csv", "tsv")
FORMAT_HELP = bilingual("cli.help.format")


def format_option(formats: tuple[str, ...] = FORMATS, help: str = FORMAT_HELP) -> Decorator:
    """`--format` (as `fmt`): a table for people, JSON, CSV or TSV for scripts."""
    return click.option(
        "--format", "fmt", type=click.Choice(formats), default="table", show_default=True, help=help
    )


def _folded(into: str, build: Callable[..., object], *options: Decorator) -> Decorator:
    """Add `options` (shown in this order) and hand their values to the command as one
    argument `into`, made by `build` from the options' values."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(command)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            values = {name: kwargs.pop(name) for name in names}
            return command(*args, **{into: build(**values)}, **kwargs)

        before = list(getattr(command, "__click_params__", []))
        wrapper.__click_params__ = list(before)  # type: ignore[attr-defined]
        for option in reversed(options):
            option(wrapper)
        names = [p.name for p in wrapper.__click_params__[len(before) :]]  # type: ignore[attr-defined]
        return wrapper

    return decorate


@dataclass(frozen=True)
class Moment:
    """The day an answer speaks of: `at` (None: today), or every period with `all_times`."""

    at: date | None
    all_times: bool

    def day(self, today: date) -> date | None:
        return None if self.all_times else (self.at or today)


@dataclass(frozen=True)
class ClaimFilter:
    """Which claims to show: only those of one source (`--source`), superseded ones too."""

    source: str | None
    all_claims: bool


@dataclass(frozen=True)
class Output:
    """How to print an answer: the format and, for tables, how much of them."""

    fmt: str
    wide: bool
    all_rows: bool
    grid: bool = False

    @property
    def readable(self) -> bool:
        """The readable layout (entries and evidence), not a grid and not for scripts."""
        return self.fmt == "table" and not (self.grid or self.wide)

    def layout(self, lang: str) -> Layout:
        return layout(lang, self.wide, self.all_rows)


def at_option(help: str) -> Decorator:
    """`--at DATE` (as `at`)."""
    return date_option("--at", "at", help=help)


moment_options = _folded(
    "moment",
    Moment,
    at_option(bilingual("cli.help.at")),
    flag_option("--all-times", help=bilingual("cli.help.all_times")),
)

claim_options = _folded(
    "claims",
    ClaimFilter,
    click.option(
        "--source",
        "source",
        metavar="NAME",
        help=bilingual("cli.help.source"),
    ),
    flag_option("--all-claims", help=bilingual("cli.help.all_claims")),
)


def output_options(formats: tuple[str, ...] = FORMATS, help: str = FORMAT_HELP) -> Decorator:
    """`--format` and the table options, handed to the command as one `out` (an Output)."""
    return _folded("out", Output, format_option(formats, help), table_options)
