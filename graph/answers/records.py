"""Answer rows as typed records: who, what, deadlines and demands.

Why records and not dicts: the CLI, the web pages and the JSON/CSV output all read these rows;
a frozen dataclass names every field and its type in one place, a typo is an AttributeError
instead of a silently empty cell, and no consumer can change a row another one still reads.
`to_json()` is the one place that decides the keys scripts see (and their order), so JSON and
CSV stay exactly what they were when the rows were dicts.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields, replace
from functools import cached_property
from typing import ClassVar, Self

# JSON keys that are not Python names, and the fields that hold them.
_ATTRIBUTE = {"from": "start", "to": "end"}
# The columns scripts get from CSV/TSV after a row's own: its sources and claim state.
_SOURCED = "sources source_count source_iris locators claim_state rule"


def _keys(words: str) -> tuple[str, ...]:
    return tuple(words.split())


@dataclass(frozen=True)
class QuotePart:
    """One of the quotes a row's `quote` joins: from which source and place, and whether it
    speaks for a claim another source overrules (then it is no evidence for the row: the
    report's »hälftig« beside the treaty's 46,6 %)."""

    quote: str
    source: str
    locator: str
    overruled: bool


@dataclass(frozen=True)
class Sourcing:
    """Which sources state a row's fact and whether a conflict overrules it (graph/answers
    claims.decorate adds it; the fields are the JSON keys, in this order)."""

    sources: str
    source_count: int
    sources_text: str
    source_iris: str
    locators: str
    claim_state: str
    rule: str
    quote_parts: tuple[QuotePart, ...] = ()


_SOURCING = tuple(f.name for f in fields(Sourcing))  # looked up once: 30,000 rows at 1M
SOURCING_FIELDS = _SOURCING[:-1]  # the plain ones, before the quote parts
_SOURCING_KEYS = frozenset(_SOURCING)


@dataclass(frozen=True, kw_only=True)
class TypedRow:
    """A record with JSON keys: a row class names them in order (`KEYS`) and its CSV/TSV
    columns (`CSV`); `to_json()` gives them, and rows read by key like the dicts they were."""

    KEYS: ClassVar[tuple[str, ...]] = ()
    CSV: ClassVar[tuple[str, ...]] = ()
    _FIELDS: ClassVar[dict[str, str]] = {}

    @cached_property
    def _as_json(self) -> dict[str, object]:
        out = {key: getattr(self, _ATTRIBUTE.get(key, key)) for key in self.KEYS}
        out.update(self._added())
        return out

    def _added(self) -> dict[str, object]:
        """Keys that later steps add after the row's own (none here)."""
        return {}

    def to_json(self) -> dict[str, object]:
        """The row with its JSON/CSV keys, in the order scripts have always seen them."""
        return dict(self._as_json)

    @classmethod
    def _own(cls, values: Mapping[str, object]) -> dict[str, object]:
        return {_ATTRIBUTE.get(key, key): values[key] for key in cls.KEYS}

    @classmethod
    def from_json(cls, values: Mapping[str, object]) -> Self:
        """The row a `to_json()` mapping (perhaps with changed values) describes."""
        return cls(**cls._own(values))

    # Read access by JSON key, for code that handles rows of every kind alike (tables, CSV,
    # decorate): the same lookups that worked on the dicts.
    def keys(self) -> Iterator[str]:
        return iter(self._as_json)

    def __getitem__(self, key: str) -> object:
        return self._as_json[key]

    def get(self, key: str, default: object = None) -> object:
        attribute = self._FIELDS.get(key)
        if attribute is not None:  # the row's own field: no JSON view built for it
            return getattr(self, attribute)
        return self._as_json.get(key, default)

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        # Keys read straight from a field (key → attribute): the row's own, unless a later
        # step's key (the sources, the group, the note) would stand in the JSON view instead.
        own = set(cls.KEYS) - {"group", "inferred_from", *_SOURCING}
        cls._FIELDS = {key: _ATTRIBUTE.get(key, key) for key in cls.KEYS if key in own}

    def updated(self, **changes: object) -> Self:
        """A copy with some fields changed (rows are frozen). What `dataclasses.replace` gives,
        without calling `__init__` again: every row of a 30,000-row answer is copied two or
        three times on its way (sources, notes, the grid's cells)."""
        if not changes.keys() <= self.__dataclass_fields__.keys():
            return replace(self, **changes)  # names the unknown field
        copy = object.__new__(type(self))
        state = dict(self.__dict__)
        state.pop("_as_json", None)  # the cached JSON view of the row before
        state.update(changes)
        copy.__dict__.update(state)
        return copy


