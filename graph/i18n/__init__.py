"""One catalogue for every word a user reads: German first, English beside it.

Why one place: a translator (or a reviewer who reads German first) checks both languages of a
message side by side, and a test proves that every key the code asks for exists in both.
The catalogue is split into modules by the part of the tool that speaks (answers, CLI, web, views,
sources) only so that the files stay short; a key is unique across all of them.
"""

from __future__ import annotations

from .catalog import MESSAGES

LANGS = ("de", "en")
DEFAULT_LANG = "de"


def lang_or_default(lang: str | None) -> str:
    """A supported language code; anything else falls back to German, the users' first language."""
    return lang if lang in LANGS else DEFAULT_LANG


def message(key: str, lang: str | None = DEFAULT_LANG, /, **values: object) -> str:
    """The text of `key` in `lang`, with `{placeholders}` filled from `values`.

    An unknown key raises KeyError: a missing message is a programming error that the catalogue
    test catches, not something to paper over with the key itself.
    """
    entry = MESSAGES[key]
    text = entry[lang_or_default(lang)]
    return text.format(**values) if values else text


def bilingual(key: str, /, sep: str = " / ", **values: object) -> str:
    """`key` in both languages at once, as "Deutsch / English" (or joined by `sep`, e.g. "ja/yes").

    Why: some text is printed before any --lang is known or for readers of either language
    (errors, click help, progress lines); it still comes from the catalogue so both halves are
    reviewed side by side. Placeholders are filled in each half (so none may be called `sep`).
    """
    entry = MESSAGES[key]
    de, en = entry["de"], entry["en"]
    if values:
        de, en = de.format(**values), en.format(**values)
    return f"{de}{sep}{en}"


def messages(lang: str | None, prefix: str) -> dict[str, str]:
    """Every message under `prefix.` in one language, keyed without the prefix (for templates)."""
    chosen = lang_or_default(lang)
    start = prefix + "."
    return {
        key[len(start) :]: entry[chosen] for key, entry in MESSAGES.items() if key.startswith(start)
    }
