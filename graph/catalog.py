"""The named queries in queries/: one .rq per question, described by its comment header.

Header lines (before the first non-comment line):
    # title: Who is responsible for a subject
    # description: Every responsibility … (may repeat; lines are joined)
    # param: subject entity  The topic, programme, system … (required)
    # param: at date optional  As-of date; default today
Parameter kinds: entity (resolved by label), iri, date, string, integer, decimal, lang.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import NotFoundError
from .resources import queries_dir

PARAM_KINDS = ("entity", "iri", "date", "string", "integer", "decimal", "lang")
_HEADER = re.compile(r"^#\s*(title|description|param)\s*:\s*(.*)$")


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    optional: bool
    description: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path
    title: str
    description: str
    params: tuple[Param, ...] = field(default_factory=tuple)

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def _parse_param(spec: str, where: str) -> Param:
    parts = spec.split(None, 2)
    if len(parts) < 2 or parts[1] not in PARAM_KINDS:
        raise ValueError(f"{where}: bad param line {spec!r} (want: NAME KIND [optional] TEXT)")
    name, kind = parts[0], parts[1]
    rest = parts[2] if len(parts) > 2 else ""
    optional = rest.startswith("optional")
    if optional:
        rest = rest[len("optional") :].strip()
    return Param(name=name, kind=kind, optional=optional, description=rest)


def read_query_file(path: Path) -> NamedQuery:
    """A NamedQuery from a .rq file's comment header."""
    title, description, params = "", [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _HEADER.match(line)
        if not m:
            continue
        key, value = m.group(1), m.group(2).strip()
        if key == "title":
            title = value
        elif key == "description":
            description.append(value)
        else:
            params.append(_parse_param(value, f"{path}:{number}"))
    return NamedQuery(
        name=path.stem,
        path=path,
        title=title or path.stem,
        description=" ".join(description),
        params=tuple(params),
    )


def all_queries(directory: Path | None = None) -> list[NamedQuery]:
    return [read_query_file(p) for p in sorted((directory or queries_dir()).glob("*.rq"))]


def named_query(name: str) -> NamedQuery:
    path = queries_dir() / f"{name}.rq"
    if not path.is_file():
        known = ", ".join(q.name for q in all_queries())
        raise NotFoundError(f"no named query {name!r}; known: {known}")
    return read_query_file(path)
