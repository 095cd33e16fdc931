"""`govgraph draft`, `review` and `diff`: from a new source to reviewed facts, and what changed."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import click

from govgraph.graph.i18n import bilingual

from .context import AppContext


@click.command()
@click.argument("source_name", metavar="SOURCE")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help=bilingual("cli.help.draft.output")
)
@click.option("--force", is_flag=True, help=bilingual("curation.help.force"))
@click.pass_obj
def draft(app: AppContext, source_name: str, output: Path | None, force: bool) -> None:
    """Kandidaten aus einer Quelle vorschlagen (Entwurf zur Prüfung).

    Propose candidates from SOURCE (its id in `govgraph source list`): known entities, new
    names, dates with precision, money and shares, and facts. Written as Turtle, every candidate
    marked draft, with its verbatim quote, locator and confidence. A draft that already holds
    review decisions is replaced only with --force, and then kept beside the new one.
    """
    from govgraph.graph.curation.curate import draft_candidates, write_draft
    from govgraph.graph.sources.library import Library

    library = Library()
    info = library.get(source_name)
    candidates = draft_candidates(library, info, app.selection)
    with library.lock():
        info = library.get(info.id, exact=True)  # removed meanwhile: one line, nothing written
        path, kept = write_draft(library, info, candidates, output, app.today, force)
    counts: dict[str, int] = {}
    for c in candidates:
        counts[c.kind] = counts.get(c.kind, 0) + 1
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    click.echo(f"{path}: {len(candidates)} {bilingual('cli.draft.candidates')} ({summary})")
    if kept is not None:
        click.echo(f"{bilingual('curation.draft.kept_as')} {kept}")


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
    from govgraph.graph.sources.library import Library

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
            click.echo(f"[{item.number}] {item.status:8} {item.kind:18} {_short(item.label)}")
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
    library = Library()
    selection = dataclasses.replace(app.selection, include_drafts=False)  # drafts: never
    with library.lock():
        # Read again under the lock: a review that ran meanwhile keeps its decisions.
        graph = rv.load_draft(file)
        source_id = rv.draft_source(file, graph)
        try:
            info = library.get(source_id, exact=True)
        except UsageError:
            raise DataError(f"{file}: {bilingual('curation.review.source_gone')}") from None
        known = {item.iri for item in rv.items(graph)}
        for iri in decisions:
            if iri not in known:
                raise DataError(f"{file}: {iri}: {bilingual('sources.review.no_candidate')}")
        draft_bytes = rv.status_text(file, graph, decisions)
        problems = rv.apply_review(library, info, file, graph, draft_bytes, selection)
    if problems:
        for problem in problems:
            click.echo(problem, err=True)
        raise DataError(
            f"{file}: {bilingual('cli.review.invalid')} ({len(problems)} problems), "
            f"{bilingual('curation.review.refused')}"
        )
    taken = sum(1 for d in decisions.values() if d == "accept")
    dropped = len(decisions) - taken
    path = library.facts_path(info.id)
    accepted, rejected = bilingual("cli.review.accepted"), bilingual("cli.review.rejected")
    click.echo(f"{file}: {taken} {accepted}, {dropped} {rejected}; → {path}")


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


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
        click.echo(f"  {_short(item.label)}")
        click.echo(f"  »{_short(item.quote, 200)}«")
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


@click.command()
@click.option("--since", metavar="SOURCE|DATE", help="Ab Quelle (Id) oder Datum (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_obj
def diff(app: AppContext, since: str | None, fmt: str) -> None:
    """Was neue Quellen geändert haben: neue Entitäten, Fakten, Belege, Daten, Konflikte.

    What the library's sources (all, or from SOURCE or DATE on) added, corroborated, changed or
    contradicted, compared with the graph without them. Only reviewed facts count.
    """
    from govgraph.graph.curation.diff import compute
    from govgraph.graph.sources.library import Library

    result = compute(Library(), app.selection, since)
    if fmt == "json":
        click.echo(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        return
    headings = [
        ("new-entity", bilingual("cli.diff.new_entity")),
        ("new-fact", bilingual("cli.diff.new_fact")),
        ("corroboration", bilingual("cli.diff.corroboration")),
        ("changed-date", bilingual("cli.diff.changed_date")),
        ("conflict", bilingual("cli.diff.conflict")),
    ]
    click.echo(bilingual("cli.diff.sources") + ": " + (", ".join(result.sources) or "–"))
    for kind, heading in headings:
        rows = result.of(kind)
        click.echo(f"\n{heading}: {len(rows)}")
        for c in rows:
            extra = f" – {c.detail}" if c.detail else ""
            click.echo(f"  • {_short(c.label)} [{c.source}]{extra}")


COMMANDS = [draft, review, diff]
