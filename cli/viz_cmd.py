"""`govgraph viz`, `govgraph timeline`, `govgraph path`: the network as pictures and chains.

networkx and the renderers are imported inside the commands only (startup speed).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from govgraph.graph.i18n import bilingual

from .context import AppContext
from .helptext import summary
from .options import choice_option, date_option, default_option, facts_option, output_file_option


def _output_plan(fmt, output, size, layout, renderer):
    """Format and page size, checked before anything is computed or written."""
    from govgraph.graph.views.output import check_options, resolve_format
    from govgraph.graph.views.picture import parse_size

    fmt = resolve_format(fmt, output)
    check_options(fmt, size, layout, renderer)
    return fmt, parse_size(size or ("a4" if fmt == "pdf" else None))


def _write(data: bytes, output: Path | None, fmt: str) -> None:
    from govgraph.graph.errors import UsageError
    from govgraph.graph.files import write_atomic

    if output is None:
        if sys.stdout.isatty():
            raise UsageError(bilingual("views.output.give_file", fmt=fmt))
        sys.stdout.buffer.write(data)
        return
    write_atomic(output, data)
    click.echo(f"{output}: {len(data)} bytes", err=True)


_OUTPUT = output_file_option(bilingual("cli.help.viz.output"))
_FORMAT = choice_option(
    "--format", "fmt", choices=["html", "svg", "png", "pdf"], help=bilingual("cli.help.viz.format")
)
_SIZE = click.option("--size", metavar="a4|slide|WxH", help=bilingual("cli.help.viz.size"))
_RENDERER = choice_option(
    "--renderer", choices=["cairo", "chromium"], help=bilingual("cli.help.viz.renderer")
)


@click.command("viz")
@_OUTPUT
@_FORMAT
@click.option("--focus", metavar="ENTITY", help=bilingual("cli.help.viz.focus"))
@default_option(
    "--depth", type=click.IntRange(min=0), default=2, help=bilingual("cli.help.viz.depth")
)
@click.option("--type", "types", multiple=True, metavar="TYPE", help=bilingual("cli.help.viz.type"))
@click.option("--topic", metavar="SUBJECT", help=bilingual("cli.help.viz.topic"))
@date_option("--at", help=bilingual("cli.help.viz.at"))
@facts_option(bilingual("cli.help.viz.facts"))
@choice_option(
    "--layout", choices=["flow", "levels", "force"], help=bilingual("cli.help.viz.layout")
)
@_SIZE
@_RENDERER
@click.option(
    "--max-nodes", type=click.IntRange(min=1), metavar="N", help=bilingual("cli.help.viz.max_nodes")
)
@click.option("--all", "draw_all", is_flag=True, help=bilingual("cli.help.viz.all"))
@click.pass_obj
@summary("cli.help.viz")
def viz(
    app: AppContext,
    output,
    fmt,
    focus,
    depth,
    types,
    topic,
    at,
    facts,
    layout,
    size,
    renderer,
    max_nodes,
    draw_all,
) -> None:
    """
    \b
    govgraph viz --focus RegMo -o regmo.html
    govgraph viz --focus NOOTS --depth 1 -o noots.pdf
    govgraph viz --type federal,state,body --layout levels --size slide -o akteure.png
    """
    fmt, page = _output_plan(fmt, output, size, layout, renderer)
    from govgraph.graph.views.network_svg import PictureOptions
    from govgraph.graph.views.slide import SLIDE_NODES
    from govgraph.graph.views.viz_request import ViewRequest, build_view, check_size, render

    kinds = tuple(t.strip() for value in types for t in value.split(",") if t.strip())
    request = ViewRequest(app.lang, facts, at, focus, depth, kinds, topic)
    backend = app.backend()
    view, title = build_view(backend, request)
    check_size(view, fmt, max_nodes)
    # the page lays itself out in the browser unless a layout is asked for
    default = "" if fmt == "html" else "flow"
    limit = None if draw_all else SLIDE_NODES
    opts = PictureOptions(layout=layout or default, size=page, limit=limit)
    data = render(backend, view, title, request, fmt, app.today, opts, renderer or "cairo")
    for note in dict.fromkeys(opts.notes):
        click.echo(f"govgraph: {note}", err=True)
    _write(data, output, fmt)


@click.command("timeline")
@_OUTPUT
@_FORMAT
@date_option("--from", "start", help=bilingual("cli.help.timeline.from"))
@date_option("--to", "end", help=bilingual("cli.help.timeline.to"))
@_SIZE
@_RENDERER
@click.pass_obj
@summary("cli.help.timeline")
def timeline(app: AppContext, output, fmt, start, end, size, renderer) -> None:
    """
    Zeitangaben wie »Mitte 2026« erscheinen als Spanne, Tage als Punkt; heute ist markiert.
    """
    fmt, page = _output_plan(fmt, output, size, None, renderer)
    from govgraph.graph.views.output import picture_bytes
    from govgraph.graph.views.timeline import render_html, timeline_picture

    backend = app.backend()
    svg, width, height = timeline_picture(backend, app.lang, start, end, app.today, page)
    if fmt == "html":
        data = render_html(svg, app.lang).encode("utf-8")
    else:
        data = picture_bytes(svg, fmt, width, height, renderer or "cairo")
    _write(data, output, fmt)


COMMANDS = [viz, timeline]
