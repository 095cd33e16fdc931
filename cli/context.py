"""What every command shares: the run's settings (graph/settings.py) and one backend."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from govgraph.graph.settings import Settings

if TYPE_CHECKING:  # imported lazily: `govgraph --help` must not load the graph engine
    from govgraph.graph.store.backend import Backend
    from govgraph.graph.store.dataset import DataSelection


@dataclass
class AppContext:
    """The settings the root command read, and the backend opened from them on first use."""

    settings: Settings
    _backend: Backend | None = None

    @property
    def data(self) -> tuple[Path, ...]:
        return self.settings.data

    @property
    def builtin(self) -> bool:
        return self.settings.builtin

    @property
    def lang(self) -> str:
        return self.settings.lang

    @property
    def today(self) -> date:
        return self.settings.day()

    @property
    def endpoint(self) -> str | None:
        return self.settings.endpoint

    @property
    def timeout(self) -> float:
        return self.settings.timeout

    @property
    def include_drafts(self) -> bool:
        return self.settings.include_drafts

    @property
    def selection(self) -> DataSelection:
        from govgraph.graph.store.dataset import DataSelection

        return DataSelection.of(self.settings)

    def backend(self) -> Backend:
        if self._backend is None:
            from govgraph.graph.answers.precomputed import ensure
            from govgraph.graph.i18n import bilingual
            from govgraph.graph.store.session import open_backend

            from .progress import stderr_progress

            with stderr_progress(bilingual("cli.loading_graph")) as progress:
                self._backend = open_backend(
                    self.selection, self.endpoint, self.timeout, progress=progress
                )
                ensure(self._backend, self.lang)  # a cached store's views, once after its build
        return self._backend
