"""`govgraph path A B`: how two entities are connected. The answer comes from
graph/answers/questions.py; this module reads the options, hands it the network projection
(graph/views, which the answers layer may not import) and prints the `Answer`."""

from __future__ import annotations

import click

from govgraph.graph.i18n import bilingual

from .answering import ask, columns, print_answer
from .context import AppContext
from .helptext import summary
from .options import BilingualCommand, Moment, Output, date_option, default_option, output_options


@click.command("path", cls=BilingualCommand)
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@default_option(
    "--max", "limit", type=click.IntRange(min=1), default=5, help=bilingual("cli.help.path.max")
)
@date_option("--at", help=bilingual("cli.help.path.at"))
@output_options()
@click.pass_obj
@summary("cli.help.path")
def path(app: AppContext, a: str, b: str, limit: int, at, out: Output) -> None:
    """
    \b
    govgraph path RegMo MASTD
    """
    from govgraph.graph.answers import questions
    from govgraph.graph.views.network import project

    backend = app.backend()

    def network(day):
        return project(backend, app.lang, "edge", day)

    answer = questions.path(backend, a, b, ask(app, Moment(at, False)), network, limit)
    print_answer(app, answer, out, columns(app.lang, "length", "text:chain"))


COMMANDS = [path]
