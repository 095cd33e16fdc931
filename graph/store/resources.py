"""Where the shipped ontology, facts, sources and queries live, from any working directory."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path


def _package_dir(package: str) -> Path:
    """The folder of a package. Its `__path__` rather than `importlib.resources.files`, which
    imports zipfile and its readers (~5 ms of every start) for packages that are plain folders."""
    return Path(next(iter(import_module(package).__path__)))


def ontology_dir() -> Path:
    return _package_dir("govgraph.ontology")


def ontology_file() -> Path:
    return ontology_dir() / "govgraph.ttl"


def concepts_file() -> Path:
    return ontology_dir() / "concepts.ttl"


def declarations_file() -> Path:
    """Declarations of the reused terms for OWL tools; not loaded into the store."""
    return ontology_dir() / "declarations.ttl"


def shapes_file() -> Path:
    return ontology_dir() / "shapes.ttl"


def facts_dir() -> Path:
    return _package_dir("govgraph.graph.facts")


def sources_dir() -> Path:
    return _package_dir("govgraph.graph.documents")


def queries_dir() -> Path:
    return _package_dir("govgraph.queries")


def vocabulary_files() -> list[Path]:
    """The ontology, its concept schemes (roles, statuses, levels …) and the curation vocabulary:
    always loaded, also with --no-builtin, so users' facts have their classes and concepts."""
    return [ontology_file(), concepts_file(), ontology_dir() / "curation.ttl"]


def builtin_data_files() -> list[Path]:
    """The source records and the curated facts shipped with govgraph, in a stable order."""
    return sorted(sources_dir().glob("*.ttl")) + sorted(facts_dir().glob("*.ttl"))
