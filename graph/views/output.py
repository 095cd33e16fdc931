"""Which file a picture command writes, decided before anything is computed, and the bytes.

The format comes from `--format` or the file's suffix; when both are given they must agree, and
an unknown suffix is refused, so `-o noots.pdf` can never quietly write HTML. PNG and PDF are
made from our own SVG by cairosvg (cairo, no browser); headless chromium remains an option for
PNG (`--renderer chromium`).
"""

from __future__ import annotations

from pathlib import Path

from govgraph.graph.errors import DataError, UsageError
from govgraph.graph.i18n import bilingual

FORMATS = ("html", "svg", "png", "pdf")
PICTURES = ("svg", "png", "pdf")
RENDERERS = ("cairo", "chromium")
_SUFFIX = {"html": "html", "htm": "html", "svg": "svg", "png": "png", "pdf": "pdf"}


def resolve_format(fmt: str | None, output: Path | None) -> str:
    """The output format; a UsageError for an unknown suffix or one that contradicts --format."""
    suffix = output.suffix.lower().lstrip(".") if output else ""
    by_suffix = _SUFFIX.get(suffix)
    if output is not None and by_suffix is None:
        shown = f".{suffix}" if suffix else f"({bilingual('views.output.none')})"
        unknown = bilingual("views.output.unknown_suffix", shown=shown)
        raise UsageError(f"-o {output.name}: {unknown}")
    if fmt and by_suffix and fmt != by_suffix:
        raise UsageError(
            f"{bilingual('views.output.format_mismatch', fmt=fmt, name=output.name)}; "
            f"use .{fmt} or --format {by_suffix}"
        )
    chosen = fmt or by_suffix or "html"
    if output is None and chosen in ("png", "pdf"):
        raise UsageError(bilingual("views.output.give_file", fmt=chosen))
    return chosen


def check_options(fmt: str, size: str | None, layout: str | None, renderer: str | None) -> None:
    """Picture options make no sense for the interactive page, nor chromium for PDF."""
    if fmt == "html":
        given = [name for name, value in (("--size", size),) if value]
        if given:
            raise UsageError(f"{', '.join(given)}: {bilingual('views.output.pictures_only')}")
    if renderer == "chromium" and fmt != "png":
        raise UsageError(f"--renderer chromium: {bilingual('views.output.png_only')}")


def picture_bytes(svg: str, fmt: str, width: int, height: int, renderer: str = "cairo") -> bytes:
    """The SVG document as SVG, PNG or PDF bytes (PNG exactly width × height pixels)."""
    if fmt == "svg":
        return svg.encode("utf-8")
    if fmt == "png" and renderer == "chromium":
        from govgraph.graph.views.chromium import svg_to_png

        return svg_to_png(svg, width, height)
    try:
        import cairosvg
    except (ImportError, OSError) as error:  # OSError: the cairo library itself is missing
        raise DataError(f"{bilingual('views.output.needs_cairo')}: {error}") from None
    data = svg.encode("utf-8")
    if fmt == "png":
        return cairosvg.svg2png(bytestring=data, output_width=width, output_height=height)
    if fmt == "pdf":
        return cairosvg.svg2pdf(bytestring=data)
    raise UsageError(f"--format: choose one of {', '.join(FORMATS)}")
