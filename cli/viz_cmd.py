"""`govgraph viz`, `govgraph timeline`, `govgraph path`: the network as pictures and chains.

networkx and the renderers are imported inside the commands only (startup speed).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .context import AppContext
from .options import date_value
from .output import clean


def _format(fmt: str | None, output: Path | None, allowed: tuple[str, ...]) -> str:
    if fmt:
        return fmt
    suffix = output.suffix.lower().lstrip(".") if output else ""
    if suffix == "htm":
        suffix = "html"
    return suffix if suffix in allowed else "html"


def _write(data: bytes, output: Path | None, fmt: str) -> None:
    from govgraph.graph.errors import UsageError
    from govgraph.graph.files import write_atomic

    if output is None:
        if fmt == "png" or sys.stdout.isatty():
            raise UsageError(f"bitte -o DATEI.{fmt} angeben / please give -o FILE.{fmt}")
        sys.stdout.buffer.write(data)
        return
    write_atomic(output, data)
    click.echo(f"{output}: {len(data)} bytes", err=True)


_OUTPUT = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Zieldatei; Format nach Endung (.html, .svg, .png). / Output file; format by suffix.",
)


@click.command("viz")
@_OUTPUT
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "svg", "png"]),
    help="html (interaktiv, offline), svg oder png (Bild für Folien). / interactive or picture.",
)
@click.option("--focus", metavar="ENTITY", help="Nur die Umgebung dieser Entität. / Neighbourhood.")
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    default=2,
    show_default=True,
    help="Schritte um --focus/--topic. / Steps around --focus/--topic.",
)
@click.option(
    "--type",
    "types",
    multiple=True,
    metavar="TYPE",
    help="Nur diese Arten, z. B. federal, state, body, law, programme (mehrfach oder "
    "mit Komma). / Only these kinds (repeatable or comma-separated).",
)
@click.option(
    "--topic",
    metavar="SUBJECT",
    help="Nur was mit diesem Thema (und Unterthemen) verbunden ist. / Topic area.",
)
@click.option(
    "--at",
    callback=date_value,
    metavar="DATE",
    help="Nur Aussagen, die an diesem Tag gelten. / Only facts valid on that day.",
)
@click.option(
    "--facts",
    type=click.Choice(["edge", "node"]),
    default="edge",
    show_default=True,
    help="Aussagen als beschriftete Kante oder als kleiner Knoten. / Facts as edge or node.",
)
@click.option(
    "--max-nodes",
    type=click.IntRange(min=1),
    metavar="N",
    help="Größengrenze der Ansicht überschreiben. / Override the size limit.",
)
@click.pass_obj
def viz(app: AppContext, output, fmt, focus, depth, types, topic, at, facts, max_nodes) -> None:
    """Netzwerk als interaktive Seite oder Bild. / The network as a page or picture.

    \b
    govgraph viz --focus RegMo -o regmo.html
    govgraph viz --focus RegMo --depth 1 --format png -o regmo.png
    govgraph viz --type federal,state,body --format svg -o akteure.svg
    """
    from govgraph.graph.views.views import ViewRequest, build_view, check_size, render

    fmt = _format(fmt, output, ("html", "svg", "png"))
    kinds = tuple(t.strip() for value in types for t in value.split(",") if t.strip())
    request = ViewRequest(app.lang, facts, at, focus, depth, kinds, topic)
    view, title = build_view(app.backend(), request)
    check_size(view, fmt, max_nodes)
    _write(render(view, title, app.lang, fmt), output, fmt)


@click.command("timeline")
@_OUTPUT
@click.option("--format", "fmt", type=click.Choice(["html", "svg", "png"]))
@click.option("--from", "start", callback=date_value, metavar="DATE", help="Ab / from.")
@click.option("--to", "end", callback=date_value, metavar="DATE", help="Bis / to.")
@click.pass_obj
def timeline(app: AppContext, output, fmt, start, end) -> None:
    """Fristen und Ereignisse auf einer Zeitachse. / Deadlines and events on a time axis.

    Zeitangaben wie »Mitte 2026« erscheinen als Spanne, Tage als Punkt; heute ist markiert.
    """
    from govgraph.graph.views.timeline import render_html, render_svg, timeline_items

    fmt = _format(fmt, output, ("html", "svg", "png"))
    items = timeline_items(app.backend(), app.lang, start, end)
    title = "govgraph – " + ("Zeitleiste" if app.lang == "de" else "timeline")
    if start or end:
        title += f" ({start or '…'} – {end or '…'})"
    svg, width, height = render_svg(items, title, app.lang, app.today)
    if fmt == "html":
        data = render_html(svg, title, app.lang).encode("utf-8")
    elif fmt == "svg":
        data = svg.encode("utf-8")
    else:
        from govgraph.graph.views.chromium import svg_to_png

        data = svg_to_png(svg, width, height)
    _write(data, output, fmt)


@click.command("path")
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@click.option(
    "--max",
    "limit",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="Höchstens so viele Ketten. / At most this many chains.",
)
@click.option(
    "--at",
    callback=date_value,
    metavar="DATE",
    help="Nur Aussagen, die an diesem Tag gelten. / Only facts valid on that day.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.pass_obj
def path(app: AppContext, a: str, b: str, limit: int, at, fmt: str) -> None:
    """Kürzeste Verbindungen zwischen zwei Entitäten. / Shortest chains between two entities.

    \b
    govgraph path RegMo MASTD
    """
    import json

    from govgraph.graph.answers.path import chain_text, shortest_chains
    from govgraph.graph.answers.resolve import EntityIndex
    from govgraph.graph.errors import NotFoundError
    from govgraph.graph.views.network import project

    backend = app.backend()
    index = EntityIndex(backend, app.lang)
    start, end = index.resolve(a), index.resolve(b)
    g = project(backend, app.lang, "edge", at)
    chains = shortest_chains(g, start.iri, end.iri, limit)
    if not chains:
        raise NotFoundError(
            f"keine Verbindung / no connection between {start.label(app.lang)!r} "
            f"and {end.label(app.lang)!r}"
        )
    if fmt == "json":
        rows = [
            {
                "length": len(c.steps),
                "text": chain_text(g, c),
                "steps": [
                    {
                        "from": s.source if s.forward else s.target,
                        "to": s.target if s.forward else s.source,
                        "from_label": g.nodes[s.source if s.forward else s.target]["label"],
                        "to_label": g.nodes[s.target if s.forward else s.source]["label"],
                        "relations": list(s.labels),
                    }
                    for s in c.steps
                ],
            }
            for c in chains
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    steps = len(chains[0].steps)
    word = (
        ("Schritt" if steps == 1 else "Schritte")
        if app.lang == "de"
        else "step" + "s" * (steps != 1)
    )
    click.echo(f"{len(chains)} × {steps} {word}:")
    for c in chains:
        click.echo("  " + clean(chain_text(g, c)))


COMMANDS = [viz, timeline, path]
