"""The merged catalogue: each area's messages, checked once for keys defined twice."""

from __future__ import annotations

from . import answers, cli, curation, settings, sources, sparql, views, web

_AREAS = (answers, cli, curation, settings, sources, sparql, views, web)


def _merge() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for area in _AREAS:
        for key, entry in area.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message key defined twice: {key} ({area.__name__})")
            merged[key] = entry
    return merged


MESSAGES: dict[str, dict[str, str]] = _merge()
