"""Time and peak memory of `linkchart export` in each format over one existing store.

    .venv/bin/python bench/export.py --db /tmp/s10k/big.db --out /tmp/exports [--formats json,neo4j]
        [--compare /tmp/exports-before]

Each format runs as its own `linkchart export` process (so each peak RSS is its own, read from
the kernel's accounting of that child) writing to `--out`. Prints seconds, peak RSS, bytes
written and a digest of the files per format; with `--compare`, whether the files are the same
bytes as those of an earlier run kept in that folder (an export that streams must write what the
one holding the whole store wrote).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("json", "gexf", "graphml", "neo4j", "ftm", "csv")
SUFFIX = {"json": ".json", "gexf": ".gexf", "graphml": ".graphml", "neo4j": ".cypher", "ftm": ".ftm.json",
          "csv": ".csv"}


def files_of(folder: Path, fmt: str) -> list[Path]:
    """Return the files one format's export wrote in `folder` (csv writes three), by name."""
    stem = f"export-{fmt}"
    return sorted(p for p in folder.iterdir() if p.name.startswith(stem))


def digest(paths: list[Path]) -> str:
    """Return a short digest of the names and bytes of these files."""
    h = hashlib.sha256()
    for p in paths:
        h.update(p.name.encode())
        with p.open("rb") as f:
            while chunk := f.read(1 << 20):
                h.update(chunk)
    return h.hexdigest()[:16]


def export_once(db: str, fmt: str, out: Path) -> tuple[float, float]:
    """Run one `linkchart export` into `out`; return (seconds, the process's peak RSS in MB)."""
    for old in files_of(out, fmt):
        old.unlink()
    cli = Path(sys.executable).with_name("linkchart")
    t0 = time.perf_counter()
    target = out / f"export-{fmt}{SUFFIX[fmt]}"
    with (out / "stderr.txt").open("wb") as err:
        proc = subprocess.Popen([str(cli), "export", "--db", db, "--format", fmt, "-o", str(target)],
                                stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak RSS
    seconds = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"export {fmt} failed: {(out / 'stderr.txt').read_text()}")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    """Parse arguments, export in each format and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="the store: a SQLite path or a postgresql:// URL")
    parser.add_argument("--out", type=Path, required=True, help="folder the exports are written to")
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated formats (default: all)")
    parser.add_argument("--compare", type=Path, help="a folder of an earlier run: say whether each export is the same")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    print("| format | seconds | peak RSS MB | MB written | digest | same as --compare |")
    print("|---|---|---|---|---|---|")
    for fmt in args.formats.split(","):
        seconds, peak = export_once(args.db, fmt, args.out)
        written = files_of(args.out, fmt)
        size = sum(p.stat().st_size for p in written) / 2**20
        same = "-"
        if args.compare is not None:
            same = "yes" if digest(files_of(args.compare, fmt)) == digest(written) else "NO"
        print(f"| {fmt} | {seconds:.1f} | {peak:.0f} | {size:.1f} | {digest(written)} | {same} |", flush=True)


if __name__ == "__main__":
    main()
