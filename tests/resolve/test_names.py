"""Tests for linkchart.resolve.names: normalising, keys, acronyms and the name matcher."""

from __future__ import annotations

import pytest
from mention_rows import M

from linkchart.resolve import compare as matcher
from linkchart.resolve.cluster import resolve
from linkchart.resolve.compare import FEATURES
from linkchart.resolve.names import (
    THRESHOLD,
    Match,
    acronym_of,
    compare,
    is_acronym,
    name_key,
    name_kind,
    name_parts,
    name_tokens,
    normalize,
    plural_pair,
    strip_titles,
    translit_key,
)

# ---- normalize / titles / tokens ------------------------------------------------------


def test_normalize_possessives_quotes_dashes_and_spaces() -> None:
    assert normalize("Khazali’s") == "Khazali"
    assert normalize("Hezbollah's") == "Hezbollah"
    assert normalize("Abbas'") == "Abbas"
    assert normalize("“Quds   Force”") == "Quds Force"
    assert normalize("IRGC–Qods Force") == "IRGC-Qods Force"
    assert normalize("Kata\u2019ib") == "Kata'ib"


def test_normalize_joins_line_break_hyphenation_but_keeps_real_hyphens() -> None:
    assert normalize("Qas-\nsem Soleimani") == "Qassem Soleimani"
    assert normalize("Abdul-\nReza Shahlai") == "Abdul-Reza Shahlai"


def test_normalize_keeps_case_and_abbreviations() -> None:
    assert normalize("Muqtada al-Sadr") == "Muqtada al-Sadr"
    assert normalize("U.S.") == "U.S."
    assert normalize("Soleimani.") == "Soleimani"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sayyed Hassan Nasrallah", "Hassan Nasrallah"),
        ("Grand Ayatollah Sayyid Ali al-Sistani", "Ali al-Sistani"),
        ("Major-General Qassem Soleimani", "Qassem Soleimani"),
        ("Brig. Gen. Qassem Soleimani", "Qassem Soleimani"),
        ("Lt. Col. Ali Musa Daqduq", "Ali Musa Daqduq"),
        ("Hajj Qassem", "Qassem"),
        ("Prime Minister Haider al-Abadi", "Haider al-Abadi"),
        ("Secretary-General Hassan Nasrallah", "Hassan Nasrallah"),
        ("Sheikh Qais al-Khazali", "Qais al-Khazali"),
        ("General", "General"),  # a bare title is left alone
        ("Generalov", "Generalov"),
    ],
)
def test_strip_titles(name: str, expected: str) -> None:
    assert strip_titles(name) == expected


def test_name_tokens_drop_articles_and_keep_name_particles() -> None:
    assert name_tokens("Sayyed Abu Mahdi al-Muhandis") == ["abu", "mahdi", "muhandis"]
    assert name_tokens("Al Khazali") == ["khazali"]
    assert name_tokens("the Quds Force") == ["quds", "force"]
    assert name_tokens("Hashd al-Sha’abi") == ["hashd", "shaabi"]
    assert name_tokens("Abdulreza Shahlai") == ["abdul", "reza", "shahlai"]
    assert name_tokens("Abdullah") == ["abdullah"]
    assert name_tokens("Al QudsForce") == ["quds", "force"]
    assert name_tokens("U.S.") == ["us"]


# ---- keys -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "variants",
    [
        ["Soleimani", "Suleimani", "Sulaimani"],
        ["Qassem", "Qasem", "Qassim", "Kassem"],
        ["Moqtada", "Muqtada"],
        ["Khazali", "Khazaali", "Khaz'ali", "Khaz’ali"],
        ["Qais", "Qays"],
        ["Qods", "Quds"],
        ["Musa", "Moussa"],
        ["Hezbollah", "Hizballah", "Hizbullah"],
        ["Kadhim", "Kazem"],
        ["Laith", "Layth", "Leith"],
        ["Mobilisation", "Mobilization"],
        ["Abdul", "Abdel", "Abd"],
        ["Sheikh", "Shaykh"],
    ],
)
def test_translit_key_folds_spelling_variants(variants: list[str]) -> None:
    assert len({translit_key(v) for v in variants}) == 1


def test_translit_key_keeps_kh_apart_from_k() -> None:
    assert translit_key("Khazali") == "xazali"
    assert translit_key("Kan") != translit_key("Khan")


@pytest.mark.parametrize(("a", "b"), [("Iran", "Iraq"), ("Hassan", "Hussein"), ("Khomeini", "Khamenei")])
def test_translit_key_keeps_different_names_apart(a: str, b: str) -> None:
    assert translit_key(a) != translit_key(b)


