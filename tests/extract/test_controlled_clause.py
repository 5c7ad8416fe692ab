"""A pronoun subject is not a name inside the opening clause it controls ('Commenting on X's case, he said': he is
not X; rule controlled_clause). Invented names."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def speakers(nlp: Language, text: str) -> list[list[str]]:
    """Return the participants of each statement event read from `text`, as texts."""
    found = extract_article(text, [(0, len(text))], "2020-01-01", nlp)
    return [[text[a:b] for a, b in e.participants] for e in found.events if e.kind == "statement"]


@pytest.mark.parametrize("text", [
    "Tom Gray, a former officer, spoke first. Commenting on Mr Roe's case, he said the state owed him nothing.",
    "Tom Gray, a former officer, spoke first. Asked about Jim Roe's claim, he said it was false.",
])
def test_a_name_in_the_clause_a_pronoun_controls_is_not_its_antecedent(nlp: Language, text: str) -> None:
    found = speakers(nlp, text)
    assert found and all("Tom Gray" in p and not any("Roe" in x for x in p) for p in found)


def test_a_clause_with_a_subject_of_its_own_still_gives_the_antecedent(nlp: Language) -> None:
    found = speakers(nlp, "When Jim Roe arrived in Dunmore on Monday, he said the talks went well.")
    assert found and any("Jim Roe" in p for p in found)


def participants(nlp: Language, text: str, kind: str) -> list[list[str]]:
    """Return the participants of each `kind` event read from `text`, as texts."""
    found = extract_article(text, [(0, len(text))], "2020-01-01", nlp)
    return [[text[a:b] for a, b in e.participants] for e in found.events if e.kind == kind]


@pytest.mark.parametrize(("text", "kind", "who"), [
    ("Tom Vale arrived in May. After meeting Jim Roe, Tom Vale said the talks went well.", "meeting", "Tom Vale"),
    ("After visiting Dunmore, the Red Front said the town was calm.", "visit", "Red Front"),
])
def test_the_speaker_takes_part_in_the_clause_he_controls(nlp: Language, text: str, kind: str, who: str) -> None:
    found = participants(nlp, text, kind)
    assert found and any(who in p for p in found)


def test_a_reporting_source_still_takes_no_part_in_what_it_reports(nlp: Language) -> None:
    found = participants(nlp, "Tom Vale met Jim Roe in Dunmore on Monday, the Varn Observatory said.", "meeting")
    assert found and not any("Varn Observatory" in p for p in found)
