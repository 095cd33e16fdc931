"""Validated request parameters: every value a page uses passes through here first."""

from __future__ import annotations

from datetime import date

from starlette.datastructures import QueryParams

from govgraph.graph.errors import UsageError
from govgraph.graph.i18n import LANGS, bilingual

from .errors import BadRequest, TooLarge

MAX_TEXT = 300  # an entity name or label; more is not a name


def lang(params: QueryParams, default: str) -> str:
    value = params.get("lang") or default
    if value not in LANGS:
        raise BadRequest(f"lang: {value!r} – {bilingual('web.error.allowed')}: {', '.join(LANGS)}")
    return value


def text(params: QueryParams, name: str, required: bool = False) -> str:
    value = (params.get(name) or "").strip()
    if len(value) > MAX_TEXT:
        at_most = bilingual("web.error.chars_at_most")
        raise TooLarge(f"{name}: {len(value)} {at_most} {MAX_TEXT}")
    if "\x00" in value:
        raise BadRequest(f"{name}: {bilingual('web.error.nul')}")
    if required and not value:
        raise BadRequest(f"{name}: {bilingual('web.error.missing')}")
    return value


def day(
    params: QueryParams, name: str, end: bool = False, today: date | None = None
) -> date | None:
    """A date as the CLI takes it (ISO, TT.MM.JJJJ, YYYY-MM, YYYY, heute/today); empty = none.
    With `end` (the end of a range) a year or month means its last day: to=2026 includes
    December 2026. "heute"/"today" is `today`, the server's day (`--today`), where given."""
    from govgraph.graph.dates import last_day, parse_date

    value = text(params, name)
    if not value:
        return None
    if today is not None and value.casefold() in ("heute", "today"):
        return today
    try:
        return last_day(value) if end else parse_date(value)
    except UsageError as err:
        raise BadRequest(f"{name}: {err}") from None


def choice(params: QueryParams, name: str, allowed: tuple[str, ...]) -> str | None:
    value = text(params, name)
    if not value:
        return None
    if value not in allowed:
        allowed_word = bilingual("web.error.allowed")
        raise BadRequest(f"{name}: {value!r} – {allowed_word}: {', '.join(allowed)}")
    return value


def flag(params: QueryParams, name: str) -> bool:
    return text(params, name) in ("1", "true", "on", "yes")


def integer(params: QueryParams, name: str, default: int, low: int, high: int) -> int:
    value = text(params, name)
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        not_a_number = bilingual("web.error.not_a_number")
        raise BadRequest(f"{name}: {not_a_number}: {value!r}") from None
    if not low <= number <= high:
        not_within = bilingual("web.error.not_within")
        raise BadRequest(f"{name}: {number} {not_within} {low}–{high}")
    return number
