"""The web face over HTTP: status codes, security headers, validation, downloads.

Most tests use starlette's TestClient on the app (fast, same code path); the last ones talk to
the real server process (`govgraph web --port 0`)."""

from __future__ import annotations

import re
import warnings
from datetime import date

import httpx
import pytest
from web_server import running_server

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from govgraph.web.app import CSP, create_app
from govgraph.web.graph import Settings
from govgraph.web.sources import anchor

SOURCE = "ggd:source-000_2f97107a3c89067a"


def visible(html: str) -> str:
    """A page's text as read: without the spans that keep names and shares on one line."""
    return html.replace('<span class="nobr">', "").replace("</span>", "")


@pytest.fixture(scope="module")
def client():
    app = create_app(Settings(today=date(2026, 11, 27)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return TestClient(app, raise_server_exceptions=False)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/search?q=NOOTS",
        "/entity?id=NOOTS",
        "/entity?id=ggd:kommunalgremium",
        "/who?subject=RegMo",
        "/who?subject=RegMo&at=2026-01-01&lang=en",
        "/what?actor=IT-PLR",
        "/deadlines?status=open",
        "/deadlines?from=2025-01-01&to=31.12.2026",
        "/demands",
        "/sources",
        f"/source?id={SOURCE}",
        "/source?id=NOOTSStVtr",
        "/conflicts",
        "/conflicts?source=NOOTSStVtr&at=2026-01-15",
        "/path",
        "/path?a=RegMo&b=MASTD",
        "/who?subject=NOOTS&source=NOOTSStVtr&all_claims=1",
        "/network?focus=NOOTS",
        "/sparql",
        "/sparql?name=who-responsible",
    ],
)
def test_pages_answer_with_strict_csp(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-security-policy"] == CSP
    assert "'unsafe-inline'" not in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in r.text and "style=" not in r.text  # no inline code
    assert 'src="http' not in r.text and 'href="http' not in r.text.replace(
        'href="https://w3id.org', ""
    )


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/who?subject=RegMo&at=2026-13-45", 400, "not a date"),
        ("/who?subject=RegMo&at=gestern", 400, "at:"),
        ("/deadlines?from=2027-01-01&to=2026-01-01", 400, "is after"),
        ("/deadlines?status=soon", 400, "status"),
        ("/who?subject=RegMo&lang=fr", 400, "lang"),
        ("/network?focus=NOOTS&depth=99", 400, "depth"),
        ("/entity?id=xyzzy-nothing", 404, "no entity matches"),
        ("/entity?id=Arbeitskreis", 404, "Arbeitskreis IT"),
        ("/source?id=ggd:no-such-source", 404, "no such source"),
        ("/sparql?name=no-such-query", 404, "no named query"),
        ("/no/such/page", 404, "Nicht gefunden"),
        ("/who?subject=" + "x" * 400, 413, "at most"),
        ("/sparql?query=" + "x" * 6000, 413, "at most"),
        ("/sparql?query=INSERT DATA { <urn:a> <urn:b> <urn:c> }", 400, "UPDATE refused"),
        (
            "/sparql?query=SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }",
            400,
            "SERVICE",
        ),
        ("/sparql?query=SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", 400, "FROM"),
        ("/sparql?query=SELECT ?s WHERE {", 400, "syntax error"),
        ("/sparql?name=who-responsible&run=1", 400, "missing parameters"),
    ],
)
def test_bad_input_gets_a_friendly_page_and_the_right_status(client, path, status, words):
    r = client.get(path)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("text/html")
    assert words in r.text
    assert "Traceback" not in r.text
    assert r.headers["content-security-policy"] == CSP


def test_ambiguous_entity_lists_candidates_as_links(client):
    r = client.get("/entity?id=Arbeitskreis")
    assert r.status_code == 404
    assert 'href="/entity?id=ggd%3Aak-it"' in r.text


def test_no_write_routes(client):
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        r = client.request(method, "/sparql?query=ASK{}")
        assert r.status_code == 405
        assert "GET" in r.headers["allow"]


