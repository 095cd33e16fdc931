"""PNG pictures: a headless chromium renders our own SVG and takes a screenshot.

Chromium is the one renderer that is packaged everywhere (Debian: `apt install chromium`) and
draws text exactly as the browser view does; no numpy/matplotlib stack is needed. It runs with a
throw-away profile in a temporary folder, with every network lookup blocked; only the finished
PNG bytes come back, so the caller writes the one output file itself.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from govgraph.graph.errors import DataError
from govgraph.graph.i18n import bilingual

NAMES = ("chromium", "chromium-browser", "google-chrome")


def find_chromium() -> str | None:
    from govgraph.graph.settings import read

    explicit = read().chromium
    if explicit:
        return explicit
    for name in NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def svg_to_png(svg: str, width: int, height: int, timeout: float = 120) -> bytes:
    """Render an SVG document of the given size to PNG bytes."""
    browser = find_chromium()
    if not browser:
        raise DataError(bilingual("views.output.needs_chromium"))
    with tempfile.TemporaryDirectory(prefix="govgraph-png-") as tmp:
        folder = Path(tmp)
        source, target = folder / "picture.svg", folder / "picture.png"
        source.write_text(svg, encoding="utf-8")
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--hide-scrollbars",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--default-background-color=ffffffff",
            f"--user-data-dir={folder / 'profile'}",
            f"--window-size={width},{height}",
            f"--screenshot={target}",
            source.as_uri(),
        ]
        try:
            subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise DataError(f"chromium did not finish the picture within {timeout:.0f} s") from None
        if not target.is_file() or target.stat().st_size == 0:
            raise DataError("chromium did not write the picture")
        return target.read_bytes()
