"""Tests for linkchart.resolve.transliterate: Arabic script read as Latin, and letter keys.

Names here are invented or are common given names; none comes from the evaluation data.
"""

from __future__ import annotations

import re

import pytest

from linkchart.resolve._tables import lexicon_table
from linkchart.resolve.transliterate import (
    arabic_to_latin,
    has_arabic_script,
    letter_key,
    letter_keys,
    skeleton,
)


def same_key(a: str, b: str) -> bool:
    return bool(set(letter_keys(a)) & set(letter_keys(b)))


@pytest.mark.parametrize(
    ("rule", "spellings"),
    [
        ("q/k/g", ["Qasrawi", "Kasrawi", "Gasrawi"]),
        ("kh/h", ["Khalidun", "Halidun"]),
        ("dh/z/d", ["Kadhimawi", "Kazimawi", "Kadimawi"]),
        ("th/s/t", ["Uthmanzai", "Usmanzai", "Utmanzai"]),
        ("ou/u/oo", ["Nourizad", "Nurizad", "Noorizad"]),
        ("w/u", ["Dawudani", "Daoudani"]),
        ("ei/ai/ay/ey/i", ["Zaydani", "Zeidani", "Zaidani", "Zeydani", "Zidani"]),
        ("doubled letters", ["Hassouni", "Hasuni"]),
        ("e as i or a", ["Tarefi", "Tarifi", "Tarafi"]),
        ("p/b, v/f", ["Parvizi", "Barfizi"]),
        ("ch as sh or k", ["Chaltumi", "Shaltumi", "Kaltumi"]),
        ("ta marbuta h", ["Nafisah", "Nafisa"]),
        ("ayn and hamza marks", ["Sa'dawi", "Sadawi", "Sa’dawi"]),
    ],
)
def test_romanisation_equivalences_share_a_key(rule: str, spellings: list[str]) -> None:
    first = spellings[0]
    for other in spellings[1:]:
        assert same_key(first, other), (rule, first, other, letter_keys(first), letter_keys(other))


@pytest.mark.parametrize(("a", "b"), [("Tarifi", "Tahrifi"), ("Kasrawi", "Kasrani"), ("Zaydani", "Zaydabi")])
def test_different_letters_keep_different_keys(a: str, b: str) -> None:
    assert not same_key(a, b)


def test_apostrophe_keeps_two_letters_apart() -> None:
    assert letter_keys("Is'haq")[0] != letter_keys("Ishaq")[0]  # s + h, not sh
    assert letter_key("Is'haq").startswith("ish")


def test_skeleton_keeps_consonants() -> None:
    assert skeleton("muhamad") == "mhmd"
    assert skeleton("tarifi") == "trf"


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("پژمان", "pzhman"),  # Persian pe and zhe
        ("چراغی", "chraghi"),  # Persian che, Persian yeh as a final vowel
        ("گلناز", "glnaz"),  # Persian gaf
        ("کامران", "kamran"),  # Persian keheh
        ("رئيس", "riis"),  # hamza on a yeh seat
        ("مؤمن", "mumn"),  # hamza on a waw seat
        ("فاطمة", "fatma"),  # ta marbuta
        ("أحمد", "ahmd"),  # alef with hamza above
        ("إبراهيم", "ibrahim"),  # alef with hamza below
        ("آمنة", "amna"),  # alef madda
        ("مُحَمَّد", "mhmd"),  # short vowels and shadda removed
        ("وليد", "wlid"),  # waw at the start of a word is a consonant
        ("سوريا", "surya"),  # yeh before alef is a consonant, waw between consonants a vowel
    ],
)
def test_arabic_and_persian_letters_read_as_latin(arabic: str, latin: str) -> None:
    assert arabic_to_latin(arabic) == latin


def test_arabic_article_and_mixed_text() -> None:
    assert arabic_to_latin("سليم الطريفي") == "slim al-trifi"
    assert arabic_to_latin("Salim الطريفي") == "Salim al-trifi"
    assert has_arabic_script("Salim الطريفي") and not has_arabic_script("Salim al-Tarifi")


def test_name_particles_and_the_name_of_god_are_read_whole() -> None:
    assert arabic_to_latin("عبد الله") == "abd allah"
    assert arabic_to_latin("عبدالرحمن") == "abd-al-rhmn"
    assert arabic_to_latin("أبو طارق بن سليم") == "abu tarq bin slim"


def test_arabic_h_after_s_is_not_sh() -> None:
    assert arabic_to_latin("إسحاق") == "is'haq"
    assert letter_keys("إسحاق") == letter_keys("Is'haq")


def test_script_and_romanisation_meet_in_one_key() -> None:
    assert skeleton(letter_key("قاسم")) == skeleton(letter_key("Qasim")) == "ksm"
    assert skeleton(letter_key("كاظمي")) == skeleton(letter_key("Kadhimi")) == "kzm"


# A rule with a quantified group that itself holds a quantifier ('(a+)+') can backtrack
# exponentially; none of the tables' rules may have one, so reading stays linear.
_NESTED = re.compile(r"\([^()]*[*+?}][^()]*\)[*+{]")


def test_table_rules_have_no_nested_repetition() -> None:
    table = lexicon_table("transliteration")
    for pattern, _ in table["latin_rules"] + table["vowel_rules"]:
        assert not _NESTED.search(pattern), pattern
        re.compile(pattern)


def test_every_ambiguous_letter_has_readings() -> None:
    table = lexicon_table("transliteration")
    produced = {r for _, r in table["latin_rules"]}
    for letter in table["readings"]:
        assert letter in produced or letter.islower(), letter  # a key letter made by a rule, or a Latin letter


def test_runs_of_a_letter_are_written_once_and_vowel_rules_apply() -> None:
    assert letter_keys("Muhammad")[0] == "muhamad"
    assert skeleton("muhamad") == "mhmd" and skeleton("saaad") == "sd"
    assert letter_keys("Zeid")[0] == letter_keys("Zaid")[0] == "zid"  # ai/ei are one ي
    assert letter_keys("Hamzah")[0] == letter_keys("Hamza")[0]  # the silent final h
