"""Independent checks of our pictures: where each label is drawn, and whether a second renderer
(cairosvg, librsvg's rsvg-convert) shows dark letters there."""

from __future__ import annotations

import io
import re
import shutil
import struct
import subprocess
from dataclasses import dataclass
from xml.etree import ElementTree

from PIL import Image
from system_parts import cairo_available, need

NS = "{http://www.w3.org/2000/svg}"


@dataclass
class DrawnLabel:
    text: str
    x: float
    y: float
    w: float
    h: float


def _translate(element) -> tuple[float, float]:
    m = re.fullmatch(r"translate\(([-\d.]+)[ ,]+([-\d.]+)\)", element.get("transform", ""))
    return (float(m.group(1)), float(m.group(2))) if m else (0.0, 0.0)


def labels(svg: str, kind: str = "node-label") -> list[DrawnLabel]:
    """Every label of that kind with its white box, in the SVG's user units."""
    root = ElementTree.fromstring(svg)
    found = []

    def walk(element, dx: float, dy: float) -> None:
        ox, oy = _translate(element)
        dx, dy = dx + ox, dy + oy
        for child in element:
            if child.tag == NS + "g" and child.get("class") == kind:
                rect, text = child.find(NS + "rect"), child.find(NS + "text")
                words = " ".join(" ".join(text.itertext()).split())
                box = [float(rect.get(a)) for a in ("x", "y", "width", "height")]
                found.append(DrawnLabel(words, box[0] + dx, box[1] + dy, box[2], box[3]))
            else:
                walk(child, dx, dy)

    walk(root, 0.0, 0.0)
    return found


def view_box(svg: str) -> tuple[float, float, float, float]:
    root = ElementTree.fromstring(svg)
    return tuple(float(v) for v in root.get("viewBox").split())  # type: ignore[return-value]


def render_cairosvg(svg: str, width: int) -> Image.Image:
    need(cairo_available(), "libcairo (for cairosvg)", "apt-get install libcairo2")
    import cairosvg

    png = cairosvg.svg2png(bytestring=svg.encode("utf-8"), output_width=width)
    return Image.open(io.BytesIO(png)).convert("L")


def render_rsvg(svg: str, width: int) -> Image.Image:
    tool = shutil.which("rsvg-convert")
    if not tool:
        need(False, "rsvg-convert", "apt-get install librsvg2-bin")
    out = subprocess.run(
        [tool, "--width", str(width), "--keep-aspect-ratio"],
        input=svg.encode("utf-8"),
        capture_output=True,
        check=True,
        timeout=120,
    )
    return Image.open(io.BytesIO(out.stdout)).convert("L")


def unreadable(svg: str, image: Image.Image, kind: str = "node-label") -> list[str]:
    """Labels with (almost) no dark pixels where they are drawn in the rendered image."""
    vx, vy, vw, vh = view_box(svg)
    scale = image.width / vw
    bad = []
    for lab in labels(svg, kind):
        box = (
            int((lab.x - vx) * scale),
            int((lab.y - vy) * scale),
            int((lab.x + lab.w - vx) * scale) + 1,
            int((lab.y + lab.h - vy) * scale) + 1,
        )
        pixels = image.crop(box).tobytes()  # one byte per pixel in mode L
        dark = sum(1 for p in pixels if p < 100)
        if dark < max(6, 0.02 * len(pixels)):
            bad.append(lab.text)
    return bad


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG header (IHDR), without decoding."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def _shape_box(element) -> tuple[float, float, float, float] | None:
    """Bounding box (x, y, w, h) of a rect, circle, ellipse or polygon."""
    tag = element.tag.removeprefix(NS)
    get = lambda a: float(element.get(a))  # noqa: E731
    if tag == "rect":
        return get("x"), get("y"), get("width"), get("height")
    if tag == "circle":
        r = get("r")
        return get("cx") - r, get("cy") - r, 2 * r, 2 * r
    if tag == "ellipse":
        rx, ry = get("rx"), get("ry")
        return get("cx") - rx, get("cy") - ry, 2 * rx, 2 * ry
    if tag == "polygon":
        pts = [tuple(map(float, p.split(","))) for p in element.get("points").split()]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        return min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)
    return None


@dataclass
class Geometry:
    """What a network picture draws, in the SVG's user units."""

    marks: list[DrawnLabel]  # node shapes (text: the node's id)
    labels: list[DrawnLabel]  # node and edge labels (their white boxes)
    edges: list[tuple[str, str]]  # the two ends of every drawn edge


def geometry(svg: str) -> Geometry:
    root = ElementTree.fromstring(svg)
    marks: list[DrawnLabel] = []
    edges: list[tuple[str, str]] = []

    def walk(element, dx: float, dy: float) -> None:
        ox, oy = _translate(element)
        dx, dy = dx + ox, dy + oy
        for child in element:
            cls = child.get("class")
            if child.tag == NS + "g" and cls == "node":
                found = [b for b in map(_shape_box, child) if b]
                x0 = min(b[0] for b in found)
                y0 = min(b[1] for b in found)
                x1 = max(b[0] + b[2] for b in found)
                y1 = max(b[1] + b[3] for b in found)
                marks.append(DrawnLabel(child.get("id"), x0 + dx, y0 + dy, x1 - x0, y1 - y0))
            elif child.tag == NS + "g" and cls == "edge":
                a, b = child.get("data-ends").split()
                edges.append((min(a, b), max(a, b)))
            else:
                walk(child, dx, dy)

    walk(root, 0.0, 0.0)
    return Geometry(marks, labels(svg, "node-label") + labels(svg, "edge-label"), edges)


def overlaps(a: DrawnLabel, b: DrawnLabel, tolerance: float = 0.5) -> bool:
    return (
        min(a.x + a.w, b.x + b.w) - max(a.x, b.x) > tolerance
        and min(a.y + a.h, b.y + b.h) - max(a.y, b.y) > tolerance
    )


def clashes(svg: str) -> dict[str, list]:
    """Labels on labels, labels on node marks, pairs drawn twice: all should be empty."""
    g = geometry(svg)
    on_labels = [
        (a.text, b.text)
        for i, a in enumerate(g.labels)
        for b in g.labels[i + 1 :]
        if overlaps(a, b)
    ]
    on_nodes = [(lab.text, m.text) for lab in g.labels for m in g.marks if overlaps(lab, m)]
    seen: dict[tuple[str, str], int] = {}
    for pair in g.edges:
        seen[pair] = seen.get(pair, 0) + 1
    twice = [pair for pair, n in seen.items() if n > 1]
    return {"labels": on_labels, "nodes": on_nodes, "pairs": twice}
