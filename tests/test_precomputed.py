"""Precomputed views of a cached store: computed once, read back as the same rows, the same
answers; and deadlines' status made in Python is the query's own."""

from __future__ import annotations

import json
from datetime import date

import pyoxigraph as ox
import pytest

from govgraph.graph.answers import precomputed, questions, rows
from govgraph.graph.sources.claims import source_records
from govgraph.graph.sparql.named import run_named
from govgraph.graph.store.backend import LocalBackend
from govgraph.graph.store.dataset import DataSelection
from govgraph.graph.store.session import open_backend


@pytest.fixture
def cached(tmp_path, monkeypatch) -> LocalBackend:
    """The shipped graph as a cached store with its views computed."""
    monkeypatch.setenv("GOVGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("GOVGRAPH_CACHE_MIN_BYTES", "0")
    backend = open_backend(DataSelection(), timeout=None)
    assert isinstance(backend, LocalBackend) and backend.views is not None
    assert not backend.views.exists()
    precomputed.ensure(backend, "de")
    precomputed.ensure(backend, "en")
    return backend


def test_views_are_computed_once_and_read_back_equal(cached: LocalBackend) -> None:
    views = cached.views
    ready = [views / precomputed.READY.format(lang=lang) for lang in precomputed.LANGS]
    assert all(r.exists() for r in ready)
    # what the first answers need, per language, and each source's quotes (in no language);
    # the others not until asked
    sources = len(source_records(LocalBackend(cached.store), "de"))
    at_build = len(precomputed.LANGS) * len(precomputed.AT_BUILD) + sources
    assert sources > 3 and len(list(views.glob("*.tsv"))) == at_build
    marker = ready[0].stat().st_ino
    precomputed.ensure(cached, "de")
    assert ready[0].stat().st_ino == marker  # not computed again
    plain = LocalBackend(cached.store)  # evaluates every query
    for lang in precomputed.LANGS:
        for name in precomputed.PER_LANGUAGE:
            assert run_named(cached, name, lang=lang) == run_named(plain, name, lang=lang), name
    # the views on demand were computed by those questions and are kept with the others
    count = len(precomputed.LANGS) * len(precomputed.ON_DEMAND)
    assert len(list(views.glob("*.tsv"))) == at_build + count
    assert not list(views.glob("*.tmp"))


def test_views_on_demand_are_computed_when_first_asked(cached: LocalBackend) -> None:
    """A view the build left to its first question is computed then, kept, and read back by
    the next process (here: a new backend) as the evaluated rows; a query not listed is
    never kept there."""
    from govgraph.graph.sparql.catalog import named_query
    from govgraph.graph.store.backend import answer_key
    from govgraph.graph.store.binding import bind

    views = cached.views
    before = set(views.glob("*.tsv"))
    nodes = run_named(cached, "network-nodes", lang="en")
    (added,) = set(views.glob("*.tsv")) - before
    assert added.name == answer_key(
        bind(named_query("network-nodes").text, {"__lang": ox.Literal("en")})
    )
    assert nodes and nodes == run_named(LocalBackend(cached.store), "network-nodes", lang="en")
    added.write_text("?node\n<http://example.org/n>\n", encoding="utf-8")
    again = LocalBackend(cached.store, views=views)  # read, not evaluated: a changed view shows
    assert run_named(again, "network-nodes", lang="en") == [
        {"node": ox.NamedNode("http://example.org/n")}
    ]
    run_named(again, "entity-card", lang="de", entity=ox.NamedNode("http://example.org/x"))
    assert set(views.glob("*.tsv")) == before | {added}


def test_claims_index_read_back_equal(cached: LocalBackend) -> None:
    from govgraph.graph.sources.claims import load_claims

    for lang in precomputed.LANGS:
        assert (cached.views / precomputed.CLAIMS.format(lang=lang)).exists()
        kept, read = precomputed.claims(cached, lang), load_claims(LocalBackend(cached.store), lang)
        assert kept.sides and kept == read


def test_a_view_is_what_is_read(cached: LocalBackend) -> None:
    """The answer comes from the view, not from the store: a view changed on disk shows."""
    from govgraph.graph.sparql.catalog import named_query
    from govgraph.graph.store.backend import answer_key
    from govgraph.graph.store.binding import bind

    text = bind(named_query("fact-notes").text, {"__lang": ox.Literal("de")})
    view = cached.views / answer_key(text)
    assert view.exists()
    view.write_text('?fact\t?note\n<http://example.org/f>\t"n"\n', encoding="utf-8")
    (row,) = run_named(cached, "fact-notes", lang="de")
    assert row["fact"] == ox.NamedNode("http://example.org/f")


def test_answers_equal_with_and_without_views(cached: LocalBackend) -> None:
    plain = LocalBackend(cached.store)
    for lang in ("de", "en"):
        ask = questions.Ask(lang=lang, today=date(2026, 12, 1))
        assert questions.who(cached, "NOOTS", ask) == questions.who(plain, "NOOTS", ask)
        assert questions.what(cached, "FITKO", ask) == questions.what(plain, "FITKO", ask)
        assert questions.deadlines(cached, ask) == questions.deadlines(plain, ask)
        assert questions.demands(cached, ask) == questions.demands(plain, ask)


def test_unfinished_views_are_not_read(tmp_path, monkeypatch) -> None:
    """A views folder without its mark (a build that died) is computed anew, one language
    at a time."""
    monkeypatch.setenv("GOVGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("GOVGRAPH_CACHE_MIN_BYTES", "0")
    backend = open_backend(DataSelection(), timeout=None)
    backend.views.mkdir()
    (backend.views / "left-over.tsv").write_text("?x\n", encoding="utf-8")
    precomputed.ensure(backend, "en")
    assert (backend.views / precomputed.READY.format(lang="en")).exists()
    assert not (backend.views / precomputed.READY.format(lang="de")).exists()
    sources = len(source_records(LocalBackend(backend.store), "en"))
    assert len(list(backend.views.glob("*.tsv"))) == 1 + len(precomputed.AT_BUILD) + sources


DAYS = ("2020-01-01", "2025-06-30", "2026-01-01", "2026-07-01", "2026-12-01", "2031-01-01")
FILTERS = (
    {},
    {"status": "past"},
    {"status": "open"},
    {"status": "upcoming"},
    {"start": date(2026, 1, 1), "end": date(2026, 12, 31)},
    {"start": date(2026, 7, 1)},
    {"end": date(2025, 12, 31), "status": "open"},
)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_deadline_status_is_the_querys(local_store: ox.Store, lang: str) -> None:
    """rows.deadlines filters and words the status in Python; deadlines.rq with today and the
    filters bound gives the same rows with the same status, on every day and filter."""
    backend = LocalBackend(local_store)
    # and the days windows begin or end on, where < and <= differ
    bounds = {
        r[k].value for r in run_named(backend, "deadlines") for k in ("start", "end") if k in r
    }
    days = [*DAYS, *sorted(bounds)[:: max(1, len(bounds) // 6)]]
    edges = [date.fromisoformat(b) for b in sorted(bounds)[:: max(1, len(bounds) // 3)]]
    filters = [*FILTERS, *({"start": d} for d in edges), *({"end": d} for d in edges)]
    for day in map(date.fromisoformat, days):
        for f in filters:
            got = rows.deadlines(backend, lang, day, f.get("start"), f.get("end"), f.get("status"))
            status = f.get("status")
            expected = run_named(
                backend,
                "deadlines",
                lang=lang,
                today=day,
                **{"from": f.get("start"), "to": f.get("end")},
                status=ox.Literal(status) if status else None,
            )
            assert [(r.iri, r.status, r.status_label) for r in got] == [
                (x["item"].value, x["status"].value, x["statusLabel"].value) for x in expected
            ], (day, f)
            assert got or f  # the shipped graph has deadlines on every day unfiltered


def test_entities_named_one_by_one_as_from_the_whole_index(cached: LocalBackend) -> None:
    """Names look entities up alone until ONE_BY_ONE, then load every label: the same names."""
    from govgraph.graph.sparql.entities import ONE_BY_ONE, EntityIndex

    whole = EntityIndex(cached, "de").entities
    alone = EntityIndex(cached, "de")
    for iri in list(whole)[:ONE_BY_ONE]:
        one = alone.known(iri)
        assert (one.labels, one.alt_labels) == (whole[iri].labels, whole[iri].alt_labels), iri
    assert alone._entities is None  # nothing loaded as a whole yet
    assert alone.known(next(reversed(whole))) is not None and alone._entities is not None
    assert alone.known("http://example.org/not-an-entity") is None


def test_compact_deadline_rows_give_the_evaluated_rows(cached: LocalBackend) -> None:
    """The views keep deadlines.rq's rows in compact form; read back, every day and filter
    gives the rows the query's own answer gives."""
    plain = LocalBackend(cached.store)
    for lang in precomputed.LANGS:
        compact = precomputed.dated_rows(cached, lang)
        assert compact and compact == rows.compact_dated(run_named(plain, "deadlines", lang=lang))
        assert precomputed.dated_rows(plain, lang) is None  # no views: evaluated
        for day in map(date.fromisoformat, DAYS):
            for f in FILTERS:
                args = (lang, day, f.get("start"), f.get("end"), f.get("status"))
                kept = rows.deadlines(cached, *args, stored=compact)
                assert kept == rows.deadlines(plain, *args), (day, f)


def test_compact_deadline_rows_are_what_is_read(cached: LocalBackend) -> None:
    path = precomputed._dated_path(cached.views, "de")
    compact = precomputed.dated_rows(cached, "de")
    assert compact is not None
    first = compact[0]
    first[rows.DATED_VARIABLES.index("itemLabel")] = "Aus der Sicht"
    path.write_text(json.dumps([first]), encoding="utf-8")
    day = date(2026, 12, 1)
    (row,) = rows.deadlines(cached, "de", day, stored=precomputed.dated_rows(cached, "de"))
    assert row.what == "Aus der Sicht"
    path.write_text("[[", encoding="utf-8")  # unreadable: evaluated instead
    assert precomputed.dated_rows(cached, "de") is None
    assert len(rows.deadlines(cached, "de", day, stored=None)) == len(compact)


def test_a_time_bound_that_is_no_plain_day_is_not_compacted() -> None:
    """A bound that is no xsd:date of ten characters cannot be compared as a day here: such
    rows are not kept compact, each question asks the query with its day."""
    day = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
    good = {
        "item": ox.NamedNode("http://example.org/d"),
        "start": ox.Literal("2026-01-01", datatype=day),
    }
    assert rows.compact_dated([good])[0][:1] == ["http://example.org/d"]
    for bad in (
        ox.Literal("2026-01-01T00:00:00", datatype=ox.NamedNode(XSD + "dateTime")),
        ox.Literal("2026", datatype=ox.NamedNode(XSD + "gYear")),
        ox.Literal("2026-01-01Z", datatype=day),
    ):
        with pytest.raises(ValueError):
            rows.compact_dated([good, {**good, "end": bad}])


XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_decorated_rows_are_the_decorated_json(local_store: ox.Store, lang: str) -> None:
    """decorate gives a typed row its sources without going through its JSON view: the same
    fields as decorating the JSON view (the way dict rows go), on every row of the answers."""
    from govgraph.graph.answers.claims import decorate
    from govgraph.graph.sources.claims import load_claims

    backend = LocalBackend(local_store)
    claims = load_claims(backend, lang)
    day = date(2026, 12, 1)
    who = rows.who(backend, questions.resolve(backend, "NOOTS", lang).iri, lang, None)
    found = [(rows.deadlines(backend, lang, day), "iri"), (rows.demands(backend, lang), "iri")]
    found.append((who, "fact_iri"))
    assert all(len(r) > 5 for r, _ in found)
    states = set()
    for at in (day, None, date(2020, 1, 1)):
        for records, key in found:
            typed = decorate(records, claims, key, lang, at, all_claims=True)
            plain = decorate([r.to_json() for r in records], claims, key, lang, at, all_claims=True)
            assert [r.to_json() for r in typed] == plain
            assert any(r.get("sources") for r in typed)
            states |= {r.get("claim_state") for r in typed}
            assert [type(r) for r in typed] == [type(r) for r in records]
            assert typed == [type(r).from_json(p) for r, p in zip(records, plain, strict=True)]
    assert states > {""}  # rows under a conflict among them


def test_hidden_entries_have_at_least_their_fewest_lines(cached: LocalBackend) -> None:
    """The text folds entries it cannot show without wrapping them, by a lower bound of their
    lines: that bound never exceeds the lines an entry takes."""
    from govgraph.cli.answer_text import _fewest_lines, entry_lines

    ask = questions.Ask(lang="de", today=date(2026, 12, 1))
    answers = [questions.deadlines(cached, ask), questions.who(cached, "NOOTS", ask)]
    entries = [e for a in answers for g in a.groups for e in g.entries]
    assert len(entries) > 20
    for width in (40, 80, 200):
        for entry in entries:
            assert _fewest_lines(entry) <= len(entry_lines(entry, width, "de", False))


def test_quote_sources_are_kept(cached: LocalBackend) -> None:
    """The map quote → (source, place) (for quotes without a fact node) is kept as JSON in the
    views,
    equal to the one read from the graph, read back from there, and computed again when
    missing (a build that left it out)."""
    from govgraph.graph.sources.claims import quote_sources

    plain = LocalBackend(cached.store)
    assert len(list(cached.views.glob("*" + precomputed.QUOTES))) == len(precomputed.LANGS)
    found = quote_sources(plain, "de")
    assert found and precomputed.quote_sources(cached, "de") == found
    for path in cached.views.glob("*" + precomputed.QUOTES):
        path.write_text(json.dumps({"ein Zitat": ["Q", "§ 1"]}), encoding="utf-8")
    assert precomputed.quote_sources(cached, "de") == {"ein Zitat": ("Q", "§ 1")}
    assert precomputed.quote_sources(plain, "de") == found  # no views: read from the graph
    for path in cached.views.glob("*" + precomputed.QUOTES):
        path.unlink()
    assert precomputed.quote_sources(cached, "de") == found
    assert len(list(cached.views.glob("*" + precomputed.QUOTES))) == 1


def test_a_query_worker_reads_the_views_without_the_memo(cached: LocalBackend) -> None:
    """`govgraph query` evaluates in a worker process: on a cached store it reads the views
    too (also with GOVGRAPH_NO_ANSWER_MEMO, i.e. without a memo folder)."""
    from govgraph.graph.sparql.catalog import named_query
    from govgraph.graph.sparql.workers import Job, evaluate
    from govgraph.graph.store.backend import answer_key
    from govgraph.graph.store.binding import bind

    query = named_query("fact-notes").text
    bindings = {"__lang": ox.Literal("de")}
    (cached.views / answer_key(bind(query, bindings))).write_text(
        '?fact\t?note\n<http://example.org/f>\t"aus der Sicht"\n', encoding="utf-8"
    )
    kept = evaluate(cached.store, Job(query, bindings), None, None, cached.views).outcome()
    assert [row["note"].value for row in kept.rows] == ["aus der Sicht"]
    plain = evaluate(cached.store, Job(query, bindings), None, None, None).outcome()
    assert plain.rows and "aus der Sicht" not in [row["note"].value for row in plain.rows]


def test_a_stored_answer_is_read_without_a_worker(cached: LocalBackend) -> None:
    """`govgraph query` reads a view it holds in its own process: the rows are the view's, no
    worker process is started for them, and a row limit (the web) still goes to a worker."""
    from govgraph.graph.sparql.catalog import named_query
    from govgraph.graph.sparql.runner import run
    from govgraph.graph.sparql.workers import Limits, QueryPool, StoreSource
    from govgraph.graph.store.backend import answer_key
    from govgraph.graph.store.binding import bind

    query = named_query("fact-notes")
    bindings = {"__lang": ox.Literal("de")}
    (cached.views / answer_key(bind(query.text, bindings))).write_text(
        '?fact\t?note\n<http://example.org/f>\t"aus der Sicht"\n', encoding="utf-8"
    )
    assert cached.stored(query.text, {"__lang": ox.Literal("fr")}) is None
    pool = QueryPool(StoreSource.of(DataSelection()), size=1)
    try:
        outcome = run(cached, query, bindings, pool=pool, limits=Limits(30.0))
        assert [row["note"].value for row in outcome.rows] == ["aus der Sicht"]
        assert outcome.variables[:2] == ("fact", "note") and pool.pids() == []
        limited = run(cached, query, bindings, pool=pool, limits=Limits(30.0, rows=1000))
        assert limited.rows and "aus der Sicht" not in [r["note"].value for r in limited.rows]
        assert len(pool.pids()) == 1
    finally:
        pool.close()
