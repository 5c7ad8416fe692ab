"""Quotation spans and speakers over small hand-made sentences."""

from __future__ import annotations

from spacy.language import Language

from linkchart.extract.relations import load_rules
from linkchart.extract.speakers import closing_frame, first_person_speakers, quotations


def verbs() -> frozenset[str]:
    """Return the reporting verbs of the rule tables."""
    return load_rules()["reporting_verbs"]


def test_quotations_pair_curly_and_straight_marks(nlp: Language) -> None:
    doc = nlp('“We will stay,” he said, and added "we are ready" before he left.')
    assert [doc[s:e].text for s, e in quotations(doc)] == ["We will stay,", "we are ready"]
    doc = nlp("“We will stay and fight for as long as it takes.")
    assert [doc[s:e].text for s, e in quotations(doc)] == ["We will stay and fight for as long as it takes."]


def test_first_person_pronouns_map_to_the_reporting_subject(nlp: Language) -> None:
    doc = nlp("“I am ready,” Nouri told the crowd.")
    found = first_person_speakers(doc, verbs())
    assert {doc[i].text: t.text for i, t in found.items() if t is not None} == {"I": "Nouri"}
    doc = nlp("Nouri was told: “I am ready.”")
    assert first_person_speakers(doc, verbs()) == {}  # a passive reporting verb names the hearer
    doc = nlp("Nouri was angry. I am ready.")
    assert first_person_speakers(doc, verbs()) == {}


def test_a_paragraph_after_a_closing_colon_is_the_carried_speakers(nlp: Language) -> None:
    doc = nlp("Nouri then continued:")
    speaker = closing_frame(doc, verbs())
    assert speaker is not None and speaker.text == "Nouri"
    assert closing_frame(nlp("Nouri then continued."), verbs()) is None
    assert closing_frame(nlp("Three points stand out:"), verbs()) is None
    doc = nlp("I am ready. We will stay.")
    assert sorted(doc[i].text for i in first_person_speakers(doc, verbs(), carried=True)) == ["I", "We"]
    assert first_person_speakers(doc, verbs(), carried=False) == {}
