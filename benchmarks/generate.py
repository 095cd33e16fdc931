"""Write synthetic govgraph data of a given size, shaped like the real facts.

Organisations with labels and abbreviations, units of ministries, memberships with intervals,
responsibilities and funding shares with dates and quotes, agreements with status changes,
deadlines and demands, topics with a hierarchy — so that every named query has work to do.
The quotes come from a synthetic source text written beside the Turtle file.

    python benchmarks/generate.py --triples 1000000 -o benchmarks/data/synthetic-1m.ttl
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

PREFIXES = """\
@prefix gg: <https://w3id.org/govgraph/ontology#> .
@prefix ggc: <https://w3id.org/govgraph/concept/> .
@prefix ggs: <https://w3id.org/govgraph/synthetic/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
"""

ROLES = ["lead", "coordination", "operation", "supervision", "advisory", "implementation"]
KINDS = ["Ministry", "Authority", "Municipality", "Association", "Committee", "WorkingGroup"]
WORKS = ["Programme", "ITSystem", "Register", "Law", "Project"]
LEVELS = ["federal", "state", "municipal", "joint"]
DEMANDS = ["demand", "appeal", "proposal", "endorsement", "concern"]
TRIPLES_PER_BLOCK = 243  # measured: one block() writes this many triples


def evidence(i: int) -> str:
    return (
        "prov:wasDerivedFrom [ a oa:SpecificResource ; oa:hasSource ggs:source ; "
        f'oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "Satz {i} der Quelle." ] ]'
    )


def time_point(name: str, year: int, month: int, i: int) -> str:
    return (
        f'ggs:{name} a gg:TimePoint ; rdfs:label "{month:02d}/{year}"@de , '
        f'"{month:02d}/{year}"@en ;\n  gg:precision ggc:month ; '
        f'time:inXSDgYearMonth "{year}-{month:02d}"^^xsd:gYearMonth ;\n'
        f'  gg:notBefore "{year}-{month:02d}-01"^^xsd:date ; '
        f'gg:notAfter "{year}-{month:02d}-28"^^xsd:date ;\n  {evidence(i)} .\n'
    )


def entity(iri: str, cls: str, de: str, en: str, alt: str, i: int, extra: str = "") -> str:
    return (
        f'ggs:{iri} a gg:{cls} ;\n  skos:prefLabel "{de}"@de , "{en}"@en ;\n'
        f'  skos:altLabel "{alt}"@de ;\n  skos:definition "Synthetisch {i}."@de , '
        f'"Synthetic {i}."@en ;\n{extra}  {evidence(i)} .\n'
    )


def block(b: int, rng: random.Random) -> str:
    """One self-contained group of entities and facts (about TRIPLES_PER_BLOCK triples)."""
    out = []
    topic, parent = f"topic-{b}", f"topic-{b // 10}"
    out.append(
        entity(
            topic,
            "Topic",
            f"Thema {b}",
            f"Topic {b}",
            f"T{b}",
            b,
            f"  skos:broader ggs:{parent} ;\n" if b else "",
        )
    )
    orgs = []
    for k in range(4):
        o = f"org-{b}-{k}"
        orgs.append(o)
        kind = KINDS[(b + k) % len(KINDS)]
        extra = f"  gg:level ggc:{LEVELS[(b + k) % 4]} ;\n"
        if k == 3:
            extra += f"  org:unitOf ggs:{orgs[0]} ;\n"
        out.append(entity(o, kind, f"Akteur {b}-{k}", f"Actor {b}-{k}", f"AK{b}X{k}", b, extra))
    work = f"work-{b}"
    out.append(
        entity(
            work,
            WORKS[b % len(WORKS)],
            f"Vorhaben {b}",
            f"Undertaking {b}",
            f"V{b}",
            b,
            f"  gg:concerns ggs:{topic} ;\n",
        )
    )
    year = 2024 + b % 4
    out.append(time_point(f"t-{b}-a", year, 1 + b % 12, b))
    out.append(time_point(f"t-{b}-b", year + 1, 1 + (b + 5) % 12, b))
    for k, o in enumerate(orgs[:3]):
        out.append(
            f'ggs:resp-{b}-{k} a gg:Responsibility ; rdfs:label "Zust. {b}-{k}"@de , '
            f'"resp {b}-{k}"@en ;\n  gg:actor ggs:{o} ; gg:subject ggs:{work} ; '
            f"gg:role ggc:{ROLES[(b + k) % len(ROLES)]} ;\n"
            f"  gg:validDuring [ a time:Interval ; time:hasBeginning ggs:t-{b}-a ; "
            f"time:hasEnd ggs:t-{b}-b ] ;\n  {evidence(b)} .\n"
        )
    out.append(
        f'ggs:fund-{b} a gg:FundingArrangement ; rdfs:label "Fin. {b}"@de , '
        f'"funding {b}"@en ;\n  gg:actor ggs:{orgs[0]} ; gg:subject ggs:{work} ; '
        f'gg:role ggc:financing ; gg:share "0.5"^^xsd:decimal ;\n'
        f"  gg:validDuring [ a time:Interval ; time:hasBeginning ggs:t-{b}-b ] ;\n"
        f"  {evidence(b)} .\n"
    )
    out.append(
        f'ggs:member-{b} a gg:Membership ; rdfs:label "Mitgl. {b}"@de , '
        f'"member {b}"@en ;\n  org:member ggs:{orgs[1]} ; org:organization ggs:{orgs[2]} ; '
        f"org:role ggc:member ;\n  gg:actor ggs:{orgs[1]} ; gg:subject ggs:{orgs[2]} ; "
        f"gg:role ggc:member ;\n  org:memberDuring [ a time:Interval ; "
        f"time:hasBeginning ggs:t-{b}-a ] ;\n  {evidence(b)} .\n"
    )
    agreement = f"agreement-{b}"
    out.append(
        entity(
            agreement,
            "Agreement",
            f"Vereinbarung {b}",
            f"Agreement {b}",
            f"VB{b}",
            b,
            f"  gg:party ggs:{orgs[0]} , ggs:{orgs[1]} ;\n  gg:concerns ggs:{topic} ;\n",
        )
    )
    out.append(
        f'ggs:status-{b} a gg:StatusChange ; rdfs:label "Status {b}"@de , '
        f'"status {b}"@en ;\n  gg:actor ggs:{orgs[0]} ; gg:subject ggs:{agreement} ; '
        f"gg:role ggc:approval ; gg:status ggc:approved ; time:hasTime ggs:t-{b}-a ;\n"
        f"  {evidence(b)} .\n"
    )
    out.append(
        f'ggs:deadline-{b} a gg:Deadline ; rdfs:label "Frist {b}"@de , '
        f'"deadline {b}"@en ;\n  gg:actor ggs:{orgs[2]} ; gg:subject ggs:{agreement} ; '
        f"gg:role ggc:ratification ; gg:dueBy ggs:t-{b}-b ;\n  {evidence(b)} .\n"
    )
    target = f"org-{rng.randrange(max(b, 1))}-0"
    out.append(
        f'ggs:demand-{b} a gg:Demand ; rdfs:label "Forderung {b}"@de , '
        f'"demand {b}"@en ;\n  gg:actor ggs:{orgs[3]} ; gg:addressee ggs:{target} ; '
        f"gg:subject ggs:{topic} ; gg:role ggc:{DEMANDS[b % len(DEMANDS)]} ;\n"
        f"  time:hasTime ggs:t-{b}-a ;\n  {evidence(b)} .\n"
    )
    return "\n".join(out)


def generate(triples: int, output: Path, seed: int = 7) -> int:
    """Write about `triples` triples; returns the number of blocks written."""
    rng = random.Random(seed)
    blocks = max(1, triples // TRIPLES_PER_BLOCK)
    output.parent.mkdir(parents=True, exist_ok=True)
    sentences = " ".join(f"Satz {i} der Quelle." for i in range(blocks))
    (output.parent / "synthetic-source.txt").write_text(sentences, encoding="utf-8")
    with output.open("w", encoding="utf-8") as out:
        out.write(PREFIXES)
        out.write(
            'ggs:source a gg:SourceDocument ; dcterms:title "Synthetische Quelle"@de , '
            '"Synthetic source"@en ;\n  dcterms:publisher ggs:org-0-0 ; '
            'dcterms:issued "2026"^^xsd:gYear ;\n  gg:localFile "synthetic-source.txt" .\n\n'
        )
        for b in range(blocks):
            out.write(block(b, rng))
            out.write("\n")
    return blocks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=10_000)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    blocks = generate(args.triples, args.output)
    print(f"{args.output}: {blocks} blocks")


if __name__ == "__main__":
    main()
