"""Example parameters for every named query, and how results from two engines are compared.

Shared by the tests that run every named query somewhere else (rdflib, a remote endpoint,
Virtuoso, grlc): the same values everywhere, full IRIs so that no label lookup is involved.
"""

from __future__ import annotations

import json
import re

import pyoxigraph as ox

from govgraph.graph.sparql.catalog import NamedQuery

GGD = "https://w3id.org/govgraph/id/"

# A hostile query: pyoxigraph evaluates an ASK while parsing it, and four VALUES blocks of 100
# numbers make that 100 million combinations. Every face must stop it at its time limit.
_NUMBERS = " ".join(str(i) for i in range(100))
CRAFTED_ASK = (
    "ASK { "
    + " ".join(f"VALUES ?v{k} {{ {_NUMBERS} }}" for k in range(4))
    + " FILTER(?v0 + ?v1 + ?v2 + ?v3 < 0) }"
)
GGC = "https://w3id.org/govgraph/concept/"

# One value per parameter name and kind, chosen so that most answers are not empty.
IRIS: dict[str, str] = {
    "actor": GGD + "mastd",
    "subject": GGD + "noots",
    "entity": GGD + "it-planungsrat",
    "agreement": GGD + "noots-staatsvertrag",
    "topic": GGD + "topic-registermodernisierung",
    "organization": GGD + "it-planungsrat",
    "addressee": GGD + "mastd",
    "by": GGD + "staedtetag-rlp",
    "to": GGD + "mastd",
    "source": GGD + "source-000_2f97107a3c89067a",
    "level": GGC + "municipal",
    "status": GGC + "started",
}
STRINGS = {"key": "noots", "lang": "en", "status": "past"}
DATES = {"at": "2026-06-30", "today": "2026-11-27", "from": "2025-01-01", "to": "2026-12-31"}


def example_params(q: NamedQuery, optional: bool) -> dict[str, str]:
    """Values for the mandatory parameters, and with `optional` for all of them."""
    values: dict[str, str] = {}
    for p in q.params:
        if p.optional and not optional:
            continue
        if p.kind == "iri":
            values[p.name] = IRIS[p.name]
        elif p.kind == "datatype" and (p.datatype or "").endswith("#date"):
            values[p.name] = DATES[p.name]
        else:
            values[p.name] = STRINGS[p.name]
    return values


# What GROUP_CONCAT joins with: " […] " between quotes (a quote holds ", " of its own, and may
# begin with "[…]" where the source record marks a gap), "; " or ", " between names.
QUOTE_JOINT = " […] "
NAME_JOINTS = re.compile(r"; |, ")


def sorted_parts(value: str) -> str:
    """A joined value as its sorted parts ("|"-joined); a value with no joint as it is."""
    parts = value.split(QUOTE_JOINT) if QUOTE_JOINT in value else NAME_JOINTS.split(value)
    return "|".join(sorted(parts)) if len(parts) > 1 else value


def _sort_parts(value):
    """GROUP_CONCAT's order is not defined in SPARQL: joined values compare as sorted parts."""
    if isinstance(value, str):
        return sorted_parts(value)
    if isinstance(value, list):
        return [_sort_parts(v) for v in value]
    if isinstance(value, dict):
        return {k: _sort_parts(v) for k, v in value.items()}
    return value


def normalised_bindings(results: dict) -> str:
    """SPARQL JSON results → comparable text: rows in order, blank nodes renamed, joined
    values sorted, `typed-literal` (old SPARQL JSON) read as `literal`."""
    rows = []
    for row in results["results"]["bindings"]:
        clean = {}
        for name, term in row.items():
            term = dict(term)
            if term.get("type") == "typed-literal":
                term["type"] = "literal"
            if term.get("type") == "bnode":
                term["value"] = "b"
            if term.get("datatype") == "http://www.w3.org/2001/XMLSchema#string":
                del term["datatype"]
            if term.get("datatype") == "http://www.w3.org/2001/XMLSchema#boolean":
                term["value"] = {"1": "true", "0": "false"}.get(term["value"], term["value"])
            clean[name] = term
        rows.append(clean)
    return json.dumps(_sort_parts(rows), ensure_ascii=False, indent=1, sort_keys=True)


def normalised_triples(ntriples: str) -> list[str]:
    """N-Triples → sorted lines with blank nodes renamed (stores label them differently), each
    triple parsed and written again: stores space their N-Triples differently (Virtuoso: tabs)."""
    triples = ox.parse(ntriples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    lines = [re.sub(r"_:[A-Za-z0-9]+", "_:b", f"{t} .") for t in triples]
    return sorted(lines)
