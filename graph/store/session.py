"""Open the graph a command works on: the selected files (from the store cache), or an endpoint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from govgraph.graph.errors import UsageError
from govgraph.graph.settings import read
from govgraph.graph.store.backend import VIEWS, Backend, LocalBackend
from govgraph.graph.store.dataset import DataSelection, load_store

if TYPE_CHECKING:
    from govgraph.graph.store.cache import Progress


def open_backend(
    selection: DataSelection,
    endpoint: str | None = None,
    timeout: float = 30.0,
    progress: Progress | None = None,
) -> Backend:
    """A remote backend when an endpoint is given, else the local files.

    Small inputs are parsed into memory: that takes a few milliseconds, and pyoxigraph answers
    from memory 3-5x faster than from an on-disk store. Larger inputs (from the setting
    cache_min_bytes, GOVGRAPH_CACHE_MIN_BYTES) come from the persisted store cache, which saves
    seconds of parsing per command. Where the cache cannot be written (read-only home, full disk)
    or GOVGRAPH_NO_CACHE is set, everything is parsed into memory.
    """
    if endpoint:
        if selection.extra:
            raise UsageError("--data and --endpoint exclude each other: push the files first")
        from govgraph.graph.store.remote import RemoteBackend

        return RemoteBackend(endpoint, timeout=timeout)
    files = selection.files()
    settings = read()
    big = sum(f.stat().st_size for f in files) >= settings.cache_min_bytes
    if big and not settings.no_cache:
        from govgraph.graph.store.cache import ANSWERS, open_cached_folder

        try:
            store, folder = open_cached_folder(files, progress)
            # The cached store never changes, so its slow answers can be remembered
            # (GOVGRAPH_NO_ANSWER_MEMO turns that off, e.g. to time the queries themselves).
            memo = None if settings.no_answer_memo else folder / ANSWERS
            # What every answer needs is read from the views computed for this store
            # (graph/answers/precomputed.py), whatever the memo setting.
            return LocalBackend(store, timeout, memo, views=folder / VIEWS)
        except OSError:
            pass
    store = load_store(files)
    if settings.no_cache:
        return LocalBackend(store, timeout)
    from govgraph.graph.store.cache import views_folder

    # A graph in memory is parsed anew by every process, but what every answer needs of it
    # is computed once for its data and kept in the cache folder like a cached store's.
    return LocalBackend(store, timeout, views=views_folder(files))
