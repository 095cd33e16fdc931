"""The web face over HTTP: status codes, security headers, validation, downloads.

Most tests use starlette's TestClient on the app (fast, same code path); the last ones talk to
the real server process (`govgraph web --port 0`)."""

from __future__ import annotations

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
    assert "Stand 01.06.2025" in r.text
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
    everything = client.get("/who?subject=NOOTS&all=1&all_claims=1").text.count("<tr>")
    followed = client.get("/who?subject=NOOTS&all=1").text.count("<tr>")
    treaty = client.get("/who?subject=NOOTS&all=1&source=NOOTSStVtr")
    assert treaty.status_code == 200
    assert everything > followed > treaty.text.count("<tr>") > 1
    assert "NOOTSStVtr" in treaty.text and "§ 8" in treaty.text  # sources and locators
    assert "überholt" in client.get("/who?subject=NOOTS&all=1&all_claims=1").text
    unknown = client.get("/who?subject=NOOTS&source=nope")
    assert unknown.status_code == 404 and "NOOTSStVtr" in unknown.text


def test_conflicts_page_shows_rule_and_both_claims(client):
    r = client.get("/conflicts")
    assert r.status_code == 200
    assert "Anteil des Bundes an der NOOTS-Finanzierung ab 2027" in r.text
    assert "✓ gilt" in r.text and "✗ überholt" in r.text
    assert "/source?id=" in r.text  # quotes lead into their source


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
