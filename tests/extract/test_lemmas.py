"""linkchart_lemmas gives every token the lemma the model's lemmatizer gives it, and stands in for it."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from parsed_text import parsed_before
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token

from linkchart.extract import lemmas
from linkchart.extract.lemmas import LEMMAS_PIPE, MODEL_LEMMATIZER, Lemmas
from linkchart.extract.nlp import MODEL

# invented sentences with the same words in several parts of speech and forms ('runs' as verb and noun, 'better'
# as adjective and adverb), irregular forms, a word in its base form, capitals and numbers
SENTENCES = [
    "Mira Tolvek runs the Dorran office; her runs along the Velt river were longer than his.",
    "The geese were fed better than the mice, and the better crates stayed at Marnow in 2019.",
    "She had been singing when the brothers-in-law arrived, saying they'd sung worse.",
    "Ferries ferry goods; the ferried goods are weighed, and the heaviest weighs 12 tonnes.",
]


@pytest.fixture(scope="module")
def model() -> Language:
    """Return the plain model, with its own lemmatizer."""
    return spacy.load(MODEL)


def _parsed(model: Language, text: str) -> Doc:
    """Return `text` run through the model's components before its lemmatizer."""
    return parsed_before(model, text, MODEL_LEMMATIZER)


def _lemmas(doc: Doc) -> list[tuple[str, str, str]]:
    return [(t.text, t.pos_, t.lemma_) for t in doc]


def _same_as_model(model: Language, stand_in: Lemmas, texts: list[str]) -> None:
    lemmatizer = model.get_pipe(MODEL_LEMMATIZER)
    for text in texts:
        doc = _parsed(model, text)
        assert _lemmas(stand_in(doc.copy())) == _lemmas(lemmatizer(doc.copy())), text


def test_the_stand_in_gives_the_models_lemmas_cold_and_warm(model: Language) -> None:
    stand_in = Lemmas(model.get_pipe(MODEL_LEMMATIZER))
    _same_as_model(model, stand_in, SENTENCES)
    assert stand_in.known  # it kept answers...
    _same_as_model(model, stand_in, SENTENCES)  # ... and gives them again


def test_a_word_in_several_parts_of_speech_keeps_one_lemma_each(model: Language) -> None:
    stand_in = Lemmas(model.get_pipe(MODEL_LEMMATIZER))
    stand_in(_parsed(model, "The ferry sank."))  # the first doc goes to the model itself
    doc = stand_in(_parsed(model, SENTENCES[3]))
    assert [(t.pos_, t.lemma_) for t in doc if t.lower_.startswith("ferr")] == [
        (t.pos_, t.lemma_) for t in model.get_pipe(MODEL_LEMMATIZER)(_parsed(model, SENTENCES[3]))
        if t.lower_.startswith("ferr")]
    assert {t.lemma_ for t in doc if t.lower_ == "weighs"} == {"weigh"}


def test_a_lemma_set_before_is_kept_unless_the_model_overwrites(model: Language) -> None:
    stand_in = Lemmas(model.get_pipe(MODEL_LEMMATIZER))
    stand_in(_parsed(model, "The ferry sank."))
    doc = _parsed(model, "The geese were fed.")
    doc[1].lemma_ = "flock"
    assert [t.lemma_ for t in stand_in(doc)] == ["the", "flock", "be", "feed", "."]
    overwriting = Lemmatizer(model.vocab, None, mode="rule", overwrite=True)
    overwriting.initialize(lookups=model.get_pipe(MODEL_LEMMATIZER).lookups)
    stand_in = Lemmas(overwriting)
    stand_in(_parsed(model, "The ferry sank."))
    doc = _parsed(model, "The geese were fed.")
    doc[1].lemma_ = "flock"
    expected = _lemmas(overwriting(doc.copy()))
    assert _lemmas(stand_in(doc)) == expected
    assert expected[1][2] == "goose"


def test_a_stand_in_that_forgets_what_it_learnt_gives_the_same_lemmas(model: Language,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lemmas, "_MAX_KNOWN", 0)  # forget before every doc
    _same_as_model(model, Lemmas(model.get_pipe(MODEL_LEMMATIZER)), SENTENCES + SENTENCES)


def test_another_mode_runs_the_model_itself(model: Language) -> None:
    lemmatizer = model.get_pipe(MODEL_LEMMATIZER)
    calls: list[int] = []

    class Counted(Lemmatizer):
        def shape_lemmatize(self, token: Token) -> list[str]:  # a mode of its own: a lemma from more than the word
            return [token.shape_]

        def __call__(self, doc: Doc) -> Doc:
            calls.append(len(doc))
            return lemmatizer(doc)

    other = Counted(model.vocab, None, mode="shape")
    stand_in = Lemmas(other)
    for text in SENTENCES:
        stand_in(_parsed(model, text))
    assert len(calls) == len(SENTENCES)


def test_the_stand_in_saves_and_loads_the_models_tables(model: Language, tmp_path: Path) -> None:
    nlp = spacy.load(MODEL)
    lemmas.use_lemmas(nlp)
    stand_in = nlp.get_pipe(LEMMAS_PIPE)
    nlp.to_disk(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    assert MODEL_LEMMATIZER not in loaded.pipe_names
    from_disk = loaded.get_pipe(LEMMAS_PIPE)
    from_bytes = Lemmas(Lemmatizer(model.vocab, None, mode="rule")).from_bytes(stand_in.to_bytes())
    for again in (from_disk, from_bytes):
        _same_as_model(model, again, SENTENCES)


def test_the_pipeline_runs_the_stand_in_in_the_lemmatizers_place(nlp: Language) -> None:
    names = nlp.pipe_names
    assert MODEL_LEMMATIZER not in names
    assert names.index("linkchart_attribute_rules") < names.index(LEMMAS_PIPE) < names.index("linkchart_contractions")
    assert [t.lemma_ for t in nlp("The geese were fed better crates.")] == [
        "the", "goose", "be", "feed", "well", "crate", "."]
