"""Open the graph a command works on: the selected files in an embedded store."""

from __future__ import annotations

from .backend import Backend, LocalBackend
from .dataset import DataSelection, load_store


def open_backend(selection: DataSelection) -> Backend:
    return LocalBackend(load_store(selection.files()))
