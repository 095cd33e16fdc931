"""A set-up and a seat from a new text, through draft and review: the proposals become facts
with the roles ggc:establishment and ggc:seat, and the shape refuses a seat that is no body's."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import rdflib

GG = rdflib.Namespace("https://w3id.org/govgraph/ontology#")
GGC = rdflib.Namespace("https://w3id.org/govgraph/concept/")
TEXT = "Der IT-Planungsrat richtet einen Registerausschuss bei der FITKO ein.\n"


def _drafted(govgraph, tmp_path: Path) -> tuple[Path, rdflib.Graph]:
    source = tmp_path / "beschluss.txt"
    source.write_text(TEXT, encoding="utf-8")
    added = govgraph("source", "add", str(source), "--kind", "primary")
    assert added.code == 0, added.err
    source_id = re.search(r"added as (\S+)", added.out).group(1)
    assert govgraph("draft", source_id).code == 0
    draft = Path(os.environ["GOVGRAPH_DATA_DIR"]) / "drafts" / f"{source_id}.ttl"
    return draft, rdflib.Graph().parse(draft)


def _number(graph: rdflib.Graph, node) -> str:
    return str(node).rsplit("-", 1)[-1].lstrip("0")


def test_a_set_up_and_its_seat_become_facts(govgraph, tmp_path):
    draft, graph = _drafted(govgraph, tmp_path)
    roles = {graph.value(c, GG.role): c for c in graph.subjects(GG.role, None)}
    assert GGC.establishment in roles and GGC.seat in roles, roles
    name = next(graph.subjects(rdflib.RDF.type, GG.NewEntity))
    accept = [_number(graph, c) for c in (name, roles[GGC.establishment], roles[GGC.seat])]
    reviewed = govgraph("review", str(draft), *[a for n in accept for a in ("--accept", n)])
    assert reviewed.code == 0, reviewed.err

    who = govgraph("who", "Registerausschuss", "--format", "json")
    assert who.code == 0, who.err
    got = {
        (r["actor_iri"].rsplit("/", 1)[-1], r["role_iri"].rsplit("/", 1)[-1])
        for r in json.loads(who.out)
    }
    assert got == {("it-planungsrat", "establishment"), ("fitko", "seat")}
    assert govgraph("validate").code == 0


def test_a_seat_of_a_system_is_refused(govgraph, tmp_path):
    """The reviewer edits the seat to sit at a system: SHACL refuses, nothing is written."""
    draft, graph = _drafted(govgraph, tmp_path)
    seat = next(graph.subjects(GG.role, GGC.seat))
    local = "ggd:" + str(seat).rsplit("/", 1)[-1]
    text = draft.read_text(encoding="utf-8")
    block = re.search(rf"(?ms)^{re.escape(local)} a .*?(?=^\S|\Z)", text).group(0)
    edited = re.sub(r"gg:subject \S+", "gg:subject ggd:noots", block)
    draft.write_text(text.replace(block, edited), encoding="utf-8")

    reviewed = govgraph("review", str(draft), "--accept", _number(graph, seat))
    assert reviewed.code != 0
    assert "ggc:seat" in reviewed.out + reviewed.err
    facts = Path(os.environ["GOVGRAPH_DATA_DIR"]) / "facts"
    assert not any(facts.glob("*.ttl")) if facts.is_dir() else True
