"""Propose candidates from a source's text: known entities, new names, dates, money and shares,
and sentences that assign a responsibility, membership, financing, deadline or demand.

Everything is rule-based and works sentence by sentence (a unit of the importer), so every
candidate's quote is a whole sentence of the stored text, checked verbatim before it is written.
Facts are only proposed where the sentence names an actor the graph knows; who acts, on what and
in which relation is read from the sentence's structure (graph/sources/proposals.py). A person
completes or rejects the rest in review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from govgraph.graph.curation.amounts import Amount, find_amounts
from govgraph.graph.curation.datex import DateMatch, find_dates
from govgraph.graph.curation.mentions import KnownEntity, Matcher, Mention, label_pattern
from govgraph.graph.curation.proposals import NEW, Frame, Proposal, analyse, subject_at_start
from govgraph.graph.curation.setups import setups
from govgraph.graph.namespaces import PREFIXES
from govgraph.graph.sources.importers import Unit
from govgraph.graph.sources.library import slug

_PARTIES = re.compile(r"\b(?:Vertragsparteien|Vertragspartnern?)\b")
# "können diesem Vertrag beitreten", "Änderungen dieses Vertrages": the agreement as an object
# (not "Dieser Vertrag kann …", its own subject, nor "im Anhang zu diesem Vertrag")
_THIS_AGREEMENT = re.compile(
    r"(?<!\bzu )(?<!\baus )(?<!\bnach )(?<!\bmit )(?<!\bvon )(?<!\bin )"
    r"\b(?:diesem\s+(?:Staats)?[Vv]ertrag|dieses\s+(?:Staats)?[Vv]ertrag(?:e)?s)\b"
)
# "durch das Bundesverwaltungsamt als betriebsverantwortliche Stelle": a role the text then
# names alone ("Die betriebsverantwortliche Stelle legt … vor")
_ROLE_DEF = re.compile(
    r"^\s+als\s+(?:die\s+|der\s+)?([a-zäöü][\wäöüß-]*?)(?:e|en|er)?\s+(Stelle|Behörde)\b"
)
# "je ein Vertreter des Bundes sowie von sechs Ländern", "Vertreter jedes Landes": the Länder
_LAENDER = re.compile(
    r"(?i)vertreter\w*\b[^.;:]{0,60}?\b(?:jedes\s+(Landes)|von\s+(?:\w+\s+)?(Ländern)"
    r"|der\s+(Länder))\b"
    # money "nach dem Königsteiner Schlüssel" is the Länder's share: the key divides among them
    r"|(?i:finanzier)(?!\w*anteil)\w*\b[^.;:]*\b(?:nach\s+dem|der)\s+(Königsteiner\s+Schlüssel)"
)
_ALL_LAENDER = PREFIXES["ggd"] + "alle-bundeslaender"
# a date beside a decision, a set-up or a seat is when it happens, not a deadline ("errichten mit
# Wirkung zum 1. Januar 2020 eine … Anstalt")
_NO_DUE = {"decision", "establishment", "seat"}
_DEADLINE_CUE = re.compile(r"(?i)\b(bis|spätestens|frist|zum|muss|müssen|binnen)\b")
_NEW_NAME = re.compile(
    r"\b((?:[A-ZÄÖÜ][\wäöüß-]*\s+){0,3}?(?:[A-ZÄÖÜ][\wäöüß-]*"
    r"(?:rat|ausschuss|gremium|gruppe|kreis|amt|behörde|ministerium|agentur|stelle|verband|"
    r"kommission|konferenz|gesetz|verordnung|vertrag|programm|plattform|register|zentrum|"
    r"kooperation|anstalt|gesellschaft|netz))\b(?:\s+[A-ZÄÖÜ][a-zäöüß]+-[A-ZÄÖÜ][a-zäöüß]+)?)"
    r"(?:\s+\(([A-ZÄÖÜ][\w-]{1,12})\))?"
)


@dataclass
class Candidate:
    """One proposal: its kind, what it says, the sentence it rests on and how sure the tool is."""

    number: int
    kind: str  # Mention, NewEntity, TimePoint, AmountMention or a gg:Fact class
    unit: Unit
    matched: str
    confidence: float
    entity: KnownEntity | None = None
    date: DateMatch | None = None
    amount: Amount | None = None
    name: str = ""
    proposed_type: str = ""
    role: str = ""
    actors: list[KnownEntity] = field(default_factory=list)
    subjects: list[KnownEntity] = field(default_factory=list)
    addressee: KnownEntity | None = None
    share: Decimal | None = None
    due: int | None = None  # number of the TimePoint candidate a deadline points at
    intended: bool = False
    label_de: str = ""
    label_en: str = ""


_NEW_TYPES = [
    ("rat", "Council"), ("ausschuss", "Committee"), ("gremium", "Committee"),
    ("gruppe", "WorkingGroup"), ("kreis", "WorkingGroup"), ("amt", "Authority"),
    ("behörde", "Authority"), ("stelle", "Authority"),
    ("ministerium", "Ministry"), ("agentur", "Authority"), ("verband", "Association"),
    ("kommission", "Body"), ("konferenz", "Body"), ("gesetz", "Law"), ("verordnung", "Law"),
    ("vertrag", "Agreement"), ("programm", "Programme"), ("plattform", "ITSystem"),
    ("register", "Register"), ("zentrum", "Authority"), ("kooperation", "Collaboration"),
    ("anstalt", "Authority"), ("gesellschaft", "Company"), ("netz", "Network"),
]  # fmt: skip
_ORGS = {"Council", "Committee", "WorkingGroup", "Authority", "Ministry", "Association", "Body",
         "Collaboration", "Company"}  # fmt: skip


_NOT_NAMES = {"Staatsvertrag", "Fundstelle", "Anstelle", "Geschäftsstelle", "Bundesministerium",
              "Verwaltungsvertrag", "Änderungsvertrag", "Bundesgesetz", "Landesgesetz"}  # fmt: skip


def _new_type(name: str) -> str:
    low = name.lower()
    for ending, cls in _NEW_TYPES:
        if low.endswith(ending):
            return cls
    return "Body"


class Drafter:
    """Turns units into numbered candidates, remembering which names it has proposed."""

    def __init__(self, matcher: Matcher, known_labels: set[str]) -> None:
        self.matcher = matcher
        self.known_labels = {label.casefold() for label in known_labels}
        self.candidates: list[Candidate] = []
        self._new_names: set[str] = set()
        self.topic: KnownEntity | None = None  # what the source is mostly about
        self.own: KnownEntity | None = None  # what the source's duties are under, if known
        self.parties_of: KnownEntity | None = None  # the agreement the source is
        self._frame: Frame | None = None  # a list's introducing sentence, for its items
        self._roles: list[tuple[re.Pattern[str], KnownEntity]] = []  # roles the text defines
        # new names as entities, by their first three letters (a sentence looks up only its own)
        self._new: dict[str, list[tuple[re.Pattern[str], KnownEntity]]] = {}
        self._used: dict[str, KnownEntity] = {}  # known names the source has used so far
        self._norm = ""  # the norm (§ 7) the last unit stood in, and the body it opens with
        self._context: KnownEntity | None = None

    def _add(self, **kw) -> Candidate:
        c = Candidate(number=len(self.candidates) + 1, **kw)
        self.candidates.append(c)
        return c

    def draft(self, units: list[Unit], title: str = "") -> list[Candidate]:
        """Candidates of `units`; `title` is the source's title, which names a law itself."""
        counts: dict[str, int] = {}
        known: dict[str, KnownEntity] = {}
        for n, unit in enumerate(units):
            for m in self.matcher.find(unit.text):
                if not m.entity.is_org and m.confidence >= 0.5 and not _is_topic(m.entity):
                    # what the title names is what the source is about (a law's system)
                    counts[m.entity.iri] = counts.get(m.entity.iri, 0) + (1000 if n == 0 else 1)
                    known[m.entity.iri] = m.entity
        if counts:
            self.topic = known[max(counts, key=lambda iri: counts[iri])]
        # a law or treaty whose title names it: what its duties are under
        titled = [m.entity for m in self.matcher.find(title) if m.confidence >= 0.5]
        law = next((e for e in titled if _is_law(e)), None)
        system = next((e for e in titled if not e.is_org and not _is_law(e)), None)
        # duties a law sets are under the law; a treaty's are about the system it sets up
        statute = (
            law is not None and "StateTreaty" not in law.types and "Agreement" not in law.types
        )
        self.own = law if statute else system
        if law is not None and not statute:
            self.topic = system  # a treaty is about what its title sets up, not its annex's themes
        self.parties_of = law
        for unit in units:
            self._unit(unit)
        return self.candidates

    def _unit(self, unit: Unit) -> None:
        text = unit.text
        mentions = self._mentions(unit)
        dates = find_dates(text)
        times = []
        for d in dates:
            times.append(self._add(kind="TimePoint", unit=unit, matched=d.text, confidence=0.9,
                                   date=d))  # fmt: skip
        amounts = find_amounts(text)
        for a in amounts:
            confidence = 0.9 if a.currency or "%" in a.text or "Prozent" in a.text else 0.7
            self._add(kind="AmountMention", unit=unit, matched=a.text, confidence=confidence,
                      amount=a)  # fmt: skip
        self._new_entities(unit, mentions)
        named = mentions + self._new_mentions(unit.text, mentions) + self._parties(unit.text)
        named += self._role_mentions(unit.text, mentions) + self._laender(unit.text)
        named.sort(key=lambda m: m.start)
        self._facts(unit, named, times, [a for a in amounts if a.is_share])

    def _mentions(self, unit: Unit) -> list[Mention]:
        found = self.matcher.find(unit.text)
        self._used.update({m.entity.iri: m.entity for m in found if m.confidence >= 0.5})
        seen: set[str] = set()
        for m in found:
            if m.entity.iri in seen:
                continue
            seen.add(m.entity.iri)
            self._add(kind="Mention", unit=unit, matched=m.text, confidence=m.confidence,
                      entity=m.entity)  # fmt: skip
        return found

    def _new_entities(self, unit: Unit, mentions: list[Mention]) -> None:
        spans = [(m.start, m.end) for m in mentions]
        for m in _NEW_NAME.finditer(unit.text):
            name = m.group(1).strip()
            first = name.split()[0]
            if len(name.split()) > 1 and first in ("Der", "Die", "Das", "Dem", "Den", "Des"):
                name = name.split(" ", 1)[1]
            single = " " not in name and not m.group(2)
            if len(name) < 6 or name.casefold() in self.known_labels or name in _NOT_NAMES:
                continue
            if single and len(name) < 12:
                continue
            if any(s <= m.start(1) and m.end(1) <= e for s, e in spans):
                continue
            if name.casefold() in self._new_names:
                continue
            short = self._short_of(name) if single else None
            if short is not None:  # "der Steuerungsgruppe" after "eine Steuerungsgruppe NOOTS"
                self._new_names.add(name.casefold())  # once: the pattern stays for the text
                pattern = re.compile(rf"(?<![\w-]){label_pattern(name)}(?!\w|-)")
                self._roles.append((pattern, short))
                continue
            self._new_names.add(name.casefold())
            cls = _new_type(name)
            # the IRI review gives the name once accepted: facts of this draft can point at it
            entity = KnownEntity(
                PREFIXES["ggd"] + slug(name), name, name, {name}, cls in _ORGS, NEW
            )
            pattern = re.compile(rf"(?<![\w-]){label_pattern(name)}(?!\w|-)")
            self._new.setdefault(name[:3].lower(), []).append((pattern, entity))
            confidence = 0.6 if m.group(2) or " " in name else 0.4
            self._add(kind="NewEntity", unit=unit, matched=m.group(0), confidence=confidence,
                      name=name, proposed_type=cls)  # fmt: skip

    def _short_of(self, name: str) -> KnownEntity | None:
        """The one known name this source has used that begins with `name`: a law introduces a
        body by its full name and then calls it by its head noun alone."""
        owners = {
            e.iri: e
            for e in self._used.values()
            for label in e.labels
            if len(label.split()) > 1 and label.split()[0] == name
        }
        return next(iter(owners.values())) if len(owners) == 1 else None

    def _parties(self, text: str) -> list[Mention]:
        """ "Die Vertragsparteien", "die Vertragspartner": the parties of the agreement the source
        is, as the graph records them (gg:party)."""
        if self.parties_of is None or not self.parties_of.parties:
            return []
        found = []
        for m in _PARTIES.finditer(text):
            for iri in self.parties_of.parties:
                entity = self.matcher.entities.get(iri)
                if entity is not None:
                    found.append(Mention(entity, m.group(0), m.start(), m.end(), 0.8))
        for m in _THIS_AGREEMENT.finditer(text):  # "diesem Vertrag": the agreement itself
            found.append(Mention(self.parties_of, m.group(0), m.start(), m.end(), 0.8))
        return found

    def _role_mentions(self, text: str, known: list[Mention]) -> list[Mention]:
        """Where a role the text gave a known actor before stands alone ("Die
        betriebsverantwortliche Stelle" after "das Bundesverwaltungsamt als
        betriebsverantwortliche Stelle"); learns the roles this sentence defines."""
        found = []
        for pattern, entity in self._roles:
            for m in pattern.finditer(text):
                if not text[max(0, m.start() - 4) : m.start()].strip().endswith("als"):
                    found.append(Mention(entity, m.group(0), m.start(), m.end(), 0.7))
        for m in known:
            role = _ROLE_DEF.match(text[m.end :]) if m.entity.is_org else None
            if role and m.confidence >= 0.5:
                stem, noun = role.group(1), role.group(2)
                pattern = re.compile(rf"(?<![\w-]){re.escape(stem)}\w*\s+{noun}\b")
                if all(p.pattern != pattern.pattern for p, _ in self._roles):
                    self._roles.append((pattern, m.entity))
        return found

    def _laender(self, text: str) -> list[Mention]:
        """The Länder where a body's representatives are drawn from them."""
        entity = self.matcher.entities.get(_ALL_LAENDER)
        if entity is None:
            return []
        found = []
        for m in _LAENDER.finditer(text):
            group = next(g for g in (1, 2, 3, 4) if m.group(g))
            found.append(Mention(entity, m.group(group), m.start(group), m.end(group), 0.6))
        return found

    def _new_mentions(self, text: str, known: list[Mention]) -> list[Mention]:
        """Where the new names proposed so far stand in `text` (not inside a known name)."""
        found = []
        low = text.lower()
        heads = {low[i : i + 3] for i in range(len(low) - 2)} & self._new.keys()
        for pattern, entity in (pair for head in heads for pair in self._new[head]):
            for m in pattern.finditer(text):
                if not any(k.start <= m.start() and m.end() <= k.end for k in known):
                    found.append(Mention(entity, m.group(0), m.start(), m.end(), 0.6))
        return sorted(found, key=lambda m: m.start)

    def _facts(
        self, unit: Unit, mentions: list[Mention], times: list[Candidate], shares: list[Amount]
    ) -> None:
        text = unit.text
        norm = re.match(r"(?:§+\s*\d+\w*|Art\w*\.?\s*\d+\w*)", unit.locator)
        if norm is None or norm.group(0) != self._norm:  # a norm's first sentence: its topic
            self._norm = norm.group(0) if norm else ""
            self._context = subject_at_start(text, mentions) if norm else None
        parts = _parts(text)
        first = [m for m in mentions if m.end <= parts[0][1]]
        found, self._frame = analyse(
            text[: parts[0][1]],
            unit.locator,
            first,
            self._frame,
            self.topic,
            self.own,
            self._context,
        )
        found += setups(text[: parts[0][1]], first)
        for start, end in parts[1:]:  # "… Verbindungsnetz. b) In diesem Rahmen betreibt der Bund
            # das Verbindungsnetz …": a unit's further items state facts of their own
            inner = [replace(m, start=m.start - start, end=m.end - start) for m in mentions
                     if start <= m.start and m.end <= end]  # fmt: skip
            more, _ = analyse(
                text[start:end], unit.locator, inner, None, self.topic, self.own, self._context
            )
            more += setups(text[start:end], inner)
            found += [p for p in more if not any(_same(p, q) for q in found)]
        deadline = next((t for t in times if _DEADLINE_CUE.search(t.matched)), None)
        for p in found:
            kind = p.kind
            if deadline is not None and kind == "Responsibility" and p.role not in _NO_DUE:
                kind = "Deadline"
            pairs: list[tuple[KnownEntity, Amount | None]] = [(a, None) for a in p.actors]
            if kind == "FundingArrangement":
                orgs = _unique([m.entity for m in mentions if m.entity.is_org and
                                m.confidence >= 0.5])  # fmt: skip
                if len(shares) > 1 and len(orgs) >= len(shares):
                    pairs = list(zip(orgs[: len(shares)], shares, strict=True))
                elif shares:
                    pairs = [(a, shares[0]) for a in p.actors]
            paired = {a.iri for a, _ in pairs}
            for actor, share in pairs:
                subjects = [s for s in p.subjects if s.iri not in paired]
                if not subjects and kind == "FundingArrangement" and self.topic is not None:
                    subjects = [self.topic]  # shares of the costs of what the text is about
                addressee = None
                if kind == "Demand":
                    addressee = next((s for s in subjects if s.is_org), None)
                c = self._add(
                    kind=kind, unit=unit, matched=text, confidence=p.confidence, role=p.role,
                    actors=[actor], subjects=subjects, addressee=addressee,
                    share=share.value if share else None, intended=p.intended,
                    due=deadline.number if (kind == "Deadline" and deadline) else None,
                )  # fmt: skip
                what = subjects[0].label_de if subjects else "?"
                what_en = subjects[0].label_en if subjects else "?"
                part = f" ({_percent(c.share)})" if c.share is not None else ""
                when = f" – {deadline.date.text}" if c.due and deadline and deadline.date else ""
                when_en = (
                    f" – {deadline.date.label_en}" if c.due and deadline and deadline.date else ""
                )
                c.label_de = f"{actor.label_de} {p.de_word}: {what}{part}{when}"
                c.label_en = f"{actor.label_en} {p.en_word}: {what_en}{part}{when_en}"


