"""Latency of the web API's heavy routes: profile, neighbours, path, suggest, search, entities, graph.

Runs on (1) the bundled sample corpus and (2) a generated store of --articles synthetic
articles (sample paragraphs with names, numbers and years varied, written as jsonl and
ingested with the real pipeline; the ingest time is printed too). For each store it
prints the first (cold-cache) request and p50/p95/max over --requests requests per route,
through FastAPI's TestClient (in-process: no network, but the full app and JSON
serialisation). `graph500` is the page's whole-store view at 500 nodes. No assertions.

Usage: .venv/bin/python bench/api.py [--articles 10000] [--requests 50] [--keep DIR] [--db STORE]
       --articles 0 benches the sample store only; --db benches an existing store as well.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from linkchart.api import Workspace, sample_corpus_path
from linkchart.web.app import create_app

FIRST = ["Qais", "Laith", "Ali", "Hadi", "Karim", "Yusuf", "Abbas", "Jafar", "Hamid", "Mahdi", "Akram", "Hassan",
         "Mustafa", "Reza", "Omar", "Salim", "Nabil", "Walid", "Faisal", "Tariq", "Adnan", "Basim", "Haidar", "Samir"]
LAST = ["al-Khazali", "Daqduq", "Shahlai", "al-Amiri", "al-Kaabi", "Hashim", "al-Muhandis", "Nasser", "Haddad",
        "al-Sheibani", "al-Zaidi", "al-Maliki", "Rahimi", "Tehrani", "al-Asadi", "Karbalai", "al-Saadi", "Qasimi",
        "al-Jabouri", "Hamdani", "al-Badri", "Mousawi", "al-Tamimi", "Sadiqi", "al-Fayyadh", "Kazemi"]
ORGS = ["Brigade", "Battalions", "Movement", "Front", "Organization", "Corps", "League", "Network", "Army"]
ORG_WORDS = ["Imam Ali", "Sayyid al-Shuhada", "Karbala", "Nujaba", "Badr", "Jund", "Ansar", "Thar", "Hussein",
             "Abbas", "Zainab", "Mahdi", "Khorasani", "Jihad", "Shaabi", "Rafidain"]
PEOPLE = ["Qais al-Khazali", "Khazali", "Qassem Soleimani", "Soleimani", "Abdul Reza Shahlai", "Shahlai",
          "Ali Musa Daqduq", "Daqduq", "Laith al-Khazali", "Moqtada al-Sadr", "Sadr", "Abu Mahdi al-Muhandis",
          "Muhandis", "Hassan Nasrallah", "Nasrallah", "Peter Moore", "Yusuf Hashim"]
GROUPS = ["Asaib Ahl al-Haq", "Kataib Hezbollah", "Hezbollah", "Quds Force", "Mahdi Army", "Badr Organization"]


def percentile(values: list[float], q: float) -> float:
    """Return the q-quantile (0..1) of values by nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def sample_paragraphs() -> list[str]:
    """Return the paragraphs of the sample corpus's text files that name someone."""
    out = []
    for f in sorted(sample_corpus_path().glob("*")):
        if f.suffix not in (".txt", ".md"):
            continue
        for p in re.split(r"\n\s*\n", f.read_text(encoding="utf-8", errors="replace")):
            p = " ".join(p.split())
            if len(p) > 120 and any(n in p for n in PEOPLE + GROUPS):
                out.append(p)
    return out


def synthetic_feeds(folder: Path, n: int, per_file: int = 200) -> None:
    """Write n synthetic articles as jsonl files of `per_file` lines (ingest then flushes file by file)."""
    folder.mkdir(parents=True, exist_ok=True)
    for k, first in enumerate(range(0, n, per_file)):
        synthetic_jsonl(folder / f"feed-{k:04d}.jsonl", min(per_file, n - first), seed=k, start=first)


