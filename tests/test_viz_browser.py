"""The interactive page in a real browser: headless Debian chromium, all network access blocked.

In CI (CI=true) these tests must run; locally they are skipped only when chromium is missing.
"""

from __future__ import annotations

import json

import pytest
from browser import Browser, find_chromium, png_colours
from system_parts import need
from test_viz import EVIL, evil_data  # noqa: F401  (fixture)

from govgraph.graph.store.dataset import DataSelection
from govgraph.graph.store.session import open_backend
from govgraph.graph.views.edges import merge_edges
from govgraph.graph.views.network import project, select_view

need(find_chromium(), "chromium", "apt-get install chromium", module=True)

STABLE = "window.govgraph && window.govgraph.stable"
GGD = "https://w3id.org/govgraph/id/"


@pytest.fixture(scope="module")
def browser():
    with Browser() as b:
        yield b


def test_focus_view_settles_with_expected_counts(govgraph, browser, tmp_path):
    out = tmp_path / "regmo.html"
    r = govgraph("viz", "--focus", "RegMo", "-o", str(out))
    assert r.code == 0, r.err
    expected = select_view(
        project(open_backend(DataSelection()), "de", "edge"),
        focus=GGD + "registermodernisierung",
        depth=2,
    )
    page = browser.open(out)
    page.wait_for(STABLE, timeout=60)
    assert page.evaluate("govgraph.nodes.length") == expected.number_of_nodes()
    # one edge per pair of entries, whatever the number of relations between them
    assert page.evaluate("govgraph.edges.length") == len(merge_edges(expected))
    # physics is off once the layout has settled: positions stay put
    before = page.evaluate("JSON.stringify(govgraph.network.getPositions())")
    page.evaluate("new Promise(r => setTimeout(r, 300))")
    assert page.evaluate("JSON.stringify(govgraph.network.getPositions())") == before
    assert page.evaluate("govgraph.network.physics.physicsEnabled") is False
    # legend and search
    legend = page.evaluate("document.getElementById('gg-legend').innerText")
    assert "Legende" in legend and "Programm, Projekt" in legend and "Akteur Land" in legend
    page.evaluate(
        "document.getElementById('gg-search').value = 'landeskoordination';"
        "document.getElementById('gg-find').requestSubmit()"
    )
    selected = page.evaluate("govgraph.network.getSelectedNodes()")
    labels = page.evaluate(
        "govgraph.network.getSelectedNodes().map(id => govgraph.nodes.get(id).label)"
    )
    assert len(selected) == 1 and labels == ["Landeskoordination RegMo im MASTD"]
    # tooltips are DOM elements holding text
    tip = page.evaluate(
        "(() => { const n = govgraph.nodes.get().find(n => n.label === 'Registermodernisierung');"
        " return [n.title instanceof HTMLElement, n.title.textContent]; })()"
    )
    assert tip[0] is True and "Programm oder Vorhaben" in tip[1] and "Beleg" in tip[1]
    # each kind's look comes from its group: the programme is a pink diamond, a Land actor green
    looks = page.evaluate(
        "(() => { const out = {}; for (const [label, key] of [['Registermodernisierung', 'p'],"
        " ['Landeskoordination RegMo im MASTD', 's']]) {"
        " const id = govgraph.nodes.get().find(n => n.label === label).id;"
        " const o = govgraph.network.body.nodes[id].options;"
        " out[key] = [o.shape, o.color.background]; } return out; })()"
    )
    assert looks == {"p": ["diamond", "#e377c2"], "s": ["dot", "#3a9d5d"]}
    # nothing but the file itself was requested, and nothing went wrong
    browser.pump(0.3)
    assert page.requests() == [out.resolve().as_uri()]
    assert page.console_errors() == []
    png = page.screenshot()
    assert len(png_colours(png)) > 50  # a drawn network, not a blank page


def test_markup_in_data_does_not_run(govgraph, browser, evil_data, tmp_path):  # noqa: F811
    out = tmp_path / "evil.html"
    r = govgraph("--no-builtin", "--data", str(evil_data), "viz", "-o", str(out))
    assert r.code == 0, r.err
    page = browser.open(out)
    page.wait_for(STABLE, timeout=60)
    assert page.evaluate("govgraph.nodes.length") == 2
    assert page.evaluate("govgraph.edges.length") == 1
    # show every tooltip once, so that any HTML in them would get its chance to run
    page.evaluate(
        "govgraph.nodes.get().concat(govgraph.edges.get()).forEach(item => {"
        " const holder = document.createElement('div'); holder.appendChild(item.title);"
        " document.body.appendChild(holder); })"
    )
    page.evaluate("new Promise(r => setTimeout(r, 300))")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    labels = page.evaluate("govgraph.nodes.get().map(n => n.label)")
    assert EVIL in labels
    assert page.evaluate("document.title").startswith("govgraph")
    browser.pump(0.3)
    assert page.requests() == [out.resolve().as_uri()]
    assert page.console_errors() == []


