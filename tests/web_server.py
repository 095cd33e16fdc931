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

TODAY = "2026-11-27"


@contextmanager
def running_server(*options: str, timeout: float = 60.0) -> Iterator[str]:
    """`govgraph --today … OPTIONS web --port 0`; yields the base URL without the slash."""
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
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        url = _wait_for_url(process, timeout)
        with urllib.request.urlopen(url + "/", timeout=timeout) as response:
            assert response.status == 200
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()


def _wait_for_url(process: subprocess.Popen, timeout: float) -> str:
    selector = selectors.DefaultSelector()
    selector.register(process.stderr, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    seen = []
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
