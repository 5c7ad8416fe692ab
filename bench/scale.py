"""Scale bench: ingest, memory, store size, resolution and HTTP API latency at N generated articles.

Articles come from bench/scalegen.py (sentences recombined from templates over generated
name lists with Zipf popularity, spelling variants, acronyms and ~6 % near-duplicates).

  --mode real       writes them as jsonl feeds and ingests them with the real pipeline
                    (read, clean, spaCy extraction, store, resolution);
  --mode generated  hands their extraction results (spans known from the templates) to
                    `Store.add_document` in the same transactions, then resolves: for sizes
                    spaCy cannot reach on this machine (auto: generated above 10,000).

For each back end (--backend sqlite|postgresql|both; PostgreSQL on a private cluster with
default durability, tools/pgcluster.py) it prints: ingest articles/s; peak RSS of this
process (sampled through the ingest to show whether it stays flat) and of the extraction
workers; store size; resolution time; p50/p95 of profile, neighbours, path and search
through the HTTP API of `linkchart serve` (a subprocess; real HTTP); and the cost of
ingesting one new article into this store against ingesting it into an empty one
(extraction and resolution included; the spaCy model loaded beforehand in both).

Usage: .venv/bin/python bench/scale.py --articles 1000 [--backend both] [--mode auto] [--requests 100]
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import json
import multiprocessing
import os
import random
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from linkchart.api import Workspace  # noqa: E402
from linkchart.ingest.dedupe import article_fingerprint  # noqa: E402
from linkchart.store.open import open_store  # noqa: E402
from scalegen import ADD_KINDS, added_article, generate  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GENERATED_CHUNK = 200  # articles a worker generates per task
PROFILE_TO = os.environ.get("SCALE_ADD_PROFILE")  # when set: cProfile the timed adds into PROFILE_TO-KIND.prof
RESOLVER_RUNS: list[dict[str, Any]] = []  # what each full resolution of this run did (`resolve_within`)


def rss_mb(pid: int | str = "self") -> float:
    """Return the resident set size of a process now, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_mb(pid: int | str = "self") -> float:
    """Return the peak resident set size of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


class RssSampler:
    """Samples this process's RSS every half second while running."""

    def __init__(self) -> None:
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            self.samples.append(rss_mb())

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def quartiles(self) -> str:
        """Return the RSS at 25/50/75/100 % of the run, in MB."""
        if not self.samples:
            return "-"
        n = len(self.samples)
        return "/".join(f"{self.samples[min(n - 1, int(n * q))]:.0f}" for q in (0.25, 0.5, 0.75, 1.0))