def test_who_at_filters_by_day_and_keeps_it_in_the_form(client):
    r = client.get("/who?subject=NOOTS&at=2025-06-01")
    assert r.status_code == 200
    assert "Stand 1. Juni 2025" in r.text
    assert 'value="2025-06-01"' in r.text


def test_language_switch_keeps_the_filters(client):
    r = client.get("/who?subject=NOOTS&at=2025-06-01")
    assert 'href="/who?subject=NOOTS&amp;at=2025-06-01&amp;lang=en"' in r.text
    en = client.get("/who?subject=NOOTS&at=2025-06-01&lang=en")
    assert '<html lang="en">' in en.text and "Who is responsible for" in en.text
    assert 'name="lang" value="en"' in en.text  # forms keep the language


def test_entity_quotes_link_to_their_anchor_in_the_source(client):
    r = client.get("/entity?id=Kommunalgremium")
    quote = "Bereits zuvor hatte der IT-Planungsrat ein Kommunalgremium etabliert."
    assert f"#{anchor(quote)}" in r.text
    source = client.get(f"/source?id={SOURCE}")
    assert f'<span class="anchor" id="{anchor(quote)}"></span><mark>{quote}' in source.text


def test_source_filter_and_superseded_claims(client):
    everything = client.get("/who?subject=NOOTS&all=1&all_claims=1&format=json").json()
    followed = client.get("/who?subject=NOOTS&all=1&format=json").json()
    treaty = client.get("/who?subject=NOOTS&all=1&source=NOOTSStVtr")
    assert treaty.status_code == 200
    entries = client.get("/who?subject=NOOTS&all=1").text.count('<li class="entry">')
    assert len(everything) > len(followed) and entries > treaty.text.count('<li class="entry">') > 1
    assert "NOOTSStVtr § 8 Abs. 1 Satz 3" in visible(treaty.text)  # sources and locators
    # An overruled claim is never evidence: one line says who said it and what overrules it.
    html = client.get("/who?subject=NOOTS&at=2027-06-01").text
    assert '<span class="nobr">46,6 %</span>' in html  # a share never breaks before "%"
    page = visible(html)
    assert "GB StT RLP sagte »Ab dem Jahr 2027 soll die Finanzierung hälftig" in page
    assert "– überholt durch NOOTSStVtr § 8 Abs. 1 Satz 3" in page
    assert "46,6 %" in page and "53,4 %" in page and "46.6 %" not in page
    unknown = client.get("/who?subject=NOOTS&source=nope")
    assert unknown.status_code == 404 and "NOOTSStVtr" in unknown.text


def test_conflicts_page_shows_rule_and_both_claims(client):
    r = client.get("/conflicts")
    assert r.status_code == 200
    text = visible(r.text)
    assert "Anteil des Bundes an der NOOTS-Finanzierung ab 2027" in text
    assert "✓ gilt" in text and "✗ überholt" in text
    assert "Regel: maßgeblicher Text" in text
    assert "/source?id=" in text  # quotes lead into their source
    # before the treaty came into force the report's status still holds
    early = visible(client.get("/conflicts?at=2026-01-15").text)
    assert "✓ gilt noch" in early and "○ gilt erst ab 1. Februar 2026" in early


def test_search_api_for_search_as_you_type(client):
    r = client.get("/api/search?q=noots")
    assert r.status_code == 200
    items = r.json()
    assert items and items[0]["url"].startswith("/entity?id=")
    assert client.get("/api/search?q=" + "x" * 400).status_code == 413


def test_sparql_downloads(client):
    base = "/sparql?name=who-responsible&p.subject=NOOTS&run=1"
    csv = client.get(base + "&format=csv")
    assert csv.status_code == 200
    assert csv.headers["content-type"].startswith("text/csv")
    assert 'filename="who-responsible.csv"' in csv.headers["content-disposition"]
    assert csv.text.startswith("fact,")
    js = client.get(base + "&format=json").json()
    assert js["results"]["bindings"]
    ttl = client.get("/sparql?query=CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5&format=ttl")
    assert ttl.status_code == 200 and ttl.headers["content-type"].startswith("text/turtle")
    wrong = client.get(base + "&format=ttl")
    assert wrong.status_code == 400


