"""`govgraph queries` and `govgraph query`: the named SPARQL queries, and any query of your own."""

from __future__ import annotations

import sys

import click

from govgraph.graph.i18n import bilingual, message

from .context import AppContext
from .helptext import summary
from .options import flag_option
from .output import clean, emit

_RESULT_FORMATS = ["table", "csv", "tsv", "json"]
_GRAPH_FORMATS = ["ttl", "nt", "jsonld"]


@click.command("queries", help=bilingual("cli.help.queries"))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv", "tsv"]),
    default="table",
    show_default=True,
)
@click.pass_obj
def queries(app: AppContext, fmt: str) -> None:
    """The named queries and their parameters."""
    from govgraph.graph.sparql.catalog import all_queries

    items = []
    for q in all_queries():
        params = [
            {
                "name": p.name,
                "variable": p.variable,
                "type": p.type_label,
                "optional": p.optional,
                "default": p.default,
            }
            for p in q.params
        ]
        items.append(
            {
                "name": q.name,
                "summary": q.summary,
                "description": q.description,
                "parameters": params,
                "tags": list(q.tags),
            }
        )
    if fmt == "json":
        import json

        click.echo(json.dumps(items, ensure_ascii=False, indent=2))
        return
    lang = app.lang
    if fmt == "table":
        for item in items:
            click.echo(clean(f"{item['name']}  –  {item['summary']}"))
            if item["description"]:
                import textwrap

                for line in textwrap.wrap(clean(item["description"]), 96):
                    click.echo("    " + line)
            for p in item["parameters"]:
                need = message(
                    "cli.queries.optional" if p["optional"] else "cli.queries.required", lang
                )
                default = (
                    ", " + message("cli.queries.default", lang, value=p["default"])
                    if p["default"]
                    else ""
                )
                click.echo(f"    --param {p['name']}=…  ({p['type']}, {need}{default})")
            if item["tags"]:
                click.echo(f"    {message('cli.queries.tags', lang)}: {', '.join(item['tags'])}")
            click.echo()
        return
    flat = [
        {
            "name": i["name"],
            "summary": i["summary"],
            "parameters": " ".join(
                f"{p['name']}:{p['type']}{'?' if p['optional'] else ''}" for p in i["parameters"]
            ),
            "tags": " ".join(i["tags"]),
            "description": i["description"],
        }
        for i in items
    ]
    emit(flat, [(k, k) for k in ("name", "summary", "parameters", "tags", "description")], fmt)


@click.command("query")
@click.argument("query", required=False, metavar="(NAME | FILE.rq | -)")
@click.option("-e", "--expression", metavar="SPARQL", help=bilingual("cli.help.query.expression"))
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help=bilingual("cli.help.query.param"),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(_RESULT_FORMATS + _GRAPH_FORMATS),
    default=None,
    help="SELECT/ASK: table (Vorgabe), csv, tsv, json. CONSTRUCT/DESCRIBE: ttl (Vorgabe), nt, "
    "jsonld.",
)
@flag_option("--allow-service", help=bilingual("cli.help.query.allow_service"))
@click.pass_obj
@summary("cli.help.query")
def query(
    app: AppContext,
    query: str | None,
    expression: str | None,
    params: tuple[str, ...],
    fmt: str | None,
    allow_service: bool,
) -> None:
    """
    QUERY is the name of a query in `govgraph queries`, a .rq file, or - for stdin.
    """
    from govgraph.graph.sparql.runner import bind_params, parse_param_options, prepare, run

    stdin = sys.stdin.read() if query == "-" else None
    prepared = prepare(query, expression, stdin)
    given = parse_param_options(params)
    # Refuse an UPDATE, SERVICE or FROM before the store is even opened: that costs nothing.
    # The full parse runs in the query worker, within the limits (a crafted ASK is evaluated
    # while being parsed).
    from govgraph.graph.sparql.workers import (
        AVAILABLE,
        Limits,
        QueryPool,
        StoreSource,
        machine_share_mb,
    )
    from govgraph.graph.store.guard import check_query

    check_query(prepared.text, allow_service, parse=not AVAILABLE)
    backend = app.backend()
    bindings = bind_params(prepared, given, backend, app.lang)
    if not AVAILABLE:  # no worker processes on this system: evaluated here, within --timeout
        outcome = run(backend, prepared, bindings, allow_service)
        _check_format(fmt, outcome.form)
        _print(outcome, fmt, app.lang)
        return
    # With an endpoint the worker only checks the text (it has no store): the endpoint answers.
    source = StoreSource() if app.endpoint else StoreSource.of(app.selection)
    pool = QueryPool(source, size=1, memory_mb=machine_share_mb())
    try:
        if app.endpoint:
            checked = pool.check(prepared.text, allow_service, app.timeout)
            outcome = run(backend, prepared, bindings, allow_service, checked)
        else:
            limits = Limits(app.timeout)
            outcome = run(backend, prepared, bindings, allow_service, None, pool, limits)
    finally:
        pool.close()
    _check_format(fmt, outcome.form)
    _print(outcome, fmt, app.lang)


def _check_format(fmt: str | None, form: str) -> None:
    from govgraph.graph.errors import UsageError

    if fmt in _GRAPH_FORMATS and form in ("SELECT", "ASK"):
        raise UsageError(f"--format {fmt} is for CONSTRUCT/DESCRIBE; use table, csv, tsv or json")
    if fmt in ("table", "csv", "tsv", "json") and form in ("CONSTRUCT", "DESCRIBE"):
        raise UsageError(
            f"--format {fmt} is for SELECT/ASK; for CONSTRUCT/DESCRIBE use ttl, nt or jsonld"
        )


def _cell(term) -> str:
    import pyoxigraph as ox

    from govgraph.graph.namespaces import compact

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def _print(outcome, fmt: str | None, lang: str) -> None:
    from govgraph.graph.sparql import formats as rf

    if outcome.form in ("CONSTRUCT", "DESCRIBE"):
        from govgraph.graph.publish.export import serialize

        click.echo(serialize(outcome.triples, fmt or "ttl"), nl=False)
        return
    fmt = fmt or "table"
    if outcome.form == "ASK":
        if fmt == "table":
            click.echo(message("cli.query.yes" if outcome.boolean else "cli.query.no", lang))
        else:
            click.echo(rf.ask_text(outcome.boolean, fmt), nl=False)
        return
    if fmt == "table":
        rows = [{v: _cell(r.get(v)) for v in outcome.variables} for r in outcome.rows]
        if rows and outcome.variables:  # (a SELECT with no variables has empty rows)
            emit(rows, [(v, v) for v in outcome.variables], "table")
        n = len(rows)
        rows_text = (
            message("cli.query.rows_one", lang, n=n)
            if n == 1
            else message("cli.query.rows", lang, n=n)
        )
        click.echo(rows_text, err=True)
        return
    # The W3C formats: written exactly, bytes as UTF-8, no terminal clean-up.
    text = rf.render_select(fmt, outcome.variables, outcome.rows)
    click.echo(text.encode("utf-8"), nl=False)


COMMANDS = [queries, query]
