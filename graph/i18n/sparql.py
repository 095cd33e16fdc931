"""Messages of the SPARQL layer (query checks, named-query parameters); keys start with "sparql.".

They are printed in both languages at once (`bilingual`): errors arise before any --lang applies.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # graph/store/guard.py: a query that does not parse, or an update
    "sparql.syntax_error": {"de": "SPARQL-Syntaxfehler", "en": "syntax error"},
    "sparql.update_refused": {"de": "SPARQL-Update abgelehnt", "en": "UPDATE refused"},
    # graph/sparql/runner.py: parameters of a named query
    "sparql.none": {"de": "keine", "en": "none"},
    "sparql.unknown_param": {"de": "unbekannter Parameter", "en": "no parameter"},
    "sparql.missing_params": {"de": "Pflichtparameter fehlen", "en": "missing parameters"},
    "sparql.bad_iri": {"de": "keine gültige IRI", "en": "not a valid IRI"},
    # graph/sparql/workers.py: a query stopped at one of its limits
    "sparql.stopped": {
        "de": "Abfrage nach {seconds} s Rechenzeit abgebrochen (--timeout): bitte eingrenzen "
        "oder mehr Zeit geben",
        "en": "query stopped after {seconds} s of computing time (--timeout): narrow it down "
        "or allow more time",
    },
    "sparql.memory": {
        "de": "Abfrage abgebrochen: Speichergrenze von {mb} MB erreicht ({env}): bitte eingrenzen",
        "en": "query stopped: memory limit of {mb} MB reached ({env}): narrow it down",
    },
    "sparql.too_many": {
        "de": "mehr als {limit} Ergebnisse: bitte mit LIMIT eingrenzen",
        "en": "more than {limit} results: please add a LIMIT",
    },
    "sparql.busy": {
        "de": "alle Abfrageplätze sind belegt, bitte gleich noch einmal versuchen",
        "en": "every query slot is busy, please try again in a moment",
    },
}
