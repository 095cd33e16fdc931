"""`govgraph validate`: syntax, SHACL shapes, verbatim quotes, literal forms and dangling links.

Everything is collected, not stopped at the first problem, so a user fixes a file in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pyoxigraph as ox

from govgraph.graph.errors import DataError
from govgraph.graph.sparql.named import run_named
from govgraph.graph.store.backend import LocalBackend, Row
from govgraph.graph.store.dataset import DataSelection
from govgraph.graph.store.resources import shapes_file, sources_dir
from govgraph.graph.validation.turtle_lines import Locator

XSD = "http://www.w3.org/2001/XMLSchema#"
MAX_LOCATED = 500  # problems given a file:line (see _Checker.problem)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong, with where it is written."""

    file: str
    line: int
    node: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: " if self.file else ""
        node = f"{self.node}: " if self.node else ""
        return f"{where}{node}{self.message}"


@dataclass
class Report:
    files: list[Path] = field(default_factory=list)
    triples: int = 0
    syntax: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    quotes_checked: int = 0
    checks: list[str] = field(default_factory=list)

    @property
    def loaded(self) -> bool:
        return not self.syntax

    @property
    def conforms(self) -> bool:
        return self.loaded and not self.problems


def _plain_name(name: str) -> bool:
    """A file name without any folder part: what gg:localFile and gg:originalFile may hold."""
    return bool(name) and name not in (".", "..") and Path(name).name == name and "\\" not in name


def _lexical_ok(datatype: str, value: str) -> bool:
    """Whether a literal's text is a valid value of its XSD datatype."""
    kind = datatype[len(XSD) :] if datatype.startswith(XSD) else None
    try:
        if kind == "date":
            m = re.fullmatch(r"(-?\d{4,})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?", value)
            return bool(m) and bool(date(int(m[1]), int(m[2]), int(m[3])))
        if kind == "gYear":
            return re.fullmatch(r"-?\d{4,}(Z|[+-]\d{2}:\d{2})?", value) is not None
        if kind == "gYearMonth":
            m = re.fullmatch(r"-?\d{4,}-(\d{2})(Z|[+-]\d{2}:\d{2})?", value)
            return bool(m) and 1 <= int(m[1]) <= 12
        if kind in ("integer", "int", "long", "nonNegativeInteger", "positiveInteger"):
            return re.fullmatch(r"[+-]?\d+", value) is not None
        if kind == "decimal":
            return re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", value) is not None
        if kind == "boolean":
            return value in ("true", "false", "1", "0")
    except ValueError:
        return False
    return True


