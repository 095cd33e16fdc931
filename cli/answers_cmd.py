"""Questions policy staff ask: search, show, who, what, deadlines, demands.

Each command resolves its entity arguments, calls graph/answers.py or graph/card.py and prints
the records as a table (sized to the terminal), JSON or CSV. No SPARQL here.
"""

from __future__ import annotations

import json
import shutil
import textwrap
from datetime import date

import click

from .context import AppContext
from .options import date_value
from .output import clean, emit

_FORMATS = click.Choice(["table", "json", "csv", "tsv"])


def _format_option(command):
    return click.option(
        "--format",
        "fmt",
        type=_FORMATS,
        default="table",
        show_default=True,
        help="Ausgabe: Tabelle, JSON, CSV oder TSV. / Output format.",
    )(command)


def _at_options(command):
    command = click.option(
        "--all-times",
        is_flag=True,
        help="Aussagen aller Zeiten zeigen. / Ignore --at: facts of all periods.",
    )(command)
    return click.option(
        "--at",
        "at",
        callback=date_value,
        metavar="DATE",
        help="Stand an diesem Tag (Voreinstellung: heute). / As of this day (default: today).",
    )(command)


def _claim_options(command):
    command = click.option(
        "--all-claims",
        is_flag=True,
        help="Auch überholte Aussagen anderer Quellen zeigen. / Also show superseded claims.",
    )(command)
    return click.option(
        "--source",
        "source",
        metavar="NAME",
        help="Nur Aussagen dieser Quelle (Kurzname, z. B. NOOTSStVtr). / Only claims of NAME.",
    )(command)


def _claims(app: AppContext, source: str | None):
    from govgraph.graph.sources.claims import claims_for

    return claims_for(app.backend(), app.lang, source)


def _de(app: AppContext) -> bool:
    return app.lang == "de"


def _day(value: date, de: bool) -> str:
    return value.strftime("%d.%m.%Y") if de else value.isoformat()


def _resolve(app: AppContext, text: str):
    from govgraph.graph.answers.resolve import EntityIndex

    return EntityIndex(app.backend(), app.lang).resolve(text)


def _percent(share, de: bool = True) -> str:
    if share is None:
        return ""
    value = f"{round(float(share) * 100, 1):g}"
    return f"{value.replace('.', ',') if de else value} %"


def _heading(fmt: str, line: str) -> None:
    if fmt == "table":
        click.echo(clean(line))
        click.echo()


def _nothing(what: str):
    from govgraph.graph.answers.answers import NoResults

    return NoResults(what)


def _when(app: AppContext, at: date | None, all_times: bool) -> date | None:
    return None if all_times else (at or app.today)


# --- search ------------------------------------------------------------------------------------


@click.command()
@click.argument("text")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@_format_option
@click.pass_obj
def search(app: AppContext, text: str, limit: int, fmt: str) -> None:
    """Einträge suchen: Akteure, Gegenstände, Themen … / Find entities by label, best first."""
    from govgraph.graph.answers.resolve import EntityIndex

    index = EntityIndex(app.backend(), app.lang)
    matches = index.rank(text, limit=limit)
    de = _de(app)
    rows = []
    words = {
        "exact": "genau" if de else "exact",
        "prefix": "Anfang" if de else "prefix",
        "contains": "enthalten" if de else "contains",
        "similar": "ähnlich" if de else "similar",
    }
    for m in matches or index.similar(text):
        rows.append(_search_row(m.entity, app.lang, words[m.kind], m.matched, round(m.score, 3)))
    if not rows:
        raise _nothing(f"search {text!r}")
    emit(
        rows,
        [
            ("label", "Bezeichnung" if de else "Label"),
            ("type", "Typ" if de else "Type"),
            ("other_labels", "weitere Bezeichnungen" if de else "Other labels"),
            ("match", "Treffer" if de else "Match"),
            ("iri", "IRI"),
        ],
        fmt,
    )


