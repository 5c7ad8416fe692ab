"""Names read whole: long names the model cuts in two, a quoted nickname inside a name, the letters of honours
after it, a legal form in capitals after a company's name, words before a name that are no part of it (invented
names)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.mentions import mentions_from_doc


def texts(nlp: Language, text: str) -> dict[str, str]:
    """Return the mentions of `text`: text → label."""
    return {m.text: m.label for m in mentions_from_doc(nlp(text))}


@pytest.mark.parametrize(("text", "name"), [
    ("Philip Lodewijk Jacob Frederik Sarvée ( 7 February 1837 – 14 December 1904 ) was a Dutch painter.",
     "Philip Lodewijk Jacob Frederik Sarvée"),
    ("Anna Margaret Frances Kasselburg ( née Worrell , 1942 – 2004 ) was a New Zealand painter.",
     "Anna Margaret Frances Kasselburg"),
    ("Michel Miguel Elias Tarrem Lulio (; born 23 September 1940 ) is a Brazilian lawyer.",
     "Michel Miguel Elias Tarrem Lulio"),
])
def test_a_long_name_the_model_cut_is_one_name(nlp: Language, text: str, name: str) -> None:
    assert texts(nlp, text).get(name) == "PERSON"


@pytest.mark.parametrize(("text", "name"), [
    ("Oliver Gyles Lanford CBE MC ( 30 September 1918 - 28 May 2015 ) was a British soldier.",
     "Oliver Gyles Lanford CBE MC"),
    ("The regiment was led by Thomas Arden Pellow DSO until the armistice.", "Thomas Arden Pellow DSO"),
])
def test_the_letters_of_honours_after_a_name_are_part_of_it(nlp: Language, text: str, name: str) -> None:
    assert texts(nlp, text).get(name) == "PERSON"


@pytest.mark.parametrize(("text", "name"), [
    ('James Whitmore " Jim " Corlane ( May 30 , 1926 – August 9 , 1996 ) was an American businessman.',
     'James Whitmore " Jim " Corlane'),
    ('The song was recorded by Eduardo " Lalo " Palvares in 1960.', 'Eduardo " Lalo " Palvares'),
])
def test_a_quoted_nickname_inside_a_name_stays_in_it(nlp: Language, text: str, name: str) -> None:
    assert texts(nlp, text).get(name) == "PERSON"


@pytest.mark.parametrize(("text", "name"), [
    ("Varnel QSC (; formerly Qarnet ) is an international telecommunications company.", "Varnel QSC"),
    ("The drills were made by Torvik AB , a firm in the north of the country.", "Torvik AB"),
])
def test_a_legal_form_in_capitals_ends_the_company_name(nlp: Language, text: str, name: str) -> None:
    assert texts(nlp, text).get(name) == "ORG"


@pytest.mark.parametrize(("text", "name", "wider"), [
    ("The institute aimed to preserve the unique University of Varnholm economic tradition.",
     "University of Varnholm", "unique University of Varnholm"),
    ("The club played for Orlania and later Republic of Orlania until 1971 .", "Republic of Orlania",
     "later Republic of Orlania"),
    ("He admired Tova Lenn, the wife of prince Li Varo , the son of the emperor.", "Li Varo", "prince Li Varo"),
])
def test_a_lower_case_word_before_a_name_is_no_part_of_it(nlp: Language, text: str, name: str, wider: str) -> None:
    ms = texts(nlp, text)
    assert name in ms
    assert wider not in ms


@pytest.mark.parametrize(("text", "name"), [
    ("( Drummer Derrick Vassar committed suicide in March 2005 . )", "Derrick Vassar"),
    ("Drummer Derrick Plumley joined the band in 1999 .", "Derrick Plumley"),
])
def test_a_role_noun_before_a_given_name_is_the_role(nlp: Language, text: str, name: str) -> None:
    ms = {m.text: m for m in mentions_from_doc(nlp(text))}
    assert ms[name].label == "PERSON"
    assert not any(m.endswith(name) and m != name for m in ms)


@pytest.mark.parametrize(("text", "party"), [
    ("Eoin Varrigan (; born 23 June 1950 ) is an Irish Fianna Tarn politician who sits in the assembly.",
     "Fianna Tarn"),
    ("Tom Vell is an American Harvest politician from the state.", "Harvest"),
])
def test_the_party_before_politician_is_named_after_a_nationality_word(nlp: Language, text: str, party: str) -> None:
    assert texts(nlp, text).get(party) == "ORG"


def test_a_place_before_politician_stays_a_place(nlp: Language) -> None:
    assert texts(nlp, "The Boston politician Tom Vell said so.").get("Boston") == "GPE"


@pytest.mark.parametrize("text", [
    "The Sons of the River broke away from the Ashar Movement in 2012.",
    "Karim Dorran, the founder of the Velmarian militia Sons of the River, walked free.",
    "A spokesman for the Sons of the River, Hadi Rami, said the group would stay.",
])
def test_a_group_named_with_a_plural_head_before_of_is_one_organisation(nlp: Language, text: str) -> None:
    """'Sons of the River': the word before 'of' is the head (not 'River', a place word); a lower-case noun the
    model ran into the name ('the Velmarian militia Sons ...') describes it."""
    assert texts(nlp, text).get("Sons of the River") == "ORG"


def test_a_plural_noun_before_of_in_lower_case_names_no_group(nlp: Language) -> None:
    assert "sons of the farmers" not in {t.lower() for t in texts(nlp, "The sons of the farmers protested in Telmar.")}
