"""The questions policy staff ask, one function each, every one returning an `Answer`.

Each resolves the names it is given, picks the day (or, when nothing holds on it, answers with
what holds at other times and says so), runs its named queries, ranks and groups the rows,
attaches sources, locators, claims and certainty, and returns one `Answer` that the terminal,
the web page and JSON all render. Nothing here knows of click or HTTP.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from govgraph.graph.answers import ranking, rows
from govgraph.graph.answers.building import (
    Citations,
    details,
    merged_evidence,
    merged_overruled,
    notes,
)
from govgraph.graph.answers.certainty import add_inferred_from
from govgraph.graph.answers.claims import claims_for, decorate
from govgraph.graph.answers.model import Answer, Entry, Evidence, Group, Hint, Overruled
from govgraph.graph.answers.names import Names
from govgraph.graph.answers.records import AnswerRow, DeadlineRow, DemandRow, WhatRow, WhoRow
from govgraph.graph.dates import long_day
from govgraph.graph.errors import UsageError
from govgraph.graph.i18n import bilingual, message
from govgraph.graph.sources.claims import Claims, find_source
from govgraph.graph.sparql.entities import Entity, EntityIndex
from govgraph.graph.store.backend import Backend

GGC = "https://w3id.org/govgraph/concept/"
GG = "https://w3id.org/govgraph/ontology#"
# The sections of a `who` answer, in the order a reader asks: who set it up, hosts and runs it,
# who decides and steers, who pays, then duties; what follows from structure and mere
# involvement after them.
# Roles are listed in the order they are shown within their section.
SECTIONS: dict[str, tuple[str, ...]] = {
    "operate": (
        GGC + "operation",
        GG + "operatedBy",
        GGC + "controller",
        GG + "establishedBy",
        GGC + "establishment",
        GGC + "seat",
    ),
    "decide": (
        GGC + "decision",
        GGC + "steering",
        GGC + "lead",
        GGC + "supervision",
        GGC + "coordination",
        GGC + "implementation",
        GGC + "support",
        GGC + "advisory",
    ),
    "fund": (GGC + "financing",),
}
WHO_ORDER = ("operate", "decide", "fund", "duty", "derived", "other")


@dataclass(frozen=True)
class Ask:
    """How a question is asked: the language, today, the day asked about (`at`; None with
    `all_times`), the source to keep to (a name, `--source`) and whether overruled claims are
    listed among the rows too (`all_claims`)."""

    lang: str
    today: date
    at: date | None = None
    all_times: bool = False
    source: str | None = None
    all_claims: bool = False
    claims: Claims | None = None  # an index already read (the web keeps one per language)
    # quote → (source short name, place in it), for quotes without a fact node
    quote_sources: Callable[[], Mapping[str, tuple[str, str]]] | None = None
    index: EntityIndex | None = None  # the names, already read (the web keeps one per language)

    @property
    def day(self) -> date | None:
        return None if self.all_times else (self.at or self.today)


class NoResults(rows.NoResults):
    """An empty answer (exit 1, one line naming the question)."""


def _claims(backend: Backend, ask: Ask) -> tuple[Claims, str | None]:
    """The claims index (read now unless the asker holds one) and the `source` filter's IRI."""
    if ask.claims is None:
        return claims_for(backend, ask.lang, ask.source)
    source = find_source(backend, ask.lang, ask.source)["iri"] if ask.source else None
    return ask.claims, source


def _citations(backend: Backend, ask: Ask, claims: Claims, day: date | None) -> Citations:
    """Evidence as of `day`; quotes without a fact node find their source when first needed:
    from the views where the store has them (one small file instead of a query per source)."""
    if ask.quote_sources is not None:
        return Citations(claims, day, ask.quote_sources)
    from govgraph.graph.answers import precomputed

    return Citations(claims, day, lambda: precomputed.quote_sources(backend, ask.lang))


def resolve(backend: Backend, text: str, lang: str, index: EntityIndex | None = None) -> Entity:
    """The entity a user named (label, short form or IRI); NotFoundError lists candidates."""
    return (index or EntityIndex(backend, lang)).resolve(text, generic=True)


