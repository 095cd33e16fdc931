"""`govgraph who SUBJECT`: who is responsible for a subject. The answer comes from
graph/answers/questions.py; this module only reads the options and prints it."""

from __future__ import annotations

from .answering import ask, columns, print_answer
from .context import AppContext
from .helptext import summary
from .options import ClaimFilter, Moment, Output, answer_command


@answer_command("subject")
@summary("answers.help.who")
def who(app: AppContext, subject: str, moment: Moment, claims: ClaimFilter, out: Output) -> None:
    from govgraph.graph.answers import questions

    answer = questions.who(app.backend(), subject, ask(app, moment, claims))
    grid = columns(
        app.lang, "actor", "role", "certainty", "period", "via", "sources_text:source", "quote"
    )
    print_answer(app, answer, out, grid)


COMMANDS = [who]
