"""The user's source library: new source files, byte-identical, with a record each.

Layout under the data directory (GOVGRAPH_DATA_DIR, else $XDG_DATA_HOME/govgraph, else
~/.local/share/govgraph):

    sources/<id>.txt        the text quotes are checked against (the file itself for text)
    sources/<id>.<ext>      the original, byte-identical, when it is not plain text (PDF, XML)
    records/<id>.ttl        the source record (gg:SourceDocument)
    drafts/<id>.ttl         candidates proposed by `govgraph draft` (never loaded for answers)
    facts/<id>.ttl          the candidates a person accepted (loaded like the shipped facts)

Files are written under temporary names and renamed into place; the record is written last, so
a source exists only once all its files do. Every change of the library (add, remove, a review,
a draft written into drafts/) holds the library's lock (`.lock`), so parallel commands never
lose each other's work. An id is never given twice: a removed source's id is kept in
`retired-ids.txt`, and a new version is made only of the source named by `--version-of` or of
the one with the same title, never because two file names look alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pyoxigraph as ox

from govgraph.graph.errors import DataError, UsageError
from govgraph.graph.files import write_atomic
from govgraph.graph.i18n import bilingual
from govgraph.graph.namespaces import PREFIXES, compact
from govgraph.graph.sources.importers import Imported, read_source

GG, GGC, GGD = PREFIXES["gg"], PREFIXES["ggc"], PREFIXES["ggd"]
DCT, XSD, PROV = PREFIXES["dcterms"], PREFIXES["xsd"], PREFIXES["prov"]
DCAT = "http://www.w3.org/ns/dcat#"
RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
SOURCE_KINDS = {
    "primary": "primarySource",
    "official": "officialSource",
    "secondary": "secondarySource",
}
ORIGINAL_SUFFIX = {"pdf": ".pdf", "gii": ".xml"}
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def data_root() -> Path:
    """GOVGRAPH_DATA_DIR, else $XDG_DATA_HOME/govgraph, else ~/.local/share/govgraph."""
    from govgraph.graph.settings import read

    return read().data_dir


def sha256(data: bytes) -> str:
    """Hex SHA-256 of `data`. hashlib is imported here, not at the top: it loads OpenSSL, and
    `govgraph who` and the other answers import this module (for data_root) but never hash."""
    import hashlib

    return hashlib.sha256(data).hexdigest()


def slug(text: str) -> str:
    """A file name as a readable IRI-safe id: `NOOTS Staatsvertrag.pdf` → `noots-staatsvertrag`."""
    return _slug(text) or "quelle"


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold().translate(_UMLAUTS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].strip("-")


def file_id(stem: str, digest: str) -> str:
    """The id a new file gets: its slug, or for a name without Latin letters or digits
    (`中文.txt`) `quelle-` and the start of its SHA-256, so two such files never share an id."""
    return _slug(stem) or f"quelle-{digest[:8]}"


def _same_title(a: str, b: str) -> bool:
    return bool(a.strip()) and " ".join(a.casefold().split()) == " ".join(b.casefold().split())


LOCK_SECONDS = 120.0  # how long a change waits for another one to finish
_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,79}")


@dataclass
class SourceInfo:
    """One source of the library, as its record says."""

    id: str
    title: str
    kind: str
    local_file: str
    sha256: str
    original_file: str = ""
    original_sha256: str = ""
    revision_of: str = ""
    issued: str = ""

    @property
    def iri(self) -> str:
        return f"{GGD}source-{self.id}"


@dataclass
class AddResult:
    info: SourceInfo
    added: bool  # False: the same file was there already
    previous: SourceInfo | None = None  # the version this one revises


class Library:
    """The sources in one data directory; reading it never writes."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else data_root()

    def dir(self, name: str) -> Path:
        return self.root / name

    def record_path(self, source_id: str) -> Path:
        return self.dir("records") / f"{source_id}.ttl"

    def draft_path(self, source_id: str) -> Path:
        return self.dir("drafts") / f"{source_id}.ttl"

    def facts_path(self, source_id: str) -> Path:
        return self.dir("facts") / f"{source_id}.ttl"

    def text_path(self, info: SourceInfo) -> Path:
        return self.dir("sources") / info.local_file

    def sources(self) -> list[SourceInfo]:
        """Every source with a record, oldest first."""
        found = []
        for path in sorted(self.dir("records").glob("*.ttl")):
            info = _read_record(path)
            if info is not None:
                found.append(info)
        return found

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the library's lock: one change at a time, across processes (filelock)."""
        from filelock import FileLock, Timeout

        self.root.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.root / ".lock"), timeout=LOCK_SECONDS)
        try:
            lock.acquire()
        except Timeout:
            raise DataError(f"{self.root}: {bilingual('curation.lock.busy')}") from None
        try:
            yield
        finally:
            lock.release()

    def retired(self) -> set[str]:
        """Ids of removed sources: never given again."""
        try:
            text = (self.root / "retired-ids.txt").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return set()
        return {line.strip() for line in text.splitlines() if line.strip()}

    def _retire(self, source_id: str) -> None:
        ids = self.retired() | {source_id}
        write_atomic(self.root / "retired-ids.txt", "".join(f"{i}\n" for i in sorted(ids)).encode())

    def get(self, name: str, exact: bool = False) -> SourceInfo:
        """A source by id, IRI, file name or SHA-256 (full, or a prefix of 6+); without `exact`
        also by the start of its id. Anything that deletes passes `exact`: a name that only
        looks like another source's never touches it. One line if none or several match."""
        key = name.strip().removeprefix("ggd:source-").removeprefix(f"{GGD}source-")
        if not key:
            raise UsageError(f"{name!r}: {bilingual('curation.name.empty')}")
        infos = self.sources()
        for info in infos:
            names = {info.id, info.local_file, info.sha256, info.original_file}
            if key in names - {""}:
                return info
        if exact:
            raise UsageError(f"{name}: {bilingual('curation.name.exact')} ({self.root})")
        hits = [i for i in infos if len(key) >= 6 and i.sha256.startswith(key)]
        hits = hits or [i for i in infos if len(key) >= 3 and i.id.startswith(slug(key))]
        if len(hits) == 1:
            return hits[0]
        if not hits:
            raise UsageError(f"{name}: {bilingual('sources.library.no_such_source')} ({self.root})")
        ids = ", ".join(i.id for i in hits)
        raise UsageError(f"{name}: {bilingual('sources.library.ambiguous')}: {ids}")

    def text(self, info: SourceInfo) -> str:
        return self.text_path(info).read_text(encoding="utf-8")

    def add(
        self,
        path: Path,
        meta: dict[str, str],
        known: dict[str, str],
        version_of: str | None = None,
        new_id: str | None = None,
        shipped: list[SourceInfo] | None = None,
    ) -> AddResult:
        """Store `path` with its record, under the library's lock.

        `known` maps SHA-256 → IRI of the shipped documents (the same content is never a second
        source), `shipped` their records (for --version-of and titles). A new version is made
        only of `version_of` or of the one source with the same title; an id that is taken or
        retired is an error, never overwritten."""
        data, imported = read_source(path)
        digest = sha256(data)
        with self.lock():
            infos = self.sources()
            base = file_id(Path(path).stem, digest)
            for info in infos:
                if digest in (info.sha256, info.original_sha256):
                    same = info.id == base or re.fullmatch(rf"{re.escape(base)}-v\d+", info.id)
                    if same and version_of is None and new_id is None:
                        return AddResult(info, added=False)
                    raise DataError(
                        f"{path}: {bilingual('sources.library.same_content')} {info.id}"
                    )
            if digest in known:
                raise DataError(
                    f"{path}: {bilingual('sources.library.same_as_shipped')} "
                    f"{compact(known[digest])}"
                )
            meta = {"title": imported.title or Path(path).name, **meta}
            previous = self._previous(infos, shipped or [], meta["title"], version_of)
            source_id = self._new_id(infos, path, digest, previous, new_id)
            if previous is not None and previous.kind and "kind" not in meta:
                meta["kind"] = previous.kind
            info = self._write(source_id, data, digest, imported, meta, previous)
        return AddResult(info, added=True, previous=previous)

    def _previous(
        self, infos: list[SourceInfo], shipped: list[SourceInfo], title: str, version_of: str | None
    ) -> SourceInfo | None:
        """The source the new file is a version of: named, or the one with the same title."""
        if version_of is not None:
            key = version_of.strip().removeprefix("ggd:source-")
            for info in shipped:
                if key and key == info.id:
                    return info
            return self.get(version_of, exact=True)
        revised = {i.revision_of for i in infos}
        heads = [i for i in infos + shipped if _same_title(i.title, title) and i.iri not in revised]
        if len(heads) > 1:
            ids = ", ".join(i.id for i in heads)
            raise UsageError(f"{title}: {bilingual('curation.title.ambiguous', ids=ids)}")
        return heads[0] if heads else None

    def _new_id(
        self,
        infos: list[SourceInfo],
        path: Path,
        digest: str,
        previous: SourceInfo | None,
        new_id: str | None,
    ) -> str:
        """A fresh id: given, the next version number of `previous`, or from the file name."""
        taken = {i.id: i for i in infos}
        retired = self.retired()
        if new_id is None and previous is not None:
            root = re.sub(r"-v\d+$", "", previous.id)
            used = [
                i
                for i in [*taken, *retired]
                if i == root or re.fullmatch(rf"{re.escape(root)}-v\d+", i)
            ]
            numbers = [int(i.rsplit("-v", 1)[1]) if i != root else 1 for i in used]
            return f"{root}-v{max([1, *numbers]) + 1}"
        source_id = new_id.strip() if new_id is not None else file_id(Path(path).stem, digest)
        if not _ID.fullmatch(source_id):
            raise UsageError(f"--id {source_id!r}: {bilingual('curation.id.invalid')}")
        if source_id in taken:
            title = taken[source_id].title
            raise DataError(f"{path}: {bilingual('curation.id.taken', id=source_id, title=title)}")
        if source_id in retired or self.record_path(source_id).exists():
            raise DataError(f"{path}: {bilingual('curation.id.retired', id=source_id)}")
        return source_id

    def _write(
        self,
        source_id: str,
        data: bytes,
        digest: str,
        imported: Imported,
        meta: dict[str, str],
        previous: SourceInfo | None,
    ) -> SourceInfo:
        text_bytes = imported.text.encode("utf-8")
        original = ORIGINAL_SUFFIX.get(imported.kind)
        if original is None and text_bytes != data:  # CRLF, CR or a BOM: normalised at add,
            # the original kept byte-identical beside the text quotes are checked against
            original = ".original" + (".md" if imported.kind == "markdown" else ".txt")
        info = SourceInfo(
            id=source_id,
            title=meta["title"],
            kind=meta.get("kind") or ("primary" if imported.kind == "gii" else "secondary"),
            local_file=f"{source_id}{'.md' if imported.kind == 'markdown' else '.txt'}",
            sha256=sha256(text_bytes) if original else digest,
            original_file=f"{source_id}{original}" if original else "",
            original_sha256=digest if original else "",
            revision_of=previous.iri if previous else "",
            issued=meta.get("issued") or _iso(imported.issued),
        )
        for name in ("sources", "records"):
            self.dir(name).mkdir(parents=True, exist_ok=True)
        written: list[Path] = []
        try:
            if original:
                written.append(self.dir("sources") / info.original_file)
                write_atomic(written[-1], data)
            written.append(self.text_path(info))
            write_atomic(written[-1], text_bytes if original else data)
            record = record_turtle(info, meta, imported)
            write_atomic(self.record_path(source_id), record.encode("utf-8"))
        except BaseException:
            for done in written:
                done.unlink(missing_ok=True)
            raise
        return info

    def remove(self, name: str) -> tuple[SourceInfo, list[Path]]:
        """Delete the source of exactly this name with its drafts and accepted facts, under the
        lock. Its id is retired first, the facts go before the record and the record goes last,
        so an interrupted removal leaves a source that `source remove` still finds, never facts
        whose source has gone."""
        with self.lock():
            try:
                info = self.get(name, exact=True)
            except UsageError:
                info = self._orphan(name)
                if info is None:
                    raise
            self._retire(info.id)
            paths = [self.facts_path(info.id), self.draft_path(info.id), self.text_path(info)]
            if info.original_file:
                paths.append(self.dir("sources") / info.original_file)
            paths.append(self.record_path(info.id))
            removed = []
            for p in paths:
                if p.exists():
                    p.unlink()
                    removed.append(p)
        return info, removed

    def _orphan(self, name: str) -> SourceInfo | None:
        """Files of a source whose record is gone (left by hand or by an old govgraph): its
        facts or draft under exactly this id, so that `source remove` can still clear them."""
        key = name.strip()
        if not _ID.fullmatch(key):
            return None
        if not (self.facts_path(key).exists() or self.draft_path(key).exists()):
            return None
        return SourceInfo(key, "", "", f"{key}.txt", "")


