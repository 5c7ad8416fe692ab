"""A body's own units named by their noun ('X is the law school of Y', 'X is a brand of Y', 'X, a research institute
of Y'; rule role_part), or a unit named before its body ('the Faculty of Law, University of Y'; rule
unit_comma_body), or one a body sets up ('Y set up the X unit'; rule verb_found_unit): X is part of Y; the noun with
no body named says nothing. Invented names; mentions set by hand."""

from __future__ import annotations

import pytest
from parsed_text import triples


@pytest.mark.parametrize("text,unit,body", [
    ("The Orla School of Law was the law school of Tullmouth University.", "Orla School of Law",
     "Tullmouth University"),
    ("Orla Airlines, formerly Tull Air, is the Varnish brand of the Brenmark Group.", "Orla Airlines",
     "Brenmark Group"),
    ("The Orla Institute is a research institute of the Tullmouth Academy.", "Orla Institute", "Tullmouth Academy"),
    ("The Orla Press, an imprint of Brenmark Books, printed the first edition.", "Orla Press", "Brenmark Books"),
    ("The Orla Committee is a committee of the Harbour Party.", "Orla Committee", "Harbour Party"),
])
def test_a_unit_of_a_body_is_part_of_it(nlp, text: str, unit: str, body: str) -> None:  # noqa: ANN001
    assert (unit, "part_of", body) in triples(nlp, text, [(unit, "ORG"), (body, "ORG")])


def test_a_person_at_a_school_is_no_part(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "Tom Vale attended the law school of Tullmouth University.",
                  [("Tom Vale", "PERSON"), ("Tullmouth University", "ORG")])
    assert not any(p == "part_of" for _, p, _ in got)


@pytest.mark.parametrize("text,unit,body", [
    ("The Orla Marine Band is the premier band of the Orla Marine Corps.", "Orla Marine Band", "Orla Marine Corps"),
    ("Northern Tull Force was an Orla Army force responsible for the north.", "Northern Tull Force", "Orla Army"),
])
def test_a_band_or_force_of_a_body_is_part_of_it(nlp, text: str, unit: str, body: str) -> None:  # noqa: ANN001
    assert (unit, "part_of", body) in triples(nlp, text, [(unit, "ORG"), (body, "ORG")])


@pytest.mark.parametrize("text,unit,body", [
    ("He holds a doctorate from the Faculty of Economics, University of Tullmouth.", "Faculty of Economics",
     "University of Tullmouth"),
    ("He taught at the Department of Physics, Orla College, until 1990.", "Department of Physics", "Orla College"),
])
def test_a_unit_named_before_its_body_is_part_of_it(nlp, text: str, unit: str, body: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [(unit, "ORG"), (body, "ORG")])
    assert (unit, "part_of", body) in got


def test_a_list_of_units_is_no_unit_of_the_next(nlp) -> None:  # noqa: ANN001
    text = "She studied at the Faculty of Law, the Orla Institute and the School of Music."
    got = triples(nlp, text, [("Faculty of Law", "ORG"), ("Orla Institute", "ORG"), ("School of Music", "ORG")])
    assert not any(p == "part_of" for _, p, _ in got)


@pytest.mark.parametrize("text", [
    "Brenmark created a subsidiary, Orla Services, in 2004.",
    "In 2004 Brenmark set up the Orla Services unit.",
])
def test_a_unit_a_body_sets_up_is_part_of_it(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(nlp, text, [("Brenmark", "ORG"), ("Orla Services", "ORG")])
    assert {("Orla Services", "part_of", "Brenmark"), ("Brenmark", "founded", "Orla Services")} <= got


def test_a_body_a_body_sets_up_is_not_its_part(nlp) -> None:  # noqa: ANN001
    got = triples(nlp, "In 2004 Brenmark set up Orla Services.", [("Brenmark", "ORG"), ("Orla Services", "ORG")])
    assert ("Orla Services", "part_of", "Brenmark") not in got
