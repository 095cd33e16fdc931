"""Messages of the curation library, review, the store cache and output files; keys start with
"curation.". They are printed in both languages at once (`bilingual`): errors and notices come
before any --lang is known."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # cli/source_cmd.py, cli/draft_cmd.py, cli/review_cmd.py: option help
    "curation.help.version_of": {
        "de": "Neue Fassung dieser Quelle (Id)",
        "en": "a new version of this source (its id).",
    },
    "curation.help.id": {"de": "Eigene Id der Quelle", "en": "the id to give the source."},
    "curation.help.force": {
        "de": "Geprüften Entwurf ersetzen (der alte wird aufgehoben)",
        "en": "replace a reviewed draft (the old one is kept).",
    },
    # graph/sources/library.py: names, ids, versions and the lock
    "curation.name.empty": {"de": "leerer Name", "en": "empty name"},
    "curation.name.exact": {
        "de": "keine Quelle mit genau diesem Namen (Id, Datei oder SHA-256; siehe "
        "`govgraph source list`)",
        "en": "no source of exactly this name (id, file or SHA-256; see `govgraph source list`)",
    },
    "curation.id.taken": {
        "de": "Id {id} gehört schon der Quelle »{title}«; neue Fassung davon: --version-of {id}, "
        "sonst eine andere --id",
        "en": "id {id} already belongs to the source '{title}'; a new version of it: "
        "--version-of {id}, otherwise another --id",
    },
    "curation.id.retired": {
        "de": "Id {id} gehörte einer entfernten Quelle und wird nie wieder vergeben; "
        "bitte eine andere --id",
        "en": "id {id} belonged to a removed source and is never given again; please another --id",
    },
    "curation.id.invalid": {
        "de": "ungültige Id (Kleinbuchstaben a-z, Ziffern, Bindestrich)",
        "en": "invalid id (lower-case a-z, digits, hyphens)",
    },
    "curation.title.ambiguous": {
        "de": "mehrere Quellen tragen diesen Titel ({ids}); bitte --version-of ID",
        "en": "several sources have this title ({ids}); please --version-of ID",
    },
    "curation.lock.busy": {
        "de": "die Bibliothek wird gerade von einem anderen govgraph-Aufruf geändert; "
        "später erneut versuchen",
        "en": "another govgraph command is changing the library; try again later",
    },
    "curation.url.invalid": {"de": "ist keine gültige Adresse", "en": "is not a valid URL"},
    "curation.issued.invalid": {
        "de": "ist kein gültiges Datum (JJJJ oder JJJJ-MM-TT)",
        "en": "is not a valid date (YYYY or YYYY-MM-DD)",
    },
    # graph/sources/importers.py, gii.py: files refused by name
    "curation.pdf.encrypted": {
        "de": "verschlüsseltes PDF, das ein Kennwort zum Öffnen braucht; bitte entschlüsselt "
        "speichern",
        "en": "encrypted PDF that needs a password to open; please save it decrypted",
    },
    "curation.xml.too_deep": {
        "de": "XML zu tief verschachtelt",
        "en": "XML nested too deeply",
    },
    # graph/sources/review.py: what review refuses to write
    "curation.review.source_gone": {
        "de": "die Quelle dieses Entwurfs ist nicht (mehr) in der Bibliothek",
        "en": "the source of this draft is not (or no longer) in the library",
    },
    "curation.review.other_source": {
        "de": "Beleg aus einer anderen Quelle",
        "en": "evidence from another source",
    },
    "curation.review.quote_not_verbatim": {
        "de": "Zitat steht nicht wörtlich in der Quelle",
        "en": "quote is not verbatim in the source",
    },
    "curation.review.not_own_candidate": {
        "de": "ist kein Kandidat dieser Quelle (Kandidaten heißen ggd:draft-{id}-NNN)",
        "en": "is not a candidate of this source (candidates are named ggd:draft-{id}-NNN)",
    },
    "curation.review.existing_entity": {
        "de": "neuer Name trifft die vorhandene Entität {iri}; stattdessen deren Erwähnung "
        "annehmen oder den Namen ändern",
        "en": "new name hits the existing entity {iri}; accept its mention instead or change "
        "the name",
    },
    "curation.review.changes_existing": {
        "de": "vorhandene Entität: nur Belege dürfen hinzukommen, keine anderen Angaben",
        "en": "existing entity: only evidence may be added, nothing else",
    },
    "curation.review.refused": {"de": "Entwurf unverändert", "en": "draft unchanged"},
    # cli/draft_cmd.py: draft over a reviewed draft
    "curation.draft.reviewed": {
        "de": "enthält schon Prüfentscheidungen; --force legt einen neuen Entwurf an und hebt den "
        "alten auf",
        "en": "already holds review decisions; --force writes a new draft and keeps the old one",
    },
    "curation.draft.kept_as": {"de": "alter Entwurf aufgehoben als", "en": "old draft kept as"},
    # graph/store/cache.py: a cache that could not be used
    "curation.cache.rebuilt": {
        "de": "Zwischenspeicher unbrauchbar, beiseitegelegt und neu aufgebaut",
        "en": "cache unusable, moved aside and rebuilt",
    },
    "curation.cache.unwritable": {
        "de": "Zwischenspeicher nicht beschreibbar, Daten direkt geladen",
        "en": "cache not writable, data loaded directly",
    },
    # graph/store/validation.py: a record naming a file outside the library
    "curation.validate.outside": {
        "de": "Dateiname verlässt den Quellenordner",
        "en": "file name leads out of the sources folder",
    },
    "curation.validate.not_utf8": {
        "de": "Quelltext ist kein UTF-8",
        "en": "source text is not UTF-8",
    },
    # graph/files.py, cli output: where a file could not be written
    "curation.output.csv_needs_file": {
        "de": "CSV braucht einen Dateinamen, neben den zwei Dateien gelegt werden (kein Gerät)",
        "en": "CSV needs a file name to put two files beside (not a device)",
    },
    "curation.output.is_dir": {
        "de": "ist ein Ordner; Dateiname fehlt",
        "en": "is a folder; a file name is missing",
    },
}
