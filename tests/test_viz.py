"""`govgraph viz` and `govgraph timeline` without a browser: the files they write, parsed."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest

from conftest import FIXED_TODAY, evidence, run_process
from govgraph.graph.views.html import json_for_script

EVIL = '<img src=x onerror="window.pwned=1">'
EVIL_QUOTE = "Digitalisierung</script><script>window.pwned=2</script> href & co"


@pytest.fixture
def evil_data(write_ttl):
    """A tiny graph whose labels and quotes are markup and script."""
    return write_ttl(
        "evil.ttl",
        f"""
ggd:evil a gg:Ministry ; gg:level ggc:federal ;
    skos:prefLabel '{EVIL}'@de , "<b>bold</b> & 'quotes' \\u2028 line"@en ;
    prov:wasDerivedFrom [ a oa:SpecificResource ; oa:hasSource ggd:source-000_2f97107a3c89067a ;
        oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact '{EVIL_QUOTE}' ] ] .
ggd:good a gg:Programme ; skos:prefLabel "Gutes Programm"@de , "good programme"@en ;
    {evidence("Digitalisierung")} .
ggd:resp-evil a gg:Responsibility ; rdfs:label "</title><script>window.pwned=3</script>"@de ;
    gg:actor ggd:evil ; gg:subject ggd:good ; gg:role ggc:lead ; {evidence("Digitalisierung")} .
""",
    )


class Collector(HTMLParser):
    """Tags with their attributes, and the text of each script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in_script: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_data(self, data):
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


def svg_text(element) -> str:
    """The words of an SVG text element, its wrapped lines joined by spaces."""
    return " ".join(" ".join(element.itertext()).split())


def parse(html_text: str) -> Collector:
    c = Collector()
    c.feed(html_text)
    return c


