"""Numeric claims and conflicts between them."""

from __future__ import annotations

from spacy.tokens import Doc

from linkchart.extract.claims import conflicting, parse_number
from linkchart.extract.facts import SpanFacts, fact_reader
from linkchart.extract.nlp import load_pipeline
from linkchart.models import Claim


def read(doc: Doc, offset: int = 0, date: str | None = None) -> SpanFacts:
    """Return what the pipeline's ``linkchart_facts`` component reads in `doc`."""
    return fact_reader(load_pipeline()).read(doc, offset, date)


def _claims(nlp, text: str, ents: list[tuple[str, str]]) -> list[Claim]:  # noqa: ANN001
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index(s), text.index(s) + len(s), label=label) for s, label in ents]
    return read(doc, 0, None).claims


def test_parse_number() -> None:
    assert parse_number("120,000") == 120000
    assert parse_number("15 thousand") == 15000
    assert parse_number("1.5 million") == 1_500_000
    assert parse_number("five") == 5
    assert parse_number("tens of thousands") is None


def test_strong_modifier_on_armed_group(nlp) -> None:  # noqa: ANN001
    claims = _claims(nlp, "The 80,000-strong Falcon Movement is a militia.", [("Falcon Movement", "ORG")])
    assert [(c.subject, c.value, c.quantity, c.approx) for c in claims] == [
        ("Falcon Movement", 80000, "fighters", None)]


def test_counted_noun_with_approximation(nlp) -> None:  # noqa: ANN001
    claims = _claims(nlp, "The Falcon Movement has more than 130,000 fighters.", [("Falcon Movement", "ORG")])
    assert [(c.subject, c.value, c.unit, c.approx) for c in claims] == [
        ("Falcon Movement", 130000, "fighters", "over")]
    claims = _claims(nlp, "The Crescent Brigade claimed responsibility for about 600 attacks.",
                     [("Crescent Brigade", "ORG")])
    assert [(c.value, c.unit, c.approx) for c in claims] == [(600, "attacks", "about")]


def test_time_spans_are_not_claims(nlp) -> None:  # noqa: ANN001
    assert _claims(nlp, "The Crescent Brigade fought for 33 days.", [("Crescent Brigade", "ORG")]) == []


def _c(value: float, approx: str | None) -> Claim:
    return Claim("X", (0, 1), "fighters", value, "fighters", approx, 0, 1)


def test_conflicting() -> None:
    assert conflicting(_c(120000, None), _c(130000, None))
    assert not conflicting(_c(100000, "over"), _c(130000, None))
    assert not conflicting(_c(120000, "about"), _c(125000, "about"))
    assert conflicting(_c(50000, "up to"), _c(130000, None))
    assert not conflicting(_c(120000, None), Claim("X", (0, 1), "attacks", 5, "attacks", None, 0, 1))


def test_count_of_the_group_named_just_before() -> None:
    from linkchart.extract.nlp import load_pipeline
    from linkchart.extract.pipeline import extract_article

    nlp = load_pipeline()
    text = ("One body came out stronger: the Unity Brigades, the armed network that a neighbour helped to build. "
            "By recent estimates, the network now has more than 40,000 fighters.")
    claims = extract_article(text, [(0, len(text))], None, nlp).claims
    assert [(c.subject, c.value, c.approx) for c in claims] == [("Unity Brigades", 40000.0, "over")]


def test_an_irregular_plural_is_its_own_unit(nlp) -> None:  # noqa: ANN001
    text = "The Red Hand Brigade has 12,000 men and 300 people in its political office."
    units = {c.unit for c in _claims(nlp, text, [("Red Hand Brigade", "ORG")])}
    assert units and not units & {"peoples", "mens"}, units
