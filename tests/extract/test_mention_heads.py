"""A place's span keeps the lower-case head noun after it ('X province', 'Y airport'), invented names."""

from __future__ import annotations

import pytest

from linkchart.extract.nlp import load_pipeline
from linkchart.extract.pipeline import extract_article


@pytest.mark.parametrize(("text", "span", "label"), [
    ("An American drone strike at Baghdad airport killed him.", "Baghdad airport", "FAC"),
    ("Fighting spread across Kandahar province on Monday.", "Kandahar province", "GPE"),
])
def test_a_place_keeps_its_head_noun(text: str, span: str, label: str) -> None:
    found = extract_article(text, [(0, len(text))], "2020-01-01", load_pipeline())
    assert (span, label) in {(m.text, m.label) for m in found.mentions}


def test_a_head_noun_qualifying_another_noun_stays_out() -> None:
    text = "The Baghdad airport authority closed the terminal."
    found = extract_article(text, [(0, len(text))], "2020-01-01", load_pipeline())
    assert "Baghdad airport" not in {m.text for m in found.mentions}