def test_name_key_ignores_titles_articles_and_hyphens() -> None:
    assert name_key("Qays al-Khaz'ali") == name_key("Sheikh Qais Khazali") == "kis xazali"
    assert name_key("Abdul-Reza Shahlai") == name_key("Abdulreza Shahlai") == name_key("Abdel Reza Shahlai")
    assert name_key("al-Quds Force") == name_key("Qods Force")
    assert name_key("") == ""


# ---- acronyms -------------------------------------------------------------------------


def test_is_acronym() -> None:
    assert is_acronym("IRGC")
    assert is_acronym("U.S.")
    assert is_acronym("IRGC-QF")
    assert not is_acronym("Iran")
    assert not is_acronym("I")
    assert not is_acronym("Quds Force")


@pytest.mark.parametrize(
    ("phrase", "acronym"),
    [
        ("Asaib Ahl al-Haq", "AAH"),
        ("Islamic Revolutionary Guard Corps", "IRGC"),
        ("Popular Mobilization Units", "PMU"),
        ("Popular Mobilisation Forces", "PMF"),
        ("Kata’ib Hezbollah", "KH"),
        ("Islamic State of Iraq and the Levant", "ISIL"),
        ("IRGC Quds Force", "IRGCQF"),
        ("United States", "US"),
    ],
)
def test_acronym_of(phrase: str, acronym: str) -> None:
    assert acronym in acronym_of(phrase)


def test_acronym_of_one_word_is_empty() -> None:
    assert acronym_of("Hezbollah") == set()


# ---- the matcher ----------------------------------------------------------------------

MUST_MATCH = [
    ("Soleimani", "Suleimani"),
    ("Qassem Soleimani", "Qasem Soleimani"),
    ("Qassem Soleimani", "Qassim Suleimani"),
    ("Moqtada al-Sadr", "Muqtada al-Sadr"),
    ("Metulla", "Metualla"),
    ("Kiryat Shmona", "Kiryat Shemona"),
    ("Qods Force", "Quds Force"),
    ("IRGC-Qods Force", "Quds Force"),
    ("al-Quds Force", "Quds Force"),
    ("Popular Mobilization Units", "Popular Mobilisation Forces"),
    ("Qais al-Khazali", "Qais al-Khazaali"),
    ("Qais al-Khazali", "Qais Khazali"),
    ("Qais al-Khazali", "Qays al-Khaz'ali"),
    ("Khazali", "Qais al-Khazali"),
    ("Ali Musa Daqduq", "Ali Moussa Daqduq"),
    ("Abdul Reza Shahlai", "Abdul-Reza Shahlai"),
    ("Hassan Nasrallah", "Sayyed Hassan Nasrallah"),
    ("Major-General Qassem Soleimani", "Qassem Soleimani"),
    ("Khazali's", "Khazali"),
    ("Mohammed Baqir al-Hakim", "Muhammad Baqir al-Hakim"),
    ("Ali Daqduq", "Ali Musa Daqduq"),
    ("Asaib al-Haq", "Asaib Ahl al-Haq"),
    ("AAH", "Asaib Ahl al-Haq"),
    ("IRGC", "Islamic Revolutionary Guard Corps"),
    ("Hezbollah", "Hizballah"),
    ("Al QudsForce", "Quds Force"),
    ("U.S.", "US"),
    ("Hashd al-Sha’abi (Popular Mobilization Units)", "Popular Mobilisation Units"),
]

MUST_NOT_MATCH = [
    ("Hezbollah", "Kataib Hezbollah"),
    ("Islamic State", "Islamic Republic"),
    ("Abu Mahdi al-Muhandis", "Abu Kamal"),
    ("Ammar al-Hakim", "Mohammed Baqir al-Hakim"),
    ("Asaib Ahl al-Haq", "Kataib Hezbollah"),
    ("Iran", "Iraq"),
    ("Qais al-Khazali", "Laith al-Khazali"),
    ("Mahdi Army", "Abu Mahdi al-Muhandis"),
    ("Mahdi", "Abu Mahdi al-Muhandis"),
    ("Hadi al-Ameri", "Hadi al-Abadi"),
    ("US", "UN"),
    ("Khalazi", "Khazali"),
    ("Khomeini", "Khamenei"),
    ("Hassan", "Hussein"),
    ("Qais", "Qais al-Khazali"),
    ("Quds Force", "Quds Brigade"),
]


@pytest.mark.parametrize(("a", "b"), MUST_MATCH)
def test_must_match(a: str, b: str) -> None:
    m = compare(a, b)
    assert m.is_match, m.reasons
    assert m.score >= THRESHOLD and m.reasons


