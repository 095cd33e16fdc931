"""Write output files whole or not at all: a temporary file beside the target, then rename."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from govgraph.graph.errors import DataError


def _umask() -> int:
    """The process umask (reading it means setting it; it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def output_target(path: Path) -> Path:
    """Where writing `path` really goes: through a symbolic link to the file it names (a link
    the user made is kept, not replaced by a regular file)."""
    path = Path(path)
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data`; an interruption leaves the old file (or none) untouched.

    The file gets the mode any new file would get (0o666 minus the umask), not mkstemp's 0o600:
    pages and exports are made to be shared. A symbolic link is written through. Any failure
    (a full disk, a missing folder, no permission) is one DataError naming the file.
    """
    shown = Path(path)
    path = output_target(shown)
    try:
        _write(path, data)
    except OSError as err:
        raise DataError(f"{shown}: {err.strerror or err}") from None


def _write(path: Path, data: bytes) -> None:
    if path.exists() and not stat.S_ISREG(path.stat().st_mode):
        if path.is_dir():
            raise IsADirectoryError(21, "Is a directory", str(path))
        # A device or pipe (`-o /dev/null`, `-o /dev/stdout`): write into it; renaming a
        # temporary file over it would replace the device itself.
        with path.open("wb") as out:
            out.write(data)
            out.flush()
        return
    import tempfile  # not at module level: it pulls in `random`, and most commands never write

    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        if hasattr(os, "fchmod"):  # POSIX; on Windows mkstemp files are not restricted
            os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def is_regular_or_new(path: Path) -> bool:
    """Whether `path` is a regular file (or a link to one) or does not exist yet: a place where
    files can be put beside it."""
    target = output_target(Path(path))
    return not target.exists() or stat.S_ISREG(target.stat().st_mode)
