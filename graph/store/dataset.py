"""Which files make up the graph (shipped and the user's own) and loading them into a store."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from govgraph.graph.errors import DataError
from govgraph.graph.settings import Settings
from govgraph.graph.store.resources import builtin_data_files, vocabulary_files
from govgraph.graph.store.turtle import (
    NO_TRIPLES,
    data_files,
    read_data_file,
    syntax_error_message,
    too_large_message,
)


@dataclass(frozen=True)
class DataSelection:
    """The shipped graph (unless left out) plus the user's `--data` files and folders."""

    builtin: bool = True
    extra: tuple[Path, ...] = field(default_factory=tuple)
    library: Path | None = None  # the user's source library (govgraph source add/draft/review)
    include_drafts: bool = False

    @classmethod
    def of(cls, settings: Settings) -> DataSelection:
        """The selection a run's settings make: --data, --no-builtin, the user's library."""
        return cls(settings.builtin, settings.data, settings.data_dir, settings.include_drafts)

    def files(self) -> list[Path]:
        found = vocabulary_files() + (builtin_data_files() if self.builtin else [])
        if self.library is not None:
            found.extend(library_files(self.library, self.include_drafts))
        for path in self.extra:
            found.extend(data_files(Path(path)))
        seen: set[Path] = set()
        unique = []
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                unique.append(f)
        return unique


def library_files(root: Path, include_drafts: bool = False) -> list[Path]:
    """The library's source records and accepted facts; its drafts only when asked for, so an
    unreviewed candidate never reaches an answer by accident."""
    folders = ("records", "facts", "drafts") if include_drafts else ("records", "facts")
    return [p for name in folders for p in sorted((Path(root) / name).glob("*.ttl"))]


def load_store(files: Iterable[Path]) -> ox.Store:
    """An in-memory store with every triple of every file; any bad file raises DataError and
    the half-filled store is dropped, so nothing of a broken file is ever used.

    pyoxigraph parses straight into the store (no Python objects per triple): for the shipped
    graph that is several times faster than parsing into a list first.
    """
    store = ox.Store()
    for path in files:
        data = read_data_file(path)
        base = path.resolve().as_uri()
        try:
            store.load(data, format=ox.RdfFormat.TURTLE, base_iri=base)
        except SyntaxError as err:
            raise DataError(syntax_error_message(path, err)) from None
        except MemoryError as err:  # one term longer than the parser's 16 MB buffer
            raise DataError(too_large_message(path, err)) from None
        # The first triple ends the parse (microseconds); counting the store before and after
        # each file (len is a scan) cost 5 ms of every command on the shipped graph.
        if next(iter(ox.parse(data, format=ox.RdfFormat.TURTLE, base_iri=base)), None) is None:
            raise DataError(f"{path}:1:1: {NO_TRIPLES}")
    return store
