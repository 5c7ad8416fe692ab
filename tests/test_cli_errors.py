"""The user's mistakes get a clear answer: missing stores, URL schemes, ids, ambiguous and misspelt names,
bad types and dates, refused curation (which stores nothing), a busy port.

Over the invented store (`invented_db`: Orrin Vale, Tamsin Roe, the Brightwater Guild).
"""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from linkchart.api import Workspace
from linkchart.cli import app

runner = CliRunner(env={"COLUMNS": "200"})

READ_AND_CURATION_COMMANDS = [
    ["documents"], ["search", "Vale"], ["entities"], ["show", "Vale"], ["relations", "Vale"], ["timeline"],
    ["path", "Vale", "Roe"], ["neighbors", "Vale"], ["conflicts"], ["export"], ["serve", "--port", "1"],
    ["merge", "Vale", "Roe"], ["split", "Vale", "Orrin"], ["rename", "Vale", "Orrin"], ["reject", "Vale"],
    ["resolve"],
]


def entity_id(db: Path | str, name: str) -> int:
    """Return the id of the entity `name` stands for in the store `db`."""
    with Workspace(db, extract=False, create=False) as ws:
        return ws.find_entity(name).id


def decisions(db: Path | str) -> int:
    """Return how many curation decisions the store `db` holds."""
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM decisions").fetchone()[0])


@pytest.fixture
def curated_db(invented_db: Path, tmp_path: Path) -> str:
    """Return a private copy of the invented store, for tests that curate."""
    db = str(tmp_path / "curated.db")
    with sqlite3.connect(invented_db) as source, sqlite3.connect(db) as target:
        source.backup(target)
    return db


# ---- the store -----------------------------------------------------------------------------------
@pytest.mark.parametrize("args", READ_AND_CURATION_COMMANDS, ids=lambda a: a[0])
def test_a_store_that_does_not_exist_is_named_and_nothing_is_created(args: list[str], tmp_path: Path) -> None:
    db = tmp_path / "typo" / "case.db"
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert f"{db}: no such store" in result.output
    assert "curation token" not in result.output
    assert not db.parent.exists()


