"""The README documents every CLI command (like datasette's tests/test_docs.py)."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from linkchart.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"


def cli_commands() -> set[str]:
    """Return the names of the CLI's commands."""
    group = typer.main.get_command(app)
    return set(group.commands)  # type: ignore[attr-defined]


def readme_commands() -> set[str]:
    """Return the commands listed in the README's CLI table."""
    return set(re.findall(r"^\| `linkchart ([a-z]+)", README.read_text(encoding="utf-8"), re.M))


def test_every_cli_command_is_in_the_readme_table() -> None:
    missing = cli_commands() - readme_commands()
    assert not missing, f"undocumented commands: {sorted(missing)}"


def test_the_readme_documents_no_command_that_does_not_exist() -> None:
    extra = readme_commands() - cli_commands()
    assert not extra, f"README lists commands the CLI lacks: {sorted(extra)}"


def test_quick_start_is_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    block = text.split("## Quick start", 1)[1].split("```", 2)[1]
    commands = [line for line in block.splitlines() if line.strip() and not line.startswith("#")]
    assert commands == [c for c in commands if c.startswith("./dev ")]
    assert len(commands) == 2
