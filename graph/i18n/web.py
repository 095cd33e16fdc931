"""Messages of the web area; keys start with \"web.\"."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {}
