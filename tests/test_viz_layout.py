"""Briefing-grade pictures, read from the SVG's geometry: no label on another label, no label
on a node, one drawn edge per pair of entries (issue 28); and what a slide leaves out."""

from __future__ import annotations

import os
import re
import shutil
from xml.etree import ElementTree

import pytest
from picture_check import NS, clashes, geometry, labels

from conftest import FIXED_TODAY

VIEWS = {
    "noots-1": ("--focus", "NOOTS", "--depth", "1"),
    "noots-2": ("--focus", "NOOTS", "--depth", "2"),
    "noots-levels-2": ("--focus", "NOOTS", "--depth", "2", "--layout", "levels"),
    "itplr": ("--focus", "IT-Planungsrat"),
    "regmo": ("--focus", "Registermodernisierung"),
    "staedtetag": ("--focus", "Städtetag"),
    "itplr-levels": ("--focus", "IT-Planungsrat", "--layout", "levels"),
    "regmo-force": ("--focus", "Registermodernisierung", "--layout", "force"),
}


@pytest.fixture
def svg(govgraph, tmp_path):
    def make(*args: str) -> str:
        out = tmp_path / "view.svg"
        r = govgraph("--today", FIXED_TODAY, "viz", *args, "-o", str(out))
        assert r.code == 0, r.err
        assert "Graphviz" not in r.err, r.err  # the engine ran (pygraphviz is a dependency)
        return out.read_text(encoding="utf-8")

    return make


@pytest.fixture(scope="module")
def shipped():
    from govgraph.graph.store.dataset import DataSelection
    from govgraph.graph.store.session import open_backend

    return open_backend(DataSelection())


def _pairs_to_draw(backend, args: tuple[str, ...]) -> int:
    """How many pairs the slide of this view joins: each must be drawn, once."""
    from datetime import date

    from govgraph.graph.views.edges import merge_edges
    from govgraph.graph.views.slide import trim
    from govgraph.graph.views.viz_request import ViewRequest, build_view, edge_states

    option = dict(zip(args[::2], args[1::2], strict=True))
    req = ViewRequest(focus=option["--focus"], depth=int(option.get("--depth", 2)))
    view, _ = build_view(backend, req)
    certainty, _ = edge_states(backend, view, "de", date.fromisoformat(FIXED_TODAY))
    drawn, _ = trim(view, view.graph["focus"], certainty)
    return len(merge_edges(drawn, certainty))


@pytest.mark.parametrize("args", VIEWS.values(), ids=VIEWS.keys())
def test_no_label_on_a_label_or_node_and_one_edge_per_pair(svg, shipped, args):
    picture = svg(*args)
    found = clashes(picture)
    assert found == {"labels": [], "nodes": [], "pairs": []}
    drawn = geometry(picture)
    assert len(drawn.marks) >= 8
    assert len(drawn.marks) <= 25  # a slide's worth; the rest is named in the footer
    assert len(drawn.edges) == _pairs_to_draw(shipped, args)  # none lost on the way


def test_a_slide_names_what_it_leaves_out_and_all_draws_everything(svg):
    trimmed = svg("--focus", "NOOTS", "--depth", "2")
    drawn = geometry(trimmed)
    footer = " ".join(t.text for t in _footer(trimmed))
    m = re.search(r"\+ (\d+) weitere Einträge \(--all zeigt alle\): (.+)", footer)
    assert m, footer
    everything = geometry(svg("--focus", "NOOTS", "--depth", "2", "--all"))
    assert len(drawn.marks) == 25
    assert len(everything.marks) == 25 + int(m.group(1))
    # the focus, the actors with stated roles and the treaty that binds them are on the slide
    names = {lab.text for lab in labels(trimmed, "node-label")}
    assert {"National Once Only Technical System", "Bund", "alle Bundesländer"} <= names
    assert {"Bundesverwaltungsamt", "NOOTS-Staatsvertrag", "IT-Planungsrat"} <= names
    assert "National Once Only Technical System" not in m.group(2)


def test_levels_put_the_focus_in_the_middle_of_its_row(svg):
    picture = svg("--focus", "IT-Planungsrat", "--layout", "levels")
    marks = geometry(picture).marks
    focus = max(marks, key=lambda m: m.w)  # the focus's mark holds its ring
    # marks of one row differ a little in height (the focus box is taller): rows are >= 60 apart
    row = sorted(_centre(m)[0] for m in marks if abs(_centre(m)[1] - _centre(focus)[1]) < 30)
    assert len(row) >= 3
    assert row.index(_centre(focus)[0]) == len(row) // 2


def test_without_graphviz_one_line_and_the_simple_layout(govgraph, tmp_path, monkeypatch):
    monkeypatch.setenv("GOVGRAPH_GRAPHVIZ", "off")
    out = tmp_path / "noots.svg"
    r = govgraph("--today", FIXED_TODAY, "viz", "--focus", "NOOTS", "-o", str(out))
    assert r.code == 0
    note, written = r.err.splitlines()
    assert note.startswith("govgraph: Graphviz nicht gefunden") and "einfaches Layout" in note
    assert written.startswith(str(out))
    assert geometry(out.read_text(encoding="utf-8")).edges  # still a picture, one line per pair
    assert clashes(out.read_text(encoding="utf-8"))["pairs"] == []


def test_graphviz_program_on_path_draws_the_same_clean_picture(svg, monkeypatch):
    """Where the pygraphviz wheel is missing, Debian's `dot` does the layout."""
    if not shutil.which("dot"):
        if os.environ.get("CI"):
            raise RuntimeError("Graphviz's dot is required in CI (see .ci/run)")
        pytest.skip("dot not installed (Debian: apt install graphviz)")
    monkeypatch.setenv("GOVGRAPH_GRAPHVIZ", "dot")
    for args in (VIEWS["noots-2"], VIEWS["noots-levels-2"]):
        assert clashes(svg(*args)) == {"labels": [], "nodes": [], "pairs": []}


def test_graphviz_failure_is_reported_not_a_crash():
    from govgraph.graph.views.engine import EngineFailed, available, layout_json

    assert available() == "pygraphviz"
    with pytest.raises(EngineFailed):
        layout_json("digraph { a -> ", "dot")


def _footer(svg_text: str):
    root = ElementTree.fromstring(svg_text)
    return [t for t in root.iter(NS + "text") if t.get("class") == "footer"]


def _centre(mark) -> tuple[float, float]:
    return mark.x + mark.w / 2, mark.y + mark.h / 2