def _hints(index: EntityIndex, text: str, found: Entity, lang: str) -> tuple[Hint, ...]:
    """Where to look next: a broad topic word ("Digitalisierung") that many other names carry."""
    word = text.strip()
    broad = (
        word[:1].isupper() and word[1:].islower() and found.type.endswith(("#Topic", "#Concept"))
    )
    if not broad or len(index.rank(word, limit=6)) <= 5:
        return ()
    text_ = message("answers.hint_generic", lang, word=word)
    return (Hint("search", text_, f"govgraph search {word}", "search", (("q", word),)),)


def _to_conflicts(
    every: Sequence[AnswerRow], key: str, claims: Claims, lang: str, about: str = ""
) -> tuple[Hint, ...]:
    """Where the sources disagree, when a fact of the answer is one side of a conflict (on
    the answer's subject, if it has one: `govgraph conflicts NOOTS`)."""
    if not any(claims.sides.get(str(r.get(key) or "")) for r in every):
        return ()
    command = f"govgraph conflicts {about}" if about else "govgraph conflicts"
    query = (("about", about),) if about else ()
    text = message("answers.hint_conflicts", lang)
    return (Hint("conflicts", text, command, "conflicts", query),)


# --- shared ------------------------------------------------------------------------------------


def _sourced(
    backend: Backend,
    records: Sequence[AnswerRow],
    key: str,
    ask: Ask,
    claims: Claims,
    source_iri: str | None,
    day: date | None,
) -> list[AnswerRow]:
    """Rows with sources and claim state, every claim kept (the faces decide), with notes."""
    out = decorate(records, claims, key, ask.lang, day, source_iri, all_claims=True)
    return add_inferred_from(out, backend, ask.lang, key)


def _listed(rows_: Sequence[AnswerRow], ask: Ask) -> tuple[AnswerRow, ...]:
    """The rows scripts get: overruled claims only when asked for (as before)."""
    return tuple(r for r in rows_ if ask.all_claims or r.get("claim_state") != "superseded")


def _stats(
    listed: Sequence[AnswerRow], every: Sequence[AnswerRow], key: str, lang: str, claims: Claims
):
    """Header: how many sources and facts stand behind the answer, how many conflicts."""
    sources = {i for r in listed for i in str(r.get("source_iris") or "").split() if i}
    facts = {r.get(key) for r in listed if r.get(key)}
    conflicts = {
        side.conflict for r in every for side in claims.sides.get(str(r.get(key) or ""), [])
    }
    out = []
    for name, count in (("sources", len(sources)), ("facts", len(facts))):
        if count:
            singular = name[:-1] if name.endswith("s") else name
            key_ = f"answers.stat_{singular}" if count == 1 else f"answers.stat_{name}"
            out.append(message(key_, lang, count=count))
    if conflicts:
        key_ = "answers.stat_conflict" if len(conflicts) == 1 else "answers.stat_conflicts"
        out.append(message(key_, lang, count=len(conflicts)))
    return tuple(out)


def _title(question: str, label: str, day: date | None, lang: str) -> str:
    stand = message("answers.as_of", lang, day=long_day(day, lang)) if day else ""
    return message(f"answers.{question}_title", lang, label=label) + stand


def _entries(
    rows_: Sequence[AnswerRow],
    key: str,
    ident: Callable[[AnswerRow], str],
    named: Callable[[AnswerRow], tuple[str, str, str]],
    cite: Citations,
    lang: str,
    describe: Callable[[Sequence[AnswerRow]], tuple[str, ...]] | None = None,
    notes_of: Callable[[Sequence[AnswerRow]], tuple[str, ...]] | None = None,
) -> tuple[tuple[Entry, ...], tuple[Overruled, ...]]:
    """One entry per `ident` (actor or item), in the order of its first row; rows whose claim
    is overruled give no entry of their own, only an overruled line (on the entry of the same
    actor or item, else on the group)."""
    by: dict[str, list[AnswerRow]] = {}
    for r in rows_:
        by.setdefault(ident(r), []).append(r)
    entries, loose = [], []
    for members in by.values():
        good = [r for r in members if cite.state(str(r.get(key) or "")) not in ("superseded",)]
        overruled = merged_overruled(o for r in members for o in cite.overruled(str(r.get(key))))
        if not good:
            loose += overruled
            continue
        name, long, iri = named(good[0])
        evidence = merged_evidence(
            e for r in good for e in cite.evidence(str(r.get(key) or ""), str(r.get("quote")))
        )
        entries.append(
            Entry(
                name=name,
                iri=iri,
                long_name=long,
                details=(describe or (lambda g: details(g, lang)))(good),
                notes=(notes_of or (lambda g: notes(g, lang)))(good),
                evidence=evidence,
                overruled=overruled,
            )
        )
    return _alike_joined(entries), merged_overruled(loose)