def _search_row(entity, lang: str, match: str, matched: str, score: float) -> dict:
    from govgraph.graph.namespaces import compact

    label = entity.label(lang)
    others = [x for x in entity.all_labels() if x != label]
    return {
        "label": label,
        "type": entity.type_label or compact(entity.type),
        "other_labels": "; ".join(dict.fromkeys(others)),
        "match": match,
        "matched": matched,
        "score": score,
        "iri": entity.iri,
    }


# --- show --------------------------------------------------------------------------------------


@click.command()
@click.argument("entity")
@click.option(
    "--at", "at", callback=date_value, metavar="DATE", help="Stand an diesem Tag. / As of."
)
@_claim_options
@_format_option
@click.pass_obj
def show(
    app: AppContext, entity: str, at: date | None, source: str | None, all_claims: bool, fmt: str
) -> None:
    """Steckbrief eines Eintrags oder einer Quelle. / An entity's (or a source's) card."""
    from govgraph.graph.answers.card import entity_card
    from govgraph.graph.answers.status import status_on
    from govgraph.graph.errors import NotFoundError
    from govgraph.graph.sources.claims import decorate, find_source

    from .sources_cmd import print_source, source_named

    record = source_named(app, entity)
    if record is not None:
        print_source(app, record, fmt)
        return
    try:
        found = _resolve(app, entity)
    except NotFoundError:
        record = find_source(app.backend(), app.lang, entity)  # a title word, or the error
        print_source(app, record, fmt)
        return
    claims, source_iri = _claims(app, source)
    day = at or app.today
    card = entity_card(app.backend(), found.iri, app.lang)
    card["facts"] = decorate(card["facts"], claims, "iri", app.lang, day, source_iri, all_claims)
    card["as_of"] = day.isoformat()
    card["status"] = status_on(app.backend(), found.iri, app.lang, day, claims)
    if fmt == "json":
        click.echo(json.dumps(card, ensure_ascii=False, indent=2))
        return
    if fmt in ("csv", "tsv"):
        emit(
            _card_lines(card),
            [("section", "section"), ("key", "key"), ("value", "value"), ("iri", "iri")],
            fmt,
        )
        return
    click.echo(_card_text(card, _de(app)))


def _card_lines(card: dict) -> list[dict]:
    lines = [{"section": "entity", "key": "type", "value": card["type"], "iri": card["type_iri"]}]
    for lang, label in card["labels"].items():
        lines.append(
            {"section": "entity", "key": f"label@{lang}", "value": label, "iri": card["iri"]}
        )
    for alt in card["alt_labels"]:
        lines.append({"section": "entity", "key": "alt_label", "value": alt, "iri": card["iri"]})
    lines.append({"section": "entity", "key": "definition", "value": card["definition"], "iri": ""})
    for group in card["relations"]:
        for target in group["targets"]:
            lines.append(
                {
                    "section": f"relation_{group['direction']}",
                    "key": group["property"],
                    "value": target["label"],
                    "iri": target["iri"],
                }
            )
    for fact in card["facts"]:
        lines.append(
            {
                "section": "fact",
                "key": fact["role"] or fact["type"],
                "value": fact["statement"],
                "iri": fact["iri"],
            }
        )
    for ev in card["evidence"]:
        lines.append(
            {
                "section": "evidence",
                "key": ev["source"],
                "value": ev["quote"],
                "iri": ev["source_iri"],
            }
        )
    return lines