def _iso(value: str) -> str:
    return value if re.fullmatch(r"\d{4}(-\d\d-\d\d)?", value or "") else ""


def _literal(value: str, lang: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(value, language=lang)
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return ox.Literal(value, datatype=ox.NamedNode(XSD + "date"))
    if re.fullmatch(r"\d{4}", value):
        return ox.Literal(value, datatype=ox.NamedNode(XSD + "gYear"))
    return ox.Literal(value)


def record_turtle(info: SourceInfo, meta: dict[str, str], imported: Imported) -> str:
    """The source record in the shared vocabulary, as Turtle."""
    s = ox.NamedNode(info.iri)
    triples = [
        (RDF_TYPE, ox.NamedNode(GG + "SourceDocument")),
        (ox.NamedNode(DCT + "title"), _literal(info.title, "de")),
        (ox.NamedNode(GG + "sourceKind"), ox.NamedNode(GGC + SOURCE_KINDS[info.kind])),
        (ox.NamedNode(DCT + "language"), ox.Literal("de")),
        (ox.NamedNode(GG + "localFile"), ox.Literal(info.local_file)),
        (ox.NamedNode(GG + "sha256"), ox.Literal(info.sha256)),
        (ox.NamedNode(GG + "addedOn"), _literal(date.today().isoformat())),
    ]
    publisher = meta.get("publisher") or "unbekannt / unknown"
    triples.append((ox.NamedNode(DCT + "publisher"), _publisher(publisher)))
    triples.append((ox.NamedNode(DCT + "issued"), _literal(info.issued or str(date.today().year))))
    if imported.short:
        triples.append((ox.NamedNode(GG + "shortName"), ox.Literal(imported.short)))
    for note in imported.notes[:3]:
        triples.append((ox.NamedNode(GG + "inForceNote"), _literal(note, "de")))
    if meta.get("url"):
        triples.append((ox.NamedNode(DCAT + "landingPage"), ox.NamedNode(meta["url"])))
    if info.original_file:
        triples.append((ox.NamedNode(GG + "originalFile"), ox.Literal(info.original_file)))
        triples.append((ox.NamedNode(GG + "originalSha256"), ox.Literal(info.original_sha256)))
    if info.revision_of:
        triples.append((ox.NamedNode(PROV + "wasRevisionOf"), ox.NamedNode(info.revision_of)))
    quads = [ox.Triple(s, p, o) for p, o in triples]
    prefixes = {k: PREFIXES[k] for k in ("gg", "ggc", "ggd", "dcterms", "prov", "xsd")}
    prefixes["dcat"] = DCAT
    body = ox.serialize(quads, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    return f"# Source record written by `govgraph source add`.\n{body.decode('utf-8')}"


def _publisher(value: str) -> ox.NamedNode | ox.Literal:
    """An IRI where the value is one (`https://…`, `ggd:…`), else the name as a literal."""
    iri = GGD + value[4:] if value.startswith("ggd:") else value
    if iri.startswith(("http://", "https://")):
        try:
            return ox.NamedNode(iri)
        except ValueError:
            pass  # "https://x.org/a b" is not an IRI: keep what was given, as text
    return ox.Literal(value)


def check_url(url: str) -> str:
    """An http(s) IRI the record can hold, or a one-line UsageError."""
    try:
        ox.NamedNode(url)
    except ValueError:
        raise UsageError(f"--url: {url!r} {bilingual('curation.url.invalid')}") from None
    return url


def check_issued(value: str) -> str:
    """YYYY or a real calendar day YYYY-MM-DD (2026-02-30 is refused), else a UsageError."""
    ok = re.fullmatch(r"\d{4}", value) is not None
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        try:
            date.fromisoformat(value)
            ok = True
        except ValueError:
            ok = False
    if not ok:
        raise UsageError(f"--issued: {value!r} {bilingual('curation.issued.invalid')}")
    return value


def _read_record(path: Path) -> SourceInfo | None:
    """The fields of one record file; a broken record is skipped (validate reports it)."""
    try:
        triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    except (SyntaxError, OSError):
        return None
    values: dict[str, str] = {}
    subject = ""
    for t in triples:
        if t.predicate == RDF_TYPE and t.object == ox.NamedNode(GG + "SourceDocument"):
            subject = t.subject.value
        local = t.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        values.setdefault(local, t.object.value)
    if not subject.startswith(f"{GGD}source-") or "localFile" not in values:
        return None
    kind = values.get("sourceKind", "").rsplit("/", 1)[-1]
    return SourceInfo(
        id=subject.removeprefix(f"{GGD}source-"),
        title=values.get("title", ""),
        kind={v: k for k, v in SOURCE_KINDS.items()}.get(kind, "secondary"),
        local_file=values["localFile"],
        sha256=values.get("sha256", ""),
        original_file=values.get("originalFile", ""),
        original_sha256=values.get("originalSha256", ""),
        revision_of=values.get("wasRevisionOf", ""),
        issued=values.get("issued", ""),
    )


def shipped_sources() -> list[SourceInfo]:
    """The records of the documents shipped with govgraph (for --version-of and titles)."""
    from govgraph.graph.store.resources import sources_dir

    found = [_read_record(path) for path in sorted(sources_dir().glob("*.ttl"))]
    return [info for info in found if info is not None]


def shipped_hashes() -> dict[str, str]:
    """SHA-256 → source IRI of every document shipped with govgraph (text and original)."""
    from govgraph.graph.store.resources import sources_dir

    found: dict[str, str] = {}
    for record in sorted(sources_dir().glob("*.ttl")):
        try:
            triples = list(ox.parse(path=str(record), format=ox.RdfFormat.TURTLE))
        except (SyntaxError, OSError):
            continue
        for t in triples:
            if t.predicate.value in (GG + "localFile", GG + "originalFile"):
                path = sources_dir() / t.object.value
                if path.is_file():
                    found[sha256(path.read_bytes())] = t.subject.value
    return found