def test_sparql_row_limit():
    app = create_app(Settings(today=date(2026, 11, 27), sparql_rows=10))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        small = TestClient(app, raise_server_exceptions=False)
    r = small.get("/sparql?query=SELECT * WHERE { ?s ?p ?o }")
    assert r.status_code == 413 and "LIMIT" in r.text


def test_network_frame_is_sandboxed(client):
    r = client.get("/network/frame?focus=NOOTS")
    assert r.status_code == 200
    policy = r.headers["content-security-policy"]
    assert "sandbox allow-scripts" in policy and "default-src 'none'" in policy
    assert "connect-src" not in policy  # nothing to fetch from the frame


def test_real_server_binds_loopback_and_refuses_foreign_hosts():
    with running_server() as url:
        assert url.startswith("http://127.0.0.1:")
        r = httpx.get(url + "/who?subject=RegMo&at=2026-01-01")
        assert r.status_code == 200
        assert r.headers["content-security-policy"] == CSP
        assert httpx.get(url + "/who?at=31.02.2026").status_code == 400
        assert httpx.get(url + "/", headers={"Host": "evil.example"}).status_code == 400


def test_page_cache_keeps_ok_pages_only():
    from starlette.responses import HTMLResponse

    from govgraph.web.cache import PageCache

    cache = PageCache(entries=2)
    calls = []

    def page(status: int):
        def compute():
            calls.append(status)
            return HTMLResponse("x", status_code=status)

        return compute

    assert cache.get("a", page(200)).body == b"x"
    assert cache.get("a", page(200)).status_code == 200
    cache.get("bad", page(400))
    cache.get("bad", page(400))
    assert calls == [200, 400, 400]
    cache.get("b", page(200))
    cache.get("c", page(200))  # pushes out "a"
    cache.get("a", page(200))
    assert calls == [200, 400, 400, 200, 200, 200]


def test_busy_port_is_one_line_and_exit_2():
    import socket

    from conftest import run_process

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = run_process("web", "--port", str(port))
    assert result.returncode == 2
    assert result.stderr.startswith("govgraph: --host 127.0.0.1 --port")
    assert "Traceback" not in result.stderr


def test_a_query_over_time_is_a_503_page_not_kept():
    app = create_app(Settings(today=date(2026, 11, 27), sparql_timeout=0.5))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        slow = TestClient(app, raise_server_exceptions=False)
    query = "/sparql?query=SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    r = slow.get(query)
    assert r.status_code == 503 and "Zeitlimit" in r.text
    # not kept: its worker was killed, so asking again costs no evaluation left running
    assert not app.state.pages._hit(("/sparql", r.request.url.query.decode(), date(2026, 11, 27)))
    app.state.queries.close()


def test_source_text_from_shipped_or_library_folder_never_outside(tmp_path):
    from govgraph.web.sources import SourceDocument, segments

    (tmp_path / "mine.txt").write_text("Vorher. Das Zitat steht hier. Nachher.", encoding="utf-8")
    doc = SourceDocument("urn:x", "Mine", "mine.txt", folders=(tmp_path,))
    assert doc.text().startswith("Vorher.")
    assert (
        SourceDocument("urn:x", "Evil", "../mine.txt", folders=(tmp_path / "sub",)).text() is None
    )
    parts, missing = segments(doc.text(), ["Das Zitat steht hier.", "fehlt"])
    assert [p.text for p in parts if p.marked] == ["Das Zitat steht hier."]
    assert missing == ["fehlt"]


