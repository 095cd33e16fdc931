"""The named queries in queries/: one .rq per question, in grlc's conventions.

The header is YAML behind `#+` (as grlc reads it), e.g.:
    #+ summary: Who is responsible for a subject
    #+ description: Every responsibility, funding share …
    #+ tags:
    #+   - policy
    #+ defaults:
    #+   - lang: de
    #+ enumerate:
    #+   - lang:
    #+       - de
    #+       - en
Parameters are the query's variables that start with `?_` (mandatory) or `?__` (optional), read
with grlc's own pattern (gquery.get_parameters): a name of letters and digits, then at most one
of `_iri`, `_number`, `_literal`, `_integer`, `_PREFIX_TYPE` (a datatype, e.g. `_xsd_date`) or
`_LANG` (a language tag). So `?_subject_iri` is an IRI (or an entity resolved by label),
`?__at_xsd_date` an optional xsd:date, `?_text_de` a literal in German, `?_name` a plain string.
Here values are bound as RDF terms (store/binding.py), never spliced into the text; grlc splices
them. For both to give the same rows, a query never writes BOUND(?__name) (a constant after
grlc's rewrite is a syntax error there) but `sameTerm(COALESCE(?__name, false), false)` for
"not given", and applies its defaults itself: `BIND(COALESCE(STR(?__lang), "de") AS ?lang)`.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox

from govgraph.graph.errors import NotFoundError, UsageError
from govgraph.graph.store.resources import queries_dir

XSD = "http://www.w3.org/2001/XMLSchema#"
# grlc's pattern (gquery.get_parameters), anchored so that a longer variable is not cut short.
_VARIABLE = re.compile(
    r"[?$](?P<marker>__?)(?P<name>[A-Za-z0-9]+)"
    r"(?:_(?P<type>iri|number|literal|integer)(?![A-Za-z0-9]))?"
    r"(?:_(?P<prefix>[A-Za-z0-9]+)_(?P<userdefined>[A-Za-z0-9]+))?"
    r"(?:_(?P<lang>[A-Za-z0-9]+))?"
    r"(?![A-Za-z0-9_])"
)
_PREFIXES = {"xsd": XSD}


@dataclass(frozen=True)
class Param:
    """One query parameter, derived from a `?_name_type` variable."""

    variable: str  # the variable as written in the query, without `?`
    name: str  # what users type: --param NAME=VALUE
    kind: str  # "iri", "string", "lang", or "datatype"
    optional: bool
    language: str | None = None
    datatype: str | None = None  # full IRI for kind == "datatype"
    default: str | None = None

    @property
    def type_label(self) -> str:
        if self.kind == "datatype":
            return "xsd:" + self.datatype.removeprefix(XSD)
        if self.kind == "lang":
            return f"text@{self.language}"
        return self.kind

    def term(self, value: str) -> ox.NamedNode | ox.Literal:
        """The RDF term for a value the user typed (IRIs must be absolute)."""
        if self.kind == "iri":
            value = value.strip().removeprefix("<").removesuffix(">")
            if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]*$", value):
                raise UsageError(f"parameter {self.name}: not an IRI: {value!r}")
            return ox.NamedNode(value)
        if self.kind == "lang":
            return ox.Literal(value, language=self.language)
        if self.kind == "datatype":
            return ox.Literal(value, datatype=ox.NamedNode(self.datatype))
        return ox.Literal(value)


def _param(m: re.Match) -> Param:
    """A Param from a match of _VARIABLE, typed as grlc types it."""
    variable, name = m.group(0)[1:], m.group("name")
    optional = m.group("marker") == "__"
    kind = m.group("type")
    if kind == "iri":
        return Param(variable, name, "iri", optional)
    if kind in ("integer", "number"):
        datatype = XSD + ("integer" if kind == "integer" else "decimal")
        return Param(variable, name, "datatype", optional, datatype=datatype)
    if m.group("prefix"):
        base = _PREFIXES.get(m.group("prefix"))
        if base is None:
            raise UsageError(f"?{variable}: unknown datatype prefix {m.group('prefix')!r}")
        return Param(variable, name, "datatype", optional, datatype=base + m.group("userdefined"))
    if m.group("lang"):
        return Param(variable, name, "lang", optional, language=m.group("lang"))
    return Param(variable, name, "string", optional)


def _strip_comments_and_strings(text: str) -> str:
    text = re.sub(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'', '""', text)
    text = re.sub(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'', '""', text)
    text = re.sub(r"<[^<>\"{}|^`\\\s]*>", "<>", text)
    return re.sub(r"#[^\n]*", "", text)


def query_params(text: str, defaults: dict[str, str] | None = None) -> tuple[Param, ...]:
    """The parameters of a query text, in order of first appearance."""
    found: dict[str, Param] = {}
    for m in _VARIABLE.finditer(_strip_comments_and_strings(text)):
        variable = m.group(0)[1:]
        if variable not in found:
            p = _param(m)
            if defaults and p.name in defaults:
                p = Param(**{**p.__dict__, "default": str(defaults[p.name])})
            found[variable] = p
    return tuple(found.values())


@dataclass
class NamedQuery:
    """A query file; its parameters come from its variables, its description from the `#+`
    header, which is parsed (with YAML) only when asked for: running a query needs only the
    defaults, read without YAML (importing and running it costs ~20 ms per command)."""

    name: str
    path: Path
    params: tuple[Param, ...] = field(default_factory=tuple)
    source: str | None = field(default=None, repr=False)  # the text as read, else read on use

    @cached_property
    def header(self) -> dict:
        return read_header(self.text, str(self.path))

    @property
    def summary(self) -> str:
        return str(self.header.get("summary", self.name))

    @property
    def description(self) -> str:
        return " ".join(str(self.header.get("description", "")).split())

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(str(t) for t in self.header.get("tags", []) or [])

    @property
    def enumerate(self) -> dict[str, tuple[str, ...]]:
        """grlc's `#+ enumerate:` as {parameter: values}; a bare name (values to be found by
        a query) maps to ()."""
        found: dict[str, tuple[str, ...]] = {}
        for item in self.header.get("enumerate", []) or []:
            if isinstance(item, dict):
                found.update({str(k): tuple(str(v) for v in vs or []) for k, vs in item.items()})
            else:
                found[str(item)] = ()
        return found

    @property
    def text(self) -> str:
        if self.source is not None:
            return self.source
        return self.path.read_text(encoding="utf-8")

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name or p.variable.lstrip("_") == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise UsageError(f"query {self.name} has no parameter {name!r} (parameters: {known})")


def read_header(text: str, where: str) -> dict:
    lines = []
    for line in text.splitlines():
        if line.startswith("#+"):
            lines.append(line[3:] if line.startswith("#+ ") else line[2:])
        elif line.strip() and not line.startswith("#"):
            break
    if not lines:
        return {}
    import yaml

    try:
        header = yaml.safe_load("\n".join(lines)) or {}
    except yaml.YAMLError as err:
        raise UsageError(f"{where}: bad #+ header: {err}") from None
    if not isinstance(header, dict):
        raise UsageError(f"{where}: the #+ header must be a mapping")
    return header


def header_defaults(raw) -> dict[str, str]:
    """grlc writes defaults as a list of one-key mappings; accept a mapping too."""
    if isinstance(raw, dict):
        return {str(k): str(v) for k, v in raw.items()}
    merged: dict[str, str] = {}
    for item in raw or []:
        if isinstance(item, dict):
            merged.update({str(k): str(v) for k, v in item.items()})
    return merged


_DEFAULTS_BLOCK = re.compile(r"^#\+\s*defaults:\s*\n((?:#\+\s+-\s+[^\n]*\n)*)", re.MULTILINE)
_DEFAULT_ITEM = re.compile(r"^#\+\s+-\s+([A-Za-z_][A-Za-z0-9_]*):\s*(.*?)\s*$", re.MULTILINE)


def quick_defaults(text: str, where: str) -> dict[str, str]:
    """The `#+ defaults:` of a header in the grlc list form (`#+   - lang: de`), without YAML;
    any other form is left to the YAML reader."""
    if "#+" not in text or "defaults:" not in text:
        return {}
    block = _DEFAULTS_BLOCK.search(text)
    if block is None:
        return header_defaults(read_header(text, where).get("defaults"))
    items = _DEFAULT_ITEM.findall(block.group(1))
    if len(items) != block.group(1).count("\n") or any(v[:1] in "\"'[{&*!|>" for _, v in items):
        return header_defaults(read_header(text, where).get("defaults"))
    return dict(items)


def read_query_file(path: Path) -> NamedQuery:
    """A NamedQuery from a .rq file: parameters from `?_` variables, defaults from the header."""
    text = path.read_text(encoding="utf-8")
    return NamedQuery(
        name=path.stem,
        path=path,
        params=query_params(text, quick_defaults(text, str(path))),
        source=text,
    )


def all_queries(directory: Path | None = None) -> list[NamedQuery]:
    return [read_query_file(p) for p in sorted((directory or queries_dir()).glob("*.rq"))]


_READ: dict[Path, tuple[tuple[int, int], NamedQuery]] = {}  # path → (its stamp, the query)


def named_query(name: str) -> NamedQuery:
    """The query queries/NAME.rq, read once per process while the file stays as it was (a web
    page asks 8-12 named queries; reading and parsing each file every time was ~1.5 ms)."""
    path = queries_dir() / f"{name}.rq"
    try:
        found = path.stat()
    except OSError:
        found = None
    if found is None or not stat.S_ISREG(found.st_mode):
        known = ", ".join(q.name for q in all_queries())
        raise NotFoundError(f"no named query {name!r}; known: {known}")
    stamp = (found.st_mtime_ns, found.st_size)
    kept = _READ.get(path)
    if kept is not None and kept[0] == stamp:
        return kept[1]
    query = read_query_file(path)
    _READ[path] = (stamp, query)
    return query
