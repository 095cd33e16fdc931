"""Precision and recall of `govgraph draft`'s fact proposals on the four shipped laws.

Each law's GII XML is added to a fresh library as a source of its own (one newline more than the
shipped file, so it is a new version of it) and drafted against the shipped graph; its fact
candidates are compared with the reviewed answer key in tests/data/answer_key/ (see
graph/sources/proposal_score.py for what counts as right). Prints a table per law and per
relation, and what each confidence value has meant.

    python benchmarks/draft_quality.py [--law ozg] [--show] [--held-out]

`--held-out` measures texts the rules were not tuned on instead: § 1 IT-NetzG
(tests/data/roundtrip/, against its key) and the shipped report section
(graph/documents/000_2f97107a3c89067a.txt, against its reviewed facts): a rule that only
fits the four laws shows there as wrong proposals.
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
import yaml

from govgraph.graph.curation.proposal_score import (
    Score,
    Triple,
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


def drafted(law: str, tmp: Path, original: Path | None = None, *add: str) -> rdflib.Graph:
    """The draft of one shipped law (or of the text `original`), added anew to a library in
    `tmp` (one newline more, so a shipped text is a new version of itself)."""
    env = dict(os.environ, GOVGRAPH_DATA_DIR=str(tmp / "library"))
    original = original or ROOT / "graph" / "documents" / f"{law}.xml"
    copy = tmp / original.name
    copy.write_bytes(original.read_bytes() + b"\n")
    out = govgraph(env, "source", "add", str(copy), *add)
    source_id = re.search(r"added as (\S+)", out).group(1)
    govgraph(env, "draft", source_id)
    return rdflib.Graph().parse(tmp / "library" / "drafts" / f"{source_id}.ttl")


def held_out_keys() -> list[tuple[str, Path, list[Triple], tuple[str, ...]]]:
    """The texts not used for tuning, each with the triples a reviewer accepted from it."""
    roundtrip = ROOT / "tests" / "data" / "roundtrip"
    netz = yaml.safe_load((roundtrip / "it-netzg-1-key.yaml").read_text(encoding="utf-8"))
    netz_key = [Triple(f["actor"], f["role"], f["subject"], (f["quote"],)) for f in netz["facts"]]
    report = "000_2f97107a3c89067a"
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from draft_key import facts

    report_key = [
        Triple(actor, f["role"], subject, tuple(" ".join(e["quote"].split()) for e in evidence))
        for f in facts(report, ROOT / "graph" / "facts" / f"{report}.ttl")
        if (evidence := f["evidence"])
        for actor in f["actors"]
        for subject in f["subjects"] or [""]
    ]
    return [
        ("IT-NetzG § 1", roundtrip / "it-netzg-1.txt", netz_key, ("--kind", "primary")),
        ("report section", ROOT / "graph" / "documents" / f"{report}.txt", report_key, ()),
    ]


def held_out(show: bool) -> None:
    """Precision and recall on the texts the rules were not tuned on."""
    for name, path, key, add in held_out_keys():
        with tempfile.TemporaryDirectory() as tmp:
            proposals = draft_triples(drafted(name, Path(tmp), path, *add))
        s = score(key, proposals)
        print(
            f"{name:<20} proposals {sum(s.proposed.values()):>3}  right {sum(s.right.values()):>3}"
            f"  precision {fmt(s.precision())}  key {sum(s.expected.values()):>3}"
            f"  found {sum(s.found.values()):>3}  recall {fmt(s.recall())}"
        )
        if show:
            for p in proposals:
                mark = "+" if any(same(p, k) for k in key) else "-"
                print(f"    {mark} [{p.number}] {p.actor} {p.role} {p.subject} {p.confidence}")
                print(f"        « {p.quotes[0][:150]}")


def fmt(value: float | None) -> str:
    return "   –" if value is None else f"{value:4.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--law", action="append", choices=LAWS)
    parser.add_argument("--show", action="store_true", help="list wrong and missed triples")
    parser.add_argument("--held-out", action="store_true", help="measure untuned texts")
    args = parser.parse_args()
    if args.held_out:
        held_out(args.show)
        return
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
