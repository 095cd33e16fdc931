"""Briefing-grade pictures, read from the SVG's geometry: no label on another label, no label
on a node, one drawn edge per pair of entries (issue 28); and what a slide leaves out."""

from __future__ import annotations

import pytest
from picture_check import clashes, geometry

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


@pytest.mark.parametrize("args", VIEWS.values(), ids=VIEWS.keys())
def test_no_label_on_a_label_or_node_and_one_edge_per_pair(svg, args):
    picture = svg(*args)
    found = clashes(picture)
    assert found == {"labels": [], "nodes": [], "pairs": []}
    drawn = geometry(picture)
    assert len(drawn.marks) >= 8 and len(drawn.edges) >= 8
    assert len(drawn.marks) <= 25  # a slide's worth; the rest is named in the footer
