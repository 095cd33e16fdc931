"""The RDF graph seen as a network: entities are nodes, relations and facts are labelled edges.

Network views (HTML, SVG, PNG), the Gephi/Cytoscape exports and `govgraph path` all work on this
one projection, a networkx MultiDiGraph built from three named queries (network-nodes,
network-edges, network-facts), so it works unchanged against a remote endpoint.

An n-ary fact (a responsibility, a funding share, a demand …) becomes, as the user chooses:
- `facts="edge"`: one readable edge per actor and subject ("Finanzierung 50 %"), plus one edge
  to each addressee of a demand ("Forderung an"); a fact without actor or subject stays a node;
- `facts="node"`: a small node of its own, linked to its actors, subjects and addressees.

networkx is imported here, so only the network commands pay for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import networkx as nx

from govgraph.graph.errors import UsageError
from govgraph.graph.i18n import LANGS, MESSAGES, bilingual, message
from govgraph.graph.namespaces import compact as _compact
from govgraph.graph.sparql.entities import normalize
from govgraph.graph.sparql.runner import run_named
from govgraph.graph.store.backend import Backend

FACT_MODES = ("edge", "node")

# Kinds of nodes, in legend order; the network-nodes query assigns them. Their words in both
# languages are the catalogue's views.kind.<id>, as are the labels of the reused vocabularies'
# properties (views.property.<prefix:name>), which the ontology references but does not label.
KINDS: tuple[str, ...] = (
    "federal",
    "state",
    "municipal",
    "joint",
    "actor",
    "body",
    "agreement",
    "law",
    "programme",
    "system",
    "register",
    "work",
    "event",
    "topic",
    "fact",
)

# Short words users type for --type, besides the kind ids and legend labels.
KIND_ALIASES: dict[str, str] = {
    "bund": "federal",
    "land": "state",
    "laender": "state",
    "kommunal": "municipal",
    "kommune": "municipal",
    "gremium": "body",
    "committee": "body",
    "vereinbarung": "agreement",
    "gesetz": "law",
    "programm": "programme",
    "program": "programme",
    "system": "system",
    "frist": "event",
    "deadline": "event",
    "ereignis": "event",
    "thema": "topic",
}

# Types, levels and properties repeat on every row: remembering their short forms saves a
# prefix scan per row (0.4 s at 10,000 entities).
compact = lru_cache(maxsize=4096)(_compact)


def property_label(iri: str, label: str | None, lang: str) -> str:
    """The relation in plain words: the ontology's label, a known label, or its local name."""
    if label:
        return label
    name = compact(iri)
    key = f"views.property.{name}"
    if key in MESSAGES:
        return message(key, lang)
    return name.split(":", 1)[-1] if ":" in name else name.rsplit("/", 1)[-1]


def kind_label(kind: str, lang: str) -> str:
    """The kind in words ("Akteur Bund"); an unknown kind as it is."""
    return message(f"views.kind.{kind}", lang) if kind in KINDS else kind


@lru_cache(maxsize=64)
def kind_names(kind: str) -> tuple[str, ...]:
    """The kind's words in every language: --type accepts either, whatever --lang says."""
    return tuple(kind_label(kind, lang) for lang in LANGS) if kind in KINDS else ()


def share_text(value: str, lang: str) -> str:
    """0.5 -> "50 %" (German spacing) or "50%"."""
    try:
        percent = float(value) * 100
    except ValueError:
        return value
    number = f"{percent:.1f}".rstrip("0").rstrip(".")
    number = number.replace(".", message("views.decimal_point", lang))
    return message("views.percent", lang, number=number)


@dataclass
class _Fact:
    iri: str
    type: str = ""
    type_label: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    actors: list[str] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    addressees: list[str] = field(default_factory=list)
    role_label: str = ""
    share: str = ""
    status_label: str = ""
    time_label: str = ""
    quote: str = ""

    @property
    def is_deadline(self) -> bool:
        return self.type == "gg:Deadline"

    def short_label(self, lang: str) -> str:
        """What the edge (or small node) says: role, share, status, time."""
        text = self.role_label or self.type_label or compact(self.iri)
        if self.share:
            text += " " + share_text(self.share, lang)
        if self.status_label:
            # "Ratifizierung ausstehend", not "Ratifizierung: Ratifizierung ausstehend"
            first = self.status_label.split()[0].casefold()
            if not self.share and first == text.casefold():
                text = self.status_label
            else:
                text += ": " + self.status_label
        if self.time_label and self.is_deadline:
            text += f" ({self.time_label})"
        return text


