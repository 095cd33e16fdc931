"""The steps of curation that need the graph: drafting a source against the known entities."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from govgraph.graph.curation.draftfile import check_quotes, render
from govgraph.graph.curation.drafting import Candidate, Drafter
from govgraph.graph.curation.mentions import Matcher, known_entities
from govgraph.graph.errors import DataError, UsageError
from govgraph.graph.files import write_atomic
from govgraph.graph.i18n import bilingual
from govgraph.graph.sources.importers import Unit, read_source
from govgraph.graph.sources.library import Library, SourceInfo
from govgraph.graph.sources.locators import locate
from govgraph.graph.store.dataset import DataSelection, load_store


def draft_candidates(
    library: Library, info: SourceInfo, selection: DataSelection
) -> list[Candidate]:
    """Candidates for one source, matched against the graph as loaded without any drafts."""
    stored = library.dir("sources") / (info.original_file or info.local_file)
    _, imported = read_source(stored)
    text = library.text(info)
    if imported.text != text:
        raise DataError(f"{library.text_path(info)}: stored text differs from its original")
    base = DataSelection(
        builtin=selection.builtin, extra=selection.extra, library=selection.library
    )
    store = load_store(base.files())
    entities = known_entities(store)
    labels = {label for e in entities.values() for label in e.labels}
    units = cited(imported.units, text, stored if info.original_file else None)
    title = f"{info.title}\n{imported.title}\n{imported.short}"
    candidates = Drafter(Matcher(entities), labels).draft(units, title)
    check_quotes(candidates, text)
    return candidates


def cited(units: list[Unit], text: str, original: Path | None) -> list[Unit]:
    """The units with the locator `govgraph validate` computes for them (the norm of a law, the
    section and paragraph of a report), so that a reviewed fact's locator is checked as right;
    the importer's own (page, line) only where that finds nothing."""
    return [replace(u, locator=locate(text, u.text, original) or u.locator) for u in units]


def reviewed(path: Path) -> bool:
    """Whether a draft file already holds a person's decisions (accepted or rejected)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"gg:reviewStatus\s+ggc:(accepted|rejected)", text) is not None


def write_draft(
    library: Library,
    info: SourceInfo,
    candidates: list[Candidate],
    out: Path | None,
    today: date,
    force: bool = False,
) -> tuple[Path, Path | None]:
    """Write the draft file (by default into the library's drafts folder) whole or not at all.

    A draft with review decisions is replaced only with `force`, and then kept beside the new
    one (`NAME-reviewed-TIME.ttl.bak`, a name no command loads); returns (draft, kept)."""
    target = out or library.draft_path(info.id)
    kept = None
    if target.is_file() and reviewed(target):
        if not force:
            raise UsageError(f"{target}: {bilingual('curation.draft.reviewed')}")
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        kept = target.with_name(f"{target.stem}-reviewed-{stamp}.ttl.bak")
        shutil.copy2(target, kept)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, render(candidates, info, today).encode("utf-8"))
    return target, kept
