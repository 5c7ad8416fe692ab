"""'The government' as a mention of one nation's government, and ministers' titles with no body of their own
as roles in it (invented names; real countries, since the nation is what the rule reads)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article
from linkchart.models import Extraction


def extract(nlp: Language, text: str) -> Extraction:
    """Return what linkchart reads from `text`, one article."""
    return extract_article(text, [(0, len(text))], "2020-01-01", nlp)


def governments(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    """Return (text, refers_to) of the article's government mentions that stand for a named government."""
    return [(m.text, m.refers_to) for m in extract(nlp, text).mentions if m.refers_to and m.text.islower()]


def triples(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    """Return (subject, predicate, what the object stands for) of the relations read from `text`."""
    found = extract(nlp, text)
    refers = {(m.start, m.end): m.refers_to for m in found.mentions if m.refers_to}
    return {(r.subject, r.predicate, refers.get(r.object_span, r.object)) for r in found.relations}


@pytest.mark.parametrize("text", [
    "Chilean officials met in Santiago on Monday. The teachers' union said the government had broken its word.",
    "The government has cut the school budget, Chile's teachers said. Chilean unions plan a strike.",
    "Opposition parties in Chile attacked government plans to raise the retirement age.",
])
def test_the_government_of_an_article_about_one_nation_stands_for_that_nation_s_government(
        nlp: Language, text: str) -> None:
    assert governments(nlp, text) == [("government", "Chile government")]


def test_the_government_last_named_with_its_nation_is_the_one_meant(nlp: Language) -> None:
    text = ("Peru and Chile signed a trade deal. Peru's exports grew. Later the Chilean government said "
            "the deal was fair, and a minister said the government would sign more.")
    assert governments(nlp, text) == [("government", "Chile government")]


def test_the_government_of_a_named_nation_is_that_nation_s(nlp: Language) -> None:
    text = "Chile and Peru met. The government of Peru denied the report on Tuesday."
    assert governments(nlp, text) == [("government", "Peru government")]


@pytest.mark.parametrize("text", [
    "The government denied the report.",  # no nation named
    "Chile and Peru met. The government denied the report.",  # two nations named as often
    "Chilean officials said the new government would act.",  # a government with a word of its own
    "Chilean officials said a government could fall.",
    "Chilean officials said governments often fall.",
    "Chilean officials met anti-government protesters.",
    "American officials said the government of Puerto Rico had asked for more aid.",  # a territory's own
])
def test_a_government_no_nation_is_given_for_or_that_has_a_word_of_its_own_is_no_mention(
        nlp: Language, text: str) -> None:
    assert governments(nlp, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Chilean officials met on Monday. Interior Minister Ana Ruiz said the government would act.",
     ("Ana Ruiz", "member_of", "Chile government")),
    ("The government of Chile fell. Finance minister Ana Ruiz resigned a day later.",
     ("Ana Ruiz", "member_of", "Chile government")),
    ("Chile's budget was cut, officials said. Prime Minister Tom Vale said the government had no choice.",
     ("Tom Vale", "leads", "Chile government")),
    ("Chile's budget was cut, officials said. Deputy Prime Minister Tom Vale said the government had no choice.",
     ("Tom Vale", "member_of", "Chile government")),
    ("Chile's budget was cut. Tom Vale, a minister in the government, resigned.",
     ("Tom Vale", "member_of", "Chile government")),
])
def test_a_minister_s_title_with_no_body_of_its_own_is_a_role_in_the_article_s_government(
        nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(nlp, text)


def test_a_title_names_no_government_when_the_article_names_none(nlp: Language) -> None:
    found = triples(nlp, "Interior Minister Ana Ruiz said the plan would go ahead.")
    assert not [t for t in found if t[0] == "Ana Ruiz" and t[1] == "member_of"]


def test_a_title_with_its_own_body_keeps_it(nlp: Language) -> None:
    text = "Chilean officials met. Tom Vale, a minister in the Blue Party cabinet, said the government erred."
    assert ("Tom Vale", "member_of", "Chile government") not in triples(nlp, text)


def test_stance_verbs_reach_the_government(nlp: Language) -> None:
    text = "Chile's teachers went on strike. The Teachers Union criticised the government on Monday."
    assert ("Teachers Union", "opposes", "Chile government") in triples(nlp, text)


def test_a_title_reaches_the_government_named_in_another_paragraph(nlp: Language) -> None:
    first = "The government has cut Chile's school budget, teachers say."
    second = "Interior Minister Ana Ruiz said the cuts would stay."
    text = f"{first}\n\n{second}"
    found = extract_article(text, [(0, len(first)), (len(first) + 2, len(text))], "2020-01-01", nlp)
    relation = next(r for r in found.relations if r.subject == "Ana Ruiz" and r.predicate == "member_of")
    government = next(m for m in found.mentions if m.refers_to == "Chile government")
    assert relation.object_span == (government.start, government.end)
    assert relation.start > government.end  # the evidence is the title's sentence; the referent is elsewhere


def test_a_named_act_of_the_government_is_no_part_of_it(nlp: Language) -> None:
    text = "The findings come from Chilean experts as MPs are due to vote on the government's Road Repair Bill."
    assert not [t for t in triples(nlp, text) if t[1] == "part_of"]


def ministries(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    """Return (text, refers_to) of the article's ministry mentions that stand for one nation's ministry."""
    return [(m.text, m.refers_to) for m in extract(nlp, text).mentions if m.refers_to and "ministry" in m.refers_to]


@pytest.mark.parametrize(("text", "expected"), [
    ("Chile's foreign ministry summoned the envoy on Monday.", [("foreign ministry", "Chile foreign ministry")]),
    ("The foreign ministry of Peru said the deal was signed.", [("foreign ministry", "Peru foreign ministry")]),
    ("Chilean police made arrests. The Interior Ministry said three men were held.",
     [("Interior Ministry", "Chile interior ministry")]),
    ("Chilean police made arrests. The interior ministry said three men were held.",
     [("interior ministry", "Chile interior ministry")]),
])
def test_a_ministry_written_without_its_full_name_is_its_nation_s(
        nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert ministries(nlp, text) == expected


def test_a_ministry_no_nation_is_given_for_is_no_mention_of_one(nlp: Language) -> None:
    assert ministries(nlp, "Chile and Peru met. The interior ministry said three men were held.") == []


def test_a_leader_s_named_government_is_still_his(nlp: Language) -> None:
    text = "Chilean unions marched, even with the Blue Front in Tom Vale's Chilean government."
    assert ("Tom Vale", "leads", "Chilean government") in triples(nlp, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Chile faces a large bill for the repairs, its central bank says.", [("central bank", "Chile central bank")]),
    ("Chilean banks lent more. The central bank raised its rate on Monday.", [("central bank", "Chile central bank")]),
    ("Peru's central bank cut its rate.", [("central bank", "Peru central bank")]),
])
def test_a_central_bank_written_without_its_nation_is_its_nation_s(
        nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    found = [(m.text, m.refers_to) for m in extract(nlp, text).mentions if m.refers_to and "bank" in m.refers_to]
    assert found == expected


@pytest.mark.parametrize("text", [
    "Chile faces a large bill for the repairs, its central bank says. The estimate may rise, bank governor Tom Vale "
    "told reporters.",
    "Chile faces a large bill for the repairs, its central bank says.\n\nThe estimate may rise, bank governor Tom "
    "Vale told reporters.",
])
def test_the_head_word_alone_after_a_national_body_is_that_body(nlp: Language, text: str) -> None:
    mentions = extract(nlp, text).mentions
    assert [m.refers_to for m in mentions if m.text == "bank"] == ["Chile central bank"]
    assert any(s == "Tom Vale" and p == "leads" and "bank" in o for s, p, o in triples(nlp, text))


def test_a_head_word_before_any_national_body_or_with_a_word_of_its_own_is_none(nlp: Language) -> None:
    text = "A bank governor, Tom Vale, spoke first. Chile's central bank says a development bank will lend."
    assert [m.text for m in extract(nlp, text).mentions if m.refers_to == "Chile central bank"] == ["central bank"]


@pytest.mark.parametrize("text", [
    "Chile faces a large bill for the repairs, its central bank says.",
    "Chile's foreign ministry summoned the envoy on Monday.",
    "The foreign ministry of Peru said the deal was signed.",
])
def test_a_national_body_is_in_the_nation_its_sentence_names(nlp: Language, text: str) -> None:
    nation = "Peru" if "Peru" in text else "Chile"
    assert any(p == "located_in" and o == nation for _, p, o in triples(nlp, text))


def test_a_government_is_its_nation_s_own_not_in_it(nlp: Language) -> None:
    text = "Chile's government raised taxes. Chilean police made arrests. The government said so."
    assert not [t for t in triples(nlp, text) if t[1] == "located_in"]


@pytest.mark.parametrize("text, expected", [
    ("The United States sanctioned two men. The US Treasury said so. Verania's foreign ministry welcomed the move.",
     [("foreign ministry", "Verania foreign ministry")]),
    ("The United States sanctioned two men. The US Treasury said so. The foreign ministry of Verania welcomed it.",
     [("foreign ministry", "Verania foreign ministry")]),
])
def test_a_ministry_s_own_place_owns_it_though_the_gazetteer_does_not_know_it(
        nlp: Language, text: str, expected: list[tuple[str, str | None]]) -> None:
    """Rule named_body_owner: never the article's nation (here the United States) instead of the named owner."""
    assert ministries(nlp, text) == expected


def test_the_government_of_a_prime_minister_is_the_nation_s(nlp: Language) -> None:
    """'the government of Prime Minister X' names its head, not a territory of its own (`_of_other_place`)."""
    text = ("Estonia's opposition called for a vote after the finance minister, Jonas Berg, resigned. "
            "Estonia's opposition said the government of Prime Minister Anton Vik had lost all credibility.")
    got = triples(nlp, text)
    assert ("Jonas Berg", "member_of", "Estonia government") in got
    assert ("Anton Vik", "leads", "Estonia government") in got
