"""`linkchart ingest` and `linkchart resolve` through the CLI: exit statuses, error lines, summaries."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from linkchart.api import Workspace
from linkchart.cli import app

TEXT = "Karim Dawali, the leader of the Northern Front, met Hasan Turabi in Tal Sabr on Monday.\n"


def run(*args: str) -> tuple[int, str]:
    """Return the exit status and the output (stdout and stderr) of `linkchart ARGS`."""
    result = CliRunner(env={"COLUMNS": "400"}).invoke(app, list(args))
    return result.exit_code, result.output


def good_folder(tmp_path: Path) -> Path:
    """Return a folder holding one short invented news file."""
    folder = tmp_path / "good"
    folder.mkdir()
    (folder / "a.txt").write_text("Border Talks\n\n" + TEXT, encoding="utf-8")
    return folder


def test_every_file_stored_is_status_0_and_nothing_new_is_status_0_too(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    status, out = run("ingest", str(good_folder(tmp_path)), "--db", db)
    assert status == 0 and "files added" in out
    status, out = run("ingest", str(tmp_path / "good"), "--db", db)
    assert status == 0 and "files unchanged (already stored)" in out


def test_a_missing_path_is_status_1_after_the_summary_of_what_was_done(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    status, out = run("ingest", str(good_folder(tmp_path)), str(tmp_path / "missing.txt"), "--db", db)
    assert status == 1
    assert f"error {tmp_path / 'missing.txt'}: no such file or folder" in out
    assert "ingest summary" in out
    with Workspace(db, extract=False) as ws:
        assert [Path(r.source).name for r in ws.documents()] == ["a.txt"]
        assert ws.entities()


def test_a_folder_with_nothing_to_ingest_is_status_1(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.docx").write_bytes(b"PK")
    status, out = run("ingest", str(tmp_path / "empty"), "--db", str(tmp_path / "s.db"), "--quiet")
    assert status == 1 and "empty: no file to ingest in this folder" in out


def test_a_store_that_cannot_be_opened_is_status_2_in_one_line(tmp_path: Path) -> None:
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_bytes(b"these are notes, not a database" * 100)
    status, out = run("ingest", str(good_folder(tmp_path)), "--db", str(not_a_store))
    assert status == 2
    lines = [line for line in out.splitlines() if line.startswith("error:")]
    assert lines == [f"error: {not_a_store}: not a linkchart store (file is not a database)"]
    assert "Traceback" not in out and "files added" in out  # what was done (nothing) is still summed up


def test_resolve_rebuilds_the_entities_and_refuses_a_missing_store(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert run("ingest", str(good_folder(tmp_path)), "--db", str(db), "--quiet")[0] == 0
    with sqlite3.connect(db) as conn:  # as if the entities had been lost
        conn.execute("DELETE FROM mention_entity")
        conn.execute("DELETE FROM entity_aliases")
        conn.execute("DELETE FROM entities")
    status, out = run("resolve", "--db", str(db))
    assert status == 0 and "resolved" in out
    with Workspace(db, extract=False) as ws:
        assert "Karim Dawali" in {e.name for e in ws.entities()}
    status, out = run("resolve", "--db", str(tmp_path / "other.db"))
    assert status == 2 and "other.db: no such store" in out and not (tmp_path / "other.db").exists()
