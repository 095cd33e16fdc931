"""Messages of the settings (graph/settings.py): a GOVGRAPH_* variable that cannot be read."""

MESSAGES: dict[str, dict[str, str]] = {
    "settings.not_bytes": {
        "de": "keine Anzahl Bytes: {value}",
        "en": "not a number of bytes: {value}",
    },
}