@pytest.mark.parametrize(("a", "b"), MUST_NOT_MATCH)
def test_must_not_match(a: str, b: str) -> None:
    m = compare(a, b)
    assert not m.is_match, m.reasons
    assert m.reasons


@pytest.mark.parametrize(("a", "b"), MUST_MATCH + MUST_NOT_MATCH)
def test_compare_is_symmetric(a: str, b: str) -> None:
    assert compare(a, b).score == compare(b, a).score


def test_identical_and_same_parts_reasons() -> None:
    assert compare("Khazali’s", "Khazali").reasons == ["identical after normalising"]
    m = compare("Qais al-Khazali", "Qays al-Khaz'ali")
    assert m.features == ("same_parts",)
    assert m.reasons == ["same parts: 'Qais' = 'Qays'; 'Khazali' = 'Khaz'ali'"]


def test_surname_alone_is_a_partial_match() -> None:
    m = compare("Khazali", "Qais al-Khazali")
    assert m.is_match and m.partial
    assert any("partial name (surname)" in r for r in m.reasons)
    assert not compare("Qais al-Khazali", "Qais Khazali").partial


def test_kunya_alone_is_a_partial_match_but_not_its_second_word() -> None:
    m = compare("Abu Mahdi", "Abu Mahdi al-Muhandis")
    assert m.is_match and m.partial
    assert not compare("Mahdi", "Abu Mahdi").is_match


def test_given_name_alone_is_not_a_match() -> None:
    m = compare("Qais", "Qais al-Khazali")
    assert not m.is_match and m.partial


def test_organisation_sub_phrase_with_leading_qualifier_is_negative() -> None:
    m = compare("Hezbollah", "Kataib Hezbollah")
    assert m.score == 0
    assert any("'Kataib'" in r and "(negative)" in r for r in m.reasons)


def test_organisation_without_head_word_is_partial() -> None:
    m = compare("Badr", "Badr Organization")
    assert m.is_match and m.partial


def test_different_given_names_give_a_negative_reason() -> None:
    m = compare("Ammar al-Hakim", "Mohammed Baqir al-Hakim")
    assert "given name differs: 'Ammar' vs 'Mohammed' (negative)" in m.reasons


def test_particle_alone_is_no_evidence() -> None:
    m = compare("Abu Mahdi al-Muhandis", "Abu Kamal")
    assert m.score == 0
    assert any("'abu'" in r and "(negative)" in r for r in m.reasons)


def test_transposition_typo_is_a_candidate_not_a_match() -> None:
    m = compare("Khalazi", "Khazali")
    assert not m.is_match and m.typo_candidate
    assert any("possible typo (transposition)" in r for r in m.reasons)
    full = compare("Qais al-Khalazi", "Qais al-Khazali")
    assert not full.is_match and full.typo_candidate
    surname = compare("Khalazi", "Qais al-Khazali")
    assert not surname.is_match and surname.typo_candidate and surname.partial


def test_edit_distance_alone_never_matches() -> None:
    # close in spelling, but neither sound nor a shared first name agrees
    assert not compare("Khalazi", "Khazali").is_match
    assert not compare("Hassan Nasrallah", "Hussein Nasrallah").is_match
    assert not compare("Iran", "Iraq").typo_candidate


def test_spelling_variant_is_named_and_a_different_word_is_a_conflict() -> None:
    m = compare("Kiryat Shmona", "Kiryat Shemona")
    assert m.is_match and "spelling" in m.features
    assert any("'Shmona' ~ 'Shemona'" in r for r in m.reasons)
    other = compare("Kiryat Shmona", "Kiryat Shamrock")
    assert not other.is_match and "parts_conflict" in other.features


def test_vowel_only_difference_in_a_surname_is_a_spelling_but_weaker_than_a_same_key() -> None:
    # romanisations disagree on short vowels (a/u); the score says less than a doubled letter does
    vowel = compare("Salim al-Jabouri", "Salim al-Jubouri")
    doubled = compare("Salim al-Jabouri", "Salim al-Jabbouri")
    assert vowel.is_match and "spelling" in vowel.features
    assert THRESHOLD < vowel.score < doubled.score
    assert not compare("Khomeini", "Khamenei").is_match  # one vowel pattern per name: still two names


def test_parenthetical_names_are_compared_part_by_part() -> None:
    m = compare("Hashd al-Sha’abi (Popular Mobilization Units)", "Hashd al-Shaabi")
    assert m.is_match and any("compared" in r for r in m.reasons)


