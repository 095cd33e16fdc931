"""Package data is found from anywhere; stats and export work; --data and --no-builtin combine."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pyoxigraph as ox
import pytest

from conftest import REPO, evidence, run_process


def test_runs_from_any_directory(tmp_path):
    result = run_process("stats", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"facts"' in result.stdout
    assert list(tmp_path.iterdir()) == []


def test_wheel_ships_ontology_facts_sources_and_queries(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("govgraph-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "govgraph/ontology/govgraph.ttl",
        "govgraph/ontology/shapes.ttl",
        "govgraph/graph/facts/000_2f97107a3c89067a.ttl",
        "govgraph/graph/documents/000_2f97107a3c89067a.txt",
        "govgraph/queries/all-triples.rq",
        "govgraph/cli/main.py",
        "govgraph/graph/store/backend.py",
    ):
        assert required in names


def test_stats_counts(govgraph):
    result = govgraph("stats", "--format", "json")
    assert result.code == 0, result.err
    import json

    data = json.loads(result.out)
    assert data["summary"]["facts"] >= 40
    assert data["summary"]["actors"] >= 40
    assert data["summary"]["sources"] == 5
    classes = {c["class"]: c["count"] for c in data["classes"]}
    assert classes["gg:Demand"] >= 10
    assert classes["gg:StateTreaty"] >= 1


@pytest.mark.parametrize(
    "fmt,rdf_format",
    [
        ("ttl", ox.RdfFormat.TURTLE),
        ("nt", ox.RdfFormat.N_TRIPLES),
        ("trig", ox.RdfFormat.TRIG),
        ("jsonld", ox.RdfFormat.JSON_LD),
    ],
)
def test_export_round_trips(govgraph, tmp_path, fmt, rdf_format):
    out = tmp_path / f"graph.{fmt}"
    result = govgraph("export", "--format", fmt, "-o", str(out))
    assert result.code == 0, result.err
    triples = {q.triple for q in ox.parse(path=str(out), format=rdf_format)}
    stats = govgraph("stats", "--format", "json")
    import json

    expected = json.loads(stats.out)["summary"]["triples"]
    # blank nodes are relabelled; the count of distinct triples still matches
    assert len(triples) == expected
    assert [p.name for p in tmp_path.iterdir()] == [f"graph.{fmt}"]


def test_data_adds_and_no_builtin_removes(govgraph, write_ttl):
    body = (
        'ggd:probe a gg:Ministry ;\n  skos:prefLabel "Probeministerium"@de , "Probe"@en ;\n'
        '  skos:definition "d"@de , "d"@en ;\n  ' + evidence("Digitalisierung") + " .\n"
    )
    path = write_ttl("mine.ttl", body)
    import json

    base = json.loads(govgraph("stats", "--format", "json").out)["summary"]
    more = json.loads(govgraph("--data", str(path), "stats", "--format", "json").out)["summary"]
    assert more["actors"] == base["actors"] + 1
    only = json.loads(
        govgraph("--no-builtin", "--data", str(path), "stats", "--format", "json").out
    )["summary"]
    assert only["actors"] == 1


def test_bad_data_file_is_one_line_error(govgraph, write_ttl):
    path = write_ttl("bad.ttl", 'ggd:x a gg:Ministry ; skos:prefLabel "x\n')
    result = govgraph("--data", str(path), "stats")
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert result.err.startswith(f"govgraph: {path}:10:")


def test_missing_data_path_is_usage_error(govgraph, tmp_path):
    result = govgraph("--data", str(tmp_path / "nope.ttl"), "stats")
    assert result.code == 2
    assert "no such file" in result.err


def test_each_command_is_found_in_the_module_that_defines_it():
    """main.COMMAND_MODULES names, for every command of every cli/*_cmd.py, its module: a new
    command that is not listed there would be missing from `govgraph --help`."""
    import importlib
    import pkgutil

    from govgraph import cli as package
    from govgraph.cli.main import COMMAND_MODULES, cli

    declared = {}
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.endswith("_cmd"):
            module = importlib.import_module(f"govgraph.cli.{info.name}")
            declared |= {command.name: info.name for command in module.COMMANDS}
    assert declared == COMMAND_MODULES
    assert all(cli.commands[name].name == name for name in declared)


def test_a_command_imports_no_other_commands_module():
    """`govgraph who` reads only cli/who_cmd.py of the command modules (a cold start pays for
    each module it imports)."""
    code = (
        "import sys\n"
        "from govgraph.cli.main import run\n"
        "sys.argv = ['govgraph', 'who', 'NOOTS', '--format', 'json']\n"
        "try:\n    run()\nfinally:\n"
        "    loaded = sorted(m for m in sys.modules if m.endswith('_cmd'))\n"
        "    print(loaded, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "['govgraph.cli.who_cmd']"
