"""Several processes opening one new SQLite store at the same moment all open it (the switch to WAL answers
'database is locked' at once instead of waiting like other statements; the store waits for it)."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

from linkchart.store.sqlite import SQLiteStore


def _open(path: str, results: mp.Queue, go: mp.Event) -> None:  # type: ignore[type-arg]
    go.wait()
    try:
        SQLiteStore(path).close()
        results.put("ok")
    except Exception as e:  # noqa: BLE001 — the message is the result
        results.put(f"{type(e).__name__}: {e}")


def test_processes_opening_a_new_store_at_once_all_open_it(tmp_path: Path) -> None:
    ctx = mp.get_context("fork")
    failures = []
    for round_ in range(15):
        path = str(tmp_path / f"s{round_}.db")
        results, go = ctx.Queue(), ctx.Event()
        procs = [ctx.Process(target=_open, args=(path, results, go)) for _ in range(3)]
        for p in procs:
            p.start()
        go.set()
        for p in procs:
            p.join(60)
        failures += [r for r in (results.get(timeout=10) for _ in procs) if r != "ok"]
    assert failures == []
