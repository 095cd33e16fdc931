"""The curation library keeps its word (issue 26): exact names for what deletes, ids never given
twice, versions only of the same source, one change at a time, and a review that refuses
whatever it must not write — leaving the draft and the facts as they were.

Every test runs the real `govgraph` on real files; the races run real processes side by side."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import rdflib

DATA = Path(__file__).parent / "data" / "curation"
PM = DATA / "pressemitteilung.txt"
PROV = rdflib.namespace.PROV


def library() -> Path:
    return Path(os.environ["GOVGRAPH_DATA_DIR"])


def snapshot() -> dict[str, bytes]:
    """Every data file of the library (not the lock) with its bytes."""
    root = library()
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


def record(source_id: str) -> rdflib.Graph:
    return rdflib.Graph().parse(library() / "records" / f"{source_id}.ttl")


def one_line_error(result, code: int) -> None:
    assert result.code == code, (result.out, result.err)
    assert result.err.count("\n") == 1 and "Traceback" not in result.err, result.err


def spawn(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", "from govgraph.cli.main import run; run()", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def number(draft: Path, pattern: str, govgraph) -> str:
    for line in govgraph("review", str(draft), "--list").out.splitlines():
        if re.search(pattern, line):
            return re.match(r"\[(\d+)\]", line).group(1)
    raise AssertionError(pattern)


def drafted(govgraph, source_id: str = "pressemitteilung", path: Path = PM) -> Path:
    assert govgraph("source", "add", str(path)).code == 0
    result = govgraph("draft", source_id)
    assert result.code == 0, result.err
    return library() / "drafts" / f"{source_id}.ttl"


# --- names and ids --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["", "  ", "b", "p", "ggd:source-"])
def test_remove_needs_the_exact_name(govgraph, tmp_path, name):
    bericht = tmp_path / "bericht.txt"
    bericht.write_text("Der IT-Planungsrat tagt.\n", encoding="utf-8")
    assert govgraph("source", "add", str(bericht)).code == 0
    assert govgraph("source", "add", str(PM)).code == 0
    before = snapshot()
    one_line_error(govgraph("source", "remove", name), 2)
    assert snapshot() == before


def test_a_second_remove_never_takes_the_next_version(govgraph, tmp_path):
    bericht = tmp_path / "bericht.txt"
    bericht.write_text("Der IT-Planungsrat tagt.\n", encoding="utf-8")
    assert govgraph("source", "add", str(bericht)).code == 0
    bericht.write_text("Der IT-Planungsrat tagt zweimal.\n", encoding="utf-8")
    assert "bericht-v2" in govgraph("source", "add", str(bericht)).out
    assert govgraph("source", "remove", "bericht").code == 0
    before = snapshot()
    one_line_error(govgraph("source", "remove", "bericht"), 2)
    assert snapshot() == before and (library() / "records" / "bericht-v2.ttl").exists()


def test_a_removed_id_is_never_given_again(govgraph, tmp_path):
    bericht = tmp_path / "bericht.txt"
    for n, text in enumerate(["eins", "zwei", "drei"], start=1):
        if n == 3:
            assert govgraph("source", "remove", "bericht").code == 0
            v2 = {k: v for k, v in snapshot().items() if "bericht-v2" in k}
        bericht.write_text(f"Der IT-Planungsrat tagt {text}mal.\n", encoding="utf-8")
        result = govgraph("source", "add", str(bericht))
        assert result.code == 0, result.err
    assert "bericht-v3" in result.out and "bericht-v2" in result.out  # a version of v2
    assert {k: v for k, v in snapshot().items() if "bericht-v2" in k} == v2
    assert (None, PROV.wasRevisionOf, rdflib.URIRef(
        "https://w3id.org/govgraph/id/source-bericht-v2")) in record("bericht-v3")  # fmt: skip
    # the removed id stays retired, also for a new file of that name and another title
    bericht.write_text("Ganz anders.\n", encoding="utf-8")
    result = govgraph("source", "add", str(bericht), "--title", "Anderer Bericht")
    one_line_error(result, 1)
    assert "bericht" in result.err and "--id" in result.err


def test_names_without_latin_letters_are_separate_sources(govgraph, tmp_path):
    (tmp_path / "日本語.txt").write_text("Der IT-Planungsrat tagt.\n", encoding="utf-8")
    (tmp_path / "中文.txt").write_text("Die FITKO zahlt.\n", encoding="utf-8")
    first = govgraph("source", "add", str(tmp_path / "日本語.txt"))
    second = govgraph("source", "add", str(tmp_path / "中文.txt"))
    assert first.code == 0 and second.code == 0, second.err
    assert "new version" not in second.out
    ids = sorted(p.stem for p in (library() / "records").glob("*.ttl"))
    assert len(ids) == 2 and all(i.startswith("quelle-") for i in ids)
    for i in ids:
        assert (None, PROV.wasRevisionOf, None) not in record(i)
    again = govgraph("source", "add", str(tmp_path / "中文.txt"))
    assert again.code == 0 and "unverändert" in again.out


def test_version_of_is_explicit_and_a_taken_id_is_an_error(govgraph, tmp_path):
    a, b = tmp_path / "alt.txt", tmp_path / "neu.txt"
    a.write_text("Der IT-Planungsrat tagt.\n", encoding="utf-8")
    b.write_text("Der IT-Planungsrat tagt nicht.\n", encoding="utf-8")
    assert govgraph("source", "add", str(a)).code == 0
    result = govgraph("source", "add", str(b), "--version-of", "alt")
    assert result.code == 0 and "alt-v2" in result.out
    other = tmp_path / "sub" / "alt.txt"
    other.parent.mkdir()
    other.write_text("Etwas ganz anderes.\n", encoding="utf-8")
    before = snapshot()
    one_line_error(govgraph("source", "add", str(other), "--title", "Fremd"), 1)
    one_line_error(govgraph("source", "add", str(other), "--version-of", "al"), 2)
    one_line_error(govgraph("source", "add", str(other), "--id", "alt-v2"), 1)
    one_line_error(govgraph("source", "add", str(other), "--id", "../x"), 2)
    assert snapshot() == before
    assert govgraph("source", "add", str(other), "--id", "fremd").code == 0


# --- at add: line endings, dates, addresses ------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.replace("\n", "\r\n").encode(),
        lambda t: t.replace("\n", "\r").encode(),
        lambda t: b"\xef\xbb\xbf" + t.encode(),
        lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode(),
    ],
    ids=["crlf", "cr", "bom", "bom-crlf"],
)
def test_line_endings_and_bom_are_normalised_once_at_add(govgraph, tmp_path, encode):
    raw = encode(PM.read_text(encoding="utf-8"))
    path = tmp_path / "pm.txt"
    path.write_bytes(raw)
    assert govgraph("source", "add", str(path)).code == 0
    text = (library() / "sources" / "pm.txt").read_bytes()
    assert text == PM.read_bytes()  # the one text quotes are checked against
    assert (library() / "sources" / "pm.original.txt").read_bytes() == raw  # byte-identical
    assert govgraph("draft", "pm").code == 0
    assert govgraph("validate").code == 0
    assert govgraph("source", "add", str(path)).out.endswith("(unverändert)\n")


@pytest.mark.parametrize(
    ("option", "value", "code"),
    [
        ("--issued", "2026-02-30", 2),
        ("--issued", "2026-13-01", 2),
        ("--url", "https://example.org/a b", 2),
        ("--url", "http://[::1", 2),
    ],
)
def test_bad_metadata_is_one_line_and_writes_nothing(govgraph, option, value, code):
    one_line_error(govgraph("source", "add", str(PM), option, value), code)
    assert snapshot() == {}


def test_publisher_with_a_space_is_kept_as_text(govgraph):
    result = govgraph("source", "add", str(PM), "--publisher", "https://example.org/a b")
    assert result.code == 0, result.err
    assert govgraph("validate").code == 0


# --- review refuses what it must not write ---------------------------------------------------


def edit(draft: Path, old: str, new: str, count: int = 1) -> None:
    text = draft.read_text(encoding="utf-8")
    assert old in text
    draft.write_text(text.replace(old, new, count), encoding="utf-8")


def refused(govgraph, draft: Path, *args: str) -> str:
    before = snapshot()
    result = govgraph("review", str(draft), *args)
    assert result.code == 1, (result.out, result.err)
    assert "Traceback" not in result.err and "nothing taken over" in result.err
    assert snapshot() == before  # neither the draft nor any facts file changed
    return result.err


def test_a_quote_that_is_not_verbatim_is_refused_also_on_a_shipped_entity(govgraph):
    draft = drafted(govgraph)
    n = number(draft, r"Mention\s+Erwähnung: National Once Only", govgraph)
    block = re.search(
        rf"(?ms)^ggd:draft-pressemitteilung-{int(n):03d} a .*?\.\n", draft.read_text()
    )
    quote = re.search(r'oa:exact "([^"]+)"', block.group(0)).group(1)
    edit(draft, block.group(0), block.group(0).replace(quote, "Das NOOTS ist gescheitert."))
    err = refused(govgraph, draft, "--accept", n)
    assert "Das NOOTS ist gescheitert." in err and "verbatim" in err
    assert "gescheitert" not in govgraph("show", "NOOTS").out


def test_a_new_name_relabelled_as_a_known_entity_does_not_merge_into_it(govgraph):
    draft = drafted(govgraph)
    n = number(draft, r"NewEntity\s+Digitalrat", govgraph)
    edit(draft, 'skos:prefLabel "Digitalrat Rheinland-Pfalz"@de', 'skos:prefLabel "NOOTS"@de')
    err = refused(govgraph, draft, "--accept", n)
    assert "ggd:noots" in err
    assert "Gremium" not in govgraph("show", "NOOTS").out


QUOTE = (
    "Nach Angaben der FITKO soll der Anschluss der ersten Register an das NOOTS bis Ende 2026"
    " abgeschlossen sein."
)
TAMPERED_DEADLINE = f"""
ggd:draft-pressemitteilung-999 a gg:Candidate , gg:Deadline ;
    gg:reviewStatus ggc:draft ;
    gg:confidence 0.60 ;
    rdfs:label "NOOTS – bis Ende 2026"@de , "NOOTS – end of 2026"@en ;
    gg:certainty ggc:draft ;
    gg:proposedCertainty ggc:intended ;
    gg:actor ggd:fitko ;
    gg:subject ggd:noots ;
    gg:role ggc:obligation ;
    gg:dueBy ggd:noots-staatsvertrag ;
    gg:matchedText "{QUOTE}" ;
    prov:wasDerivedFrom [ a oa:SpecificResource ; oa:hasSource ggd:source-pressemitteilung ;
        oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "{QUOTE}" ] ] .
