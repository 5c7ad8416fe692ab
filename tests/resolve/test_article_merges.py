"""Two things one article names side by side stay two: a place and the site or area named after it, two names the
matcher finds alike (invented names, no model, no database)."""

from __future__ import annotations

import pytest
from mention_rows import M

from linkchart.resolve.cluster import ResolvedEntity, resolve


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
