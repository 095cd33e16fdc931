"""Counts of what the graph holds, from the named queries graph-summary and class-counts."""

from __future__ import annotations

import pyoxigraph as ox

from govgraph.graph.namespaces import compact
from govgraph.graph.sparql.catalog import named_query
from govgraph.graph.store.backend import Backend


def graph_stats(backend: Backend, lang: str) -> tuple[dict[str, int], list[dict[str, object]]]:
    summary_rows = backend.select(named_query("graph-summary").text)
    summary = {k: int(v.value) for k, v in (summary_rows[0] if summary_rows else {}).items()}
    classes = [
        {
            "class": compact(row["class"].value),
            "label": row["classLabel"].value if "classLabel" in row else "",
            "count": int(row["count"].value),
        }
        for row in backend.select(named_query("class-counts").text, {"__lang": ox.Literal(lang)})
    ]
    return summary, classes