# Every question with several subjects, days and a source: the web page's JSON twin (by
# ?format=json and by Accept) is the CLI's --format json for the same question.
PARITY = [
    ("/who?subject=NOOTS", ["who", "NOOTS"]),
    ("/who?subject=RegMo&at=2026-01-01", ["who", "RegMo", "--at", "2026-01-01"]),
    (
        "/who?subject=NOOTS&at=2027-06-01&source=NOOTSStVtr",
        ["who", "NOOTS", "--at", "2027-06-01", "--source", "NOOTSStVtr"],
    ),
    ("/who?subject=NOOTS&all=1&all_claims=1", ["who", "NOOTS", "--all-times", "--all-claims"]),
    ("/what?actor=FITKO", ["what", "FITKO"]),
    ("/what?actor=Staedtetag&at=2025-06-01", ["what", "Staedtetag", "--at", "2025-06-01"]),
    ("/what?actor=IT-PLR&source=GGArt91cVtr", ["what", "IT-PLR", "--source", "GGArt91cVtr"]),
    ("/deadlines", ["deadlines"]),
    ("/deadlines?from=2025-01-01&to=2026", ["deadlines", "--from", "2025-01-01", "--to", "2026"]),
    (
        "/deadlines?status=upcoming&source=NOOTSStVtr",
        ["deadlines", "--status", "upcoming", "--source", "NOOTSStVtr"],
    ),
    ("/demands", ["demands"]),
    ("/demands?addressee=MASTD", ["demands", "--to", "MASTD"]),
    (
        "/demands?by=Staedtetag&source=GB%20StT%20RLP",
        ["demands", "--by", "Staedtetag", "--source", "GB StT RLP"],
    ),
    ("/sources", ["sources"]),
    ("/conflicts", ["conflicts"]),
    ("/conflicts?at=2026-01-15", ["conflicts", "--at", "2026-01-15"]),
    ("/conflicts?source=NOOTSStVtr", ["conflicts", "--source", "NOOTSStVtr"]),
    ("/conflicts?about=FITKO&at=2025-06-01", ["conflicts", "FITKO", "--at", "2025-06-01"]),
    (
        "/conflicts?about=NOOTS-Staatsvertrag&source=NOOTSStVtr",
        ["conflicts", "NOOTS-Staatsvertrag", "--source", "NOOTSStVtr"],
    ),
    (
        "/conflicts?source=GB%20StT%20RLP&at=2025-06-01",
        ["conflicts", "--source", "GB StT RLP", "--at", "2025-06-01"],
    ),
    ("/path?a=RegMo&b=MASTD", ["path", "RegMo", "MASTD"]),
    ("/path?a=IT-PLR&b=Bund&at=2026-06-01", ["path", "IT-PLR", "Bund", "--at", "2026-06-01"]),
    ("/path?a=FITKO&b=NOOTS&max=2", ["path", "FITKO", "NOOTS", "--max", "2"]),
]


@pytest.mark.parametrize(("url", "args"), PARITY, ids=[u for u, _ in PARITY])
def test_json_twin_equals_the_cli(client, govgraph, url, args):
    import json

    cli = govgraph("--today", "2026-11-27", *args, "--format", "json")
    assert cli.code == 0, cli.err
    expected = json.loads(cli.out)
    by_format = client.get(url + "&format=json" if "?" in url else url + "?format=json")
    assert by_format.status_code == 200
    assert by_format.headers["content-type"].startswith("application/json")
    assert by_format.json() == expected
    by_accept = client.get(url, headers={"Accept": "application/json"})
    assert by_accept.json() == expected
    page = client.get(url)  # the same URL for a browser is the page, not the kept JSON
    assert page.headers["content-type"].startswith("text/html")