def percentile(values: list[float], q: float) -> float:
    """Return the q-quantile (0..1) of values by nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


@contextmanager
def backend_url(backend: str, folder: Path, name: str,
                given: str | None = None) -> Iterator[tuple[str, Callable[[], int]]]:
    """Yield a new store URL of `backend` (or the `given` PostgreSQL URL) and a function returning its size in bytes."""
    if given:
        def database_size() -> int:
            import psycopg

            with psycopg.connect(given, autocommit=True) as conn:
                return int(conn.execute("SELECT pg_database_size(current_database())").fetchone()[0])

        yield given, database_size
        return
    if backend == "sqlite":
        path = folder / f"{name}.db"

        def size() -> int:
            return sum(p.stat().st_size for p in folder.glob(f"{name}.db*"))

        yield str(path), size
        return
    from pgcluster import PostgresCluster

    # PostgreSQL's default 128 MB of shared buffers is sized for tiny machines: a team's server holds more of a
    # 100,000-article store (its reads are what the API latencies time)
    cluster = PostgresCluster.start(settings={"shared_buffers": "1GB"}, prefix="linkchart-bench-pg-")
    try:
        yield cluster.create_database(name), lambda: cluster.database_size(name)
    finally:
        cluster.stop()


def write_feeds(folder: Path, n: int, per_file: int = 200) -> None:
    """Write `n` generated articles as jsonl feeds of `per_file` lines."""
    folder.mkdir(parents=True, exist_ok=True)
    out = None
    for article in generate(n):
        if article.index % per_file == 0:
            if out:
                out.close()
            out = (folder / f"feed-{article.index // per_file:05d}.jsonl").open("w", encoding="utf-8")
        out.write(json.dumps(article.jsonl()) + "\n")  # type: ignore[union-attr]
    if out:
        out.close()


def ingest_real(url: str, feeds: Path, processes: int) -> tuple[float, float, int]:
    """Ingest the feeds with the real pipeline; return (ingest seconds incl. resolution, resolution seconds, added)."""
    with Workspace(url, processes=processes) as ws:
        t0 = time.perf_counter()
        report = ws.ingest([str(feeds)])
        total = time.perf_counter() - t0
        if report.failed:
            print("  failed:", report.failed[:3])
        t1 = time.perf_counter()
        ws.resolve(full=True)
        return total, time.perf_counter() - t1, report.articles


def _prepared(chunk: tuple[int, int]) -> list[tuple[Any, Any, Any, Any]]:
    """Return the documents of generated articles [start, start + n) with their fingerprints (a worker's job)."""
    start, n = chunk
    out = []
    for article in generate(n, start=start, first=start):
        doc, art, extraction = article.document()
        out.append((doc, art, extraction, article_fingerprint(art.text)))
    return out


def cpu_seconds(pid: int | str = "self") -> float:
    """Return the CPU seconds (user + system) a process of this machine has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_pid(store: Any) -> int | None:
    """Return the pid of the PostgreSQL backend serving `store` when it runs on this machine, else None."""
    conn = getattr(store, "_conn", None)
    if conn is None or not hasattr(conn, "info"):
        return None
    pid = int(conn.execute("SELECT pg_backend_pid() AS pid").fetchone()["pid"])
    return pid if Path(f"/proc/{pid}/stat").exists() else None


class SliceClock:
    """Times each `slice` articles stored: wall seconds, CPU seconds of this process and of the database server's
    backend (PostgreSQL on this machine), and the load average, so that a slowdown can be told from a busy machine."""

    def __init__(self, slice_: int, server: int | None) -> None:
        self.slice, self.server = slice_, server
        self.rows: list[dict[str, float]] = []
        self._mark = self._now()

    def _now(self) -> tuple[float, float, float]:
        server = cpu_seconds(self.server) if self.server else 0.0
        return time.perf_counter(), cpu_seconds(), server

    def stored(self, before: int, after: int) -> None:
        """Close a slice when `after` crossed a multiple of the slice size; returns nothing."""
        if after // self.slice == before // self.slice:
            return
        now = self._now()
        wall, cpu, server = (b - a for a, b in zip(self._mark, now, strict=True))
        self._mark = now
        row = {"stored": after, "wall_s": wall, "per_s": self.slice / wall, "cpu_ms": cpu / self.slice * 1000,
               "server_cpu_ms": server / self.slice * 1000, "load": os.getloadavg()[0]}
        self.rows.append(row)
        print(f"    {after} stored: slice {wall:.0f} s = {row['per_s']:.0f} art/s; CPU per article: writer "
              f"{row['cpu_ms']:.1f} ms" + (f", server {row['server_cpu_ms']:.1f} ms" if self.server else "")
              + f"; load {row['load']:.1f}; rss {rss_mb():.0f} MB", flush=True)


def ingest_generated(url: str, n: int, deadline: float, batch: int = GENERATED_CHUNK,
                     slice_: int = 10_000) -> tuple[float, int, list[dict[str, float]]]:
    """Store `n` generated articles' extraction results through the store API; return (seconds, articles stored,
    the figures of each `slice_` articles, `SliceClock`).

    A worker process generates and fingerprints the next articles while this one stores them,
    `batch` articles a transaction (`Store.add_documents`; 1: one `add_document` each);
    storing stops at `deadline`.
    """
    stored = 0
    t0 = time.perf_counter()
    chunks = [(start, min(GENERATED_CHUNK, n - start)) for start in range(0, n, GENERATED_CHUNK)]
    todo = iter(chunks)
    with open_store(url) as store, multiprocessing.get_context("spawn").Pool(1) as pool:
        clock = SliceClock(min(slice_, n), server_pid(store))
        # at most two chunks ahead: the worker must not fill this process's memory with articles
        pending = deque(pool.apply_async(_prepared, (c,)) for c in itertools.islice(todo, 2))
        while pending:
            ready = pending.popleft().get()
            following = next(todo, None)
            if following is not None:
                pending.append(pool.apply_async(_prepared, (following,)))
            for start in range(0, len(ready), batch):
                part = ready[start:start + batch]
                store.add_documents([(doc, [art], [extraction], [fp]) for doc, art, extraction, fp in part])
                before, stored = stored, stored + len(part)
                clock.stored(before, stored)
            if time.monotonic() > deadline:
                print(f"    stopped at the time limit after {stored} articles", flush=True)
                pool.terminate()
                break
    return time.perf_counter() - t0, stored, clock.rows


def resolve_by_key(url: str) -> float:
    """Write entities made of the mentions grouped by transliteration key; return the seconds it took.

    A stand-in for the resolver when it cannot finish at this size (`--resolution keys`): the
    API is then timed over entities of realistic sizes (Zipf: a few in many articles), though
    not the resolver's own (no alias statements, surnames or spelling variants joined).
    """
    from collections import Counter, defaultdict

    from linkchart.resolve.names import name_key
    from linkchart.resolve.surfaces import clean_surface
    from linkchart.store.base import EntityAliasRow, EntityRow

    t0 = time.perf_counter()
    groups: dict[str, list[int]] = defaultdict(list)
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    with open_store(url) as store:
        keys: dict[str, str] = {}
        for m in store.mentions():
            surface = clean_surface(m.text)
            key = keys.get(surface)
            if key is None:
                key = keys[surface] = name_key(surface) or surface
            groups[key].append(m.id)
            surfaces[key][surface] += 1
            labels[key][m.label] += 1
        rows, aliases, links = [], [], []
        for i, key in enumerate(sorted(groups, key=lambda k: -len(groups[k])), start=1):
            rows.append(EntityRow(i, surfaces[key].most_common(1)[0][0], labels[key].most_common(1)[0][0], None))
            aliases += [EntityAliasRow(i, a, n, "same key", None, key) for a, n in surfaces[key].items()]
            links += [(m, i) for m in groups[key]]
        store.replace_entities(rows, aliases, links)
    return time.perf_counter() - t0


def _resolve(url: str, report: str) -> None:
    from linkchart.resolve.cluster import LAST_RUN
    from linkchart.resolve.runner import resolve_store

    with Workspace(url, extract=False) as ws:  # what `Workspace.resolve(full=True)` does, its two steps timed
        t0 = time.perf_counter()
        resolve_store(ws.store, full=True)
        t1 = time.perf_counter()
        entities_mb = peak_mb()
        reset_peak()  # the graph step's own peak from here
        ws._keep_graph()
        t2 = time.perf_counter()
    Path(report).write_text(json.dumps({**LAST_RUN, "entities_s": round(t1 - t0, 1), "graph_s": round(t2 - t1, 1),
                                        "cpu_s": round(sum(os.times()[:2]), 1), "entities_peak_mb": round(entities_mb),
                                        "graph_peak_mb": round(peak_mb())}))


def reset_peak() -> None:
    """Set this process's peak RSS (VmHWM) back to its RSS now, so that the next step's peak is its own."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:  # not Linux, or not allowed: the peak then covers the steps before too
        pass