def _alike_joined(entries: list[Entry]) -> tuple[Entry, ...]:
    """Entries that say the same on the same evidence become one ("Bund, alle Bundesländer —
    Pflicht"): a duty the treaty gives every party is one statement, not two."""
    out: dict[tuple, Entry] = {}
    for e in entries:
        key = (e.details, e.notes, e.evidence, e.overruled)
        if key in out and e.evidence:
            first = out[key]
            name = f"{first.name} ({first.long_name})" if first.long_name else first.name
            other = f"{e.name} ({e.long_name})" if e.long_name else e.name
            out[key] = Entry(f"{name}, {other}", "", "", *key)
        else:
            out[key if e.evidence else (id(e),)] = e
    return tuple(out.values())


def _fallback(
    ask: Ask, fetch: Callable[[date | None], list[AnswerRow]]
) -> tuple[list[AnswerRow], date | None, bool]:
    """The rows on the day; if none holds then but some at other times, those (flag True)."""
    day = ask.day
    found = fetch(day)
    if not [r for r in found if r.get("claim_state") != "superseded"] and day is not None:
        other = fetch(None)
        if other:
            return other, None, True
    return found, day, False


def _nothing_note(day: date, label: str, every: Sequence[AnswerRow], lang: str) -> str:
    periods = "; ".join(dict.fromkeys(str(r.get("period")) for r in every if r.get("period")))
    when = f" ({periods})" if periods else ""
    return message("answers.nothing_on_day", lang, day=long_day(day, lang), label=label, when=when)


# --- who ---------------------------------------------------------------------------------------


def _who_section(row: WhoRow) -> str:
    kind = row.group or ranking.kind(row)
    if kind != "direct":
        return kind
    for section, roles in SECTIONS.items():
        if row.role_iri in roles:
            return section
    return "duty"


def _units_to_bodies(rows_: Sequence[WhoRow]) -> list[WhoRow]:
    """A fact stated of a unit (the "fachlich koordinierende Stelle bei der FITKO") shown as the
    body's, with the unit as its route: readers ask which body coordinates. The row through
    the unit takes the unit's place among the stated rows; the unit's own row is dropped."""
    direct = {r.fact_iri: r for r in rows_ if r.group == "direct" and r.fact_iri}
    through = {
        r.fact_iri: r
        for r in rows_
        if r.group == "derived"
        and r.fact_iri in direct
        and r.actor_iri != direct[r.fact_iri].actor_iri
    }
    out = []
    for r in rows_:
        if r.group == "derived" and through.get(r.fact_iri) is r:
            continue
        if r.group == "direct" and r.fact_iri in through:
            out.append(through[r.fact_iri].updated(group="direct"))
            continue
        out.append(r)
    return out


def _role_rank(row: WhoRow) -> int:
    for roles in SECTIONS.values():
        if row.role_iri in roles:
            return roles.index(row.role_iri)
    return len(SECTIONS)


def _rank_in_section(row: WhoRow) -> tuple[int, bool, float]:
    """By role, then a stated share before none and the larger first: who funds how much is
    what a reader of the funding section looks for (FITKO 53,4 %, Bund 46,6 %, then the
    parties' general duty to bear costs)."""
    return _role_rank(row), row.share is None, -(row.share or 0.0)


def _section_title(section: str, lang: str) -> str:
    if section in ("derived", "other"):
        return message(f"answers.group_{section}", lang)
    return message(f"answers.section_{section}", lang)


