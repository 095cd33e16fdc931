"""Messages of the answers area; keys start with \"answers.\"."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {}
