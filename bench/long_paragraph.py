"""Benchmark a file that is one huge paragraph: time, peak RSS and what was stored.

    .venv/bin/python bench/long_paragraph.py [--mb 0.25 1] [--processes 2]

For each size, writes a single-line text file of invented news sentences (no line break,
so no paragraph break: spaCy alone would refuse it past 1,000,000 characters, E088), runs
`linkchart ingest FILE --db NEW --quiet` in a child process and prints its exit status, wall
time, the peak RSS of the largest process it ran (itself or an extraction worker), and the
documents, mentions and entities stored.
"""

from __future__ import annotations

import argparse
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NAMES = ["Karim Dawali", "Hasan Turabi", "the Northern Front", "Tal Sabr", "Samir Haddad"]
WORDS = ("the group said on Monday that its fighters would leave the base near the town while officials "
         "denied any attack and reporters waited").split()


def write_paragraph(path: Path, chars: int, seed: int = 1) -> None:
    """Write one line of about `chars` characters of sentences naming invented people and places."""
    rng = random.Random(seed)
    out, size = [], 0
    while size < chars:
        sentence = (" ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + ", " + rng.choice(NAMES)
                    + " " + " ".join(rng.choice(WORDS) for _ in range(6)) + ". ")
        out.append(sentence)
        size += len(sentence)
    path.write_text("".join(out), encoding="utf-8")


def run(size_mb: float, processes: int, workdir: Path) -> str:
    """Return the figures of ingesting one paragraph of `size_mb` MB, as a line."""
    path = workdir / f"paragraph_{size_mb:g}mb.txt"
    write_paragraph(path, int(size_mb * 1_000_000))
    db = workdir / f"{path.stem}.db"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    began = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "linkchart.cli", "ingest", str(path), "--db", str(db), "--quiet",
                           "--processes", str(processes)], capture_output=True, text=True)
    took = time.monotonic() - began
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    conn = sqlite3.connect(db)
    counts = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "mentions", "entities")]
    conn.close()
    peak_note = f"{peak / 1024:.0f} MB" if peak > before else f"<= {before / 1024:.0f} MB (an earlier run's)"
    return (f"{size_mb:g} MB: status {proc.returncode}, {took:.0f} s, peak RSS {peak_note}, "
            f"documents {counts[0]}, mentions {counts[1]}, entities {counts[2]}"
            + (f"\n  {proc.stderr.strip()[-300:]}" if proc.returncode else ""))


def main() -> None:
    """Print one line of figures per size."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, nargs="+", default=[0.25, 1.0])
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="linkchart-long-") as tmp:
        for size in sorted(args.mb):
            print(run(size, args.processes, Path(tmp)), flush=True)


if __name__ == "__main__":
    main()
