"""Tests of the spans of names the model runs together or cuts short (rules two_names, opener words, given
names with a spaced hyphen); invented names throughout."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.mentions import mentions_from_doc


def texts(nlp: Language, text: str) -> set[str]:
    """Return the texts of the mentions found in `text`."""
    return {m.text for m in mentions_from_doc(nlp(text))}


@pytest.mark.parametrize(("text", "names"), [
    ("He was a member of the Constituent Assembly and Provisional Parliament during 1946 - 1950 .",
     {"Constituent Assembly", "Provisional Parliament"}),
    ("He sat in the National Assembly and Provisional Parliament from 1950 .",
     {"National Assembly", "Provisional Parliament"}),
    ("He studied at Velin University and Dorin University .", {"Velin University", "Dorin University"}),
    ("The line runs between Tarnby and Ostrup in the north .", {"Tarnby", "Ostrup"}),
])
def test_two_full_names_joined_by_and_are_two(nlp: Language, text: str, names: set[str]) -> None:
    found = texts(nlp, text)
    assert names <= found, found


@pytest.mark.parametrize(("text", "name"), [
    ("Fighters of the Islamic State of Varn and the Levant attacked the town .",
     "Islamic State of Varn and the Levant"),
    ("She visited Bosnia and Herzegovina last year .", "Bosnia and Herzegovina"),
])
def test_a_name_with_and_inside_stays_one(nlp: Language, text: str, name: str) -> None:
    assert name in texts(nlp, text)


@pytest.mark.parametrize(("text", "names", "gone"), [
    ("He was the Chairman of the Supervisory Board , Insurance Institute ( VII ) .",
     {"Supervisory Board", "Insurance Institute"}, "Supervisory Board , Insurance Institute"),
    ("He was born at Dorwick , Velshire .", {"Dorwick", "Velshire"}, "Dorwick , Velshire"),
    ("He holds a degree from the School of Law , University of Dorin .",
     {"School of Law", "University of Dorin"}, "School of Law , University of Dorin"),
    ("The pact was signed by Robert the Bold , King of Varnland , in 1328 .", {"Robert the Bold"},
     "Robert the Bold , King"),
])
def test_a_comma_ends_a_name(nlp: Language, text: str, names: set[str], gone: str) -> None:
    found = texts(nlp, text)
    assert names <= found and gone not in found, found


@pytest.mark.parametrize(("text", "names", "gone"), [
    ("He taught at the Academy in The Velde and numbered Tom Vell among his pupils .", {"The Velde"},
     "Academy in The Velde"),
    ("Until Ryan 's report , the raid had been seen as a success .", {"Ryan"}, "Until Ryan"),
    ("North of Marlow the river flows NNW along the eastern slope of the range .", {"Marlow"}, "North of Marlow"),
    ("After Mara Lind left , the band split .", {"Mara Lind"}, "After Mara Lind"),
])
def test_a_word_run_into_a_name_is_left_out(nlp: Language, text: str, names: set[str], gone: str) -> None:
    found = texts(nlp, text)
    assert names <= found and gone not in found, found


@pytest.mark.parametrize(("text", "name"), [
    ("The series starred Tam Nam - joo , Oh Ji - ho , Yoon Sang - hyun and others .", "Tam Nam - joo"),
    ("The series starred Tam Nam - joo , Oh Ji - ho , Yoon Sang - hyun and others .", "Yoon Sang - hyun"),
    ("Pak Chang - seok ( born October 13 , 1970 ) is an actor .", "Pak Chang - seok"),
    ("Paek Sung-ho met Kim Nam-joo in the capital .", "Kim Nam-joo"),
])
def test_a_given_name_with_a_spaced_hyphen_is_whole(nlp: Language, text: str, name: str) -> None:
    assert name in texts(nlp, text)


def test_a_gloss_after_a_spaced_dash_stays_out(nlp: Language) -> None:
    assert "Velin Bank" in texts(nlp, "Velin Bank - one of its creditors - sued the firm .")


@pytest.mark.parametrize(("text", "name"), [
    ("He was Minister of State at the Department of Farming , Food and Rural Affairs from 1997 .",
     "Department of Farming , Food and Rural Affairs"),
    ('Her hits include " Waiting in the Dark " and " Velvet Rain " .', "Waiting in the Dark"),
])
def test_one_name_with_a_comma_or_a_place_word_stays_whole(nlp: Language, text: str, name: str) -> None:
    found = texts(nlp, text)
    assert name in found or not any(name.startswith(t) and t != name for t in found), found


def test_a_place_and_the_larger_place_after_a_comma_are_places(nlp: Language) -> None:
    ms = {m.text: m for m in mentions_from_doc(nlp("He was born at Anstow , Velshire ."))}
    assert ms["Anstow"].label == ms["Velshire"].label == "GPE", ms


def fixed(nlp: Language, text: str, joined: str, label: str) -> set[str]:
    """Return the mention texts the component makes of `text` when the model labelled `joined` as one entity."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "linkchart_mentions":
            break
        doc = proc(doc)
    start = text.index(joined)
    doc.ents = [doc.char_span(start, start + len(joined), label=label)]
    return {m.text for m in mentions_from_doc(nlp.get_pipe("linkchart_mentions")(doc))}


