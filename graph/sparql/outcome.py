"""What a free SPARQL query gave, in one shape for every form.

Its own module because the runner (in this process) and the query workers (in theirs) both
build it, and neither should import the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from govgraph.graph.store.binding import Term


@dataclass
class QueryOutcome:
    form: str  # SELECT, ASK, CONSTRUCT, DESCRIBE
    variables: tuple[str, ...] = ()
    rows: list[dict[str, Term]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)
