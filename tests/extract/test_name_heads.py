"""A bare definite noun that ends the name of one organisation named before stands for it ('the legion' for the
Southern Legion; rule name_head, extract/name_heads.py); two such names, or the noun used since for something
else, leave it open. Invented names."""

from __future__ import annotations

import pytest
from parsed_text import article_triples
from spacy.language import Language

from linkchart.extract.name_heads import bare_definite


@pytest.mark.parametrize(("text", "want"), [
    ("The Orla Legion is backed by Varnland. The legion's leader, Piet Dormer, denies the charge.",
     ("Piet Dormer", "leads", "Orla Legion")),
    ("The Liberal Party of Varnland won the vote. The liberal party's leader, Piet Dormer, thanked voters.",
     ("Piet Dormer", "leads", "Liberal Party of Varnland")),
    ("The Red Hand Brigades are led by Piet Dormer.\nThe brigades are backed by Varnland.",
     ("Red Hand Brigades", "backed_by", "Varnland")),
    ("Piet Dormer works for the Foreign Intelligence Directorate of Varnland.\nIn 2011 the directorate trained "
     "the Kavel Guard.", ("Kavel Guard", "backed_by", "Foreign Intelligence Directorate of Varnland")),
])
def test_a_bare_definite_noun_stands_for_the_one_name_it_ends(nlp: Language, text: str, want) -> None:  # noqa: ANN001
    assert want in article_triples(nlp, text)


@pytest.mark.parametrize("text", [
    # two legions named before: which one is not said
    "The Orla Legion and the Varn Legion fought for a year. The legion's leader, Piet Dormer, denies the charge.",
    # a singular and a plural name share a head
    "The Orla Force trained the Varn Defence Forces. The force's leader, Piet Dormer, spoke on Monday.",
    # an adjective that is no word of the name: another body
    "The Orla Legion merged with a rival. The combined legion's leader, Piet Dormer, spoke on Monday.",
    # the noun used since for something else
    "The Orla Network is active in the south.\nThe network of the northern militias split from the army.\n"
    "The network's leader, Piet Dormer, denies the charge.",
])
def test_no_reference_when_the_name_is_not_the_only_or_the_last_use(nlp: Language, text: str) -> None:
    assert not any(p == "leads" and s == "Piet Dormer" for s, p, _ in article_triples(nlp, text))


def test_a_bare_definite_noun_has_no_words_of_its_own_but_adjectives(nlp: Language) -> None:
    doc = nlp("The old legion met the network of militias and its party.")
    by_text = {t.text: t for t in doc}
    assert bare_definite(by_text["legion"])
    assert not bare_definite(by_text["network"])
    assert not bare_definite(by_text["party"])