def _card_text(card: dict, de: bool) -> str:
    width = max(60, min(shutil.get_terminal_size((100, 24)).columns, 120))

    def para(label: str, value: str, indent: str = "  ") -> list[str]:
        return textwrap.wrap(
            clean(value),
            width,
            initial_indent=f"{indent}{label}",
            subsequent_indent=indent + "    ",
        ) or [f"{indent}{label}"]

    title = card["labels"].get("de" if de else "en") or next(
        iter(card["labels"].values()), card["iri"]
    )
    out = [clean(title), "=" * min(len(title), width)]
    kind = card["type"] + (
        f" · {'Ebene' if de else 'level'}: {card['level']}" if card["level"] else ""
    )
    out += para("Typ: " if de else "Type: ", kind)
    for lang, label in sorted(card["labels"].items()):
        out += para(f"{lang}: ", label)
    if card["alt_labels"]:
        out += para("Kurz-/Nebenformen: " if de else "Also: ", ", ".join(card["alt_labels"]))
    if card["definition"]:
        out += para("Definition: ", card["definition"])
    out += para("IRI: ", card["iri"])
    status = card.get("status")
    if status:
        day = _day(date.fromisoformat(card["as_of"]), de)
        since = f" – {'seit' if de else 'since'} {status['since']}" if status["since"] else ""
        where = ", ".join(filter(None, (status["sources"], status["locators"])))
        out += para(
            f"Status am {day}: " if de else f"Status on {day}: ",
            f"{status['status']}{since}" + (f" ({where})" if where else ""),
        )
    if card["relations"]:
        out += ["", "Beziehungen" if de else "Relations"]
        for group in card["relations"]:
            arrow = "→ " if group["direction"] == "out" else "← "
            targets = ", ".join(t["label"] for t in group["targets"])
            out += para(f"{arrow}{group['property']}: ", targets)
    if card["facts"]:
        out += ["", "Aussagen" if de else "Facts"]
        for fact in card["facts"]:
            role = fact["role"] + (
                f" {_percent(fact['share'])}" if fact["share"] is not None else ""
            )
            head = f"[{fact['type']}{' – ' + role if role else ''}] "
            tail = f" ({fact['period']})" if fact["period"] else ""
            marks = [fact.get("sources", "")]
            if fact.get("claim_state"):
                marks.append(f"{fact['certainty']}: {fact['rule']}")
            tail += "".join(f" [{m}]" for m in marks if m)
            out += para("• " + head, fact["statement"] + tail)
    if card["evidence"]:
        out += ["", "Belege" if de else "Evidence"]
        for ev in card["evidence"]:
            out += para("» ", ev["quote"] + "«" + (f" – {ev['source']}" if ev["source"] else ""))
    return "\n".join(out)


# --- who / what --------------------------------------------------------------------------------


def _answer(
    app, text, at, all_times, fmt, fetch, command: str, title: tuple[str, str], claims=None
):
    """Resolve the entity, ask `fetch` as of the chosen day, print the heading; (records, de).

    `claims` is (key, --source, --all-claims): rows get their sources and superseded claims go.
    An empty answer is one line naming the command, entity and day (exit 1)."""
    from govgraph.graph.sources.claims import decorate

    found = _resolve(app, text)
    day = _when(app, at, all_times)
    records = fetch(app.backend(), found.iri, app.lang, day)
    if claims is not None:
        key, source, all_claims = claims
        index, source_iri = _claims(app, source)
        records = decorate(records, index, key, app.lang, day, source_iri, all_claims)
    de = _de(app)
    stand = (" – Stand " if de else " – as of ") + _day(day, de) if day else ""
    if not records:
        raise _nothing(f"{command} {found.label(app.lang)}{stand}")
    _heading(fmt, title[0 if de else 1] + found.label(app.lang) + stand)
    return records, de


@click.command()
@click.argument("subject")
@_at_options
@_claim_options
@_format_option
@click.pass_obj
def who(
    app: AppContext,
    subject: str,
    at: date | None,
    all_times: bool,
    source: str | None,
    all_claims: bool,
    fmt: str,
) -> None:
    """Wer ist zuständig für Thema, Vorhaben, System …? / Who is responsible for SUBJECT."""
    from govgraph.graph.answers import answers

    records, de = _answer(
        app,
        subject,
        at,
        all_times,
        fmt,
        answers.who,
        "who",
        ("Wer ist zuständig für ", "Who is responsible for "),
        claims=("fact_iri", source, all_claims),
    )
    rows = records
    if fmt == "table":
        rows = [
            {**r, "role": " ".join(filter(None, (r["role"], _percent(r["share"], de))))}
            for r in records
        ]
    emit(rows, _who_columns(de, fmt), fmt)


