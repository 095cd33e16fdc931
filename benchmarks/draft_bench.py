"""How long `govgraph draft` takes as a source grows: 500, 2,000, 10,000 and 100,000 lines.

A report-like text is made from the report's own kind of sentences (known names, dates, shares,
money, headings every twelve lines), each line a little different so that no two paragraphs are
the same. Each size is added to a fresh library and drafted in a process of its own, as a user
would run it; the script prints lines, candidates and seconds, and the seconds per 1,000 lines,
which stay flat when drafting is linear.

    python benchmarks/draft_bench.py [--sizes 500,2000,10000,100000]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCES = [
    "Der IT-Planungsrat hat in seiner {n}. Sitzung beschlossen, die FITKO mit der Umsetzung "
    "zu beauftragen.",
    "Die Kosten des NOOTS tragen ab dem 1. Januar 2027 der Bund zu 50 Prozent und die Länder "
    "zu 50 Prozent (Vorgang {n}).",
    "Das Bundesverwaltungsamt betreibt die Registermodernisierungsbehörde bis Ende 2026, "
    "Abschnitt {n}.",
    "Wir fordern das Land auf, bis Mitte 2026 insgesamt {n},5 Mio. Euro bereitzustellen.",
    "Die Steuerungsgruppe NOOTS koordiniert die Anbindung der Register im Jahr 2025 (Punkt {n}).",
    "Der Landkreistag begrüßt, dass das Onlinezugangsgesetz im Herbst 2024 geändert wurde; "
    "Anmerkung {n}.",
]


def make_text(lines: int) -> str:
    """`lines` lines of report text: a heading every twelve lines, sentences in between."""
    out = []
    for n in range(lines):
        if n % 12 == 0:
            out.append(f"Abschnitt {n // 12 + 1} Digitalisierung")
            continue
        out.append(SENTENCES[n % len(SENTENCES)].format(n=n))
    return "\n".join(out) + "\n"


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def govgraph(env: dict[str, str], *args: str) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds and standard output of one `govgraph ARGS` process (the CPU
    time stays meaningful when other work shares the machine)."""
    cpu = _cpu()
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", "from govgraph.cli.main import run; run()", *args],
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"govgraph {' '.join(args)}: {done.stderr.strip()}")
    return seconds, _cpu() - cpu, done.stdout


def measure(lines: int) -> tuple[int, float, float]:
    """(candidates, wall and CPU seconds of `draft`) for `lines` lines in a fresh library."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, GOVGRAPH_DATA_DIR=str(Path(tmp) / "library"))
        source = Path(tmp) / f"bericht-{lines}.txt"
        source.write_text(make_text(lines), encoding="utf-8")
        _, _, out = govgraph(env, "source", "add", str(source))
        source_id = re.search(r"added as (\S+)", out).group(1)
        seconds, cpu, out = govgraph(env, "draft", source_id)
        count = int(re.search(r": (\d+) ", out).group(1))
        return count, seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,2000,10000,100000")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    print(f"{'lines':>8} {'candidates':>11} {'wall s':>7} {'CPU s':>7} {'CPU s/1000 lines':>17}")
    for lines in sizes:
        count, seconds, cpu = measure(lines)
        per = cpu / lines * 1000
        print(f"{lines:>8} {count:>11} {seconds:>7.1f} {cpu:>7.1f} {per:>17.2f}", flush=True)


if __name__ == "__main__":
    main()
