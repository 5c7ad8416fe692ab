"""The CLI finds an entity by another spelling of its name, in Latin or Arabic script (issue #12 item 4).

Over the invented store (tests/fixtures/invented): 'Tamsin Roe', 'Orrin Vale', 'Velmora'.
A command given a spelling no name or alias has answers for the one entity the name matcher
is sure of, as it would for the name itself.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from linkchart.cli import app

runner = CliRunner(env={"COLUMNS": "200"})


def _run(*args: str, db: Path) -> str:
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 0, result.output
    return result.output


def test_show_finds_a_latin_spelling_and_an_arabic_script_form(invented_db: Path) -> None:
    assert "Tamsin Roe  (PERSON, entity #" in _run("show", "Tamsen Rowe", db=invented_db)
    assert "Tamsin Roe  (PERSON, entity #" in _run("show", "تامسين رو", db=invented_db)


def test_relations_finds_a_spelling(invented_db: Path) -> None:
    assert _run("relations", "Orin Vail", db=invented_db) == _run("relations", "Orrin Vale", db=invented_db)


def test_neighbors_finds_a_spelling(invented_db: Path) -> None:
    out = _run("neighbors", "Orin Vale", db=invented_db)
    assert out == _run("neighbors", "Orrin Vale", db=invented_db) and "Tamsin Roe" in out


def test_timeline_finds_a_spelling(invented_db: Path) -> None:
    out = _run("timeline", "Tamsen Roe", db=invented_db)
    assert out == _run("timeline", "Tamsin Roe", db=invented_db) and "Orrin Vale met Tamsin Roe" in out


def test_path_finds_both_ends_by_spelling(invented_db: Path) -> None:
    out = _run("path", "Orin Vale", "Tamsen Roe", db=invented_db)
    assert out == _run("path", "Orrin Vale", "Tamsin Roe", db=invented_db) and "path 1" in out
