"""Open the graph a command works on: the selected files embedded, or a remote endpoint."""

from __future__ import annotations

from .backend import Backend, LocalBackend
from .dataset import DataSelection, load_store


def open_backend(
    selection: DataSelection, endpoint: str | None = None, timeout: float = 30.0
) -> Backend:
    """A remote backend when an endpoint is given, else the local files in an embedded store."""
    if endpoint:
        from .remote import RemoteBackend

        return RemoteBackend(endpoint, timeout=timeout)
    return LocalBackend(load_store(selection.files()))