def who(backend: Backend, subject: str, ask: Ask) -> Answer:
    """Who is responsible for `subject` (a name): operators, deciders, funders with share and
    period, duties, then what follows from structure, each actor once with its evidence."""
    index = ask.index or EntityIndex(backend, ask.lang)
    found = resolve(backend, subject, ask.lang, index)
    claims, source_iri = _claims(backend, ask)
    asked = ranking.Who(backend, found.iri, ask.lang)

    def fetch(day: date | None) -> list[AnswerRow]:
        raw = asked.rows(day)
        return _sourced(backend, raw, "fact_iri", ask, claims, source_iri, day)

    every, day, moved = _fallback(ask, fetch)
    index.remember(found)
    names = Names(index, ask.lang)
    label = names.full(found.iri, found.label(ask.lang))
    listed = _listed(every, ask)
    if not listed:
        raise NoResults(f"who {found.label(ask.lang)}" + _stand(ask.day, ask.lang), ask.lang)
    cite = _citations(backend, ask, claims, day)
    bodies = _units_to_bodies(every)
    names.expect((r.actor_iri, r.actor) for r in bodies)
    sections: dict[str, list[WhoRow]] = {s: [] for s in WHO_ORDER}
    for r in bodies:
        sections[_who_section(r)].append(r)
    groups = []
    for section in WHO_ORDER:
        members = sections[section]
        if section != "derived":  # derived rows keep the query's order (by route)
            members = sorted(members, key=_rank_in_section)
        entries, loose = _entries(
            members,
            "fact_iri",
            lambda r: r.actor_iri or r.actor,
            lambda r: (*names.pair(r.actor_iri, r.actor), r.actor_iri),
            cite,
            ask.lang,
        )
        if entries or loose:
            groups.append(Group(section, _section_title(section, ask.lang), entries, loose))
    note = _nothing_note(ask.day, label, every, ask.lang) if moved and ask.day else ""
    return Answer(
        question="who",
        title=_title("who", label, day, ask.lang),
        day=day.isoformat() if day else "",
        stats=_stats(listed, every, "fact_iri", ask.lang, claims),
        note=note,
        groups=tuple(groups),
        hints=_to_conflicts(every, "fact_iri", claims, ask.lang, subject.strip())
        + _hints(index, subject, found, ask.lang),
        rows=listed,
        columns=WhoRow.CSV,
        overruled_quotes=frozenset(cite.tainted),
    )


def _stand(day: date | None, lang: str) -> str:
    return message("answers.as_of", lang, day=long_day(day, lang)) if day else ""


# --- what --------------------------------------------------------------------------------------


def what(backend: Backend, actor: str, ask: Ask) -> Answer:
    """What `actor` (a name) is responsible for, funds, belongs to, demanded or was asked:
    one entry per item within each relation, the item's roles joined."""
    index = ask.index or EntityIndex(backend, ask.lang)
    found = resolve(backend, actor, ask.lang, index)
    claims, source_iri = _claims(backend, ask)

    def fetch(day: date | None) -> list[AnswerRow]:
        raw = rows.involvement(backend, found.iri, ask.lang, day)
        return _sourced(backend, raw, "item_iri", ask, claims, source_iri, day)

    every, day, moved = _fallback(ask, fetch)
    index.remember(found)
    names = Names(index, ask.lang)
    label = names.full(found.iri, found.label(ask.lang))
    listed = _listed(every, ask)
    if not listed:
        raise NoResults(f"what {found.label(ask.lang)}" + _stand(ask.day, ask.lang), ask.lang)
    names.expect(
        [(r.object_iri, r.object) for r in every]
        + [(r.counterpart_iri, r.counterpart) for r in every]
    )
    cite = _citations(backend, ask, claims, day)
    relations: dict[str, list[WhatRow]] = {}
    for r in every:
        relations.setdefault(r.relation, []).append(r)

    def named(r: WhatRow) -> tuple[str, str, str]:
        short, long = names.pair(r.object_iri, r.object)
        if r.counterpart:
            other = names.pair(r.counterpart_iri, r.counterpart)[0]
            short = f"{short} ({other})" if short else other
        return short, long, r.object_iri

    def describe(members: Sequence[AnswerRow]) -> tuple[str, ...]:
        # The role says it where there is one; else the fact's own statement.
        return details(members, ask.lang) or tuple(
            dict.fromkeys(str(r.get("statement")) for r in members if r.get("statement"))
        )

    groups = []
    for relation, members in relations.items():
        entries, loose = _entries(
            members,
            "item_iri",
            lambda r: f"{r.object_iri or r.object}|{r.counterpart_iri}",
            named,
            cite,
            ask.lang,
            describe=describe,
        )
        if entries or loose:
            title = members[0].relation_label
            groups.append(Group(relation, title[:1].upper() + title[1:], entries, loose))
    note = _nothing_note(ask.day, label, every, ask.lang) if moved and ask.day else ""
    return Answer(
        question="what",
        title=_title("what", label, day, ask.lang),
        day=day.isoformat() if day else "",
        stats=_stats(listed, every, "item_iri", ask.lang, claims),
        note=note,
        groups=tuple(groups),
        hints=_to_conflicts(every, "item_iri", claims, ask.lang, actor.strip())
        + _hints(index, actor, found, ask.lang),
        rows=listed,
        columns=WhatRow.CSV,
        overruled_quotes=frozenset(cite.tainted),
    )


