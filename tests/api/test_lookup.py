"""Entity lookup (ids, ambiguity, close names), input checks and `open_store`, over small hand-made stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from linkchart.api import (
    Ambiguous,
    InvalidInput,
    NotFound,
    StoreNotFound,
    UnsupportedStore,
    Workspace,
    open_store,
    register_backend,
)
from linkchart.api import stores as stores_module
from linkchart.api.checks import check_date, check_name, check_type, is_row_id
from linkchart.resolve.compare import THRESHOLD
from linkchart.resolve.name_index import NameIndex
from linkchart.store.base import EntityAliasRow, EntityRow
from linkchart.store.sqlite import SQLiteStore


@pytest.fixture
def two_vales(tmp_path: Path) -> Path:
    """Return a store with 'Orrin Vale' (as a name) twice, 'Vale' the alias of a third, and 'Tamsin Roe'."""
    db = tmp_path / "vales.db"
    with SQLiteStore(db) as store:
        store.replace_entities(
            [EntityRow(1, "Orrin Vale", "PERSON"), EntityRow(2, "Orrin Vale", "PERSON"),
             EntityRow(3, "Tamsin Roe", "PERSON"), EntityRow(4, "Vale Foundation", "ORG")],
            [EntityAliasRow(1, "Orrin Vale", 4), EntityAliasRow(2, "Orrin Vale", 3), EntityAliasRow(3, "Tamsin Roe", 9),
             EntityAliasRow(3, "Roe", 30), EntityAliasRow(4, "Vale Foundation", 2), EntityAliasRow(4, "Roe", 1)],
            [],
        )
    return db


def test_an_id_names_one_entity_and_out_of_range_ids_are_not_found(two_vales: Path) -> None:
    with Workspace(two_vales, extract=False, create=False) as ws:
        assert ws.find_entity("#2").id == 2 and ws.find_entity(" #1 ").id == 1
        for bad in ("#0", "#9223372036854775808", "#" + "9" * 40):
            with pytest.raises(NotFound):
                ws.find_entity(bad)
        with pytest.raises(NotFound):
            ws.entity(-3)


def test_a_name_of_two_entities_is_ambiguous_and_lists_both(two_vales: Path) -> None:
    with Workspace(two_vales, extract=False, create=False) as ws:
        with pytest.raises(Ambiguous) as caught:
            ws.find_entity("orrin vale")
        assert [(c.id, c.name, c.type) for c in caught.value.candidates] == [
            (1, "Orrin Vale", "PERSON"), (2, "Orrin Vale", "PERSON")]


def test_a_dominant_entity_is_picked_for_reads_but_curation_asks(two_vales: Path) -> None:
    with Workspace(two_vales, extract=False, create=False) as ws:
        assert ws.find_entity("Roe").id == 3  # 31 mentions under 'Roe' against 2
        with pytest.raises(Ambiguous):
            ws.find_entity("Roe", strict=True)
        with pytest.raises(Ambiguous):
            ws.reject("Roe")
        assert ws.store.decisions() == []


def test_another_spelling_finds_the_entity_and_an_uncertain_one_offers_names_with_scores(two_vales: Path) -> None:
    with Workspace(two_vales, extract=False, create=False) as ws:
        assert ws.find_entity("Tamsn Roe").id == 3  # a letter left out: one entity scores far above the rest
        with pytest.raises(NotFound) as caught:  # two entities spelled 'Orrin Vale': nothing is certain
            ws.find_entity("Orrin Vail")
        offered = caught.value.suggestions
        assert {m.id for m in offered} == {1, 2} and all(m.matched == "Orrin Vale" for m in offered)
        assert len(offered) <= 5 and all(100 * THRESHOLD <= m.score <= 100 for m in offered)
        with pytest.raises(NotFound) as caught:
            ws.find_entity("Tamsn Roe", strict=True)  # curation names an entity as written
        assert caught.value.suggestions[0].id == 3
        with pytest.raises(NotFound) as caught:
            ws.find_entity("Zzyzx Qwv")
        assert caught.value.suggestions == []


@pytest.fixture
def spellings(tmp_path: Path) -> Path:
    """Return a store with invented people: 'Tariq al-Nadimi', 'Salim al-Nadimi', 'Qasim Sulaymani'."""
    db = tmp_path / "spellings.db"
    with SQLiteStore(db) as store:
        store.replace_entities(
            [EntityRow(1, "Tariq al-Nadimi", "PERSON"), EntityRow(2, "Salim al-Nadimi", "PERSON"),
             EntityRow(3, "Qasim Sulaymani", "PERSON")],
            [EntityAliasRow(1, "Tariq al-Nadimi", 5), EntityAliasRow(2, "Salim al-Nadimi", 4),
             EntityAliasRow(3, "Qasim Sulaymani", 7)],
            [],
        )
    return db


@pytest.mark.parametrize(("query", "expected"), [
    ("Tarek el-Nadeemi", 1), ("Tareq Nadimi", 1), ("طارق النديمي", 1), ("Qassem Soleimani", 3), ("قاسم سليماني", 3),
    ("Soleymani", 3),
])
def test_any_spelling_above_the_threshold_in_latin_or_arabic_script_finds_the_entity(
        spellings: Path, query: str, expected: int) -> None:
    with Workspace(spellings, extract=False, create=False) as ws:
        assert ws.find_entity(query).id == expected


def test_a_surname_two_entities_share_offers_both_with_scores(spellings: Path) -> None:
    with Workspace(spellings, extract=False, create=False) as ws:
        with pytest.raises(NotFound) as caught:
            ws.find_entity("Nadeemi")
        assert [m.id for m in caught.value.suggestions][:2] in ([1, 2], [2, 1])
        assert all(0 < m.score <= 100 for m in caught.value.suggestions)


def test_spelling_lookups_compare_only_names_sharing_block_keys() -> None:
    others = [(10 + i, f"Zorbik Vantel{i}") for i in range(50)]
    index = NameIndex([(1, "Tariq al-Nadimi"), (2, "Qasim Sulaymani"), *others])
    assert [index._entries[i][0] for i in index.candidates("Qassem Soleimani")] == [2]
    assert [h.owner for h in index.search("قاسم سليماني")] == [2]


def test_self_merges_are_refused_before_anything_is_stored(two_vales: Path) -> None:
    with Workspace(two_vales, extract=False, create=False) as ws:
        for a, b in (("#3", "#3"), ("Tamsin Roe", "#3")):
            with pytest.raises(InvalidInput, match="into itself"):
                ws.merge(a, b)
        assert ws.store.decisions() == []


def test_checks_list_what_is_valid() -> None:
    assert check_type("person") == "PERSON"
    with pytest.raises(InvalidInput, match="valid: PERSON, ORG, GPE, LOC, FAC, EVENT"):
        check_type("BOGUS")
    assert [check_date(d) for d in ("2019", "2019-12", "2020-02-29")] == ["2019", "2019-12", "2020-02-29"]
    for bad in ("2019-13", "2019-02-30", "2019-1", "20190101", "last week", "2019-00"):
        with pytest.raises(InvalidInput, match="YYYY-MM-DD"):
            check_date(bad)
    assert check_name("  Orrin   Vale ") == "Orrin Vale"
    for bad in ("", "   ", "x" * 301, "Orrin\x1b[31m", "Or\ud800rin"):
        with pytest.raises(InvalidInput):
            check_name(bad)
    assert is_row_id(1) and is_row_id(2**63 - 1) and not is_row_id(2**63) and not is_row_id(0)


def test_open_store_refuses_what_it_cannot_open_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "case.db"
    with pytest.raises(StoreNotFound, match="no such store"):
        open_store(missing)
    with pytest.raises(StoreNotFound, match="is a folder"):
        open_store(tmp_path)
    with pytest.raises(UnsupportedStore, match="'mysql://'") as caught:
        open_store("mysql://analyst:s3cret@db.invalid/case")
    assert "s3cret" not in str(caught.value)
    assert not missing.parent.exists() and list(tmp_path.iterdir()) == []
    made = open_store(f"sqlite:///{tmp_path / 'new.db'}", create=True)
    made.close()
    assert (tmp_path / "new.db").is_file()


def test_a_back_end_registers_its_scheme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stores_module, "_BACKENDS", dict(stores_module._BACKENDS))
    opened: list[tuple[str, bool]] = []

    def open_elsewhere(location: str, create: bool) -> SQLiteStore:
        opened.append((location, create))
        return SQLiteStore(tmp_path / "elsewhere.db")

    register_backend("Elsewhere", open_elsewhere)
    open_store("elsewhere://host/case", create=True).close()
    assert opened == [("host/case", True)]


def test_a_part_of_a_place_name_is_only_offered(tmp_path: Path) -> None:
    db = tmp_path / "places.db"
    with SQLiteStore(db) as store:
        store.replace_entities([EntityRow(1, "West Velmora", "GPE")], [EntityAliasRow(1, "West Velmora", 3)], [])
    with Workspace(db, extract=False, create=False) as ws:
        with pytest.raises(NotFound) as caught:  # 'Velmora' is another place than its western quarter
            ws.find_entity("Velmora")
        assert [m.id for m in caught.value.suggestions] == [1]
