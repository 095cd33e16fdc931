"""One line that describes the machine a benchmark ran on (for the results files)."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def describe() -> str:
    """System, CPU model, cores and memory: `Linux x86_64, Intel Xeon, 2 cores, 24 GiB RAM`."""
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        memory = f", {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB RAM"
    except (ValueError, OSError, AttributeError):
        memory = ""
    return f"{platform.system()} {platform.machine()}, {cpu}, {os.cpu_count()} cores{memory}"