def _add(values: list[str], value: str | None) -> None:
    if value and value not in values:
        values.append(value)


def _value(row: dict, name: str) -> str:
    term = row.get(name)
    return term.value if term is not None else ""


def _facts(backend: Backend, lang: str, at: date | None) -> list[_Fact]:
    facts: dict[str, _Fact] = {}
    for row in run_named(backend, "network-facts", lang=lang, at=at):
        iri = row["fact"].value
        f = facts.get(iri)
        if f is None:
            f = facts[iri] = _Fact(
                iri, type=compact(_value(row, "factType")), type_label=_value(row, "factTypeLabel")
            )
            f.role_label = _value(row, "roleLabel")
            f.share = _value(row, "share")
            f.status_label = _value(row, "statusLabel")
            f.time_label = _value(row, "timeLabel")
            until, since = _value(row, "untilLabel"), _value(row, "fromLabel")
            if not f.time_label and (since or until):
                if since and until:
                    f.time_label = f"{since} – {until}"
                elif since:  # "ab 2027": the start alone is not a period of one year
                    f.time_label = message("views.since", lang, when=since)
                else:
                    f.time_label = message("views.until", lang, when=until)
            f.quote = _value(row, "quote")
        for key, lng in (("labelDe", "de"), ("labelEn", "en")):
            if key in row and lng not in f.labels:
                f.labels[lng] = row[key].value
        _add(f.actors, _value(row, "actor"))
        _add(f.subjects, _value(row, "subject"))
        _add(f.addressees, _value(row, "addressee"))
    return list(facts.values())


def _add_nodes(g: nx.MultiDiGraph, backend: Backend, lang: str) -> None:
    rows = run_named(backend, "network-nodes", lang=lang)
    for row in rows:
        iri = row["entity"].value
        if iri in g:
            continue
        de, en = _value(row, "labelDe"), _value(row, "labelEn")
        label = (en or de) if lang == "en" else (de or en)
        g.add_node(
            iri,
            label=label or compact(iri),
            label_de=de,
            label_en=en,
            kind=_value(row, "kind") or "actor",
            type=compact(_value(row, "type")),
            type_label=_value(row, "typeLabel") or compact(_value(row, "type")),
            level=compact(_value(row, "level")) if "level" in row else "",
            quote=_value(row, "quote"),
            fact=False,
        )


def _add_relations(g: nx.MultiDiGraph, backend: Backend, lang: str) -> None:
    rows = run_named(backend, "network-edges", lang=lang)
    for row in rows:
        source, target = row["source"].value, row["target"].value
        if source == target or source not in g or target not in g:
            continue
        prop = row["property"].value
        label = property_label(prop, _value(row, "propertyLabel"), lang)
        g.add_edge(source, target, key=prop, label=label, relation=compact(prop), fact="", quote="")


def _fact_as_node(g: nx.MultiDiGraph, f: _Fact, lang: str) -> None:
    label_de, label_en = f.labels.get("de", ""), f.labels.get("en", "")
    g.add_node(
        f.iri,
        label=f.short_label(lang),
        label_de=label_de,
        label_en=label_en,
        kind="event" if f.is_deadline else "fact",
        type=f.type,
        type_label=f.type_label,
        level="",
        quote=f.quote,
        fact=True,
        description=(label_en or label_de) if lang == "en" else (label_de or label_en),
    )
    for prop, ends, outgoing in (
        ("gg:actor", f.actors, False),
        ("gg:subject", f.subjects, True),
        ("gg:addressee", f.addressees, True),
    ):
        label = property_label(prop, None, lang)
        for end in ends:
            if end in g and end != f.iri:
                u, v = (f.iri, end) if outgoing else (end, f.iri)
                g.add_edge(u, v, key=prop, label=label, relation=prop, fact=f.iri, quote=f.quote)


def _fact_as_edges(g: nx.MultiDiGraph, f: _Fact, lang: str) -> bool:
    """One edge per actor and subject (and addressee); False if the fact has no two ends."""
    actors = [a for a in f.actors if a in g]
    targets = [s for s in f.subjects if s in g]
    if not actors or not (targets or f.addressees):
        return False
    label = f.short_label(lang)
    description = f.labels.get(lang) or f.labels.get("de") or next(iter(f.labels.values()), "")
    attrs = dict(fact=f.iri, quote=f.quote, description=description, time=f.time_label)
    for a in actors:
        for s in targets:
            if a != s:
                g.add_edge(a, s, key=f.iri, label=label, relation="gg:Fact", **attrs)
        for d in f.addressees:
            if d in g and d != a:
                to = message("views.addressed_to", lang, what=f.role_label or f.type_label)
                g.add_edge(
                    a, d, key=f.iri + "#addressee", label=to, relation="gg:addressee", **attrs
                )
    return True


