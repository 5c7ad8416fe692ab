"""Nothing from a document reaches the terminal raw: every command prints document text through linkchart.terminal.

The invented store holds an article (hostile.jsonl) whose title carries an OSC title-setting
sequence, a colour escape, a C1 CSI, a bidi override and rich markup.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from linkchart.api.views import EntityRef, RelationView
from linkchart.cli import _relation_line, app, highlight_snippet

runner = CliRunner(env={"COLUMNS": "400"})
RAW = ("\x1b", "\x07", "\x9b", "\u202e")


def printed(*args: str) -> str:
    """Return what a command prints (stdout and stderr); fails unless it succeeds."""
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


COMMANDS = [
    ["documents"], ["search", "Vale"], ["search", "pwned"], ["show", "Orrin Vale"], ["relations", "Tamsin Roe"],
    ["timeline"], ["entities"], ["conflicts"], ["neighbors", "Orrin Vale"],
    ["neighbors", "Orrin Vale", "--format", "json"], ["neighbors", "Orrin Vale", "--format", "gexf"],
    ["path", "Orrin Vale", "Tamsin Roe"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_command_prints_a_raw_control_character(invented_db: Path, args: list[str]) -> None:
    out = printed(*args, "--db", str(invented_db))
    assert not [c for c in RAW if c in out]


def test_a_hostile_title_is_shown_escaped_and_its_markup_literally(invented_db: Path) -> None:
    for args in (["documents"], ["search", "pwned"]):
        out = printed(*args, "--db", str(invented_db))
        assert "\\x1b]0;pwned\\x07" in out and "\\x1b[31mred" in out and "\\u202egnp.exe" in out
        assert "[bold]x[/bold]" in out and "[link=https://example.invalid]news[/link]" in out


def test_json_on_stdout_is_the_same_data(invented_db: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(invented_db)])
    data = json.loads(result.stdout)
    assert any("\x1b]0;pwned" in (d.get("title") or "") for d in data["documents"])


def test_highlights_stay_on_their_words_around_escaped_characters() -> None:
    snippet = "a\x1b[2Jb Vale said"
    start = snippet.index("Vale")
    shown = highlight_snippet(snippet, [(start, start + 4)])
    assert shown.plain == "  a\\x1b[2Jb Vale said"
    (span,) = shown.spans
    assert shown.plain[span.start:span.end] == "Vale"


def test_a_role_every_reading_names_as_past_is_shown_as_former() -> None:
    holder, party = EntityRef(id=1, name="Karl Dent", type="PERSON"), EntityRef(id=2, name="Harbour Party", type="ORG")

    def line(rules: list[str]) -> str:
        view = RelationView(id="k", subject=holder, predicate="leads", object=party, negated=False, attributed_to=None,
                            hedged=False, date=None, rules=rules, evidence=[])
        return _relation_line(view).plain

    assert "(former)" in line(["role_leads_former"])
    assert "(former)" not in line(["role_leads_former", "verb_lead"])
    assert "(former)" not in line(["role_leads"])
