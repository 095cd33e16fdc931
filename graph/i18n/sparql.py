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
}