def synthetic_jsonl(path: Path, n: int, seed: int = 7, start: int = 0) -> None:
    """Write n synthetic articles to a jsonl file: sample paragraphs with names, numbers and years varied."""
    rng = random.Random(seed)
    paras = sample_paragraphs()
    people = [f"{f} {last}" for f in FIRST for last in LAST]  # 624 people
    groups = [f"{w} {o}" for w in ORG_WORDS for o in ORGS]  # 144 groups
    names = sorted(PEOPLE + GROUPS, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(x) for x in names))
    with path.open("w", encoding="utf-8") as out:
        for i in range(start, start + n):
            cast: dict[str, str] = {}

            def swap(m: re.Match[str], cast: dict[str, str] = cast) -> str:
                name = m.group(0)
                if name not in cast:
                    cast[name] = rng.choice(groups if name in GROUPS else people)
                return cast[name]

            body = [pattern.sub(swap, rng.choice(paras)) for _ in range(rng.randint(2, 4))]
            text = "\n\n".join(body)
            text = re.sub(r"\b(19[89]\d|20[0-2]\d)\b", lambda _: str(rng.randint(2003, 2020)), text)
            text = re.sub(r"\b\d{1,3}(,\d{3})+\b", lambda _: f"{rng.randint(2, 150) * 1000:,}", text)
            year = rng.randint(2005, 2020)
            record = {"title": f"Report {i}: {body[0][:60]}", "date": f"{year}-{rng.randint(1, 12):02d}-"
                      f"{rng.randint(1, 28):02d}", "source": "Synthetic Wire", "url": f"https://synthetic.example/{i}",
                      "text": text}
            out.write(json.dumps(record) + "\n")


def ingest(paths: list[str] | None, db: Path) -> float:
    """Ingest into a new store; return the seconds it took."""
    t0 = time.perf_counter()
    with Workspace(db) as ws:
        report = ws.ingest(paths)
    if report.failed:
        print("  failed:", report.failed[:5])
    return time.perf_counter() - t0


def timed(client: TestClient, url: str) -> float:
    """Return the milliseconds of one GET (which must succeed)."""
    t0 = time.perf_counter()
    r = client.get(url)
    elapsed = (time.perf_counter() - t0) * 1000
    if r.status_code != 200:
        raise RuntimeError(f"{url}: {r.status_code} {r.text[:200]}")
    return elapsed


def bench_store(label: str, db: Path, requests: int) -> None:
    """Print latency figures of profile, neighbours and path on one store."""
    client = TestClient(create_app(str(db), token="bench"), base_url="http://127.0.0.1:8000")
    counts = client.get("/api/stats").json()["counts"]
    print(f"\n== {label}: {counts.get('documents')} documents, {counts.get('articles')} articles, "
          f"{counts.get('entities')} entities, {counts.get('relations')} relations, {counts.get('mentions')} mentions")
    top = [e["id"] for e in client.get("/api/entities", params={"limit": 40}).json()]
    if len(top) < 2:
        print("  fewer than two entities: nothing to bench")
        return
    rng = random.Random(1)
    routes = {
        "profile": lambda: f"/api/entities/{rng.choice(top)}",
        "neighbours": lambda: f"/api/entities/{rng.choice(top)}/neighbors",
        "path": lambda: "/api/path?a={}&b={}".format(*rng.sample(top, 2)),
        "suggest": lambda: "/api/suggest?q=" + rng.choice(["kha", "sol", "hez", "qa", "ba"]),
        "search": lambda: "/api/search?q=" + rng.choice(["Khazali", "Baghdad", "militia", "released", "Quds Force"]),
        "entities": lambda: "/api/entities?limit=200" + rng.choice(["", "&type=PERSON", "&type=ORG"]),
        "graph500": lambda: "/api/graph?limit=500",
    }
    print(f"  {'route':<11} {'first ms':>9} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9} {'mean ms':>9}  (n={requests})")
    for name, make in routes.items():
        first = timed(client, make())
        times = [timed(client, make()) for _ in range(requests)]
        print(f"  {name:<11} {first:9.1f} {statistics.median(times):9.1f} {percentile(times, 0.95):9.1f} "
              f"{max(times):9.1f} {statistics.fmean(times):9.1f}")


def main() -> None:
    """Parse arguments, build the stores and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10000, help="synthetic articles (0: sample store only)")
    parser.add_argument("--requests", type=int, default=50, help="requests per route")
    parser.add_argument("--keep", help="folder to keep the stores in (default: a temporary folder)")
    parser.add_argument("--db", help="also bench this existing store")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        sample = folder / "sample.db"
        if not sample.exists():
            print(f"ingest sample corpus: {ingest(None, sample):.1f} s")
        bench_store("sample corpus", sample, args.requests)
        if args.articles:
            big = folder / f"synthetic-{args.articles}.db"
            if not big.exists():
                feed = folder / f"synthetic-{args.articles}"
                synthetic_feeds(feed, args.articles)
                seconds = ingest([str(feed)], big)
                print(f"\ningest {args.articles} synthetic articles: {seconds:.1f} s "
                      f"({args.articles / seconds:.1f} articles/s)")
            bench_store(f"synthetic {args.articles}", big, args.requests)
        if args.db:
            bench_store(args.db, Path(args.db), args.requests)


if __name__ == "__main__":
    main()
