"""The malformed-input campaign: every bad file named, no good file lost, nothing escapes.

Reads the mix of `malformed.write_mix` the way ingest does (`iter_files`, then `read_file`
and `build_articles` per file) and checks each file against what its case expects; then
ingests a smaller mix into a store of each back end (no extraction), where what reading
gave must also be storable (odd names, NUL bytes, lone surrogates).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from malformed import Case, unlock, write_mix

from linkchart.api.pipeline import ingest_paths
from linkchart.ingest.articles import build_articles
from linkchart.ingest.read import ReadError, display_path, iter_files, read_file
from linkchart.store.open import open_store

MAX_WARNINGS_PER_FILE = 8


@dataclass
class Outcome:
    """What reading one file gave: a refusal line, or documents with their articles and warnings."""

    refusal: str | None = None
    documents: int = 0
    with_articles: int = 0
    warnings: list[str] = field(default_factory=list)
    escaped: str | None = None  # an exception other than ReadError: must never happen


def read_folder(folder: Path) -> dict[str, Outcome]:
    """Return the outcome of reading every file under `folder`, keyed by its path relative to the folder."""
    outcomes: dict[str, Outcome] = {}
    for path, notice in iter_files([str(folder)]):
        name = os.path.relpath(path, folder)
        if notice is not None:
            outcomes[name] = Outcome(refusal=f"{display_path(path)}: {notice}")
            continue
        try:
            docs = read_file(path)
            articles = [build_articles(doc) for doc in docs]
        except ReadError as err:
            outcomes[name] = Outcome(refusal=str(err))
            continue
        except Exception as err:  # recorded, then reported by the test
            outcomes[name] = Outcome(escaped=f"{type(err).__name__}: {err}")
            continue
        outcomes[name] = Outcome(
            documents=len(docs),
            with_articles=sum(1 for a in articles if a),
            warnings=[w for doc in docs for w in doc.warnings],
        )
    return outcomes


@pytest.fixture(scope="module")
def mix(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Case], dict[str, Outcome]]:
    folder = tmp_path_factory.mktemp("malformed")
    cases = write_mix(folder, seed=20, random_files=180, long_line_chars=1_000_050, html_depths=(300, 20_000))
    try:
        outcomes = read_folder(folder)
    finally:
        unlock(folder)
    return folder, cases, outcomes


def test_nothing_escapes(mix: tuple[Path, list[Case], dict[str, Outcome]]) -> None:
    _, _, outcomes = mix
    escaped = {name: o.escaped for name, o in outcomes.items() if o.escaped}
    assert escaped == {}


def test_every_file_is_accounted_for(mix: tuple[Path, list[Case], dict[str, Outcome]]) -> None:
    _, cases, outcomes = mix
    assert sorted(outcomes) == sorted(c.name for c in cases)


def test_every_bad_file_is_named_on_one_line(mix: tuple[Path, list[Case], dict[str, Outcome]]) -> None:
    folder, cases, outcomes = mix
    for case in cases:
        outcome = outcomes[case.name]
        if case.expect == "refused" or (case.expect == "any" and outcome.refusal):
            line = outcome.refusal
            assert line is not None, f"{case.name} ({case.kind}) was read, not refused"
            assert line.startswith(display_path(str(folder / case.name)) + ": "), line
            assert "\n" not in line and "\x1b" not in line and line.encode("utf-8"), line


def test_every_good_file_gives_its_documents(mix: tuple[Path, list[Case], dict[str, Outcome]]) -> None:
    _, cases, outcomes = mix
    lost = []
    for case in cases:
        outcome = outcomes[case.name]
        if case.expect in ("good", "partial") and (
            outcome.refusal or outcome.documents != case.documents or outcome.with_articles != case.documents
        ):
            lost.append((case.name, case.kind, outcome.refusal or f"{outcome.documents} documents"))
    assert lost == []


def test_repairs_are_warned_about_on_one_line_each(mix: tuple[Path, list[Case], dict[str, Outcome]]) -> None:
    folder, cases, outcomes = mix
    for case in cases:
        outcome = outcomes[case.name]
        if case.expect == "partial":
            assert outcome.warnings, f"{case.name} ({case.kind}) was repaired without a warning"
        shown = display_path(str(folder / case.name))
        for warning in outcome.warnings:
            assert warning.startswith(shown), warning
            assert "\n" not in warning and warning.encode("utf-8")
        assert len(outcome.warnings) <= MAX_WARNINGS_PER_FILE, (case.name, outcome.warnings)


def test_random_bytes_are_never_documents(mix: tuple[Path, list[Case], dict[str, Outcome]]) -> None:
    _, cases, outcomes = mix
    stored = [c.name for c in cases if c.kind == "random-bytes" and outcomes[c.name].documents]
    assert stored == []


def test_misleading_reasons_are_gone(mix: tuple[Path, list[Case], dict[str, Outcome]]) -> None:
    _, _, outcomes = mix
    bomb = outcomes["refused/bomb.pdf"].refusal or ""
    assert "safety limit" in bomb and "OCR" not in bomb
    assert "symbolic link loop" in (outcomes["special/loop.txt"].refusal or "")
    assert outcomes["partial/deep-20000.html"].documents == 1


def test_the_mix_goes_into_a_store_without_losing_a_good_file(tmp_path: Path, store_url: str) -> None:
    folder = tmp_path / "mix"
    cases = write_mix(folder, seed=21, random_files=40, long_line_chars=50_000, html_depths=(300,))
    try:
        with open_store(store_url) as store:
            report = ingest_paths(store, [str(folder)])
            stored = [row.source for row in store.document_rows()]
    finally:
        unlock(folder)
    lines = report.failed + report.skipped
    for case in cases:
        shown = display_path(str(folder / case.name))
        mine = [s for s in stored if s == shown or s.startswith(shown + "#")]
        named = [line for line in lines if line.startswith(shown + ": ")]
        if case.expect in ("good", "partial"):
            done = [s for s in report.added + report.unchanged if s == shown or s.startswith(shown + "#")]
            assert len(done) == case.documents and not named, (case, named)
        elif case.expect == "refused":
            assert named and not mine, (case, mine)
        else:  # a damaged file: stored or named, never both, never neither
            assert bool(named) != bool(mine), (case, named, mine)
        if case.kind == "random-bytes":
            assert not mine, case
    assert all("\n" not in line for line in lines)
