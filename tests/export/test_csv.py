"""CSV tables for spreadsheets: entities, relations with evidence, events."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from typer.testing import CliRunner

from linkchart.api import Workspace
from linkchart.cli import app
from linkchart.export.csv import EVENT_COLUMNS, RELATION_COLUMNS, safe_cell, table


def rows(text: str) -> list[dict[str, str]]:
    """Return a CSV document's rows as dicts."""
    return list(csv.DictReader(io.StringIO(text)))


def test_three_tables_with_counts_evidence_and_centrality(sample_ws: Workspace) -> None:
    files = sample_ws.export_files("csv")
    assert list(files) == ["entities", "relations", "events"]
    entities = rows(files["entities"])
    top = next(e for e in entities if e["name"] == "Qais al-Khazali")
    assert top["type"] == "PERSON" and int(top["mentions"]) > 10 and int(top["degree"]) > 0
    assert float(top["pagerank"]) > 0 and top["community"] != "" and "Khazali" in top["aliases"].split("\n")
    relations = rows(files["relations"])
    assert list(relations[0]) == list(RELATION_COLUMNS)
    leads = next(r for r in relations if r["subject"] == "Qais al-Khazali" and r["predicate"] == "leads"
                 and r["object"] == "Asaib Ahl al-Haq")
    quotes = leads["evidence"].split("\n")
    assert len(quotes) == int(leads["evidence_count"]) == len(leads["sources"].split("\n"))
    assert 1 <= int(leads["independent_sources"]) < int(leads["evidence_count"])  # the repost counts once
    events = rows(files["events"])
    assert list(events[0]) == list(EVENT_COLUMNS) and all(e["date"] and e["evidence"] for e in events)


def test_cells_that_spreadsheets_would_run_as_formulas_are_defused() -> None:
    assert safe_cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)" and safe_cell("-2") == "'-2"
    assert safe_cell(-2) == -2 and safe_cell("Qais") == "Qais"
    assert rows(table(("a", "b"), [("+1", "x\ny")])) == [{"a": "'+1", "b": "x\ny"}]


def test_cli_writes_one_file_per_table(sample_db: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["export", "--db", str(sample_db), "-f", "csv", "-o", str(tmp_path / "case.csv")])
    assert res.exit_code == 0, res.output
    for part in ("entities", "relations", "events"):
        assert (tmp_path / f"case-{part}.csv").stat().st_size > 500
    into_dir = CliRunner().invoke(app, ["export", "--db", str(sample_db), "-f", "csv", "-o", str(tmp_path)])
    assert into_dir.exit_code == 0 and (tmp_path / "relations.csv").exists()
    stdout = CliRunner().invoke(app, ["export", "--db", str(sample_db), "-f", "csv"])
    assert stdout.output.startswith("# entities.csv\n") and "# relations.csv\n" in stdout.output
