"""Messages of the views area; keys start with \"views.\"."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {}
