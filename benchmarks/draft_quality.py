"""Precision and recall of `govgraph draft`'s fact proposals on the four shipped laws.

Each law's GII XML is added to a fresh library as a source of its own (one newline more than the
shipped file, so it is a new version of it) and drafted against the shipped graph; its fact
candidates are compared with the reviewed answer key in tests/data/answer_key/ (see
graph/sources/proposal_score.py for what counts as right). Prints a table per law and per
relation, and what each confidence value has meant.

    python benchmarks/draft_quality.py [--law ozg] [--show]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import rdflib

from govgraph.graph.curation.proposal_score import (
    Score,
    calibration,
    draft_triples,
    key_triples,
    same,
    score,
)

ROOT = Path(__file__).resolve().parent.parent
LAWS = ["noots-staatsvertrag", "it-staatsvertrag", "ozg", "idnrg"]
KEY = ROOT / "tests" / "data" / "answer_key"


def govgraph(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", "from govgraph.cli.main import run; run()", *args],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"govgraph {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def drafted(law: str, tmp: Path) -> rdflib.Graph:
    """The draft of one shipped law, added anew to a library in `tmp`."""
    env = dict(os.environ, GOVGRAPH_DATA_DIR=str(tmp / "library"))
    copy = tmp / f"{law}.xml"
    copy.write_bytes((ROOT / "graph" / "documents" / f"{law}.xml").read_bytes() + b"\n")
    out = govgraph(env, "source", "add", str(copy))
    source_id = re.search(r"added as (\S+)", out).group(1)
    govgraph(env, "draft", source_id)
    return rdflib.Graph().parse(tmp / "library" / "drafts" / f"{source_id}.ttl")


def fmt(value: float | None) -> str:
    return "   –" if value is None else f"{value:4.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--law", action="append", choices=LAWS)
    parser.add_argument("--show", action="store_true", help="list wrong and missed triples")
    args = parser.parse_args()
    total, keys, props = Score(), [], []
    head = ("law / relation", "prop.", "right", "P", "key", "found", "R")
    print("{:<34} {:>5} {:>5} {:>5} {:>4} {:>5} {:>5}".format(*head))
    for law in args.law or LAWS:
        key = key_triples(KEY / f"{law}.yaml")
        with tempfile.TemporaryDirectory() as tmp:
            proposals = draft_triples(drafted(law, Path(tmp)))
        s = score(key, proposals)
        total.add(s)
        keys += key
        props += proposals
        for role in sorted(set(s.proposed) | set(s.expected)):
            print(
                f"  {law[:14] + ' ' + role:<32} {s.proposed[role]:>5} {s.right[role]:>5} "
                f"{fmt(s.precision(role)):>5} {s.expected[role]:>4} {s.found[role]:>5} "
                f"{fmt(s.recall(role)):>5}"
            )
        print(
            f"{law:<34} {sum(s.proposed.values()):>5} {sum(s.right.values()):>5} "
            f"{fmt(s.precision()):>5} {sum(s.expected.values()):>4} {sum(s.found.values()):>5} "
            f"{fmt(s.recall()):>5}"
        )
        if args.show:
            for p in proposals:
                mark = "+" if any(same(p, k) for k in key) else "-"
                print(f"    {mark} [{p.number}] {p.actor} {p.role} {p.subject} {p.confidence}")
                if mark == "-":
                    print(f"        « {p.quotes[0][:150]}")
            for k in key:
                if not any(same(p, k) for p in proposals):
                    print(f"    missed: {k.actor} {k.role} {k.subject} « {k.quotes[0][:70]}")
    print(
        f"{'all four laws':<34} {sum(total.proposed.values()):>5} {sum(total.right.values()):>5} "
        f"{fmt(total.precision()):>5} {sum(total.expected.values()):>4} "
        f"{sum(total.found.values()):>5} {fmt(total.recall()):>5}"
    )
    print("\nconfidence  right/proposed")
    for confidence, (right, n) in calibration(keys, props).items():
        print(f"  {confidence:4.2f}      {right}/{n} = {right / n:.2f}")


if __name__ == "__main__":
    main()
