"""Screening speed: 10,000 store entities against a 10,000-entry list, blocked, vs all pairs estimated.

Names are generated (bench/scalegen.py's syllables: no real person). The store holds
people (canonical name, and the surname alone as an alias, as articles name them) and
organisations; the list, written as FollowTheMoney JSON lines and read back with
`linkchart.screen.read.read_list`, holds other generated people and organisations plus
`--planted` of the store's, each under another outlet's transliteration ('Khourani' /
'Kurani', 'al-' dropped) and, for people, OFAC's 'SURNAME, First' order as an alias.
Prints the time to read the list and to screen (wall and process CPU time, which other
processes on a shared machine disturb less; target < 60 s), the matches found, how
many planted entries were found (recall) and how many matches were not planted, and the
time all pairs would take at the compare rate measured in the same run on random pairs.

Usage: .venv/bin/python bench/screen.py [--entities 10000] [--entries 10000] [--planted 500] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from linkchart.resolve.compare import compare  # noqa: E402
from linkchart.screen.read import read_list  # noqa: E402
from linkchart.screen.screening import screen_store  # noqa: E402
from linkchart.store.base import EntityAliasRow, EntityRow  # noqa: E402
from linkchart.store.sqlite import SQLiteStore  # noqa: E402
from scalegen import Cast  # noqa: E402

SAMPLE_PAIRS = 2000  # random pairs timed for the all-pairs estimate


def _names(n: int, seed: int) -> tuple[list[tuple[str, str, str]], list[str]]:
    """Return `n` generated (type, name, transliterated variant) and the surname of each person ('' for a group)."""
    rng = random.Random(seed)
    cast = Cast.make(articles=n * 7, seed=seed)  # ~1.2 people per article/6: enough distinct people
    groups = [g.name for g in cast.groups][: n // 10]
    people = cast.people[: n - len(groups)]
    out = [("PERSON", p.name, p.variant(rng)) for p in people] + [("ORG", g, g) for g in groups]
    surnames = [p.surname() for p in people] + [""] * len(groups)
    return out, surnames


def _store(path: Path, names: list[tuple[str, str, str]], surnames: list[str]) -> SQLiteStore:
    store = SQLiteStore(path)
    entities = [EntityRow(i + 1, name, type_) for i, (type_, name, _) in enumerate(names)]
    aliases = [EntityAliasRow(i + 1, name, 3, "canonical name") for i, (_, name, _) in enumerate(names)]
    aliases += [EntityAliasRow(i + 1, s, 1, "partial name") for i, s in enumerate(surnames) if s and s != names[i][1]]
    store.replace_entities(entities, aliases, [])
    return store


def _ofac_order(name: str) -> str:
    first, _, family = name.partition(" ")
    return f"{family.upper()}, {first}" if family else name


def _list_file(path: Path, store_names: list[tuple[str, str, str]], planted: list[int], others: int,
               seed: int) -> None:
    """Write the list: `others` generated entries of other names, then the planted store entries' variants."""
    extra, _ = _names(others, seed + 1000)
    lines = []
    for i, (type_, name, variant) in enumerate(extra):
        lines.append({"id": f"gen-{i}", "schema": "Person" if type_ == "PERSON" else "Organization",
                      "properties": {"name": [name], "alias": [variant] if variant != name else []},
                      "datasets": ["bench_list"], "target": True})
    for i in planted:
        type_, name, variant = store_names[i]
        aliases = [_ofac_order(variant)] if type_ == "PERSON" else []
        lines.append({"id": f"planted-{i + 1}", "schema": "Person" if type_ == "PERSON" else "Organization",
                      "properties": {"name": [variant], "alias": aliases}, "datasets": ["bench_list"],
                      "target": True})
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")


def main() -> None:
    """Print list reading and screening times, matches, planted recall, and the all-pairs estimate."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entities", type=int, default=10_000)
    ap.add_argument("--entries", type=int, default=10_000)
    ap.add_argument("--planted", type=int, default=500)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    store_names, surnames = _names(args.entities, args.seed)
    planted = sorted(rng.sample(range(len(store_names)), min(args.planted, len(store_names))))
    with tempfile.TemporaryDirectory() as tmp:
        store = _store(Path(tmp) / "bench.db", store_names, surnames)
        list_path = Path(tmp) / "list.ftm.json"
        _list_file(list_path, store_names, planted, args.entries - len(planted), args.seed)
        t0 = time.perf_counter()
        lst = read_list(list_path)
        t1, cpu = time.perf_counter(), time.process_time()
        report = screen_store(store, lst)
        t2, cpu = time.perf_counter(), time.process_time() - cpu
        store.close()
    list_names = [n for e in lst.entries for n in e.names]
    subject_names = [n for _, n, _ in store_names] + [s for s in surnames if s]
    pairs = [(rng.choice(subject_names), rng.choice(list_names)) for _ in range(SAMPLE_PAIRS)]
    c0 = time.perf_counter()
    for a, b in pairs:
        compare(a, b)
    rate = SAMPLE_PAIRS / (time.perf_counter() - c0)
    wanted = {(i + 1, f"planted-{i + 1}") for i in planted}
    found = {(m.entity_id, m.entry_id) for m in report.matches}
    print(f"store: {len(store_names):,} entities ({sum(t == 'PERSON' for t, _, _ in store_names):,} people), "
          f"{len(subject_names):,} names; list: {len(lst.entries):,} entries, {len(list_names):,} names")
    print(f"read list: {t1 - t0:.2f} s; screen: {t2 - t1:.1f} s wall, {cpu:.1f} s CPU (target < 60 s)")
    print(f"matches: {len(found):,}; planted found: {len(found & wanted):,} of {len(wanted):,} "
          f"(recall {len(found & wanted) / max(1, len(wanted)):.3f}); not planted: {len(found - wanted):,}")
    print(f"all pairs would be {len(subject_names) * len(list_names):,} comparisons: "
          f"~{len(subject_names) * len(list_names) / rate / 3600:.1f} h at {rate:,.0f} comparisons/s "
          f"(random pairs, this run); blocked screening took {t2 - t1:.1f} s")


if __name__ == "__main__":
    main()
