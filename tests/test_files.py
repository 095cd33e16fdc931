"""write_atomic: whole files with the ordinary permissions, old file kept on failure."""

from __future__ import annotations

import os
import stat
import sys
import threading
from pathlib import Path

import pytest

from govgraph.graph.files import write_atomic

posix = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@posix
@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077])
def test_new_file_gets_mode_from_umask_not_0600(tmp_path, mask):
    old = os.umask(mask)
    try:
        write_atomic(tmp_path / "page.html", b"<p>x</p>")
        left = os.umask(mask)  # reading the umask sets it: set to the same value again
    finally:
        os.umask(old)
    mode = stat.S_IMODE((tmp_path / "page.html").stat().st_mode)
    assert mode == 0o666 & ~mask
    assert left == mask  # write_atomic left the umask as it was


@posix
def test_replaced_file_is_readable_by_others(tmp_path):
    target = tmp_path / "out.svg"
    target.write_bytes(b"old")
    old = os.umask(0o022)
    try:
        write_atomic(target, b"new")
    finally:
        os.umask(old)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["out.svg"]  # no temporary file left


def test_failed_write_keeps_old_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out.html"
    target.write_bytes(b"old")

    with pytest.raises(TypeError):
        write_atomic(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"]


def test_writing_to_a_device_keeps_the_device(tmp_path):
    """`-o /dev/null` writes into the device; it must not replace it with a regular file."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []

    def read() -> None:
        with fifo.open("rb") as f:
            received.append(f.read())

    reader = threading.Thread(target=read)
    reader.start()
    write_atomic(fifo, b"data")
    reader.join(timeout=10)
    assert received == [b"data"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    write_atomic(Path(os.devnull), b"nothing")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
