"""Query results in the W3C formats, exactly as specified, so other SPARQL tools can read them.

- JSON: SPARQL 1.1 Query Results JSON Format (https://www.w3.org/TR/sparql11-results-json/)
- CSV and TSV: SPARQL 1.1 Query Results CSV and TSV Formats
  (https://www.w3.org/TR/sparql11-results-csv-tsv/): CSV has bare values and CRLF line ends;
  TSV has `?var` headers and terms in SPARQL/Turtle syntax.
Rows are what the backends return: variable name → pyoxigraph term (unbound = missing key).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import pyoxigraph as ox

from govgraph.graph.store.binding import Term

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def term_json(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def select_json(variables: Sequence[str], rows: Sequence[dict[str, Term]]) -> str:
    bindings = [{v: term_json(r[v]) for v in variables if v in r} for r in rows]
    doc = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def ask_json(value: bool) -> str:
    return json.dumps({"head": {}, "boolean": value}) + "\n"


def _csv_field(text: str) -> str:
    if any(c in text for c in '",\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def term_csv(term: Term | None) -> str:
    """CSV loses types: IRIs and literals as their string, blank nodes as `_:label`."""
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def select_csv(variables: Sequence[str], rows: Sequence[dict[str, Term]]) -> str:
    lines = [",".join(_csv_field(v) for v in variables)]
    for r in rows:
        lines.append(",".join(_csv_field(term_csv(r.get(v))) for v in variables))
    return "".join(line + "\r\n" for line in lines)


def term_tsv(term: Term | None) -> str:
    """A term in SPARQL syntax; tabs and line breaks inside literals are escaped (\\t \\n \\r)."""
    if term is None:
        return ""
    text = str(term)  # pyoxigraph writes N-Triples syntax and escapes \n, \r, ", \\
    return text.replace("\t", "\\t")


def select_tsv(variables: Sequence[str], rows: Sequence[dict[str, Term]]) -> str:
    lines = ["\t".join(f"?{v}" for v in variables)]
    for r in rows:
        lines.append("\t".join(term_tsv(r.get(v)) for v in variables))
    return "".join(line + "\n" for line in lines)


def ask_text(value: bool, fmt: str) -> str:
    """The specs define no CSV/TSV for ASK; a single `true`/`false` value is what tools expect."""
    if fmt == "json":
        return ask_json(value)
    return ("true" if value else "false") + ("\r\n" if fmt == "csv" else "\n")


def render_select(fmt: str, variables: Sequence[str], rows: Sequence[dict[str, Term]]) -> str:
    if fmt == "json":
        return select_json(variables, rows)
    if fmt == "csv":
        return select_csv(variables, rows)
    if fmt == "tsv":
        return select_tsv(variables, rows)
    raise ValueError(fmt)
