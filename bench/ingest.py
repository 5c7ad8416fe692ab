"""Benchmark ingest: articles/s, MB/s and peak RSS, against a loop that only reads the files.

    .venv/bin/python bench/ingest.py [--articles 2000] [--no-extract]

Generates a corpus of >= N articles from the bundled sample corpus (each copy's text
varied — numbers and a serial line — so hashes and fingerprints differ), then in separate
child processes (so peak RSS is each one's own) times:
  - `read`:    iter_files + read_file only (the baseline),
  - `prepare`: read + split + clean + language (`build_articles`), nothing stored,
  - `clean`:   read + split + clean + language + store, no NLP extraction,
  - `full`:   the whole `Workspace.ingest` with extraction and resolution (unless --no-extract).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from linkchart.api import Workspace, sample_corpus_path

TEXT_KINDS = {".txt", ".md"}


def make_corpus(target: Path, articles: int) -> tuple[int, int]:
    """Write varied copies of the sample corpus's text files; return (files, bytes)."""
    sources = [p for p in sorted(sample_corpus_path().iterdir()) if p.suffix in TEXT_KINDS]
    texts = [p.read_text(encoding="utf-8") for p in sources]
    per_copy = len(texts)
    copies = max(1, -(-articles // per_copy))
    total = 0
    for c in range(copies):
        folder = target / f"copy{c:04d}"
        folder.mkdir(parents=True)
        for src, text in zip(sources, texts, strict=True):
            varied = _vary(text, c)
            (folder / src.name).write_text(varied, encoding="utf-8")
            total += len(varied.encode("utf-8"))
    return copies * per_copy, total


def _vary(text: str, copy: int) -> str:
    """Return the text with its digits shifted and a serial line, so every copy hashes apart."""
    shifted = "".join(str((int(ch) + copy) % 10) if ch.isdigit() else ch for ch in text)
    return f"{shifted}\n\nSerial {copy}.\n"


def run_stage(stage: str, corpus: str, db: str) -> dict:
    """Run one stage in this process and return its figures."""
    from linkchart.ingest.read import iter_files, read_file

    start = time.perf_counter()
    articles = 0
    if stage == "read":
        for path, notice in iter_files([corpus]):
            if notice is None:
                articles += len(read_file(path))
    elif stage == "prepare":
        from linkchart.ingest.articles import build_articles

        for path, notice in iter_files([corpus]):
            if notice is None:
                articles += sum(len(build_articles(doc)) for doc in read_file(path))
    else:
        with Workspace(db, extract=(stage == "full")) as ws:
            ws.ingest([corpus])
            articles = ws.stats().get("articles", 0)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"stage": stage, "seconds": seconds, "articles": articles, "peak_rss_mb": peak_kb / 1024}


def main() -> None:
    """Generate the corpus, run each stage in a child process and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--no-extract", action="store_true", help="skip the full (NLP) stage")
    ap.add_argument("--stage", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.stage:
        print(json.dumps(run_stage(args.stage, args.corpus, args.db)))
        return
    work = Path(tempfile.mkdtemp(prefix="lc-bench-"))
    try:
        files, size = make_corpus(work / "corpus", args.articles)
        mb = size / 1e6
        print(f"corpus: {files} files, {mb:.1f} MB (from the bundled sample corpus's text files)")
        stages = ["read", "prepare", "clean"] + ([] if args.no_extract else ["full"])
        results = {}
        for stage in stages:
            db = work / f"{stage}.db"
            cmd = [sys.executable, __file__, "--stage", stage, "--corpus", str(work / "corpus"), "--db", str(db)]
            res = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
            results[stage] = res
            print(f"{stage:6} {res['articles']:6d} articles  {res['seconds']:8.2f} s  "
                  f"{res['articles'] / res['seconds']:9.1f} articles/s  {mb / res['seconds']:7.2f} MB/s  "
                  f"peak RSS {res['peak_rss_mb']:7.1f} MB")
        base = results["read"]["seconds"]
        for stage in stages[1:]:
            print(f"{stage} / read time ratio: {results[stage]['seconds'] / base:.1f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
