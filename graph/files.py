"""Write output files whole or not at all: a temporary file beside the target, then rename."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def _umask() -> int:
    """The process umask (reading it means setting it; it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data`; an interruption leaves the old file (or none) untouched.

    The file gets the mode any new file would get (0o666 minus the umask), not mkstemp's 0o600:
    pages and exports are made to be shared.
    """
    path = Path(path)
    if path.exists() and not stat.S_ISREG(path.stat().st_mode):
        # A device or pipe (`-o /dev/null`, `-o /dev/stdout`): write into it; renaming a
        # temporary file over it would replace the device itself.
        with path.open("wb") as out:
            out.write(data)
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
