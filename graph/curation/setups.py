"""Set-ups and seats: "Der IT-Planungsrat richtet … eine Steuerungsgruppe NOOTS ein", "… eine
fachlich koordinierende Stelle bei der FITKO ein", "Die Geschäftsstelle ist beim Bundesamt
angesiedelt".

A set-up sentence names who sets something up (its subject, or the agent of a passive) and
what is set up (the first name after the verb that is not in a prepositional phrase or the
genitive: "errichtet zur Verbindung der … Netze des Bundes und der Länder ein Verbindungsnetz"
sets up the network, not the Bund). "bei der FITKO" beside it names where the new body sits.
Both are proposed as facts with the roles ggc:establishment and ggc:seat (ontology/concepts.ttl),
so a reviewer accepts them like any other. A name this draft proposes as new may be what is set
up: a source that sets up a body is where the body's name first appears.
"""

from __future__ import annotations

import re

from govgraph.graph.curation.mentions import KnownEntity, Mention
from govgraph.graph.curation.proposals import (
    NEW,
    Proposal,
    _actors,
    _named,
    _oblique,
    _outermost,
)

_C = r"[^.;:]*"
_SETUP = re.compile(
    rf"(?i)\brichte[nt]\b{_C}\bein\b|\berrichte[nt]?\b|\bbenennt\b"
    rf"|\b(?:wird|werden)\b{_C}\b(?:eingerichtet|errichtet)\b"
)
# "bei der FITKO", "beim Bundesverwaltungsamt": where a body sits (not "mit dem …": agreement)
_AT = re.compile(r"(?i)\bbei(?:m|\s+der|\s+dem)\s+$")
# "… ist beim Bundesverwaltungsamt angesiedelt", "hat ihren Sitz bei der …", "… wird beim
# Bundesamt eingerichtet": the subject sits there
_SITS = re.compile(
    rf"(?i)\bangesiedelt\b|\bSitz\s+(?:bei|beim)\b|\b(?:ist|sind|wird|werden)\b{_C}"
    r"\b(?:eingerichtet|errichtet)\b"
)
_PASSIVE_SETUP = re.compile(
    rf"(?i)\b(?:wird|werden|wurde|wurden)\b{_C}\b(?:eingerichtet|errichtet|benannt)\b"
)
_HOW = ("subject", "agent", "after", "relative")  # the actor rules a set-up may rest on
_NOT_SET_UP = {"Law", "StateTreaty", "LegalResource", "Agreement", "Topic"}


def setups(text: str, mentions: list[Mention]) -> list[Proposal]:
    """The set-up and seat facts of one sentence (none where it names no one who acts)."""
    usable = _outermost([m for m in mentions if m.confidence >= 0.3])
    orgs = _named([m for m in usable if m.entity.is_org and m.entity.type != NEW], text)
    verb = _SETUP.search(text)
    if verb is None and not _SITS.search(text):
        return []
    actors, how, _ = _actors(text, orgs)
    out: list[Proposal] = []
    made = None
    # "Die Stelle wird beim Bundesamt eingerichtet": a passive names who sets up only as its agent
    passive = _PASSIVE_SETUP.search(text) is not None and how != "agent"
    if verb is not None and actors and how in _HOW and not passive:
        made = _set_up(text, usable, verb.start(), actors, how)
        if made is not None:
            confidence = 0.85 if how in ("subject", "agent") else 0.7
            out.append(Proposal("Responsibility", "establishment", "richtet ein", "sets up",
                                actors, [made.entity], confidence, how=how))  # fmt: skip
    for host in (m for m in orgs if _AT.search(text[max(0, m.start - 12) : m.start])):
        seated = _seated(text, host, made, actors, how)
        if seated is not None and seated.iri != host.entity.iri:
            out.append(Proposal("Responsibility", "seat", "ist Sitz von", "is the seat of",
                                [host.entity], [seated], 0.7, how="seat"))  # fmt: skip
    return out


def _set_up(
    text: str, usable: list[Mention], verb: int, actors: list[KnownEntity], how: str
) -> Mention | None:
    """What the sentence sets up: in the active, the first name after the verb outside a
    prepositional phrase or genitive; in a passive with its agent, the subject at the start."""
    ids = {a.iri for a in actors}
    fit = [
        m
        for m in usable
        if m.entity.iri not in ids
        and not (m.entity.types & _NOT_SET_UP)
        and (m.confidence >= 0.5 or m.entity.type == NEW)
        and (m.entity.is_org or m.entity.type == NEW or m.entity.types)
    ]
    if how == "agent":  # the agent acts in the set-up's own clause ("wird durch das Zentralamt
        # errichtet"), not in a relative clause after it ("…, die durch Rechtsverordnung des …
        # bestimmt wird" names who decides who sets it up)
        agents = [m for m in usable if m.entity.iri in ids and re.search(
            r"\b(?:durch|von|vom)\s+(?:den|die|das|dem|der)?\s*$",
            text[max(0, m.start - 20) : m.start]) and not re.search(
            r"[,;]", text[m.end : _participle(text, m.end)])]  # fmt: skip
        if not agents:
            return None
        first = [m for m in fit if m.start < 20 and m.start < verb]
        return first[0] if first else None
    after = [m for m in fit if m.start > verb and not _oblique(text, m, usable)]
    after = [m for m in after if not _AT.search(text[max(0, m.start - 12) : m.start])]
    return after[0] if after else None


def _participle(text: str, start: int) -> int:
    """Where the set-up participle after `start` ends ("… errichtet"), or the text's end."""
    m = re.compile(r"(?i)\b(?:eingerichtet|errichtet|benannt)\b").search(text, start)
    return m.end() if m else len(text)


def _seated(
    text: str, host: Mention, made: Mention | None, actors: list[KnownEntity], how: str
) -> KnownEntity | None:
    """The body that sits at `host`: the one set up in the same clause ("richtet eine … Stelle
    bei der FITKO ein"; not across "und": "benennt … eine Gesamtleitung und richtet … bei der
    FITKO eine Geschäftsstelle ein" seats no Gesamtleitung), else the subject of "… ist bei X
    angesiedelt"."""
    if made is not None:
        lo, hi = (made.end, host.start) if made.end <= host.start else (host.end, made.start)
        if re.search(r"\bund\b|[;,]", text[lo:hi]) or not made.entity.is_org:
            return None
        return made.entity
    if how == "subject" and _SITS.search(text) and len(actors) == 1 and actors[0].is_org:
        return actors[0]
    return None
