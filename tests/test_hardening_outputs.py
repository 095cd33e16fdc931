"""Hostile text in the data stays text: no formulas in CSV, no control codes on the terminal,
no half-written output files when interrupted."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import evidence

HOSTILE_LABEL = '=HYPERLINK("http://evil.example/","klick")\x1b[31m\u202eevil\nnext <script>'


def _hostile_file(write_ttl):
    body = (
        "ggd:hostile a gg:Ministry ;\n"
        f'  skos:prefLabel {json.dumps(HOSTILE_LABEL)}@de , "Hostile"@en ;\n'
        '  skos:altLabel "HOSTILEX"@de ;\n'
        '  skos:definition "d"@de , "d"@en ;\n  ' + evidence("Digitalisierung") + " .\n"
    )
    return write_ttl("hostile.ttl", body)


def test_csv_cells_cannot_start_a_formula(govgraph, write_ttl):
    path = _hostile_file(write_ttl)
    result = govgraph("--data", str(path), "search", "HOSTILEX", "--format", "csv")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert rows[0]["label"].startswith("'=HYPERLINK(")
    for row in rows:
        for cell in row.values():
            assert cell[:1] not in ("=", "+", "-", "@")


def test_terminal_table_strips_control_and_direction_characters(govgraph, write_ttl):
    path = _hostile_file(write_ttl)
    result = govgraph("--data", str(path), "search", "HOSTILEX")
    assert result.code == 0, result.err
    assert "\x1b" not in result.out and "\u202e" not in result.out
    assert "evil" in result.out


def test_json_keeps_the_exact_text(govgraph, write_ttl):
    path = _hostile_file(write_ttl)
    result = govgraph("--data", str(path), "search", "HOSTILEX", "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out)[0]["label"] == HOSTILE_LABEL


EXPORT_SLOWLY = """
import os, sys, time
real_fsync = os.fsync
def slow_fsync(fd):
    real_fsync(fd)
    print("WRITING", flush=True)  # the temporary file is written, not yet renamed
    time.sleep(30)
os.fsync = slow_fsync
from govgraph.cli.main import run
sys.argv = ["govgraph", "export", "--format", "nt", "-o", sys.argv[1]]
run()
"""


def test_ctrl_c_during_export_keeps_the_old_file(tmp_path):
    target = tmp_path / "graph.nt"
    target.write_text("old content\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-c", EXPORT_SLOWLY, str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    assert proc.stdout.readline().strip() == "WRITING"
    assert len(list(tmp_path.iterdir())) == 2  # old file and the temporary one
    time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nt"]


def test_export_replaces_whole_file(govgraph, tmp_path):
    target = tmp_path / "graph.nt"
    target.write_text("old content\n", encoding="utf-8")
    assert govgraph("export", "--format", "nt", "-o", str(target)).code == 0
    text = target.read_text(encoding="utf-8")
    assert "old content" not in text and text.count("\n") > 4000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nt"]


# --- where output goes (issue 26) --------------------------------------------------------------


def test_csv_to_a_device_is_refused_and_creates_nothing_in_dev(govgraph):
    before = sorted(os.listdir("/dev"))
    result = govgraph("export", "--format", "csv", "-o", "/dev/full")
    assert result.code == 2 and result.err.count("\n") == 1, result.err
    assert "/dev/full" in result.err and "Traceback" not in result.err
    assert sorted(os.listdir("/dev")) == before


@pytest.mark.parametrize("args", [("-o", "/dev/full"), ("--format", "nt", "-o", "/dev/full")])
def test_a_full_disk_names_the_file(govgraph, args):
    result = govgraph("export", *args)
    assert result.code == 1 and result.err == "govgraph: /dev/full: No space left on device\n"


def test_a_full_stdout_is_one_line():
    done = subprocess.run(
        [sys.executable, "-c", "from govgraph.cli.main import run; run()", "export"],
        stdout=open("/dev/full", "wb"),  # noqa: SIM115 - closed with the process
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and done.stderr == "govgraph: stdout: No space left on device\n"


@pytest.mark.parametrize("command", [("export",), ("viz",), ("timeline",)])
def test_an_output_that_names_a_folder_is_refused(govgraph, tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "da").mkdir()
    for target in ("neu/", "da", "da/"):
        result = govgraph(*command, "-o", target)
        assert result.code == 2 and result.err.count("\n") == 1, result.err
        assert target in result.err and "folder" in result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["da"]
    assert list((tmp_path / "da").iterdir()) == []


def test_a_failed_void_leaves_no_export(govgraph, tmp_path):
    (tmp_path / "graph.void.ttl").mkdir()  # the description cannot be written there
    result = govgraph("export", "--void", "-o", str(tmp_path / "graph.ttl"))
    assert result.code == 1 and "graph.void.ttl" in result.err and "Traceback" not in result.err
    assert not (tmp_path / "graph.ttl").exists()
    old = tmp_path / "graph.ttl"
    old.write_bytes(b"# alt\n")
    assert govgraph("export", "--void", "-o", str(old)).code == 1
    assert old.read_bytes() == b"# alt\n"


def test_a_symlinked_output_is_written_through(govgraph, tmp_path):
    target = tmp_path / "echt" / "graph.ttl"
    target.parent.mkdir()
    link = tmp_path / "link.ttl"
    link.symlink_to(target)
    assert govgraph("export", "-o", str(link)).code == 0
    assert link.is_symlink() and target.read_bytes().startswith(b"@prefix")
    csv = tmp_path / "netz.csv"
    csv.symlink_to(tmp_path / "echt" / "netz.csv")
    assert govgraph("export", "--format", "csv", "-o", str(csv)).code == 0
    assert (tmp_path / "netz-nodes.csv").exists()  # beside the name given
