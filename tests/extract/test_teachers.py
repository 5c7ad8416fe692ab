"""Teachers and where they taught (rule teacher_at, extract/teachers.py): 'X studied under Z at Y', 'Y, where he
studied with Z', 'Y, where she was a disciple of Z', 'became a student at Y and studied there under the supervision
of Z' say Z worked at Y; a friend studied with is a fellow student. Invented names; mentions set by hand."""

from __future__ import annotations

import pytest
from parsed_text import facts, triples

NAMES = [("Tom Varga", "PERSON"), ("Ruth Bale", "PERSON"), ("Nora Quell", "PERSON"), ("Orlin University", "ORG"),
         ("Orlin Institute", "ORG")]


def named(text: str) -> list[tuple[str, str]]:
    """Return the mentions of NAMES that `text` names."""
    return [(name, label) for name, label in NAMES if name in text]


@pytest.mark.parametrize("text", [
    "He received his doctorate in composition at Orlin University, where he studied with Tom Varga.",
    "Ruth Bale studied under Tom Varga at Orlin University.",
    "In 1745 he earned his doctorate from Orlin University, where he was a disciple of Tom Varga.",
    "Nora Quell trained under Tom Varga at Orlin University in the 1990s.",
])
def test_a_teacher_works_where_they_taught(nlp, text: str) -> None:  # noqa: ANN001
    assert ("Tom Varga", "employed_by", "Orlin University", "teacher_at") in facts(nlp, text, named(text))


def test_a_teacher_there_under_supervision(nlp) -> None:  # noqa: ANN001
    text = "He became a graduate student at the Orlin Institute in 1975, and studied there under the supervision of " \
           "Tom Varga."
    assert ("Tom Varga", "employed_by", "Orlin Institute") in triples(nlp, text, named(text))


def test_every_teacher_of_a_list(nlp) -> None:  # noqa: ANN001
    text = "In 1745 he earned his doctorate from Orlin University, where he was a pupil of Tom Varga and Ruth Bale."
    got = triples(nlp, text, named(text))
    assert {("Tom Varga", "employed_by", "Orlin University"), ("Ruth Bale", "employed_by", "Orlin University")} <= got


def test_a_friend_studied_with_is_no_teacher(nlp) -> None:  # noqa: ANN001
    text = "Nora Quell studied at Orlin University with her friend Tom Varga."
    assert ("Tom Varga", "employed_by", "Orlin University") not in triples(nlp, text, named(text))
