"""`govgraph what ACTOR`: what an actor is responsible for, funds, belongs to, demanded. The
answer comes from graph/answers/questions.py; this module only reads the options and prints it."""

from __future__ import annotations

from .answering import ask, columns, print_answer
from .context import AppContext
from .helptext import summary
from .options import ClaimFilter, Moment, Output, answer_command


@answer_command("actor")
@summary("answers.help.what")
def what(app: AppContext, actor: str, moment: Moment, claims: ClaimFilter, out: Output) -> None:
    from govgraph.graph.answers import questions

    answer = questions.what(app.backend(), actor, ask(app, moment, claims))
    grid = columns(
        app.lang,
        "relation_label:relation",
        "object",
        "role",
        "period",
        "certainty",
        "via",
        "sources_text:source",
        "quote",
    )
    print_answer(app, answer, out, grid)


COMMANDS = [what]
