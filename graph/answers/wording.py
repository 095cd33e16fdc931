"""How an answer cites and overrules, in words every face shares: "NOOTSStVtr § 8 Abs. 1
Satz 3", "GB StT RLP sagte »…« – überholt durch NOOTSStVtr § 8 Abs. 1 Satz 3"."""

from __future__ import annotations

from govgraph.graph.answers.excerpt import excerpt
from govgraph.graph.answers.model import Overruled
from govgraph.graph.i18n import message

# Words a reader takes in as one, so no face breaks a line inside them: a day or month
# ("1. Juni 2027", "März 2025", "Mitte 2026"), a share ("46,6 %"), a norm's first step ("§ 8").
TOGETHER = r"\b(?:\d{1,2}\.? )?[A-ZÄÖÜ][a-zäöü]+ \d{4}\b|\d+(?:[.,]\d+)? %|§ \d+\w*"


def cited(source: str, locator: str) -> str:
    """ "NOOTSStVtr § 8 Abs. 1 Satz 3" or "GB StT RLP, Abschnitt »…«, Absatz 1"."""
    if not locator:
        return source
    if not source:
        return locator
    if locator.endswith(" " + source):  # "§ 4 Abs. 1 NOOTSStVtr", as primary ones are indexed
        locator = locator[: -len(source)].rstrip()
    return f"{source} {locator}" if locator.startswith("§") else f"{source}, {locator}"


def overruled_text(o: Overruled, lang: str) -> str:
    """One line for a claim the answer does not follow, its quote shortened to a phrase."""
    quote = excerpt(o.quote, least=90, most=160)
    if o.state == "disputed":
        return message("answers.disputed", lang, source=o.source, quote=quote)
    if o.by_source:
        by = cited(o.by_source, o.by_locator)
        return message("answers.overruled", lang, source=o.source, quote=quote, by=by)
    return message("answers.overruled_no_by", lang, source=o.source, quote=quote, rule=o.rule)
