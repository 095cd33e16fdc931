"""Option helpers shared by the commands."""

from __future__ import annotations

from datetime import date

import click


def date_value(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """Click callback for date options: ISO, TT.MM.JJJJ, YYYY-MM, YYYY or heute/today.

    A bad date is one line naming the option, exit 2 (a UsageError, reported by cli.main.run).
    """
    from govgraph.graph.answers.dates import parse_date
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


def table_options(command):
    """`--wide` (every column, every line) and `--all` (every row) for table output."""
    command = click.option(
        "--all",
        "all_rows",
        is_flag=True,
        help="Alle Zeilen der Tabelle zeigen. / Show every row of the table.",
    )(command)
    return click.option(
        "--wide",
        is_flag=True,
        help="Alle Spalten und ganze Zellen zeigen. / Show every column and whole cells.",
    )(command)


def layout(lang: str, wide: bool, all_rows: bool):
    """The table layout the options ask for."""
    from .table import Layout

    return Layout(wide=wide, all_rows=all_rows, lang=lang)


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
