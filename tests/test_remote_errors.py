"""--endpoint against failing servers: one clear line, exit 3, and nothing sent that must not be."""

from __future__ import annotations

import json
import time

import pytest
from query_examples import CRAFTED_ASK
from sparql_server import fake_endpoint, free_port  # noqa: F401  (pytest fixture)

from govgraph.graph.errors import QueryError, RemoteError
from govgraph.graph.store.remote import RemoteBackend

ASK = "ASK { ?s ?p ?o }"
SELECT = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"


def answer(status: int, body: bytes, content_type: str):
    def respond(handler) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return respond


def one_line_exit_3(result) -> str:
    assert result.code == 3, result.err
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("govgraph: "), result.err
    assert "Traceback" not in result.err
    return lines[0]


def test_connection_refused(govgraph):
    port = free_port()  # nothing listens there
    line = one_line_exit_3(
        govgraph("--endpoint", f"http://127.0.0.1:{port}/query", "query", "-e", ASK)
    )
    assert "connection refused" in line


def test_unknown_host(govgraph):
    line = one_line_exit_3(
        govgraph(
            "--endpoint", "http://no-such-host.invalid/query", "--timeout", "5", "query", "-e", ASK
        )
    )
    assert "host not found" in line or "connection failed" in line


def test_slow_endpoint_times_out(govgraph, fake_endpoint):  # noqa: F811
    def slow(handler) -> None:
        time.sleep(3)
        answer(200, b'{"head":{},"boolean":true}', "application/sparql-results+json")(handler)

    url, recorder = fake_endpoint(slow)
    started = time.monotonic()
    line = one_line_exit_3(govgraph("--endpoint", url, "--timeout", "0.5", "query", "-e", ASK))
    assert "timeout" in line
    assert time.monotonic() - started < 2.5
    assert len(recorder.requests) == 1


@pytest.mark.parametrize("status", [200, 500])
def test_html_error_page(govgraph, fake_endpoint, status):  # noqa: F811
    page = b"<html><head><title>Proxy Error</title></head><body><h1>Bad gateway</h1></body></html>"
    url, _ = fake_endpoint(answer(status, page, "text/html; charset=utf-8"))
    line = one_line_exit_3(govgraph("--endpoint", url, "query", "-e", SELECT))
    assert "Proxy Error" in line
    if status == 200:
        assert "text/html, not SPARQL results" in line
    else:
        assert "HTTP 500" in line


@pytest.mark.parametrize("status", [400, 401, 403, 404, 503])
def test_http_errors_carry_the_server_message(govgraph, fake_endpoint, status):  # noqa: F811
    url, _ = fake_endpoint(answer(status, b"the server says no", "text/plain"))
    line = one_line_exit_3(govgraph("--endpoint", url, "query", "-e", SELECT))
    assert f"HTTP {status}" in line and "the server says no" in line