def _resolve_by_key(url: str, report: str) -> None:
    seconds = resolve_by_key(url)
    print(f"  entities by key in {seconds:.0f} s; keeping the entity graph", flush=True)
    keep_graph_timed(url)


def keep_graph_timed(url: str) -> float:
    """Compute and keep the store's entity graph and metrics (what a resolution does last); return the seconds."""
    from linkchart.graph.stored import keep_graph

    t0 = time.perf_counter()
    with open_store(url) as store:
        keep_graph(store)
    seconds = time.perf_counter() - t0
    print(f"  entity graph kept in {seconds:.0f} s (peak RSS {peak_mb():.0f} MB)", flush=True)
    return seconds


def resolve_within(url: str, limit: float, by_key: bool = False) -> tuple[float | None, float]:
    """Resolve the store in a child process; return (seconds, or None past `limit`, the child's peak RSS MB).

    With `by_key`, the child writes the stand-in entities of `resolve_by_key` instead of running the resolver.
    """
    target = _resolve_by_key if by_key else _resolve
    report = Path(tempfile.mkdtemp(prefix="linkchart-resolve-")) / "run.json"
    child = multiprocessing.get_context("spawn").Process(target=target, args=(url, str(report)))
    t0 = time.perf_counter()
    child.start()
    peak = 0.0
    while child.is_alive() and time.perf_counter() - t0 < limit:
        try:
            peak = max(peak, peak_mb(child.pid or 0))
        except OSError:
            pass
        child.join(1.0)
    seconds = time.perf_counter() - t0
    if child.is_alive():
        child.terminate()
        child.join()
        return None, peak
    if child.exitcode != 0:
        raise RuntimeError(f"resolution failed with exit code {child.exitcode}")
    if report.exists():
        print(f"  resolver: {report.read_text()}", flush=True)  # pairs the name matcher compared, mentions read
        RESOLVER_RUNS.append(json.loads(report.read_text()))
        shutil.rmtree(report.parent, ignore_errors=True)
    return seconds, peak


