"""Write candidates as a Turtle file a person reads and edits, one commented block each.

Every candidate is `gg:reviewStatus ggc:draft` and, where it is a fact, `gg:certainty ggc:draft`
as well, so that even when drafts are loaded on purpose (`--include-drafts`) the answers label
them "Entwurf". Before anything is written every quote is checked against the stored text: a
candidate whose quote is not verbatim there is a bug, and the file is not written at all.
"""

from __future__ import annotations

import re
from datetime import date

import pyoxigraph as ox

from govgraph.graph.curation.drafting import Candidate
from govgraph.graph.errors import DataError
from govgraph.graph.i18n import bilingual
from govgraph.graph.namespaces import PREFIXES
from govgraph.graph.sources.library import SourceInfo

PREFIX_LINES = "".join(
    f"@prefix {p}: <{PREFIXES[p]}> .\n"
    for p in ("gg", "ggc", "ggd", "rdfs", "xsd", "skos", "org", "time", "prov", "oa")
)
KIND_WORDS = {
    "Mention": bilingual("sources.draft.kind.mention"),
    "NewEntity": bilingual("sources.draft.kind.new_entity"),
    "TimePoint": bilingual("sources.draft.kind.time_point"),
    "AmountMention": bilingual("sources.draft.kind.amount"),
    "FundingArrangement": bilingual("sources.draft.kind.funding"),
    "Deadline": bilingual("sources.draft.kind.deadline"),
    "Demand": bilingual("sources.draft.kind.demand"),
    "Membership": bilingual("sources.draft.kind.membership"),
    "Responsibility": bilingual("sources.draft.kind.responsibility"),
}
FACT_KINDS = ("FundingArrangement", "Deadline", "Demand", "Membership", "Responsibility")
_SAFE_LOCAL = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


def candidate_iri(info: SourceInfo, number: int) -> str:
    return f"{PREFIXES['ggd']}draft-{info.id}-{number:03d}"


def term(iri: str) -> str:
    """A prefixed name where it is safe to write one, else <iri>."""
    for prefix in ("ggd", "ggc", "gg"):
        local = iri.removeprefix(PREFIXES[prefix])
        if local != iri and _SAFE_LOCAL.fullmatch(local):
            return f"{prefix}:{local}"
    return str(ox.NamedNode(iri))


def lit(value: str, lang: str | None = None, datatype: str | None = None) -> str:
    """A Turtle literal, escaped by pyoxigraph."""
    if lang:
        return str(ox.Literal(value, language=lang))
    if datatype:
        return str(ox.Literal(value, datatype=ox.NamedNode(PREFIXES["xsd"] + datatype))).replace(
            f"<{PREFIXES['xsd']}{datatype}>", f"xsd:{datatype}"
        )
    return str(ox.Literal(value))


def evidence(info: SourceInfo, quote: str, locator: str) -> str:
    return (
        f"[ a oa:SpecificResource ; oa:hasSource {term(info.iri)} ;\n"
        f"        oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact {lit(quote)} ] ;\n"
        f"        gg:locator {lit(locator)} ]"
    )


def _body(c: Candidate, info: SourceInfo) -> list[str]:
    """The predicate-object lines of one candidate, after its type and status."""
    gg = PREFIXES["gg"]
    lines: list[str] = []
    if c.kind == "Mention" and c.entity:
        lines.append(f"gg:mentions {term(c.entity.iri)}")
        lines.append(
            f"rdfs:label {lit('Erwähnung: ' + c.entity.label_de, 'de')} , "
            f"{lit('mention: ' + c.entity.label_en, 'en')}"
        )
    elif c.kind == "NewEntity":
        lines.append(f"skos:prefLabel {lit(c.name, 'de')}")
        lines.append(f"gg:proposedType {term(gg + c.proposed_type)}")
    elif c.kind == "TimePoint" and c.date:
        d = c.date
        prop, value = d.xsd
        datatype = {"inXSDDate": "date", "inXSDgYearMonth": "gYearMonth"}.get(prop, "gYear")
        lines.append(f"rdfs:label {lit(d.core, 'de')} , {lit(d.label_en, 'en')}")
        lines.append(f"gg:precision ggc:{d.precision}")
        lines.append(f"time:{prop} {lit(value, datatype=datatype)}")
        lines.append(
            f"gg:notBefore {lit(d.not_before.isoformat(), datatype='date')} ; "
            f"gg:notAfter {lit(d.not_after.isoformat(), datatype='date')}"
        )
    elif c.kind == "AmountMention" and c.amount:
        lines.append(f"gg:amount {lit(str(c.amount.value), datatype='decimal')}")
        if c.amount.currency:
            lines.append(f"gg:currency {lit(c.amount.currency)}")
        label = ("Betrag: " if c.amount.currency else "Anteil: ") + c.amount.text
        lines.append(f"rdfs:label {lit(label, 'de')}")
    elif c.kind in FACT_KINDS:
        lines.append(f"rdfs:label {lit(c.label_de, 'de')} , {lit(c.label_en, 'en')}")
        lines.append("gg:certainty ggc:draft")
        if c.intended:
            lines.append("gg:proposedCertainty ggc:intended")
        for a in c.actors:
            lines.append(f"gg:actor {term(a.iri)}")
        for s in c.subjects:
            lines.append(f"gg:subject {term(s.iri)}")
        lines.append(f"gg:role ggc:{c.role}")
        if c.kind == "Membership" and c.actors and c.subjects:
            lines.append(f"org:member {term(c.actors[0].iri)}")
            lines.append(f"org:organization {term(c.subjects[0].iri)}")
            lines.append(f"org:role ggc:{c.role}")
        if c.addressee is not None:
            lines.append(f"gg:addressee {term(c.addressee.iri)}")
        if c.share is not None:
            lines.append(f"gg:share {lit(str(c.share), datatype='decimal')}")
        if c.due is not None:
            lines.append(f"gg:dueBy {term(candidate_iri(info, c.due))}")
    lines.append(f"gg:matchedText {lit(c.matched)}")
    lines.append(f"prov:wasDerivedFrom {evidence(info, c.unit.text, c.unit.locator)}")
    return lines


def check_quotes(candidates: list[Candidate], text: str) -> None:
    """Every quote must stand verbatim in the stored text, where its unit says it starts."""
    for c in candidates:
        q = c.unit.text
        if len(q) < 3 or text[c.unit.start : c.unit.start + len(q)] != q or c.matched not in q:
            raise DataError(f"candidate {c.number}: quote not verbatim in the source text: {q!r}")


def render(candidates: list[Candidate], info: SourceInfo, today: date) -> str:
    """The whole draft file."""
    out = [
        f"# {bilingual('sources.draft.drafts_for')} {info.id} ({info.title}), {today.isoformat()}",
        f"# {bilingual('sources.draft.review')}: "
        "govgraph review THIS-FILE [--accept N … --reject N …]",
        "# Each candidate is gg:reviewStatus ggc:draft until a person accepts or rejects it;",
        "# edit labels, actors and subjects freely, keep the quote (oa:exact) verbatim.",
        "",
        PREFIX_LINES,
    ]
    for c in candidates:
        where = c.unit.locator
        out.append(
            f"# [{c.number}] {KIND_WORDS.get(c.kind, c.kind)} · {c.confidence:.2f} · {where}"
        )
        out.append(f"{term(candidate_iri(info, c.number))} a gg:Candidate , gg:{c.kind} ;")
        lines = ["gg:reviewStatus ggc:draft", f"gg:confidence {c.confidence:.2f}", *_body(c, info)]
        out.append(" ;\n".join("    " + line for line in lines) + " .\n")
    return "\n".join(out)
