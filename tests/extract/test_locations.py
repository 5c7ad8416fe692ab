"""Places inside places that the text states in two parts ('X is a town in A, B': X is in B too), and the
constructions of located_in the relation rules read. Invented names; mentions set by hand."""

from __future__ import annotations

import pytest
from parsed_text import article_triples, facts, parse, triples

from linkchart.extract.facts import fact_reader
from linkchart.extract.locations import nation_named


@pytest.mark.parametrize("text", [
    "Brennick is a town in Ostra County, Varnland.",
    "Brennick, a village in Ostra County, Varnland, was shelled.",
    "The Orla Mill is a museum in Ostra County, Varnland.",
    "Brennick is a hamlet in Ostra County, in Varnland.",
])
def test_a_place_in_a_chain_of_places_is_in_each(nlp, text: str) -> None:  # noqa: ANN001
    first = "Orla Mill" if "Orla" in text else "Brennick"
    got = facts(nlp, text, [(first, "FAC" if first == "Orla Mill" else "GPE"), ("Ostra County", "GPE"),
                            ("Varnland", "GPE")])
    assert {(first, "located_in", "Ostra County"), (first, "located_in", "Varnland")} <= {g[:3] for g in got}


def test_the_chain_rule_composes_two_stated_links(nlp) -> None:  # noqa: ANN001
    got = facts(nlp, "Vard is based in Ostra County, Varnland.",
                [("Vard", "ORG"), ("Ostra County", "GPE"), ("Varnland", "GPE")])
    assert ("Vard", "located_in", "Varnland", "located_in_chain") in got
    assert ("Ostra County", "located_in", "Varnland", "place_comma_place") in got


def test_no_chain_through_a_list_or_a_denial(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Delegates came from Brennick, Ostra and Varnland.",
                  [("Brennick", "GPE"), ("Ostra", "GPE"), ("Varnland", "GPE")])
    assert not any(p == "located_in" for _, p, _ in got)
    got = facts(nlp, "Brennick is not in Ostra County, Varnland.",
                [("Brennick", "GPE"), ("Ostra County", "GPE"), ("Varnland", "GPE")])
    assert not any(rule == "located_in_chain" for *_, rule in got)


def test_a_chain_never_loops_back(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Brennick is a town in Ostra. Ostra is a district in Brennick.",
                  [("Brennick", "GPE"), ("Ostra", "GPE")])
    assert ("Brennick", "located_in", "Brennick") not in got


@pytest.mark.parametrize("text,ents,want", [
    # a chain of places followed by another name after a comma: the chain ends where the places end
    ("Besides its head office in Ostrava, Varnland, Greyfield keeps an office in Brennick.",
     [("Ostrava", "GPE"), ("Varnland", "GPE"), ("Greyfield", "ORG"), ("Brennick", "GPE")],
     ("Ostrava", "located_in", "Varnland")),
    # a building or site first: 'the Orla Museum, Ostrava, Varnland'
    ("The medal is shown at the Orla Museum, Ostrava, Varnland.",
     [("Orla Museum", "FAC"), ("Ostrava", "GPE"), ("Varnland", "GPE")], ("Orla Museum", "located_in", "Ostrava")),
    ("He studied at Brennick University, Varnland.",
     [("Brennick University", "ORG"), ("Varnland", "GPE")], ("Brennick University", "located_in", "Varnland")),
    # a place noun after a name inside the chain: 'Ostra mandal, Tull district, Varnland'
    ("Brennick is a village in Ostra district, Tull Province, Varnland.",
     [("Brennick", "GPE"), ("Ostra", "GPE"), ("Tull Province", "GPE"), ("Varnland", "GPE")],
     ("Ostra", "located_in", "Tull Province")),
])
def test_comma_chains_of_places(nlp, text: str, ents, want) -> None:  # noqa: ANN001
    assert want in triples(nlp, text, ents)


def test_an_organisation_that_is_no_site_is_not_in_the_place_after_its_comma(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "The Harbour Party, Varnland's largest, won.", [("Harbour Party", "ORG"), ("Varnland", "GPE")])
    assert ("Harbour Party", "located_in", "Varnland") not in got
    got = triples(nlp, "Greyfield Partners, Varnland and Ostra signed the deal.",
                  [("Greyfield Partners", "ORG"), ("Varnland", "GPE"), ("Ostra", "GPE")])
    assert not any(p == "located_in" for _, p, _ in got)