# --- deadlines ---------------------------------------------------------------------------------

DEADLINE_ORDER = ("open", "upcoming", "past")


def deadlines(
    backend: Backend,
    ask: Ask,
    start: date | None = None,
    end: date | None = None,
    status: str | None = None,
) -> Answer:
    """Deadlines and dated events relative to today: what runs, what comes (in time order),
    what has passed (latest first), one entry per event with who and what it concerns."""
    if start and end and start > end:
        after = bilingual("answers.from_after_to")
        raise UsageError(f"--from {start.isoformat()} {after} --to {end.isoformat()}")

    from govgraph.graph.answers import precomputed

    claims, source_iri = _claims(backend, ask)
    stored = precomputed.dated_rows(backend, ask.lang)
    raw = rows.deadlines(backend, ask.lang, ask.today, start, end, status, stored)
    every = _sourced(backend, raw, "iri", ask, claims, source_iri, ask.today)
    listed = _listed(every, ask)
    if not listed:
        raise NoResults("deadlines" + (f" --status {status}" if status else ""), ask.lang)
    cite = _citations(backend, ask, claims, ask.today)

    # The rows are DeadlineRows: their own fields are read as attributes (28,000 entries at 1M).
    def describe(members: Sequence[DeadlineRow]) -> tuple[str, ...]:
        r = members[0]
        kind = r.kind_label + (f": {r.new_status}" if r.new_status else "")
        return (f"{kind} – {r.what}",)

    def notes_of(members: Sequence[DeadlineRow]) -> tuple[str, ...]:
        r = members[0]
        out = []
        if r.actors:
            out.append(message("answers.actors", ask.lang, names=r.actors))
        if r.concerns:
            out.append(message("answers.concerns", ask.lang, names=r.concerns))
        return tuple(out) + notes(members, ask.lang)

    groups = []
    for section in DEADLINE_ORDER:
        members = [r for r in every if r.status == section]
        if section == "past":  # the latest first: what just happened matters most
            members.reverse()
        entries, loose = _entries(
            members,
            "iri",
            lambda r: r.iri,
            lambda r: (r.when, "", ""),
            cite,
            ask.lang,
            describe=describe,
            notes_of=notes_of,
        )
        if entries or loose:
            title = message(f"answers.section_{section}", ask.lang)
            groups.append(Group(section, title, entries, loose))
    today = long_day(ask.today, ask.lang)
    return Answer(
        question="deadlines",
        title=message("answers.deadlines_title", ask.lang, day=today),
        day=ask.today.isoformat(),
        stats=_stats(listed, every, "iri", ask.lang, claims),
        groups=tuple(groups),
        hints=_to_conflicts(every, "iri", claims, ask.lang),
        rows=listed,
        columns=DeadlineRow.CSV,
        overruled_quotes=frozenset(cite.tainted),
    )


# --- demands -----------------------------------------------------------------------------------


