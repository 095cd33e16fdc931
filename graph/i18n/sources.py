"""Messages of sources and claims; keys start with "sources.".

Errors about source files and the library, and the words of a draft file, are printed in both
languages at once (`bilingual`); the rest follows --lang (`message`)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # a claim's certainty when a conflict decides against it (answers' "Gewissheit" column)
    "sources.state.superseded": {"de": "überholt", "en": "superseded"},
    "sources.state.disputed": {"de": "umstritten", "en": "disputed"},
    # beside the source names of a fact that more than one source states: "NOOTSStVtr (2 Quellen)"
    "sources.count": {"de": "{count} Quellen", "en": "{count} sources"},
    # graph/sources/claims.py: `govgraph show SOURCE` with an unknown name
    "sources.no_source": {"de": "keine Quelle", "en": "no source"},
    "sources.known": {"de": "bekannt", "en": "known"},
    # graph/sources/importers.py, gii.py: a file that cannot become a source
    "sources.file.empty": {"de": "leere Datei", "en": "empty file"},
    "sources.file.too_large": {"de": "zu groß", "en": "too large"},
    "sources.file.missing": {"de": "keine Datei", "en": "no such file"},
    "sources.file.no_text": {"de": "kein Text", "en": "no text in file"},
    "sources.file.binary": {"de": "Binärdatei, kein Text", "en": "binary file, not text"},
    "sources.file.not_utf8": {
        "de": "kein UTF-8-Text (Byte {byte})",
        "en": "not UTF-8 text (byte {byte})",
    },
    "sources.file.pdf_needs_pypdf": {"de": "PDF braucht pypdf", "en": "reading PDF needs pypdf"},
    "sources.file.pdf_unreadable": {"de": "PDF nicht lesbar", "en": "unreadable PDF"},
    "sources.file.pdf_no_text": {
        "de": "PDF ohne Textebene (gescannt?)",
        "en": "PDF without a text layer (scanned?)",
    },
    "sources.file.gii_no_parser": {
        "de": "gesetze-im-internet.de-XML nicht lesbar",
        "en": "cannot read gesetze-im-internet.de XML (no parser)",
    },
    "sources.file.not_xml": {"de": "kein gültiges XML", "en": "not well-formed XML"},
    "sources.file.not_gii": {
        "de": "keine GII-XML-Datei",
        "en": "not gesetze-im-internet.de XML",
    },
    # graph/sources/library.py: looking up and adding sources in the user's library
    "sources.library.no_such_source": {
        "de": "keine Quelle in der Bibliothek",
        "en": "no such source",
    },
    "sources.library.ambiguous": {"de": "mehrdeutig", "en": "ambiguous"},
    "sources.library.same_content": {
        "de": "gleicher Inhalt wie Quelle",
        "en": "same content (SHA-256) as source",
    },
    "sources.library.same_as_shipped": {
        "de": "gleicher Inhalt wie mitgelieferte Quelle",
        "en": "same content (SHA-256) as shipped source",
    },
    # graph/curation/draftfile.py: the comments a reviewer reads in a draft file
    "sources.draft.drafts_for": {"de": "Entwürfe", "en": "drafts for source"},
    "sources.draft.review": {"de": "Prüfen", "en": "review"},
    "sources.draft.kind.mention": {"de": "bekannte Entität", "en": "known entity"},
    "sources.draft.kind.new_entity": {"de": "neuer Name", "en": "new name"},
    "sources.draft.kind.time_point": {"de": "Zeitangabe", "en": "date"},
    "sources.draft.kind.amount": {"de": "Betrag oder Anteil", "en": "amount or share"},
    "sources.draft.kind.funding": {"de": "Finanzierung", "en": "financing"},
    "sources.draft.kind.deadline": {"de": "Frist", "en": "deadline"},
    "sources.draft.kind.demand": {"de": "Forderung", "en": "demand"},
    "sources.draft.kind.membership": {"de": "Mitgliedschaft", "en": "membership"},
    "sources.draft.kind.responsibility": {"de": "Zuständigkeit", "en": "responsibility"},
    # graph/curation/review.py: `govgraph review`
    "sources.review.not_turtle": {"de": "kein gültiges Turtle", "en": "not valid Turtle"},
    "sources.review.no_candidate": {
        "de": "kein Kandidat mit dieser Nummer",
        "en": "no such candidate",
    },
    # graph/curation/diff.py: two sources state different shares
    "sources.diff.share": {"de": "Anteil", "en": "share"},
}
