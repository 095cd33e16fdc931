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
    # click help of the global options (cli.help.cli.*), of each command (cli.help.COMMAND) and
    # its options (cli.help.COMMAND.OPTION): shown in both languages at once (`bilingual`),
    # since --help is read before any --lang applies
    "cli.help.cache": {"de": "Zwischenspeicher des Graphen.", "en": "The graph's store cache."},
    "cli.help.cache.clear": {
        "de": "Alle gespeicherten Stores löschen.",
        "en": "Remove every cached store.",
    },
    "cli.help.cache.info": {"de": "Ort, Stores und Größe.", "en": "Location, stores and size."},
    "cli.help.cli.data": {
        "de": "Eigene Fakten (Turtle-Datei oder Ordner), zusätzlich zum mitgelieferten "
        "Graphen; mehrfach möglich.",
        "en": "Your own facts (Turtle file or folder); repeatable.",
    },
    "cli.help.cli.endpoint": {
        "de": "SPARQL-Endpunkt statt des lokalen Graphen (auch GOVGRAPH_ENDPOINT).",
        "en": "Query a SPARQL 1.1 endpoint instead of the local graph.",
    },
    "cli.help.cli.include_drafts": {
        "de": "Ungeprüfte Entwürfe aus `govgraph draft` mitladen (als »Entwurf« markiert).",
        "en": "Also load unreviewed drafts (labelled as drafts).",
    },
    "cli.help.cli.lang": {"de": "Sprache der Bezeichnungen.", "en": "Language of labels."},
    "cli.help.cli.no_builtin": {
        "de": "Den mitgelieferten Graphen weglassen.",
        "en": "Leave out the shipped graph.",
    },
    "cli.help.cli.timeout": {
        "de": "Zeitlimit für Anfragen in Sekunden.",
        "en": "Query timeout in seconds.",
    },
    "cli.help.cli.today": {
        "de": "»Heute« festlegen, für reproduzierbare Läufe (auch GOVGRAPH_TODAY).",
        "en": "Fix 'today' for reproducible runs.",
    },
    "cli.help.conflicts": {
        "de": "Wo Quellen sich widersprechen, welcher der Graph folgt und warum.",
        "en": "Source conflicts.",
    },
    "cli.help.draft.output": {"de": "Entwurfsdatei", "en": "draft file."},
    "cli.help.export": {
        "de": "Ontologie und Fakten exportieren.",
        "en": "Export ontology and facts.",
    },
    "cli.help.export.facts": {
        "de": "Netzwerk: Aussagen als Kante oder als Knoten.",
        "en": "Network: facts as edges or nodes.",
    },
    "cli.help.export.format": {
        "de": "RDF (ttl, nt, trig, nq, jsonld; trig und nq mit einem benannten Graphen je "
        "Quelle) oder Netzwerk für Gephi/Cytoscape (graphml, gexf, csv: zwei Dateien "
        "NAME-nodes.csv und NAME-edges.csv).",
        "en": "RDF (trig and nq: one named graph per source), or a network for Gephi/Cytoscape.",
    },
    "cli.help.export.output": {
        "de": "Zieldatei (sonst Standardausgabe; bei csv Pflicht).",
        "en": "Output file (default: stdout; required for csv).",
    },
    "cli.help.export.void": {
        "de": "Daneben NAME.void.ttl schreiben: VoID/DCAT-Beschreibung (Tripel, Lizenz, "
        "Vokabulare, Quellen) für Datenkataloge.",
        "en": "Also write NAME.void.ttl beside -o: a VoID/DCAT description (triples, "
        "licence, vocabularies, sources) for data catalogues.",
    },
    "cli.help.path.at": {
        "de": "Nur Aussagen, die an diesem Tag gelten.",
        "en": "Only facts valid on that day.",
    },
    "cli.help.path.max": {"de": "Höchstens so viele Ketten.", "en": "At most this many chains."},
    "cli.help.push.endpoint": {
        "de": "Abfrage-URL des Servers, z. B. http://127.0.0.1:7878/query (sonst das "
        "globale --endpoint / GOVGRAPH_ENDPOINT).",
        "en": "The server's query URL.",
    },
    "cli.help.push.graph": {
        "de": "Zielgraph (sonst der Default-Graph).",
        "en": "Target named graph (default: the default graph).",
    },
    "cli.help.queries": {
        "de": "Die benannten Abfragen mit Parametern.",
        "en": "The named queries and their parameters.",
    },
    "cli.help.query.allow_service": {
        "de": "SERVICE, FROM und LOAD erlauben (Netz-/Dateizugriff).",
        "en": "Allow SERVICE, FROM and LOAD.",
    },
    "cli.help.query.expression": {"de": "Abfragetext.", "en": "Query text."},
    "cli.help.query.param": {
        "de": "Parameterwert (mehrfach).",
        "en": "Parameter value (repeatable).",
    },
    "cli.help.review.list": {"de": "Kandidaten mit Status zeigen", "en": "list."},
    "cli.help.serve.location": {
        "de": "Datenordner des Servers (sonst ein temporärer, der am Ende gelöscht wird).",
        "en": "Data folder (default: a temporary one, removed on exit).",
    },
    "cli.help.serve.read_write": {
        "de": "Schreibzugriff (Update, Graph Store) erlauben.",
        "en": "Allow updates and uploads.",
    },
    "cli.help.source.add.issued": {"de": "Erschienen", "en": "issued: YYYY or YYYY-MM-DD."},
    "cli.help.source.add.publisher": {
        "de": "Herausgeber: Name, URL oder ggd:…",
        "en": "publisher.",
    },
    "cli.help.source.add.title": {"de": "Titel", "en": "title (default: from the file)."},
    "cli.help.source.add.url": {"de": "Fundstelle im Netz", "en": "landing page URL."},
    "cli.help.source.list": {
        "de": "Die Quellen der Bibliothek.",
        "en": "The sources in your library.",
    },
    "cli.help.sources": {
        "de": "Quellen des Graphen mit Art, Stand und Zahl der Aussagen.",
        "en": "The graph's source documents.",
    },
    "cli.help.stats": {
        "de": "Zahlen zum Graphen: je Klasse, Aussagen, Belege.",
        "en": "Counts per class, facts, evidence.",
    },
    "cli.help.timeline.from": {"de": "Ab", "en": "from."},
    "cli.help.timeline.to": {"de": "Bis", "en": "to."},
    "cli.help.viz.at": {
        "de": "Nur Aussagen, die an diesem Tag gelten.",
        "en": "Only facts valid on that day.",
    },
    "cli.help.viz.depth": {
        "de": "Schritte um --focus/--topic.",
        "en": "Steps around --focus/--topic.",
    },
    "cli.help.viz.facts": {
        "de": "Aussagen als beschriftete Kante oder als kleiner Knoten.",
        "en": "Facts as edge or node.",
    },
    "cli.help.viz.focus": {"de": "Nur die Umgebung dieser Entität.", "en": "Neighbourhood."},
    "cli.help.viz.format": {
        "de": "html (interaktiv, offline), svg, png oder pdf (Bild für Vorlagen und "
        "Folien); muss zur Endung passen.",
        "en": "interactive page or picture; must match the suffix.",
    },
    "cli.help.viz.layout": {
        "de": "flow (Voreinstellung für Bilder: Akteure links, woran sie arbeiten rechts), levels "
        "(Ebenen Bund/Länder/Kommunen, Einheiten unter ihrer Behörde) oder force (Kräfte); "
        "mit Graphviz. Für .html: feste Positionen aus demselben Layout.",
        "en": "flow (pictures' default), levels (hierarchy) or force; for .html fixed "
        "positions from the same layout.",
    },
    "cli.help.viz.all": {
        "de": "Bilder: alle Einträge zeichnen (sonst höchstens 25, der Rest steht in der "
        "Fußzeile).",
        "en": "Pictures: draw every entry (else at most 25; the rest is named in the footer).",
    },
    "cli.help.viz.max_nodes": {
        "de": "Größengrenze der Ansicht überschreiben.",
        "en": "Override the size limit.",
    },
    "cli.help.viz.output": {
        "de": "Zieldatei; Format nach Endung (.html, .svg, .png, .pdf).",
        "en": "Output file; by suffix.",
    },
    "cli.help.viz.renderer": {
        "de": "PNG mit cairo (Voreinstellung, ohne Browser) oder chromium.",
        "en": "PNG via cairo or chromium.",
    },
    "cli.help.viz.size": {
        "de": "Seitengröße des Bildes: a4 (quer), slide (16:9) oder BREITExHÖHE in Pixeln; "
        "PDF ohne Angabe A4.",
        "en": "Page size: a4 (landscape), slide (16:9) or WxH pixels; PDF default a4.",
    },
    "cli.help.viz.topic": {
        "de": "Nur was mit diesem Thema (und Unterthemen) verbunden ist.",
        "en": "Topic area.",
    },
    "cli.help.viz.type": {
        "de": "Nur diese Arten, z. B. federal, state, body, law, programme (mehrfach oder "
        "mit Komma).",
        "en": "Only these kinds (repeatable or comma-separated).",
    },
    "cli.help.web.host": {
        "de": "Adresse; nur lokal erreichbar, solange nicht geändert.",
        "en": "Bind address (local only).",
    },
    "cli.help.web.no_cache": {
        "de": "Fertige Seiten nicht zwischenspeichern.",
        "en": "Do not keep finished pages in memory.",
    },
    "cli.help.web.workers": {
        "de": "So viele Prozesse beantworten Anfragen (je einer nutzt einen Prozessorkern; "
        "jeder hält den Graphen selbst im Speicher).",
        "en": "Processes answering requests (each uses one core and holds its own copy of "
        "the graph).",
    },
    "cli.help.web.open": {"de": "Im Browser öffnen.", "en": "Open it in the browser."},
    "cli.help.web.allow_host": {
        "de": "Nötig für eine --host-Adresse außer 127.0.0.1/::1: der Name (oder die Adresse), "
        "unter dem Besucher den Server aufrufen; wiederholbar. Andere Host-Namen werden "
        "abgewiesen.",
        "en": "Needed for a --host other than 127.0.0.1/::1: the name (or address) visitors "
        "use to reach the server; repeatable. Other Host names are refused.",
    },
    "cli.web.not_loopback": {
        "de": "--host {host} ist von anderen Rechnern erreichbar: bitte mit --allow-host NAME "
        "angeben, unter welchem Namen Besucher ihn aufrufen",
        "en": "--host {host} is reachable from other machines: name the address visitors use "
        "with --allow-host NAME",
    },
    "cli.web.exposed": {
        "de": "Achtung: der Server ist von anderen Rechnern erreichbar; angenommene Host-Namen",
        "en": "warning: the server is reachable from other machines; accepted Host names",
    },
    "cli.help.web.port": {
        "de": "Port (0 = einen freien wählen).",
        "en": "Port (0 = any free one).",
    },
    # other words printed in both languages at once (`bilingual`): errors, progress, reports
    "cli.aborted": {"de": "abgebrochen", "en": "aborted"},
    "cli.interrupted": {"de": "abgebrochen", "en": "interrupted"},
    "cli.loading_graph": {"de": "Graph laden", "en": "loading graph"},
    "cli.cache.removed": {"de": "Stores gelöscht", "en": "removed"},
    "cli.draft.candidates": {"de": "Kandidaten", "en": "candidates"},
    "cli.review.no_candidates": {"de": "keine Kandidaten", "en": "no candidates"},
    "cli.review.both": {
        "de": "zugleich angenommen und abgelehnt",
        "en": "both accepted and rejected",
    },
    "cli.review.one_source": {
        "de": "Kandidaten aus genau einer Quelle erwartet",
        "en": "one source expected",
    },
    "cli.review.invalid": {
        "de": "angenommene Fakten nicht gültig, nichts übernommen",
        "en": "accepted facts do not validate, nothing taken over",
    },
    "cli.review.accepted": {"de": "angenommen", "en": "accepted"},
    "cli.review.rejected": {"de": "abgelehnt", "en": "rejected"},
    "cli.diff.sources": {"de": "Quellen", "en": "sources"},
    "cli.diff.new_entity": {"de": "Neue Entitäten", "en": "new entities"},
    "cli.diff.new_fact": {"de": "Neue Fakten", "en": "new facts"},
    "cli.diff.corroboration": {"de": "Bestätigt", "en": "corroborated"},
    "cli.diff.changed_date": {"de": "Geänderte Daten", "en": "changed dates"},
    "cli.diff.conflict": {"de": "Neue Konflikte", "en": "new conflicts"},
    "cli.serve.read_write": {"de": "lesen und schreiben", "en": "read-write"},
    "cli.serve.read_only": {"de": "nur lesen", "en": "read-only"},
    "cli.serve.triples": {"de": "Tripel", "en": "triples"},
    "cli.serve.ctrl_c": {"de": "Strg-C beendet", "en": "Ctrl-C stops"},
    "cli.push.no_endpoint": {"de": "fehlt", "en": "is missing (or set GOVGRAPH_ENDPOINT)"},
    "cli.path.no_connection": {"de": "keine Verbindung", "en": "no connection"},
    "cli.source.not_a_date": {"de": "ist kein Datum", "en": "is not YYYY or YYYY-MM-DD"},
    "cli.source.not_http": {"de": "ist keine http(s)-Adresse", "en": "is not an http(s) URL"},
    "cli.source.already_as": {"de": "schon vorhanden als", "en": "already in the library as"},
    "cli.source.new_version_of": {"de": "neue Fassung von", "en": "new version of"},
    "cli.source.added_as": {"de": "hinzugefügt als", "en": "added as"},
    "cli.source.none_in": {"de": "Keine Quellen in", "en": "no sources in"},
    "cli.source.removed": {"de": "entfernt", "en": "removed"},
    "cli.source.files": {"de": "Dateien", "en": "files"},
    "cli.export.void_needs_rdf": {
        "de": "nur mit -o und einem RDF-Format",
        "en": "only with -o and an RDF format",
    },
    "cli.export.csv_needs_output": {
        "de": "bitte -o NAME.csv angeben",
        "en": "please give -o NAME.csv",
    },
    # joined by "/" instead: `govgraph source list` ("ja/yes") and the review prompt
    "cli.source.yes": {"de": "ja", "en": "yes"},
    "cli.review.choice.accept": {"de": "annehmen", "en": "accept"},
    "cli.review.choice.reject": {"de": "ablehnen", "en": "reject"},
    "cli.review.choice.skip": {"de": "überspringen", "en": "skip"},
    "cli.review.choice.quit": {"de": "fertig", "en": "quit"},
    # the root command's help: German paragraph, then English paragraph (sep="\n\n")
    "cli.help.cli": {
        "de": "govgraph – wer macht was in der Verwaltungsdigitalisierung.",
        "en": "A knowledge graph of who does what in German administrative digitalisation.",
    },
    # one-line summaries of commands whose docstring adds details (cli/helptext.py `summary`)
    "cli.help.query": {
        "de": "SPARQL-Abfrage ausführen (nur lesend).",
        "en": "Run a read-only SPARQL query.",
    },
    "cli.help.serve": {
        "de": "Lokalen SPARQL-Server starten (127.0.0.1).",
        "en": "Start a local SPARQL server.",
    },
    "cli.help.web": {
        "de": "Weboberfläche starten (nur lesend).",
        "en": "Start the read-only web face.",
    },
    "cli.help.push": {
        "de": "Graphen auf einen SPARQL-Server laden.",
        "en": "Upload the graph to a SPARQL server.",
    },
    "cli.help.viz": {
        "de": "Netzwerk als interaktive Seite oder Bild.",
        "en": "The network as a page or picture.",
    },
    "cli.help.timeline": {
        "de": "Fristen und Ereignisse auf einer Zeitachse.",
        "en": "Deadlines and events on a time axis.",
    },
    "cli.help.path": {
        "de": "Kürzeste Verbindungen zwischen zwei Entitäten.",
        "en": "Shortest chains between two entities.",
    },
    # Options shared by the answer commands (cli/options.py); "de / en", halved by --help.
    "cli.help.table.all": {
        "de": "Alle Zeilen der Tabelle zeigen.",
        "en": "Show every row of the table.",
    },
    "cli.help.table.wide": {
        "de": "Alle Spalten und ganze Zellen zeigen.",
        "en": "Show every column and whole cells.",
    },
    "cli.help.format": {"de": "Ausgabe: Tabelle, JSON, CSV oder TSV.", "en": "Output format."},
    "cli.help.at": {
        "de": "Stand an diesem Tag (Voreinstellung: heute).",
        "en": "As of this day (default: today).",
    },
    "cli.help.all_times": {
        "de": "Aussagen aller Zeiten zeigen.",
        "en": "Ignore --at: facts of all periods.",
    },
    "cli.help.source": {
        "de": "Nur Aussagen dieser Quelle (Kurzname, z. B. NOOTSStVtr).",
        "en": "Only claims of NAME.",
    },
    "cli.help.all_claims": {
        "de": "Auch überholte Aussagen anderer Quellen zeigen.",
        "en": "Also show superseded claims.",
    },
}