def project(
    backend: Backend, lang: str = "de", facts: str = "edge", at: date | None = None
) -> nx.MultiDiGraph:
    """The whole graph as a network (see the module docstring)."""
    if facts not in FACT_MODES:
        raise UsageError(f"--facts: choose one of {', '.join(FACT_MODES)}")
    g = nx.MultiDiGraph(lang=lang, facts=facts)
    _add_nodes(g, backend, lang)
    _add_relations(g, backend, lang)
    for f in _facts(backend, lang, at):
        if facts == "node" or not _fact_as_edges(g, f, lang):
            if f.actors or f.subjects or f.addressees:
                _fact_as_node(g, f, lang)
    return g


# --- choosing a view -------------------------------------------------------------------------


def _match_kinds(g: nx.MultiDiGraph, wanted: Iterable[str]) -> set[str]:
    """Nodes whose kind or type matches any of `wanted` (id, label, class name; any case)."""
    keys = {KIND_ALIASES.get(normalize(w), normalize(w)) for w in wanted}
    known = set(KIND_ALIASES)
    for kind in KINDS:
        known |= {normalize(kind), *(normalize(x) for x in kind_names(kind))}
    types = {normalize(d.get("type", "").split(":")[-1]) for _, d in g.nodes(data=True)}
    types |= {normalize(d.get("type_label", "")) for _, d in g.nodes(data=True)}
    unknown = [w for w in wanted if normalize(w) not in known | types]
    if unknown:
        choices = ", ".join(KINDS)
        unknown_word = bilingual("views.unknown_type")
        raise UsageError(f"--type: {unknown_word}: {', '.join(unknown)} (kinds: {choices})")
    chosen = set()
    for node, d in g.nodes(data=True):
        kind = d.get("kind", "")
        names = {normalize(kind), *(normalize(x) for x in kind_names(kind))}
        names |= {normalize(d.get("type", "").split(":")[-1]), normalize(d.get("type_label", ""))}
        if names & keys:
            chosen.add(node)
    return chosen


def neighbourhood(g: nx.MultiDiGraph, seeds: Iterable[str], depth: int) -> set[str]:
    """Nodes within `depth` steps of the seeds, in either direction; fact nodes are free steps."""
    undirected = g.to_undirected(as_view=True)
    weight = lambda u, v, d: 0 if g.nodes[v].get("fact") else 1  # noqa: E731
    found: set[str] = set()
    for seed in seeds:
        lengths = nx.single_source_dijkstra_path_length(undirected, seed, depth, weight=weight)
        found |= set(lengths)
    return found


def narrower_topics(g: nx.MultiDiGraph, topic: str) -> set[str]:
    """The topic and every topic below it (skos:broader, followed backwards)."""
    found, todo = {topic}, [topic]
    while todo:
        current = todo.pop()
        for child, _, data in g.in_edges(current, data=True):
            if data.get("relation") == "skos:broader" and child not in found:
                found.add(child)
                todo.append(child)
    return found


def select_view(
    g: nx.MultiDiGraph,
    focus: str | None = None,
    depth: int = 2,
    kinds: Iterable[str] = (),
    topic: str | None = None,
    copy_all: bool = False,
) -> nx.MultiDiGraph:
    """The part of the network a view shows: kinds, then the neighbourhood of focus or topic.

    Without any filter that is `g` itself (copying 10,000 nodes costs 0.7 s), unless `copy_all`.
    """
    if depth < 0:
        raise UsageError("--depth must be 0 or more")
    keep = set(g)
    seeds = [n for n in (focus, topic) if n]
    kinds = list(kinds)
    if kinds:
        keep = _match_kinds(g, kinds) | set(seeds)
        g = g.subgraph(keep)
    if focus:
        keep &= neighbourhood(g, [focus], depth)
    if topic:
        keep &= neighbourhood(g, narrower_topics(g, topic), depth)
    if not (kinds or focus or topic):
        return g.copy() if copy_all else g
    # Fact nodes left without any neighbour say nothing on their own.
    view = g.subgraph(keep)
    keep = {n for n in keep if not view.nodes[n].get("fact") or view.degree(n) > 0}
    return g.subgraph(keep).copy()