@pytest.mark.parametrize(("text", "joined", "label", "names"), [
    ("Other islands in the sound include Keld Island and Tarn Island .", "Keld Island and Tarn Island", "ORG",
     {"Keld Island", "Tarn Island"}),
    ("He was part of a circle that included Tomas Velderus and Stiborius .", "Tomas Velderus and Stiborius", "ORG",
     {"Tomas Velderus", "Stiborius"}),
    ("The line runs between Tarnby and Ostrup in the north .", "Tarnby and Ostrup", "ORG", {"Tarnby", "Ostrup"}),
])
def test_two_names_the_model_joined_with_and_are_two(nlp: Language, text: str, joined: str, label: str,
                                                      names: set[str]) -> None:
    found = fixed(nlp, text, joined, label)
    assert names <= found, found


@pytest.mark.parametrize(("text", "joined"), [
    ("The firm Velder and Stibor sells ice cream .", "Velder and Stibor"),
    ("She visited Bosnia and Herzegovina last year .", "Bosnia and Herzegovina"),
])
def test_one_name_with_and_the_model_found_stays_whole(nlp: Language, text: str, joined: str) -> None:
    assert joined in fixed(nlp, text, joined, "ORG")


@pytest.mark.parametrize(("text", "name"), [
    ("Actress Tam Nam - joo received numerous awards for the role .", "Tam Nam - joo"),
    ("Conductor Alan Pauk founded the orchestra in 1971 .", "Alan Pauk"),
])
def test_a_role_noun_opening_the_sentence_is_no_part_of_the_name(nlp: Language, text: str, name: str) -> None:
    assert name in texts(nlp, text)


@pytest.mark.parametrize(("text", "joined"), [
    ("The order came from the Velin Post and Telecommunications Administration ( VPTA ) .",
     "Velin Post and Telecommunications Administration"),
    ("The lawyers were Vell , Roenick & Pesh of Dorin .", "Vell , Roenick & Pesh"),
])
def test_one_name_with_and_after_a_head_word_or_a_comma_stays_whole(nlp: Language, text: str, joined: str) -> None:
    assert joined in fixed(nlp, text, joined, "ORG")


@pytest.mark.parametrize(("text", "joined", "name"), [
    ("Results of the final :\n\n2 - Tom Vellard ( Velland ) 3-1", "2 - Tom Vellard", "Tom Vellard"),
    ("Results of the race :\n\n1= Ivan Dorinov ( Varnland ) 2.31", "1= Ivan Dorinov", "Ivan Dorinov"),
])
def test_a_place_in_a_list_of_results_is_no_part_of_the_name(nlp: Language, text: str, joined: str,
                                                             name: str) -> None:
    found = fixed(nlp, text, joined, "PERSON")
    assert name in found and joined not in found, found


def test_a_band_named_after_its_leader_stays_one_name(nlp: Language) -> None:
    text = "He recorded with Tomas Velder & His Orchestra in 1938 ."
    assert "Tomas Velder & His Orchestra" in fixed(nlp, text, "Tomas Velder & His Orchestra", "ORG")


def test_a_role_noun_takes_a_given_name_with_a_spaced_hyphen(nlp: Language) -> None:
    text = "The show featured singer Pak Hyo - na , actress Moon Sa - rim , model Hong Ji - kyu , and others ."
    found = fixed(nlp, text, "Moon", "PERSON")  # the model found the surname only
    assert "Moon Sa - rim" in found, found