class _Checker:
    def __init__(self, files: list[Path], store: ox.Store, extra_roots: Iterable[Path]) -> None:
        self.files = files
        self.store = store
        self.locator = Locator(files)
        self.source_roots = [sources_dir(), *extra_roots]
        self.ill_typed: list[ox.Quad] = []
        self.backend = LocalBackend(store)
        self.located = 0

    def _owner(self, node: ox.NamedNode | ox.BlankNode, depth: int = 0) -> ox.NamedNode | None:
        """The named node a blank node hangs from (evidence, intervals …)."""
        if isinstance(node, ox.NamedNode) or depth > 5:
            return node if isinstance(node, ox.NamedNode) else None
        for quad in self.store.quads_for_pattern(None, None, node):
            owner = self._owner(quad.subject, depth + 1)
            if owner is not None:
                return owner
        return None

    def _rows(self, name: str) -> list[Row]:
        """The rows of an internal named query (queries/internal/NAME.rq) over the data checked."""
        return run_named(self.backend, f"internal/{name}")

    def problem(self, node, message: str, text: str | None = None) -> Problem:
        """The problem with the file:line where it is written. Finding that line reads the
        files line by line (~50 ms a problem in a file of 1M triples), so only the first
        MAX_LOCATED problems are located; the rest name their node only."""
        self.located += 1
        locate = self.located <= MAX_LOCATED
        where = self.locator.text(text) if text and locate else None
        owner = self._owner(node) if node is not None else None
        if where is None and owner is not None and locate:
            where = self.locator.iri(owner.value)
        name = self.locator.compact(owner.value) if owner is not None else ""
        if where is None:
            return Problem("", 0, name, message)
        return Problem(str(where[0]), where[1], name, message)

    def literals(self) -> list[Problem]:
        """Literals whose text is not a value of their datatype; counts the triples too."""
        found = []
        self.triples = 0
        for quad in self.store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            self.triples += 1
            obj = quad.object
            if isinstance(obj, ox.Literal) and not _lexical_ok(obj.datatype.value, obj.value):
                self.ill_typed.append(quad)
                dt = self.locator.compact(obj.datatype.value)
                found.append(
                    self.problem(
                        quad.subject,
                        f'malformed literal "{obj.value}"^^{dt} '
                        f"on {self.locator.compact(quad.predicate.value)}",
                        text=f'"{obj.value}"',
                    )
                )
        return found

    def _source_path(self, local_file: str) -> Path | None:
        """The stored file a record names: a plain file name in a sources folder, never a path
        that leads elsewhere (`../../etc/passwd`); None where there is no such file."""
        if not _plain_name(local_file):
            return None
        for root in self.source_roots:
            for candidate in (root / local_file, root / "sources" / local_file):
                if candidate.is_file():
                    return candidate
        return None

    def _source_text(self, local_file: str) -> str | None:
        path = self._source_path(local_file)
        if path is None:
            return None
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            return None
        except OSError:
            return None

    def _missing_text(self, local_file: str) -> str:
        """Why a source text cannot be read, in words."""
        from govgraph.graph.i18n import bilingual

        if not _plain_name(local_file):
            return f"{local_file!r}: {bilingual('curation.validate.outside')}"
        if self._source_path(local_file) is not None:
            return f"{local_file}: {bilingual('curation.validate.not_utf8')}"
        return f"source text {local_file!r} not found"

    def hashes(self) -> list[Problem]:
        """Every source file must still be the one its record describes (gg:sha256)."""
        import hashlib

        found = []
        for row in self._rows("source-file-hashes"):
            if not _plain_name(row["file"].value):
                found.append(self.problem(row["src"], self._missing_text(row["file"].value)))
                continue
            path = self._source_path(row["file"].value)
            if path is None:
                continue  # reported by quotes()
            actual = hashlib.sha256(path.read_bytes()).hexdigest()
            if actual != row["sha"].value.lower():
                found.append(
                    self.problem(
                        row["src"],
                        f"source file {row['file'].value} changed: SHA-256 {actual[:12]}… "
                        f"is not the recorded {row['sha'].value[:12]}…",
                    )
                )
        return found

    def locators(self) -> list[Problem]:
        """A stored locator (gg:locator) must be where the quote really stands in its source."""
        from govgraph.graph.sources.locators import locate

        found = []
        for row in self._rows("stored-locators"):
            path = self._source_path(row["file"].value)
            if path is None:
                continue
            original = self._source_path(row["original"].value) if "original" in row else None
            text = self._source_text(row["file"].value)
            if text is None:
                continue  # reported by quotes()
            where = locate(text, row["exact"].value, original)
            if where is not None and where != row["locator"].value:
                found.append(
                    self.problem(
                        row["ev"],
                        f'locator "{row["locator"].value}" is wrong: the quote stands at "{where}"',
                        text=row["locator"].value,
                    )
                )
        return found

    def quotes(self) -> tuple[int, list[Problem]]:
        texts: dict[str, str | None] = {}
        found, checked = [], 0
        for row in self._rows("quotes-to-check"):
            exact = row["exact"].value
            if "file" not in row:
                found.append(self.problem(row["ev"], "evidence names no source text", exact))
                continue
            name = row["file"].value
            if name not in texts:
                texts[name] = self._source_text(name)
            if texts[name] is None:
                found.append(self.problem(row["ev"], self._missing_text(name), text=exact))
                continue
            checked += 1
            if exact not in texts[name]:
                short = exact if len(exact) <= 70 else exact[:67] + "..."
                found.append(
                    self.problem(row["ev"], f'quote not in source {name}: "{short}"', text=exact)
                )
        return checked, found

    def dangling(self) -> list[Problem]:
        """Links to IRIs that nothing in the graph defines (typo or missing entity)."""
        found = []
        for row in self._rows("dangling-links"):
            found.append(
                self.problem(
                    row["s"],
                    f"{self.locator.compact(row['p'].value)} points at "
                    f"{self.locator.compact(row['o'].value)}, which is not defined (no rdf:type)",
                )
            )
        return found

    def shapes(self) -> list[Problem]:
        """The SHACL shapes, checked target by target in bounded batches (shacl_stream)."""
        import logging

        import rdflib

        from govgraph.graph.validation import shacl_stream

        # Ill-typed literals are reported by literals(); rdflib would log and pyshacl crash on them.
        logging.getLogger("rdflib.term").setLevel(logging.ERROR)
        shapes = rdflib.Graph().parse(shapes_file(), format="turtle")
        found = set()
        try:
            for result in shacl_stream.check(self.store, shapes, set(self.ill_typed)):
                message = result.message
                if result.value is not None:
                    message += f' (value "{result.value}")'
                if result.path is not None:
                    message = f"{self.locator.compact(result.path)}: {message}"
                found.add(self.problem(result.focus, message))
        except Exception as err:  # noqa: BLE001 - a checker bug must not hide the other checks
            return [Problem("", 0, "", f"SHACL check could not run: {err}")]
        return sorted(found)


