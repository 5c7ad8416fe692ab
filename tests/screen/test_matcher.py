"""Matching store names against list names: blocked on name keys, scored by the name matcher."""

from __future__ import annotations

from linkchart.resolve.compare import THRESHOLD
from linkchart.screen.lists import ListEntry
from linkchart.screen.matcher import TOP_CANDIDATES, NameIndex, Subject, name_keys, screen


def person(id_: str, *names: str, weak: tuple[str, ...] = ()) -> ListEntry:
    return ListEntry(id_, "Person", list(names), ["TEST"], weak_names=list(weak))


def test_a_transliterated_spelling_matches_with_reasons() -> None:
    hits = screen([Subject(1, "Haidar al-Qassimi", "PERSON")], [person("1", "Hayder Al-Kasimi")])
    assert len(hits) == 1
    hit = hits[0]
    assert hit.score >= THRESHOLD and hit.matched_name == "Hayder Al-Kasimi" and hit.name == "Haidar al-Qassimi"
    assert any("Haidar" in r and "Hayder" in r for r in hit.reasons)


def test_arabic_script_on_the_list_matches_a_latin_name() -> None:
    hits = screen([Subject(1, "Haidar al-Qassimi", "PERSON")], [person("1", "حيدر القاسمي")])
    assert [h.entry.id for h in hits] == ["1"]


def test_an_alias_of_the_entity_can_be_the_name_that_matches() -> None:
    subject = Subject(1, "Haidar Qassimi", "PERSON", ["Abu Zaynab", "Haidar Qassimi"])
    hits = screen([subject], [person("1", "Abu Zaynab al-Tarvishi")])
    assert hits == [] or hits[0].name in subject.names  # an alias may match; never a name it lacks
    org = Subject(2, "Tarvish Relief Foundation", "ORG", ["TRF"])
    found = screen([org], [ListEntry("9", "Organization", ["Tarvish Aid Society", "TRF"])])
    assert [(h.name, h.matched_name) for h in found] == [("TRF", "TRF")]


def test_schemata_must_fit_the_entity_type() -> None:
    entries = [person("p", "Tarvish Relief Foundation"),
               ListEntry("o", "Organization", ["Tarvish Relief Foundation"]),
               ListEntry("v", "Vessel", ["Tarvish Relief Foundation"]),
               ListEntry("l", "LegalEntity", ["Tarvish Relief Foundation"])]
    hits = screen([Subject(1, "Tarvish Relief Foundation", "ORG")], entries)
    assert sorted(h.entry.id for h in hits) == ["l", "o"]
    assert screen([Subject(1, "Tarvish Relief Foundation", "GPE")], entries) == []


def test_a_partial_name_is_no_match() -> None:
    # 'Qassimi' alone could be any of the family: the list's Hayder is not found through it
    assert screen([Subject(1, "Qassimi", "PERSON")], [person("1", "Hayder Al-Qasimi")]) == []


def test_different_people_do_not_match() -> None:
    assert screen([Subject(1, "Lena Brookfield", "PERSON")], [person("1", "Karim Zendari")]) == []


def test_a_weak_alias_matches_only_when_near_identical() -> None:
    entry = person("1", "Haydar al-Qasimi", weak=("Abu Zaynab",))
    hit = screen([Subject(1, "Abu Zaynab", "PERSON")], [entry])
    assert len(hit) == 1 and "a weak alias on the list" in hit[0].reasons
    assert screen([Subject(1, "Abu Zaynab al-Korvathi", "PERSON")], [entry]) == []


def test_a_higher_threshold_keeps_fewer_matches() -> None:
    subjects, entries = [Subject(1, "Lena Brookfield", "PERSON")], [person("1", "Lina Bruckfeld")]
    assert screen(subjects, entries, THRESHOLD) and not screen(subjects, entries, 0.999)


def _surnames(n: int) -> list[str]:
    """Return `n` distinct invented surnames ('Zabekor', ...), built from letters, not a word list."""
    consonants, vowels = "bdgklmnrstvz", "aeiou"
    out = []
    for i in range(n):
        a, b, c = consonants[i % 12], consonants[(i // 12) % 12], consonants[(i // 144) % 12]
        out.append(f"{a.upper()}{vowels[i % 5]}{b}{vowels[(i // 5) % 5]}{c}or")
    return out


def test_blocking_compares_only_names_sharing_a_rare_key() -> None:
    surnames = _surnames(600)
    entries = [person(str(i), f"Muhammad {s}") for i, s in enumerate(surnames)]
    index = NameIndex(entries)
    wanted = surnames[123]
    found = index.candidates(f"Mohammed {wanted}", "PERSON")
    assert 1 <= len(found) <= TOP_CANDIDATES
    assert all(name_keys(index.names[n][1]) & name_keys(wanted) for n in found)  # never by 'Muhammad' alone
    assert index.names[found[0]][1] == f"Muhammad {wanted}"
    hits = screen([Subject(1, f"Mohammed {wanted}", "PERSON")], entries)
    assert hits[0].entry.id == "123" and hits[0].score > max(h.score for h in hits[1:])


def test_a_name_of_common_keys_only_needs_both_of_them() -> None:
    entries = [person(str(i), f"Muhammad Ali {s}") for i, s in enumerate(_surnames(300))]
    entries += [person("x", "Muhammad Ali"), person("y", "Ali Hassan")]
    index = NameIndex(entries)
    found = {index.names[n][1] for n in index.candidates("Mohamed Ali", "PERSON")}
    assert "Ali Hassan" not in found and len(found) <= TOP_CANDIDATES
