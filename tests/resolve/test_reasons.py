"""Typed reasons: their text, their rank, their data."""

from __future__ import annotations

import json

from linkchart.resolve import reasons as r
from linkchart.resolve.passes import PASSES


def test_kinds_rank_from_an_analysts_word_down_to_the_same_spelling() -> None:
    most_informative_first = [
        r.AnalystMerge("a", "b"), r.AliasStatement("acronym", "AAH", "Asaib Ahl al-Haq"), r.Translation("Mahdi Army"),
        r.CountryName("Iraq"), r.Acronym("PMU", "Popular Mobilisation Units"),
        r.PartialName("Qais al-Khazali", "article"), r.ShortForm("Asaib Ahl al-Haq"),
        r.ShortReference("Revolutionary Guards"), r.SameOrganisation("Revolutionary Guards", "core"),
        r.SameDescription("US forces"), r.LikelyTypo("Khazali"), r.NameMatch(("a", "b"), 0.9, ("similar",)),
        r.SameKey("Qasem Soleimani", "key"), r.SameSurname("Sadr"), r.SameName(),
    ]
    ranks = [e.rank for e in most_informative_first]
    assert ranks == sorted(set(ranks))  # strictly increasing
    assert r.AnalystSplit.rank == r.AnalystMerge.rank
    unranked = [r.NationalBody("Iraqi Parliament", "k"), r.ParentPrefixed("Quds Force", "IRGC"),
                r.LowercaseReference("US-led coalition"), r.SameEntity(), r.CanonicalName(), r.WrittenWithTitle()]
    assert all(e.rank == r.UNRANKED > ranks[-1] for e in unranked)


def test_every_kind_a_pass_records_has_a_rank_and_a_text() -> None:
    for p in PASSES:
        for kind in p.records:
            assert isinstance(kind.kind, str) and isinstance(kind.rank, int), kind


def test_texts_are_the_explanations_shown_to_readers() -> None:
    assert r.PartialName("Qais al-Khazali", "article").text() == "partial name of 'Qais al-Khazali' in the same article"
    assert r.PartialName("Muqtada al-Sadr", "corpus").text() == (
        "partial name of 'Muqtada al-Sadr', the person most named with that name in the corpus")
    assert r.AliasStatement("known_as", "ISIS", "Daesh").text() == "alias statement (known_as): 'ISIS' for 'Daesh'"
    assert r.NameMatch(("a", "b"), 0.8, ("middle part omitted: 'Ahl'", "x")).text() == (
        "name matcher: middle part omitted: 'Ahl'; x")
    assert r.CountryName("Iran").text() == "another name of Iran (country gazetteer)"


def test_evidence_is_json_data_with_its_kind() -> None:
    data = r.NameMatch(("Asaib Ahl al-Haq", "Asaib al-Haq"), 0.8, ("middle part omitted: 'Ahl'",)).as_dict()
    assert json.loads(json.dumps(data)) == {"kind": "name_match", "names": ["Asaib Ahl al-Haq", "Asaib al-Haq"],
                                            "score": 0.8, "features": ["middle part omitted: 'Ahl'"]}


def test_a_reason_quotes_the_side_it_names() -> None:
    reason = r.Reason("partial_names", r.PartialName("Qais al-Khazali", "article"))
    assert reason.quotes("Qais al-Khazali") and not reason.quotes("Khazali")
    assert reason.text == reason.evidence.text() and reason.rank == r.PartialName.rank
