"""Pictures for briefings: every format from the shipped graph, checked with independent tools.

A second renderer (cairosvg and librsvg's rsvg-convert) must show every node label as dark
letters; the PDF must be a PDF whose text holds the labels; PNGs must have the requested size;
the same command must give the same SVG, byte for byte, also in a new process.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from picture_check import (
    NS,
    labels,
    png_size,
    render_cairosvg,
    render_rsvg,
    unreadable,
)
from pypdf import PdfReader
from system_parts import cairo_available, need

from conftest import FIXED_TODAY, REPO, SOURCE, evidence, run_process

need(cairo_available(), "libcairo (for cairosvg)", "apt-get install libcairo2", module=True)

FOCUS = ("--today", FIXED_TODAY, "viz", "--focus", "NOOTS")
LEVELS = ("--today", FIXED_TODAY, "viz", "--type", "federal,state,joint,body", "--layout", "levels")
TIMELINE = ("--today", FIXED_TODAY, "timeline", "--from", "2025-01-01", "--to", "2026-12-31")


@pytest.fixture
def picture(govgraph, tmp_path):
    """Run a picture command into tmp_path/NAME and return the file's bytes."""

    def make(args: tuple[str, ...], name: str, *extra: str) -> bytes:
        out = tmp_path / name
        r = govgraph(*args, *extra, "-o", str(out))
        assert r.code == 0, r.err
        return out.read_bytes()

    return make


# --- the output format is checked first ----------------------------------------------------


@pytest.mark.parametrize(
    "args, message",
    [
        (("-o", "noots.pdff"), "unknown suffix .pdff"),
        (("-o", "noots"), "unknown suffix"),
        (("--format", "svg", "-o", "noots.pdf"), "does not match"),
        (("--format", "html", "-o", "noots.png"), "does not match"),
        (("--format", "pdf"), "-o FILE.pdf"),
        (("--size", "huge", "-o", "noots.png"), "--size"),
        (("--size", "a4", "-o", "noots.html"), "only for pictures"),
        (("--renderer", "chromium", "-o", "noots.pdf"), "only for PNG"),
    ],
)
def test_wrong_output_is_refused_before_any_work(govgraph, write_ttl, tmp_path, args, message):
    broken = write_ttl("broken.ttl", "this is not turtle")  # reading it would fail differently
    out_args = [a if not a.startswith("noots") else str(tmp_path / a) for a in args]
    for command in (("viz", "--focus", "NOOTS"), ("timeline",)):
        r = govgraph("--data", str(broken), *command, *out_args)
        assert r.code == 2, r.err
        assert message in r.err and r.err.count("\n") == 1, r.err
    assert [p.name for p in tmp_path.iterdir()] == ["broken.ttl"]


def test_pdf_is_a_pdf_with_the_labels_as_text(picture):
    data = picture(FOCUS, "noots.pdf")
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 596)  # A4 landscape
    text = " ".join(reader.pages[0].extract_text().split())
    svg = picture(FOCUS, "noots.svg").decode("utf-8")
    names = [lab.text for lab in labels(svg)]
    assert "National Once Only Technical System" in names and len(names) > 10
    for name in names:
        for word in name.replace("…", " ").split():
            assert word in text, (name, word)
    assert "Stand 27.11.2026" in text


@pytest.mark.parametrize("size, expected", [("slide", (1920, 1080)), ("a4", (1123, 794)),
                                            ("1600x900", (1600, 900))])  # fmt: skip
def test_png_has_the_requested_size(picture, size, expected):
    assert png_size(picture(FOCUS, f"noots-{size}.png", "--size", size)) == expected


def test_png_without_size_is_the_picture_size(picture):
    svg = picture(FOCUS, "noots.svg").decode("utf-8")
    root = ElementTree.fromstring(svg)
    assert png_size(picture(FOCUS, "noots.png")) == (
        int(root.get("width")),
        int(root.get("height")),
    )


@pytest.mark.parametrize("args", [FOCUS, LEVELS], ids=["focus", "levels"])
def test_every_node_label_is_readable_in_two_other_renderers(picture, args):
    svg = picture(args, "view.svg").decode("utf-8")
    assert "paint-order" not in svg and "<style" not in svg and "@font-face" not in svg
    drawn = labels(svg)
    assert len(drawn) > 10
    for render in (render_cairosvg, render_rsvg):
        image = render(svg, 2400)
        assert unreadable(svg, image) == [], render.__name__


def test_the_check_finds_labels_hidden_by_paint_order():
    """The old halo (a white stroke under paint-order) hides the letters in cairosvg."""
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60" viewBox="0 0 300 60">'
        '<rect width="300" height="60" fill="#fff"/><g class="node-label">'
        '<rect x="10" y="10" width="280" height="40" fill="#fff" fill-opacity="0"/>'
        '<text x="150" y="38" font-size="20" text-anchor="middle" stroke="#fff" '
        'stroke-width="3" paint-order="stroke">Registermodernisierung</text></g></svg>'
    )
    assert unreadable(svg, render_cairosvg(svg, 300)) == ["Registermodernisierung"]


