"""Time linkchart's extract_many against a plain spaCy nlp.pipe over the same texts.

Texts: the .txt / .md files of the sample corpus (src/linkchart/sample) when present, else
the paragraphs of /work/shared/corpus; paragraphs are repeated until there are at least
200, and grouped into articles of 8 paragraphs. "plain" is the same model with the same
disabled components and no linkchart component. Prints articles/s, words/s and the
linkchart/plain ratio for n_process 1 and 2 (each the best of 3 interleaved runs), and the
same ratio in CPU time (this process's and its finished workers', best of 3): on a machine
shared with other work the wall-clock ratio varies with the load, the CPU-time ratio much less.
Usage: .venv/bin/python bench/extract.py [--min-paragraphs N] [--only plain|linkchart]
(--only runs one side once, 1 process, for timing the whole process from outside.)
"""

from __future__ import annotations

import re
import resource
import sys
import time
from pathlib import Path

from linkchart.extract.nlp import load_base_pipeline, load_pipeline
from linkchart.extract.pipeline import extract_many

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "linkchart" / "sample"
CORPUS = Path("/work/shared/corpus")
PARAGRAPHS_PER_ARTICLE = 8
REPEATS = 3


def load_paragraphs(minimum: int) -> list[str]:
    """Return at least `minimum` non-empty paragraphs from the sample corpus or the shared corpus."""
    files = sorted(p for p in SAMPLE.glob("*") if p.suffix in (".txt", ".md")) if SAMPLE.is_dir() else []
    if not files:
        files = sorted(CORPUS.glob("*.txt"))
    paras = [p.strip() for f in files for p in re.split(r"\n\s*\n|\n", f.read_text()) if len(p.strip()) > 40]
    if not paras:
        raise SystemExit("no texts found")
    out: list[str] = []
    while len(out) < minimum:
        out.extend(paras)
    return out


def articles(paras: list[str]) -> list[tuple[str, list[tuple[int, int]], str | None]]:
    """Return the paragraphs grouped into articles: (text, paragraph spans, date)."""
    items = []
    for k in range(0, len(paras), PARAGRAPHS_PER_ARTICLE):
        group = paras[k : k + PARAGRAPHS_PER_ARTICLE]
        text = "\n\n".join(group)
        spans, pos = [], 0
        for p in group:
            spans.append((pos, pos + len(p)))
            pos += len(p) + 2
        items.append((text, spans, None))
    return items


def main() -> None:
    """Print throughput of plain spaCy and of linkchart's extraction, and their ratio."""
    minimum = int(sys.argv[sys.argv.index("--min-paragraphs") + 1]) if "--min-paragraphs" in sys.argv else 200
    paras = load_paragraphs(minimum)
    items = articles(paras)
    words = sum(len(p.split()) for p in paras)
    if "--only" in sys.argv:  # one side, once, for an outside timer ('/usr/bin/time -v ... --only plain')
        side = sys.argv[sys.argv.index("--only") + 1]
        if side == "plain":
            for _doc in load_base_pipeline().pipe(paras, batch_size=32):
                pass
        else:
            extract_many(items, load_pipeline(), batch_size=32)
        print(f"{side}: {len(items)} articles, {words} words")
        return
    plain, ours = load_base_pipeline(), load_pipeline()
    print(f"{len(items)} articles, {len(paras)} paragraphs, {words} words; pipes: {ours.pipe_names}")
    for n_process in (1, 2):
        list(plain.pipe(paras[:20]))  # warm up
        t_plain = t_ours = c_plain = c_ours = float("inf")
        for _ in range(REPEATS):  # interleaved, best of each: a noisy neighbour slows one run, not all
            t0, c0 = time.perf_counter(), cpu_time()
            for _doc in plain.pipe(paras, n_process=n_process, batch_size=32):
                pass
            t_plain, c_plain = min(t_plain, time.perf_counter() - t0), min(c_plain, cpu_time() - c0)
            t0, c0 = time.perf_counter(), cpu_time()
            extract_many(items, ours, n_process=n_process, batch_size=32)
            t_ours, c_ours = min(t_ours, time.perf_counter() - t0), min(c_ours, cpu_time() - c0)
        print(
            f"n_process={n_process}: plain {len(items) / t_plain:.1f} articles/s {words / t_plain:.0f} words/s | "
            f"linkchart {len(items) / t_ours:.1f} articles/s {words / t_ours:.0f} words/s | "
            f"ratio {t_plain / t_ours:.2f} (best of {REPEATS}) | cpu ratio {c_plain / c_ours:.2f} "
            f"(plain {c_plain:.2f} s, linkchart {c_ours:.2f} s)"
        )


def cpu_time() -> float:
    """Return the CPU seconds (user and system) of this process and of its worker processes that have ended."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


if __name__ == "__main__":
    main()