@pytest.mark.parametrize("text,ents,want", [
    ("Before the war he attended Brennick School in Ostrava.", [("Brennick School", "ORG"), ("Ostrava", "GPE")],
     ("Brennick School", "located_in", "Ostrava")),
    ("The band played at the Orla Theatre in Ostrava.", [("Orla Theatre", "ORG"), ("Ostrava", "GPE")],
     ("Orla Theatre", "located_in", "Ostrava")),
])
def test_a_site_named_organisation_in_a_place(nlp, text: str, ents, want) -> None:  # noqa: ANN001
    assert want in triples(nlp, text, ents)


def test_an_organisation_in_a_place_is_not_located_there(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "The Harbour Party in Varnland lost the vote.", [("Harbour Party", "ORG"), ("Varnland", "GPE")])
    assert ("Harbour Party", "located_in", "Varnland") not in got


@pytest.mark.parametrize("text,ents,want", [
    ("Ostra is a county in the Tull region of Varnland.", [("Ostra", "GPE"), ("Tull", "LOC"), ("Varnland", "GPE")],
     ("Tull", "located_in", "Varnland")),
    ("He ruled the Tull district of Varnland for ten years.", [("Tull", "GPE"), ("Varnland", "GPE")],
     ("Tull", "located_in", "Varnland")),
    ("The square lies in Ostrava's Tull district.", [("Ostrava", "GPE"), ("Tull", "GPE")],
     ("Tull", "located_in", "Ostrava")),
    ("The falls are in the Portugal state of Varnland.", [("Portugal", "GPE"), ("Varnland", "GPE")],
     ("Varnland", "located_in", "Portugal")),
])
def test_a_place_noun_between_two_names(nlp, text: str, ents, want) -> None:  # noqa: ANN001
    got = triples(nlp, text, ents)
    assert want in got
    assert (want[2], "located_in", want[0]) not in got


@pytest.mark.parametrize("text,ents,want", [
    ("Before the war he attended Brennick School in Ostrava.", [("Brennick School", "ORG"), ("Ostrava", "GPE")],
     ("Brennick School", "located_in", "Ostrava")),
    ("An exhibition took place at the Orla Museum in Ostrava in 2011.", [("Orla Museum", "FAC"), ("Ostrava", "GPE")],
     ("Orla Museum", "located_in", "Ostrava")),
    ("The swordsmiths took their secrets to Tull, Ostra County in Varnland.",
     [("Tull", "GPE"), ("Ostra County", "GPE"), ("Varnland", "GPE")], ("Tull", "located_in", "Varnland")),
])
def test_a_place_right_before_in_and_a_place(nlp, text: str, ents, want) -> None:  # noqa: ANN001
    assert want in triples(nlp, text, ents)


def test_no_place_next_to_in_from_a_person_or_after_from(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Karl Dent met Anna Vale in Ostrava.", [("Karl Dent", "PERSON"), ("Anna Vale", "PERSON"),
                                                                ("Ostrava", "GPE")])
    assert not any(p == "located_in" for _, p, _ in got)
    got = triples(nlp, "Delegates from Brennick in Ostrava signed.", [("Brennick", "GPE"), ("Ostrava", "GPE")])
    assert ("Brennick", "located_in", "Ostrava") not in got


def test_no_place_next_to_in_when_coordinated_with_a_person(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Soldiers detained Karl Dent and Varn in Ostrava.",
                  [("Karl Dent", "PERSON"), ("Varn", "GPE"), ("Ostrava", "GPE")])
    assert ("Varn", "located_in", "Ostrava") not in got


def test_a_place_in_a_denied_clause_stays_where_it_is(nlp) -> None:  # noqa: ANN001
    text = "Greyfield Air did not reopen the Orla Museum in Ostrava."
    rels = fact_reader(nlp).read(parse(nlp, text, [("Greyfield Air", "ORG"), ("Orla Museum", "FAC"),
                                                   ("Ostrava", "GPE")]), 0, None).relations
    placed = [r for r in rels if (r.subject, r.predicate, r.object) == ("Orla Museum", "located_in", "Ostrava")]
    assert placed and not any(r.negated for r in placed)


