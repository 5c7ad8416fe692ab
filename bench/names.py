"""Comparisons per second of the name matcher (linkchart.resolve.compare) on one process.

Pairs: the public name-pair files (../shared/eval/public/data/names_*_dev.jsonl: OFAC,
Latin, Arabic script), or the files given. Prints, for the same pairs in the same run:

- including parsing: the first pass after the caches are emptied, every distinct name
  parsed on first use (kept in an LRU cache per name after; the lexicon tables are loaded
  before, as at any start);
- cached parses, part pairs not cached: each name already parsed, every cache kept per
  pair of parts emptied before each pass (pairs never compared before: the honest rate
  for new pairs; part pairs met again within the pass are cached, as in a resolver run);
- cached parses and part pairs: later passes over the same pairs, both caches warm (an
  upper bound: the resolver meets repeated part pairs, but not only those); the best and
  the median of --repeats passes;
- rapidfuzz `token_sort_ratio` over the same pairs, as a baseline for plain string likeness,
  and the new-pairs rate per 1,000 of its comparisons (a ratio a loaded machine disturbs less).

Times are process CPU time, so other processes on the machine disturb them less.
Usage: .venv/bin/python bench/names.py [--repeats N] [PAIRS.jsonl ...]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from rapidfuzz import fuzz

from linkchart.resolve.compare import _variants, clear_pair_caches, compare
from linkchart.resolve.name_parts import _make_part, _raw_parts, key_forms, normalize, parse_name, unvowelled_forms
from linkchart.resolve.transliterate import arabic_to_latin, letter_keys

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "public" / "data"
DEFAULT_FILES = [DATA / f"names_{s}_dev.jsonl" for s in ("ofac", "latin", "script")]


def load_pairs(files: list[Path]) -> list[tuple[str, str]]:
    """Return the (a, b) name pairs of JSON-lines files (labels are not read)."""
    pairs = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                pairs.append((row["a"], row["b"]))
    return pairs


def rate(func, pairs: list[tuple[str, str]]) -> float:  # noqa: ANN001 - any two-argument comparer
    """Return comparisons per CPU second of one pass of `func` over `pairs`."""
    start = time.process_time()
    for a, b in pairs:
        func(a, b)
    return len(pairs) / max(time.process_time() - start, 1e-9)


def main() -> None:
    """Time the matcher including parsing and with cached parses, and rapidfuzz, on the same pairs; print rates."""
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    pairs = load_pairs(args.files)
    compare("Salim Tarifi", "Saleem al-Tareefy")  # loads the lexicon tables: a start-up cost, not parsing
    clear_caches()
    cold = rate(compare, pairs)
    fresh = []
    for _ in range(args.repeats):  # names parsed, but no part pair seen before: pairs never compared yet
        clear_pair_caches()
        fresh.append(rate(compare, pairs))
    warm = [rate(compare, pairs) for _ in range(args.repeats)]
    baseline = [rate(fuzz.token_sort_ratio, pairs) for _ in range(args.repeats)]
    names = len({n for pair in pairs for n in pair})
    print(f"{len(pairs)} pairs, {names} distinct names, one process, CPU time; target 20,000/s")
    print(f"linkchart.resolve.compare, including parsing (first pass, caches emptied) {cold:>9,.0f}/s")
    print(f"linkchart.resolve.compare, cached parses, part pairs not cached best {max(fresh):>9,.0f}/s"
          f"   median {statistics.median(fresh):>9,.0f}/s")
    print(f"linkchart.resolve.compare, cached parses and part pairs (repeat) best {max(warm):>9,.0f}/s"
          f"   median {statistics.median(warm):>9,.0f}/s")
    print(f"rapidfuzz token_sort_ratio (baseline, no parsing)              best {max(baseline):>9,.0f}/s"
          f"   median {statistics.median(baseline):>9,.0f}/s")
    # a busy machine slows both alike: this ratio compares runs made at different loads
    print(f"new part pairs per 1,000 rapidfuzz comparisons (medians, same run)       "
          f"{1000 * statistics.median(fresh) / statistics.median(baseline):>9.1f}")


def clear_caches() -> None:
    """Empty the matcher's per-name, per-part and per-pair caches, so that the first pass parses every name."""
    for func in (parse_name, normalize, _variants, _raw_parts, _make_part, letter_keys, arabic_to_latin, key_forms,
                 unvowelled_forms):
        func.cache_clear()
    clear_pair_caches()


if __name__ == "__main__":
    main()
