"""kill -9 and concurrency campaign: `linkchart ingest` killed at random points, re-run, and the store checked.

Each kill stops a real `linkchart ingest` process (SIGKILL, then its leftover extraction
workers) at a random moment, or, every third kill, in the window between its last stored
document and entity resolution (`LINKCHART_PAUSE_BEFORE_RESOLVE` holds it there; the kill
comes once it prints that it is resolving). After every kill the store must pass
`PRAGMA integrity_check`, FTS5's own check and `foreign_key_check` (no orphan rows) and hold
no document twice; after each cycle of kills on one store, a run to the end must leave
exactly what an uninterrupted run stores (every count, every entity) and nothing pending. Two ingests of the
same folder at once must store each document once and leave the same store.

In the suite: two kills (among the document commits, then before resolution) and one
concurrent pair, on each back end (on PostgreSQL the checks are the foreign keys the server
enforces, no document twice, the counts and entities). On demand, longer, printing the figures:

    .venv/bin/python tests/reliability/test_kill.py --kills 25 [--files 12] [--seed 7] [--pairs 3]
        [--postgres URL_OF_A_CLUSTER_DATABASE]   # its stores are new databases on that cluster
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

LINKCHART = [sys.executable, "-m", "linkchart.cli"]
PAUSE_ENV = "LINKCHART_PAUSE_BEFORE_RESOLVE"
RESOLVING = "resolving entities"  # what `linkchart ingest` prints (stderr) as resolution starts
RUN_TIMEOUT = 600.0
STARTUP = 5.0  # seconds a run spends importing and loading its models before it reads a file

# Invented people, groups and places: the campaign's texts name no one real.
PEOPLE = ["Karim Dawali", "Hasan Turabi", "Samir Haddad", "Nadia Qasimi", "Yusuf Barakat", "Layla Mansour"]
GROUPS = ["the Northern Front", "the Unity Council", "Liwa al-Sabr", "the River Brigades"]
PLACES = ["Tal Sabr", "Kfar Amun", "Basra", "Deir Halab"]
SENTENCES = [
    "{p}, the leader of {g}, met {q} in {l} on {d}.",
    "{q} said that {g} would leave {l}, according to {p}.",
    "{p} founded {g} in {y} and was arrested in {l} in {y2}.",
    "A spokesman for {g}, {q}, told reporters in {l} that about {n} fighters had joined.",
    "{p} denied that {g} had attacked {l}.",
]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def write_corpus(folder: Path, files: int, seed: int) -> int:
    """Write `files` invented news files (txt and md, one jsonl of several documents) under `folder`;
    return the number of documents they hold."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)

    def paragraph() -> str:
        out = []
        for _ in range(rng.randint(2, 4)):
            p, q = rng.sample(PEOPLE, 2)
            year = rng.randint(1995, 2015)
            out.append(rng.choice(SENTENCES).format(
                p=p, q=q, g=rng.choice(GROUPS), l=rng.choice(PLACES), y=year, y2=year + rng.randint(1, 5),
                d=f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year}", n=rng.randint(2, 90) * 100))
        return " ".join(out)

    documents = 0
    for i in range(files):
        if i == files // 2:  # one file of several documents, stored one transaction each
            lines = [f'{{"title": "Bulletin {i}.{k}", "text": "{paragraph()}"}}' for k in range(4)]
            (folder / f"bulletin{i:02d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
            documents += len(lines)
            continue
        body = "\n\n".join(paragraph() for _ in range(rng.randint(3, 6)))
        suffix = "md" if i % 4 == 3 else "txt"
        (folder / f"report{i:02d}.{suffix}").write_text(f"Report {i} from {rng.choice(PLACES)}\n\n{body}\n",
                                                        encoding="utf-8")
        documents += 1
    return documents


CYCLE = ("time", "stored", "resolving")  # the kinds of kill of one cycle; a short campaign takes the last ones
COUNTED = ("documents", "articles", "mentions", "alias_statements", "relations", "events", "claims", "entities",
           "entity_aliases", "mention_entity", "decisions")


@dataclass
class StoreFacts:
    """What the campaign checks in a store: its health, its counts, its entities."""

    problems: list[str] = field(default_factory=list)  # integrity, orphans, duplicates: empty when healthy
    counts: dict[str, int] = field(default_factory=dict)
    entities: list[tuple[str, str, int]] = field(default_factory=list)  # (name, type, mentions), sorted
    resolution_due: bool = False
    max_document_id: int = 0


def is_postgres(db: str) -> bool:
    """Return True when the store `db` is a PostgreSQL URL (else a SQLite file)."""
    return db.startswith(("postgresql://", "postgres://"))


def _connect(db: str) -> Any:
    """Return a connection to the store `db` (sqlite3 or psycopg: both have `execute`), or None before it exists."""
    if is_postgres(db):
        import psycopg

        try:
            return psycopg.connect(db, autocommit=True, connect_timeout=5)
        except psycopg.OperationalError:
            return None
    return sqlite3.connect(db, timeout=5) if Path(db).exists() else None


def _sqlite_health(conn: sqlite3.Connection, tables: set[str]) -> list[str]:
    """Return what SQLite's own checks find wrong: integrity, full-text index, orphan rows."""
    problems = []
    integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    if integrity != ["ok"]:
        problems.append(f"integrity_check: {integrity[:3]}")
    if "articles_fts" in tables:
        try:
            conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            problems.append(f"full-text index: {exc}")
    orphans = conn.execute("PRAGMA foreign_key_check").fetchall()
    if orphans:
        problems.append(f"{len(orphans)} orphan rows, e.g. {orphans[:3]}")
    return problems


def store_facts(db: str) -> StoreFacts:
    """Return the health, counts and entities of the store `db` (no process may be writing it)."""
    facts = StoreFacts()
    conn = _connect(db)
    if conn is None:
        return facts
    try:
        if is_postgres(db):  # the server enforces the foreign keys: no orphan row can be committed
            tables = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        else:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            facts.problems += _sqlite_health(conn, tables)
        if "documents" not in tables:
            return facts
        twice = conn.execute("SELECT sha256, count(*) FROM documents GROUP BY sha256 HAVING count(*) > 1").fetchall()
        if twice:
            facts.problems.append(f"{len(twice)} documents stored twice")
        miscounted = conn.execute(
            """SELECT count(*) FROM entities e
               WHERE e.mentions <> (SELECT count(*) FROM mention_entity me WHERE me.entity_id = e.id)"""
        ).fetchone()[0]
        if miscounted:
            facts.problems.append(f"{miscounted} entities with a wrong mention count")
        facts.counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}
        facts.entities = sorted(tuple(r) for r in conn.execute("SELECT name, type, mentions FROM entities").fetchall())
        facts.max_document_id = conn.execute("SELECT coalesce(max(id), 0) FROM documents").fetchone()[0]
        if "pending" in tables:
            facts.resolution_due = bool(
                conn.execute("SELECT due > done FROM pending WHERE task = 'resolve'").fetchone()[0])
    finally:
        conn.close()
    return facts


def _start(folder: Path, db: str, pause: float | None = None) -> subprocess.Popen[str]:
    """Start `linkchart ingest folder --db db` in a session of its own (its workers die with it)."""
    env = {**os.environ, "COLUMNS": "200"}
    env.pop(PAUSE_ENV, None)
    if pause is not None:
        env[PAUSE_ENV] = str(pause)
    return subprocess.Popen([*LINKCHART, "ingest", str(folder), "--db", str(db)], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def run_ingest(folder: Path, db: str) -> tuple[int, str, float]:
    """Run an ingest to its end; return its exit status, its output and how long it took (seconds)."""
    began = time.monotonic()
    proc = _start(folder, db)
    out, err = proc.communicate(timeout=RUN_TIMEOUT)
    return proc.returncode, out + err, time.monotonic() - began


def _kill(proc: subprocess.Popen[str]) -> bool:
    """SIGKILL the run, then what is left of its session (extraction workers); return whether it was still running."""
    running = proc.poll() is None
    if running:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate()
    return running and proc.returncode == -signal.SIGKILL


def kill_after(folder: Path, db: str, seconds: float) -> tuple[bool, float]:
    """Run an ingest and kill it after `seconds`; return whether it was killed (not finished before) and
    how long it ran."""
    began = time.monotonic()
    proc = _start(folder, db)
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        pass
    return _kill(proc), time.monotonic() - began


def stored_documents(db: str) -> int:
    """Return how many documents the store `db` holds now (0 before it exists), reading beside its writer."""
    conn = _connect(db)
    if conn is None:
        return 0
    try:
        return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except Exception:  # not created yet (sqlite3.OperationalError, psycopg.errors.UndefinedTable)
        return 0
    finally:
        conn.close()


def kill_when_stored(folder: Path, db: str, count: int) -> bool:
    """Run an ingest and kill it as soon as the store holds `count` documents (or more: it is polled);
    return whether it was killed. That lands a kill among the document commits."""
    proc = _start(folder, db)
    deadline = time.monotonic() + RUN_TIMEOUT
    while proc.poll() is None and time.monotonic() < deadline and stored_documents(db) < count:
        time.sleep(0.02)
    return _kill(proc)


def kill_while_resolving(folder: Path, db: str) -> bool:
    """Run an ingest held before resolution and kill it there; return whether it got there and was killed.

    That is after its last document was committed and before any entity was: the window in
    which a kill used to leave a store without entities for good.
    """
    proc = _start(folder, db, pause=RUN_TIMEOUT)
    seen = threading.Event()  # the line, or the end of the output
    got_there = []

    def watch() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            if RESOLVING in line:
                got_there.append(True)
                break
        seen.set()

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    seen.wait(RUN_TIMEOUT)
    killed = _kill(proc)
    watcher.join(5)
    return bool(got_there) and killed


@dataclass
class CampaignResult:
    """The campaign's figures."""

    kills_tried: int = 0
    runs_killed: int = 0  # the others had finished before the kill came
    killed_while_resolving: int = 0
    failed: list[str] = field(default_factory=list)  # every failed check, one line each
    lost: int = 0  # documents of the uninterrupted run missing at the end
    concurrent_pairs: int = 0

    def line(self) -> str:
        """Return the figures as one line."""
        return (f"kills tried {self.kills_tried}, runs killed {self.runs_killed} "
                f"({self.killed_while_resolving} between the last commit and resolution), "
                f"concurrent pairs {self.concurrent_pairs}, failed checks {len(self.failed)}, "
                f"documents lost {self.lost}")


def compare(facts: StoreFacts, base: StoreFacts, label: str) -> list[str]:
    """Return what differs between a store's facts and the uninterrupted run's (empty when it matches)."""
    wrong = [f"{label}: {p}" for p in facts.problems]
    for name in COUNTED:
        if facts.counts.get(name) != base.counts.get(name):
            wrong.append(f"{label}: {name} {facts.counts.get(name)} instead of {base.counts.get(name)}")
    if facts.entities != base.entities:
        wrong.append(f"{label}: entities differ ({len(facts.entities)} vs {len(base.entities)})")
    if facts.resolution_due:
        wrong.append(f"{label}: resolution still due")
    return wrong


def sqlite_stores(workdir: Path) -> Callable[[str], str]:
    """Return a function naming the SQLite store `label` in `workdir`."""
    return lambda label: str(workdir / f"{label}.db")


def postgres_stores(url: str) -> Callable[[str], str]:
    """Return a function naming the database `label` on the cluster of `url` (created by the first ingest)."""
    base = url.rsplit("/", 1)[0]
    tag = f"k{os.getpid()}x{random.randrange(10**6)}"
    return lambda label: f"{base}/{tag}_{label}"


def baseline(folder: Path, stores: Callable[[str], str], in_process: bool = False) -> tuple[StoreFacts, float]:
    """Return the facts of an uninterrupted ingest of `folder` and how long a run takes (seconds); raise if it
    failed. `in_process` ingests in this process (models already loaded): `STARTUP` stands for a run's start."""
    db = stores("base")
    if in_process:
        from linkchart.api import Workspace

        began = time.monotonic()
        with Workspace(db) as ws:
            report = ws.ingest([str(folder)])
        status, output, took = int(not report.ok), "\n".join(report.failed), time.monotonic() - began + STARTUP
    else:
        status, output, took = run_ingest(folder, db)
    base = store_facts(db)
    if status != 0 or base.problems or not base.entities:
        raise RuntimeError(f"the uninterrupted run failed (status {status}): {base.problems} {output[-2000:]}")
    return base, took


def kill_campaign(folder: Path, stores: Callable[[str], str], base: StoreFacts, took: float, kills: int, seed: int,
                  say: Callable[[str], None] = lambda _: None) -> CampaignResult:
    """Kill `kills` ingests of `folder` and check the store after each; return the figures.

    The kills come in cycles on a new store each (`CYCLE`): one at a random moment, one just
    after a random number of documents were committed, one between the last commit and
    resolution; a run to the end closes each cycle and must equal the uninterrupted run.
    """
    rng = random.Random(seed)
    result = CampaignResult()
    total = base.counts["documents"]
    cycle = 0
    while result.kills_tried < kills:
        cycle += 1
        db = stores(f"killed{cycle}")
        for kind in CYCLE[-min(len(CYCLE), kills - result.kills_tried):]:
            result.kills_tried += 1
            if stored_documents(db) == total and not store_facts(db).resolution_due:
                say("  (the run before finished: this kill starts on a new store)")
                result.failed += compare(store_facts(db), base, f"cycle {cycle}, finished before a kill")
                _remove_store(db)
            before = stored_documents(db)
            if kind == "stored" and before < total - 1:
                target = rng.randint(before + 1, total - 1)
                killed = kill_when_stored(folder, db, target)
                what = f"at {target} stored"
            elif kind == "resolving":
                killed = kill_while_resolving(folder, db)
                result.killed_while_resolving += killed
                what = "while resolving"
            else:
                at = rng.uniform(0.2, 1.0) * took
                killed, ran = kill_after(folder, db, at)
                if not killed and before == 0:  # a whole run took this long: the machine's pace now
                    took = ran
                what = f"after {at:.1f} s"
            result.runs_killed += killed
            facts = store_facts(db)
            result.failed += [f"kill {result.kills_tried} ({what}): {p}" for p in facts.problems]
            say(f"kill {result.kills_tried:>3} {what:<16} {'killed' if killed else 'had finished':<12} "
                f"documents {facts.counts.get('documents', 0):>3}  entities {facts.counts.get('entities', 0):>4}  "
                f"{'resolution due' if facts.resolution_due else ''}")
        status, output, _ = run_ingest(folder, db)
        if status != 0:
            result.failed.append(f"cycle {cycle}: the run after the kills ended with status {status}: {output[-500:]}")
        final = store_facts(db)
        result.failed += compare(final, base, f"cycle {cycle}, after the kills")
        result.lost += max(0, base.counts["documents"] - final.counts.get("documents", 0))
        say(f"cycle {cycle} closed: status {status}, documents {final.counts.get('documents')}, "
            f"entities {final.counts.get('entities')}")
        _remove_store(db)
    return result


def _remove_store(db: str) -> None:
    """Delete a store: a SQLite file and its WAL companions, or a PostgreSQL database."""
    if is_postgres(db):
        import psycopg
        from psycopg import sql

        base, name = db.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        return
    for path in (Path(db), Path(db + "-wal"), Path(db + "-shm")):
        path.unlink(missing_ok=True)


def files_added(output: str) -> int | None:
    """Return the 'files added' figure of an ingest summary, or None when there is none."""
    found = re.search(r"files added\W+(\d+)", output)
    return int(found.group(1)) if found else None


def concurrent_pair(folder: Path, other: Path, db: str, base: StoreFacts, label: str) -> list[str]:
    """Run two ingests at once into the new store `db` (`folder` and `other`, a sub-folder or the same);
    return the failed checks: both succeed, each document is written once, the store equals `base`."""
    procs = [_start(folder, db), _start(other, db)]
    outputs = [p.communicate(timeout=RUN_TIMEOUT) for p in procs]
    wrong = []
    for proc, (out, err) in zip(procs, outputs, strict=True):
        if proc.returncode != 0:
            wrong.append(f"{label}: a run ended with status {proc.returncode}: {(out + err)[-500:]}")
    facts = store_facts(db)
    wrong += compare(facts, base, label)
    if facts.max_document_id != facts.counts.get("documents"):  # ids are never reused: a gap is a rewrite
        wrong.append(f"{label}: documents written more than once (last id {facts.max_document_id}, "
                     f"{facts.counts.get('documents')} documents)")
    added = [files_added(out) for out, _ in outputs]
    if None not in added and sum(a or 0 for a in added) != base.counts["documents"]:
        wrong.append(f"{label}: the runs added {added} documents, {base.counts['documents']} expected")
    return wrong


# ---- in the suite ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def campaign_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a generated folder of invented news (with a sub-folder)."""
    folder = tmp_path_factory.mktemp("kill") / "in"
    write_corpus(folder, files=8, seed=3)
    (folder / "more").mkdir()
    write_corpus(folder / "more", files=2, seed=4)
    return folder


@pytest.fixture
def campaign_corpus(request: pytest.FixtureRequest, backend: str, campaign_folder: Path,
                    tmp_path: Path) -> Iterator[tuple[Path, Callable[[str], str], StoreFacts, float]]:
    """Return the folder, a namer of new stores of this back end, the facts of an uninterrupted ingest of the
    folder and how long that took; the stores are removed afterwards."""
    if backend == "postgresql":
        stores = postgres_stores(request.getfixturevalue("pg_cluster").url("postgres"))
    else:
        stores = sqlite_stores(tmp_path)
    named: list[str] = []

    def naming(label: str) -> str:
        named.append(stores(label))
        return named[-1]

    base, took = baseline(campaign_folder, naming, in_process=True)
    yield campaign_folder, naming, base, took
    for db in named:
        _remove_store(db)


@pytest.mark.slow
def test_kills_at_random_and_between_commit_and_resolution_lose_nothing(
    campaign_corpus: tuple[Path, Callable[[str], str], StoreFacts, float]
) -> None:
    folder, stores, base, took = campaign_corpus
    result = kill_campaign(folder, stores, base, took, kills=2, seed=11)  # after some commits, then resolving
    assert result.runs_killed == 2 and result.killed_while_resolving == 1  # every document, no entity yet
    assert result.failed == [] and result.lost == 0


@pytest.mark.slow
def test_two_ingests_at_once_store_each_document_once(
    campaign_corpus: tuple[Path, Callable[[str], str], StoreFacts, float]
) -> None:
    folder, stores, base, _ = campaign_corpus
    assert concurrent_pair(folder, folder, stores("same"), base, "same folder twice") == []


# ---- on demand ---------------------------------------------------------------------------------

def main() -> int:
    """Run the long campaign and print its figures; return 0 when every check held."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=25)
    parser.add_argument("--files", type=int, default=12)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pairs", type=int, default=3, help="concurrent ingest pairs (same folder / overlapping)")
    parser.add_argument("--postgres", metavar="URL", help="run on PostgreSQL: new databases on the cluster of URL")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="linkchart-kill-") as tmp:
        workdir = Path(tmp)
        folder = workdir / "in"
        documents = write_corpus(folder, args.files, args.seed)
        write_corpus(folder / "more", max(2, args.files // 4), args.seed + 1)
        stores = postgres_stores(args.postgres) if args.postgres else sqlite_stores(workdir)
        base, took = baseline(folder, stores)
        print(f"corpus: {documents}+ documents; uninterrupted run {took:.1f} s, "
              f"{base.counts['documents']} documents, {base.counts['entities']} entities")
        began = time.monotonic()
        result = kill_campaign(folder, stores, base, took, args.kills, args.seed, say=print)
        for k in range(args.pairs):
            other = folder if k % 2 == 0 else folder / "more"
            label = "same folder twice" if other == folder else "folder and its sub-folder"
            wrong = concurrent_pair(folder, other, stores(f"pair{k}"), base, f"pair {k + 1} ({label})")
            result.concurrent_pairs += 1
            result.failed += wrong
            print(f"pair {k + 1} ({label}): {'ok' if not wrong else '; '.join(wrong)}")
        for line in result.failed:
            print("FAILED", line)
        print(result.line(), f"in {time.monotonic() - began:.0f} s")
    return 0 if not result.failed and result.lost == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