def _syntax(path: Path) -> str | None:
    """The file's syntax error as one line (file:line:col: what), or None. The file is parsed as
    a stream and nothing is kept: at 1M triples a list of them took ~600 MB."""
    from govgraph.graph.store.turtle import (
        NO_TRIPLES,
        read_data_file,
        syntax_error_message,
        too_large_message,
    )

    try:
        read_data_file(path)  # unreadable or empty: its own message
        count = 0
        for _ in ox.parse(
            path=str(path), format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri()
        ):
            count += 1
    except DataError as err:
        return str(err)
    except SyntaxError as err:
        return syntax_error_message(path, err)
    except MemoryError as err:
        return too_large_message(path, err)
    except OSError as err:
        return f"{path}: cannot read: {err.strerror or err}"
    return None if count else f"{path}:1:1: {NO_TRIPLES}"


def graph_store(files: list[Path]) -> ox.Store:
    """The graph to check: from the store cache when the files are large (on disk, so 1M
    triples do not sit in memory twice), else parsed into memory."""
    from govgraph.graph.settings import read
    from govgraph.graph.store.dataset import load_store

    settings = read()
    if sum(f.stat().st_size for f in files) >= settings.cache_min_bytes and not settings.no_cache:
        from govgraph.graph.store.cache import open_cached

        try:
            return open_cached(files)
        except OSError:
            pass  # reported by the cache; check from memory
    return load_store(files)


def validate(selection: DataSelection, substitute: tuple[Path, Path] | None = None) -> Report:
    """Check every file of the selection; never raises for problems in the data.

    `substitute` (target, pending) checks the graph as it would be with `pending` in place of
    `target` (which may not exist yet): review validates a facts file before it is put there.
    """
    files = selection.files()
    if substitute is not None:
        target, pending = substitute
        files = [f for f in files if f.resolve() != target.resolve()] + [pending]
    report = Report(files=files)
    for path in report.files:
        problem = _syntax(path)
        if problem is not None:
            report.syntax.append(Problem("", 0, "", problem))
    report.checks.append("syntax")
    if report.syntax:
        return report
    store = graph_store(report.files)
    extra_roots = [p if p.is_dir() else p.parent for p in map(Path, selection.extra)]
    extra_roots += [selection.library] if selection.library is not None else []
    checker = _Checker(report.files, store, extra_roots)
    report.problems.extend(checker.literals())
    report.triples = checker.triples
    report.checks.append("literals")
    report.problems.extend(checker.shapes())
    report.checks.append("shapes")
    report.quotes_checked, quote_problems = checker.quotes()
    report.problems.extend(quote_problems)
    report.checks.append("quotes")
    report.problems.extend(checker.hashes())
    report.checks.append("hashes")
    report.problems.extend(checker.locators())
    report.checks.append("locators")
    report.problems.extend(checker.dangling())
    report.checks.append("links")
    report.problems = sorted(set(report.problems))
    return report
