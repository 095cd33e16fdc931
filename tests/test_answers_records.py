"""Answer records: each row class names every field in its JSON keys, the JSON keeps its order
when steps add sources and notes, and every named query runs through runner.run_named."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from govgraph.graph.answers.records import (
    AnswerRow,
    DeadlineRow,
    DemandRow,
    FactRow,
    SearchRow,
    Sourcing,
    StatusRow,
    TypedRow,
    WhatRow,
    WhoRow,
)

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = (WhoRow, WhatRow, DeadlineRow, DemandRow, FactRow)
ROWS = (*ANSWERS, SearchRow, StatusRow)
ADDED = {"group", "sourcing", "inferred_from"}


def _row(cls: type[TypedRow]) -> TypedRow:
    values = {f.name: f"{f.name}-value" for f in fields(cls) if f.name not in ADDED}
    return cls(**values)


@pytest.mark.parametrize("cls", ROWS, ids=lambda c: c.__name__)
def test_json_keys_name_every_field_once(cls: type[TypedRow]) -> None:
    own = {f.name for f in fields(cls)} - ADDED
    keys = [{"from": "start", "to": "end"}.get(k, k) for k in cls.KEYS]
    assert sorted(keys) == sorted(own)
    assert set(cls.CSV) <= set(cls.KEYS) | {f.name for f in fields(Sourcing)} | ADDED


@pytest.mark.parametrize("cls", ANSWERS, ids=lambda c: c.__name__)
def test_added_keys_follow_the_own_keys_and_survive_a_round_trip(cls: type[AnswerRow]) -> None:
    row = _row(cls)
    assert list(row.to_json()) == list(cls.KEYS)
    sourcing = Sourcing("S", 1, "S", "iri", "§ 1", "", "")
    full = row.updated(group="direct", sourcing=sourcing, inferred_from="")
    keys = list(full.to_json())
    assert keys == [*cls.KEYS, "group", *(f.name for f in fields(Sourcing)), "inferred_from"]
    assert cls.from_json(full.to_json()) == full
    assert dict(full) == full.to_json() and full["group"] == full.get("group") == "direct"


def test_every_named_query_runs_through_run_named() -> None:
    """Nobody but graph/sparql reads a named query's text to run it."""
    pattern = re.compile(r"named_query\([^)]*\)\.text|\.rq\"\)")
    offenders = []
    for folder in ("cli", "graph", "web"):
        for path in (ROOT / folder).rglob("*.py"):
            if path.parent.name == "sparql":
                continue
            if pattern.search(path.read_text(encoding="utf-8")):
                offenders.append(str(path.relative_to(ROOT)))
    assert not offenders


def test_message_keys_made_from_parts_exist() -> None:
    """Keys the code puts together (answers.col_NAME, answers.match_KIND …) are in the catalogue
    too; the catalogue test sees only keys written out whole."""
    from govgraph.graph.answers.ranking import GROUPS
    from govgraph.graph.answers.rows import _ROUTES
    from govgraph.graph.i18n import MESSAGES

    keys = [f"answers.group_{g}" for g in GROUPS] + [f"answers.via_{r}" for r in _ROUTES]
    keys += [f"answers.match_{k}" for k in ("exact", "prefix", "contains", "similar")]
    keys += [f"answers.{c}_title" for c in ("who", "what", "deadlines", "demands")]
    from govgraph.graph.answers.questions import DEADLINE_ORDER, SECTIONS

    keys += [f"answers.section_{s}" for s in (*SECTIONS, "duty", *DEADLINE_ORDER)]
    keys += [f"answers.stat_{s}" for s in ("source", "sources", "fact", "facts")]
    keys += [f"answers.stat_{s}" for s in ("conflict", "conflicts")]
    for path in (ROOT / "cli").glob("*.py"):
        for call in re.findall(r"columns\(\s*app\.lang,([^)]*)\)", path.read_text("utf-8")):
            keys += [f"answers.col_{f.split(':')[-1]}" for f in re.findall(r'"([^"]+)"', call)]
    assert len(keys) > 30
    assert [k for k in keys if k not in MESSAGES] == []