def demands(backend: Backend, ask: Ask, by: str | None = None, to: str | None = None) -> Answer:
    """Demands and positions, by whom (one group each), one entry per demand with to whom,
    about what and when; optionally only those by or to an actor (names; units count)."""
    index = ask.index or EntityIndex(backend, ask.lang)
    by_entity = resolve(backend, by, ask.lang, index) if by else None
    to_entity = resolve(backend, to, ask.lang, index) if to else None
    claims, source_iri = _claims(backend, ask)
    raw = rows.demands(
        backend,
        ask.lang,
        by_entity.iri if by_entity else None,
        to_entity.iri if to_entity else None,
    )
    every = _sourced(backend, raw, "iri", ask, claims, source_iri, None)
    listed = _listed(every, ask)
    if not listed:
        parts = ["demands"]
        if by_entity:
            parts.append(f"--by {by_entity.label(ask.lang)}")
        if to_entity:
            parts.append(f"--to {to_entity.label(ask.lang)}")
        raise NoResults(" ".join(parts), ask.lang)
    cite = _citations(backend, ask, claims, None)
    names = Names(index, ask.lang)
    names.expect(
        [(str(r.get("addressee_iri") or ""), str(r.get("addressee") or "")) for r in every]
        + [(r.actor_iri, r.actor) for r in every]
    )

    def describe(members: Sequence[AnswerRow]) -> tuple[str, ...]:
        r = members[0]
        to_names = ", ".join(
            dict.fromkeys(
                names.full(str(m.get("addressee_iri")), str(m.get("addressee"))) for m in members
            )
        )
        parts = [str(r.get("kind"))]
        if to_names:
            parts.append(message("answers.to_addressee", ask.lang, name=to_names))
        if r.get("when"):
            parts.append(str(r.get("when")))
        return (" ".join(parts),)

    def notes_of(members: Sequence[AnswerRow]) -> tuple[str, ...]:
        r = members[0]
        out = []
        if r.get("about"):
            out.append(message("answers.about", ask.lang, names=r.get("about")))
        if any(m.get("addressee_inferred") for m in members):
            out.append(message("answers.addressee_inferred", ask.lang))
        return tuple(out) + notes(members, ask.lang)

    actors: dict[str, list[DemandRow]] = {}
    for r in every:
        actors.setdefault(r.actor_iri or r.actor, []).append(r)
    groups = []
    for actor_iri, members in actors.items():
        entries, loose = _entries(
            members,
            "iri",
            lambda r: str(r.get("iri")),
            lambda r: (str(r.get("statement")), "", str(r.get("iri"))),
            cite,
            ask.lang,
            describe=describe,
            notes_of=notes_of,
        )
        if entries or loose:
            who_ = names.full(actor_iri, members[0].actor)
            title = message("answers.section_demands_by", ask.lang, actor=who_)
            groups.append(Group(actor_iri, title, entries, loose))
    title_key = "answers.demands_title"
    return Answer(
        question="demands",
        title=message(title_key, ask.lang),
        stats=_stats(listed, every, "iri", ask.lang, claims),
        groups=tuple(groups),
        hints=_to_conflicts(every, "iri", claims, ask.lang),
        rows=listed,
        columns=DemandRow.CSV,
        overruled_quotes=frozenset(cite.tainted),
    )


# --- show: an entity's card ------------------------------------------------------------------


def card(backend: Backend, name: str, ask: Ask) -> dict[str, object]:
    """An entity's card as of a day (`at`, else today): names, type, relations, its facts with
    sources and claim state (overruled ones only with `all_claims`), evidence and status."""
    from govgraph.graph.answers.card import entity_card
    from govgraph.graph.answers.records import as_json
    from govgraph.graph.answers.status import status_on

    found = resolve(backend, name, ask.lang, ask.index)
    claims, source_iri = _claims(backend, ask)
    day = ask.at or ask.today
    out = entity_card(backend, found.iri, ask.lang)
    facts = decorate(out["facts"], claims, "iri", ask.lang, day, source_iri, ask.all_claims)
    out["facts"] = [{**as_json(f), "conflicts": disputes(claims, str(f["iri"]))} for f in facts]
    out["as_of"] = day.isoformat()
    status = status_on(backend, found.iri, ask.lang, day, claims)
    out["status"] = status.to_json() if status else None
    return out


def disputes(claims: Claims, fact: str) -> list[str]:
    """What the sources disagree on where `fact` is one side ("label – rule"), for marking."""
    return list(
        dict.fromkeys(
            " – ".join(filter(None, (side.label, side.rule_label)))
            for side in claims.sides.get(fact, [])
        )
    )


# --- search ------------------------------------------------------------------------------------


def search(backend: Backend, text: str, ask: Ask, limit: int = 20) -> list[dict[str, object]]:
    """Entities whose labels match `text`, best first (close spellings when none does)."""
    return [r.to_json() for r in rows.search(backend, ask.lang, text, limit)]


# --- sources, conflicts, path ----------------------------------------------------------------


def _iso_words(value: str, lang: str) -> str:
    """ "2009-11-20" as "20. November 2009"; a year ("2025") or other text as it stands."""
    try:
        return long_day(date.fromisoformat(value), lang)
    except ValueError:
        return value


def _capital(title: str) -> str:
    """A heading starts with a capital ("Primary text"), whatever the label's case."""
    return title[:1].upper() + title[1:]


def _counted(count: int, lang: str, one: str, many: str) -> str:
    return message(one, lang) if count == 1 else message(many, lang, count=count)