_NOT_TOPICS = {"Topic", "Law", "StateTreaty", "Agreement", "LegalResource"}


def _is_law(entity: KnownEntity) -> bool:
    return bool(entity.types & {"Law", "StateTreaty", "LegalResource"})


def _is_topic(entity: KnownEntity) -> bool:
    """A subject heading ("Datenschutz") is named often and is rarely what a text rules on; a
    law's title names the law itself, which is not what its money is for."""
    return bool(entity.types & _NOT_TOPICS)


# a lettered item inside a unit after the end of a sentence (not the items of a colon):
# ". b) In diesem Rahmen …"
_INNER_ITEM = re.compile(r"(?<=[.;])\s+(?=[a-z]\)\s)")


def _parts(text: str) -> list[tuple[int, int]]:
    """The spans of a unit's lettered items (one span for a unit without them)."""
    cuts = [0] + [m.end() for m in _INNER_ITEM.finditer(text)] + [len(text)]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _same(p: Proposal, q: Proposal) -> bool:
    return (p.role, [a.iri for a in p.actors], [s.iri for s in p.subjects]) == (
        q.role, [a.iri for a in q.actors], [s.iri for s in q.subjects])  # fmt: skip


def _unique(entities: list[KnownEntity]) -> list[KnownEntity]:
    return list({e.iri: e for e in entities}.values())


def _percent(share: Decimal) -> str:
    text = f"{(share * 100).normalize():f}".replace(".", ",")
    return f"{text} %"
