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