def test_node_labels_do_not_overlap(picture):
    drawn = labels(picture(FOCUS, "noots.svg").decode("utf-8"))
    clashes = [
        (a.text, b.text)
        for i, a in enumerate(drawn)
        for b in drawn[i + 1 :]
        if min(a.x + a.w, b.x + b.w) - max(a.x, b.x) > 1
        and min(a.y + a.h, b.y + b.h) - max(a.y, b.y) > 1
    ]
    assert clashes == []


def test_same_command_gives_byte_identical_svg(picture, tmp_path):
    for args in (FOCUS, LEVELS, TIMELINE):
        assert picture(args, "a.svg") == picture(args, "b.svg")
    # a new process has another string hash seed and another query order: still the same bytes
    for i, args in enumerate((FOCUS, LEVELS, TIMELINE)):
        r = run_process(*args, "-o", f"c{i}.svg", cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        assert (tmp_path / f"c{i}.svg").read_bytes() == picture(args, f"d{i}.svg")


def test_focus_legend_certainty_and_footer(picture):
    svg = picture(FOCUS, "noots.svg", "--at", "2027-06-01").decode("utf-8")
    root = ElementTree.fromstring(svg)
    focus = next(lab for lab in root.iter(NS + "g") if lab.get("class") == "node-label"
                 and "National Once Only" in " ".join(lab.itertext()))  # fmt: skip
    assert focus.find(NS + "text").get("font-weight") == "bold"
    texts = [" ".join(" ".join(t.itertext()).split()) for t in root.iter(NS + "text")]
    assert "im Mittelpunkt" in texts and "belegt (Quelle sagt es)" in texts
    footer = [t for t in root.iter(NS + "text") if t.get("class") == "footer"]
    assert footer[0].text.startswith("Stand 27.11.2026 · Aussagen gültig am 01.06.2027")
    assert footer[1].text.startswith("Quellen: GB StT RLP;") and "NOOTSStVtr" in footer[1].text
    # one label per pair: the relations that hold joined, the overruled claim named as such
    edge_texts = {lab.text for lab in labels(svg, "edge-label")}
    assert (
        "Finanzierung 46,6 % ab 2027 · Pflicht Einrichtung überholt: Finanzierung 50 % ab 2027"
        in (edge_texts)
    )


def test_inferred_relations_are_dashed_and_explained(picture):
    svg = picture(FOCUS, "noots.svg").decode("utf-8")
    assert "erschlossen (nicht wörtlich belegt)" in svg
    dashed = re.findall(r'<path d="[^"]+" fill="none" stroke="#9aa0a6"[^>]*stroke-dasharray', svg)
    assert dashed


def test_levels_put_bund_above_laender_above_kommunen_and_units_below(picture):
    svg = picture(
        ("--today", FIXED_TODAY, "viz", "--type", "federal,state,municipal", "--layout", "levels"),
        "levels.svg",
    ).decode("utf-8")
    y = {lab.text: lab.y for lab in labels(svg)}
    bund, land, stadt = y["Bund"], y["Land Rheinland-Pfalz"], y["Städtetag Rheinland-Pfalz"]
    assert bund < land < stadt
    ministry = next(v for k, v in y.items() if k.startswith("Ministerium für Arbeit"))
    assert y["Landeskoordination RegMo im MASTD"] > ministry
    root = ElementTree.fromstring(svg)
    bands = [t.text for t in root.iter(NS + "text") if t.get("class") == "band"]
    assert bands[:3] == ["Bund", "Länder", "Kommunen"]


def test_english_picture(picture):
    svg = picture(("--lang", "en", *FOCUS), "noots.svg").decode("utf-8")
    assert "As of 2026-11-27 · all dates" in svg and "Legend" in svg and "in focus" in svg


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf", "html"])
def test_timeline_in_every_format(picture, fmt):
    data = picture(TIMELINE, f"t.{fmt}")
    if fmt == "pdf":
        text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
        assert "Mitte 2026 (Halbjahr)" in text and "Stand 27.11.2026" in text
    elif fmt == "png":
        assert png_size(data)[0] > 1000
    else:
        assert "Mitte 2026 (Halbjahr) – überholt" in data.decode("utf-8")
        assert "Zeitraum 01.01.2025 – 31.12.2026" in data.decode("utf-8")


def test_timeline_labels_are_readable_in_rsvg(picture):
    svg = picture(TIMELINE, "t.svg").decode("utf-8")
    image = render_rsvg(svg, 1800)
    vx, vy, vw, _ = (float(v) for v in ElementTree.fromstring(svg).get("viewBox").split())
    assert image.width == 1800 and vw > 0 and not unreadable(svg, image)


def _readme_commands() -> list[str]:
    text = (REPO / "docs" / "tour-views.md").read_text(encoding="utf-8")
    section = text.split("### Bilder für Briefings", 1)[1].split("\n### ", 1)[0]
    return re.findall(r"^\$ govgraph (.+)$", section, flags=re.MULTILINE)


def test_readme_pictures_are_made_by_these_commands(tmp_path):
    """The briefing pictures of docs/tour-views.md: each command runs and writes its PNG.

    With GOVGRAPH_WRITE_IMAGES=1 they are written into docs/images (how the docs' pictures
    are made); otherwise into a temporary folder.
    """
    import os
    import shlex

    commands = _readme_commands()
    assert len(commands) == 4
    target = REPO if os.environ.get("GOVGRAPH_WRITE_IMAGES") == "1" else tmp_path
    (target / "docs" / "images").mkdir(parents=True, exist_ok=True)
    for command in commands:
        args = shlex.split(command)
        r = run_process(*args, cwd=target)
        assert r.returncode == 0, (command, r.stderr)
        out = Path(target / args[args.index("-o") + 1])
        assert png_size(out.read_bytes())[0] >= 1000


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf", "html"])
def test_focus_in_every_format(picture, fmt):
    data = picture(FOCUS, f"noots.{fmt}")
    magic = {"svg": b"<svg ", "png": b"\x89PNG", "pdf": b"%PDF-", "html": b"<!DOCTYPE html>"}
    assert data.startswith(magic[fmt])


def test_source_names_prefer_short_names_in_the_pictures_language(govgraph, write_ttl, tmp_path):
    data = write_ttl(
        "short.ttl",
        f"""
@prefix dcterms: <http://purl.org/dc/terms/> .
{SOURCE} gg:shortName "GB 2025"@de , "AR 2025"@en .
""",
    )
    for lang, expected in (("de", "Quellen: GB 2025"), ("en", "Sources: AR 2025")):
        out = tmp_path / f"{lang}.svg"
        r = govgraph("--lang", lang, "--data", str(data), *FOCUS, "-o", str(out))
        assert r.code == 0, r.err
        assert expected in out.read_text(encoding="utf-8")


def test_superseded_and_disputed_claims_are_drawn_apart(picture, write_ttl):
    """Shipped graph: the report's NOOTS shares give way to the treaty's (superseded) and are
    named so, in grey, on the pair's one label. Own data: a conflict without a preferred claim
    makes both claims disputed (one line in the disputed style, both shares on its label); a
    pair whose only relation is overruled is drawn in the superseded style."""
    svg = picture(FOCUS, "noots.svg", "--depth", "1").decode("utf-8")
    assert "überholt (eine andere Quelle geht vor)" in svg
    assert '<tspan x="' in svg and re.search(
        r'fill="#7a7a7a">überholt: Finanzierung 50 % ab 2027</tspan>', svg
    )
    data = write_ttl(
        "dispute.ttl",
        f"""
ggd:a a gg:Ministry ; gg:level ggc:federal ; skos:prefLabel "Amt A"@de ;
    {evidence("Digitalisierung")} .
ggd:b a gg:Programme ; skos:prefLabel "Programm B"@de ; {evidence("Digitalisierung")} .
ggd:c a gg:Programme ; skos:prefLabel "Programm C"@de ; {evidence("Digitalisierung")} .
ggd:f1 a gg:FundingArrangement ; gg:actor ggd:a ; gg:subject ggd:b ; gg:share 0.5 ;
    {evidence("Digitalisierung")} .
ggd:f2 a gg:FundingArrangement ; gg:actor ggd:a ; gg:subject ggd:b ; gg:share 0.25 ;
    {evidence("Digitalisierung")} .
ggd:c1 a gg:Conflict ; gg:claim ggd:f1 , ggd:f2 .
ggd:f3 a gg:FundingArrangement ; gg:actor ggd:a ; gg:subject ggd:c ; gg:share 0.75 ;
    {evidence("Digitalisierung")} .
ggd:d a gg:Programme ; skos:prefLabel "Programm D"@de ; {evidence("Digitalisierung")} .
ggd:f4 a gg:FundingArrangement ; gg:actor ggd:a ; gg:subject ggd:d ; gg:share 0.2 ;
    {evidence("Digitalisierung")} .
ggd:c2 a gg:Conflict ; gg:claim ggd:f3 ; gg:preferredClaim ggd:f4 .
""",
    )
    svg = picture(("--no-builtin", "--data", str(data), *FOCUS[:3]), "d.svg").decode("utf-8")
    assert "umstritten (Quellen widersprechen sich)" in svg
    assert len(re.findall(r'<path [^>]*stroke="#b26b5e"[^>]*stroke-dasharray', svg)) == 1
    texts = {lab.text for lab in labels(svg, "edge-label")}
    assert texts == {
        "umstritten: Finanzierung 50 % Finanzierung 25 %",  # both shares of one pair, one line
        "überholt: Finanzierung 75 %",
        "Finanzierung 20 %",
    }
    assert len(re.findall(r'<path [^>]*stroke="#b8b8b8"[^>]*stroke-dasharray', svg)) == 1
    assert len(re.findall(r'<path [^>]*stroke="#5f6368"', svg)) == 1
