"""Role nouns as classes (roles.yaml `role_class=`), each mapped to a predicate; titles before names,
coordinated roles, tolerant 'at/of/for' attachment; the time and rank of 'former', 'ex-', 'deputy', 'vice'.
All names are invented; mentions are set by hand so that only the rules are tested."""

from __future__ import annotations

import pytest
from parsed_text import facts, triples

from linkchart import lexicon
from linkchart.extract.relations import load_rules


def test_every_role_class_is_mapped_to_a_predicate() -> None:
    classes = set(lexicon.roles().classes)
    mapped = {c for rule in load_rules()["role_rules"] for c in rule.get("classes", ())}
    assert {"leader", "official", "diplomat", "lawmaker", "commander", "clergy", "academic", "journalist",
            "spokesperson", "kin", "friend", "rival", "ally"} <= classes
    assert classes <= mapped, classes - mapped


@pytest.mark.parametrize("text", [
    "Ralf Penn, the brother of Karl Dent, was arrested.",
    "Karl Dent's brother, Ralf Penn, was arrested.",
    "Ralf Penn is a cousin of Karl Dent.",
])
def test_kin_is_relative_of(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Ralf Penn", "PERSON"), ("Karl Dent", "PERSON")])
    assert ("Ralf Penn", "relative_of", "Karl Dent") in got


@pytest.mark.parametrize("text,pred", [
    ("Hugo Stahl, a longtime ally of Karl Dent, resigned.", "allied_with"),
    ("Hugo Stahl, a close friend of Karl Dent, resigned.", "allied_with"),
    ("Hugo Stahl, a bitter rival of Karl Dent, resigned.", "opposes"),
    ("Hugo Stahl is an outspoken critic of Karl Dent.", "opposes"),
])
def test_allies_friends_and_rivals(nlp, text: str, pred: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Hugo Stahl", "PERSON"), ("Karl Dent", "PERSON")])
    assert ("Hugo Stahl", pred, "Karl Dent") in got


@pytest.mark.parametrize("text", [
    "Hugo Stahl, a bitter rival of Karl Dent, resigned.",
    "Karl Dent's arch-rival, Hugo Stahl, won the vote.",
    "Hugo Stahl is the old foe of Karl Dent.",
    "Hugo Stahl, an adversary of Karl Dent, spoke first.",
])
def test_rivalry_runs_both_ways(nlp, text: str) -> None:  # noqa: ANN001
    got = facts(nlp, text, [("Hugo Stahl", "PERSON"), ("Karl Dent", "PERSON")])
    assert ("Hugo Stahl", "opposes", "Karl Dent", "role_rival") in got, got
    assert ("Karl Dent", "opposes", "Hugo Stahl", "role_rival_mutual") in got, got


@pytest.mark.parametrize("text", [
    "Hugo Stahl is an outspoken critic of Karl Dent.",
    "Hugo Stahl, a fierce opponent of Karl Dent, resigned.",
])
def test_a_critic_opposes_one_way(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Hugo Stahl", "PERSON"), ("Karl Dent", "PERSON")])
    assert ("Hugo Stahl", "opposes", "Karl Dent") in got
    assert ("Karl Dent", "opposes", "Hugo Stahl") not in got


@pytest.mark.parametrize("text", [
    "Marta Quill is a fellow at the Harlow Institute.",
    "Marta Quill, a senior researcher at the Harlow Institute, wrote the report.",
    "Marta Quill, an author and lecturer at the Harlow Institute, wrote the report.",
    "Marta Quill, a researcher on militias at the Harlow Institute, said the group was growing.",
    "Marta Quill, an analyst with the Harlow Institute, disagreed.",
    "Marta Quill, a correspondent for the Harlow Institute, reported the news.",
])
def test_academics_and_journalists_are_employed(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Marta Quill", "PERSON"), ("Harlow Institute", "ORG")])
    assert ("Marta Quill", "employed_by", "Harlow Institute") in got
    assert not any(p == "member_of" for _, p, _ in got)


@pytest.mark.parametrize("text,ents", [
    ("Judge Ana Belt of the Varn High Court ruled against the plan.",
     [("Ana Belt", "PERSON"), ("Varn High Court", "ORG")]),
    ("Ana Belt, a senator from the Harbour Party, voted no.", [("Ana Belt", "PERSON"), ("Harbour Party", "ORG")]),
    ("Ana Belt, an envoy of the Harbour Party, arrived.", [("Ana Belt", "PERSON"), ("Harbour Party", "ORG")]),
    ("Ana Belt, a cleric of the Harbour Party, preached.", [("Ana Belt", "PERSON"), ("Harbour Party", "ORG")]),
])
def test_officials_diplomats_lawmakers_judges_and_clergy_are_members(nlp, text: str, ents) -> None:  # noqa: ANN001
    got = triples(nlp, text, ents)
    assert (ents[0][0], "member_of", ents[1][0]) in got


def test_title_before_name_and_nationality_word(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Chilean Prime Minister Tomas Vardo met the press.",
                  [("Chilean", "NORP"), ("Tomas Vardo", "PERSON")])
    assert ("Tomas Vardo", "leads", "Chile") in got
    # a minister is not the leader of his country, nor of his portfolio
    got = triples(nlp, "Chilean Foreign Minister Tomas Vardo met the press.",
                  [("Chilean", "NORP"), ("Tomas Vardo", "PERSON")])
    assert not any(p == "leads" for _, p, _ in got)
    got = triples(nlp, "Defence Minister Jane Roe arrived.", [("Defence", "ORG"), ("Jane Roe", "PERSON")])
    assert not any(o == "Defence" for _, _, o in got)
    got = triples(nlp, "Greyfield chief executive Jane Roe said the plan would work.",
                  [("Greyfield", "ORG"), ("Jane Roe", "PERSON")])
    assert ("Jane Roe", "leads", "Greyfield") in got


@pytest.mark.parametrize("text", [
    "Hugo Stahl, deputy head of the Harbour Party, was arrested.",
    "Deputy leader Hugo Stahl of the Harbour Party spoke first.",
    "Hugo Stahl, the vice-president of the Harbour Party, spoke first.",
    "Hugo Stahl, vice chairman of the Harbour Party, spoke first.",
])
def test_a_deputy_is_a_member_not_the_leader(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Hugo Stahl", "PERSON"), ("Harbour Party", "ORG")])
    assert ("Hugo Stahl", "member_of", "Harbour Party") in got
    assert ("Hugo Stahl", "leads", "Harbour Party") not in got


@pytest.mark.parametrize("text", [
    "Karl Dent, a former president of the Harbour Party, died on Monday.",
    "Ex-chairman Karl Dent of the Harbour Party was charged.",
    "Karl Dent, the erstwhile leader of the Harbour Party, was charged.",
])
def test_a_former_role_is_marked_as_former(nlp, text: str) -> None:  # noqa: ANN001
    got = facts(nlp, text, [("Karl Dent", "PERSON"), ("Harbour Party", "ORG")])
    leads = [rule for s, p, o, rule in got if (s, p, o) == ("Karl Dent", "leads", "Harbour Party")]
    assert leads and all(rule.endswith("_former") for rule in leads)


def test_a_current_role_is_not_marked_former(nlp) -> None:  # noqa: ANN001
    got = facts(nlp, "Karl Dent, the president of the Harbour Party, spoke.", [("Karl Dent", "PERSON"),
                                                                             ("Harbour Party", "ORG")])
    assert ("Karl Dent", "leads", "Harbour Party", "role_leads") in got


@pytest.mark.parametrize("text,ents", [
    ("Karl Dent, the lead singer of the Velvet Owls, died.", [("Karl Dent", "PERSON"), ("Velvet Owls", "ORG")]),
    ("Karl Dent, a midfielder for Orla United, scored twice.", [("Karl Dent", "PERSON"), ("Orla United", "ORG")]),
    ("Karl Dent is a Harbour Party politician.", [("Karl Dent", "PERSON"), ("Harbour Party", "ORG")]),
    ("The song was written by Velvet Owls composers Karl Dent and Ida Roos.",
     [("Karl Dent", "PERSON"), ("Velvet Owls", "ORG"), ("Ida Roos", "PERSON")]),
    ("Karl Dent, a pianist with the Harlow Quartet, recorded the album.",
     [("Karl Dent", "PERSON"), ("Harlow Quartet", "ORG")]),
    ("Karl Dent, a defender for Orla United, was injured.", [("Karl Dent", "PERSON"), ("Orla United", "ORG")]),
])
def test_teams_bands_and_parties_have_members(nlp, text: str, ents) -> None:  # noqa: ANN001
    assert (ents[0][0], "member_of", ents[1][0]) in triples(nlp, text, ents)


def test_an_as_phrase_after_an_object_is_the_objects_role(nlp) -> None:  # noqa: ANN001
    ents = [("Karl Dent", "PERSON"), ("Hugo Stahl", "PERSON"), ("Harbour Party", "ORG")]
    got = triples(nlp, "Karl Dent is preparing to oust Hugo Stahl as the Harbour Party's leader.", ents)
    assert ("Karl Dent", "leads", "Harbour Party") not in got
    got = triples(nlp, "Karl Dent served as leader of the Harbour Party.", [ents[0], ents[2]])
    assert ("Karl Dent", "leads", "Harbour Party") in got


def test_a_ministers_portfolio_is_no_body(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Jane Roe is a former Minister of Coastal Affairs.", [("Jane Roe", "PERSON"),
                                                                           ("Coastal Affairs", "ORG")])
    assert not got
    got = triples(nlp, "Jane Roe, a minister in the Harbour Party government, resigned.",
                  [("Jane Roe", "PERSON"), ("Harbour Party", "ORG")])
    assert ("Jane Roe", "member_of", "Harbour Party") in got


@pytest.mark.parametrize("text", [
    "Harbour Party election chief Hugo Stahl defended the posters.",
    "The Harbour Party's campaign chief, Hugo Stahl, defended the posters.",
    "Hugo Stahl, Harbour Party foreign policy chief, said the plan works.",
    '"We regret it," said Harbour Party director of commercial planning, Hugo Stahl.',
    "Hugo Stahl, the Harbour Party's head of research, said so.",
])
def test_a_portfolio_head_is_a_member_not_the_leader(nlp, text: str) -> None:  # noqa: ANN001
    got = facts(nlp, text, [("Hugo Stahl", "PERSON"), ("Harbour Party", "ORG")])
    assert ("Hugo Stahl", "leads", "Harbour Party") not in {(s, p, o) for s, p, o, _ in got}
    assert any((s, p, o) == ("Hugo Stahl", "member_of", "Harbour Party") and rule.endswith("_portfolio")
               for s, p, o, rule in got)


@pytest.mark.parametrize("text", [
    "Harbour Party leader Hugo Stahl defended the posters.",
    "Hugo Stahl, the party chief of the Harbour Party, spoke.",
    "Harbour Party rebel leader Hugo Stahl spoke.",
    "Hugo Stahl, the Harbour Party's chairman, spoke.",
])
def test_a_leader_without_a_portfolio_still_leads(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Hugo Stahl", "PERSON"), ("Harbour Party", "ORG")])
    assert ("Hugo Stahl", "leads", "Harbour Party") in got


def test_a_city_before_a_founder_noun_is_not_what_was_founded(nlp) -> None:  # noqa: ANN001
    from parsed_text import triples
    got = triples(nlp, "Brenn architect Tom Vale was on the island when the wave struck.",
                  [("Brenn", "GPE"), ("Tom Vale", "PERSON")])
    assert not any(p == "founded" for _, p, _ in got)
    got = triples(nlp, "Tom Vale, the founder of the Orla Party, spoke.",
                  [("Tom Vale", "PERSON"), ("Orla Party", "ORG")])
    assert ("Tom Vale", "founded", "Orla Party") in got


@pytest.mark.parametrize("text,ents,expected", [
    ("Tom Vale, the newly-appointed Varn Police commissioner, said he was in favour.",
     [("Tom Vale", "PERSON"), ("Varn Police", "ORG")], ("Tom Vale", "leads", "Varn Police")),
    ("Varn Police Commissioner Tom Vale spoke first.",
     [("Varn Police", "ORG"), ("Tom Vale", "PERSON")], ("Tom Vale", "leads", "Varn Police")),
    ("Ann Roe, a commissioner of the Orla Election Commission, resigned.",
     [("Ann Roe", "PERSON"), ("Orla Election Commission", "ORG")],
     ("Ann Roe", "member_of", "Orla Election Commission")),
])
def test_a_commissioner_heads_a_body_but_sits_on_a_commission(nlp, text: str, ents, expected) -> None:  # noqa: ANN001
    got = triples(nlp, text, ents)
    assert expected in got, got
    assert len({p for s, p, o in got if s == expected[0] and o == expected[2]}) == 1, got


@pytest.mark.parametrize("text,ents,expected", [
    ("Tom Vale, the coordinator of the Orla Campaign, spoke.", [("Tom Vale", "PERSON"), ("Orla Campaign", "ORG")],
     ("Tom Vale", "leads", "Orla Campaign")),
    ("Tom Vale, co-ordinator of the Orla Campaign, spoke.",
     [("Tom Vale", "PERSON"), ("Orla Campaign", "ORG")], ("Tom Vale", "leads", "Orla Campaign")),
    # a regional or local post is one of the body's, not its head
    ("Tom Vale, a regional coordinator for the Orla Party, spoke.", [("Tom Vale", "PERSON"), ("Orla Party", "ORG")],
     ("Tom Vale", "member_of", "Orla Party")),
    ("Tom Vale, the local director of the Orla Party, spoke.", [("Tom Vale", "PERSON"), ("Orla Party", "ORG")],
     ("Tom Vale", "member_of", "Orla Party")),
])
def test_a_coordinator_runs_the_campaign_and_a_regional_post_is_a_member(nlp, text: str, ents,  # noqa: ANN001
                                                                         expected) -> None:
    got = triples(nlp, text, ents)
    assert expected in got, got
    assert not any(p == "leads" for _, p, _ in got if expected[1] != "leads"), got


@pytest.mark.parametrize("noun", ["emperor", "tsar", "sultan", "empress"])
def test_a_monarchs_title_of_a_country_leads_it(nlp, noun: str) -> None:  # noqa: ANN001
    got = triples(nlp, f"Tom Vale, the {noun} of Varnland, met Ann Rook.",
                  [("Tom Vale", "PERSON"), ("Varnland", "GPE"), ("Ann Rook", "PERSON")])
    assert ("Tom Vale", "leads", "Varnland") in got


@pytest.mark.parametrize("text", [
    "On Monday, Leedale lawyer Ann Petrov filed the suit.",
    "Ann Petrov, a farmer in Leedale, filed the suit.",
    "Ann Petrov, a long-time resident of Leedale, filed the suit.",
    "The suit was filed by Ann Petrov, a Leedale architect.",
])
def test_a_person_of_a_place_is_located_there(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Ann Petrov", "PERSON"), ("Leedale", "GPE")])
    assert ("Ann Petrov", "located_in", "Leedale") in got


def test_a_nationality_before_an_occupation_says_no_place(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Ann Petrov, an American lawyer, filed the suit.", [("Ann Petrov", "PERSON"),
                                                                           ("American", "NORP")])
    assert not any(p == "located_in" for _s, p, _o in got)


@pytest.mark.parametrize("text", [
    "The secretary-general of the Tarrow Brigade, Omar Haddad, said on Friday.",
    "Omar Haddad, secretary-general of the Tarrow Brigade, spoke on Friday.",
    "The Tarrow Brigade's secretary-general, Omar Haddad, said on Friday.",
])
def test_a_hyphenated_role_is_read_whichever_part_the_parser_heads(nlp, text: str) -> None:  # noqa: ANN001
    """The tokenizer splits 'secretary-general' in three; the parser hangs the phrase on either part."""
    got = triples(nlp, text, [("Omar Haddad", "PERSON"), ("Tarrow Brigade", "ORG")])
    assert ("Omar Haddad", "leads", "Tarrow Brigade") in got