@pytest.mark.parametrize("text", [
    "Flights to Orla and Brenn in Varnland were cancelled.",
    "Flights to Tolva, Orla and Brenn in Varnland were cancelled.",
])
def test_places_listed_before_an_in_phrase_are_in_it(nlp, text: str) -> None:  # noqa: ANN001
    names = [("Tolva", "GPE"), ("Orla", "GPE"), ("Brenn", "GPE"), ("Varnland", "GPE")]
    got = triples(nlp, text, [(n, label) for n, label in names if n in text])
    for place in ("Orla", "Brenn"):
        assert (place, "located_in", "Varnland") in got, got


def test_a_person_in_the_list_keeps_the_list_out(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Flights to Tom Vale and Brenn in Varnland were cancelled.",
                  [("Tom Vale", "PERSON"), ("Brenn", "GPE"), ("Varnland", "GPE")])
    assert ("Tom Vale", "located_in", "Varnland") not in got


@pytest.mark.parametrize("text", [
    "At Orla Group headquarters in Brenn, he was posted to a new unit.",
    "The Orla Group's headquarters in Brenn were raided.",
])
def test_an_organisation_s_headquarters_in_a_place_puts_it_there(nlp, text: str) -> None:  # noqa: ANN001
    got = facts(nlp, text, [("Orla Group", "ORG"), ("Brenn", "GPE")])
    assert ("Orla Group", "located_in", "Brenn", "noun_headquarters") in got


