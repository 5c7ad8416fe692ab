"""Reading lists offline: OFAC's SDN CSV folder and FollowTheMoney JSON lines, and clear errors for bad ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from linkchart.screen.lists import ListError
from linkchart.screen.ofac import person_name, programs
from linkchart.screen.read import read_list

LISTS = Path(__file__).resolve().parents[1] / "fixtures" / "lists"


def test_the_ofac_folder_gives_entries_with_aliases_programmes_and_types() -> None:
    lst = read_list(LISTS / "ofac")
    assert lst.source == "OFAC SDN"
    by_id = {e.id: e for e in lst.entries}
    assert sorted(by_id) == ["10001", "10002", "10003", "10004"]  # the Ctrl-Z end line is no entry
    person = by_id["10001"]
    assert person.schema == "Person" and person.names == ["Hayder Al-Qasimi", "Haidar Al-Kasimi"]
    assert person.programs == ["SDGT", "IRGC"]
    assert person.source_url and person.source_url.endswith("id=10001")
    assert by_id["10002"].schema == "Organization" and by_id["10002"].names[1] == "TARVISH AID SOCIETY"
    assert by_id["10003"].schema == "Vessel"


def test_sdn_fields_are_read_as_the_specification_writes_them() -> None:
    assert person_name("AL-QASIMI, Hayder") == "Hayder Al-Qasimi"
    assert person_name("ZENDARI, Karim Abd al-Aziz") == "Karim Abd al-Aziz Zendari"
    assert person_name("NO COMMA HERE") == "NO COMMA HERE"
    assert programs("SDGT] [IRGC] [IFSR") == ["SDGT", "IRGC", "IFSR"]
    assert programs("-0- ") == []


def test_a_sdn_csv_path_reads_its_folder() -> None:
    assert len(read_list(LISTS / "ofac" / "sdn.csv").entries) == 4


def test_followthemoney_lines_give_targets_with_their_sanctions() -> None:
    lst = read_list(LISTS / "sanctions.ftm.json")
    assert lst.source == "invented_list"  # the one dataset every entity names
    by_id = {e.id: e for e in lst.entries}
    assert sorted(by_id) == ["inv-hq", "inv-kz", "inv-trf"]  # not the Sanction, not the non-target relative
    hq = by_id["inv-hq"]
    assert hq.names == ["Haydar al-Qasimi", "حيدر القاسمي"] and hq.weak_names == ["Abu Zaynab"]
    assert hq.programs == ["ICT-1"] and hq.authority == "Invented Sanctions Office"
    assert hq.source_url == "https://example.org/lists/inv-hq"
    assert by_id["inv-trf"].schema == "Organization"


def _bad(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(("files", "target", "reason"), [
    ({"list/alt.csv": "1,2,aka,X,-0-\n"}, "list", "sdn.csv: missing"),
    ({"list/sdn.csv": "10001,ONLY TWO\n"}, "list", "line 1: 2 fields, expected at least 4"),
    ({"list/sdn.csv": "ent_num,SDN_Name,SDN_Type,Program\n"}, "list", "line 1: ent_num 'ent_num' is not a number"),
    ({"list/sdn.csv": "\x1a\n"}, "list", "no entries"),
    ({"l.ftm.json": '{"id": "a", "schema": "Person"}\n{not json\n'}, "l.ftm.json", "line 2: not JSON"),
    ({"l.ftm.json": '["a list"]\n'}, "l.ftm.json", "line 1: not a FollowTheMoney entity"),
    ({"l.ftm.json": '{"id": "a", "schema": "Address", "properties": {"full": ["x"]}}\n'}, "l.ftm.json",
     "no listed Person, Organization"),
    ({"l.ftm.json": b"\xff\xfe\x00binary"}, "l.ftm.json", "not UTF-8 text"),
])
def test_a_bad_list_is_refused_with_its_file_and_the_reason(tmp_path: Path, files: dict[str, str | bytes],
                                                            target: str, reason: str) -> None:
    for name, content in files.items():
        _bad(tmp_path, name, content)
    with pytest.raises(ListError) as err:
        read_list(tmp_path / target)
    message = str(err.value)
    assert reason in message and str(tmp_path) in message and "\n" not in message


def test_a_missing_path_is_refused() -> None:
    with pytest.raises(ListError, match="no such file or folder"):
        read_list(LISTS / "nothing-here")