def _source_entry(r: Mapping[str, object], lang: str) -> Entry:
    """A source as a reader looks it up: short name, what rests on it, then its full title,
    dates, publisher and where to find it, each on a line of its own."""
    said = message("answers.source_counts", lang, facts=r["facts"], quotes=r["quotes"])
    dates = [
        message(key, lang, day=_iso_words(str(r[field]), lang))
        for field, key in (
            ("issued", "answers.source_issued"),
            ("version", "answers.source_version"),
        )
        if r.get(field)
    ]
    lines = [str(r["title"])] if r.get("title") and r["title"] != r["short_name"] else []
    lines += [" · ".join(dates)] if dates else []
    if r.get("publisher"):
        lines.append(message("answers.source_publisher", lang, name=r["publisher"]))
    lines += [str(r[k]) for k in ("in_force", "url") if r.get(k)]
    return Entry(
        name=str(r["short_name"] or r["title"]),
        iri=str(r["iri"]),
        details=(said,),
        lines=tuple(lines),
        link="source",
    )


def sources(backend: Backend, ask: Ask) -> Answer:
    """The source documents, grouped by kind (primary texts, secondary sources), each with
    what rests on it and its bibliographic record; scripts get every field of every record."""
    from govgraph.graph.sources.claims import source_records

    records = source_records(backend, ask.lang)
    if not records:
        raise NoResults("sources", ask.lang)
    kinds: dict[str, list[Mapping[str, object]]] = {}
    for r in records:
        kinds.setdefault(str(r["kind_iri"] or r["kind"]), []).append(r)
    groups = tuple(
        Group(
            kind,
            _capital(str(members[0]["kind"] or kind)),
            tuple(_source_entry(r, ask.lang) for r in members),
        )
        for kind, members in kinds.items()
    )
    quotes = sum(int(str(r["quotes"] or 0)) for r in records)
    stats = (
        _counted(len(records), ask.lang, "answers.stat_source", "answers.stat_sources"),
        message("answers.stat_quotes", ask.lang, count=quotes),
    )
    return Answer(
        question="sources",
        title=message("answers.sources_title", ask.lang),
        stats=stats,
        groups=groups,
        rows=tuple(records),
        columns=tuple(records[0]),
    )


def _claim_mark(r: Mapping[str, object], lang: str) -> str:
    """✓ gilt, ✗ überholt, ? umstritten – and "gilt noch" for a claim a later status replaces
    only after the day asked about."""
    state = str(r["claim_state"])
    if state:
        return message(f"answers.claim_{state}", lang)
    return message("answers.claim_follows" if r["follows"] else "answers.claim_not_yet", lang)


def _later_from(claims: Claims, claim: str, day: date | None) -> str:
    """The day a later status takes over, if `claim` is that status and `day` is before it."""
    from govgraph.graph.sources.claims import RULE_LATER_STATUS

    for side in claims.sides.get(claim, []):
        if side.rule == RULE_LATER_STATUS and day and day.isoformat() < side.rivals_from:
            return side.rivals_from
    return ""


def _facts_about(backend: Backend, iri: str, lang: str) -> set[str]:
    """The facts a `who` or `what` answer about `iri` rests on, at any time: the conflicts
    "about" an entity are those its answers would count in their header."""
    facts = {str(r.get("fact_iri")) for r in ranking.who_ranked(backend, iri, lang, None)}
    return facts | {str(r.get("item_iri")) for r in rows.involvement(backend, iri, lang, None)}


