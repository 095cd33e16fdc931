"""`govgraph review`: a person accepts or rejects the candidates of a draft."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click

from govgraph.graph.i18n import bilingual

from .context import AppContext
from .output import one_line


@click.command()
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--accept", "accept", multiple=True, metavar="ID", help="Annehmen (Nummer).")
@click.option("--reject", "reject", multiple=True, metavar="ID", help="Ablehnen (Nummer).")
@click.option("--list", "show", is_flag=True, help=bilingual("cli.help.review.list"))
@click.option(
    "--map", "mapped", multiple=True, metavar="N=ENTRY",
    help="Neuen Namen N auf bestehenden Eintrag abbilden / map new name N onto an entry (ggd:…).",
)  # fmt: skip
@click.pass_obj
def review(
    app: AppContext,
    file: Path,
    accept: tuple[str, ...],
    reject: tuple[str, ...],
    show: bool,
    mapped: tuple[str, ...] = (),
) -> None:
    """Kandidaten annehmen oder ablehnen, dann mit SHACL prüfen.

    Accept or reject candidates of a draft FILE, by number (`--accept 3 --accept 7`) or, without
    options, one by one at the prompt (a/r/s/q). The accepted facts are validated with the SHACL
    shapes, the quote check and the link check before they join the graph; a refused review
    changes nothing, not even the draft.
    """
    from govgraph.graph.curation import review as rv
    from govgraph.graph.errors import DataError, UsageError

    graph = rv.load_draft(file)
    items = rv.items(graph)
    if not items:
        raise DataError(f"{file}: {bilingual('cli.review.no_candidates')}")
    if mapped:
        pairs = [m.partition("=") for m in mapped]
        graph = rv.map_names(file, [(rv.find_item(items, n), e) for n, _, e in pairs])
        items = rv.items(graph)
    if show:
        for item in items:
            click.echo(f"[{item.number}] {item.status:8} {item.kind:18} {one_line(item.label)}")
        return
    decisions = {}
    for key in accept:
        decisions[rv.find_item(items, key).iri] = "accept"
    for key in reject:
        iri = rv.find_item(items, key).iri
        if decisions.get(iri) == "accept":
            raise UsageError(f"{key}: {bilingual('cli.review.both')}")
        decisions[iri] = "reject"
    if not decisions:
        decisions = _interactive(items)
    rv.draft_source(file, graph)  # one source, or one line before anything else
    selection = dataclasses.replace(app.selection, include_drafts=False)  # drafts: never
    info, problems, path = rv.take_decisions(file, decisions, selection)
    if problems:
        for problem in problems:
            click.echo(problem, err=True)
        raise DataError(
            f"{file}: {bilingual('cli.review.invalid')} ({len(problems)} problems), "
            f"{bilingual('curation.review.refused')}"
        )
    taken = sum(1 for d in decisions.values() if d == "accept")
    dropped = len(decisions) - taken
    accepted, rejected = bilingual("cli.review.accepted"), bilingual("cli.review.rejected")
    click.echo(f"{file}: {taken} {accepted}, {dropped} {rejected}; → {path}")


def _interactive(items) -> dict:
    """Ask candidate by candidate: a(ccept), r(eject), s(kip), q(uit)."""
    legend = " ".join(
        (
            "a=" + bilingual("cli.review.choice.accept", sep="/"),
            "r=" + bilingual("cli.review.choice.reject", sep="/"),
            "s=" + bilingual("cli.review.choice.skip", sep="/"),
            "q=" + bilingual("cli.review.choice.quit", sep="/"),
        )
    )
    decisions = {}
    for item in items:
        if item.status != "draft":
            continue
        click.echo(f"\n[{item.number}] {item.kind} · {item.confidence} · {item.locator}")
        click.echo(f"  {one_line(item.label)}")
        click.echo(f"  »{one_line(item.quote, 200)}«")
        answer = click.prompt(
            "  " + legend,
            type=click.Choice(["a", "r", "s", "q"]),
            default="s",
            show_choices=False,
        )
        if answer == "q":
            break
        if answer in ("a", "r"):
            decisions[item.iri] = "accept" if answer == "a" else "reject"
    return decisions


COMMANDS = [review]