def test_a_url_scheme_without_a_back_end_is_an_error_that_keeps_the_password(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for args in (["show", "Vale"], ["documents"], ["search", "x"]):
        result = runner.invoke(app, [*args, "--db", "mysql://analyst:s3cret@db.invalid/case"])
        assert result.exit_code == 2
        assert "unsupported store URL scheme 'mysql://'" in result.output
        assert "s3cret" not in result.output
    assert list(tmp_path.iterdir()) == []  # no 'mysql:' folder


def test_a_store_can_be_named_as_a_sqlite_url(invented_db: Path) -> None:
    result = runner.invoke(app, ["entities", "--db", f"sqlite:///{invented_db}"])
    assert result.exit_code == 0 and "Tamsin Roe" in result.output


def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database " * 100, encoding="utf-8")
    result = runner.invoke(app, ["documents", "--db", str(notes)])
    assert result.exit_code == 2 and "not a linkchart store" in result.output
    assert notes.read_text(encoding="utf-8").startswith("not a database")


# ---- entities by id and by name ----------------------------------------------------------------
def test_an_entity_is_named_by_its_id(invented_db: Path) -> None:
    roe = entity_id(invented_db, "Tamsin Roe")
    result = runner.invoke(app, ["show", f"#{roe}", "--db", str(invented_db)])
    assert result.exit_code == 0 and f"Tamsin Roe  (PERSON, entity #{roe})" in result.output
    for huge in ("#9223372036854775808", "#99999999999999999999999"):
        result = runner.invoke(app, ["show", huge, "--db", str(invented_db)])
        assert result.exit_code == 1 and "no entity with id" in result.output


def test_an_uncertain_name_gets_close_names_with_their_scores(invented_db: Path) -> None:
    # 'Orrin Roe' shares a surname with one person and a given name with another: nothing is certain
    result = runner.invoke(app, ["show", "Orrin Roe", "--db", str(invented_db)])
    assert result.exit_code == 1
    assert "no entity named 'Orrin Roe'" in result.output
    roe, vale = entity_id(invented_db, "Tamsin Roe"), entity_id(invented_db, "Orrin Vale")
    line = next(x for x in result.output.splitlines() if x.startswith("did you mean:"))
    assert f"(#{roe} Tamsin Roe, " in line and f"Orrin Vale (#{vale}, " in line
    offered = line.removeprefix("did you mean: ").split("; ")
    assert 2 <= len(offered) <= 5
    assert all(0 < int(x.rsplit(", ", 1)[1].rstrip(")")) <= 100 for x in offered)


def test_bad_types_dates_and_formats_are_errors_that_list_what_is_valid(invented_db: Path) -> None:
    db = str(invented_db)
    result = runner.invoke(app, ["entities", "--type", "BOGUS", "--db", db])
    assert result.exit_code == 2 and "unknown entity type 'BOGUS'" in result.output
    assert "PERSON, ORG, GPE, LOC, FAC" in result.output
    for bad in ("2019-13", "2021-02-30", "last week", "19"):
        result = runner.invoke(app, ["timeline", "--from", bad, "--db", db])
        assert result.exit_code == 2 and "YYYY, YYYY-MM or YYYY-MM-DD" in result.output, bad
    assert runner.invoke(app, ["timeline", "--to", "2021-13-01", "--db", db]).exit_code == 2
    assert runner.invoke(app, ["timeline", "--from", "2021-03", "--to", "2021-12-31", "--db", db]).exit_code == 0
    assert runner.invoke(app, ["entities", "--type", "person", "--db", db]).exit_code == 0
    result = runner.invoke(app, ["neighbors", "Tamsin Roe", "--format", "xml", "--db", db])
    assert result.exit_code == 2 and "table, json, gexf" in result.output
    for args in (["entities", "--limit", "99999999999999999999"], ["search", "Vale", "--limit", "-1"],
                 ["show", "Tamsin Roe", "--mentions", str(2**63)], ["path", "Vale", "Roe", "--max-hops", "99"],
                 ["neighbors", "Tamsin Roe", "--depth", str(2**64)]):
        result = runner.invoke(app, [*args, "--db", db])
        assert result.exit_code == 2 and "Invalid value" in result.output, args
        assert not isinstance(result.exception, OverflowError)


# ---- curation --------------------------------------------------------------------------------------
def test_refused_curation_stores_no_decision(curated_db: str) -> None:
    roe = entity_id(curated_db, "Tamsin Roe")
    refused = [
        (["split", "Tamsin Roe", "Nobody Atall"], 2, "its names: "),
        (["merge", f"#{roe}", f"#{roe}"], 2, "into itself"),
        (["merge", "Tamsin Roe", f"#{roe}"], 2, "into itself"),
        (["reject", "Nobody Atall"], 1, "no entity named 'Nobody Atall'"),
        (["rename", f"#{roe}", "   "], 2, "empty new name"),
        (["rename", f"#{roe}", "Tamsin\x1b[31m Roe"], 2, "control characters"),
        (["merge", "#9223372036854775808", f"#{roe}"], 1, "no entity with id"),
    ]
    for args, code, message in refused:
        result = runner.invoke(app, [*args, "--db", curated_db])
        assert result.exit_code == code and message in result.output, (args, result.output)
        assert decisions(curated_db) == 0, args
    assert runner.invoke(app, ["split", "Tamsin Roe", "Roe", "--db", curated_db]).exit_code == 0
    assert decisions(curated_db) == 1


def test_two_entities_of_one_name_are_listed_and_can_be_merged_by_id(curated_db: str) -> None:
    roe, vale = entity_id(curated_db, "Tamsin Roe"), entity_id(curated_db, "Orrin Vale")
    assert runner.invoke(app, ["rename", f"#{roe}", "Orrin Vale", "--db", curated_db]).exit_code == 0
    with Workspace(curated_db, extract=False, create=False) as ws:
        twins = [e for e in ws.entities() if e.name == "Orrin Vale"]
    assert len(twins) == 2, "rename did not leave two entities of one name"
    shown = runner.invoke(app, ["show", "Orrin Vale", "--db", curated_db])
    assert shown.exit_code == 1 and "may be any of 2 entities" in shown.output
    for twin in twins:
        assert f"#{twin.id} " in shown.output and "PERSON" in shown.output
    stored = decisions(curated_db)
    result = runner.invoke(app, ["merge", "Orrin Vale", "Orrin Vale", "--db", curated_db])
    assert result.exit_code == 1 and "candidates" in result.output
    assert decisions(curated_db) == stored
    result = runner.invoke(app, ["merge", f"#{twins[0].id}", f"#{twins[1].id}", "--db", curated_db])
    assert result.exit_code == 0, result.output
    with Workspace(curated_db, extract=False, create=False) as ws:
        merged = [e for e in ws.entities() if e.name == "Orrin Vale"]
    assert len(merged) == 1 and merged[0].mentions == sum(t.mentions for t in twins)
    assert vale != roe


# ---- serve ------------------------------------------------------------------------------------------
def test_serve_on_a_busy_port_says_so_before_printing_a_url_or_token(invented_db: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = runner.invoke(app, ["serve", "--db", str(invented_db), "--port", str(port)])
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}: the port is in use" in result.output
    assert "http://" not in result.output and "token" not in result.output
    assert len(result.output.strip().splitlines()) == 1
