"""The persisted store cache: reused, rebuilt on change, safe with concurrent builders."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import evidence, generated_graph
from govgraph.graph.answers.precomputed import ensure
from govgraph.graph.store import cache
from govgraph.graph.store.cache import clear
from govgraph.graph.store.dataset import DataSelection
from govgraph.graph.store.session import open_backend

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _entity(n: int) -> str:
    return (
        f"ggd:probe-{n} a gg:Ministry ;\n"
        f'  skos:prefLabel "Probe {n}"@de , "Probe {n}"@en ;\n'
        '  skos:definition "d"@de , "d"@en ;\n  ' + evidence("Digitalisierung") + " .\n"
    )


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("GOVGRAPH_CACHE_DIR", str(folder))
    monkeypatch.setenv("GOVGRAPH_CACHE_MIN_BYTES", "0")  # cache even the small test graphs
    return folder


def _count(selection: DataSelection) -> int:
    return int(open_backend(selection).select(COUNT)[0]["n"].value)


def test_store_is_built_once_and_reused(fresh_cache, write_ttl):
    path = write_ttl("mine.ttl", _entity(1))
    selection = DataSelection(extra=(path,))
    first = _count(selection)
    stores = list(fresh_cache.glob("store-*"))
    assert len(stores) == 1 and (stores[0] / cache.READY).exists()
    marker = (stores[0] / cache.READY).stat().st_ino
    assert _count(selection) == first
    assert list(fresh_cache.glob("store-*")) == stores
    assert (stores[0] / cache.READY).stat().st_ino == marker  # not rebuilt


def test_changed_fact_file_rebuilds(fresh_cache, write_ttl):
    path = write_ttl("mine.ttl", _entity(1))
    selection = DataSelection(extra=(path,))
    before = _count(selection)
    write_ttl("mine.ttl", _entity(1) + _entity(2))
    after = _count(selection)
    assert after > before
    assert len(list(fresh_cache.glob("store-*"))) == 2


def test_same_size_same_mtime_edit_is_still_seen(fresh_cache, write_ttl):
    """The hash memo trusts size+mtime; an edit that keeps both must not be served stale."""
    path = write_ttl("mine.ttl", _entity(1))
    selection = DataSelection(extra=(path,))
    _count(selection)
    stat = path.stat()
    path.write_text(path.read_text().replace("Probe 1", "Probe 7"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    rows = open_backend(selection).select(
        'SELECT ?x WHERE { ?x <http://www.w3.org/2004/02/skos/core#prefLabel> "Probe 7"@de }'
    )
    assert len(rows) == 1


def test_bad_file_leaves_no_store(fresh_cache, write_ttl):
    from govgraph.graph.errors import DataError

    path = write_ttl("bad.ttl", 'ggd:x a gg:Ministry ; skos:prefLabel "x\n')
    with pytest.raises(DataError, match=r"bad\.ttl:10:"):
        open_backend(DataSelection(extra=(path,)))
    assert list(fresh_cache.glob("store-*")) == []
    assert list(fresh_cache.glob(".build-*")) == []


BUILDER = """
import sys
from pathlib import Path
from govgraph.graph.store.dataset import DataSelection
from govgraph.graph.store.session import open_backend
rows = open_backend(DataSelection(extra=(Path(sys.argv[1]),))).select(
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
print(rows[0]["n"].value)
"""


def test_two_concurrent_builders(fresh_cache, tmp_path):
    big = tmp_path / "big.ttl"
    lines = ["@prefix ex: <http://example.org/> ."]
    lines += [f'ex:s{i} ex:p ex:o{i % 97} ; ex:label "item {i}" .' for i in range(60000)]
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = {**os.environ, "GOVGRAPH_CACHE_DIR": str(fresh_cache)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", BUILDER, str(big)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(3)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [o[1] for o in outputs]
    counts = {o[0].strip() for o in outputs}
    assert len(counts) == 1
    assert int(counts.pop()) > 120000
    stores = list(fresh_cache.glob("store-*"))
    assert len(stores) == 1 and (stores[0] / cache.READY).exists()
    assert list(fresh_cache.glob(".build-*")) == []


def test_interrupted_build_is_invisible(fresh_cache, tmp_path):
    big = tmp_path / "big.ttl"
    lines = ["@prefix ex: <http://example.org/> ."]
    lines += [f'ex:s{i} ex:p ex:o{i} ; ex:label "item {i}" .' for i in range(150000)]
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = {**os.environ, "GOVGRAPH_CACHE_DIR": str(fresh_cache)}
    proc = subprocess.Popen([sys.executable, "-c", BUILDER, str(big)], env=env)
    import time

    deadline = time.monotonic() + 60
    while not list(fresh_cache.glob(".build-*")) and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.kill()
    assert proc.wait() == -signal.SIGKILL  # killed in the middle, not finished before
    assert [p for p in fresh_cache.glob("store-*") if not (p / cache.READY).exists()] == []
    # the next run builds a complete store
    assert int(open_backend(DataSelection(extra=(big,))).select(COUNT)[0]["n"].value) > 300000


def test_cache_commands(govgraph, fresh_cache):
    assert govgraph("stats").code == 0
    info = govgraph("cache", "info")
    assert info.code == 0 and "Stores: 1" in info.out
    assert govgraph("cache", "clear").code == 0
    assert "Stores: 0" in govgraph("cache", "info").out


def test_unwritable_cache_falls_back_to_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("GOVGRAPH_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setenv("GOVGRAPH_CACHE_MIN_BYTES", "0")
    assert _count(DataSelection()) > 1000


def test_small_graph_stays_in_memory(monkeypatch, fresh_cache):
    """A small graph is parsed into memory (no store is built); only its views are kept, in a
    folder named by its data, reused by the next process and cleared with the stores."""
    monkeypatch.setenv("GOVGRAPH_CACHE_MIN_BYTES", str(10**9))
    assert _count(DataSelection()) > 1000
    root = Path(fresh_cache)
    assert not list(root.glob("store-*"))
    (views,) = root.glob("views-*")
    backend = open_backend(DataSelection())
    assert backend.views == views
    ensure(backend, "de")
    assert (views / "READY-de").exists()
    assert clear() == 0 and not views.exists()


def test_views_of_small_graphs_are_pruned(monkeypatch, fresh_cache, tmp_path):
    """Every data set opened leaves its views; only the most recently used are kept."""
    monkeypatch.setenv("GOVGRAPH_CACHE_MIN_BYTES", str(10**9))
    monkeypatch.setattr(cache, "KEEP_VIEWS", 2)
    for n in range(4):
        own = tmp_path / f"own-{n}.ttl"
        own.write_text(f'<urn:x:{n}> <urn:x:p> "{n}" .\n', encoding="utf-8")
        open_backend(DataSelection(builtin=False, extra=(own,)))
    assert len(list(Path(fresh_cache).glob("views-*"))) == 2


def test_no_cache_env(monkeypatch, fresh_cache):
    monkeypatch.setenv("GOVGRAPH_NO_CACHE", "1")
    assert _count(DataSelection()) > 1000
    assert not Path(fresh_cache).exists()


def test_cached_store_resolves_exact_labels_through_the_key_index(fresh_cache):
    from govgraph.graph.sparql.entities import EntityIndex

    backend = open_backend(DataSelection())
    index = EntityIndex(backend)
    expected = {
        "IT-PLR": "it-planungsrat",
        "itplr": "it-planungsrat",
        "Städtetag": "staedtetag-rlp",
        "Staedtetag": "staedtetag-rlp",
        "stadtetag": "staedtetag-rlp",
        "Registermodernisierung": "registermodernisierung",
        "MASTD": "mastd",
    }
    for text, local in expected.items():
        assert index.resolve(text).iri.endswith("/" + local), text
    assert index._entities is None  # no full scan of all labels was needed
    # what the index cannot answer (a prefix) falls back to the full label list
    assert index.resolve("Landeskoordination").iri.endswith("/landeskoordination-regmo")
    assert index._entities is not None


def test_key_index_stays_out_of_the_default_graph(fresh_cache):
    backend = open_backend(DataSelection())
    rows = backend.select(
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o "
        "FILTER(STRSTARTS(STR(?p), 'https://w3id.org/govgraph/index#')) }"
    )
    assert rows[0]["n"].value == "0"


# --- a cache that heals (issue 26) ----------------------------------------------------------


def test_an_edit_with_the_same_size_and_time_is_seen(fresh_cache, write_ttl):
    """`cp -p` and `rsync -t` keep size and modification time: only the content tells."""
    path = write_ttl("mine.ttl", _entity(1))
    selection = DataSelection(extra=(path,))
    _count(selection)
    stat = path.stat()
    path.write_text(path.read_text().replace("Probe 1", "Probe 7"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns
    rows = open_backend(selection).select(
        'SELECT ?x WHERE { ?x <http://www.w3.org/2004/02/skos/core#prefLabel> "Probe 7"@de }'
    )
    assert len(rows) == 1


def _sst(store: Path, n: int = 0) -> Path:
    return sorted(store.glob("*.sst"), key=lambda p: p.stat().st_size, reverse=True)[n]


def _keep_time(path: Path, change) -> None:
    stat = path.stat()
    change(path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def _flip(path: Path) -> None:
    with path.open("r+b") as f:
        f.seek(path.stat().st_size // 3)
        f.write(b"\xff" * 8)


FAULTS = {
    "truncate-sst": lambda s: os.truncate(_sst(s), _sst(s).stat().st_size // 2),
    "delete-sst": lambda s: _sst(s).unlink(),
    "overwrite-sst": lambda s: _sst(s).write_bytes(os.urandom(_sst(s).stat().st_size)),
    "overwrite-sst-keep-time": lambda s: _keep_time(
        _sst(s), lambda p: p.write_bytes(os.urandom(p.stat().st_size))
    ),
    "flip-bytes-keep-time": lambda s: _keep_time(_sst(s), _flip),
    "empty-current": lambda s: (s / "CURRENT").write_bytes(b""),
    "delete-current": lambda s: (s / "CURRENT").unlink(),
    "overwrite-manifest": lambda s: [
        p.write_bytes(os.urandom(p.stat().st_size)) for p in s.glob("MANIFEST-*")
    ],
    "delete-manifest": lambda s: [p.unlink() for p in s.glob("MANIFEST-*")],
    "delete-logs": lambda s: [p.unlink() for p in s.glob("*.log")],
    "truncate-options": lambda s: [os.truncate(p, 10) for p in s.glob("OPTIONS-*")],
    "delete-ready": lambda s: (s / cache.READY).unlink(),
    "empty-ready": lambda s: (s / cache.READY).write_bytes(b""),
    "ready-wrong-json": lambda s: (s / cache.READY).write_text('{"files": [1, 2]}'),
    "ready-wrong-entries": lambda s: (s / cache.READY).write_text('{"files": {"CURRENT": [1]}}'),
    "store-is-a-file": lambda s: (shutil.rmtree(s), s.write_text("x")),
    "store-is-empty": lambda s: (shutil.rmtree(s), s.mkdir()),
    "hashes-json-wrong-shape": lambda s: (s.parent / "hashes.json").write_text("[1, 2]"),
    "hashes-json-garbage": lambda s: (s.parent / "hashes.json").write_bytes(os.urandom(300)),
}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    """A few thousand triples shaped like the real facts (benchmarks/generate.py)."""
    return generated_graph(tmp_path_factory.mktemp("synthetic"), 20000)


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_every_fault_answers_correctly_or_rebuilds(govgraph, fresh_cache, synthetic, fault):
    args = ("--data", str(synthetic), "stats")
    right = govgraph(*args)
    assert right.code == 0 and right.err == "", right.err
    (store,) = fresh_cache.glob("store-*")
    FAULTS[fault](store)
    for _ in range(2):  # the first run heals, the second uses the healed store silently
        result = govgraph(*args)
        assert result.code == 0, result.err
        assert result.out == right.out
        assert "Traceback" not in result.err and result.err.count("\n") <= 1
    healed = govgraph(*args)
    assert healed.err == "" and healed.out == right.out
    assert cache.check(store) is None  # the store in place is whole again
    assert list(fresh_cache.glob(".damaged-*")) == []


def test_a_damaged_store_is_rebuilt_with_one_notice(govgraph, fresh_cache, synthetic):
    assert govgraph("--data", str(synthetic), "stats").code == 0
    (store,) = fresh_cache.glob("store-*")
    os.truncate(_sst(store), 100)
    result = govgraph("--data", str(synthetic), "stats")
    assert result.code == 0
    assert result.err.startswith("govgraph: ") and "cache unusable, moved aside and rebuilt" in (
        result.err
    )
    assert result.err.count("\n") == 1 and ".sst" in result.err


def test_an_unwritable_cache_says_so_once_and_answers(govgraph, tmp_path, monkeypatch, synthetic):
    blocker = tmp_path / "datei"
    blocker.write_text("x")
    monkeypatch.setenv("GOVGRAPH_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setenv("GOVGRAPH_CACHE_MIN_BYTES", "0")
    result = govgraph("--data", str(synthetic), "stats")
    assert result.code == 0 and "Tripel" in result.out
    assert result.err.count("\n") == 1 and "cache not writable" in result.err


def _read_only_run(cache_dir: Path, data: Path) -> subprocess.CompletedProcess:
    """`govgraph --data DATA stats` with the cache folder mounted read-only, in a private user
    and mount namespace (root ignores file modes, not a read-only mount; no root needed)."""
    command = (
        f"mount --bind {cache_dir} {cache_dir} && mount -o remount,bind,ro {cache_dir} && "
        f'exec "{sys.executable}" -c "from govgraph.cli.main import run; run()" '
        f"--data {data} stats"
    )
    env = {**os.environ, "GOVGRAPH_CACHE_DIR": str(cache_dir), "GOVGRAPH_CACHE_MIN_BYTES": "0"}
    return subprocess.run(
        ["unshare", "--map-root-user", "--mount", "sh", "-c", command],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


@pytest.mark.parametrize("state", ["whole", "damaged", "empty"])
def test_a_read_only_cache_answers(govgraph, fresh_cache, synthetic, state):
    right = govgraph("--data", str(synthetic), "stats")
    assert right.code == 0
    if state == "empty":
        shutil.rmtree(fresh_cache)
        fresh_cache.mkdir()
    elif state == "damaged":
        (store,) = fresh_cache.glob("store-*")
        os.truncate(_sst(store), 100)
    before = sorted(p.name for p in fresh_cache.iterdir())
    done = _read_only_run(fresh_cache, synthetic)
    assert done.returncode == 0 and done.stdout == right.out, done.stderr
    assert "Traceback" not in done.stderr
    if state == "whole":
        assert done.stderr == ""
    else:
        assert done.stderr.count("\n") == 1 and "cache not writable" in done.stderr
        assert "Read-only file system" in done.stderr
    assert sorted(p.name for p in fresh_cache.iterdir()) == before
