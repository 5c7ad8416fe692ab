"""Tests of the linkchart_mentions component over small hand-made sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.mentions import mentions_from_doc
from linkchart.extract.pipeline import extract_article
from linkchart.models import Mention


def found(nlp: Language, text: str) -> dict[str, Mention]:
    """Return the mentions of `text` by their text."""
    return {m.text: m for m in mentions_from_doc(nlp(text))}


def test_component_is_registered_after_ner(nlp: Language) -> None:
    assert nlp.pipe_names.index("linkchart_mentions") == nlp.pipe_names.index("ner") + 1
    assert "lemmatizer" in nlp.pipe_names  # relation rules match verbs by lemma


def test_title_is_role_not_part_of_the_name(nlp: Language) -> None:
    ms = found(nlp, "Yesterday Sheikh Karim al-Nouri met Major-General Farid Haddad in Basra.")
    assert ms["Karim al-Nouri"].label == "PERSON"
    assert ms["Karim al-Nouri"].role == "Sheikh"
    assert ms["Farid Haddad"].label == "PERSON"
    assert ms["Farid Haddad"].role == "Major-General"


def test_quoted_nickname_keeps_its_honorific(nlp: Language) -> None:
    ms = found(nlp, "The prisoner said he reported to ‘Hajj Mansour,’ an officer he met in 2004.")
    assert ms["Hajj Mansour"].label == "PERSON"
    assert ms["Hajj Mansour"].role == "Hajj"


def test_role_noun_before_name_makes_a_person(nlp: Language) -> None:
    ms = found(nlp, "The group's spokesman Tariq Bazzi denied the report.")
    assert ms["Tariq Bazzi"].label == "PERSON"
    assert ms["Tariq Bazzi"].role == "spokesman"


def test_org_head_makes_an_org_and_stays_in_span(nlp: Language) -> None:
    ms = found(nlp, "Fighters of the Saraya Talaat Brigades crossed the river with the Nahrain Force.")
    assert ms["Saraya Talaat Brigades"].label == "ORG"
    assert ms["Nahrain Force"].label == "ORG"


def test_arabic_particles_join_one_name(nlp: Language) -> None:
    ms = found(nlp, "Abu Hamza al-Tikriti and Umm Salim spoke to Abdul Karim Qasimi on Monday.")
    assert "Abu Hamza al-Tikriti" in ms
    assert ms["Abu Hamza al-Tikriti"].label == "PERSON"


def test_acronyms_are_orgs_unless_countries(nlp: Language) -> None:
    ms = found(nlp, "Officials from the KNF and the UK met an envoy of the US in a hotel owned by an NGO.")
    assert ms["KNF"].label == "ORG"
    assert ms["UK"].label == "GPE"
    assert ms["US"].label == "GPE"
    assert "NGO" not in ms  # 'an NGO' is a common noun


def test_the_and_possessive_are_stripped_and_possessives_split(nlp: Language) -> None:
    ms = found(nlp, "The Badr Organization's offices were raided by Hamid's Jaysh al-Nasr fighters.")
    assert "Badr Organization" in ms
    assert "Jaysh al-Nasr" in ms and ms["Jaysh al-Nasr"].label == "ORG"
    assert not any(t.startswith("The ") or t.endswith("'s") for t in ms)


def test_name_with_acronym_in_brackets_gives_two_mentions(nlp: Language) -> None:
    ms = found(nlp, "The National Defence Brigades (NDB) recruited in Homs.")
    assert ms["National Defence Brigades"].label == "ORG"
    assert ms["NDB"].label == "ORG"


def test_nationalities_and_numbers_are_not_mentions(nlp: Language) -> None:
    ms = found(nlp, "Some 3,000 Iraqi and Iranian fighters, mostly Shia, arrived in 2015.")
    assert not any(m.label == "NORP" for m in ms.values())
    assert {"Iraqi", "Iranian", "Shia", "3,000", "2015"}.isdisjoint(ms)


def test_page_furniture_is_not_a_mention(nlp: Language) -> None:
    assert found(nlp, "Select Language") == {}
    assert "Share" not in found(nlp, "Share")


def test_appositive_description_and_role(nlp: Language) -> None:
    ms = found(nlp, "Karim Saadi, the commander of the Nahrain Force, was arrested in Mosul.")
    m = ms["Karim Saadi"]
    assert m.label == "PERSON"
    assert m.role == "commander"
    assert m.description == "the commander of the Nahrain Force"


def test_place_nouns_type_places(nlp: Language) -> None:
    ms = found(nlp, "They stayed in the town of Kfar Sabt, west of Tel Qasr.")
    assert ms["Kfar Sabt"].label == "GPE"


def test_a_place_noun_before_of_is_the_places_role(nlp: Language) -> None:
    # the role carries the description to the entity's type vote, over the model's label of the name elsewhere
    assert found(nlp, "Mirza set up operations in Varnland's capital of Osla.")["Osla"].role == "capital"
    assert found(nlp, "They stayed in the town of Kfar Sabt.")["Kfar Sabt"].role == "town"
    assert found(nlp, "They camped west of Tel Qasr.")["Tel Qasr"].role is None  # a direction describes nothing


def test_led_by_types_both_sides(nlp: Language) -> None:
    ms = found(nlp, "The fighters joined Liwa al-Fajr, led by Saad Qutaini, in the spring.")
    assert ms["Liwa al-Fajr"].label == "ORG"
    assert ms["Saad Qutaini"].label == "PERSON"


def test_sentence_span_points_at_the_sentence(nlp: Language) -> None:
    text = "Nothing happened on Sunday. Then Sheikh Karim Nouri arrived in Basra."
    doc = nlp(text)
    m = next(m for m in mentions_from_doc(doc, offset=10) if m.text == "Karim Nouri")
    assert (m.sentence_start - 10, m.sentence_end - 10) == (28, len(text))
    assert text[m.start - 10 : m.end - 10] == "Karim Nouri"


def test_description_without_determiner(nlp: Language) -> None:
    ms = found(nlp, "Karim Saadi, head of the paramilitary group Liwa al-Fajr, spoke on Tuesday.")
    assert ms["Karim Saadi"].description == "head of the paramilitary group Liwa al-Fajr"


def test_compass_word_and_place_make_one_loc(nlp: Language) -> None:
    ms = found(nlp, "Rockets were fired from south Lebanon and later from northern Iraq.")
    assert ms["south Lebanon"].label == "LOC"
    assert ms["northern Iraq"].label == "LOC"
    assert "Lebanon" not in ms and "Iraq" not in ms


def test_led_compounds_are_orgs(nlp: Language) -> None:
    ms = found(nlp, "The U.S.-led coalition forces left, and coalition forces handed over to the UK-led coalition.")
    assert ms["U.S.-led coalition forces"].label == "ORG"
    assert ms["UK-led coalition"].label == "ORG"
    assert "UK" not in ms


def article_mentions(nlp: Language, text: str) -> list[str]:
    """Return the mention texts of `text` as one article, paragraphs split on blank lines."""
    spans, pos = [], 0
    for para in text.split("\n\n"):
        spans.append((pos, pos + len(para)))
        pos += len(para) + 2
    return [m.text for m in extract_article(text, spans, None, nlp).mentions]


def test_coalition_forces_and_the_coalition(nlp: Language) -> None:
    text = "Coalition jets flew, coalition forces advanced, the France-led coalition struck, and the coalition left."
    ms = found(nlp, text)
    assert ms["coalition forces"].label == "ORG"
    assert ms["coalition"].label == "ORG"
    assert ms["France-led coalition"].label == "ORG"
    assert "coalition" not in found(nlp, "The coalition of parties was never formed, and coalition talks failed.")


def test_one_word_reference_needs_an_earlier_name_in_the_article(nlp: Language) -> None:
    introduced = ("The Gulf Policy Forum met in May.\n\n"
                  "Later the Forum and the coalition left; the Italy-led coalition stayed.")
    assert article_mentions(nlp, introduced).count("Forum") == 1
    assert "coalition" not in article_mentions(nlp, introduced)  # named only after the reference
    assert "Forum" not in article_mentions(nlp, "Later the Forum met again in Rome.")


def test_frontier_between_two_nations_is_one_place(nlp: Language) -> None:
    ms = found(nlp, "Troops patrolled the Iran-Iraq border and then the Turkish–Syrian frontier.")
    assert ms["Iran-Iraq border"].label == "LOC"
    assert ms["Turkish–Syrian frontier"].label == "LOC"
    assert "Ocean-Iraq border" not in found(nlp, "Ships left the Ocean-Iraq border.")


def test_possessive_country_joins_its_forces(nlp: Language) -> None:
    ms = found(nlp, "In May Norway’s Defence Forces and Iraq's parliament said nothing.")
    assert ms["Norway’s Defence Forces"].label == "ORG"
    assert ms["Iraq's parliament"].label == "ORG"


def test_quoted_name_after_organisation_noun(nlp: Language) -> None:
    ms = found(nlp, "Police raided an NGO, “Rivers Without Walls,” and the group “Free Valley” in May.")
    assert ms["Rivers Without Walls"].label == "ORG"
    assert ms["Free Valley"].label == "ORG"


def test_publication_title_with_the(nlp: Language) -> None:
    ms = found(nlp, "She has written for the Financial Times and The Listener, and she told The Courier in May.")
    assert ms["The Listener"].label == "ORG"  # a capitalised 'The' inside a sentence is part of the title
    assert ms["The Courier"].label == "ORG"


def test_organisation_name_joined_by_and(nlp: Language) -> None:
    ms = found(
        nlp, "He taught at the School of Oriental and African Studies before the Institute for Peace and Security."
    )
    assert ms["School of Oriental and African Studies"].label == "ORG"
    assert ms["Institute for Peace and Security"].label == "ORG"
    ms = found(nlp, "The Ministry of Defence and Hamid Karimi denied it.")
    assert "Ministry of Defence and Hamid Karimi" not in ms


def test_lone_capitalised_word_after_locative_preposition_is_a_place(nlp: Language) -> None:
    # spaCy's own label varies with the sentence, so clear it and let the component decide
    text = "The cell kept a safehouse in Ahvaz and the money came from Allah in March."
    with nlp.select_pipes(disable=["linkchart_mentions"]):
        doc = nlp(text)
    doc.ents = [e for e in doc.ents if e.text != "Ahvaz"]
    ms = {m.text: m for m in mentions_from_doc(nlp.get_pipe("linkchart_mentions")(doc))}
    assert ms["Ahvaz"].label == "GPE"
    assert "Allah" not in ms and "March" not in ms


def test_person_typed_names_in_place_contexts_become_places(nlp: Language) -> None:
    ms = found(nlp, "Militias moved between Deir ez-Zor and al-Mayadin, near Abu Kamal.")
    assert ms["al-Mayadin"].label == "GPE"
    ms = found(nlp, "They met at the facility at Tall Qadim, 13 km south of Homs.")
    assert ms["Tall Qadim"].label == "GPE"


def test_a_nations_border_with_another_is_one_place(nlp: Language) -> None:
    ms = found(nlp, "Fighters toured the Chilean border with Peru and the Iraqi border with Saudi Arabia.")
    assert ms["Chilean border with Peru"].label == "LOC"
    assert ms["Iraqi border with Saudi Arabia"].label == "LOC"


def test_a_title_word_opening_an_institutions_name_stays_in_it(nlp: Language) -> None:
    ms = found(nlp, "They wrote reports for the Supreme Council of Maritime Affairs in May.")
    assert ms["Supreme Council of Maritime Affairs"].label == "ORG"


def test_a_name_of_a_state_and_a_region_stays_one_name(nlp: Language) -> None:
    for text in ("Fighters of the Islamic Emirate of Kalvia and the Levant attacked the town.",
                 "The Popular Front of Borduria and the Sahel claimed the attack.",
                 "The Free State of Ostra and the Marches was proclaimed in 1920."):
        names = [m.text for m in mentions_from_doc(nlp(text))]
        assert any(n.endswith(("and the Levant", "and the Sahel", "and the Marches")) and " of " in n
                   for n in names), (text, names)


def test_a_name_and_a_country_or_body_after_it_stay_two(nlp: Language) -> None:
    for text, second in (("The Council of Ostra and the United States signed the accord.", "United States"),
                         ("The Bank of Ostra and the Treasury disagreed.", "Treasury"),
                         ("The University of Ostra and the Midlands Trust agreed.", "Midlands Trust")):
        names = [m.text for m in mentions_from_doc(nlp(text))]
        assert second in names and not any(" and the " in n for n in names), (text, names)


def test_a_bank_of_a_place_is_one_organisation(nlp: Language) -> None:
    ms = found(nlp, "Norvik Bank of Scotland chief executive Edda Morn spoke. The Central Bank of Eldoria cut rates.")
    assert "Norvik Bank of Scotland" in ms and "Central Bank of Eldoria" in ms
    assert ms["Central Bank of Eldoria"].label == "ORG"


def test_a_bank_is_an_organisation_but_a_west_bank_a_place() -> None:
    from linkchart.resolve.typing import head_type
    assert head_type("Eldoria Development Bank") == "ORG"
    assert head_type("West Bank") == "LOC"


def test_a_hyphenated_given_name_stays_with_its_family_name(nlp: Language) -> None:
    ms = found(nlp, "Paek Sung-ho, executive director of the fund, said the loan was safe.")
    assert "Paek Sung-ho" in ms and ms["Paek Sung-ho"].label == "PERSON"


def test_a_plural_possessive_inside_a_union_name(nlp: Language) -> None:
    ms = found(nlp, "The Transport and Harbour Workers' Union said its 9,000 members would strike.")
    assert any(t.startswith("Transport and Harbour Workers") and t.endswith("Union") for t in ms)


def test_a_plural_group_word_is_no_first_name(nlp: Language) -> None:
    ms = found(nlp, "The all-party group, including Liberals Tomas Belder and Sir Ivo Crane, met on Monday.")
    assert "Tomas Belder" in ms and not any(t.startswith("Liberals") for t in ms)


def test_a_country_named_like_a_plural_nationality_stays_a_place(nlp: Language) -> None:
    ms = found(nlp, "The reserve lies in the upper reaches of the river in Nueva Ecija, Philippines.")
    assert "Philippines" in ms and ms["Philippines"].label == "GPE"


def test_a_nationality_alone_is_no_organisation(nlp: Language) -> None:
    assert "Ugandan" not in found(nlp, "Lena Varg is a Ugandan composer of classical music.")


def _with_model_label(nlp: Language, text: str, name: str, label: str) -> dict[str, str]:
    """Return the mentions' labels of `text` when the model labelled `name` (alone) `label`."""
    doc = nlp.make_doc(text)
    for pipe_name, pipe in nlp.pipeline:
        if pipe_name == "linkchart_mentions":
            start = text.index(name)
            doc.ents = [doc.char_span(start, start + len(name), label=label)]
            doc = pipe(doc)
            break
        doc = pipe(doc)
    return {m.text: m.label for m in mentions_from_doc(doc)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dragana Vukelić (; born 29 June 1947) lives in Ostrava.", "Dragana Vukelić"),
        ("Dragana Vukelić (born 1947) lives in Ostrava.", "Dragana Vukelić"),
        ("Dragana Vukelić (died 1990) lived in Ostrava.", "Dragana Vukelić"),
        ("Dragana Vukelić (née Tomašević) lives in Ostrava.", "Tomašević"),
    ],
)
def test_a_name_born_married_or_dead_in_its_bracket_is_a_person(nlp: Language, text: str, name: str) -> None:
    assert _with_model_label(nlp, text, name, "ORG")[name] == "PERSON"


def test_a_founding_year_in_a_bracket_makes_no_person(nlp: Language) -> None:
    labels = _with_model_label(nlp, "Varn Records (founded 1990) is a label.", "Varn Records", "ORG")
    assert labels["Varn Records"] == "ORG"