def test_truncated_results(fake_endpoint):  # noqa: F811
    full = json.dumps(
        {"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri", "value": "a:b"}}]}}
    ).encode()
    url, _ = fake_endpoint(answer(200, full[: len(full) // 2], "application/sparql-results+json"))
    with pytest.raises(RemoteError, match="truncated or malformed"):
        RemoteBackend(url, timeout=5).select(SELECT)


def test_connection_cut_before_the_announced_length(fake_endpoint):  # noqa: F811
    def short(handler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/sparql-results+json")
        handler.send_header("Content-Length", "1000")
        handler.end_headers()
        handler.wfile.write(b'{"head":{"vars":["s"]},"results":{"bindings":[')
        handler.wfile.flush()
        handler.close_connection = True

    url, _ = fake_endpoint(short)
    with pytest.raises(RemoteError, match="truncated|cut off"):
        RemoteBackend(url, timeout=5).select(SELECT)


def test_requests_are_post_with_user_agent_and_auth_from_env(fake_endpoint, monkeypatch):  # noqa: F811
    url, recorder = fake_endpoint(
        answer(200, b'{"head":{},"boolean":true}', "application/sparql-results+json")
    )
    monkeypatch.setenv("GOVGRAPH_USER", "alice")
    monkeypatch.setenv("GOVGRAPH_PASSWORD", "s3cret")
    assert RemoteBackend(url, timeout=5).ask(ASK) is True
    method, _, headers, body = recorder.requests[0]
    assert method == "POST"
    assert headers["User-Agent"].startswith("govgraph/")
    assert headers["Authorization"] == "Basic YWxpY2U6czNjcmV0"
    assert body.startswith(b"query=")


@pytest.mark.parametrize(
    "text",
    [
        "DROP ALL",
        "# SELECT * WHERE { ?s ?p ?o }\nDROP ALL",
        "PREFIX ex: <http://example.org/> # ASK {}\nINSERT DATA { ex:a ex:b ex:c }",
        "#SELECT\nDELETE WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
    ],
)
def test_update_refused_before_anything_is_sent(govgraph, fake_endpoint, text):  # noqa: F811
    url, recorder = fake_endpoint(answer(200, b"{}", "application/sparql-results+json"))
    result = govgraph("--endpoint", url, "query", "-e", text)
    assert result.code == 1
    assert "UPDATE refused" in result.err
    assert recorder.requests == []


def test_service_never_reaches_the_network_without_allow_service(govgraph, fake_endpoint):  # noqa: F811
    url, recorder = fake_endpoint(answer(500, b"no", "text/plain"))
    for text in (
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}",
        f"ASK FROM NAMED <{url}> {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    ):
        result = govgraph("query", "-e", text)  # locally: pyoxigraph would fetch it
        assert result.code == 1 and "--allow-service" in result.err, result.err
    assert recorder.requests == []
    # With --allow-service, pyoxigraph really calls out (proof the guard is what stops it).
    result = govgraph(
        "query", "--allow-service", "-e", f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"
    )
    assert result.code == 1 and len(recorder.requests) == 1


def test_guard_sees_through_comments_strings_and_iris():
    from govgraph.graph.store.guard import check_query

    ok = check_query('SELECT ?x WHERE { ?x <http://e/SERVICE> "FROM SERVICE DROP" } # SERVICE')
    assert ok.form == "SELECT" and ok.variables == ("x",)
    with pytest.raises(QueryError, match="line 2, column 10"):
        check_query("SELECT ?x WHERE {\n  ?x ?y }")


def test_booleans_written_as_1_and_0_read_as_true_and_false(fake_endpoint):  # noqa: F811
    """Virtuoso writes xsd:boolean as "1"/"0" (valid lexical forms); the answers compare a flag's
    text with "true", so the backend reads them in canonical form."""
    boolean = "http://www.w3.org/2001/XMLSchema#boolean"
    body = json.dumps(
        {
            "head": {"vars": ["yes", "no", "count"]},
            "results": {
                "bindings": [
                    {
                        "yes": {"type": "typed-literal", "datatype": boolean, "value": "1"},
                        "no": {"type": "typed-literal", "datatype": boolean, "value": "0"},
                        "count": {
                            "type": "typed-literal",
                            "datatype": "http://www.w3.org/2001/XMLSchema#integer",
                            "value": "1",
                        },
                    }
                ]
            },
        }
    ).encode()
    url, _ = fake_endpoint(answer(200, body, "application/sparql-results+json"))
    [row] = RemoteBackend(url).select(SELECT)
    assert (row["yes"].value, row["no"].value, row["count"].value) == ("true", "false", "1")
    assert row["yes"].datatype.value == boolean


def dripping(in_headers: bool):
    """A server that answers one byte every 0.5 s for a minute: every read gets a byte in time,
    so only a deadline for the whole exchange ends it."""
    body = b'{"head":{},"boolean":true}' + b" " * 200

    def respond(handler) -> None:
        head = (
            b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
            + f"Content-Length: {len(body)}\r\n".encode()
            + b"X-Padding: "
            + b"x" * 200
            + b"\r\n\r\n"
        )
        fast, slow = (head[:20], head[20:] + body) if in_headers else (head, body)
        handler.wfile.write(fast)
        handler.wfile.flush()
        for byte in slow[:120]:  # 60 s at most
            time.sleep(0.5)
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()

    return respond


@pytest.mark.parametrize("in_headers", [False, True], ids=["body", "headers"])
def test_a_dripping_endpoint_stops_at_the_total_deadline(govgraph, fake_endpoint, in_headers):  # noqa: F811
    url, _ = fake_endpoint(dripping(in_headers))
    started = time.monotonic()
    line = one_line_exit_3(govgraph("--endpoint", url, "--timeout", "2", "query", "-e", ASK))
    elapsed = time.monotonic() - started
    assert "within 2 s (timeout)" in line
    assert elapsed < 5, elapsed


def test_a_crafted_ask_is_checked_within_the_time_limit_before_sending(govgraph, fake_endpoint):  # noqa: F811
    """pyoxigraph evaluates an ASK while parsing it: the check of the text runs in a query
    worker under --timeout, so four VALUES blocks stop there, and nothing is sent."""
    url, recorder = fake_endpoint(
        answer(200, b'{"boolean":true}', "application/sparql-results+json")
    )
    started = time.monotonic()
    result = govgraph("--endpoint", url, "--timeout", "1", "query", "-e", CRAFTED_ASK)
    assert result.code == 1 and "stopped after 1 s" in result.err, result.err
    assert time.monotonic() - started < 8
    assert recorder.requests == []
    # an ordinary ASK is checked there too, and then sent once
    assert govgraph("--endpoint", url, "query", "-e", ASK).code == 0
    assert len(recorder.requests) == 1