def test_quote_parts_mark_the_overruled_quote(client, govgraph):
    """A fact both sources state joins both quotes in `quote`; `quote_parts` says which one
    speaks for the overruled claim (the report's »hälftig«), the same in CLI and web JSON."""
    import json

    url = "/who?subject=NOOTS&at=2027-06-01&format=json"
    rows = client.get(url).json()
    joined = [r for r in rows if "hälftig" in r["quote"] and "46,6 %" in r["quote"]]
    assert joined
    parts = {p["source"]: p for p in joined[0]["quote_parts"]}
    assert parts["GB StT RLP"]["overruled"] is True and "hälftig" in parts["GB StT RLP"]["quote"]
    assert parts["NOOTSStVtr"]["overruled"] is False
    assert parts["NOOTSStVtr"]["locator"] == "§ 8 Abs. 1 Satz 3"
    cli = govgraph(
        "--today", "2026-11-27", "who", "NOOTS", "--at", "2027-06-01", "--format", "json"
    )
    assert json.loads(cli.out) == rows


def test_today_typed_in_a_form_is_the_servers_today(client):
    """The server runs with --today 2026-11-27: "heute" and "today" mean that day."""
    for word in ("heute", "today", "Heute"):
        page = client.get(f"/who?subject=NOOTS&at={word}").text
        assert "Stand 27. November 2026" in page and 'value="2026-11-27"' in page
    rows = client.get("/deadlines?from=heute&format=json").json()
    # Each row reaches that day: it ends on or after it, or is open at its end ("ab 2027").
    is_open = [r for r in rows if r["from"] and not r["to"] and r["when"].startswith("ab ")]
    assert is_open and rows
    assert all(r in is_open or (r["to"] or r["from"] or "9999") >= "2026-11-27" for r in rows)


def test_the_count_of_conflicts_links_to_those_on_the_subject(client):
    page = visible(client.get("/who?subject=NOOTS").text)
    assert '5 Widersprüche · <a href="/conflicts?about=NOOTS">' in page
    about = visible(client.get("/conflicts?about=NOOTS").text)
    assert "zu NOOTS (National Once Only Technical System)" in about
    assert about.count('<section class="group"') == 5
    it_plr = visible(client.get("/conflicts?about=IT-PLR").text)
    assert it_plr.count('<section class="group"') == 1  # who pays for NOOTS in 2025 and 2026
    assert client.get("/conflicts?about=xyzzy-nothing").status_code == 404


def test_broad_word_hint_links_to_the_search_page(client):
    page = client.get("/who?subject=Digitalisierung").text
    assert '<a href="/search?q=Digitalisierung">' in page
    assert "govgraph" not in page.split("<main", 1)[1].split("</main>")[0]


def test_json_twin_of_a_bad_question_is_json(client):
    r = client.get("/who?subject=xyzzy-nothing&format=json")
    assert r.status_code == 404 and "no entity matches" in r.json()["error"]


def test_a_year_as_range_end_means_its_end(client):
    rows = client.get("/deadlines?from=2026-01-01&to=2026&format=json").json()
    assert any(r["to"] == "2026-06-30" for r in rows)  # the ratification quorum, 30 June
    page = client.get("/deadlines?from=2026-01-01&to=2026")
    assert 'value="2026-12-31"' in page.text


def test_search_form_keeps_the_language(client):
    r = client.get("/?lang=en")
    assert 'action="/search"' in r.text and 'name="lang" value="en"' in r.text


def test_entity_page_marks_conflicts(client):
    r = client.get("/entity?id=ggd:noots-staatsvertrag")
    assert r.status_code == 200
    assert 'class="conflict"' in r.text and "/conflicts" in r.text


def test_sparql_page_uses_the_servers_today(client):
    """The named query deadlines without a `today`: the server's day (2026-11-27) decides
    what is past, as on the deadlines page, and so do its downloads."""
    r = client.get("/sparql?name=deadlines&run=1&format=json")
    assert r.status_code == 200
    rows = r.json()["results"]["bindings"]
    status = {b["item"]["value"].rsplit("/", 1)[-1]: b["status"]["value"] for b in rows}
    assert status["deadline-noots-quorum"] == "past"  # 30 June 2026, before the server's day
    assert "upcoming" in status.values()


