"""The README documents what exists, and nothing else (like datasette's tests/test_docs.py).

- its command table lists every CLI command with all its options, and no command or
  option the CLI lacks;
- its predicate table is the predicate vocabulary, row for row.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import typer.main

from linkchart.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"
COMMAND_ROW = re.compile(r"^\| `linkchart ([a-z]+)((?:[^`]|\\`)*)` \|", re.M)
OPTION = re.compile(r"(?<![\w-])(--?[a-z][a-z-]*)")


def readme() -> str:
    """Return the README's text."""
    return README.read_text(encoding="utf-8")


def cli_commands() -> dict[str, Any]:
    """Return the CLI's commands (click commands) by name."""
    return dict(typer.main.get_command(app).commands)


def readme_commands() -> dict[str, str]:
    """Return each command of the README's CLI table with its usage (what follows `linkchart NAME`)."""
    return {name: usage for name, usage in COMMAND_ROW.findall(readme())}


def option_names(command: Any) -> list[set[str]]:
    """Return the names of each option of a command ('--quiet', '-q'; '--serve', '--no-serve'), without --help."""
    return [set(p.opts) | set(p.secondary_opts) for p in command.params
            if p.param_type_name == "option" and "--help" not in p.opts]


def test_every_cli_command_is_in_the_readme_table() -> None:
    missing = set(cli_commands()) - set(readme_commands())
    assert not missing, f"undocumented commands: {sorted(missing)}"


def test_the_readme_documents_no_command_that_does_not_exist() -> None:
    extra = set(readme_commands()) - set(cli_commands())
    assert not extra, f"README lists commands the CLI lacks: {sorted(extra)}"


@pytest.mark.parametrize("name", sorted(cli_commands()))
def test_the_readme_row_of_a_command_has_all_its_options_and_no_other(name: str) -> None:
    usage = readme_commands().get(name)
    if usage is None:
        pytest.skip(f"{name} is not in the README (see the test above)")
    written = set(OPTION.findall(usage))
    options = option_names(cli_commands()[name])
    missing = [sorted(names) for names in options if not names & written]
    assert not missing, f"README row of `linkchart {name}` lacks options {missing}"
    known = set().union(*options) if options else set()
    assert written <= known, f"README row of `linkchart {name}` lists options it lacks: {sorted(written - known)}"


def test_quick_start_is_two_commands() -> None:
    block = readme().split("## Quick start", 1)[1].split("```", 2)[1]
    commands = [line for line in block.splitlines() if line.strip() and not line.startswith("#")]
    assert commands == [c for c in commands if c.startswith("./dev ")]
    assert len(commands) == 2


# ---- predicates ---------------------------------------------------------------------------------
def predicate_vocabulary() -> dict[str, Any]:
    """Return the predicate vocabulary by name (the one line that says where it is read from)."""
    from linkchart.extract.relations import load_predicates

    return dict(load_predicates())


def readme_predicates() -> list[list[str]]:
    """Return the cells of each row of the README's predicate table, in order."""
    section = readme().split("## Predicates", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return [[cell.strip() for cell in row.strip().strip("|").split("|")] for row in rows]


def types(cell: str) -> frozenset[str]:
    """Return the entity types of a table cell ('PERSON, ORG')."""
    return frozenset(t.strip() for t in cell.split(",") if t.strip())


def test_the_readme_predicate_table_is_the_vocabulary() -> None:
    vocabulary = predicate_vocabulary()
    rows = readme_predicates()
    assert [row[0].strip("`") for row in rows] == list(vocabulary), "README predicates differ from the vocabulary"
    for name, label, inverse, symmetric, subject, object_ in rows:
        p = vocabulary[name.strip("`")]
        assert (label, inverse, symmetric == "yes") == (p.label, p.inverse, p.symmetric), f"README row {name}"
        assert (types(subject), types(object_)) == (p.subject, p.object), f"README row {name}"