def _who_columns(de: bool, fmt: str) -> list[tuple[str, str]]:
    table = [
        ("actor", "Akteur" if de else "Actor"),
        ("role", "Rolle" if de else "Role"),
        ("period", "Zeitraum" if de else "Period"),
        ("certainty", "Gewissheit" if de else "Certainty"),
        ("via", "über" if de else "Via"),
        ("sources_text", "Quelle" if de else "Source"),
        ("quote", "Beleg" if de else "Quote"),
    ]
    if fmt == "table":
        return table
    fields = [
        "actor",
        "actor_iri",
        "role",
        "share",
        "period",
        "from",
        "to",
        "certainty",
        "via",
        "subject",
        "subject_iri",
        "quote",
        "source",
        "sources",
        "source_count",
        "source_iris",
        "locators",
        "claim_state",
        "rule",
        "fact",
        "fact_iri",
    ]
    return [(f, f) for f in fields]


@click.command()
@click.argument("actor")
@_at_options
@_claim_options
@_format_option
@click.pass_obj
def what(
    app: AppContext,
    actor: str,
    at: date | None,
    all_times: bool,
    source: str | None,
    all_claims: bool,
    fmt: str,
) -> None:
    """Woran ist ein Akteur beteiligt? / What ACTOR is responsible for, funds, demanded …"""
    from govgraph.graph.answers import answers

    records, de = _answer(
        app,
        actor,
        at,
        all_times,
        fmt,
        answers.involvement,
        "what",
        ("Woran ist beteiligt: ", "What is involved: "),
        claims=("item_iri", source, all_claims),
    )
    if fmt == "table":
        rows = [
            {
                **r,
                "role": " ".join(filter(None, (r["role"], _percent(r["share"], de)))),
                "object": r["object"] + (f" ({r['counterpart']})" if r["counterpart"] else ""),
            }
            for r in records
        ]
        columns = [
            ("relation_label", "Beziehung" if de else "Relation"),
            ("object", "Gegenstand (Gegenüber)" if de else "Subject (counterpart)"),
            ("role", "Rolle" if de else "Role"),
            ("period", "Zeitraum" if de else "Period"),
            ("via", "über" if de else "Via"),
            ("sources_text", "Quelle" if de else "Source"),
            ("quote", "Beleg" if de else "Quote"),
        ]
        emit(rows, columns, fmt)
        return
    fields = [
        "relation",
        "relation_label",
        "object",
        "object_iri",
        "counterpart",
        "counterpart_iri",
        "role",
        "share",
        "period",
        "from",
        "to",
        "certainty",
        "via",
        "statement",
        "item_iri",
        "quote",
        "source",
        "sources",
        "source_count",
        "source_iris",
        "locators",
        "claim_state",
        "rule",
    ]
    emit(records, [(f, f) for f in fields], fmt)


# --- deadlines ---------------------------------------------------------------------------------


