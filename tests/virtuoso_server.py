"""A real Virtuoso Open Source 7 server for the tests (Debian package `virtuoso-opensource`).

Started by the test itself in a temporary folder, on free loopback ports, with its own
configuration; stopped at the end. Virtuoso's HTTP side answers SPARQL at /sparql and the Graph
Store protocol at /sparql-graph-crud; both run as its user SPARQL, which may update here.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sparql_server import free_port, require_program, wait_for_server

from govgraph.graph.publish.serve import terminate

CONFIG = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
ServerThreads = 10
CheckpointInterval = 60
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., {d}

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}
ServerThreads = 10
MaxClientConnections = 10

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 300
MaxQueryCostEstimationTime = 0
"""

# Let SPARQL users (the HTTP endpoints) update, as a team's own server would be set up.
GRANTS = """\
GRANT SPARQL_UPDATE TO "SPARQL";
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);
"""


@dataclass
class VirtuosoServer:
    process: subprocess.Popen
    http_port: int
    sql_port: int
    location: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def store_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql-graph-crud"

    def isql(self, script: str) -> str:
        done = subprocess.run(
            [_tool("isql-vt", "isql"), f"127.0.0.1:{self.sql_port}", "dba", "dba"],
            input=script,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0 or "*** Error" in done.stdout:
            raise RuntimeError(f"isql failed: {done.stdout[-2000:]} {done.stderr[-2000:]}")
        return done.stdout

    def stop(self) -> None:
        terminate(self.process, grace=30)


def _tool(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise FileNotFoundError(" or ".join(names))


def virtuoso_available() -> bool:
    return shutil.which("virtuoso-t") is not None


def start_virtuoso(location: Path) -> VirtuosoServer:
    location.mkdir(parents=True, exist_ok=True)
    ini = location / "virtuoso.ini"
    http_port, sql_port = free_port(), free_port()
    ini.write_text(CONFIG.format(d=location, sql_port=sql_port, http_port=http_port))
    with (location / "virtuoso.out").open("w") as out:  # its console, for a failed start
        process = subprocess.Popen(
            [_tool("virtuoso-t"), "+foreground", "+configfile", str(ini)],
            cwd=location,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = VirtuosoServer(process, http_port, sql_port, location)
    wait_for_server(server, location / "virtuoso.log", "Virtuoso", timeout=120)
    server.isql(GRANTS)
    return server


@pytest.fixture(scope="module")
def virtuoso_server(tmp_path_factory) -> Iterator[VirtuosoServer]:
    """A real, empty Virtuoso 7 for the tests of one module (required where CI=true)."""
    require_program(virtuoso_available(), "Virtuoso (virtuoso-t)", "virtuoso-opensource")
    server = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    yield server
    server.stop()