def test_page_text_is_escaped_and_only_names_shares_norms_and_days_held_together():
    from govgraph.web.pages import keep

    assert keep("Bund & Länder <b>") == "Bund &amp; Länder &lt;b&gt;"  # nothing to hold
    assert keep("Der IT-Planungsrat trägt 46,6 % nach § 8 <Abs>") == (
        'Der <span class="nobr">IT-Planungsrat</span> trägt <span class="nobr">46,6 %</span>'
        ' nach <span class="nobr">§ 8</span> &lt;Abs&gt;'
    )
    assert keep("Stand 7. Dezember 2026, ab März 2025") == (
        'Stand <span class="nobr">7. Dezember 2026</span>, ab <span class="nobr">März 2025</span>'
    )


def test_an_answers_title_keeps_its_day_on_one_line(client):
    page = client.get("/who", params={"subject": "FITKO"})
    assert page.status_code == 200
    assert 'Stand <span class="nobr">27. November 2026</span></h1>' in page.text


def test_a_graph_in_memory_is_served_with_its_views():
    """The shipped graph is parsed into memory: the web reads the views a cached store keeps
    beside it (claims, notes, dated items, network), computed once for the data in both
    languages and kept in the cache folder for the next process. The pages read from them
    equal the CLI's (test_json_twin_equals_the_cli)."""
    from govgraph.graph.store.cache import cache_root
    from govgraph.web.app import close_queries

    app = create_app(Settings(today=date(2026, 11, 27)))
    folder = app.state.graph.backend().views
    assert folder.parent == cache_root() and folder.name.startswith("views-")
    assert (folder / "READY-de").exists() and (folder / "READY-en").exists()
    close_queries(app)
    assert (folder / "READY-de").exists()


def test_a_graph_in_memory_without_cache_has_its_views_removed_at_the_end(monkeypatch):
    """With GOVGRAPH_NO_CACHE (or a cache folder that cannot be written) the views are
    computed at start into a temporary folder and removed when the server stops."""
    from govgraph.graph.sparql.catalog import named_query
    from govgraph.graph.sparql.named import run_named
    from govgraph.graph.store.backend import LocalBackend, answer_key
    from govgraph.graph.store.binding import bind
    from govgraph.web.app import close_queries

    monkeypatch.setenv("GOVGRAPH_NO_CACHE", "1")
    app = create_app(Settings(today=date(2026, 11, 27)))
    backend = app.state.graph.backend()
    folder = backend.views
    assert (folder / "READY-de").exists() and (folder / "READY-en").exists()
    # the dated items every deadlines page starts from: read back, the rows the graph gives
    deadlines = named_query("deadlines")
    bound = bind(deadlines.text, {"__lang": deadlines.param("lang").term("en")})
    assert (folder / answer_key(bound)).exists()
    evaluated = run_named(LocalBackend(backend.store), "deadlines", lang="en")
    assert run_named(backend, "deadlines", lang="en") == evaluated
    close_queries(app)
    assert not folder.exists()


def test_a_big_graph_in_memory_starts_without_views(monkeypatch):
    """Views of a big graph parsed into memory would take seconds to minutes at start: above
    VIEWS_MAX_TRIPLES the server answers from the graph as before, where the views cannot be
    kept for the next start (GOVGRAPH_NO_CACHE)."""
    from govgraph.web import graph

    monkeypatch.setattr(graph, "VIEWS_MAX_TRIPLES", 1000)  # the shipped graph has ~8,000
    monkeypatch.setenv("GOVGRAPH_NO_CACHE", "1")
    app = create_app(Settings(today=date(2026, 11, 27)))
    assert app.state.graph.backend().views is None


def test_a_relation_quote_names_its_place_on_the_page(client):
    """A quote without a fact node (the treaty that sets up the FITKO) shows where it stands,
    as in the CLI."""
    html = client.get("/who?subject=FITKO").text
    page = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    start = page.index("eingerichtet von")
    assert "GGArt91cVtr § 5 Abs. 1 Satz 1" in page[start : start + 400]
