"""Which files make up the graph (shipped and the user's own) and loading them into a store."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .resources import builtin_data_files, vocabulary_files
from .turtle import data_files, parse_file


@dataclass(frozen=True)
class DataSelection:
    """The shipped graph (unless left out) plus the user's `--data` files and folders."""

    builtin: bool = True
    extra: tuple[Path, ...] = field(default_factory=tuple)

    def files(self) -> list[Path]:
        found = vocabulary_files() + (builtin_data_files() if self.builtin else [])
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


def load_store(files: Iterable[Path]) -> ox.Store:
    """An in-memory store with every triple of every file; any bad file aborts before loading."""
    parsed = [parse_file(f) for f in files]
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for triples in parsed for t in triples)
    return store
