"""A reference page's country (extract/pages.py): a page that opens by defining its subject is set in the
country that definition names, and so are the places and organisations it names after. Invented pages and names."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from linkchart.extract.pages import Opening, page_country_relations, place_nouns
from linkchart.extract.pipeline import extract_article
from linkchart.extract.relations import load_rules
from linkchart.models import Mention


def _page(nlp: Language, text: str) -> set[tuple[str, str, str, str]]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    found = extract_article(text, spans, None, nlp)
    return {(r.subject, r.predicate, r.object, r.rule) for r in found.relations}


@pytest.mark.parametrize("text,place,country", [
    ("Dunmore Vale is a small town in the north of Portugal.\nThe town lies on the road from Ostravel to "
     "Tullmouth.", "Ostravel", "Portugal"),
    ("Harrow Kell was a Portuguese painter of the nineteenth century.\nHe was born in Ostravel and studied in "
     "Tullmouth.", "Tullmouth", "Portuguese"),
    ("Orla Varn is a river of Portugal.\nIt rises near Ostravel and flows west to the sea.", "Ostravel",
     "Portugal"),
])
def test_a_place_on_a_page_is_in_the_country_its_definition_names(nlp: Language, text: str, place: str,
                                                                   country: str) -> None:
    assert (place, "located_in", country, "page_country") in _page(nlp, text)


def test_a_report_that_opens_with_a_happening_sets_no_country(nlp: Language) -> None:
    got = _page(nlp, "Police arrested two men in Portugal on Monday.\nThe men were later taken to Ostravel.")
    assert not any(rule == "page_country" for *_, rule in got)


def test_a_place_the_page_puts_in_another_country_or_a_continent_stays_out(nlp: Language) -> None:
    got = _page(nlp, "Dunmore Vale is a small town in the north of Portugal.\nIts band toured Europe and played "
                     "in Ostravel, Spain.")
    assert ("Ostravel", "located_in", "Spain", "place_comma_place") in got
    assert not any(rule == "page_country" and s in {"Ostravel", "Europe"} for s, _, _, rule in got)


@pytest.mark.parametrize("text", [
    "Harrow Kell is a Portuguese cleric.\nHe later met the envoy in Vienna.",
    "Dunmore Vale is a small town in the north of Portugal.\nIts mayor was born in Ottawa and studied in Ostravel.",
])
def test_another_countrys_capital_stays_out_of_the_page_country(nlp: Language, text: str) -> None:
    got = _page(nlp, text)
    assert not any(rule == "page_country" and s in {"Vienna", "Ottawa"} for s, _, _, rule in got)


def test_organisations_are_in_the_country_on_a_page_about_a_place(nlp: Language) -> None:
    place = _page(nlp, "Dunmore Vale is a small town in the north of Portugal.\nThe town is home to Kellan "
                       "Records and to the Ostravel Rovers.")
    person = _page(nlp, "Harrow Kell was a Portuguese singer of the nineteenth century.\nHe recorded for Kellan "
                        "Records.")
    assert ("Kellan Records", "located_in", "Portugal", "page_country") in place
    assert not any(s == "Kellan Records" and rule == "page_country" for s, _, _, rule in person)


@pytest.mark.parametrize("org", ["Tullmouth High School", "University of Tullmouth", "Portuguese National Opera"])
def test_a_site_or_anorganisation_named_by_the_country_is_in_it_on_any_page(nlp: Language, org: str) -> None:
    got = _page(nlp, f"Harrow Kell was a Portuguese singer of the nineteenth century.\nHe studied at the {org} "
                     "for three years.")
    # the national one is read from its own name first (rule country_in_name)
    assert any(s.endswith(org.split()[-1]) and p == "located_in" and rule in {"page_country", "country_in_name"}
               for s, p, _, rule in got), got


def test_a_country_named_with_a_compass_word_is_the_pages_country(nlp: Language) -> None:
    got = _page(nlp, "Dunmore Vale is a village in the district of Ostravel, in northern Portugal.\nIt lies "
                     "south of Tullmouth.")
    assert ("Tullmouth", "located_in", "Portugal", "page_country") in got  # a region named once: its country


def test_a_trail_of_places_nests_without_a_named_holder(nlp: Language) -> None:
    got = _page(nlp, "It is a village in the administrative district of Gmina Ostravel, within Tull County, in "
                     "northern Portugal.")
    assert ("Gmina Ostravel", "located_in", "Tull County", "place_trail") in got


@pytest.mark.parametrize("name", ["Olmany", "Kelmany", "Wesno"])
def test_the_place_a_page_defines_is_a_mention_even_where_the_model_misses_it(nlp: Language, name: str) -> None:
    text = f"{name} ( ) is a village in the administrative district of Gmina Tull, within Orla County, in Portugal."
    found = extract_article(text, [(0, len(text))], None, nlp)
    assert (name, "GPE") in {(m.text, m.label) for m in found.mentions}
    assert (name, "located_in", "Gmina Tull") in {(r.subject, r.predicate, r.object) for r in found.relations}


def test_no_mention_is_made_of_a_page_that_defines_no_place(nlp: Language) -> None:
    text = "Olmany ( ) is a word of greeting in the north of Portugal."
    found = extract_article(text, [(0, len(text))], None, nlp)
    assert "Olmany" not in {m.text for m in found.mentions}


def test_the_organisation_a_page_defines_is_in_its_country(nlp: Language) -> None:
    got = _page(nlp, "Kellan Records is a Portuguese record label founded in 1990.\nIts first signing was Harrow "
                     "Kell.")
    assert ("Kellan Records", "located_in", "Portuguese", "page_country") in got


@pytest.mark.parametrize("text,place", [
    ("Harrow Kell was a Portuguese painter of the nineteenth century.\nHe was born in Ostravel and studied in "
     "Tullmouth. In 1850 he left Portugal for good.", "Tullmouth"),
    ("Kellan Records is a Portuguese record label founded in 1990.\nIts studio is in Tullmouth. Most of its "
     "singers come from Portugal.", "Tullmouth"),
    ("Orla Dunn is a Portuguese poet and translator.\nShe lives in Tullmouth, far from the coast of Portugal.",
     "Tullmouth"),
])
def test_a_nationality_word_names_the_country_the_page_names_elsewhere(nlp: Language, text: str,
                                                                        place: str) -> None:
    assert (place, "located_in", "Portugal", "page_country_word") in _page(nlp, text)


@pytest.mark.parametrize("text", [
    "Dorn Vale is a novel by Portuguese writer Harrow Kell.\nIt is set in Tullmouth. It was printed in Portugal.",
    "Harrow Kell was a Portuguese-born Spanish painter.\nHe studied in Tullmouth. In 1850 he left Portugal for "
    "Spain.",
])
def test_a_nationality_word_of_another_noun_or_beside_another_sets_no_country(nlp: Language, text: str) -> None:
    assert not any(rule.startswith("page_country") for *_, rule in _page(nlp, text))


@pytest.mark.parametrize("org", ["Tullmouth City Council", "Supreme Court of Tullmouth", "VNR"])
def test_anorganisation_named_as_one_is_in_the_country_of_a_page_of_one_country(nlp: Language, org: str) -> None:
    one = _page(nlp, f"Harrow Kell was a Portuguese singer of the nineteenth century.\nIn 1850 he joined the {org}.")
    two = _page(nlp, f"Harrow Kell was a Portuguese-born Spanish singer.\nIn 1850 he joined the {org}.")
    assert any(s.endswith(org.split()[-1]) and rule == "page_country_organisation" for s, _, _, rule in one), one
    assert not any(s.endswith(org.split()[-1]) and rule.startswith("page_country") for s, _, _, rule in two), two


@pytest.mark.parametrize("name,organisation", [("Kellan Records Group", True), ("Orla Dunn", False),
                                               ("Harrow Kell Vane", False), ("Ministry of Roads", True)])
def test_a_bare_name_is_not_taken_for_an_organisation(name: str, organisation: bool) -> None:
    from linkchart.extract.pages import organisation_named
    assert organisation_named(name) is organisation


@pytest.mark.parametrize("text", [
    "Dunmore Vale is a small town in Ostra County, Tullshire, Portugal.\nThe town of Dunmore Vale lies near the "
    "towns of Ostravel and Brennick.",
    "Dunmore Vale is a village in Tullshire, Portugal.\nIt lies between the towns of Ostravel and Brennick.",
])
def test_the_places_a_page_names_are_in_the_region_its_definition_names(nlp: Language, text: str) -> None:
    got = _page(nlp, text)
    assert {("Ostravel", "located_in", "Tullshire", "page_region"),
            ("Brennick", "located_in", "Tullshire", "page_region")} <= got, got


def test_a_page_of_two_regions_or_a_place_put_elsewhere_has_no_region(nlp: Language) -> None:
    two = _page(nlp, "Dunmore Vale is a river in Tullshire and Orlshire, Portugal.\nIt flows past the towns of "
                     "Ostravel and Brennick.")
    elsewhere = _page(nlp, "Dunmore Vale is a village in Tullshire, Portugal.\nIts mayor was born in the town of "
                           "Ostravel, Orlshire.")
    river = _page(nlp, "Dunmore Vale is a village on the Orla River, Portugal.\nIt lies between the towns of "
                       "Ostravel and Brennick.")
    assert not any(rule == "page_region" for *_, rule in two)
    assert not any(rule == "page_region" for *_, rule in river)
    assert not any(s == "Ostravel" and rule == "page_region" for s, _, _, rule in elsewhere)


def test_an_organisation_on_a_place_page_is_in_its_region_too(nlp: Language) -> None:
    place = _page(nlp, "Dunmore Vale is a small town in Ostra County, Tullshire, Portugal.\nThe Kelm City Council "
                       "meets in the old hall.")
    person = _page(nlp, "Harrow Kell is a singer from Ostra County, Tullshire, Portugal.\nThe Kelm City Council "
                        "gave him a medal.")
    assert ("Kelm City Council", "located_in", "Tullshire", "page_region") in place, place
    assert not any(s == "Kelm City Council" and rule == "page_region" for s, _, _, rule in person)


@pytest.mark.parametrize("text,place,country", [
    # the parser hangs the copula under a later clause: the first copula still defines the page
    ("Harrow Kell ( 1555 - 1642 ) was a Portuguese painter born in Ostravel , hence he is known as the Ostravine .\n"
     "He died at Tullmouth .", "Tullmouth", "Portuguese"),
    ("Orla Varn , known in the north as Varna , is a Portuguese film directed by Ann Roe .\nIt was shot in Tullmouth .",
     "Tullmouth", "Portuguese"),
    # a definition that says only where its subject is
    ("The Kell Ski Museum is located at the foot of the Orla jump in Ostravel , Portugal .\nIts hall was built in "
     "Tullmouth .", "Tullmouth", "Portugal"),
    ("Dunmore Vale is situated in the north of Portugal .\nThe road runs to Tullmouth .", "Tullmouth", "Portugal"),
])
def test_an_opening_the_parser_reads_another_way_still_sets_the_country(nlp: Language, text: str, place: str,
                                                                        country: str) -> None:
    assert (place, "located_in", country, "page_country") in _page(nlp, text)


def test_an_opening_whose_first_verb_is_not_its_copula_sets_no_country(nlp: Language) -> None:
    got = _page(nlp, "Harrow Kell wrote that Dunmore Vale is a town in Portugal .\nHe later lived in Tullmouth .")
    assert not any(rule == "page_country" and s == "Tullmouth" for s, _, _, rule in got)


@pytest.mark.parametrize("country", ["Scotland", "Wales", "England"])
def test_a_country_of_the_united_kingdom_is_a_pages_country(nlp: Language, country: str) -> None:
    got = _page(nlp, f"The Orla estuary is an estuary on the south coast of Tullshire , {country} .\nThe estuary "
                     "starts south of the town of Brennick .")
    assert ("Brennick", "located_in", country, "page_country") in got


def test_a_nations_body_is_not_in_the_pages_region(nlp: Language) -> None:
    got = _page(nlp, "Dunmore Vale is a town in Ostra County , Tullshire , Portugal .\nThe Portuguese Census Bureau "
                     "counted its people , and Kellan Records opened a shop there .")
    assert not any(s == "Portuguese Census Bureau" and rule == "page_region" for s, _, _, rule in got), got
    assert ("Kellan Records", "located_in", "Tullshire", "page_region") in got


@pytest.mark.parametrize("text,place,region", [
    ("Dunmore Vale is a county located in the Ostra region of the Commonwealth of Tullshire .\nIts seat is Brennick ,"
     " near Kellan .", "Kellan", "Commonwealth of Tullshire"),
    ("Kell Township is a township in Ostra County , in the state of Varnia .\nIts seat is Brennick , near Kellan .",
     "Kellan", "Varnia"),
])
def test_a_page_with_a_region_and_no_country_sets_its_places_in_the_region(nlp: Language, text: str, place: str,
                                                                         region: str) -> None:
    assert (place, "located_in", region, "page_region_alone") in _page(nlp, text)


@pytest.mark.parametrize("country", ["New Zealand", "Burma", "the Czech Republic"])
def test_a_country_the_gazetteer_names_by_its_name_alone_is_a_pages_country(nlp: Language, country: str) -> None:
    got = _page(nlp, f"Dunmore Vale is a small town in the north of {country} .\nThe road runs to Tullmouth .")
    assert ("Tullmouth", "located_in", country.removeprefix("the "), "page_country") in got



@pytest.mark.parametrize("noun,kept", [("politician", False), ("footballer", False), ("town", True)])
def test_a_page_subject_named_by_a_persons_noun_is_not_in_the_pages_country(noun: str, kept: bool) -> None:
    # 'X ( born 1950 ) is a politician of Portugal.': the model may call the person's name a place (GPE); a
    # person's noun in the definition says the page's own subject is no place of that country
    text = f"Dunmore Vale ( born 1950 ) is a {noun} of Portugal ."
    subject = Mention(0, 12, "Dunmore Vale", "GPE", 0, len(text))
    country = Mention(text.index("Portugal"), text.index("Portugal") + 8, "Portugal", "GPE", 0, len(text))
    opening = Opening(0, len(text), noun, (0, 2), (0, 12), None, 1)
    rules = load_rules()
    got = page_country_relations([subject, country], [], opening, rules["page_country_rule"], place_nouns(rules),
                                 rules["site_nouns"])
    assert any(r.subject == "Dunmore Vale" for r in got) is kept


@pytest.mark.parametrize("text,pairs", [
    ("Its offices are in Tullmouth, Portugal, Ostravel, Spain and Brenna, Italy.",
     {("Tullmouth", "Portugal"), ("Ostravel", "Spain"), ("Brenna", "Italy")}),
    ("She showed her work in Kellan, Spain; Ostravel, Italy and Dunmore, Oregon.",
     {("Kellan", "Spain"), ("Ostravel", "Italy")}),
    ("The firm has plants in Tullmouth, Portugal and in Ostravel, Spain, and a depot in Kellan, Italy.",
     {("Tullmouth", "Portugal"), ("Ostravel", "Spain"), ("Kellan", "Italy")}),
])
def test_place_and_country_pairs_in_a_list_are_each_a_place_in_its_country(nlp: Language, text: str,
                                                                          pairs: set[tuple[str, str]]) -> None:
    got = {(s, o) for s, p, o, rule in _page(nlp, text) if rule == "place_comma_place"}
    assert pairs <= got, got


def test_a_list_of_places_and_countries_puts_no_place_in_a_country(nlp: Language) -> None:
    got = _page(nlp, "The band played in Lisbon, Madrid and Rome, and later in France, Spain and Italy.")
    assert not any(rule == "place_comma_place" for *_, rule in got)


def test_the_towns_of_a_page_about_a_place_are_in_the_county_its_definition_names(nlp: Language) -> None:
    got = _page(nlp, "Dunmore Vale is a village in Ostra County , Tullshire , Portugal .\nThe village lies south of "
                     "Brennick and north of Kell County .")
    assert ("Brennick", "located_in", "Ostra County", "page_district") in got, got
    assert not any(s == "Kell County" and rule == "page_district" for s, _, _, rule in got)  # a county beside it


def test_a_town_named_as_the_place_of_a_site_holds_no_other_town(nlp: Language) -> None:
    got = _page(nlp, "Dunmore Park is a park in Ostra , Tullshire , Portugal .\nIt lies south of Brennick .")
    assert not any(rule == "page_district" for *_, rule in got), got


def test_a_definition_of_a_name_opening_with_the_and_a_nationality_word_sets_the_country(nlp: Language) -> None:
    got = _page(nlp, "The Portuguese Constituent Assembly was a constitutional assembly in Portugal .\nIt met in "
                     "Ostravel and Tullmouth .")
    assert ("Tullmouth", "located_in", "Portugal", "page_country") in got, got


@pytest.mark.parametrize("text,outside", [
    ("Harrow Kell was a Portuguese sailor of the sixteenth century.\nHe served the Varnish Empire and later lived in "
     "Ostravel.", "Varnish Empire"),
    ("Harrow Kell was a Portuguese sailor of the sixteenth century.\nHe sailed for the Kingdom of Tull and later "
     "lived in Ostravel.", "Kingdom of Tull"),
    ("Dunmore Vale is a small town in the north of Portugal.\nIts harbour looks onto the Orla Sea, and a ferry runs "
     "to Ostravel.", "Orla Sea"),
    ("Dunmore Vale is a small town in the north of Portugal.\nIts boats fish the Gulf of Tull and land at "
     "Ostravel.", "Gulf of Tull"),
])
def test_a_state_or_open_water_is_not_in_the_page_country(nlp: Language, text: str, outside: str) -> None:
    got = _page(nlp, text)
    assert ("Ostravel", "located_in") in {(s, p) for s, p, _, rule in got if rule.startswith("page_country")}
    assert not any(s == outside and rule.startswith("page_") for s, _, _, rule in got)


def test_a_nationality_word_on_the_first_of_two_nouns_names_the_page_country(nlp: Language) -> None:
    # the parser hangs 'historian' on 'archaeologist' as a modifier: 'Portuguese' still qualifies the subject
    text = ("Harrow Kell ( born 2 June 1938 in Ostravel ) is a Portuguese architecture historian and classical "
            "archaeologist .\nHe took his doctorate in Tullmouth with a thesis on an old temple .\nHe never left "
            "Portugal .")
    assert ("Tullmouth", "located_in", "Portugal", "page_country_word") in _page(nlp, text)


@pytest.mark.parametrize("text,place", [
    ("The Tullmouth Museum of Art is a museum in Varnland.\nIt lies in the town of Brennick.", "Brennick"),
    ("Brennick Bridge is a bridge in Portugal.\nIt is located in the eastern part of Ostra County, Portugal.",
     "Ostra County"),
    ("Dunmore Vale is a small town in Portugal.\nIt is located in Ostra County, near Tullmouth.", "Ostra County"),
    ("Dunmore Vale is a small town in Portugal.\nThe town has a market and is situated within Ostra County.",
     "Ostra County"),
])
def test_a_later_sentence_about_it_says_where_the_page_subject_is(nlp: Language, text: str, place: str) -> None:
    got = _page(nlp, text)
    subject = text.split(" is a")[0].removeprefix("The ")
    assert (subject, "located_in", place, "page_subject_in") in got


@pytest.mark.parametrize("text", [
    "Dunmore Vale is a small town in Portugal.\nIts mayor is located in Ostra County.",  # another subject
    "Dunmore Vale is a small town in Portugal.\nIt was founded near Tullmouth in 1204.",  # no 'in' place of it
    "Harrow Kell is a Portuguese painter.\nIt is said he lived in Tullmouth.",  # a person's page
])
def test_no_later_place_for_another_subject_or_a_person(nlp: Language, text: str) -> None:
    assert not any(rule == "page_subject_in" for *_, rule in _page(nlp, text))


@pytest.mark.parametrize("text,places", [
    ("Municipal elections in Portugal fall within the jurisdiction of the regions .\nSome cities , such as "
     "Tullmouth , elect their own parks board .\nVoters in Ostravel , Dunmore and Kellford use wards .",
     {"Tullmouth", "Ostravel", "Dunmore"}),
    ("The mountain railways of Portugal refer to railway lines built in the hills .\nThe oldest line runs from "
     "Ostravel to Dunmore .\nA new line to Kellford is planned .", {"Kellford"}),
])
def test_the_places_of_a_page_about_a_countrys_things_are_in_that_country(nlp: Language, text: str,
                                                                          places: set[str]) -> None:
    got = _page(nlp, text)
    assert {s for s, p, o, rule in got if rule == "page_topic" and o == "Portugal"} == places


@pytest.mark.parametrize("text", [
    "Police in Portugal arrested two men on Monday .\nThe men were taken to Ostravel .",
    "Farmers in Portugal say the drought has ruined their crops .\nIn Ostravel the wells ran dry last week .",
    "Farmers in Portugal claim the drought ruined their crops .\nIn Ostravel the wells ran dry last week .",
    "Rebels in Portugal seize the town of Ostravel .\nThe army says Ostravel fell on Monday .",
])
def test_a_report_of_a_happening_or_a_saying_is_no_page_about_a_countrys_things(nlp: Language, text: str) -> None:
    assert not any(rule == "page_topic" for *_, rule in _page(nlp, text))


def test_a_nationality_word_that_labels_a_name_in_another_language_names_no_country(nlp: Language) -> None:
    got = _page(nlp, "Dunmore ( Spanish : Dunmoro ) is a small Portuguese town.\nIts largest street leads to "
                     "Tullmouth.\nThe town has been in Portugal since 1801.")
    assert ("Tullmouth", "located_in", "Portugal", "page_country_word") in got


@pytest.mark.parametrize("text, body", [
    ("The Sons of the Dunmore is an armed group active in Portugal.\nIt receives funding from Spain's Tull Guard "
     "and trains with the Orla Brigade.", "Tull Guard"),
    ("The Sons of the Dunmore is an armed group active in Portugal.\nIt receives funding from the Spanish Tull "
     "Guard and trains with the Orla Brigade.", "Spanish Tull Guard"),
])
def test_another_nation_s_body_is_not_in_the_page_s_country(nlp: Language, text: str, body: str) -> None:
    """Rule page_foreign_body: named as Spain's, it is not in Portugal; the page's other bodies still are."""
    got = _page(nlp, text)
    assert not any(s == body and p == "located_in" and o == "Portugal" for s, p, o, _ in got), got
    assert any(s == "Orla Brigade" and p == "located_in" and o == "Portugal" for s, p, o, _ in got), got
