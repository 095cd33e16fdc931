"""Start the real `govgraph web` server for tests: a subprocess on a free port (--port 0).

Readiness is the URL line the server prints once uvicorn listens, then one GET of the start
page; no sleeps. The process is stopped with SIGTERM (uvicorn's graceful shutdown).
"""

from __future__ import annotations

import os
import re
import selectors
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

TODAY = "2026-11-27"


@dataclass
class Server:
    """A running `govgraph web`: its base URL (no slash) and its process."""

    url: str
    process: subprocess.Popen
    announced: list[str]


@contextmanager
def running_server(*options: str, timeout: float = 60.0) -> Iterator[str]:
    """`govgraph --today … OPTIONS web --port 0`; yields the base URL without the slash."""
    with server_process(*options, timeout=timeout) as server:
        yield server.url


@contextmanager
def server_process(
    *options: str, web_options: tuple[str, ...] = (), timeout: float = 60.0
) -> Iterator[Server]:
    """`govgraph --today … OPTIONS web --port 0 WEB_OPTIONS`; yields the Server."""
    command = [
        sys.executable,
        "-c",
        "from govgraph.cli.main import run; run()",
        "--today",
        TODAY,
        *options,
        "web",
        "--port",
        "0",
        *web_options,
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env
    )
    announced: list[str] = []
    try:
        url = _wait_for_url(process, timeout, announced)
        with urllib.request.urlopen(url + "/", timeout=timeout) as response:
            assert response.status == 200
        yield Server(url, process, announced)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            announced.append(process.stderr.read())  # the rest of its log, for the tests
            process.stderr.close()


def _wait_for_url(process: subprocess.Popen, timeout: float, seen: list[str]) -> str:
    selector = selectors.DefaultSelector()
    selector.register(process.stderr, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not selector.select(timeout=deadline - time.monotonic()):
            break
        line = process.stderr.readline()
        if not line:
            break
        seen.append(line)
        m = re.search(r"(http://\S+?)/?\s*$", line)
        if m:
            return m.group(1)
    process.kill()
    raise RuntimeError("govgraph web did not start: " + "".join(seen)[-2000:])