@dataclass(frozen=True, kw_only=True)
class AnswerRow(TypedRow):
    """An answer row: beyond its own fields the `who` group, the sources and the note on what
    an inferred fact rests on, each absent from the JSON until a step adds it."""

    group: str | None = None
    sourcing: Sourcing | None = None
    inferred_from: str | None = None

    def get(self, key: str, default: object = None) -> object:
        # What a later step added, read where it stands (it wins over a field of the same key
        # in the JSON view too), without building that view. One method, no super(): the
        # answers read a million keys of 30,000 rows at 1M triples.
        attribute = self._FIELDS.get(key)
        if attribute is not None:
            return getattr(self, attribute)
        if key in _SOURCING_KEYS and self.sourcing is not None:
            return getattr(self.sourcing, key)
        if key == "inferred_from" and self.inferred_from is not None:
            return self.inferred_from
        if key == "group" and self.group is not None:
            return self.group
        return self._as_json.get(key, default)

    def with_sourcing(self, sourcing: Sourcing, certainty: str | None = None) -> Self:
        """A copy with its sources and claim state (and, where a conflict says so, its
        certainty): what `from_json` of the decorated JSON view gives, without building that
        view and parsing it back (claims.decorate does this for every row of an answer)."""
        if certainty is not None and "certainty" in self._FIELDS:
            return self.updated(sourcing=sourcing, certainty=certainty)
        return self.updated(sourcing=sourcing)

    def _added(self) -> dict[str, object]:
        out: dict[str, object] = {}
        if self.group is not None:
            out["group"] = self.group
        if self.sourcing is not None:  # plain values but the quote parts: no deep copy (asdict)
            out.update({name: getattr(self.sourcing, name) for name in _SOURCING})
            out["quote_parts"] = [vars(p).copy() for p in self.sourcing.quote_parts]
        if self.inferred_from is not None:
            out["inferred_from"] = self.inferred_from
        return out

    @classmethod
    def from_json(cls, values: Mapping[str, object]) -> Self:
        """The row a `to_json()` mapping (perhaps with changed or added keys) describes."""
        sourcing = None
        if "sources" in values:
            known = {name: values[name] for name in _SOURCING if name in values}
            known["quote_parts"] = tuple(
                p if isinstance(p, QuotePart) else QuotePart(**p)
                for p in known.get("quote_parts", ())
            )
            sourcing = Sourcing(**known)
        return cls(
            **cls._own(values),
            group=values.get("group"),
            sourcing=sourcing,
            inferred_from=values.get("inferred_from"),
        )


def as_json(row: TypedRow | Mapping[str, object]) -> dict[str, object]:
    """A row of any kind as a plain dict with its JSON keys (records and the few dict rows)."""
    return row.to_json() if isinstance(row, TypedRow) else dict(row)


@dataclass(frozen=True, kw_only=True)
class _Stated(AnswerRow):
    """What a row about one stated fact has: the role, its share, the period (as worded and as
    first and last day), how certain it is, and the quote."""

    role: str
    share: float | None
    period: str
    start: str
    end: str
    certainty: str
    quote: str


@dataclass(frozen=True, kw_only=True)
class _Fact(_Stated):
    """A stated fact as an answer about a subject or actor: how it is reached, from what source."""

    via: str
    source: str


@dataclass(frozen=True, kw_only=True)
class WhoRow(_Fact):
    """One actor responsible for a subject (`who`)."""

    KEYS = _keys(
        "actor actor_iri role role_iri fact_type share period from to certainty via subject"
        " subject_iri fact fact_iri quote source"
    )
    CSV = _keys(
        "actor actor_iri role share period from to certainty via subject subject_iri quote source"
        f" {_SOURCED} fact fact_iri inferred_from group"
    )

    actor: str
    actor_iri: str
    role_iri: str
    fact_type: str
    subject: str
    subject_iri: str
    fact: str
    fact_iri: str


@dataclass(frozen=True, kw_only=True)
class WhatRow(_Fact):
    """One thing an actor is involved in (`what`)."""

    KEYS = _keys(
        "relation relation_label object object_iri counterpart counterpart_iri role share period"
        " from to certainty via statement item_iri quote source"
    )
    CSV = _keys(f"{' '.join(KEYS)} {_SOURCED} inferred_from")

    relation: str
    relation_label: str
    object: str
    object_iri: str
    counterpart: str
    counterpart_iri: str
    statement: str
    item_iri: str


@dataclass(frozen=True, kw_only=True)
class FactRow(_Stated):
    """One fact on an entity's card (`show`): what kind, what it says, role and share, period,
    certainty, quote."""

    KEYS = _keys("position type statement role share period from to certainty quote iri")

    position: str
    type: str
    statement: str
    iri: str


@dataclass(frozen=True, kw_only=True)
class _Dated(AnswerRow):
    """What deadlines and demands share: when (as worded, first and last day), the kind, how
    certain, the quote, and the IRI of the event or demand."""

    when: str
    start: str
    end: str
    kind: str
    certainty: str
    quote: str
    iri: str


@dataclass(frozen=True, kw_only=True)
class DeadlineRow(_Dated):
    """One deadline or dated event with its status relative to today (`deadlines`)."""

    KEYS = _keys(
        "when precision from to status status_label kind kind_label what new_status concerns"
        " actors certainty quote iri"
    )
    CSV = _keys(
        "when precision from to status kind kind_label what new_status concerns actors certainty"
        f" quote {_SOURCED} iri inferred_from"
    )

    precision: str
    status: str
    status_label: str
    kind_label: str
    what: str
    new_status: str
    concerns: str
    actors: str


@dataclass(frozen=True, kw_only=True)
class DemandRow(_Dated):
    """One demand or position: by whom, to whom, about what (`demands`)."""

    KEYS = _keys(
        "actor actor_iri addressee addressee_iri addressee_inferred addressee_certainty kind"
        " kind_iri about when from to certainty statement quote iri"
    )
    CSV = _keys(f"{' '.join(KEYS)} inferred_from")

    actor: str
    actor_iri: str
    addressee: str
    addressee_iri: str
    addressee_inferred: bool
    addressee_certainty: str
    kind_iri: str
    about: str
    statement: str


@dataclass(frozen=True, kw_only=True)
class SearchRow(TypedRow):
    """One entity found by its label (`search`), with how it matched and how well."""

    KEYS = _keys("label type other_labels match matched score iri")

    label: str
    type: str
    other_labels: str
    match: str
    matched: str
    score: float
    iri: str


@dataclass(frozen=True, kw_only=True)
class StatusRow(TypedRow):
    """The status of an agreement or law on a day (on `show`'s card): since when, who, how
    certain, which sources, and the status change it rests on."""

    KEYS = _keys("status since from actors certainty sources locators change")

    status: str
    since: str
    start: str
    actors: str
    certainty: str
    sources: str
    locators: str
    change: str
