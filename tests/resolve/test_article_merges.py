"""Two things one article names side by side stay two: a place and the site or area named after it, two names the
matcher finds alike (invented names, no model, no database)."""

from __future__ import annotations

import pytest
from mention_rows import M

from linkchart.resolve.cluster import ResolvedEntity, resolve
from linkchart.resolve.passes import apart_when_written_together


def _mentions(*rows: tuple[int, str, str]) -> list[M]:
    return [M(i, art, text, label) for i, (art, text, label) in enumerate(rows, start=1)]


def _by_mention(entities: list[ResolvedEntity]) -> dict[int, ResolvedEntity]:
    return {m: e for e in entities for m in e.mention_ids}


# ---- a place and the site named after it -------------------------------------------------------------------------

@pytest.mark.parametrize("site", ["Orvanto Castle", "Orvanto Moraine", "Orvanto Cathedral"])
def test_a_site_the_model_reads_as_a_person_does_not_give_its_first_word_as_a_given_name(site: str) -> None:
    ms = _mentions((1, site, "PERSON"), (1, "Orvanto", "PERSON"), (1, "Orvanto", "PERSON"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[2] is not ents[1]


def test_a_given_name_still_names_the_person_introduced_in_full() -> None:
    for full, given in (("Ike Varga", "Ike"), ("Tom Park", "Tom")):
        ms = _mentions((1, full, "PERSON"), (1, given, "PERSON"))
        ents = _by_mention(resolve(ms, [], []))
        assert ents[2] is ents[1], full


@pytest.mark.parametrize("label", ["PERSON", "ORG"])
def test_a_moraine_is_a_place_not_a_person(label: str) -> None:
    ms = _mentions((1, "Orvanto Moraine", label), (1, "Orvanto", label), (1, "Orvanto Moraine", label))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[1].type == "LOC" and ents[2] is not ents[1]


@pytest.mark.parametrize("area", ["Orvanto Metropolitan Statistical Area", "Orvanto - Keldby CDP",
                                  "Orvanto Statistical Area"])
def test_a_statistical_area_is_not_the_town_it_is_named_after(area: str) -> None:
    ms = _mentions((1, area, "ORG"), (1, "Orvanto", "ORG"), (1, "Orvanto", "ORG"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[1].type == "LOC" and ents[2] is not ents[1]


# ---- two names alike, written in one article ---------------------------------------------------------------------

PAIRS_OF_THINGS = [
    ("Varnish Football League", "Varnish Professional Football League", "ORG"),  # a middle word more
    ("Ossangena District", "Ossingir District", "GPE"),  # a part only somewhat alike
    ("Kelby Meadows High School", "Welby High School", "ORG"),
]


@pytest.mark.parametrize(("a", "b", "label"), PAIRS_OF_THINGS)
def test_two_names_of_things_written_in_one_article_are_two(a: str, b: str, label: str) -> None:
    ms = _mentions((1, a, label), (1, b, label))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[1] is not ents[2]


def test_a_body_named_in_full_then_without_a_middle_word_is_one() -> None:
    ms = _mentions((1, "Tarn Alder Society", "ORG"), (1, "Tarn Society", "ORG"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[1] is ents[2]


@pytest.mark.parametrize(("a", "b", "label"), PAIRS_OF_THINGS[:2])
def test_the_same_names_in_two_articles_are_still_joined_as_spellings(a: str, b: str, label: str) -> None:
    ms = _mentions((1, a, label), (2, b, label))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[1] is ents[2]


@pytest.mark.parametrize(("a", "b", "label"), [
    ("Popular Mobilization Forces", "Popular Mobilisation Forces", "ORG"),  # one spelling, two ways
    ("Kessler Max", "Kesler Max", "ORG"),
    ("Renald Marto", "Renald Osric Marto", "PERSON"),  # a person's middle name left out
    ("Renald Marto", "Renald Osric Marto", "ORG"),  # whatever the model's label: no head word, no body's name
    ("Tavualacuala District", "Tavuacuala District", "GPE"),  # letters left out: a slip of the hand
    ("Orvanto Research Station", "Orvanto Station", "ORG"),
])
def test_one_name_written_two_ways_in_one_article_is_one(a: str, b: str, label: str) -> None:
    assert not apart_when_written_together(a, b, label, label)
    ms = _mentions((1, a, label), (1, b, label))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[1] is ents[2]


# ---- one-word names only spelt alike ------------------------------------------------------------------------------

def test_two_one_word_names_only_spelt_alike_in_one_list_are_two() -> None:
    ms = _mentions((1, "Pedan", "PERSON"), (1, "Pedan", "PERSON"), (1, "Pidian", "GPE"), (1, "Zorvan", "GPE"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[3] is not ents[1]
    ms = _mentions((1, "Pedan", "ORG"), (2, "Pidian", "ORG"))  # across articles: spellings, as before
    ents = _by_mention(resolve(ms, [], []))
    assert ents[2] is ents[1]


def test_a_one_word_name_with_letters_left_out_is_the_same_name() -> None:
    assert not apart_when_written_together("Hutchison", "Hutchinson", "ORG", "ORG")


# ---- a given name alone, beside two names that open with it ------------------------------------------------------

@pytest.mark.parametrize("other", ["Ludo de Varenne de Tarsac", "Ludo Varenne"])
def test_a_given_name_stays_alone_when_another_name_the_model_typed_otherwise_opens_with_it(other: str) -> None:
    ms = _mentions((1, "Ludo XIII", "PERSON"), (1, other, "ORG"), (1, "Ludo", "PERSON"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[3] is not ents[1]


def test_a_regnal_name_alone_in_its_article_is_still_called_by_its_first_word() -> None:
    ms = _mentions((1, "Ludo XIII", "PERSON"), (1, "Orsk Council", "ORG"), (1, "Ludo", "PERSON"))
    ents = _by_mention(resolve(ms, [], []))
    assert ents[3] is ents[1]
