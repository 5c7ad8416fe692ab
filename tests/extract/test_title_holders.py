"""A title the article wrote before one person's name stands for that person when it comes back alone ('Home
Secretary Ann Roe ...', later "the home secretary's plans"): rule title_holder. Invented people."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def triples(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    """Return the (subject, predicate, object) triples read from `text`, one article of one-line paragraphs."""
    spans, pos = [], 0
    for part in text.split("\n\n"):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 2
    found = extract_article(text, spans, "2020-01-01", nlp)
    return {(r.subject, r.predicate, r.object) for r in found.relations}


@pytest.mark.parametrize("text", [
    # 'former Home Secretary Jo Finch' held another title: the home secretary now is Ann Roe
    "Home Secretary Ann Roe met former Home Secretary Jo Finch. Mr Vale later criticised the home secretary.",
    "But Home Secretary Ann Roe says the evidence would not help. Mr Vale said he had qualms about the home "
    "secretary's new plans.",
    "But Home Secretary Ann Roe says the evidence would not help.\n\nMr Vale said he had qualms about the home "
    "secretary's new plans.",
    "Home Secretary Ann Roe spoke first. Mr Vale later criticised the home secretary.",
])
def test_a_title_alone_is_the_person_the_article_named_with_it(nlp: Language, text: str) -> None:
    assert ("Vale", "opposes", "Ann Roe") in triples(nlp, text)


@pytest.mark.parametrize("text", [
    # two persons named with the title: which one is not said
    "Transport Minister Ann Roe met Transport Minister Mary Cole. Mr Vale later criticised the transport minister.",
    # a longer title is another office: the deputy is not the prime minister
    "Deputy Prime Minister Ann Roe spoke first. Mr Vale later criticised the prime minister.",
])
def test_no_holder_when_the_title_is_not_one_persons(nlp: Language, text: str) -> None:
    assert not [t for t in triples(nlp, text) if t[1] == "opposes" and t[0] == "Vale"]
