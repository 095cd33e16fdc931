"""`govgraph draft` against a hand-checked answer key: recall and precision of known entities,
dates, shares and money, and every quote verbatim in the stored text."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest
import rdflib
import yaml

DATA = Path(__file__).parent / "data" / "curation"
KEY = yaml.safe_load((DATA / "answer-key.yaml").read_text(encoding="utf-8"))
GG = rdflib.Namespace("https://w3id.org/govgraph/ontology#")
OA = rdflib.Namespace("http://www.w3.org/ns/oa#")
GGD = "https://w3id.org/govgraph/id/"


def _drafted(govgraph, name: str) -> tuple[rdflib.Graph, str]:
    """Add and draft one text. The laws ship with govgraph, so each is added with one more
    newline: a source of its own (a new version of the shipped one) with the same sentences."""
    root = Path(os.environ["GOVGRAPH_DATA_DIR"])
    copy = root.parent / f"{root.name}-in" / name
    copy.parent.mkdir(exist_ok=True)
    copy.write_bytes((DATA / name).read_bytes() + b"\n")
    added = govgraph("source", "add", str(copy))
    assert added.code == 0, added.err
    source_id = re.search(r"added as (\S+)", added.out).group(1)
    result = govgraph("draft", source_id)
    assert result.code == 0, result.err
    graph = rdflib.Graph().parse(root / "drafts" / f"{source_id}.ttl", format="turtle")
    text = (root / "sources" / f"{source_id}.txt").read_text(encoding="utf-8")
    return graph, text


def _found(graph: rdflib.Graph, universe: set[str]) -> dict[str, Counter]:
    """What the draft proposes, in the terms of the key."""
    found = {"entities": Counter(), "dates": Counter(), "shares": Counter(), "money": Counter()}
    for c in graph.subjects(rdflib.RDF.type, GG.Mention):
        iri = "ggd:" + str(graph.value(c, GG.mentions)).removeprefix(GGD)
        if iri in universe:
            found["entities"][iri] = 1
    for c in graph.subjects(rdflib.RDF.type, GG.TimePoint):
        label = next(str(x) for x in graph.objects(c, rdflib.RDFS.label) if x.language == "de")
        precision = str(graph.value(c, GG.precision)).rsplit("/", 1)[-1]
        found["dates"][f"{label} | {precision} | {graph.value(c, GG.notBefore)}"] += 1
    for c in graph.subjects(rdflib.RDF.type, GG.AmountMention):
        kind = "money" if graph.value(c, GG.currency) else "shares"
        found[kind][str(graph.value(c, GG.matchedText))] += 1
    return found


def measure(govgraph) -> dict[str, dict[str, int]]:
    """True positives, found and expected per category, summed over all texts of the key."""
    universe = set(KEY["universe"])
    totals = {k: Counter() for k in ("entities", "dates", "shares", "money")}
    for name, expected in KEY["texts"].items():
        graph, text = _drafted(govgraph, name)
        for quote in graph.objects(None, OA.exact):
            assert str(quote) in text, f"{name}: quote not verbatim: {quote!r}"
        for c in graph.subjects(rdflib.RDF.type, GG.Candidate):
            assert graph.value(c, rdflib.namespace.PROV.wasDerivedFrom) is not None
        found = _found(graph, universe)
        for kind, counter in found.items():
            key = Counter(expected.get(kind, []))
            totals[kind]["tp"] += sum((counter & key).values())
            totals[kind]["found"] += sum(counter.values())
            totals[kind]["expected"] += sum(key.values())
    return {k: dict(v) for k, v in totals.items()}


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    """Run the drafts once for all tests of this module, in a library of its own."""
    from govgraph.cli.main import run

    root = tmp_path_factory.mktemp("library")
    mp = pytest.MonkeyPatch()
    mp.setenv("GOVGRAPH_DATA_DIR", str(root))

    def call(*args: str):
        import contextlib
        import io
        import sys

        class R:
            pass

        out, err = io.StringIO(), io.StringIO()
        mp.setattr(sys, "argv", ["govgraph", *args])
        r = R()
        r.code = 0
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                run()
            except SystemExit as stop:
                r.code = stop.code if isinstance(stop.code, int) else 0
        r.out, r.err = out.getvalue(), err.getvalue()
        return r

    try:
        yield measure(call)
    finally:
        mp.undo()


@pytest.mark.parametrize("kind", ["entities", "dates", "shares", "money"])
def test_recall_at_least_090(scores, kind):
    s = scores[kind]
    recall = s.get("tp", 0) / s["expected"]
    print(f"{kind}: recall {recall:.2f}, precision {s.get('tp', 0) / max(s['found'], 1):.2f} {s}")
    assert recall >= 0.9


@pytest.mark.parametrize("kind", ["entities", "dates", "shares", "money"])
def test_precision_stays_useful(scores, kind):
    s = scores[kind]
    assert s.get("tp", 0) / max(s["found"], 1) >= 0.7
