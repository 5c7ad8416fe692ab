"""Negation, attribution and hedging read from the parse."""

from __future__ import annotations

from spacy.tokens import Doc

from linkchart.extract.facts import SpanFacts, fact_reader
from linkchart.extract.modality import modality
from linkchart.extract.nlp import load_pipeline


def read(doc: Doc, offset: int = 0, date: str | None = None) -> SpanFacts:
    """Return what the pipeline's ``linkchart_facts`` component reads in `doc`."""
    return fact_reader(load_pipeline()).read(doc, offset, date)


def _mod(nlp, text: str, word: str):  # noqa: ANN001, ANN202
    doc = nlp(text)
    return modality(next(t for t in doc if t.text == word))


def test_negation(nlp) -> None:  # noqa: ANN001
    assert _mod(nlp, "The minister did not accept the money.", "accept").negated
    assert _mod(nlp, "The minister never visited the capital.", "visited").negated
    assert _mod(nlp, "The cleric turned down a meeting with the officer.", "meeting").negated
    assert _mod(nlp, "The general refused to meet the envoy.", "meet").negated
    assert not _mod(nlp, "The general met the envoy.", "met").negated


def test_attribution(nlp) -> None:  # noqa: ANN001
    told = _mod(nlp, "The prisoner told interrogators that the officer met him in the capital.", "met")
    assert told.attributed_to == "The prisoner told interrogators"
    assert _mod(nlp, "According to army assessments, the group attacked the post.", "attacked").attributed_to \
        == "army assessments"
    assert _mod(nlp, "The group was founded in 2006, the report claims.", "founded").attributed_to == "the report"
    assert _mod(nlp, "The group attacked the post.", "attacked").attributed_to is None


def test_hedging_and_irrealis(nlp) -> None:  # noqa: ANN001
    assert _mod(nlp, "The militia allegedly attacked the base.", "attacked").hedged
    alleged = _mod(nlp, "The government alleged that he funded the plot.", "funded")
    assert alleged.hedged and alleged.attributed_to == "The government"
    assert _mod(nlp, "The officer offered to fund the cleric.", "fund").irrealis
    assert not _mod(nlp, "The officer funded the cleric.", "funded").hedged


def test_ability_is_not_a_fact_but_habit_is() -> None:
    nlp = load_pipeline()
    doc = nlp("The Unity Front can attack Valdora. Omar Saleh would travel to Mosul every spring.")
    found = {(r.subject, r.predicate, r.object) for r in read(doc, 0, None).relations}
    assert not any(p == "attacked" for _, p, _ in found)
    assert any(p == "visited" and o == "Mosul" for _, p, o in found)


def test_what_denied_reports_say_is_denied(nlp) -> None:  # noqa: ANN001
    assert _mod(nlp, "The government has denied reports that Omar Haddad is preparing to oust Lena Varga.",
                "oust").negated
    assert _mod(nlp, "The ministry denied claims that the general met the envoy in Corlin.", "met").negated
    assert _mod(nlp, "Lena Varga rejected suggestions that she had resigned.", "resigned").negated


def test_what_a_denied_thing_was_done_by_is_not_denied(nlp) -> None:  # noqa: ANN001
    assert not _mod(nlp, "The government denied the report published by the Daily Courier.", "published").negated
    assert not _mod(nlp, "The minister denied the charges brought by the prosecutor who arrested him.",
                    "brought").negated


def test_would_with_a_time_ahead_is_planned_but_the_habitual_would_is_not(nlp) -> None:  # noqa: ANN001
    assert _mod(nlp, "Ines Berg said she would travel to Tullberg next week.", "travel").planned
    assert _mod(nlp, "Ines Berg said she would meet the envoy tomorrow.", "meet").planned
    assert _mod(nlp, "The envoy would visit Tullberg next month, his office said.", "visit").planned
    assert not _mod(nlp, "Ines Berg would travel to Tullberg every summer.", "travel").planned
    assert not _mod(nlp, "The next day Ines Berg would travel to Tullberg.", "travel").planned
    assert not _mod(nlp, "Ines Berg travelled to Tullberg last week.", "travelled").planned


def test_a_denial_of_its_own_object_does_not_deny_the_clause_before_it(nlp) -> None:  # noqa: ANN001
    text = "The Velmor Front has accused the Civic Union of receiving money from abroad, a charge the party denies."
    assert not _mod(nlp, text, "accused").negated
    assert _mod(nlp, "The Civic Union denies that the Velmor Front accused it.", "accused").negated
