"""What every command shares: the data selection, language, today's date, and one backend."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported lazily: `govgraph --help` must not load the graph engine
    from govgraph.graph.store.backend import Backend
    from govgraph.graph.store.dataset import DataSelection


@dataclass
class AppContext:
    data: tuple[Path, ...] = ()
    builtin: bool = True
    lang: str = "de"
    today: date = field(default_factory=date.today)
    endpoint: str | None = None
    timeout: float = 30.0
    include_drafts: bool = False
    _backend: Backend | None = None

    @property
    def selection(self) -> DataSelection:
        from govgraph.graph.sources.library import data_root
        from govgraph.graph.store.dataset import DataSelection

        return DataSelection(
            builtin=self.builtin,
            extra=self.data,
            library=data_root(),
            include_drafts=self.include_drafts,
        )

    def backend(self) -> Backend:
        if self._backend is None:
            from govgraph.graph.i18n import bilingual
            from govgraph.graph.store.session import open_backend

            from .progress import stderr_progress

            with stderr_progress(bilingual("cli.loading_graph")) as progress:
                self._backend = open_backend(
                    self.selection, self.endpoint, self.timeout, progress=progress
                )
        return self._backend