def test_hovering_a_node_shows_the_tooltip_as_text(govgraph, browser, evil_data, tmp_path):  # noqa: F811
    out = tmp_path / "hover.html"
    r = govgraph("--no-builtin", "--data", str(evil_data), "viz", "-o", str(out))
    assert r.code == 0, r.err
    page = browser.open(out)
    page.wait_for(STABLE, timeout=60)
    evil_id = page.evaluate(f"govgraph.nodes.get().find(n => n.label === {json.dumps(EVIL)}).id")
    x, y = page.evaluate(
        f"(() => {{ const p = govgraph.network.canvasToDOM("
        f"govgraph.network.getPositions([{evil_id}])[{evil_id}]);"
        " const r = document.getElementById('gg-network').getBoundingClientRect();"
        " return [p.x + r.left, p.y + r.top]; })()"
    )
    for _ in range(3):
        page.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
        page.evaluate("new Promise(r => setTimeout(r, 250))")
    text = page.evaluate(
        "(() => { const t = document.querySelector('.vis-tooltip');"
        " return t ? t.textContent : ''; })()"
    )
    assert EVIL in text
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.console_errors() == []


def test_timeline_page_renders_offline(govgraph, browser, tmp_path):
    out = tmp_path / "timeline.html"
    r = govgraph("--today", "2026-11-27", "timeline", "-o", str(out))
    assert r.code == 0, r.err
    page = browser.open(out)
    assert page.evaluate("document.querySelectorAll('svg g title').length") > 10
    assert "heute 27.11.2026" in page.evaluate("document.body.textContent")
    assert len(png_colours(page.screenshot())) > 20
    browser.pump(0.2)
    assert page.requests() == [out.resolve().as_uri()]
    assert page.console_errors() == []


def test_png_pictures_are_not_blank(govgraph, tmp_path):
    net, line = tmp_path / "net.png", tmp_path / "line.png"
    r = govgraph("viz", "--focus", "RegMo", "--depth", "1", "-o", str(net))
    assert r.code == 0, r.err
    r = govgraph("--today", "2026-11-27", "timeline", "-o", str(line))
    assert r.code == 0, r.err
    for png in (net, line):
        assert len(png_colours(png.read_bytes())) > 20
    assert sorted(p.name for p in tmp_path.iterdir()) == ["line.png", "net.png"]


def test_chromium_renders_the_same_picture_at_the_requested_size(govgraph, tmp_path):
    """The optional browser path: same SVG, PNG of the requested size, labels readable."""
    from picture_check import png_size

    out = tmp_path / "noots.png"
    r = govgraph(
        "--today", "2026-11-27", "viz", "--focus", "NOOTS", "--renderer", "chromium",
        "--size", "1600x900", "-o", str(out),
    )  # fmt: skip
    assert r.code == 0, r.err
    data = out.read_bytes()
    assert png_size(data) == (1600, 900)
    assert len(png_colours(data)) > 20


def test_levels_page_has_fixed_positions_from_the_picture(govgraph, browser, tmp_path):
    out = tmp_path / "levels.html"
    args = ("--today", "2026-11-27", "viz", "--focus", "NOOTS", "--layout", "levels")
    r = govgraph(*args, "-o", str(out))
    assert r.code == 0, r.err
    page = browser.open(out)
    page.wait_for(STABLE, timeout=30)
    assert page.evaluate("govgraph.network.physics.physicsEnabled") is False
    pos = page.evaluate(
        "(() => { const p = govgraph.network.getPositions(); const out = {};"
        " govgraph.nodes.forEach(n => { out[n.label] = p[n.id].y; }); return out; })()"
    )
    assert pos["Bund"] < pos["IT-Planungsrat"] < pos["alle Bundesländer"]
    assert pos["alle Bundesländer"] < pos["National Once Only Technical System"]
    # an overruled claim is named on its pair's one edge, like in the picture
    labels = page.evaluate("govgraph.edges.get().map(e => e.label)")
    assert any("überholt: Finanzierung 50 % ab 2027" in label for label in labels)
    assert page.console_errors() == []
    assert len(png_colours(page.screenshot())) > 50
