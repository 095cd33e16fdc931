"""The real grlc (https://github.com/CLARIAH/grlc) serving queries/ as a web API, for the tests.

grlc pins exact versions of what it needs (rdflib, Flask, requests, pyparsing, PyGithub, …), so
installing it beside govgraph would fix govgraph's own environment to those versions. It lives
in a virtual environment of its own instead, made on first use under build/test-tools/ (reused
afterwards) with pip from the package index pip is configured for.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import venv
from dataclasses import dataclass
from pathlib import Path

from govgraph.graph.publish.serve import terminate

GRLC_VERSION = "1.3.11"
TOOLS = Path(__file__).resolve().parents[1] / "build" / "test-tools"

# grlc reads config.ini from its working directory when it is imported.
CONFIG = """\
[local]
local_sparql_dir = {queries}

[defaults]
sparql_endpoint = {endpoint}
server_name = 127.0.0.1:{port}
user = none
password = none
debug = False
"""

LAUNCH = "import sys; from grlc.server import app; app.run(host='127.0.0.1', port=int(sys.argv[1]))"


def grlc_python() -> Path:
    """The Python of a virtual environment holding grlc (made once, then reused)."""
    home = TOOLS / f"grlc-{GRLC_VERSION}"
    python = home / "bin" / "python"
    ready = home / ".installed"
    if ready.exists():
        return python
    venv.EnvBuilder(with_pip=True, clear=True).create(home)
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", f"grlc=={GRLC_VERSION}"],
        check=True,
        timeout=900,
    )
    ready.write_text(GRLC_VERSION)
    return python


@dataclass
class GrlcServer:
    process: subprocess.Popen
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api-local"

    def get(self, path: str, params: dict[str, str], accept: str) -> tuple[int, str]:
        """GET an API path; (status, body)."""
        query = urllib.parse.urlencode(params)
        request = urllib.request.Request(
            f"{self.url}/{path}" + (f"?{query}" if query else ""), headers={"Accept": accept}
        )
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode("utf-8", "replace")

    def stop(self) -> None:
        terminate(self.process)


def start_grlc(queries: Path, endpoint: str, workdir: Path, port: int) -> GrlcServer:
    """grlc's own server (Flask) on a free loopback port, serving the .rq files in `queries`."""
    (workdir / "config.ini").write_text(
        CONFIG.format(queries=str(queries) + os.sep, endpoint=endpoint, port=port),
        encoding="utf-8",
    )
    log = (workdir / "grlc.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [str(grlc_python()), "-c", LAUNCH, str(port)],
        cwd=workdir,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    server = GrlcServer(process, port)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"grlc stopped: {(workdir / 'grlc.log').read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{server.url}/swagger", timeout=60) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    server.stop()
    print((workdir / "grlc.log").read_text()[-2000:], file=sys.stderr)
    raise RuntimeError("grlc did not answer within 60 s")
