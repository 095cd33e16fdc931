"""Rank and group `who` answers: what the sources state about the subject first, what follows
from structure (narrower topics, parts, sub-bodies, works that concern it) apart, each derived
row saying from what it follows; duplicates collapsed.

A reader who sees a derived row beside a stated one takes both as stated; and a body that was
only asked for contacts, or a company that runs a product, is not "responsible". So the answer
is split into groups, and roles that are not responsibilities are not counted as such.
"""

from __future__ import annotations

from datetime import date

from govgraph.graph.answers.records import WhoRow
from govgraph.graph.answers.rows import run, text
from govgraph.graph.i18n import message
from govgraph.graph.sparql.named import run_named
from govgraph.graph.store.backend import Backend

GG = "https://w3id.org/govgraph/ontology#"
GGC = "https://w3id.org/govgraph/concept/"
# Roles that describe taking part, not a duty: naming contacts or registers, attending.
NOT_DUTIES = (GGC + "identification", GGC + "participant", GGC + "guest")
# A status change in which a company starts running its product reports what happened to a
# thing, not who answers for it.
PRODUCT_STATUS = (GG + "StatusChange", GGC + "operation")
# Relations between an entity and an actor that say who runs or set it up (no fact node).
STRUCTURAL = (GG + "operatedBy", GG + "establishedBy")

GROUPS = ("direct", "derived", "other")


def group_titles(lang: str) -> dict[str, str]:
    """The title of each group, in the order the groups are shown."""
    return {g: message(f"answers.group_{g}", lang) for g in GROUPS}


def _relations(backend: Backend, subject: str, lang: str) -> list:
    """The subject's outgoing relations (entity-relations), read once for both uses below."""
    return [
        r
        for r in run(backend, "entity-relations", lang, entity=subject)
        if text(r, "direction") == "out"
    ]


def structural(
    backend: Backend, subject: str, lang: str, relations: list | None = None
) -> list[WhoRow]:
    """Who operates or established `subject`, stated as a plain relation (EfA-Marktplatz is
    operated by govdigital): `who` rows, with the subject's own quote that names the actor."""
    if relations is None:
        relations = _relations(backend, subject, lang)
    found = [row for row in relations if text(row, "property") in STRUCTURAL]
    if not found:  # most subjects: no quotes needed
        return []
    evidence = run(backend, "entity-evidence", lang, entity=subject)
    quotes = [text(r, "quote") for r in evidence]
    records = []
    for row in found:
        actor = text(row, "otherLabel")
        quote = next((q for q in quotes if actor and actor in q), "")
        if not quote:
            quote = _in_own_text(backend, lang, text(row, "other"), evidence)
        records.append(
            WhoRow(
                actor=actor,
                actor_iri=text(row, "other"),
                role=text(row, "propertyLabel"),
                role_iri=text(row, "property"),
                fact_type="",
                share=None,
                period="",
                start="",
                end="",
                certainty=message("answers.stated", lang),
                via="",
                subject="",
                subject_iri=subject,
                fact="",
                fact_iri="",
                quote=quote,
                source="",
            )
        )
    return records


def _in_own_text(backend: Backend, lang: str, actor: str, evidence: list) -> str:
    """The subject's quote from the actor's own text, where no quote names the actor: a treaty
    that sets up a body says so in its own words ("Die Vertragspartner errichten … eine
    rechtsfähige Anstalt" for the FITKO, in the IT-Staatsvertrag), naming neither itself nor
    its title. The actor's text is a source its own quotes come from; "" where none is."""
    own = {text(r, "source") for r in run(backend, "entity-evidence", lang, entity=actor)}
    own.discard("")
    return next((text(r, "quote") for r in evidence if text(r, "source") in own), "")


def kind(record: WhoRow) -> str:
    """direct (stated about the subject), derived (via structure) or other (not a duty)."""
    if record.role_iri in NOT_DUTIES:
        return "other"
    if (record.fact_type, record.role_iri) == PRODUCT_STATUS:
        return "other"
    return "derived" if record.via else "direct"


def collapse(records: list[WhoRow]) -> list[WhoRow]:
    """One row per actor, role, period and quote: the same statement reached a second way
    (directly and through a work that concerns the subject) is shown once, the first way."""
    seen: set[tuple] = set()
    out = []
    for r in records:
        key = (r.actor_iri, r.role, r.period, r.quote)
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out


def grouped(records: list[WhoRow]) -> list[WhoRow]:
    """Stated rows first, then derived, then other involvement (order otherwise kept),
    duplicates collapsed; each record gets `group`."""
    ordered = sorted(records, key=lambda r: GROUPS.index(kind(r)))
    return [r.updated(group=kind(r)) for r in collapse(ordered)]


def twin_topics(
    backend: Backend, subject: str, lang: str, relations: list | None = None
) -> list[str]:
    """Topics that carry the subject's own name and that it concerns: the programme
    "Verwaltungsdigitalisierung" and the topic "Verwaltungsdigitalisierung (Thema)". Facts
    stated about the one answer for the other (the report names both alike)."""
    if relations is None:
        relations = _relations(backend, subject, lang)
    topics = [
        row
        for row in relations
        if text(row, "property") == GG + "concerns" and text(row, "otherType") == GG + "Topic"
    ]
    if not topics:  # most subjects: no names needed
        return []
    names = {
        text(r, "label").casefold()
        for r in run(backend, "entity-card", lang, entity=subject)
        if text(r, "labelKind") == "pref"
    }
    twins = []
    for row in topics:
        label = text(row, "otherLabel").casefold()
        if any(label == n or label.startswith(n + " (") for n in names):
            twins.append(text(row, "other"))
    # Only a fact stated of the twin itself is added (Who.rows keeps its rows without `via`):
    # a twin no fact names adds nothing, and asking who-responsible for it costs ~25 ms.
    return [t for t in twins if run_named(backend, "internal/named-by-facts", entity=t)]


class Who:
    """`who` of one subject, grouped: the facts about the subject and its same-named topic,
    plus who operates or established it. What does not change with the day (the relations,
    the structural rows, the twin topics) is read once, however many days are asked."""

    def __init__(self, backend: Backend, subject: str, lang: str) -> None:
        self.backend, self.subject, self.lang = backend, subject, lang
        self._fixed: tuple[list[WhoRow], list[str]] | None = None

    def _structure(self) -> tuple[list[WhoRow], list[str]]:
        if self._fixed is None:
            relations = _relations(self.backend, self.subject, self.lang)
            self._fixed = (
                structural(self.backend, self.subject, self.lang, relations),
                twin_topics(self.backend, self.subject, self.lang, relations),
            )
        return self._fixed

    def rows(self, at: date | None) -> list[WhoRow]:
        from govgraph.graph.answers.rows import who

        found, twins = self._structure()
        records = found + who(self.backend, self.subject, self.lang, at)
        for twin in twins:
            records += [r for r in who(self.backend, twin, self.lang, at) if not r.via]
        return grouped(records)


def who_ranked(backend: Backend, subject: str, lang: str, at: date | None) -> list[WhoRow]:
    """`who`, grouped (see Who)."""
    return Who(backend, subject, lang).rows(at)
