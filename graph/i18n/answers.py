"""Messages of the answers area (who, what, deadlines, demands, show, search: their words in
graph/answers and the tables and headings the CLI prints for them); keys start with "answers."."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # An empty answer: German users get both languages (scripts match the English half).
    "answers.no_results": {
        "de": "keine Ergebnisse / no results: {what}",
        "en": "no results: {what}",
    },
    # Periods and routes, as graph/answers/rows.py words them.
    "answers.period_from": {"de": "ab {value}", "en": "from {value}"},
    "answers.period_until": {"de": "bis {value}", "en": "until {value}"},
    "answers.period_by": {"de": "bis {value}", "en": "by {value}"},
    "answers.via_unit": {"de": "über Einheit {name}", "en": "via unit {name}"},
    "answers.via_narrower": {"de": "über Unterthema {name}", "en": "via narrower topic {name}"},
    "answers.via_part": {"de": "über Teil {name}", "en": "via part {name}"},
    "answers.via_implements": {"de": "über {name} (setzt um)", "en": "via {name} (implements)"},
    "answers.via_concerns": {"de": "über {name} (betrifft)", "en": "via {name} (concerns)"},
    "answers.via_related": {"de": "über {name}", "en": "via {name}"},
    # Certainty words the answers add themselves.
    "answers.inferred": {"de": "erschlossen", "en": "inferred"},
    "answers.stated": {"de": "ausdrücklich genannt", "en": "stated"},
    "answers.no_reason": {"de": "Grund nicht vermerkt", "en": "no reason recorded"},
    # The groups of a `who` answer (graph/answers/ranking.py).
    "answers.group_direct": {
        "de": "Ausdrücklich zu diesem Gegenstand",
        "en": "Stated about this subject",
    },
    "answers.group_derived": {
        "de": "Abgeleitet (aus Struktur, Unterthemen, Teilen oder Einheiten)",
        "en": "Derived (from structure, narrower topics, parts or units)",
    },
    "answers.group_other": {
        "de": "Sonstige Beteiligung (keine Zuständigkeit)",
        "en": "Other involvement (not a responsibility)",
    },
    # Days and numbers as the reader writes them (str(date) is ISO).
    "answers.day": {"de": "{day:%d.%m.%Y}", "en": "{day}"},
    "answers.decimal_sign": {"de": ",", "en": "."},
    # Headings of answers (graph/answers/questions.py).
    "answers.as_of": {"de": " – Stand {day}", "en": " – as of {day}"},
    "answers.nothing_on_day": {
        "de": "Am {day} gilt nichts für {label}; zu anderen Zeiten{when}:",
        "en": "Nothing holds for {label} on {day}; at other times{when}:",
    },
    "answers.who_title": {
        "de": "Wer ist zuständig für {label}",
        "en": "Who is responsible for {label}",
    },
    "answers.what_title": {"de": "Woran ist beteiligt: {label}", "en": "What is involved: {label}"},
    "answers.deadlines_title": {
        "de": "Fristen und Termine – heute: {day}",
        "en": "Deadlines and dates – today: {day}",
    },
    # The readable answer (graph/answers/questions.py): sections, header, overruled claims.
    "answers.section_operate": {"de": "Betrieb", "en": "Operation"},
    "answers.section_decide": {"de": "Entscheidung und Steuerung", "en": "Decision and steering"},
    "answers.section_fund": {"de": "Finanzierung", "en": "Funding"},
    "answers.section_duty": {
        "de": "Pflichten und weitere Zuständigkeiten",
        "en": "Duties and other responsibilities",
    },
    "answers.section_relation": {"de": "{relation}", "en": "{relation}"},
    "answers.section_open": {"de": "Läuft", "en": "Running"},
    "answers.section_upcoming": {"de": "Bevorstehend", "en": "Upcoming"},
    "answers.section_past": {"de": "Vorbei", "en": "Past"},
    "answers.section_demands_by": {"de": "{actor} fordert", "en": "{actor} demands"},
    "answers.stat_sources": {"de": "{count} Quellen", "en": "{count} sources"},
    "answers.stat_source": {"de": "1 Quelle", "en": "1 source"},
    "answers.stat_facts": {"de": "{count} Aussagen", "en": "{count} facts"},
    "answers.stat_fact": {"de": "1 Aussage", "en": "1 fact"},
    "answers.stat_conflicts": {"de": "{count} Widersprüche", "en": "{count} conflicts"},
    "answers.stat_conflict": {"de": "1 Widerspruch", "en": "1 conflict"},
    # Where to look next (model.Hint): the words; the terminal adds its command, the web a link.
    "answers.hint_conflicts": {
        "de": "Wo die Quellen einander widersprechen",
        "en": "Where the sources disagree",
    },
    "answers.overruled": {
        "de": "{source} sagte »{quote}« – überholt durch {by}",
        "en": "{source} said »{quote}« – overruled by {by}",
    },
    "answers.overruled_no_by": {
        "de": "{source} sagte »{quote}« – überholt ({rule})",
        "en": "{source} said »{quote}« – overruled ({rule})",
    },
    "answers.disputed": {
        "de": "{source} sagt »{quote}« – umstritten, die Quellen widersprechen sich",
        "en": "{source} says »{quote}« – disputed, the sources disagree",
    },
    "answers.more_entries": {
        "de": "… {count} weitere Einträge: --all zeigt alle",
        "en": "… {count} more entries: use --all",
    },
    "answers.demands_title": {
        "de": "Forderungen und Positionen",
        "en": "Demands and positions",
    },
    "answers.more_evidence": {
        "de": "+ {count} weitere Belege (--all)",
        "en": "+ {count} more quotes (--all)",
    },
    "answers.hint_generic": {
        "de": "»{word}« steckt in vielen Namen; Engeres findet die Suche nach »{word}«",
        "en": "»{word}« is part of many names; a search for »{word}« finds narrower ones",
    },
    # govgraph sources / conflicts / path as answers (graph/answers/questions.py).
    "answers.sources_title": {"de": "Die Quellen des Graphen", "en": "The graph's sources"},
    "answers.source_counts": {
        "de": "{facts} Aussagen, {quotes} Zitate",
        "en": "{facts} facts, {quotes} quotes",
    },
    "answers.source_issued": {"de": "ausgefertigt/erschienen {day}", "en": "issued {day}"},
    "answers.source_version": {"de": "Stand {day}", "en": "version of {day}"},
    "answers.source_publisher": {"de": "herausgegeben von {name}", "en": "published by {name}"},
    "answers.stat_quotes": {"de": "{count} Zitate", "en": "{count} quotes"},
    "answers.conflicts_title": {
        "de": "Wo die Quellen einander widersprechen",
        "en": "Where the sources disagree",
    },
    "answers.conflicts_about": {"de": " – zu {label}", "en": " – about {label}"},
    "answers.conflicts_of_source": {"de": " – mit {source}", "en": " – involving {source}"},
    "answers.conflict_rule": {"de": "Regel: {rule} – {why}", "en": "Rule: {rule} – {why}"},
    "answers.claim_follows": {"de": "✓ gilt", "en": "✓ follows"},
    "answers.claim_superseded": {"de": "✗ überholt", "en": "✗ superseded"},
    "answers.claim_disputed": {"de": "? umstritten", "en": "? disputed"},
    "answers.claim_from": {"de": "○ gilt erst ab {day}", "en": "○ holds only from {day}"},
    "answers.claim_not_yet": {
        "de": "✓ gilt noch (bis der spätere Stand greift)",
        "en": "✓ still holds (until the later status applies)",
    },
    "answers.path_title": {
        "de": "Wie {a} und {b} zusammenhängen",
        "en": "How {a} and {b} are connected",
    },
    "answers.path_steps_one": {"de": "1 Schritt", "en": "1 step"},
    "answers.path_steps": {"de": "je {count} Schritte", "en": "{count} steps each"},
    "answers.path_chains_one": {"de": "1 kürzester Weg", "en": "1 shortest chain"},
    "answers.path_chains": {"de": "{count} kürzeste Wege", "en": "{count} shortest chains"},
    "answers.path_chain": {"de": "Weg {n}: {text}", "en": "Chain {n}: {text}"},
    "answers.to_addressee": {"de": "an {name}", "en": "to {name}"},
    "answers.about": {"de": "zu {names}", "en": "about {names}"},
    "answers.actors": {"de": "wer: {names}", "en": "who: {names}"},
    "answers.concerns": {"de": "betrifft {names}", "en": "concerns {names}"},
    "answers.addressee_inferred": {"de": "Adressat erschlossen", "en": "addressee inferred"},
    # How a search hit matched (cli/search_cmd.py; key answers.match_KIND).
    "answers.match_exact": {"de": "genau", "en": "exact"},
    "answers.match_prefix": {"de": "Anfang", "en": "prefix"},
    "answers.match_contains": {"de": "enthalten", "en": "contains"},
    "answers.match_similar": {"de": "ähnlich", "en": "similar"},
    # Table headers (cli/answering.py columns(): key answers.col_NAME).
    "answers.col_conflict": {"de": "Widerspruch", "en": "Conflict"},
    "answers.col_state": {"de": "Stand", "en": "State"},
    "answers.col_locator": {"de": "Fundstelle", "en": "Locator"},
    "answers.col_claim": {"de": "Aussage", "en": "Claim"},
    "answers.col_length": {"de": "Schritte", "en": "Steps"},
    "answers.col_chain": {"de": "Weg", "en": "Chain"},
    "answers.help.conflicts.source": {
        "de": "Nur Widersprüche mit dieser Quelle (Kurzname wie NOOTSStVtr).",
        "en": "Only conflicts involving this source (short name such as NOOTSStVtr).",
    },
    "answers.help.conflicts.at": {
        "de": "Welche Aussage an diesem Tag gilt (Standard: heute).",
        "en": "Which claim holds on this day (default: today).",
    },
    "answers.col_label": {"de": "Bezeichnung", "en": "Label"},
    "answers.col_type": {"de": "Typ", "en": "Type"},
    "answers.col_other_labels": {"de": "weitere Bezeichnungen", "en": "Other labels"},
    "answers.col_match": {"de": "Treffer", "en": "Match"},
    "answers.col_iri": {"de": "IRI", "en": "IRI"},
    "answers.col_actor": {"de": "Akteur", "en": "Actor"},
    "answers.col_role": {"de": "Rolle", "en": "Role"},
    "answers.col_certainty": {"de": "Gewissheit", "en": "Certainty"},
    "answers.col_period": {"de": "Zeitraum", "en": "Period"},
    "answers.col_via": {"de": "über", "en": "Via"},
    "answers.col_source": {"de": "Quelle", "en": "Source"},
    "answers.col_quote": {"de": "Beleg", "en": "Quote"},
    "answers.col_relation": {"de": "Beziehung", "en": "Relation"},
    "answers.col_object": {"de": "Gegenstand (Gegenüber)", "en": "Subject (counterpart)"},
    "answers.col_when": {"de": "Wann", "en": "When"},
    "answers.col_what": {"de": "Was", "en": "What"},
    "answers.col_kind": {"de": "Art", "en": "Kind"},
    "answers.col_status": {"de": "Status", "en": "Status"},
    "answers.col_who": {"de": "Wer", "en": "Who"},
    "answers.col_concerns": {"de": "betrifft", "en": "Concerns"},
    "answers.col_by": {"de": "von", "en": "By"},
    "answers.col_to": {"de": "an", "en": "To"},
    "answers.col_about": {"de": "worüber", "en": "About"},
    "answers.col_demand_when": {"de": "wann", "en": "When"},
    # An entity's card (cli/show_cmd.py).
    "answers.card_type": {"de": "Typ: ", "en": "Type: "},
    "answers.card_level": {"de": " · Ebene: {level}", "en": " · level: {level}"},
    "answers.card_also": {"de": "Kurz-/Nebenformen: ", "en": "Also: "},
    "answers.card_status": {"de": "Status am {day}: ", "en": "Status on {day}: "},
    "answers.card_since": {"de": " – seit {since}", "en": " – since {since}"},
    "answers.card_relations": {"de": "Beziehungen", "en": "Relations"},
    "answers.card_facts": {"de": "Aussagen", "en": "Facts"},
    "answers.card_evidence": {"de": "Belege", "en": "Evidence"},
    "answers.card_disputed": {"de": "Quellen widersprechen sich", "en": "sources disagree"},
    # Notes under a shortened table (cli/table.py).
    "answers.table_more_rows": {
        "de": "{mark} {count} weitere, --all zeigt alle",
        "en": "{mark} {count} more, use --all",
    },
    "answers.table_more_columns": {
        "de": "{mark} weitere Spalten ({names}): --wide",
        "en": "{mark} more columns ({names}): --wide",
    },
    # Names that resolve to no entity or to several (graph/sparql/entities.py); German users
    # get both languages, as scripts match the English half.
    "answers.no_entity": {
        "de": "nichts gefunden / no entity matches {text}",
        "en": "no entity matches {text}",
    },
    "answers.did_you_mean": {
        "de": "; meinten Sie / did you mean: {names}",
        "en": "; did you mean: {names}",
    },
    "answers.ambiguous": {
        "de": "mehrdeutig / ambiguous: {text} matches {count} entities:",
        "en": "ambiguous: {text} matches {count} entities:",
    },
    # Help of the answer commands (cli/who_cmd.py, what_cmd.py, deadlines_cmd.py …): shown
    # as "de / en" in the command list, one half in `--help` (cli/options.py BilingualCommand).
    "answers.help.search": {
        "de": "Einträge suchen: Akteure, Gegenstände, Themen …",
        "en": "Find entities by label, best first.",
    },
    "answers.help.who": {
        "de": "Wer ist zuständig für Thema, Vorhaben, System …?",
        "en": "Who is responsible for SUBJECT.",
    },
    "answers.help.what": {
        "de": "Woran ist ein Akteur beteiligt?",
        "en": "What ACTOR is responsible for, funds, demanded …",
    },
    "answers.help.deadlines": {
        "de": "Fristen und datierte Ereignisse der Reihe nach.",
        "en": "Deadlines and dated events in order.",
    },
    "answers.help.deadlines.from": {"de": "Ab diesem Tag.", "en": "From this day."},
    "answers.help.deadlines.to": {"de": "Bis zu diesem Tag.", "en": "Up to this day."},
    "answers.help.deadlines.status": {
        "de": "vorbei, bevorstehend, offen (= noch nicht vorbei).",
        "en": "open = not yet past.",
    },
    "answers.help.deadlines.format": {
        "de": "Ausgabe: Tabelle, JSON, CSV, TSV oder iCalendar.",
        "en": "Output format (ics: calendar).",
    },
    "answers.help.demands": {
        "de": "Forderungen und Positionen: wer, an wen, worüber, wann.",
        "en": "Demands and positions.",
    },
    "answers.help.demands.by": {
        "de": "Nur Forderungen dieses Akteurs.",
        "en": "Only demands by ACTOR.",
    },
    "answers.help.demands.to": {
        "de": "Nur Forderungen an diesen Akteur.",
        "en": "Only demands to ACTOR.",
    },
    "answers.help.show": {
        "de": "Steckbrief eines Eintrags oder einer Quelle.",
        "en": "An entity's (or a source's) card.",
    },
    "answers.help.table": {
        "de": "Als Tabelle (ein Raster statt Einträgen mit Belegen).",
        "en": "As a grid (instead of entries with their quotes).",
    },
    "answers.help.show.at": {"de": "Stand an diesem Tag.", "en": "As of."},
    # Errors of the answers, in both languages (printed before or regardless of --lang).
    # "--from 2026-01-01 liegt nach / is after --to 2025-01-01" (graph/answers/questions.py)
    "answers.from_after_to": {"de": "liegt nach", "en": "is after"},
    "answers.path_same": {
        "de": "A und B sind dasselbe",
        "en": "A and B are the same entity",
    },
    # Errors that have always been printed in English only (graph/dates.py, graph/answers/path.py):
    # the code asks for "en" so that error lines stay as they were; the German text is here for
    # the day they follow --lang or become bilingual.
    "answers.not_a_date": {
        "de": "kein Datum: {text} (JJJJ-MM-TT oder TT.MM.JJJJ)",
        "en": "not a date: {text} (use YYYY-MM-DD or TT.MM.JJJJ)",
    },
    "answers.path_max": {"de": "--max muss mindestens 1 sein", "en": "--max must be at least 1"},
    "answers.path_not_in_network": {
        "de": "{node} ist nicht Teil des Netzwerks",
        "en": "{node} is not part of the network",
    },
}
