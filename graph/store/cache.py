"""A persisted pyoxigraph store per set of input files, so repeated commands skip parsing.

The store for a selection lives in the user's cache folder under a key made of the govgraph
version and the BLAKE2b digest of every input file's content, streamed at every start (never trusted
from size and modification time: `cp -p` and `rsync -t` keep both). A changed file gives a new
key and a new store. Stores are built in a temporary folder and renamed into place, so a
concurrent builder or an interrupted build never leaves a half-written store where readers look.

The cache heals: READY lists every file of the store with its size, modification time and
BLAKE2b digest. A store whose files do not match (truncated, deleted, overwritten; a file whose time
changed is hashed again), or that RocksDB or a first query refuses, is moved aside and rebuilt
with a one-line notice on stderr. A cache folder that cannot be written is reported once and the
data is loaded into memory.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from govgraph.graph import __version__
from govgraph.graph.errors import DataError
from govgraph.graph.labelkeys import LABEL_PREDICATES, key_quads
from govgraph.graph.settings import read
from govgraph.graph.store import digest
from govgraph.graph.store.turtle import parse_file, syntax_error_message, too_large_message

Progress = Callable[[int, int], None]  # (bytes done, bytes total)

READY = "READY"
STORE_FORMAT = 4  # bump when what a build writes changes (2: label key index, 3: READY list,
# 4: BLAKE2b keys)
KEEP_STORES = 4  # the most recently used stores kept; older ones are removed after a build
KEEP_VIEWS = 16  # the same for the views of graphs parsed into memory (~1 MB each)
STALE_BUILD_SECONDS = 3600
FULL_CHECK_BYTES = 64 << 20  # stores up to this size are hashed whole at every open (~0.1 s)
SMALL_FILE_BYTES = 4 << 20  # files this small are parsed whole first, for exact error messages


def cache_root() -> Path:
    """GOVGRAPH_CACHE_DIR, else $XDG_CACHE_HOME/govgraph, else ~/.cache/govgraph."""
    return read().cache_dir


def _file_hash(path: Path) -> str:
    """The digest of a file's content (graph/store/digest.py), read in blocks (a 100 MB file
    costs ~0.2 s)."""
    found = digest.new()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            found.update(block)
    return found.hexdigest()


def selection_key(files: Sequence[Path], root: Path | None = None) -> str:
    """Content key of the inputs (order-independent), from their streamed digests."""
    hashes = sorted(_file_hash(f) for f in files)
    key = digest.new(f"govgraph {__version__} store format {STORE_FORMAT}\n".encode())
    for h in hashes:
        key.update(h.encode() + b"\n")
    return key.hexdigest()[:32]


class _CountingReader:
    """A binary file wrapper that reports how far pyoxigraph has read."""

    def __init__(self, f, done: int, total: int, progress: Progress) -> None:
        self._f, self._done, self._total, self._progress = f, done, total, progress

    def read(self, size: int = -1) -> bytes:
        data = self._f.read(size)
        self._done += len(data)
        self._progress(self._done, self._total)
        return data


CHUNK_QUADS = 200_000  # quads per bulk write: bounds the loader's memory (~250 MB at 1M triples)


def _with_keys(quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
    """The quads, each label followed by its label key quads (see labelkeys)."""
    for quad in quads:
        yield quad
        pref = LABEL_PREDICATES.get(quad.predicate)
        if pref is not None:
            yield from key_quads(quad.subject, pref, quad.object)


def _load_in_chunks(store: ox.Store, source, path: Path) -> None:
    """Stream-parse a large file and write it, with its label keys, in bounded chunks.

    `Store.bulk_load` keeps the whole file's index runs in memory (~800 MB for 1M triples);
    parsing as a stream and writing every CHUNK_QUADS quads with `bulk_extend` takes about the
    same time with a third of the memory.
    """
    quads = _with_keys(
        ox.parse(source, format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri())
    )
    while chunk := list(islice(quads, CHUNK_QUADS)):
        store.bulk_extend(chunk)


def _load_into(store: ox.Store, files: Sequence[Path], progress: Progress | None) -> None:
    """Small files are gathered and written with one `bulk_extend`: every call writes and
    ingests its own sorted files, a fixed cost that 15 shipped files paid 15 times."""
    total = sum(f.stat().st_size for f in files)
    done = 0
    small: list[ox.Quad] = []
    for path in files:
        size = path.stat().st_size
        if size <= SMALL_FILE_BYTES:
            # parse_file checks emptiness and gives the offending term on errors
            triples = parse_file(path)
            small.extend(_with_keys(ox.Quad(t.subject, t.predicate, t.object) for t in triples))
            if len(small) >= CHUNK_QUADS:  # as many as a chunk: memory stays bounded
                store.bulk_extend(small)
                small = []
        else:
            try:
                with path.open("rb") as f:
                    source = _CountingReader(f, done, total, progress) if progress else f
                    _load_in_chunks(store, source, path)
            except SyntaxError as err:
                raise DataError(syntax_error_message(path, err)) from None
            except MemoryError as err:  # one term longer than the parser's 16 MB buffer
                raise DataError(too_large_message(path, err)) from None
        done += size
        if progress:
            progress(done, total)
    if small:
        store.bulk_extend(small)


@dataclass
class CacheInfo:
    root: Path
    stores: list[tuple[Path, int, float]]  # path, bytes, last used (epoch seconds)


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def info() -> CacheInfo:
    root = cache_root()
    stores = []
    if root.is_dir():
        for p in sorted(root.glob("store-*")):
            if (p / READY).exists():
                stores.append((p, _size(p), (p / READY).stat().st_mtime))
    return CacheInfo(root, stores)


def clear() -> int:
    """Remove every cached store (and the views of graphs parsed into memory); returns how
    many stores were removed."""
    root = cache_root()
    removed = 0
    if root.is_dir():
        found = [*root.glob("store-*"), *root.glob(".build-*"), *root.glob(".damaged-*")]
        for p in [*found, *root.glob(f"{VIEWS_PREFIX}*")]:
            shutil.rmtree(p, ignore_errors=True)
            removed += p.name.startswith("store-")
        (root / "hashes.json").unlink(missing_ok=True)
    return removed


def _prune(root: Path, keep: Path) -> None:
    now = time.time()
    for p in [*root.glob(".build-*"), *root.glob(".damaged-*")]:
        if now - p.stat().st_mtime > STALE_BUILD_SECONDS:
            shutil.rmtree(p, ignore_errors=True)
    ready = [p for p in root.glob("store-*") if (p / READY).exists() and p != keep]
    ready.sort(key=lambda p: (p / READY).stat().st_mtime, reverse=True)
    for p in ready[KEEP_STORES - 1 :]:
        shutil.rmtree(p, ignore_errors=True)


def _remove(folder: Path) -> None:
    """Remove a build folder; RocksDB may still be writing its last files, so try again."""
    for _ in range(50):
        if not folder.exists():
            return
        shutil.rmtree(folder, ignore_errors=True)
        time.sleep(0.02)


def _fill(folder: Path, files: Sequence[Path], progress: Progress | None) -> None:
    """Load and compact the store, and close it (also on error: RocksDB must let go of the
    folder before it can be removed)."""
    store = ox.Store(str(folder))
    try:
        _load_into(store, files, progress)
        store.optimize()  # unoptimised, queries at 1M triples took twice as long
        store.flush()
    except BaseException as err:
        # The traceback's frames still hold the store; drop them so that it closes now.
        del store
        raise err.with_traceback(None) from None
    del store


def _listing(folder: Path) -> dict[str, list]:
    """Every file RocksDB keeps in a store folder: name → [size, mtime_ns, digest]. The info
    log and the lock file change on every open and are left out."""
    found = {}
    for p in sorted(folder.iterdir()):
        if p.is_file() and not p.name.startswith(("LOG", "LOCK", READY)):
            st = p.stat()
            found[p.name] = [st.st_size, st.st_mtime_ns, _file_hash(p)]
    return found


class Damaged(Exception):
    """A cached store that cannot be trusted; the message says why."""


def check(folder: Path) -> None:
    """Raise Damaged unless the store's files are the ones READY lists. Sizes are compared
    always; every file is hashed again when the store is small (FULL_CHECK_BYTES), else only
    a file whose modification time changed (RocksDB checks its blocks' checksums as it reads)."""
    try:
        ready = json.loads((folder / READY).read_text(encoding="utf-8"))
        listed = ready["files"]
        if not isinstance(listed, dict) or not listed:
            raise TypeError("no file list")
    except (OSError, ValueError, TypeError, KeyError) as err:
        raise Damaged(f"{READY}: {err}") from None
    try:
        full = sum(entry[0] for entry in listed.values()) <= FULL_CHECK_BYTES
    except (TypeError, IndexError, KeyError) as err:
        raise Damaged(f"{READY}: {err}") from None
    for name, entry in listed.items():
        path = folder / name
        try:
            size, mtime, sha = entry
            st = path.stat()
        except (OSError, ValueError, TypeError) as err:
            raise Damaged(f"{name}: {getattr(err, 'strerror', None) or err}") from None
        if st.st_size != size:
            raise Damaged(f"{name}: {st.st_size} bytes, {size} expected")
        if (full or st.st_mtime_ns != mtime) and _file_hash(path) != sha:
            raise Damaged(f"{name}: content changed")


def build(files: Sequence[Path], target: Path, progress: Progress | None = None) -> None:
    """Build the store for `files` at `target`, atomically; a racing builder's result is fine."""
    root = target.parent
    root.mkdir(parents=True, exist_ok=True)
    tmp = root / f".build-{target.name}-{os.getpid()}-{os.urandom(4).hex()}"
    try:
        _fill(tmp, files, progress)
        ready = {"version": __version__, "files": _listing(tmp)}
        (tmp / READY).write_text(json.dumps(ready), encoding="utf-8")
        try:
            os.rename(tmp, target)
        except OSError:
            if not (target / READY).exists():
                raise
    finally:
        _remove(tmp)
    _prune(root, target)


VIEWS_PREFIX = "views-"  # folders of the views of graphs parsed into memory (views_folder)


def views_folder(files: Sequence[Path]) -> Path | None:
    """The folder for the precomputed views (graph/answers/precomputed.py) of a graph small
    enough to be parsed into memory at every run, named by the hash of its files, as a cached
    store's folder is: so a first `who` reads the claims, notes and dated items computed once
    for this data instead of asking for them again in every process (at the shipped graph's
    size that was a third of the answer). None where the cache folder cannot be written: the
    answers are then evaluated."""
    root = cache_root()
    target = root / f"{VIEWS_PREFIX}{selection_key(files)}"
    try:
        if target.is_dir():
            os.utime(target)  # recently used: kept by _prune_views
            return target
        target.mkdir(parents=True, exist_ok=True)
        _prune_views(root, target)
    except OSError:
        return None
    return target


def _prune_views(root: Path, keep: Path) -> None:
    """Keep the views of the most recently used graphs (each data set a user or a test
    opened leaves one folder of about 1 MB)."""
    found = [p for p in root.glob(f"{VIEWS_PREFIX}*") if p != keep]
    found.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for p in found[KEEP_VIEWS - 1 :]:
        shutil.rmtree(p, ignore_errors=True)


ANSWERS = "answers"  # folder in a store for its remembered query answers (LocalBackend.memo)


def open_cached(files: Sequence[Path], progress: Progress | None = None) -> ox.Store:
    """A read-only store holding exactly `files`, building it on first use."""
    return open_cached_folder(files, progress)[0]


def _notice(key: str, why: str) -> None:
    """One line on stderr: the cache is a speed-up, its trouble never stops a command."""
    from govgraph.graph.i18n import bilingual

    sys.stderr.write(f"govgraph: {bilingual(key)}: {why}\n")
    sys.stderr.flush()


def _aside(folder: Path) -> None:
    """Move a damaged store out of the readers' way, then remove it (a reader that still has
    it open keeps its files until it closes them)."""
    aside = folder.parent / f".damaged-{folder.name}-{os.urandom(4).hex()}"
    try:
        os.rename(folder, aside)
    except FileNotFoundError:
        return  # another process moved it first
    if aside.is_dir():
        shutil.rmtree(aside, ignore_errors=True)
    else:
        aside.unlink(missing_ok=True)


def _open(target: Path) -> ox.Store:
    """Open a checked store read-only and ask it one question; any refusal is Damaged."""
    check(target)
    try:
        store = ox.Store.read_only(str(target))
        next(iter(store.quads_for_pattern(None, None, None)), None)
    except (OSError, RuntimeError, ValueError) as err:
        raise Damaged(str(err).splitlines()[0][:200] if str(err) else type(err).__name__) from None
    return store


def open_cached_folder(
    files: Sequence[Path], progress: Progress | None = None
) -> tuple[ox.Store, Path]:
    """The read-only store for `files` (built on first use) and its folder.

    A damaged store is moved aside and rebuilt (one line on stderr). A cache folder that
    cannot be written raises OSError after one line on stderr; the caller loads into memory.
    """
    root = cache_root()
    target = root / f"store-{selection_key(files)}"
    damage = ""
    if target.exists() or target.is_symlink():
        try:
            store = _open(target)
        except Damaged as err:
            damage = f"{target.name[:18]}…: {err}"
            try:
                _aside(target)
            except OSError as why:
                _notice("curation.cache.unwritable", f"{damage}; {root}: {why.strerror or why}")
                raise
        else:
            try:
                os.utime(target / READY)  # mark as recently used
            except OSError:
                pass
            return store, target
    try:
        build(files, target, progress)
        store = _open(target)
    except (OSError, RuntimeError, Damaged) as err:  # RocksDB reports a full disk as RuntimeError
        why = f"{root}: {getattr(err, 'strerror', None) or err}"
        _notice("curation.cache.unwritable", f"{damage}; {why}" if damage else why)
        raise OSError(str(err)) from None
    if damage:
        _notice("curation.cache.rebuilt", damage)
    return store, target
