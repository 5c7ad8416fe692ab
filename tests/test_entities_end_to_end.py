"""Entities on the sample corpus: one node per actor, explained merges, curation that survives re-ingest."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from linkchart.api import NotFound, Workspace, sample_corpus_path
from linkchart.cli import app


def test_one_node_for_each_spelling_of_a_person(sample_ws: Workspace) -> None:
    profile = sample_ws.profile("Khazali")
    aliases = {a.alias for a in profile.aliases}
    assert profile.name == "Qais al-Khazali" and profile.type == "PERSON"
    assert {"Khazali", "Khazaali", "Khalazi"} <= aliases
    assert all(a.reason for a in profile.aliases)
    assert len(profile.documents) >= 8
    assert profile.description


def test_organisation_acronym_translation_and_lookalikes(sample_ws: Workspace) -> None:
    aah = sample_ws.profile("AAH")
    assert aah.name == "Asaib Ahl al-Haq" and aah.type == "ORG"
    assert "League of the Righteous" in {a.alias for a in aah.aliases}
    assert sample_ws.find_entity("Hezbollah").id != sample_ws.find_entity("Kataib Hezbollah").id
    assert sample_ws.find_entity("Islamic State").id != sample_ws.find_entity("Iran").id


def test_codename_resolves_to_the_real_name(sample_ws: Workspace) -> None:
    assert sample_ws.find_entity("Hajj Yusif").name == "Abdul Reza Shahlai"


def test_nationalities_and_junk_are_not_entities(sample_ws: Workspace) -> None:
    names = {e.name for e in sample_ws.entities()}
    assert not names & {"Iranian", "Iraqi", "Shia", "Share", "Tweet", "Advertisement", "Select Language"}


def test_every_mention_cites_its_sentence(sample_ws: Workspace) -> None:
    profile = sample_ws.profile("Soleimani")
    assert profile.mentions
    for m in profile.mentions:
        assert m.sentence and (m.text.replace("-\n", "") in m.sentence.replace("- ", "") or m.text in m.sentence)


def test_curation_survives_reingest_and_new_documents(
    sample_db: str, tmp_path: Path, copy_store: Callable[[str, Path], str]
) -> None:
    db = copy_store(sample_db, tmp_path)
    with Workspace(db) as ws:
        ws.rename("Qais al-Khazali", "Qays al-Khazali")
        ws.split("Qays al-Khazali", "Khalazi")
        ws.reject("Beirut")
        pmu = ws.find_entity("Popular Mobilization Units").name
        ws.merge(pmu, "Badr Organization")
    extra = tmp_path / "new"
    extra.mkdir()
    (extra / "late.txt").write_text(
        "Militia chief speaks\n\nMarch 2, 2021\n\nQais al-Khazali said on Tuesday that his group would "
        "stay inside the Popular Mobilization Units. Khazali spoke in Baghdad.\n", encoding="utf-8")
    with Workspace(db) as ws:
        ws.ingest([str(sample_corpus_path()), str(extra)])
        assert ws.find_entity("Khazali").name == "Qays al-Khazali"
        assert ws.find_entity("Khalazi").name != "Qays al-Khazali"
        assert ws.find_entity("Badr Organization").id == ws.find_entity("Popular Mobilization Units").id
        with pytest.raises(NotFound):
            ws.find_entity("Beirut")
        assert "late.txt" in {Path(d.source).name for d in ws.profile("Khazali").documents}


def test_cli_entities_and_show(sample_db: Path) -> None:
    runner = CliRunner(env={"COLUMNS": "200"})
    listing = runner.invoke(app, ["entities", "--db", str(sample_db), "--type", "PERSON", "--limit", "5"])
    assert listing.exit_code == 0 and "Qais al-Khazali" in listing.output
    shown = runner.invoke(app, ["show", "Khazaali", "--db", str(sample_db)])
    assert shown.exit_code == 0
    assert "why it belongs" in shown.output and "Khalazi" in shown.output
    missing = runner.invoke(app, ["show", "Nobody Atall", "--db", str(sample_db)])
    assert missing.exit_code == 1