@click.command()
@click.option(
    "--from", "start", callback=date_value, metavar="DATE", help="Ab diesem Tag. / From this day."
)
@click.option(
    "--to", "end", callback=date_value, metavar="DATE", help="Bis zu diesem Tag. / Up to this day."
)
@click.option(
    "--status",
    type=click.Choice(["past", "upcoming", "open"]),
    help="vorbei, bevorstehend, offen (= noch nicht vorbei). / open = not yet past.",
)
@_claim_options
@_format_option
@click.pass_obj
def deadlines(
    app: AppContext,
    start: date | None,
    end: date | None,
    status: str | None,
    source: str | None,
    all_claims: bool,
    fmt: str,
) -> None:
    """Fristen und datierte Ereignisse der Reihe nach. / Deadlines and dated events in order."""
    from govgraph.graph.answers import answers
    from govgraph.graph.errors import UsageError

    if start and end and start > end:
        raise UsageError(f"--from {start.isoformat()} liegt nach / is after --to {end.isoformat()}")
    from govgraph.graph.sources.claims import decorate

    records = answers.deadlines(app.backend(), app.lang, app.today, start, end, status)
    index, source_iri = _claims(app, source)
    records = decorate(records, index, "iri", app.lang, app.today, source_iri, all_claims)
    de = _de(app)
    if not records:
        raise _nothing("deadlines" + (f" --status {status}" if status else ""))
    _heading(
        fmt,
        ("Fristen und Termine – heute: " if de else "Deadlines and dates – today: ")
        + _day(app.today, de),
    )
    if fmt == "table":
        rows = [
            {
                **r,
                "kind_label": r["kind_label"] + (f": {r['new_status']}" if r["new_status"] else ""),
            }
            for r in records
        ]
        emit(
            rows,
            [
                ("when", "Wann" if de else "When"),
                ("status_label", "Status"),
                ("kind_label", "Art" if de else "Kind"),
                ("what", "Was" if de else "What"),
                ("concerns", "betrifft" if de else "Concerns"),
                ("actors", "Wer" if de else "Who"),
                ("sources_text", "Quelle" if de else "Source"),
            ],
            fmt,
        )
        return
    fields = [
        "when",
        "precision",
        "from",
        "to",
        "status",
        "kind",
        "kind_label",
        "what",
        "new_status",
        "concerns",
        "actors",
        "certainty",
        "quote",
        "sources",
        "source_count",
        "source_iris",
        "locators",
        "claim_state",
        "rule",
        "iri",
    ]
    emit(records, [(f, f) for f in fields], fmt)


# --- demands -----------------------------------------------------------------------------------


@click.command()
@click.option(
    "--by", "by", metavar="ACTOR", help="Nur Forderungen dieses Akteurs. / Only demands by ACTOR."
)
@click.option(
    "--to", "to", metavar="ACTOR", help="Nur Forderungen an diesen Akteur. / Only demands to ACTOR."
)
@_format_option
@click.pass_obj
def demands(app: AppContext, by: str | None, to: str | None, fmt: str) -> None:
    """Forderungen und Positionen: wer, an wen, worüber, wann. / Demands and positions."""
    from govgraph.graph.answers import answers

    by_entity = _resolve(app, by) if by else None
    to_entity = _resolve(app, to) if to else None
    records = answers.demands(
        app.backend(),
        app.lang,
        by_entity.iri if by_entity else None,
        to_entity.iri if to_entity else None,
    )
    de = _de(app)
    if not records:
        parts = ["demands"]
        if by_entity:
            parts.append(f"--by {by_entity.label(app.lang)}")
        if to_entity:
            parts.append(f"--to {to_entity.label(app.lang)}")
        raise _nothing(" ".join(parts))
    if fmt == "table":
        emit(
            records,
            [
                ("actor", "von" if de else "By"),
                ("addressee", "an" if de else "To"),
                ("kind", "Art" if de else "Kind"),
                ("about", "worüber" if de else "About"),
                ("when", "wann" if de else "When"),
                ("quote", "Beleg" if de else "Quote"),
            ],
            fmt,
        )
        return
    fields = [
        "actor",
        "actor_iri",
        "addressee",
        "addressee_iri",
        "kind",
        "kind_iri",
        "about",
        "when",
        "from",
        "to",
        "certainty",
        "statement",
        "quote",
        "iri",
    ]
    emit(records, [(f, f) for f in fields], fmt)


COMMANDS = [search, show, who, what, deadlines, demands]
