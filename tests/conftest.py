"""Shared fixtures: one store ingested from the bundled sample corpus per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from linkchart.api import Workspace

SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return the path of a store holding the whole sample corpus (ingested once)."""
    db = tmp_path_factory.mktemp("sample") / "sample.db"
    with Workspace(db) as ws:
        report = ws.ingest()
    assert report.ok, report.failed
    return db


@pytest.fixture()
def sample_ws(sample_db: Path) -> Iterator[Workspace]:
    """Return a workspace on the shared sample store (read-only use)."""
    with Workspace(sample_db) as ws:
        yield ws


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """Return ../shared/corpus, or skip when this checkout has none."""
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return SHARED_CORPUS


INVENTED_CORPUS = Path(__file__).resolve().parent / "fixtures" / "invented"


@pytest.fixture(scope="session")
def invented_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a store of tests/fixtures/invented: three short articles about invented people, one of them
    (hostile.jsonl) with a title full of terminal escapes, rich markup and a bidi override."""
    db = tmp_path_factory.mktemp("invented") / "invented.db"
    with Workspace(db, processes=1) as ws:
        report = ws.ingest([str(INVENTED_CORPUS)])
    assert report.ok, report.failed
    return db
