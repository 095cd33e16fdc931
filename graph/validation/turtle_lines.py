"""Find where a node is written in the Turtle files, so reports can say file:line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_PREFIX = re.compile(r"^\s*(?:@prefix|PREFIX)\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.IGNORECASE)


@dataclass
class _FileText:
    path: Path
    lines: list[str]
    prefixes: dict[str, str]


class Locator:
    """Maps IRIs and quoted strings to the first file:line that writes them."""

    def __init__(self, files: list[Path]) -> None:
        self._files: list[_FileText] = []
        for path in files:
            try:
                lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                continue
            prefixes = {}
            for line in lines:
                m = _PREFIX.match(line)
                if m:
                    prefixes[m.group(1) or ""] = m.group(2)
            self._files.append(_FileText(path, lines, prefixes))

    def _forms(self, f: _FileText, iri: str) -> list[str]:
        forms = [f"<{iri}>"]
        for prefix, ns in f.prefixes.items():
            if ns and iri.startswith(ns) and len(iri) > len(ns):
                forms.append(f"{prefix}:{iri[len(ns) :]}")
        return forms

    def iri(self, iri: str) -> tuple[Path, int] | None:
        """Where the IRI is first written as a subject, else where it first occurs at all."""
        fallback = None
        for f in self._files:
            forms = self._forms(f, iri)
            pattern = re.compile(
                "|".join(
                    re.escape(x) + (r"(?![\w.-]*[\w-])" if not x.startswith("<") else "")
                    for x in forms
                )
            )
            for number, line in enumerate(f.lines, 1):
                m = pattern.search(line)
                if not m:
                    continue
                if not line[: m.start()].strip():
                    return f.path, number
                if fallback is None:
                    fallback = (f.path, number)
        return fallback

    def text(self, needle: str) -> tuple[Path, int] | None:
        """Where a literal's text (or its first line) is written."""
        probe = needle.splitlines()[0][:40] if needle else ""
        if not probe:
            return None
        for f in self._files:
            for number, line in enumerate(f.lines, 1):
                if probe in line:
                    return f.path, number
        return None

    def compact(self, iri: str) -> str:
        """`ggd:mastd` rather than the full IRI, using the files' own prefixes."""
        best = None
        for f in self._files:
            for prefix, ns in f.prefixes.items():
                if ns and iri.startswith(ns) and (best is None or len(ns) > len(best[1])):
                    best = (prefix, ns)
        return f"{best[0]}:{iri[len(best[1]) :]}" if best else f"<{iri}>"