def test_match_is_match_follows_threshold() -> None:
    assert Match(THRESHOLD, []).is_match
    assert not Match(THRESHOLD - 0.01, []).is_match


def test_names_compare_is_the_one_matcher() -> None:
    # the public entry, the resolver and the lookups share compare.py's matcher and threshold
    assert compare is matcher.compare and THRESHOLD == matcher.THRESHOLD and Match is matcher.Match


@pytest.mark.parametrize(("a", "b"), MUST_MATCH + MUST_NOT_MATCH)
def test_every_fired_feature_is_in_the_feature_table(a: str, b: str) -> None:
    m = compare(a, b)
    assert m.features and set(m.features) <= set(FEATURES)
    assert len(m.reasons) >= len(m.features)


def test_name_parts_bind_particles() -> None:
    assert name_parts("Abu Mahdi al-Muhandis") == ["abu mahdi", "muhandis"]
    assert name_parts("Abdul-Reza Shahlai") == name_parts("Abdel Reza Shahlai") == ["abd riza", "shahli"]


def test_head_word_plurals_and_synonyms() -> None:
    assert compare("Quds Force", "Quds Forces").is_match
    m = compare("Revolutionary Guards", "Revolutionary Guard Corps")
    assert m.is_match and m.partial


def test_long_capitalised_word_is_a_name_not_an_acronym() -> None:
    assert not is_acronym("KHAZALI")
    assert compare("KHAZALI", "Qais al-Khazali").partial


def test_name_kind_reads_arabic_particles_and_place_words() -> None:
    assert name_kind("Karim Al Nouri") == "person"  # 'Al' written with a capital and a space
    assert name_kind("Hadi al-Ameri") == "person"
    assert name_kind("Wadi al-Salam") == "place" and name_kind("Kafr Kila") == "place"
    assert name_kind("Abu Kamal") == ""  # a leading particle alone decides nothing
    assert name_kind("Asaib Ahl Al Haq") == "org"


def test_a_name_and_its_plural_are_not_one_spelling() -> None:
    assert plural_pair("Tarvinga", "Tarvingas")  # a kingdom and its people
    assert plural_pair("Varnley River", "Varnley Rivers")
    assert not plural_pair("Hagos", "Hagoss")  # a doubled 's': a spelling
    assert not plural_pair("Tarvinga", "Tarvinge")


def test_the_resolver_keeps_a_place_and_its_people_apart() -> None:
    ms = [M(1, 1, "Tarvinga", "GPE"), M(2, 1, "Tarvingas", "GPE"), M(3, 1, "Tarvinga", "GPE"),
          M(4, 2, "Velmar Stone", "ORG"), M(5, 2, "Velmar Stones", "ORG")]
    groups = {frozenset(a.alias for a in e.aliases) for e in resolve(ms, [], [])}
    assert frozenset({"Tarvinga"}) in groups and frozenset({"Tarvingas"}) in groups
    assert frozenset({"Velmar Stone"}) in groups and frozenset({"Velmar Stones"}) in groups


def test_a_title_before_a_country_name_is_part_of_the_name() -> None:
    assert strip_titles("Captain Norway") == "Captain Norway"  # no captain is called Norway
    assert strip_titles("Captain Tom Verrel") == "Tom Verrel"


def test_an_organisation_keeps_the_title_word_its_name_opens_with() -> None:
    ms = [M(1, 1, "Captain Norway", "PERSON"), M(2, 1, "Norway", "GPE"), M(3, 2, "General Varnmotors", "ORG"),
          M(4, 3, "General Tom Verrel", "PERSON"), M(5, 3, "Tom Verrel", "PERSON")]
    groups = {frozenset(a.alias for a in e.aliases) for e in resolve(ms, [], [])}
    assert frozenset({"Captain Norway"}) in groups and frozenset({"Norway"}) in groups
    assert frozenset({"General Varnmotors"}) in groups  # not 'Varnmotors'
    assert frozenset({"Tom Verrel"}) in groups


def test_a_possessive_written_apart_is_the_possessive() -> None:
    # a tokenised text writes "People 's": the same name as "People's"
    assert normalize("Tarn People 's Army") == normalize("Tarn People's Army")
    assert name_key("Tarn People 's Army") == name_key("Tarn People's Army")


def test_a_short_acronyms_key_keeps_its_letters() -> None:
    assert name_key("FFS") != name_key("FS") and name_key("SBB") != name_key("SB")
    assert name_key("U.S.") == name_key("US")
    assert name_key("BONN") == name_key("Bonn")  # a shouted word, not initials
