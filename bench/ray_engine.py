"""Benchmark the Ray engine: articles/s with one extraction worker against two, on one local Ray cluster.

    .venv/bin/python bench/ray_engine.py [--articles 300] [--cpus 2] [--rounds 1]

Writes N generated articles (bench/scalegen.py: varied news over generated names) as text
files, starts one local Ray cluster of `--cpus` CPUs, then ingests the files into a new
SQLite store with a pool of 1 worker, then of 2 (`--rounds` times each, alternating, best
kept), through `linkchart.api.engines.ray_engine.ingest_files` (read, clean, extract on the
workers; the driver stores; no resolution). Prints articles/s for each, over the whole run
(actor start, spaCy load and storing included) and from the first stored file on (steady
state), and the ratio 2 workers / 1 worker. The load average is printed with the figures:
on a shared machine, rerun when it is low. Target: 2 workers >= 1.7x one.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from linkchart.api.engines.ray_engine import ingest_files, ray_session  # noqa: E402
from linkchart.api.stores import open_store  # noqa: E402
from linkchart.ingest.read import iter_files  # noqa: E402
from linkchart.models import IngestReport  # noqa: E402
from scalegen import generate  # noqa: E402


@dataclass
class Run:
    """One timed ingest: articles stored, whole-run seconds, and seconds from the first stored file on."""

    workers: int
    articles: int
    seconds: float
    steady_seconds: float
    steady_articles: int

    @property
    def rate(self) -> float:
        """Return articles/s over the whole run."""
        return self.articles / self.seconds

    @property
    def steady_rate(self) -> float:
        """Return articles/s from the first stored file to the last."""
        return self.steady_articles / self.steady_seconds if self.steady_seconds > 0 else float("nan")


def write_corpus(folder: Path, n: int) -> None:
    """Write `n` generated articles into `folder` as text files (title, blank line, body); returns nothing."""
    for article in generate(n, seed=7, cast_for=max(n, 1000)):
        (folder / f"a{article.index:06d}.txt").write_text(f"{article.title}\n\n{article.text}\n", encoding="utf-8")


def timed_run(corpus: Path, workdir: Path, workers: int) -> Run:
    """Return the timing of ingesting `corpus` into a new store with `workers` extraction workers."""
    store = open_store(str(workdir / f"w{workers}-{time.monotonic_ns()}.db"), create=True)
    stored_at: list[float] = []
    files = list(iter_files([str(corpus)]))
    start = time.perf_counter()
    report = ingest_files(store, files, IngestReport(), on_file=lambda _: stored_at.append(time.perf_counter()),
                          workers=workers)
    seconds = time.perf_counter() - start
    store.close()
    if report.failed:
        raise SystemExit(f"ingest failed: {report.failed[:3]}")
    per_file = report.articles / max(1, len(stored_at))
    steady_articles = round(per_file * (len(stored_at) - 1))
    return Run(workers, report.articles, seconds, stored_at[-1] - stored_at[0], steady_articles)


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--cpus", type=int, default=2, help="CPUs of the local Ray cluster")
    parser.add_argument("--rounds", type=int, default=1, help="runs of each pool size (the best is kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lc-ray-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        write_corpus(corpus, args.articles)
        print(f"{args.articles} generated articles; local Ray cluster of {args.cpus} CPUs")
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        best: dict[int, Run] = {}
        with ray_session(workers=args.cpus):
            for _ in range(args.rounds):
                for workers in (1, 2):
                    run = timed_run(corpus, Path(tmp), workers)
                    print(f"  {workers} worker(s): {run.rate:6.2f} articles/s overall ({run.seconds:.1f} s), "
                          f"{run.steady_rate:6.2f} articles/s steady; load {os.getloadavg()[0]:.2f}")
                    if workers not in best or run.seconds < best[workers].seconds:
                        best[workers] = run
        one, two = best[1], best[2]
        print(f"1 worker : {one.rate:6.2f} articles/s overall, {one.steady_rate:6.2f} steady")
        print(f"2 workers: {two.rate:6.2f} articles/s overall, {two.steady_rate:6.2f} steady")
        print(f"ratio 2/1: {two.rate / one.rate:.2f}x overall, {two.steady_rate / one.steady_rate:.2f}x steady "
              f"(target >= 1.7x)")
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
