"""Tests for linkchart.resolve.name_parts: names parsed into weighted parts.

Names here are invented or are common given names; none comes from the evaluation data.
"""

from __future__ import annotations

import pytest

from linkchart.resolve.name_parts import (
    MAX_PARTS,
    is_acronym,
    key_forms,
    normalize,
    parse_name,
    part_keys,
    part_weight,
    strip_titles,
    unvowelled_forms,
)


def texts(name: str) -> list[str]:
    return [p.text for p in parse_name(name).parts]


def particles(name: str) -> list[str]:
    return [p.particle for p in parse_name(name).parts]


def test_normalize() -> None:
    assert normalize("“Tarifi’s”") == "Tarifi"
    assert normalize("Salim  al–Tarifi ") == "Salim al-Tarifi"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Brig. Gen. Salim Tarifi", "Salim Tarifi"),
        ("Sheikh Dr. Salim Tarifi", "Salim Tarifi"),
        ("Major-General Salim Tarifi", "Salim Tarifi"),
        ("General", "General"),
        ("Generalov Ivan", "Generalov Ivan"),
    ],
)
def test_strip_titles(name: str, expected: str) -> None:
    assert strip_titles(name) == expected


@pytest.mark.parametrize(
    "name", ["Ziad al-Hamadani", "Ziad el-Hamadani", "Ziad Al Hamadani", "Ziad El Hamadani", "Ziad ash-Hamadani"])
def test_articles_are_dropped(name: str) -> None:
    assert texts(name) == ["Ziad", "Hamadani"]


def test_assimilated_article_between_words() -> None:
    assert texts("Inam-ul-Rafiqi") == ["Inam", "Rafiqi"]
    assert texts("Fazal ur Rafiqi") == ["Fazal", "Rafiqi"]


ABD_WRITTEN_APART = ["Abd al-Wahid Qarani", "Abdul Wahid Qarani", "Abdel-Wahid Qarani", "'Abd al-Wahid Qarani"]
ABD_JOINED = ["Abdulwahid Qarani", "Abdelwahid al-Qarani"]


@pytest.mark.parametrize("name", ABD_WRITTEN_APART + ABD_JOINED)
def test_abd_names_are_one_part(name: str) -> None:
    assert part_keys(name) == ["abduahid", "karani"]
    assert particles(name) == ["abd", ""]


def test_abdullah_is_one_name_not_abd_plus_a_word() -> None:
    assert particles("Abdullah Qarani") == ["", ""]
    assert particles("Abdallah Qarani") == ["", ""]


def test_assimilated_abd_article() -> None:
    assert part_keys("Abdurrashid Qarani") == part_keys("Abd al-Rashid Qarani")


@pytest.mark.parametrize(("name", "particle"), [("Abu Tariq", "abu"), ("Umm Tariq", "umm"), ("Abou Tariq", "abu"),
                                                ("bin Tariq", "bin"), ("ibn Tariq", "bin"), ("Ben Tariq", "bin")])
def test_particles_bind_to_the_next_word(name: str, particle: str) -> None:
    assert particles(name) == [particle]
    assert texts(name) == [name]


def test_byname_honorific_before_one_name_stays_but_before_a_full_name_is_a_title() -> None:
    assert particles("Hajj Tariq") == ["hajj"]
    assert texts("Haji Salim Rashid Tarifi") == ["Salim", "Rashid", "Tarifi"]


def test_rare_part_weighs_more_than_a_common_one() -> None:
    common = parse_name("Muhammad").parts[0].weight
    rare = parse_name("Qarmudawi").parts[0].weight
    assert 0 < common < 0.5 < rare <= 1.1
    assert part_weight("muhamad") == common


def test_acronyms_and_organisations() -> None:
    assert is_acronym("U.S.") and is_acronym("KQF") and not is_acronym("Tarifi") and not is_acronym("TARIFIYYA")
    assert parse_name("KQF").acronym == "KQF"
    assert "KQF" in parse_name("Kataib Qarani Force").initials
    assert parse_name("Qarani Brigades").kind == "org"
    assert parse_name("Abu Tariq al-Qarani").kind == "person"


def test_camel_case_head_word_is_split() -> None:
    assert texts("Al QaraniForce") == ["Qarani", "Force"]


def test_arabic_script_name_is_read_into_latin_parts() -> None:
    name = parse_name("سليم الطريفي")
    assert name.script and texts("سليم الطريفي") == ["slim", "trifi"]


def test_long_names_are_capped() -> None:
    assert len(parse_name(" ".join(["Tarifi"] * 50)).parts) == MAX_PARTS


def test_normalize_unifies_marks_and_any_unicode_space() -> None:
    assert normalize("Salim\u00a0al\u2013Tarifi\u2003") == "Salim al-Tarifi"
    assert normalize("\u201cSa\u00adlim\u201d Qa\u2019rani\u3000") == "Salim Qa'rani"
    assert normalize("Tarifi\u2019s") == "Tarifi"


def test_key_forms_hold_what_comparing_parts_reads() -> None:
    forms = key_forms(("alqarani", "alqarany"))
    assert forms.keyset == frozenset({"alqarani", "alqarany"})
    assert [r[0] for r in forms.glued] == ["qarani", "qarany"]
    assert forms.longest == 8 and forms.spread == 1
    assert key_forms(("baghdad",)).nisba_stems == frozenset({"baghdadi"})
    assert key_forms(("baghdadi",)).ends_i and not key_forms(("arlet",)).ends_i
    assert [r[0] for r in unvowelled_forms(("tarifi",)).readings] == ["tarifi", "trfi"]


def test_parts_sharing_a_word_share_their_signature() -> None:
    a, b = parse_name("Salim Qarani"), parse_name("Qarani Salim")
    assert a.sids == (b.sids[1], b.sids[0])
    assert a.weights == tuple(p.weight for p in a.parts)