def test_page_is_offline_and_single_file(govgraph, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = govgraph("viz", "--focus", "RegMo", "-o", "regmo.html")
    assert r.code == 0, r.err
    assert [p.name for p in tmp_path.iterdir()] == ["regmo.html"]  # no lib/ folder, no temp
    page = (tmp_path / "regmo.html").read_text(encoding="utf-8")
    doc = parse(page)
    for tag, attrs in doc.tags:
        for name in ("src", "href", "action", "data", "poster", "srcset"):
            value = attrs.get(name) or ""
            assert not re.match(r"\s*(https?:)?//", value), (tag, name, value)
    assert not any(tag == "link" for tag, _ in doc.tags)
    scripts = [s for s in doc.scripts if not s[0].get("type")]
    assert all(attrs.get("src") is None for attrs, _ in doc.scripts)
    assert any("vis-network" in text or "vis.Network" in text for _, text in scripts)
    assert "bootstrap" not in page.lower()
    assert "sourceMappingURL" not in page
    data = json.loads(next(t for a, t in doc.scripts if a.get("id") == "gg-data"))
    labels = {n["label"] for n in data["nodes"]}
    assert "Registermodernisierung" in labels and "Landeskoordination RegMo im MASTD" in labels
    assert any(e["label"] == "ist Einheit von" for e in data["edges"])
    assert 'id="gg-legend"' in page and 'id="gg-search"' in page
    assert "setOptions({physics: false})" in page


def test_data_is_escaped_text(govgraph, evil_data, tmp_path):
    out = tmp_path / "evil.html"
    r = govgraph("--no-builtin", "--data", str(evil_data), "viz", "-o", str(out))
    assert r.code == 0, r.err
    page = out.read_text(encoding="utf-8")
    doc = parse(page)
    assert not any(tag == "img" for tag, _ in doc.tags)
    assert [t for t, _ in doc.tags].count("script") == 5  # text, data, options, vis, ours
    assert "<img" not in page and "</script><script>window" not in page
    data = json.loads(next(t for a, t in doc.scripts if a.get("id") == "gg-data"))
    assert EVIL in {n["label"] for n in data["nodes"]}
    tip = next(n["tip"] for n in data["nodes"] if n["label"] == EVIL)
    assert any(EVIL_QUOTE in text for _, text in tip)
    # The page builds tooltips with textContent, never innerHTML.
    ours = doc.scripts[-1][1]
    assert "textContent" in ours and "innerHTML" not in ours


def test_heading_is_escaped(govgraph, evil_data, tmp_path):
    out = tmp_path / "focus.html"
    r = govgraph(
        "--no-builtin", "--data", str(evil_data), "viz", "--focus", "Gutes", "-o", str(out)
    )
    assert r.code == 0, r.err
    page = out.read_text(encoding="utf-8")
    assert "<h1>govgraph – Netzwerk: Gutes Programm (Tiefe 2)</h1>" in page


def test_json_for_script_escapes_everything_that_could_end_the_block():
    text = json_for_script({"a": "</script><!-- & \u2028\u2029 >"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 >"}


def test_svg_picture_is_well_formed_and_escaped(govgraph, evil_data, tmp_path):
    out = tmp_path / "evil.svg"
    r = govgraph("--no-builtin", "--data", str(evil_data), "viz", "-o", str(out))
    assert r.code == 0, r.err
    root = ElementTree.parse(out).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    texts = [svg_text(t) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert EVIL in texts
    assert not list(root.iter("{http://www.w3.org/2000/svg}image"))
    assert not list(root.iter("{http://www.w3.org/2000/svg}script"))


def test_svg_of_a_real_focus(govgraph, tmp_path):
    out = tmp_path / "regmo.svg"
    r = govgraph("viz", "--focus", "RegMo", "--depth", "1", "--format", "svg", "-o", str(out))
    assert r.code == 0, r.err
    root = ElementTree.parse(out).getroot()
    texts = {svg_text(t) for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert {"Registermodernisierung", "Landeskoordination RegMo im MASTD", "Legende"} <= texts
    assert "Koordination" in texts  # an edge label


def test_too_large_views_are_refused(govgraph, tmp_path):
    r = govgraph("viz", "--max-nodes", "5", "-o", str(tmp_path / "x.html"))
    assert r.code == 2
    assert "--focus" in r.err and "--type" in r.err and "--max-nodes" in r.err
    assert not list(tmp_path.iterdir())


def test_unknown_focus_and_type_are_one_line_errors(govgraph, tmp_path):
    r = govgraph("viz", "--focus", "Nichtsda", "-o", str(tmp_path / "x.html"))
    assert r.code == 1 and r.err.startswith("govgraph: ")
    r = govgraph("viz", "--type", "quatsch", "-o", str(tmp_path / "x.html"))
    assert r.code == 2 and "kinds:" in r.err
    assert not list(tmp_path.iterdir())


def test_png_needs_an_output_file(govgraph):
    r = govgraph("viz", "--focus", "RegMo", "--format", "png")
    assert r.code == 2 and "-o" in r.err


def test_timeline_svg_shows_precision_and_today(govgraph, tmp_path):
    out = tmp_path / "t.svg"
    r = govgraph("--today", FIXED_TODAY, "timeline", "-o", str(out))
    assert r.code == 0, r.err
    svg = out.read_text(encoding="utf-8")
    root = ElementTree.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    texts = [t.text or "" for t in root.iter(ns + "text")]
    assert "heute 27.11.2026" in texts
    # "Mitte 2026" (half-year) is a bar, the election on 23 February 2025 a point
    groups = [g for g in root.iter(ns + "g") if g.find(ns + "title") is not None]
    by_words = {
        next(t.text for t in g.iter(ns + "text") if t.get("font-size") == "11"): g for g in groups
    }
    # the precision is shown with the span; the treaty's own deadline supersedes the report's
    mid = by_words["Mitte 2026 (Halbjahr) – überholt"]
    assert mid.find(ns + "rect") is not None and mid.find(ns + "circle") is None
    assert float(mid.find(ns + "rect").get("width")) > 20
    election = by_words["23. Februar 2025"]
    assert election.find(ns + "circle") is not None


def test_timeline_period_and_html(govgraph, tmp_path):
    out = tmp_path / "t.html"
    r = govgraph("--today", FIXED_TODAY, "timeline", "--from", "2026-01-01", "-o", str(out))
    assert r.code == 0, r.err
    page = out.read_text(encoding="utf-8")
    assert "Mitte 2026" in page and "Februar 2025" not in page
    assert not any(
        re.match(r"(https?:)?//", attrs.get("src") or attrs.get("href") or "")
        for _, attrs in parse(page).tags
    )
    r = govgraph("timeline", "--from", "2090-01-01", "-o", str(tmp_path / "none.html"))
    assert r.code == 1 and "nothing dated" in r.err


def test_viz_modules_import_no_heavy_libraries_at_startup():
    code = (
        "import sys, govgraph.cli.main;"
        "print(sorted(m for m in ('networkx', 'pyvis', 'rdflib') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_viz_never_imports_pyvis(tmp_path):
    code = (
        "import sys; from govgraph.cli.main import run; sys.argv=['govgraph','viz','--focus',"
        "'RegMo','-o','x.html']\ntry:\n run()\n"
        "except SystemExit as stop:\n assert not stop.code, stop.code\n"
        "print('pyvis' in sys.modules, file=sys.stderr)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True
    )
    assert out.stderr.strip().endswith("False")
    assert (tmp_path / "x.html").stat().st_size > 0  # the view was made (without pyvis)


def test_cli_as_a_process_writes_only_its_file(tmp_path):
    r = run_process("viz", "--focus", "IT-PLR", "--depth", "1", "-o", "itplr.html", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["itplr.html"]


def _page_data(govgraph, tmp_path, *args: str) -> tuple[dict, dict]:
    out = tmp_path / "view.html"
    r = govgraph("--today", FIXED_TODAY, "viz", *args, "-o", str(out))
    assert r.code == 0, r.err
    doc = parse(out.read_text(encoding="utf-8"))
    scripts = {a.get("id"): t for a, t in doc.scripts}
    return json.loads(scripts["gg-data"]), json.loads(scripts["gg-options"])


def test_page_draws_one_edge_per_pair_and_marks_overruled_claims(govgraph, tmp_path):
    data, options = _page_data(govgraph, tmp_path, "--focus", "NOOTS", "--depth", "1")
    pairs = [tuple(sorted((e["from"], e["to"]))) for e in data["edges"]]
    assert len(pairs) == len(set(pairs))
    name = {n["id"]: n["label"] for n in data["nodes"]}
    bund = next(
        e for e in data["edges"]
        if {name[e["from"]], name[e["to"]]} == {"Bund", "National Once Only Technical System"}
    )  # fmt: skip
    assert (
        bund["label"]
        == "Finanzierung 46,6 % ab 2027 · Pflicht\nEinrichtung\nüberholt: Finanzierung 50 % ab 2027"
    )
    tip = [text for _, text in bund["tip"]]
    # the tooltip lists every relation of the pair, each with its state and quote
    assert (
        "Bund → National Once Only Technical System: Finanzierung 50 % ab 2027 "
        "(überholt (eine andere Quelle geht vor))" in tip
    )
    assert "Bund → National Once Only Technical System: Pflicht" in tip
    assert any(t.startswith("Beleg: „") for t in tip)
    # a pair whose relations no source states outright is dashed, like in the pictures
    states = {e.get("dashes") is not None for e in data["edges"]}
    assert states == {True, False}
    assert options["physics"].get("enabled", True)  # no --layout: the browser lays it out


def test_page_with_levels_has_fixed_positions_and_no_physics(govgraph, tmp_path):
    data, options = _page_data(
        govgraph, tmp_path, "--focus", "NOOTS", "--depth", "2", "--layout", "levels"
    )
    assert options["physics"] == {"enabled": False}
    assert all("x" in n and "y" in n for n in data["nodes"])
    y = {n["label"]: n["y"] for n in data["nodes"]}
    assert y["Bund"] < y["IT-Planungsrat"] < y["alle Bundesländer"] < y["Registermodernisierung"]


def test_web_network_frame_marks_overruled_claims_too():
    import warnings
    from datetime import date

    from starlette.testclient import TestClient

    from govgraph.web.app import create_app
    from govgraph.web.graph import Settings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        client = TestClient(create_app(Settings(today=date(2026, 11, 27))))
    r = client.get("/network/frame?focus=NOOTS&depth=1")
    assert r.status_code == 200
    doc = parse(r.text)
    data = json.loads(next(t for a, t in doc.scripts if a.get("id") == "gg-data"))
    labels = [e["label"] for e in data["edges"]]
    assert (
        "Finanzierung 46,6 % ab 2027 · Pflicht\nEinrichtung\nüberholt: Finanzierung 50 % ab 2027"
        in labels
    )