def test_the_subject_of_a_strike_on_a_base_is_not_there(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Varnland struck a base in Brenn on Monday.", [("Varnland", "GPE"), ("Brenn", "GPE")])
    assert ("Varnland", "located_in", "Brenn") not in got


def test_an_area_of_a_town_is_in_the_town(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Voters in the Ostra area of Brenn did not receive their papers.",
                  [("Ostra", "GPE"), ("Brenn", "GPE")])
    assert ("Ostra", "located_in", "Brenn") in got


def test_a_name_opening_the_clause_after_a_comma_is_no_container(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "In Brenn, Tolva played ten dates at the arena.", [("Brenn", "GPE"), ("Tolva", "GPE")])
    assert ("Brenn", "located_in", "Tolva") not in got
    got = triples(nlp, "In Brenn, Varnland, officials met.", [("Brenn", "GPE"), ("Varnland", "GPE")])
    assert ("Brenn", "located_in", "Varnland") in got


def test_a_town_and_its_state_opening_a_sentence_stay_a_chain(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Tolva, Varnland is a small town.", [("Tolva", "GPE"), ("Varnland", "GPE")])
    assert ("Tolva", "located_in", "Varnland") in got


@pytest.mark.parametrize("text", [
    "The studio has branches in Tolva, Portugal, Brenn, Spain.",
    "Offices are in Tolva, Portugal, Brenn, Spain, Orla, Italy and elsewhere.",
    "Its studios were opened in Tolva, Portugal, Brenn, Spain, in 1999.",
])
def test_a_list_of_towns_each_with_its_country_is_a_chain_per_country(nlp, text: str) -> None:  # noqa: ANN001
    names = [("Tolva", "GPE"), ("Portugal", "GPE"), ("Brenn", "GPE"), ("Spain", "GPE"), ("Orla", "GPE"),
             ("Italy", "GPE")]
    got = triples(nlp, text, [(n, label) for n, label in names if n in text])
    assert {("Tolva", "located_in", "Portugal"), ("Brenn", "located_in", "Spain")} <= got, got
    assert not any(o == "Spain" and s == "Tolva" or s in {"Portugal", "Spain"} for s, p, o in got if p == "located_in")


@pytest.mark.parametrize("text,ents,want", [
    ("The camp lies close to Brennick in Ostra County.", [("Brennick", "GPE"), ("Ostra County", "GPE")],
     ("Brennick", "located_in", "Ostra County")),
    ("The mill stood next to Tull Abbey in Ostrava.", [("Tull Abbey", "FAC"), ("Ostrava", "GPE")],
     ("Tull Abbey", "located_in", "Ostrava")),
    ("It is located beside the depot in Kelm, close to Brennick in Orlshire, Varnland.",
     [("Kelm", "GPE"), ("Brennick", "GPE"), ("Orlshire", "GPE"), ("Varnland", "GPE")],
     ("Brennick", "located_in", "Orlshire")),
])
def test_a_place_close_to_which_another_is_named_is_in_the_place_after_it(nlp, text: str, ents,  # noqa: ANN001
                                                                           want) -> None:
    assert want in triples(nlp, text, ents)


def test_a_journey_to_a_place_in_another_says_nothing_of_the_first(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Officials flew to Brennick in Ostrava.", [("Brennick", "GPE"), ("Ostrava", "GPE")])
    assert ("Brennick", "located_in", "Ostrava") not in got


@pytest.mark.parametrize("text,ents,want", [
    ("Brennick lies in Ostra County.", [("Brennick", "GPE"), ("Ostra County", "GPE")],
     ("Brennick", "located_in", "Ostra County")),
    ("Kelm Springs is in the Tull Mountains.", [("Kelm Springs", "GPE"), ("Tull Mountains", "LOC")],
     ("Kelm Springs", "located_in", "Tull Mountains")),
    ("Brennick belongs to the municipality of Ostrava.", [("Brennick", "GPE"), ("Ostrava", "GPE")],
     ("Brennick", "located_in", "Ostrava")),
    ("The Orla Museum sits in Ostrava.", [("Orla Museum", "FAC"), ("Ostrava", "GPE")],
     ("Orla Museum", "located_in", "Ostrava")),
])
def test_a_place_that_is_lies_or_belongs_in_a_place_is_in_it(nlp, text: str, ents, want) -> None:  # noqa: ANN001
    assert (*want, "verb_place_in") in facts(nlp, text, ents)


def test_a_person_in_a_place_or_a_place_in_talks_is_not_located_by_the_copula(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Karl Dent is in Ostrava.", [("Karl Dent", "PERSON"), ("Ostrava", "GPE")])
    assert ("Karl Dent", "located_in", "Ostrava") not in got
    got = triples(nlp, "Brennick is in talks with the Orla Party.", [("Brennick", "GPE"), ("Orla Party", "ORG")])
    assert not any(p == "located_in" for _, p, _ in got)


def _named(text: str, ents: list[tuple[str, str]]) -> set[tuple[str, str, str]]:
    from linkchart.extract.locations import named_places
    from linkchart.extract.relations import load_rules
    from linkchart.models import Mention
    mentions = []
    for surface, label in ents:
        start = text.index(surface)
        mentions.append(Mention(start, start + len(surface), surface, label, 0, len(text)))
    rules = load_rules()
    return {(r.subject, r.predicate, r.object) for r in named_places(mentions, rules["place_name_rule"],
                                                                     rules["site_nouns"])}


@pytest.mark.parametrize("text,ents,want", [
    ("She taught at the University of Tullmouth for years; Tullmouth was her home.",
     [("University of Tullmouth", "ORG"), ("Tullmouth", "GPE")],
     ("University of Tullmouth", "located_in", "Tullmouth")),
    ("He taught at Brennick High School. Brennick grew fast.",
     [("Brennick High School", "ORG"), ("Brennick", "GPE")], ("Brennick High School", "located_in", "Brennick")),
    ("Flights left Orla Vale Airport for Kelm. Orla Vale lies in the hills.",
     [("Orla Vale Airport", "FAC"), ("Orla Vale", "GPE")], ("Orla Vale Airport", "located_in", "Orla Vale")),
])
def test_an_organisation_or_site_named_after_a_place_the_article_names_is_in_it(text: str, ents, want) -> None:  # noqa: ANN001
    assert want in _named(text, ents)


def test_no_place_from_a_name_the_article_does_not_name_or_a_river_or_a_town(nlp) -> None:  # noqa: ANN001
    assert not _named("He taught at Brennick High School.", [("Brennick High School", "ORG")])
    assert not _named("He sat on the Brennick City Council. Brennick grew fast.",
                      [("Brennick City Council", "ORG"), ("Brennick", "GPE")])
    assert not _named("The Tull River runs past East Tull. Tull is a town.",
                      [("Tull River", "LOC"), ("East Tull", "GPE"), ("Tull", "GPE")])


@pytest.mark.parametrize("text,ents,want", [
    ("Tullmouth is home to the Orla Museum.", [("Tullmouth", "GPE"), ("Orla Museum", "FAC")],
     ("Orla Museum", "located_in", "Tullmouth")),
    ("Tullmouth is home to several firms such as Kelmco.", [("Tullmouth", "GPE"), ("Kelmco", "ORG")],
     ("Kelmco", "located_in", "Tullmouth")),
    ("Tullmouth is home to several villages, including Kelm and Orsk.",
     [("Tullmouth", "GPE"), ("Kelm", "GPE"), ("Orsk", "GPE")], ("Orsk", "located_in", "Tullmouth")),
])
def test_what_a_place_is_home_to_is_in_it(nlp, text: str, ents, want) -> None:  # noqa: ANN001
    assert want in triples(nlp, text, ents)


def test_a_person_is_home_to_nothing(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Ann Roe is home to Tullmouth.", [("Ann Roe", "PERSON"), ("Tullmouth", "GPE")])
    assert not any(p == "located_in" for _, p, _ in got)


def _article(nlp, text: str) -> tuple[set[tuple[str, str]], set[tuple[str, str, str]]]:  # noqa: ANN001
    from linkchart.extract.pipeline import extract_article
    found = extract_article(text, [(0, len(text))], None, nlp)
    return {(m.text, m.label) for m in found.mentions}, {(r.subject, r.predicate, r.object) for r in found.relations}


@pytest.mark.parametrize("text,name", [
    ("Durgada is a rural village in Gollaprolu mandal, East Godavari district, Andhra Pradesh, India.", "Gollaprolu"),
    ("Kelmany is a small village in Tull County, Orla Voivodeship, Poland.", "Orla Voivodeship"),
    ("The farm lies in Ann Weston, Kelm County, Portugal.", "Ann Weston"),
])
def test_every_link_of_a_chain_of_places_ending_in_a_country_is_a_place(nlp, text: str,  # noqa: ANN001
                                                                        name: str) -> None:
    mentions, _ = _article(nlp, text)
    assert (name, "GPE") in mentions, mentions


def test_a_person_before_a_place_is_no_link_of_a_chain(nlp) -> None:  # noqa: ANN001
    mentions, _ = _article(nlp, "The letter was signed by Ann Weston, Texas.")
    assert ("Ann Weston", "GPE") not in mentions


def test_a_local_word_for_a_unit_keeps_the_trail_and_the_chain_going(nlp) -> None:  # noqa: ANN001
    _, got = _article(nlp, "Durgada is a rural village in Gollaprolu mandal, East Godavari district, Andhra Pradesh, "
                           "India.")
    assert {("Durgada", "located_in", "Gollaprolu"), ("Gollaprolu", "located_in", "East Godavari district"),
            ("Durgada", "located_in", "Andhra Pradesh")} <= got, got


def test_a_site_named_after_a_place_is_placed_on_a_reference_page_only(nlp) -> None:  # noqa: ANN001
    page = "Tullmouth is a town in Portugal.\nIts people fly from Tullmouth Airport, and Tullmouth grew around it."
    news = "Police closed Tullmouth Airport on Monday, and Tullmouth was quiet."
    _, on_page = _article(nlp, page)
    _, in_news = _article(nlp, news)
    assert ("Tullmouth Airport", "located_in", "Tullmouth") in on_page, on_page
    assert ("Tullmouth Airport", "located_in", "Tullmouth") not in in_news


@pytest.mark.parametrize("name", ["Orla Voivodeship", "Orla Oblast", "Kelm Township", "Orla Prefecture",
                                  "Kelm Municipality"])
def test_a_name_ending_in_an_administrative_unit_is_a_place(nlp, name: str) -> None:  # noqa: ANN001
    from linkchart.extract.mentions import head_label
    assert head_label(name.split()[-1]) == "GPE"


@pytest.mark.parametrize("text,inner,outer,label", [
    ("He was buried at Orla Cemetery , in Kell County , in 1906 .", "Orla Cemetery", "Kell County", "FAC"),
    ("She grew up in Pine Vale , in Kell County , near the coast .", "Pine Vale", "Kell County", "GPE"),
    ("He took a post at Brennick State University , in Dunmore , where he stayed .", "Brennick State University",
     "Dunmore", "ORG"),
])
def test_a_place_a_comma_and_an_in_phrase_put_it_inside(nlp, text: str, inner: str, outer: str,  # noqa: ANN001
                                                        label: str) -> None:
    got = facts(nlp, text, [(inner, label), (outer, "GPE")])
    assert (inner, "located_in", outer, "place_comma_in") in got


def test_a_comma_and_a_date_put_nothing_inside(nlp) -> None:  # noqa: ANN001
    got = facts(nlp, "He was born in Dunmore , in 1950 , and moved to Kell County .", [("Dunmore", "GPE"),
                                                                                       ("Kell County", "GPE")])
    assert not any(p == "located_in" for _, p, *_ in got)


@pytest.mark.parametrize("text,org,place", [
    ("Orla Varn Corporation is an American chain of variety stores headquartered in Goodvale .",
     "Orla Varn Corporation", "Goodvale"),
    ("Kell Media is a privately held data and media company headquartered in Brennick .", "Kell Media", "Brennick"),
    ("The Harrow Society is an organisation based in Dunmore , devoted to early music .", "Harrow Society",
     "Dunmore"),
])
def test_a_participle_on_a_predicate_noun_speaks_of_the_subject(nlp, text: str, org: str, place: str) -> None:  # noqa: ANN001
    got = facts(nlp, text, [(org, "ORG"), (place, "GPE")])
    assert (org, "located_in", place, "verb_based_in") in got


def test_a_participle_on_an_of_phrase_of_another_noun_says_nothing_of_the_subject(nlp) -> None:  # noqa: ANN001
    got = facts(nlp, "Tom Vale is the son of a trader based in Dunmore .", [("Tom Vale", "PERSON"),
                                                                           ("Dunmore", "GPE")])
    assert not any(s == "Tom Vale" and p == "located_in" for s, p, *_ in got)


def test_a_census_designated_place_is_a_place_noun(nlp) -> None:  # noqa: ANN001
    got = facts(nlp, "Kellby is a census - designated place in Orla Township , Varn County .",
                [("Kellby", "GPE"), ("Orla Township", "GPE"), ("Varn County", "GPE")])
    assert ("Kellby", "located_in", "Orla Township", "role_place") in got


def test_a_list_of_in_phrases_puts_nothing_inside(nlp) -> None:  # noqa: ANN001
    got = facts(nlp, "The group gets money from minorities such as those in West Varnia , in Ostria and also in the "
                     "south .", [("West Varnia", "LOC"), ("Ostria", "GPE")])
    assert not any(p == "located_in" for _, p, *_ in got)


@pytest.mark.parametrize("text", [
    "Harrow Kell ( 8 November 1833 in Brennick , Ostra – 3 December 1912 in Tullmouth ) was a doctor .",
    "Harrow Kell (8 November 1833, Brennick, Ostra — 3 December 1912, Tullmouth) was a doctor.",
    "Harrow Kell was born in Brennick, Ostra – a mill town – in 1833.",
])
def test_a_dash_closes_a_comma_chain_of_places(nlp, text: str) -> None:  # noqa: ANN001
    got = facts(nlp, text, [("Harrow Kell", "PERSON"), ("Brennick", "GPE"), ("Ostra", "GPE")])
    assert ("Brennick", "located_in", "Ostra", "place_comma_place") in got


def test_a_hyphen_after_a_place_still_breaks_the_chain(nlp) -> None:  # noqa: ANN001
    got = facts(nlp, "The band toured Brennick, Ostra-Tull and Varnland.",
                [("Brennick", "GPE"), ("Ostra", "GPE"), ("Varnland", "GPE")])
    assert not any(s == "Brennick" and p == "located_in" for s, p, *_ in got)


@pytest.mark.parametrize("text,name,label,country", [
    ("He studied at the Tullmouth Technical University ( Portugal ) with a thesis .", "Tullmouth Technical University",
     "ORG", "Portugal"),
    ("The song was used by the Harbour Party (Portugal) in its campaign.", "Harbour Party", "ORG", "Portugal"),
    ("The team trained at Orla Stadium (Spain) before the final.", "Orla Stadium", "FAC", "Spain"),
])
def test_a_country_alone_in_brackets_after_a_name_is_where_it_is(nlp, text: str, name: str, label: str,  # noqa: ANN001
                                                                  country: str) -> None:
    got = facts(nlp, text, [(name, label), (country, "GPE")])
    assert (name, "located_in", country, "place_bracket_country") in got


@pytest.mark.parametrize("text,ents", [
    ("Before 1945 the area was part of Portugal (Ostra).", [("Portugal", "GPE"), ("Ostra", "GPE")]),  # a country first
    ("He was born in Brennick (Tullmouth) in 1900.", [("Brennick", "GPE"), ("Tullmouth", "GPE")]),  # an old name
    ("He met Harrow Kell (Portugal) and Orla Dunn (Spain).", [("Harrow Kell", "PERSON"), ("Portugal", "GPE")]),
])
def test_no_bracketed_country_pair_for_a_country_an_old_name_or_a_person(nlp, text: str,  # noqa: ANN001
                                                                         ents: list[tuple[str, str]]) -> None:
    assert not any(rule == "place_bracket_country" for *_, rule in facts(nlp, text, ents))


@pytest.mark.parametrize("text,examples", [
    ("Vale built several buildings in Tullmouth, such as the Orla Museum and the Varn Palace.",
     ["Orla Museum", "Varn Palace"]),
    ("He visited museums in Tullmouth, like the Orla Museum, the Dunn Gallery and the Varn Palace, last year.",
     ["Orla Museum", "Dunn Gallery", "Varn Palace"]),
    ("Her work is held in museums in Tullmouth including the Dunn Museum.", ["Dunn Museum"]),
])
def test_the_examples_of_sites_in_a_place_are_in_it(nlp, text: str, examples: list[str]) -> None:  # noqa: ANN001
    ents = [("Tullmouth", "GPE")] + [(e, "FAC") for e in examples]
    got = facts(nlp, text, ents)
    assert {(e, "located_in", "Tullmouth", "place_examples_in") for e in examples} <= got


@pytest.mark.parametrize("text,ents", [
    ("He met painters in Tullmouth, such as Harrow Kell.", [("Tullmouth", "GPE"), ("Harrow Kell", "PERSON")]),
    ("There are cities in Europe, such as Lisbon, and countries such as Portugal.",
     [("Europe", "LOC"), ("Lisbon", "GPE"), ("Portugal", "GPE")]),
    ("She toured museums in Tullmouth and saw works such as the Orla Mural.",
     [("Tullmouth", "GPE"), ("Orla Mural", "FAC")]),
])
def test_no_examples_for_people_or_another_noun(nlp, text: str, ents: list[tuple[str, str]]) -> None:  # noqa: ANN001
    got = facts(nlp, text, ents)
    assert not any(rule == "place_examples_in" and s in {"Harrow Kell", "Portugal", "Orla Mural"}
                   for s, _, _, rule in got)


@pytest.mark.parametrize("text,site,label", [
    ("He graduated from Brennick Academy in Tullmouth in 1910.", "Brennick Academy", "ORG"),
    ("The exhibition came straight from the Orla Museum in Tullmouth.", "Orla Museum", "FAC"),
    ("She moved to Varn University in Tullmouth after the war.", "Varn University", "ORG"),
])
def test_a_site_after_from_or_to_is_where_its_in_phrase_says(nlp, text: str, site: str,  # noqa: ANN001
                                                             label: str) -> None:
    got = triples(nlp, text, [(site, label), ("Tullmouth", "GPE")])
    assert (site, "located_in", "Tullmouth") in got


def test_officials_from_a_body_in_a_place_met_there(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Officials from the Harbour Ministry in Tullmouth met him.",
                  [("Harbour Ministry", "ORG"), ("Tullmouth", "GPE")])
    assert ("Harbour Ministry", "located_in", "Tullmouth") not in got


@pytest.mark.parametrize("name,country", [
    ("northern Portugal", "Portugal"),
    ("South Africa", "South Africa"),  # the compass word is part of the country's name
    ("northern South Africa", "South Africa"),
    ("South Korea", "South Korea"),
    ("South Brennick", None),
])
def test_a_compass_word_is_left_out_unless_it_is_part_of_a_country_s_name(name: str, country: str | None) -> None:
    assert nation_named(name) == country


@pytest.mark.parametrize("text,ents", [
    # the names go on past the places with commas and end a list
    ("The founders were Brennick, Ostrava, Dorn Pike, Vell Hart and Kest Lowe.",
     [("Brennick", "GPE"), ("Ostrava", "GPE"), ("Dorn Pike", "PERSON"), ("Vell Hart", "PERSON"),
      ("Kest Lowe", "PERSON")]),
    # three places and a country, then another place: a list, not a chain
    ("The firm keeps offices in Brennick, Tullmouth, Portugal and Ostrava.",
     [("Brennick", "GPE"), ("Tullmouth", "GPE"), ("Portugal", "GPE"), ("Ostrava", "GPE")]),
])
def test_a_list_of_names_is_no_chain_of_places(nlp, text: str, ents) -> None:  # noqa: ANN001
    got = facts(nlp, text, ents)
    assert not any(p == "located_in" for _, p, _, _ in got)


def test_places_each_with_its_country_in_a_list_are_each_in_it(nlp) -> None:  # noqa: ANN001
    got = facts(nlp, "Its branches are in Brennick, Portugal, Tullmouth, Spain, Switzerland and Italy.",
                [("Brennick", "GPE"), ("Portugal", "GPE"), ("Tullmouth", "GPE"), ("Spain", "GPE"),
                 ("Switzerland", "GPE"), ("Italy", "GPE")])
    pairs = {(s, o) for s, p, o, _ in got if p == "located_in"}
    assert {("Brennick", "Portugal"), ("Tullmouth", "Spain")} <= pairs
    assert ("Brennick", "Tullmouth") not in pairs


def test_a_continent_is_inside_no_country(nlp) -> None:  # noqa: ANN001
    got = article_triples(nlp, "The drink is popular in Europe, Portugal, northern Ostrava and beyond.")
    assert not any(s == "Europe" and p == "located_in" for s, p, _ in got)


@pytest.mark.parametrize("text", [
    "He grew up in the Brennick suburb of Dorn Vale.",
    "The school stands in the Brennick neighbourhood of Dorn Vale.",
    "Until 1951 the archive was housed in a building in the Brennick neighborhood of Dorn Vale.",
    "She later moved to the Brennick town of Dorn Vale.",
])
def test_a_town_or_a_part_of_one_named_after_of_is_in_the_place_before_the_noun(nlp, text: str) -> None:  # noqa: ANN001
    got = {(s, o) for s, p, o, _ in facts(nlp, text, [("Brennick", "GPE"), ("Dorn Vale", "GPE")]) if p == "located_in"}
    assert ("Dorn Vale", "Brennick") in got
    assert ("Brennick", "Dorn Vale") not in got


def test_an_administrative_unit_named_before_the_noun_is_in_the_place_after_of(nlp) -> None:  # noqa: ANN001
    got = facts(nlp, "He grew up in the Brennick district of Dorn Vale.", [("Brennick", "GPE"), ("Dorn Vale", "GPE")])
    assert ("Brennick", "located_in", "Dorn Vale") in {(s, p, o) for s, p, o, _ in got}


@pytest.mark.parametrize("text,ents", [
    ("The city of Tullmouth and its neighborhoods of Brennick, Long Orla and East Dorn lie on the river.",
     [("Tullmouth", "GPE"), ("Brennick", "GPE"), ("Long Orla", "GPE"), ("East Dorn", "GPE")]),
    ("On the east shore are the town of Tullmouth, the villages of Brennick and Kellby and the port of Dorn.",
     [("Tullmouth", "GPE"), ("Brennick", "GPE"), ("Kellby", "GPE"), ("Dorn", "GPE")]),
    ("The suburbs of Brennick, Kellby and Dorn grew fast.", [("Brennick", "GPE"), ("Kellby", "GPE"), ("Dorn", "GPE")]),
])
def test_the_places_a_plural_place_noun_lists_are_inside_no_other(nlp, text: str, ents) -> None:  # noqa: ANN001
    listed = {"Brennick", "Long Orla", "East Dorn", "Kellby", "Dorn"}
    got = facts(nlp, text, ents)
    assert not any(p == "located_in" and s in listed | {"Tullmouth"} and o in listed for s, p, o, _ in got)


def test_the_places_a_plural_place_noun_lists_are_in_the_place_it_names(nlp) -> None:  # noqa: ANN001
    got = facts(nlp, "The villages of Brennick and Kellby in Ostra County were flooded.",
                [("Brennick", "GPE"), ("Kellby", "GPE"), ("Ostra County", "GPE")])
    pairs = {(s, o) for s, p, o, _ in got if p == "located_in"}
    assert {("Brennick", "Ostra County"), ("Kellby", "Ostra County")} <= pairs
