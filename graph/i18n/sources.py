"""Messages of sources and claims; keys start with "sources."."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # a claim's certainty when a conflict decides against it (answers' "Gewissheit" column)
    "sources.state.superseded": {"de": "überholt", "en": "superseded"},
    "sources.state.disputed": {"de": "umstritten", "en": "disputed"},
    # beside the source names of a fact that more than one source states: "NOOTSStVtr (2 Quellen)"
    "sources.count": {"de": "{count} Quellen", "en": "{count} sources"},
}
