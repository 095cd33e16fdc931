"""Messages of the terminal commands (tables, reports, the calendar file); keys start with
"cli.". Answer tables (who, what, deadlines, demands, show, search) are under "answers."."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # govgraph queries (table): one line per parameter, "(iri, Pflicht, Vorgabe de)"
    "cli.queries.required": {"de": "Pflicht", "en": "required"},
    "cli.queries.optional": {"de": "optional", "en": "optional"},
    "cli.queries.default": {"de": "Vorgabe {value}", "en": "default {value}"},
    "cli.queries.tags": {"de": "Schlagworte", "en": "tags"},
    # govgraph query: an ASK answer, and the row count under a table (on stderr)
    "cli.query.yes": {"de": "ja", "en": "yes"},
    "cli.query.no": {"de": "nein", "en": "no"},
    "cli.query.rows_one": {"de": "({n} Zeile)", "en": "({n} rows)"},
    "cli.query.rows": {"de": "({n} Zeilen)", "en": "({n} rows)"},
    # govgraph push
    "cli.push.default_graph": {"de": "Default-Graph", "en": "default graph"},
    "cli.push.done": {
        "de": "{sent} Tripel hochgeladen; {where}: {on_server} Tripel auf {url}",
        "en": "{sent} triples pushed; {where}: {on_server} triples on {url}",
    },
    # govgraph sources: table columns
    "cli.sources.short_name": {"de": "Kurzname", "en": "Short name"},
    "cli.sources.kind": {"de": "Art", "en": "Kind"},
    "cli.sources.issued": {"de": "ausgefertigt/erschienen", "en": "Issued"},
    "cli.sources.version": {"de": "Stand", "en": "Version"},
    "cli.sources.facts": {"de": "Aussagen", "en": "Facts"},
    "cli.sources.quotes": {"de": "Zitate", "en": "Quotes"},
    "cli.sources.title": {"de": "Titel", "en": "Title"},
    # govgraph show SOURCE: the source's card
    "cli.source_card.title": {"de": "Titel", "en": "Title"},
    "cli.source_card.kind": {"de": "Art", "en": "Kind"},
    "cli.source_card.publisher": {"de": "Herausgeber", "en": "Publisher"},
    "cli.source_card.issued": {"de": "ausgefertigt/erschienen", "en": "Issued"},
    "cli.source_card.version": {"de": "Stand der Fassung", "en": "Version used"},
    "cli.source_card.in_force": {"de": "Inkrafttreten", "en": "In force"},
    "cli.source_card.url": {"de": "URL", "en": "URL"},
    "cli.source_card.licence": {"de": "Lizenz", "en": "Licence"},
    "cli.source_card.language": {"de": "Sprache", "en": "Language"},
    "cli.source_card.file": {"de": "Datei", "en": "File"},
    "cli.source_card.sha256": {"de": "SHA-256", "en": "SHA-256"},
    "cli.source_card.iri": {"de": "IRI", "en": "IRI"},
    "cli.source_card.supports": {"de": "Stützt {n} Aussagen", "en": "Supports {n} facts"},
    # govgraph conflicts
    "cli.conflicts.rule": {"de": "Regel", "en": "Rule"},
    "cli.conflicts.follows": {"de": "✓ gilt", "en": "✓ follows"},
    "cli.conflicts.superseded": {"de": "✗ überholt", "en": "✗ superseded"},
    # govgraph validate: the report
    "cli.validate.files": {"de": "Dateien: {n}", "en": "Files: {n}"},
    "cli.validate.unloadable": {"de": "Nicht ladbar: {n}", "en": "Could not load: {n}"},
    "cli.validate.triples": {"de": "Tripel: {n}", "en": "Triples: {n}"},
    "cli.validate.quotes": {"de": "Geprüfte Zitate: {n}", "en": "Quotes checked: {n}"},
    "cli.validate.checks": {"de": "Prüfungen: {names}", "en": "Checks: {names}"},
    "cli.validate.problems": {"de": "Probleme: {n}", "en": "Problems: {n}"},
    "cli.validate.ok": {"de": "OK: Der Graph ist gültig.", "en": "OK: The graph conforms."},
    # govgraph stats: the summary lines, then the table of classes
    "cli.stats.triples": {"de": "Tripel", "en": "triples"},
    "cli.stats.actors": {"de": "Akteure", "en": "actors"},
    "cli.stats.works": {"de": "Gegenstände", "en": "subjects"},
    "cli.stats.events": {"de": "Ereignisse", "en": "events"},
    "cli.stats.topics": {"de": "Themen", "en": "topics"},
    "cli.stats.facts": {"de": "Aussagen", "en": "facts"},
    "cli.stats.evidence": {"de": "Belege", "en": "evidence"},
    "cli.stats.quotes": {"de": "verschiedene Zitate", "en": "distinct quotes"},
    "cli.stats.sources": {"de": "Quellen", "en": "sources"},
    "cli.stats.class": {"de": "Klasse", "en": "class"},
    "cli.stats.label": {"de": "Bezeichnung", "en": "label"},
    "cli.stats.count": {"de": "Anzahl", "en": "count"},
    # govgraph path: the heading above the chains
    "cli.path.steps_one": {"de": "{chains} × {steps} Schritt:", "en": "{chains} × {steps} step:"},
    "cli.path.steps": {"de": "{chains} × {steps} Schritte:", "en": "{chains} × {steps} steps:"},
    # deadlines --format ics: the calendar and each event's description
    "cli.ics.calendar": {"de": "govgraph – Fristen und Termine", "en": "govgraph – deadlines"},
    "cli.ics.when": {"de": "Wann", "en": "When"},
    "cli.ics.precision": {"de": "Genauigkeit", "en": "Precision"},
    "cli.ics.window": {"de": "Zeitfenster", "en": "Window"},
    "cli.ics.actors": {"de": "Wer", "en": "Who"},
    # (the English calendar has always said "betrifft" here; kept byte-identical for now)
    "cli.ics.concerns": {"de": "betrifft", "en": "betrifft"},
    "cli.ics.certainty": {"de": "Gewissheit", "en": "Certainty"},
    "cli.ics.source": {"de": "Quelle", "en": "Source"},
}
