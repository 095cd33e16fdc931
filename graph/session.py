"""Open the graph a command works on: the selected files (from the store cache), or an endpoint."""

from __future__ import annotations

import os

from .backend import Backend, LocalBackend
from .cache import Progress, open_cached
from .dataset import DataSelection, load_store
from .errors import UsageError


def open_backend(
    selection: DataSelection,
    endpoint: str | None = None,
    timeout: float = 30.0,
    progress: Progress | None = None,
) -> Backend:
    """A remote backend when an endpoint is given, else the local files.

    Local files come from the persisted store cache; where the cache cannot be written (read-only
    home, full disk) or GOVGRAPH_NO_CACHE is set, they are parsed into memory instead.
    """
    if endpoint:
        if selection.extra:
            raise UsageError("--data and --endpoint exclude each other: push the files first")
        from .remote import RemoteBackend

        return RemoteBackend(endpoint, timeout=timeout)
    files = selection.files()
    if not os.environ.get("GOVGRAPH_NO_CACHE"):
        try:
            return LocalBackend(open_cached(files, progress))
        except OSError:
            pass
    return LocalBackend(load_store(files))
