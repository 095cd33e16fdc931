"""`govgraph demands`: demands and positions, by whom, to whom, about what. The answer comes
from graph/answers/questions.py; no SPARQL here."""

from __future__ import annotations

import click

from govgraph.graph.i18n import bilingual

from .answering import ask, columns, print_answer
from .context import AppContext
from .helptext import summary
from .options import BilingualCommand, ClaimFilter, Output, claim_options, output_options


@click.command(cls=BilingualCommand)
@click.option("--by", "by", metavar="ACTOR", help=bilingual("answers.help.demands.by"))
@click.option("--to", "to", metavar="ACTOR", help=bilingual("answers.help.demands.to"))
@claim_options
@output_options()
@click.pass_obj
@summary("answers.help.demands")
def demands(
    app: AppContext, by: str | None, to: str | None, claims: ClaimFilter, out: Output
) -> None:
    from govgraph.graph.answers import questions

    answer = questions.demands(app.backend(), ask(app, None, claims), by, to)
    grid = columns(
        app.lang,
        "actor:by",
        "addressee:to",
        "kind",
        "about",
        "when:demand_when",
        "certainty",
        "quote",
    )
    print_answer(app, answer, out, grid)


COMMANDS = [demands]
