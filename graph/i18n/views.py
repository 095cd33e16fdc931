"""Messages of the network and timeline views (pages and pictures); keys start with "views."."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # a strftime pattern: how a day is written in pictures and titles
    "views.day_format": {"de": "%d.%m.%Y", "en": "%Y-%m-%d"},
    # a share; German puts a space before % and writes a decimal comma
    "views.percent": {"de": "{number} %", "en": "{number}%"},
    "views.decimal_point": {"de": ",", "en": "."},
    # an open start: only the end is known
    "views.until": {"de": "bis {when}", "en": "until {when}"},
    # an open end: only the start is known ("Finanzierung 46,6 % ab 2027")
    "views.since": {"de": "ab {when}", "en": "from {when}"},
    # the last line of a long edge label in a picture; the rest is in the page's tooltip
    "views.edge.more": {"de": "… {n} weitere", "en": "… {n} more"},
    # a picture's summary of the entries it leaves out (footer)
    "views.rest": {
        "de": "+ {n} weitere Einträge (--all zeigt alle): ",
        "en": "+ {n} more entries (--all draws all): ",
    },
    # the layout engine (Graphviz) is missing: one line, the picture is still made
    "views.layout.no_graphviz": {
        "de": "Graphviz nicht gefunden (pip install pygraphviz oder apt install graphviz); "
        "einfaches Layout verwendet",
        "en": "Graphviz not found (pip install pygraphviz, or apt install graphviz); "
        "using the simple layout",
    },
    "views.layout.graphviz_failed": {
        "de": "Graphviz ist gescheitert; einfaches Layout verwendet",
        "en": "Graphviz failed; using the simple layout",
    },
    # a fact drawn as an edge to its addressee: "Forderung an"
    "views.addressed_to": {"de": "{what} an", "en": "{what} to"},
    # kinds of nodes (legend, --type); the network-nodes query assigns them
    "views.kind.federal": {"de": "Akteur Bund", "en": "federal actor"},
    "views.kind.state": {"de": "Akteur Land", "en": "state (Land) actor"},
    "views.kind.municipal": {"de": "Akteur kommunal", "en": "municipal actor"},
    "views.kind.joint": {"de": "Akteur Bund-Länder / EU", "en": "joint federal-state / EU actor"},
    "views.kind.actor": {"de": "sonstiger Akteur", "en": "other actor"},
    "views.kind.body": {"de": "Gremium", "en": "committee or body"},
    "views.kind.agreement": {
        "de": "Vereinbarung, Vertrag, Beschluss",
        "en": "agreement, contract, decision",
    },
    "views.kind.law": {"de": "Rechtsakt", "en": "law"},
    "views.kind.programme": {"de": "Programm, Projekt", "en": "programme, project"},
    "views.kind.system": {"de": "IT-System, Dienst", "en": "IT system, service"},
    "views.kind.register": {"de": "Register", "en": "register"},
    "views.kind.work": {"de": "sonstiger Gegenstand", "en": "other subject matter"},
    "views.kind.event": {"de": "Frist, Ereignis", "en": "deadline, event"},
    "views.kind.topic": {"de": "Thema", "en": "topic"},
    "views.kind.fact": {"de": "Aussage", "en": "fact"},
    # reused vocabularies' properties, which the ontology does not label
    "views.property.org:unitOf": {"de": "ist Einheit von", "en": "is unit of"},
    "views.property.org:hasUnit": {"de": "hat Einheit", "en": "has unit"},
    "views.property.org:subOrganizationOf": {"de": "gehört zu", "en": "is part of"},
    "views.property.org:hasSubOrganization": {
        "de": "hat Unterorganisation",
        "en": "has sub-organisation",
    },
    "views.property.org:member": {"de": "Mitglied", "en": "member"},
    "views.property.org:hasMember": {"de": "hat Mitglied", "en": "has member"},
    "views.property.org:memberOf": {"de": "Mitglied von", "en": "member of"},
    "views.property.org:organization": {"de": "Organisation", "en": "organisation"},
    "views.property.skos:broader": {"de": "Unterthema von", "en": "narrower topic of"},
    "views.property.skos:narrower": {"de": "Oberthema von", "en": "broader topic of"},
    "views.property.skos:related": {"de": "verwandt mit", "en": "related to"},
    "views.property.dcterms:publisher": {"de": "herausgegeben von", "en": "published by"},
    "views.property.dcterms:subject": {"de": "Gegenstand", "en": "subject"},
    "views.property.gg:actor": {"de": "Akteur", "en": "actor"},
    "views.property.gg:subject": {"de": "Gegenstand", "en": "subject"},
    "views.property.gg:addressee": {"de": "Adressat", "en": "addressee"},
    # the bands of the levels layout, top to bottom
    "views.band.federal": {"de": "Bund", "en": "Federation"},
    "views.band.joint": {"de": "Bund-Länder, EU", "en": "joint, EU"},
    "views.band.state": {"de": "Länder", "en": "Länder (states)"},
    "views.band.municipal": {"de": "Kommunen", "en": "municipalities"},
    "views.band.other_actors": {"de": "weitere Akteure", "en": "other actors"},
    "views.band.subjects": {"de": "Gegenstände", "en": "subject matter"},
    # what a line style means (legend)
    "views.line.stated": {"de": "belegt (Quelle sagt es)", "en": "stated by a source"},
    "views.line.inferred": {
        "de": "erschlossen (nicht wörtlich belegt)",
        "en": "inferred, not stated",
    },
    "views.line.intended": {"de": "beabsichtigt, geplant", "en": "intended, planned"},
    "views.line.disputed": {
        "de": "umstritten (Quellen widersprechen sich)",
        "en": "disputed by sources",
    },
    "views.line.superseded": {
        "de": "überholt (eine andere Quelle geht vor)",
        "en": "superseded by another source",
    },
    # picture legend
    "views.legend.title": {"de": "Legende", "en": "Legend"},
    "views.legend.focus": {"de": "im Mittelpunkt", "en": "in focus"},
    "views.legend.joined": {
        "de": "A · B: alle Beziehungen eines Paars auf einer Linie",
        "en": "A · B: every relation of a pair on one line",
    },
    "views.legend.both": {
        "de": "↓ A · ↑ B: Richtung, wenn ein Paar in beide Richtungen verbunden ist",
        "en": "↓ A · ↑ B: direction, where a pair is joined both ways",
    },
    "views.legend.marked": {
        "de": "»überholt:«, »umstritten:« vor einer Beziehung: siehe Linienart",
        "en": "'superseded:', 'disputed:' before a relation: see the line style",
    },
    # the interactive network page
    "views.page.search": {"de": "Knoten suchen …", "en": "Find a node …"},
    "views.page.find": {"de": "Suchen", "en": "Find"},
    "views.page.legend": {"de": "Legende", "en": "Legend"},
    "views.page.type": {"de": "Typ", "en": "Type"},
    "views.page.quote": {"de": "Beleg", "en": "Evidence"},
    "views.page.nodes": {"de": "Knoten", "en": "nodes"},
    "views.page.edges": {"de": "Kanten", "en": "edges"},
    "views.page.layout": {"de": "Layout wird berechnet …", "en": "Computing layout …"},
    "views.page.hits": {"de": "Treffer", "en": "found"},
    "views.page.none": {"de": "kein Treffer", "en": "nothing found"},
    # network titles: "govgraph – Netzwerk: X (Tiefe 2); Thema Y; Stand …"
    "views.network.title": {"de": "govgraph – Netzwerk", "en": "govgraph – network"},
    "views.network.focus": {"de": "{label} (Tiefe {depth})", "en": "{label} (depth {depth})"},
    "views.network.topic": {"de": "Thema {label}", "en": "topic {label}"},
    "views.network.as_of": {"de": "Stand {day}", "en": "as of {day}"},
    # the timeline picture
    "views.timeline.title": {"de": "govgraph – Zeitleiste", "en": "govgraph – timeline"},
    "views.timeline.period": {"de": "Zeitraum {start} – {end}", "en": "period {start} – {end}"},
    "views.timeline.today": {"de": "heute", "en": "today"},
    "views.timeline.span": {
        "de": "Balken = Zeitraum der Angabe (z. B. »Mitte 2026«), Punkt = Tag; grau = überholt "
        "(eine andere Quelle geht vor)",
        "en": "bar = range the wording allows (e.g. 'mid-2026'), dot = exact day; "
        "grey = superseded by another source",
    },
    "views.timeline.kind.deadline": {"de": "Frist", "en": "deadline"},
    "views.timeline.kind.event": {
        "de": "Ereignis, Aussage mit Zeitangabe",
        "en": "event, dated fact",
    },
    "views.timeline.kind.established": {"de": "Gründung, Start", "en": "founded, started"},
    "views.timeline.state.superseded": {"de": "überholt", "en": "superseded"},
    "views.timeline.state.disputed": {"de": "umstritten", "en": "disputed"},
    # the footer of every picture
    "views.footer.as_of": {"de": "Stand {day}", "en": "As of {day}"},
    "views.footer.valid_on": {"de": "Aussagen gültig am {day}", "en": "facts valid on {day}"},
    "views.footer.all_dates": {"de": "alle Zeitpunkte", "en": "all dates"},
    "views.footer.sources": {"de": "Quellen: ", "en": "Sources: "},
    # errors about views and their output, in both languages at once (`bilingual`)
    "views.output.none": {"de": "keine", "en": "none"},
    "views.output.unknown_suffix": {
        "de": "unbekannte Endung {shown}; möglich sind .html, .svg, .png, .pdf",
        "en": "unknown suffix {shown}; use .html, .svg, .png or .pdf",
    },
    "views.output.format_mismatch": {
        "de": "--format {fmt} passt nicht zu -o {name}",
        "en": "--format {fmt} does not match the suffix of {name}",
    },
    "views.output.give_file": {
        "de": "bitte -o DATEI.{fmt} angeben",
        "en": "please give -o FILE.{fmt}",
    },
    "views.output.pictures_only": {
        "de": "nur für Bilder (.svg, .png, .pdf)",
        "en": "only for pictures",
    },
    "views.output.png_only": {"de": "nur für PNG", "en": "only for PNG"},
    "views.output.needs_cairo": {
        "de": "PNG/PDF brauchen cairosvg und libcairo",
        "en": "PNG and PDF need cairosvg and the cairo library (Debian: apt install libcairo2)",
    },
    "views.output.needs_chromium": {
        "de": "PNG braucht chromium (z. B. apt install chromium); oder --format svg",
        "en": "PNG needs chromium (e.g. apt install chromium); or use --format svg",
    },
    "views.picture.bad_size": {
        "de": "bitte a4, slide oder BREITExHÖHE in Pixeln (z. B. 1600x900)",
        "en": "please give a4, slide or WIDTHxHEIGHT in pixels (e.g. 1600x900)",
    },
    "views.timeline.nothing_dated": {
        "de": "keine datierten Einträge",
        "en": "nothing dated in that period",
    },
    "views.empty": {"de": "die Ansicht ist leer", "en": "the view is empty"},
    "views.too_large": {
        "de": "{n} Knoten sind zu viele für eine lesbare Ansicht (Grenze {limit}); bitte mit "
        "--focus/--depth oder --type eingrenzen, oder --max-nodes setzen",
        "en": "{n} nodes are too many for a usable view (limit {limit}); narrow it with "
        "--focus/--depth or --type, or raise --max-nodes",
    },
    "views.unknown_type": {"de": "unbekannt", "en": "unknown"},
}
