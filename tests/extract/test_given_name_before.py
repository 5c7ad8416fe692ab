"""A person's given name the model left out of the name it tagged joins the name (rule `full_name`): one
unlisted proper noun right before a tagged person, at a sentence's start or after a word that names nothing.
Titles stay out, and so does a word inside a longer capitalised run. Invented names and sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.mentions import mentions_from_doc


def people(nlp: Language, text: str) -> set[str]:
    """Return the texts of the PERSON mentions of `text`."""
    return {m.text for m in mentions_from_doc(nlp(text)) if m.label == "PERSON"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The house , where Georgios Travlidis lived in his last years , is now a museum .", "Georgios Travlidis"),
        ("The museum was founded in 1997 by Georgios Travlidis and his wife .", "Georgios Travlidis"),
        ("The operetta has music by Ástor Pirellano and a libretto by Horacio Ferrano .", "Ástor Pirellano"),
        ("Héctor Hernán Vallejo ( born 6 October 1974 in Rosario ) is a retired footballer .",
         "Héctor Hernán Vallejo"),
        ("Adolfo Nicolás Pachero ( born 29 April 1936 ) , is a Spanish priest .", "Adolfo Nicolás Pachero"),
    ],
)
def test_a_given_name_the_model_left_out_joins_the_name(nlp: Language, text: str, name: str) -> None:
    found = people(nlp, text)
    assert name in found, found


def test_a_title_before_a_name_stays_out_of_it(nlp: Language) -> None:
    found = people(nlp, "Pope Paul V met King Henry IV in Rome .")
    assert {"Paul V", "Henry IV"} <= found, found


def test_a_name_inside_the_name_of_a_thing_stays_there(nlp: Language) -> None:
    found = {m.text for m in mentions_from_doc(nlp("The Varno Tomsen Prize was given to him in 1990 ."))}
    assert "Varno Tomsen Prize" in found and not found & {"Varno Tomsen", "Tomsen"}, found