"""


def test_injected_triples_about_shipped_data_are_refused(govgraph):
    draft = drafted(govgraph)
    with draft.open("a", encoding="utf-8") as f:
        f.write(
            "\nggd:noots-staatsvertrag a gg:Candidate , gg:StateTreaty ;\n"
            "    gg:reviewStatus ggc:accepted ;\n"
            '    skos:prefLabel "GEFÄLSCHT"@de .\n'
        )
    err = refused(govgraph, draft, "--accept", "1")
    assert "ggd:noots-staatsvertrag" in err
    assert "GEFÄLSCHT" not in govgraph("show", "NOOTS-Staatsvertrag").out
    # the same through a deadline's time point: a deadline candidate (as `draft` writes one)
    # whose due date is the shipped treaty
    edit(draft, "gg:reviewStatus ggc:accepted ;\n    skos:prefLabel", "skos:prefLabel")
    with draft.open("a", encoding="utf-8") as f:
        f.write(TAMPERED_DEADLINE)
    deadline = number(draft, r"Deadline\s+", govgraph)
    refused(govgraph, draft, "--accept", deadline)
    assert "GEFÄLSCHT" not in govgraph("show", "NOOTS-Staatsvertrag").out
    assert govgraph("validate").code == 0


def test_a_draft_that_speaks_for_another_source_is_refused(govgraph, tmp_path):
    draft = drafted(govgraph)
    other = tmp_path / "andere.txt"
    other.write_text("Der IT-Planungsrat tagt in Mainz.\n", encoding="utf-8")
    assert govgraph("source", "add", str(other)).code == 0
    land = number(draft, r"FundingArrangement\s+Land Rheinland-Pfalz", govgraph)
    edit(draft, "ggd:source-pressemitteilung", "ggd:source-andere", count=-1)
    err = refused(govgraph, draft, "--accept", land)
    assert "not a candidate of this source" in err
    # and evidence from two sources in one draft is one line, nothing written
    edit(draft, "ggd:source-andere", "ggd:source-pressemitteilung")
    before = snapshot()
    one_line_error(govgraph("review", str(draft), "--accept", "1"), 1)
    assert snapshot() == before


def test_a_refused_review_leaves_the_draft_for_the_next_one(govgraph):
    draft = drafted(govgraph)
    text = draft.read_text(encoding="utf-8")
    n = number(draft, r"FundingArrangement\s+Land Rheinland-Pfalz", govgraph)
    block = re.search(rf"(?ms)^ggd:draft-pressemitteilung-{int(n):03d} a .*?\.\n", text).group(0)
    edit(draft, block, re.sub(r"\n    gg:actor [^;]+;", "", block))
    refused(govgraph, draft, "--accept", n)
    edit(draft, re.sub(r"\n    gg:actor [^;]+;", "", block), block)
    assert draft.read_text(encoding="utf-8") == text
    result = govgraph("review", str(draft), "--accept", n)
    assert result.code == 0, result.err


def test_a_stale_draft_of_a_removed_source_is_refused(govgraph, tmp_path):
    pm = tmp_path / "pm.txt"
    pm.write_bytes(PM.read_bytes())
    assert govgraph("source", "add", str(pm)).code == 0
    pm.write_bytes(PM.read_bytes() + b"Ein Satz mehr.\n")
    assert "pm-v2" in govgraph("source", "add", str(pm)).out
    assert govgraph("draft", "pm-v2").code == 0
    assert govgraph("review", str(library() / "drafts" / "pm-v2.ttl"), "--accept", "1").code == 0
    old = tmp_path / "old.ttl"
    assert govgraph("draft", "pm", "-o", str(old)).code == 0
    assert govgraph("source", "remove", "pm").code == 0
    before = snapshot()
    result = govgraph("review", str(old), "--reject", "1")
    one_line_error(result, 1)
    assert "no longer) in the library" in result.err
    assert snapshot() == before and (library() / "facts" / "pm-v2.ttl").exists()


def test_draft_over_a_reviewed_draft_needs_force_and_keeps_the_old_one(govgraph):
    draft = drafted(govgraph)
    assert govgraph("review", str(draft), "--accept", "1").code == 0
    reviewed = draft.read_bytes()
    result = govgraph("draft", "pressemitteilung")
    one_line_error(result, 2)
    assert "--force" in result.err and draft.read_bytes() == reviewed
    result = govgraph("draft", "pressemitteilung", "--force")
    assert result.code == 0, result.err
    kept = list((library() / "drafts").glob("pressemitteilung-reviewed-*.ttl.bak"))
    assert len(kept) == 1 and kept[0].read_bytes() == reviewed
    assert "ggc:accepted" not in draft.read_text(encoding="utf-8")
    assert govgraph("validate").code == 0  # the kept draft is never loaded


# --- one change at a time --------------------------------------------------------------------


def test_parallel_adds_of_the_same_name_both_land(tmp_path):
    for round_ in range(3):
        paths = []
        for side in ("a", "b"):
            path = tmp_path / f"{round_}{side}" / "bericht4.txt"
            path.parent.mkdir()
            path.write_text(f"Runde {round_}, Seite {side}: der IT-Planungsrat.\n")
            paths.append(path)
        procs = [spawn("source", "add", str(p)) for p in paths]
        outs = [p.communicate(timeout=120) for p in procs]
        assert [p.returncode for p in procs] == [0, 0], outs
    records = sorted(p.stem for p in (library() / "records").glob("*.ttl"))
    assert records == ["bericht4"] + [f"bericht4-v{n}" for n in range(2, 7)]
    texts = {(library() / "sources" / f"{r}.txt").read_text() for r in records}
    assert len(texts) == 6


def test_parallel_reviews_keep_every_decision(govgraph):
    draft = drafted(govgraph)
    land = number(draft, r"FundingArrangement\s+Land Rheinland-Pfalz", govgraph)
    trier = number(draft, r"Membership\s+Trier", govgraph)
    procs = [spawn("review", str(draft), "--accept", n) for n in (land, trier)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    listing = govgraph("review", str(draft), "--list").out
    accepted = [line for line in listing.splitlines() if " accepted " in line]
    assert len(accepted) == 2, listing
    facts = (library() / "facts" / "pressemitteilung.ttl").read_text(encoding="utf-8")
    assert f"draft-pressemitteilung-{int(land):03d}" in facts
    assert f"draft-pressemitteilung-{int(trier):03d}" in facts


def test_remove_during_a_review_leaves_no_orphan_facts(govgraph):
    draft = drafted(govgraph)
    land = number(draft, r"FundingArrangement\s+Land Rheinland-Pfalz", govgraph)
    review = spawn("review", str(draft), "--accept", land)
    time.sleep(1.0)  # the review is loading and validating the graph
    remove = spawn("source", "remove", "pressemitteilung")
    outs = [p.communicate(timeout=300) for p in (review, remove)]
    assert remove.returncode == 0, outs
    assert not (library() / "records" / "pressemitteilung.ttl").exists()
    assert list((library() / "facts").glob("*.ttl")) == []
    assert govgraph("validate").code == 0


def test_kill_during_review_validation_leaves_no_invalid_facts(govgraph):
    draft = drafted(govgraph)
    n = number(draft, r"FundingArrangement\s+Land Rheinland-Pfalz", govgraph)
    text = draft.read_text(encoding="utf-8")
    block = re.search(rf"(?ms)^ggd:draft-pressemitteilung-{int(n):03d} a .*?\.\n", text).group(0)
    edit(draft, block, re.sub(r"\n    gg:actor [^;]+;", "", block))  # invalid once accepted
    draft_before = draft.read_bytes()
    facts = library() / "facts" / "pressemitteilung.ttl"
    review = spawn("review", str(draft), "--accept", n)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and review.poll() is None:
        if facts.exists() or list(library().glob(".review-*.ttl")):
            break
        time.sleep(0.005)
    assert review.poll() is None, review.communicate()
    os.kill(review.pid, signal.SIGKILL)
    review.wait()
    assert not facts.exists()
    assert draft.read_bytes() == draft_before
    assert govgraph("validate").code == 0
    # the next review cleans up what the killed one left
    edit(draft, re.sub(r"\n    gg:actor [^;]+;", "", block), block)
    assert govgraph("review", str(draft), "--accept", n).code == 0
    assert list(library().glob(".review-*.ttl")) == []


def test_orphan_facts_without_a_record_can_still_be_removed(govgraph):
    draft = drafted(govgraph)
    assert govgraph("review", str(draft), "--accept", "1").code == 0
    (library() / "records" / "pressemitteilung.ttl").unlink()  # lost by hand
    assert govgraph("validate").code == 1  # the facts cite a source that is gone
    result = govgraph("source", "remove", "pressemitteilung")
    assert result.code == 0, result.err
    assert list((library() / "facts").glob("*.ttl")) == []
    assert govgraph("validate").code == 0
    one_line_error(govgraph("source", "remove", "pressemitteilung"), 2)
