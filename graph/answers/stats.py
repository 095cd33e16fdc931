"""Counts of what the graph holds, from the named queries graph-summary and class-counts."""

from __future__ import annotations

from govgraph.graph.namespaces import compact
from govgraph.graph.sparql.runner import run_named
from govgraph.graph.store.backend import Backend


def graph_stats(backend: Backend, lang: str) -> tuple[dict[str, int], list[dict[str, object]]]:
    summary_rows = run_named(backend, "graph-summary")
    summary = {k: int(v.value) for k, v in (summary_rows[0] if summary_rows else {}).items()}
    classes = [
        {
            "class": compact(row["class"].value),
            "label": row["classLabel"].value if "classLabel" in row else "",
            "count": int(row["count"].value),
        }
        for row in run_named(backend, "class-counts", lang=lang)
    ]
    return summary, classes
