"""The JSON API finds an entity by another spelling, in Latin or Arabic script, and says 'did you mean' with scores.

Over the invented store (tests/fixtures/invented): 'Tamsin Roe', 'Orrin Vale', 'Velmora'.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from linkchart.web.app import create_app

pytestmark = pytest.mark.sqlite_only(reason="the invented store is SQLite; lookups read the same Store interface")


@pytest.fixture(scope="module")
def invented(invented_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(invented_db), token="t-spellings"), base_url="http://127.0.0.1:8000") as c:
        yield c


def test_path_finds_both_ends_by_latin_and_arabic_spellings(invented: TestClient) -> None:
    asked = invented.get("/api/path", params={"a": "Orin Vail", "b": "تامسين رو"})
    named = invented.get("/api/path", params={"a": "Orrin Vale", "b": "Tamsin Roe"})
    assert asked.status_code == 200 and asked.json() == named.json()
    assert (asked.json()["a"]["name"], asked.json()["b"]["name"]) == ("Orrin Vale", "Tamsin Roe")


def test_an_uncertain_name_is_a_404_offering_candidates_with_scores(invented: TestClient) -> None:
    answer = invented.get("/api/path", params={"a": "Orrin Roe", "b": "Tamsin Roe"})
    assert answer.status_code == 404
    detail = answer.json()["detail"]
    assert "did you mean" in detail and "Tamsin Roe" in detail and "Orrin Vale" in detail
    assert detail.count("score ") >= 2


def test_suggest_offers_other_spellings_and_scripts(invented: TestClient) -> None:
    for q in ("Tamsen Rowe", "تامسين رو"):
        entities = invented.get("/api/suggest", params={"q": q}).json()["entities"]
        assert [e["name"] for e in entities][:1] == ["Tamsin Roe"], q
