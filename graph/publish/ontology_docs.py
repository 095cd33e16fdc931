"""Ontology documentation as a web page, made with pyLODE from ontology/govgraph.ttl.

    python -m govgraph.graph.publish.ontology_docs -o DIR      (needs: pip install pylode)

writes DIR/index.html. The concept schemes (concepts.ttl) are data, not ontology, and are left
out. pyLODE's warnings (and logged warnings) are collected and returned, so that a test can fail
on them: a term pyLODE cannot place is a term researchers cannot read about.
"""

from __future__ import annotations

import argparse
import logging
import sys
import warnings
from pathlib import Path

from govgraph.graph.store.resources import ontology_file


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.name}: {record.getMessage()}")


def build(destination: Path) -> list[str]:
    """Write destination/index.html; return pyLODE's warnings (none expected)."""
    from pylode import OntPub

    destination.mkdir(parents=True, exist_ok=True)
    collect = _Collect()
    root = logging.getLogger()
    root.addHandler(collect)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            OntPub(ontology=str(ontology_file())).make_html(
                destination=str(destination / "index.html")
            )
    finally:
        root.removeHandler(collect)
    # pyLODE leaves its own files open (ResourceWarning): not about the ontology.
    found = [
        f"{w.category.__name__}: {w.message}" for w in caught if w.category is not ResourceWarning
    ]
    return found + collect.messages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, required=True, help="folder for index.html")
    args = parser.parse_args(argv)
    problems = build(args.output)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(args.output / "index.html")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
