"""A real Apache Jena store for the tests: Jena's query engine (ARQ) and its persistent store
(TDB2) from Debian's package `libapache-jena-java`, served like a Fuseki dataset by
tests/jena/SparqlServer.java (compiled here with the JDK's javac).

Fuseki itself is not packaged for Debian; the answers come from Jena's own engine and store.
Started by the test itself in a temporary folder on a free loopback port, stopped at the end.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sparql_server import free_port, require_program, wait_for_server

from govgraph.graph.publish.serve import terminate

JARS = Path("/usr/share/java")
# Jena's modules and the libraries they need (the package's Depends), by their Debian jar names.
CLASSPATH = [
    "jena-arq",
    "jena-base",
    "jena-core",
    "jena-dboe-base",
    "jena-dboe-index",
    "jena-dboe-storage",
    "jena-dboe-trans-data",
    "jena-dboe-transaction",
    "jena-iri",
    "jena-tdb2",
    "jena-cmds",
    "jena-tdb",
    "jena-rdfconnection",
    "commons-cli",
    "commons-codec",
    "commons-compress",
    "commons-csv",
    "commons-io",
    "commons-lang3",
    "dexx.collection",
    "gson",
    "guava",
    "httpclient",
    "httpcore",
    "jackson-annotations",
    "jackson-core",
    "jackson-databind",
    "jakarta.json-api",
    "jsonld-java",
    "slf4j-api",
    "slf4j-nop",
    "thrift",
    "protobuf",
    "titanium-json-ld",
]
SOURCE = Path(__file__).parent / "jena" / "SparqlServer.java"


@dataclass
class JenaServer:
    process: subprocess.Popen
    port: int
    location: Path

    @property
    def url(self) -> str:
        """The query URL, laid out as Fuseki's (`/DATASET/query`), so push finds /data, /update."""
        return f"http://127.0.0.1:{self.port}/ds/query"

    def stop(self) -> None:
        terminate(self.process, grace=30)


def jena_available() -> bool:
    return shutil.which("javac") is not None and all(
        (JARS / f"{name}.jar").exists() for name in CLASSPATH
    )


def classpath(extra: list[Path]) -> str:
    return os.pathsep.join([*(str(JARS / f"{name}.jar") for name in CLASSPATH), *map(str, extra)])


def messages(folder: Path) -> Path:
    """Debian's jena-core holds its bundled XML Schema datatype code in the package `xerces`, but
    the code's message files under org/apache/jena/ext/xerces, where that code does not look:
    without them Jena stops at start-up ("internal error" in XSSimpleTypeDecl). The files are
    copied to where the code looks."""
    with zipfile.ZipFile(JARS / "jena-core.jar") as jar:
        prefix = "org/apache/jena/ext/xerces/"
        for name in jar.namelist():
            if name.startswith(prefix) and name.endswith(".properties"):
                target = folder / "xerces" / name[len(prefix) :]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    return folder


def compile_server(folder: Path) -> Path:
    classes = folder / "classes"
    classes.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["javac", "-cp", classpath([]), "-d", str(classes), str(SOURCE)],
        check=True,
        capture_output=True,
        text=True,
    )
    return classes


def start_jena(location: Path) -> JenaServer:
    classes = compile_server(location / "build")
    extra = [classes, messages(location / "resources")]
    port = free_port()
    with (location / "jena.out").open("w") as out:
        process = subprocess.Popen(
            ["java", "-cp", classpath(extra), "SparqlServer", str(location / "tdb2"), str(port)],
            cwd=location,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = JenaServer(process, port, location)
    wait_for_server(server, location / "jena.out", "Jena", timeout=120)
    return server


@pytest.fixture(scope="module")
def jena_server(tmp_path_factory) -> Iterator[JenaServer]:
    """A real, empty Jena TDB2 store for the tests of one module (required where CI=true)."""
    require_program(jena_available(), "Jena or javac", "libapache-jena-java default-jdk-headless")
    server = start_jena(tmp_path_factory.mktemp("jena"))
    yield server
    server.stop()