def conflicts(backend: Backend, ask: Ask, about: str | None = None) -> Answer:
    """Where sources disagree: one group per conflict with its rule and why, one entry per
    claim with its source, locator and quote, marked as followed or overruled as of the day
    (a later status takes over only from its own day); `source` keeps conflicts with it,
    `about` (a name) those on which an answer about that entity rests."""
    from govgraph.graph.sources.claims import conflict_records

    claims, source_iri = _claims(backend, ask)
    day = ask.day
    found = resolve(backend, about, ask.lang, ask.index) if about else None
    wanted = _facts_about(backend, found.iri, ask.lang) if found else None
    found_conflicts = conflict_records(backend, ask.lang, source_iri)
    if wanted is not None:
        touched = {r["conflict_iri"] for r in found_conflicts if r["claim_iri"] in wanted}
        found_conflicts = [r for r in found_conflicts if r["conflict_iri"] in touched]
    records = []
    for r in found_conflicts:
        stated = {**r, "claim_state": claims.state(str(r["claim_iri"]), day)}
        starts = _later_from(claims, str(r["claim_iri"]), day) if r["follows"] else ""
        mark = (
            message("answers.claim_from", ask.lang, day=_iso_words(starts, ask.lang))
            if starts
            else _claim_mark(stated, ask.lang)
        )
        records.append({**stated, "mark": mark})
    if not records:
        asked = ["conflicts", found.label(ask.lang) if found else ""]
        asked.append(f"--source {ask.source}" if ask.source else "")
        raise NoResults(" ".join(filter(None, asked)), ask.lang)
    by: dict[str, list[dict[str, object]]] = {}
    for r in records:
        by.setdefault(str(r["conflict_iri"]), []).append(r)
    groups = []
    for key, members in by.items():
        first = members[0]
        entries = tuple(
            Entry(
                name=str(r["mark"]),
                details=(str(r["claim"]),),
                evidence=(Evidence(str(r["source"]), str(r["locator"]), str(r["quote"])),)
                if r["quote"]
                else (),
            )
            for r in members
        )
        title = (
            f"{first['conflict']} ({first['aspect']})"
            if first["aspect"]
            else str(first["conflict"])
        )
        note = message("answers.conflict_rule", ask.lang, rule=first["rule"], why=first["why"])
        groups.append(Group(key, title, entries, note=note))
    title = message("answers.conflicts_title", ask.lang)
    if found:
        label = Names(ask.index or EntityIndex(backend, ask.lang), ask.lang)
        title += message(
            "answers.conflicts_about", ask.lang, label=label.full(found.iri, found.label(ask.lang))
        )
    if ask.source:
        title += message("answers.conflicts_of_source", ask.lang, source=ask.source)
    stats = (_counted(len(groups), ask.lang, "answers.stat_conflict", "answers.stat_conflicts"),)
    return Answer(
        question="conflicts",
        title=title + _stand(day, ask.lang),
        day=day.isoformat() if day else "",
        stats=stats,
        groups=tuple(groups),
        rows=tuple(records),
        columns=tuple(records[0]),
    )


def path(
    backend: Backend,
    a: str,
    b: str,
    ask: Ask,
    network: Callable[[date | None], object],
    limit: int = 5,
) -> Answer:
    """How two named entities are connected: the shortest chains of relations between them
    (as of `at`, else regardless of time), each step with the quotes its facts rest on and
    what overrules them. `network` projects the graph for a day (the faces own the picture
    layer: graph/views sits above this one)."""
    from govgraph.graph.answers.path import chain_record, marked_text, shortest_chains, step_entry
    from govgraph.graph.errors import NotFoundError

    index = ask.index or EntityIndex(backend, ask.lang)
    start, end = (resolve(backend, name, ask.lang, index) for name in (a, b))
    day = ask.at
    g = network(day)
    chains = shortest_chains(g, start.iri, end.iri, limit)
    if not chains:
        raise NotFoundError(
            f"{bilingual('cli.path.no_connection')} between {start.label(ask.lang)!r} "
            f"and {end.label(ask.lang)!r}"
        )
    claims, _ = _claims(backend, ask)
    cite = _citations(backend, ask, claims, day)
    records = tuple(chain_record(g, c, cite) for c in chains)
    groups = tuple(
        Group(
            f"chain-{n}",
            message("answers.path_chain", ask.lang, n=n, text=marked_text(g, c, cite, ask.lang)),
            tuple(step_entry(g, s, cite, ask.lang) for s in c.steps),
            names=tuple(g.nodes[n].get("label", n) for n in c.nodes),
        )
        for n, c in enumerate(chains, 1)
    )
    steps = len(chains[0].steps)
    stats = (
        _counted(len(chains), ask.lang, "answers.path_chains_one", "answers.path_chains"),
        _counted(steps, ask.lang, "answers.path_steps_one", "answers.path_steps"),
    )
    names = Names(index, ask.lang)
    label_a = names.full(start.iri, start.label(ask.lang))
    label_b = names.full(end.iri, end.label(ask.lang))
    title = message("answers.path_title", ask.lang, a=label_a, b=label_b)
    return Answer(
        question="path",
        title=title + _stand(day, ask.lang),
        day=day.isoformat() if day else "",
        stats=stats,
        groups=groups,
        rows=records,
        columns=("length", "text"),
    )
