"""Messages of the cli area; keys start with \"cli.\"."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {}