@contextmanager
def server(url: str) -> Iterator[tuple[str, int]]:
    """Yield the base URL and pid of `linkchart serve` over the store."""
    port = random.randint(20000, 40000)
    env = {**os.environ, "LINKCHART_TOKEN": "bench"}
    proc = subprocess.Popen([str(Path(sys.executable).parent / "linkchart"), "serve", "--db", url, "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(base + "/api/stats", timeout=60).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                detail = proc.stderr.read().decode()[-2000:] if proc.stderr else ""
                raise RuntimeError(f"server did not start: {detail}")
            time.sleep(0.3)
        yield base, proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def timed(client: httpx.Client, path: str) -> float:
    """Return the milliseconds of one GET (which must succeed)."""
    t0 = time.perf_counter()
    r = client.get(path)
    ms = (time.perf_counter() - t0) * 1000
    if r.status_code != 200:
        raise RuntimeError(f"{path}: {r.status_code} {r.text[:200]}")
    return ms


def api_latency(url: str, requests: int, resolved: bool = True) -> dict[str, Any]:
    """Return first-request and p50/p95 ms of profile, neighbours, path and search, and the server's peak RSS.

    Without resolution (`resolved` False) there are no entities: only search is timed, for words of titles.
    """
    out: dict[str, Any] = {}
    with server(url) as (base, pid), httpx.Client(base_url=base, timeout=600) as client:
        t0 = time.perf_counter()
        top = [e["id"] for e in client.get("/api/entities", params={"limit": 300}).json()]
        out["first"] = (time.perf_counter() - t0) * 1000
        words = [w for e in client.get("/api/entities", params={"limit": 60}).json() for w in e["name"].split()[:1]]
        if not resolved:
            words = [a.title.split()[0] for a in generate(60)]
        rng = random.Random(3)
        routes = {
            "profile": lambda: f"/api/entities/{rng.choice(top)}",
            "neighbours": lambda: f"/api/entities/{rng.choice(top)}/neighbors",
            "path": lambda: "/api/path?a={}&b={}".format(*rng.sample(top, 2)),
            "search": lambda: "/api/search?q=" + rng.choice(words),
        }
        if not resolved:
            routes = {"search": routes["search"]}
        for name, make in routes.items():
            first = timed(client, make())
            times = [timed(client, make()) for _ in range(requests)]
            out[name] = (first, statistics.median(times), percentile(times, 0.95))
        out["server_peak_mb"] = peak_mb(pid)
    return out


def latency_only(url: str, requests: int) -> dict[str, Any]:
    """Return `api_latency` of an existing resolved store, printing the load average before and after."""
    before = os.getloadavg()[0]
    out = api_latency(url, requests)
    out["load"] = (before, os.getloadavg()[0])
    print(f"load {before:.1f}→{out['load'][1]:.1f}; first {out['first']:.0f} ms; "
          f"server peak {out['server_peak_mb']:.0f} MB")
    for route in ("profile", "neighbours", "path", "search"):
        first, p50, p95 = out[route]
        print(f"  {route:<10} p50 {p50:6.1f}  p95 {p95:6.1f}  (first {first:.0f}) ms", flush=True)
    return out


def one_article_cost(url: str, folder: Path, backend: str, kind: str = "bench") -> tuple[float, float]:
    """Return seconds to ingest one new article of `kind` (`scalegen.ADD_KINDS`) into the store at `url` and into an
    empty store (model loaded). The store at `url` is left as it was: the article is added to a copy of it."""
    new = added_article(kind)
    path = folder / f"one-{kind}.jsonl"
    path.write_text(json.dumps(new.jsonl()) + "\n", encoding="utf-8")
    from linkchart.resolve.cluster import LAST_RUN

    costs = []
    # a first ingest in this process pays module imports and table loads (the name matcher's too, when a few
    # articles share names): not the cost of an article
    warm = folder / "warm-up.jsonl"
    warm.write_text("".join(json.dumps(a.jsonl()) + "\n" for a in generate(5, start=30_000_000)), encoding="utf-8")
    with Workspace(str(folder / f"warm-up-{kind}.db"), processes=1) as ws:
        ws.ingest([str(warm)])
    with store_copy(url, folder, backend) as copy, backend_url(backend, folder, f"solo-{kind}") as (solo_url, _):
        for target in (copy, solo_url):
            with Workspace(target, processes=1) as ws:
                ws._extract([generate_article_for_warmup()])  # load spaCy first: its load is not the cost
                LAST_RUN.clear()
                profiler = cProfile.Profile() if PROFILE_TO and target == copy else None
                t0 = time.perf_counter()
                if profiler:
                    profiler.enable()
                report = ws.ingest([str(path)])
                costs.append(time.perf_counter() - t0)
                if profiler:
                    profiler.disable()
                    profiler.dump_stats(f"{PROFILE_TO}-{kind}.prof")
                assert report.added, report.failed
            if target == copy:
                print(f"  add one ({kind}): {costs[0]:.2f} s; resolution {LAST_RUN}", flush=True)
    for made in [*folder.glob(f"solo-{kind}.db*"), *folder.glob(f"warm-up-{kind}.db*")]:  # the next repeat's are new
        made.unlink()
    return costs[0], costs[1]


@contextmanager
def store_copy(url: str, folder: Path, backend: str) -> Iterator[str]:
    """Yield the URL of a copy of the store at `url`, as on disk as a store written long ago; the copy is removed
    after (SQLite: a file in `folder`; PostgreSQL: a database made from it as a template, on the same server)."""
    if backend == "sqlite":
        import sqlite3

        copy = folder / "added.db"
        with sqlite3.connect(url) as source, sqlite3.connect(copy) as target_db:
            source.backup(target_db)
        # else the add's first WAL checkpoint fsyncs the whole copy just written (seconds for 2 GB, a cost of
        # the copy, not of the article)
        with open(copy, "rb+") as written:
            os.fsync(written.fileno())
        try:
            yield str(copy)
        finally:
            for f in folder.glob("added.db*"):
                f.unlink()
        return
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    params = conninfo_to_dict(url)
    admin = make_conninfo(url, dbname="postgres")
    name = f"{params['dbname']}_added"
    base, _, query = url.partition("?")
    copy_url = base.rsplit("/", 1)[0] + f"/{name}" + (f"?{query}" if query else "")  # a URL: open_store reads it
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{params["dbname"]}"')
        conn.execute("CHECKPOINT")  # the copy on disk, as a database written long ago is
    try:
        yield copy_url
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


def generate_article_for_warmup() -> Any:
    """Return an Article to warm the extraction pipeline up with."""
    _, article, _ = next(generate(1, start=20_000_000)).document()
    return article


def run(backend: str, n: int, mode: str, requests: int, processes: int, time_limit: float,
        resolve_limit: float, keep: Path | None = None, ingest_only: bool = False,
        by_key: bool = False, skip_api: bool = False, batch: int = GENERATED_CHUNK,
        given: str | None = None, add_kinds: tuple[str, ...] = ("bench",), add_only: bool = False,
        add_repeats: int = 1, exports: list[str] | None = None) -> dict[str, Any]:
    """Return the figures of one back end at `n` articles (its store in `keep`, reused when already filled).

    `add_only`: the kept store is resolved already; only the cost of adding one article of each of `add_kinds` is
    measured, `add_repeats` times each. `exports`: formats whose `linkchart export` of the resolved store is timed.
    """
    row: dict[str, Any] = {"backend": backend, "articles": n, "mode": mode}
    with tempfile.TemporaryDirectory(prefix="linkchart-scale-") as tmp:
        folder = Path(tmp)
        kept = keep / "ingest.json" if keep else None
        with backend_url(backend, keep or folder, "big", given) as (url, size):
            if kept and kept.exists():  # a kept store: its ingest figures come from the run that filled it
                row.update(json.loads(kept.read_text()))
                print(f"  reusing {url}: {row['stored']} articles", flush=True)
            else:
                row.update(ingest(url, n, mode, processes, folder, time.monotonic() + time_limit, batch))
                if kept:
                    kept.write_text(json.dumps(row))
            if ingest_only:
                row.update(size_mb=size() / 2**20)
                return row
            resolution = row.get("resolution_s")
            if add_only:
                with open_store(url) as store:
                    if store.resolution_due():
                        raise SystemExit("--add-only needs a kept store resolved already")
                row["add_one"] = add_costs(url, folder, backend, add_kinds, add_repeats)
                row.update(size_mb=size() / 2**20)
                return row
            if mode == "generated":
                print(f"  stored {row['stored']} in {row['ingest_s']:.0f} s; resolving (limit {resolve_limit:.0f} s)",
                      flush=True)
                resolution, resolver_mb = resolve_within(url, resolve_limit, by_key)
                row["resolution"] = "by key (stand-in)" if by_key else "resolver"
                if RESOLVER_RUNS and not by_key:  # entities and graph apart, and the resolving process's CPU
                    row["resolver_run"] = RESOLVER_RUNS[-1]
                row["children_peak_mb"] = max(row["children_peak_mb"], resolver_mb)
            row.update(size_mb=size() / 2**20, resolution_s=resolution)
            print(f"  {row}", flush=True)
            if not skip_api:
                row.update(api_latency(url, requests, resolved=resolution is not None))
                print(f"  api {row}", flush=True)
            if exports and resolution is not None:
                row["exports"] = export_figures(url, exports, folder / "exports")
            if resolution is not None and resolution < resolve_limit / 2 and not by_key:  # the resolver's cost
                row["add_one"] = add_costs(url, folder, backend, add_kinds, add_repeats)
    return row


def add_costs(url: str, folder: Path, backend: str, kinds: tuple[str, ...],
              repeats: int) -> dict[str, list[tuple[float, float]]]:
    """Return, for each kind of added article, `repeats` pairs (seconds added to the store, seconds alone)."""
    return {kind: [one_article_cost(url, folder, backend, kind) for _ in range(repeats)] for kind in kinds}


def export_figures(url: str, formats: list[str], out: Path) -> dict[str, dict[str, float]]:
    """Return the seconds, peak RSS (MB) and MB written of `linkchart export` of the store in each format, each a
    process of its own (`bench/export.py`), the files written to `out` and deleted after."""
    from export import export_once, files_of

    out.mkdir(parents=True, exist_ok=True)
    figures = {}
    for fmt in formats:
        seconds, peak = export_once(url, fmt, out)
        written = files_of(out, fmt)
        size = sum(p.stat().st_size for p in written) / 2**20
        figures[fmt] = {"s": round(seconds, 1), "peak_mb": round(peak), "mb": round(size, 1)}
        for p in written:
            p.unlink()
        print(f"  export {fmt}: {figures[fmt]['s']} s, peak RSS {figures[fmt]['peak_mb']} MB, "
              f"{figures[fmt]['mb']} MB written", flush=True)
    return figures


def ingest(url: str, n: int, mode: str, processes: int, folder: Path, deadline: float,
           batch: int = GENERATED_CHUNK) -> dict[str, Any]:
    """Return the ingest figures of storing `n` articles at `url` (real: resolution included and timed apart)."""
    with RssSampler() as sampler:
        if mode == "real":
            write_feeds(folder / "feeds", n)
            seconds, resolution, stored = ingest_real(url, folder / "feeds", processes)
            slices: list[dict[str, float]] = []
        else:
            seconds, stored, slices = ingest_generated(url, n, deadline, batch)
            resolution = None
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"stored": stored, "ingest_s": seconds, "per_s": stored / seconds, "rss": sampler.quartiles(),
            "peak_mb": peak_mb(), "children_peak_mb": children, "resolution_s": resolution, "slices": slices}


def print_table(rows: list[dict[str, Any]]) -> None:
    """Print the figures as a markdown table."""
    print("\n| back end | articles (mode) | ingest art/s | RSS 25/50/75/100% MB | peak MB (workers) | store MB "
          "| resolution s | profile p50/p95 ms | neighbours p50/p95 | path p50/p95 | search p50/p95 "
          "| first request ms | server peak MB | add one s / alone s |")
    print("|" + "---|" * 14)
    for r in rows:
        def lat(k: str, r: dict[str, Any] = r) -> str:
            return f"{r[k][1]:.0f}/{r[k][2]:.0f}" if k in r else "n/a"

        resolution = f"{r['resolution_s']:.1f}" if r.get("resolution_s") is not None else "not done in limit"
        first = f"{r['first']:.0f}" if "first" in r else "n/a"
        server_mb = f"{r['server_peak_mb']:.0f}" if "server_peak_mb" in r else "n/a"
        add = "; ".join(f"{kind} " + ", ".join(f"{a:.2f} / {b:.2f} ({a / b:.1f}×)" for a, b in costs)
                        for kind, costs in r.get("add_one", {}).items()) or "n/a"

        mode = r["mode"] + (", entities by key" if r.get("resolution", "").startswith("by key") else "")
        print(f"| {r['backend']} | {r['stored']:,} ({mode}) | {r['per_s']:.1f} | {r['rss']} "
              f"| {r['peak_mb']:.0f} ({r['children_peak_mb']:.0f}) | {r['size_mb']:.0f} | {resolution} "
              f"| {lat('profile')} | {lat('neighbours')} | {lat('path')} | {lat('search')} | {first} | {server_mb} "
              f"| {add} |")
    for r in rows:
        if r.get("resolver_run"):
            run = r["resolver_run"]
            print(f"\n{r['backend']}, resolution: entities {run['entities_s']} s (name pairs compared: "
                  f"{run.get('pairs')}, peak RSS {run.get('entities_peak_mb', '?')} MB), entity graph "
                  f"{run['graph_s']} s (peak RSS {run.get('graph_peak_mb', '?')} MB); {run['cpu_s']} s CPU")
        for fmt, figures in r.get("exports", {}).items():
            print(f"{r['backend']}, export {fmt}: {figures['s']} s, peak RSS {figures['peak_mb']} MB, "
                  f"{figures['mb']} MB written")
        if r.get("slices"):
            print(f"\n{r['backend']}, per slice of {r['slices'][0]['stored']:,} articles stored (generated): "
                  "art/s (wall) | CPU ms per article, writer + server | load average")
            for s in r["slices"]:
                print(f"  {s['stored']:>7,}: {s['per_s']:6.0f} art/s | {s['cpu_ms']:5.1f} + "
                      f"{s['server_cpu_ms']:5.1f} ms | {s['load']:.1f}")


def main() -> None:
    """Parse arguments, run the back ends and print the table."""
    # a terminated bench still stops its PostgreSQL cluster and server (the with-blocks unwind)
    main_pid = os.getpid()

    def terminated(*_: object) -> None:
        if os.getpid() == main_pid:  # forked extraction workers inherit the handler: only the bench speaks
            print("terminated (SIGTERM)", file=sys.stderr, flush=True)
        sys.exit(143)

    signal.signal(signal.SIGTERM, terminated)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--mode", choices=["auto", "real", "generated"], default="auto")
    parser.add_argument("--requests", type=int, default=100, help="requests per route")
    parser.add_argument("--processes", type=int, default=2, help="extraction processes (real mode)")
    parser.add_argument("--time-limit", type=float, default=3600, help="seconds of storing (generated mode)")
    parser.add_argument("--resolve-limit", type=float, default=1800, help="seconds of resolution (generated mode)")
    parser.add_argument("--json-out", help="also write the figures as JSON to this file")
    parser.add_argument("--keep", type=Path, help="SQLite only: keep the store in this folder and, when it is "
                        "already filled, reuse it and its ingest figures (measure resolution and latency again)")
    parser.add_argument("--resolution", choices=["resolver", "keys"], default="resolver",
                        help="generated mode: run the resolver, or (keys) write entities grouped by transliteration "
                        "key, a stand-in when the resolver cannot finish at this size, to time the API")
    parser.add_argument("--ingest-only", action="store_true", help="with --keep: fill the store and stop")
    parser.add_argument("--exports", metavar="FORMATS", help="after resolution, time `linkchart export` of the store "
                        "in these comma-separated formats (json,gexf,graphml,neo4j,ftm,csv), each one's peak RSS")
    parser.add_argument("--skip-api", action="store_true",
                        help="measure resolution and the cost of adding one article, not the HTTP API")
    parser.add_argument("--url", help="with --keep and --backend postgresql: the (kept) database to fill or reuse, "
                        "e.g. on a cluster started apart with tools/pgcluster.py")
    parser.add_argument("--batch", type=int, default=GENERATED_CHUNK,
                        help="generated mode: articles stored per transaction (Store.add_documents)")
    parser.add_argument("--add-kind", choices=[*ADD_KINDS, "all"], default="bench",
                        help="the article whose adding is timed: the bench's, one with a new spelling of the most "
                        "popular name it names, one with a wholly new name (scalegen.added_article), or all three")
    parser.add_argument("--add-only", action="store_true", help="with --keep (or --url): the kept store is "
                        "resolved already; only time adding one article (into a copy of it)")
    parser.add_argument("--add-repeats", type=int, default=1, help="times each added article is timed")
    parser.add_argument("--latency-of", metavar="URL", help="only time the HTTP API over this existing, resolved "
                        "store (a SQLite path or a postgresql:// URL), printing the load average")
    args = parser.parse_args()
    if args.latency_of:
        result = latency_only(args.latency_of, args.requests)
        if args.json_out:
            Path(args.json_out).write_text(json.dumps(result))
        return
    if args.keep and args.backend != "sqlite" and not (args.url and args.backend == "postgresql"):
        parser.error("--keep is for --backend sqlite, or postgresql with --url")
    if args.add_only and not args.keep:
        parser.error("--add-only needs --keep")
    if args.ingest_only and not args.keep:
        parser.error("--ingest-only needs --keep")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    mode = args.mode if args.mode != "auto" else ("real" if args.articles <= 10_000 else "generated")
    rows = []
    if args.backend == "both":  # one process per back end, so each peak RSS is its own
        for backend in ("sqlite", "postgresql"):
            with tempfile.NamedTemporaryFile(suffix=".json") as out:
                argv = [a for a in sys.argv[1:]]
                argv[argv.index("both")] = backend
                subprocess.run([sys.executable, __file__, *argv, "--json-out", out.name], check=True)
                rows.extend(json.loads(Path(out.name).read_text()))
    else:
        print(f"== {args.backend}, {args.articles} articles, {mode}", flush=True)
        rows.append(run(args.backend, args.articles, mode, args.requests, args.processes, args.time_limit,
                        args.resolve_limit, args.keep, args.ingest_only, args.resolution == "keys", args.skip_api,
                        args.batch, args.url, ADD_KINDS if args.add_kind == "all" else (args.add_kind,),
                        args.add_only, args.add_repeats, args.exports.split(",") if args.exports else None))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(rows))
    print_table(rows)


if __name__ == "__main__":
    main()
