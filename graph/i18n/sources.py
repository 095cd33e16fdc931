"""Messages of the sources area; keys start with \"sources.\"."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {}
