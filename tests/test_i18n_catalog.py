"""The message catalogue: both languages for every key, and no key the code asks for is missing."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from govgraph.graph.i18n import MESSAGES, bilingual, message, messages

ROOT = Path(__file__).resolve().parents[1]
CODE_DIRS = ("cli", "graph", "web")
KEY_CALL = re.compile(r"""\b(?:message|bilingual)\(\s*["']([a-z0-9_.]+)["']""")


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_has_german_and_english_with_the_same_placeholders() -> None:
    for key, entry in MESSAGES.items():
        assert set(entry) == {"de", "en"}, key
        assert entry["de"].strip() and entry["en"].strip(), key
        assert _placeholders(entry["de"]) == _placeholders(entry["en"]), key


def test_every_key_the_code_asks_for_exists() -> None:
    used: dict[str, str] = {}
    for folder in CODE_DIRS:
        for path in (ROOT / folder).rglob("*.py"):
            for key in KEY_CALL.findall(path.read_text(encoding="utf-8")):
                used.setdefault(key, str(path.relative_to(ROOT)))
    missing = {key: where for key, where in used.items() if key not in MESSAGES}
    assert not missing


def test_keys_are_namespaced_by_area() -> None:
    areas = {"answers", "cli", "curation", "settings", "sources", "sparql", "views", "web"}
    assert all(key.split(".", 1)[0] in areas for key in MESSAGES)


def test_unknown_key_is_an_error_and_unknown_language_falls_back_to_german(monkeypatch) -> None:
    with pytest.raises(KeyError):
        message("no.such.key", "de")
    monkeypatch.setitem(MESSAGES, "cli.test_probe", {"de": "{n} Zeilen", "en": "{n} rows"})
    assert message("cli.test_probe", "en", n=3) == "3 rows"
    assert message("cli.test_probe", "fr", n=3) == "3 Zeilen"
    assert message("cli.test_probe", None, n=3) == "3 Zeilen"


def test_prefix_lookup_strips_the_area() -> None:
    for key, entry in MESSAGES.items():
        area, rest = key.split(".", 1)
        assert messages("en", area)[rest] == entry["en"]


def test_bilingual_is_german_then_english_with_placeholders_in_both(monkeypatch) -> None:
    monkeypatch.setitem(MESSAGES, "cli.test_probe", {"de": "{n} Zeilen", "en": "{n} rows"})
    assert bilingual("cli.test_probe", n=3) == "3 Zeilen / 3 rows"
    monkeypatch.setitem(MESSAGES, "cli.test_probe", {"de": "fehlt", "en": "missing"})
    assert bilingual("cli.test_probe") == "fehlt / missing"
    assert bilingual("cli.test_probe", sep="/") == "fehlt/missing"
