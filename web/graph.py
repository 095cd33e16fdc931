"""The one graph a web process serves: opened once, shared by all requests.

The CLI opens its backend per command; a server must not pay that per request. What is costly
and never changes while the process runs (the entity index, the source documents, the projected
network) is computed once and kept, behind a lock, because requests run in a thread pool.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from govgraph.graph.settings import Settings
from govgraph.graph.store.resources import sources_dir

if TYPE_CHECKING:
    import networkx as nx

    from govgraph.graph.sources.claims import Claims
    from govgraph.graph.sparql.entities import EntityIndex
    from govgraph.graph.store.backend import Backend
    from govgraph.graph.store.dataset import DataSelection

    from .sources import SourceDocument


WARM_UP_TIMEOUT = 600.0
VIEWS_TMP = "govgraph-web-views-"  # + the process id: temporary views of a graph in memory
# A graph in memory up to this size gets its views at start (~0.1 s per language for the
# shipped graph's 8,000 triples, seconds from 100,000 on); a bigger one (GOVGRAPH_NO_CACHE, a
# read-only cache folder) is served without them rather than start that much later.
VIEWS_MAX_TRIPLES = 30_000


@dataclass
class WebState:
    """What a web process keeps: its settings (graph/settings.py: what `govgraph web` was
    started with), the backend, and what is derived from it once: entity index, sources,
    networks."""

    settings: Settings
    _backend: Backend | None = None
    _indexes: dict[str, EntityIndex] = field(default_factory=dict)
    _sources: dict[str, list[SourceDocument]] = field(default_factory=dict)
    _quotes: dict[str, dict[str, SourceDocument]] = field(default_factory=dict)
    _places: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    _claims: dict[str, Claims] = field(default_factory=dict)
    _networks: OrderedDict = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _gates: dict[str, threading.Lock] = field(default_factory=dict)
    _views: tempfile.TemporaryDirectory | None = None

    def backend(self) -> Backend:
        with self._gate("backend"):
            if self._backend is None:
                from govgraph.graph.answers.precomputed import ensure
                from govgraph.graph.store.session import open_backend

                s = self.settings
                backend = open_backend(self.selection(), s.endpoint, s.timeout)
                ensure(backend, s.lang)  # a cached store's views: computed once, then read
                self._backend = self._with_views(backend)
            return self._backend

    def _with_views(self, backend: Backend) -> Backend:
        """A graph parsed into memory (the shipped one) with the precomputed views a cached
        store has beside it (graph/answers/precomputed.py): what every answer needs and only
        changes with the data - the claims, the notes, the dated items, the network's facts -
        is evaluated once for its data (~0.1 s per language for the shipped graph), not in every
        request: kept in the cache folder (graph/store/cache.py: views_folder), or where that
        cannot be written (GOVGRAPH_NO_CACHE, a read-only home) in a temporary folder while the
        process runs."""
        from govgraph.graph.answers.precomputed import LANGS, build, ensure
        from govgraph.graph.store.backend import LocalBackend
        from govgraph.graph.store.cache import VIEWS_PREFIX

        if not isinstance(backend, LocalBackend):
            return backend
        in_memory = backend.views is None or backend.views.name.startswith(VIEWS_PREFIX)
        if not in_memory or len(backend.store) > VIEWS_MAX_TRIPLES:
            return backend  # a cached store (its other language: the memo), or a big graph
        if backend.views is not None:  # kept for the data in the cache folder: both languages
            for lang in LANGS:
                ensure(backend, lang)
            return backend
        _remove_orphaned_views()
        self._views = tempfile.TemporaryDirectory(prefix=f"{VIEWS_TMP}{os.getpid()}-")
        folder = Path(self._views.name)
        for lang in LANGS:
            build(backend.store, folder, lang)
        return LocalBackend(backend.store, backend.timeout, backend.memo, views=folder)

    def close(self) -> None:
        """Remove what this process wrote (the views of a graph in memory)."""
        if self._views is not None:
            self._views.cleanup()
            self._views = None

    def selection(self) -> DataSelection:
        """The files served: the settings' selection (without a library when none is set)."""
        from govgraph.graph.store.dataset import DataSelection

        return DataSelection.of(self.settings)

    def sparql_backend(self) -> Backend:
        """The backend with the shorter timeout for researchers' own queries."""
        from govgraph.graph.store.backend import LocalBackend

        backend = self.backend()
        if isinstance(backend, LocalBackend):
            return LocalBackend(backend.store, self.settings.sparql_timeout)
        return backend

    def patient_backend(self) -> Backend:
        """The backend for the one-off loads at start-up (all labels, all quotes): at 1M
        triples they take tens of seconds, more than a request may, but only once."""
        from govgraph.graph.store.backend import LocalBackend

        backend = self.backend()
        if isinstance(backend, LocalBackend):
            timeout = max(self.settings.timeout, WARM_UP_TIMEOUT)
            return LocalBackend(backend.store, timeout, backend.memo, backend.views)
        return backend

    def _gate(self, key: str) -> threading.Lock:
        """One lock per thing loaded, so a long load (the other language's labels) blocks only
        the requests that need that very thing."""
        with self._lock:
            return self._gates.setdefault(key, threading.Lock())

    def index(self, lang: str) -> EntityIndex:
        with self._gate("index-" + lang):
            if lang not in self._indexes:
                from govgraph.graph.sparql.entities import EntityIndex

                index = EntityIndex(self.patient_backend(), lang)
                index.entities  # noqa: B018 - load all labels now, not inside a request race
                self._indexes[lang] = index
            return self._indexes[lang]

    def sources(self, lang: str) -> list[SourceDocument]:
        with self._gate("sources-" + lang):
            if lang not in self._sources:
                from .sources import load_sources

                library = self.settings.data_dir
                folders = (sources_dir(),) + ((library / "sources",) if library else ())
                self._sources[lang] = load_sources(self.patient_backend(), lang, folders)
            return self._sources[lang]

    def claims(self, lang: str) -> Claims:
        """Which sources state each fact and which claims a conflict overrules (loaded once)."""
        with self._gate("claims-" + lang):
            if lang not in self._claims:
                from govgraph.graph.answers.precomputed import claims

                self._claims[lang] = claims(self.patient_backend(), lang)
            return self._claims[lang]

    def quote_sources(self, lang: str) -> dict[str, SourceDocument]:
        """Quote → the (first) source document it is taken from."""
        docs = self.sources(lang)
        with self._gate("quotes-" + lang):
            if lang not in self._quotes:
                found: dict[str, SourceDocument] = {}
                for doc in docs:
                    for q in doc.quotes:
                        found.setdefault(q, doc)
                self._quotes[lang] = found
            return self._quotes[lang]

    def quote_places(self, lang: str) -> dict[str, tuple[str, str]]:
        """Quote → (source short name, place in it), for the quotes of answers without a fact
        node (graph/answers/precomputed.py: from the views, read once)."""
        with self._gate("places-" + lang):
            if lang not in self._places:
                from govgraph.graph.answers.precomputed import quote_sources

                self._places[lang] = quote_sources(self.patient_backend(), lang)
            return self._places[lang]

    def network(self, lang: str, at: date | None) -> nx.MultiDiGraph:
        """The projected network for a language and day (the last few are kept)."""
        key = (lang, at)
        with self._lock:
            if key in self._networks:
                self._networks.move_to_end(key)
                return self._networks[key]
        from govgraph.graph.views.network import project

        g = project(self.backend(), lang, "edge", at)
        with self._lock:
            self._networks[key] = g
            while len(self._networks) > 4:
                self._networks.popitem(last=False)
        return g


def _remove_orphaned_views() -> None:
    """Remove the temporary views of servers that were killed (SIGKILL, a crash) before they
    could: folders named by a process that no longer runs. A process id in use again keeps
    its folder; folders of other users stay where they cannot be removed."""
    import shutil

    for folder in Path(tempfile.gettempdir()).glob(f"{VIEWS_TMP}*"):
        pid = folder.name.removeprefix(VIEWS_TMP).split("-", 1)[0]
        if not pid.isdigit() or _running(int(pid)):
            continue
        shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: running
        return True
    return True
