"""linkchart_attribute_rules sets what the model's attribute_ruler sets, token by token, and stands in for it."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from parsed_text import parsed_before
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from linkchart.extract import attribute_rules
from linkchart.extract.attribute_rules import ATTRIBUTE_RULES_PIPE, MODEL_RULER, AttributeRules
from linkchart.extract.nlp import MODEL

# invented sentences that reach the model ruler's kinds of pattern: the tag map, a word and its tag ('got' →
# 'get'), a word as subject or object ('I', 'you', 'it'), two words ('gon na', "let 's", "y' all"), a dependency
# ('but' as an adverb, 'there is', an auxiliary, 'did' as the main verb) and runs of blanks
SENTENCES = [
    "Jana Velk got the papers and she gets paid, but I told you it was late.",
    "We're gon na leave Varna, let's go, y'all said there is no time.",
    "He did it.  Then  \n\n the council, which had met in Dorlin, did not answer me.",
    "Ain't nobody seen the Kessel Brigade since they got ta Marnow in 2019?",
    "It gave them to me; I gave it to you, all but one of the 12 crates.",
]


@pytest.fixture(scope="module")
def model() -> Language:
    """Return the plain model, with its own attribute_ruler."""
    return spacy.load(MODEL)


def _parsed(model: Language, text: str) -> Doc:
    """Return `text` run through the model's components before its attribute_ruler."""
    return parsed_before(model, text, MODEL_RULER)


def _attributes(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def _same_as_ruler(model: Language, ruler: AttributeRuler, texts: list[str]) -> None:
    rules = AttributeRules(model.vocab)
    rules.take(ruler)
    for text in texts:
        doc = _parsed(model, text)
        theirs, ours = ruler(doc.copy()), rules(doc.copy())
        assert _attributes(ours) == _attributes(theirs), text


@pytest.mark.parametrize("text", SENTENCES)
def test_the_models_patterns_give_the_same_attributes(model: Language, text: str) -> None:
    ruler = model.get_pipe(MODEL_RULER)
    rules = AttributeRules(model.vocab)
    assert rules.take(ruler)  # every pattern of the model is read by the table
    doc = _parsed(model, text)
    assert _attributes(rules(doc.copy())) == _attributes(ruler(doc.copy()))


def test_later_patterns_win_and_longer_patterns_hit_their_target(model: Language) -> None:
    ruler = AttributeRuler(model.vocab)
    ruler.add([[{"LOWER": "crates"}]], {"LEMMA": "first"})
    ruler.add([[{"LOWER": "the"}, {"LOWER": {"IN": ["crates", "boxes"]}}]], {"LEMMA": "second"}, index=-1)
    ruler.add([[{"TAG": {"NOT_IN": ["DT"]}, "LOWER": {"REGEX": "^cr"}}]], {"POS": "PROPN", "MORPH": "Number=Sing"})
    ruler.add([[{"LOWER": "of"}, {"LOWER": "the"}]], {"LEMMA": "third"}, index=1)
    rules = AttributeRules(model.vocab)
    assert rules.take(ruler)
    doc = _parsed(model, "All but one of the crates and the boxes crossed.")
    ours = rules(doc.copy())
    assert [t.lemma_ for t in ours if t.lower_ in {"crates", "boxes"}] == ["second", "second"]
    assert [t.lemma_ for t in ours if t.lower_ == "the"] == ["third", ""]
    _same_as_ruler(model, ruler, ["All but one of the crates and the boxes crossed.", "The crates of the crew."])


@pytest.mark.filterwarnings("ignore:.*W036")  # spaCy's own ruler warns that it has no patterns
def test_a_ruler_without_patterns_sets_nothing(model: Language) -> None:
    ruler = AttributeRuler(model.vocab)
    assert AttributeRules(model.vocab).take(ruler)
    _same_as_ruler(model, ruler, ["The crates crossed.", ""])


def test_a_pattern_it_does_not_read_leaves_the_ruler_to_run(model: Language) -> None:
    ruler = AttributeRuler(model.vocab)
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], {"LEMMA": "much"})
    rules = AttributeRules(model.vocab)
    assert not rules.take(ruler)
    _same_as_ruler(model, ruler, ["A very very long road."])


def test_a_table_that_forgets_what_it_learnt_gives_the_same_attributes(model: Language,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(attribute_rules, "_MAX_KNOWN", 0)  # forget before every doc
    _same_as_ruler(model, model.get_pipe(MODEL_RULER), SENTENCES + SENTENCES)


def test_the_table_saves_and_loads_its_patterns(model: Language, tmp_path: Path) -> None:
    ruler = model.get_pipe(MODEL_RULER)
    rules = AttributeRules(model.vocab)
    rules.take(ruler)
    from_bytes = AttributeRules(model.vocab).from_bytes(rules.to_bytes())
    rules.to_disk(tmp_path / "rules")
    from_disk = AttributeRules(model.vocab).from_disk(tmp_path / "rules")
    doc = _parsed(model, SENTENCES[0])
    expected = _attributes(ruler(doc.copy()))
    assert _attributes(from_bytes(doc.copy())) == expected
    assert _attributes(from_disk(doc.copy())) == expected


def test_a_table_given_no_patterns_refuses_to_run(model: Language) -> None:
    with pytest.raises(RuntimeError, match="no patterns"):
        AttributeRules(model.vocab)(model.make_doc("The crates crossed."))


def test_the_pipeline_runs_the_table_in_the_rulers_place(nlp: Language) -> None:
    names = nlp.pipe_names
    assert MODEL_RULER not in names
    assert names.index("parser") < names.index(ATTRIBUTE_RULES_PIPE) < names.index("linkchart_lemmas")
    assert [(t.pos_, t.lemma_) for t in nlp("She got the keys.")] == [
        ("PRON", "she"), ("VERB", "get"), ("DET", "the"), ("NOUN", "key"), ("PUNCT", ".")]
