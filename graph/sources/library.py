"""The user's source library: new source files, byte-identical, with a record each.

Layout under the data directory (GOVGRAPH_DATA_DIR, else $XDG_DATA_HOME/govgraph, else
~/.local/share/govgraph):

    sources/<id>.txt        the text quotes are checked against (the file itself for text)
    sources/<id>.<ext>      the original, byte-identical, when it is not plain text (PDF, XML)
    records/<id>.ttl        the source record (gg:SourceDocument)
    drafts/<id>.ttl         candidates proposed by `govgraph draft` (never loaded for answers)
    facts/<id>.ttl          the candidates a person accepted (loaded like the shipped facts)

Files are written under temporary names and renamed into place; the record is written last, so
a source exists only once all its files do.
"""

from __future__ import annotations

import re
import unicodedata
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
    text = unicodedata.normalize("NFKD", text.casefold().translate(_UMLAUTS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60] or "quelle"


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

    def get(self, name: str) -> SourceInfo:
        """A source by id, IRI, file name or SHA-256 prefix; one line if none or several match."""
        key = name.strip().removeprefix("ggd:source-").removeprefix(f"{GGD}source-")
        infos = self.sources()
        for info in infos:
            if key in (info.id, info.local_file, info.original_file) or key == info.sha256:
                return info
        hits = [i for i in infos if len(key) >= 6 and i.sha256.startswith(key)]
        hits = hits or [i for i in infos if i.id.startswith(slug(key))]
        if len(hits) == 1:
            return hits[0]
        if not hits:
            raise UsageError(f"{name}: {bilingual('sources.library.no_such_source')} ({self.root})")
        ids = ", ".join(i.id for i in hits)
        raise UsageError(f"{name}: {bilingual('sources.library.ambiguous')}: {ids}")

    def text(self, info: SourceInfo) -> str:
        return self.text_path(info).read_text(encoding="utf-8")

    def add(self, path: Path, meta: dict[str, str], known: dict[str, str]) -> AddResult:
        """Store `path` with its record; `known` maps SHA-256 → id of sources outside the library
        (the shipped documents), so the same content is never a second source."""
        data, imported = read_source(path)
        digest = sha256(data)
        base = slug(Path(path).stem)
        infos = self.sources()
        for info in infos:
            if digest in (info.sha256, info.original_sha256):
                if info.id == base or info.id.startswith(base + "-v"):
                    return AddResult(info, added=False)
                raise DataError(f"{path}: {bilingual('sources.library.same_content')} {info.id}")
        if digest in known:
            raise DataError(
                f"{path}: {bilingual('sources.library.same_as_shipped')} {compact(known[digest])}"
            )
        versions = [
            i for i in infos if i.id == base or re.fullmatch(rf"{re.escape(base)}-v\d+", i.id)
        ]
        previous = versions[-1] if versions else None
        source_id = f"{base}-v{len(versions) + 1}" if versions else base
        if not versions and f"{GGD}source-{base}" in known.values():
            previous = SourceInfo(base, "", "", "", "")  # revises a shipped source
            source_id = f"{base}-v2"
        meta = {"title": imported.title or Path(path).name, **meta}
        if previous is not None and previous.kind and "kind" not in meta:
            meta["kind"] = previous.kind
        info = self._write(source_id, data, digest, imported, meta, previous)
        return AddResult(info, added=True, previous=previous)

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

    def remove(self, info: SourceInfo) -> list[Path]:
        """Delete a source with its drafts and accepted facts; the record goes first, so an
        interrupted removal never leaves facts whose source has gone."""
        paths = [
            self.record_path(info.id),
            self.facts_path(info.id),
            self.draft_path(info.id),
            self.text_path(info),
        ]
        if info.original_file:
            paths.append(self.dir("sources") / info.original_file)
        removed = []
        for p in paths:
            if p.exists():
                p.unlink()
                removed.append(p)
        return removed


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
    if value.startswith(("http://", "https://")):
        return ox.NamedNode(value)
    if value.startswith("ggd:"):
        return ox.NamedNode(GGD + value[4:])
    return ox.Literal(value)


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
