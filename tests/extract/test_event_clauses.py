"""An event noun takes its doers from the clause that describes it: a relative clause with a relative pronoun ('a
ceasefire that X and Y signed') or a past participle ('the truce, signed by X'); not from a clause the parser hung
on the noun without one. Invented names."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def _events(nlp: Language, text: str) -> list[tuple[str, str | None, set[str]]]:
    found = extract_article(text, [(0, len(text))], "2020-06-01", nlp)
    return [(e.kind, e.date, {text[a:b] for a, b in e.participants}) for e in found.events]


@pytest.mark.parametrize("text", [
    "The fighting broke a ceasefire that Mirra and the Orla Front signed in Tullberg in March.",
    "The ceasefire, signed in March by Mirra and the Orla Front, held for a week.",
])
def test_the_doers_of_an_event_noun_come_from_its_clause(nlp: Language, text: str) -> None:
    ceasefires = [e for e in _events(nlp, text) if e[0] == "ceasefire"]
    assert ceasefires and ceasefires[0][1] == "2020-03" and {"Mirra", "Orla Front"} <= ceasefires[0][2]


def test_no_doers_from_a_clause_without_a_relative_pronoun(nlp: Language) -> None:
    text = "The government of Varnland issued a statement agreeing the issue should be decided by the Orla Council."
    assert not any("Orla Council" in parts for kind, _, parts in _events(nlp, text) if kind == "statement")
