"""A faster stand-in for the model's ``lemmatizer``: the same lemmas, each kind of token lemmatised once.

spaCy's rule lemmatizer works a token's lemma out from its text, its coarse part of speech and its features (the
tables it reads do not change), but keeps only some of its answers (none for a word already in its base form), so
it runs its rules again for most tokens of every doc: about a fiftieth of the whole parse. ``Lemmas`` asks the
model's lemmatizer once per (text, part of speech, features) and keeps the answer, so every token gets the lemma
the model's would have given it; like the model's, it leaves a lemma an earlier component set (unless the model's
overwrites them). A lemmatizer of another mode than 'rule' or 'lookup' runs as it is. The component saves and
loads as the model's lemmatizer does (its tables), so a saved pipeline keeps it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

LEMMAS_PIPE = "linkchart_lemmas"
MODEL_LEMMATIZER = "lemmatizer"
# modes whose lemma depends on the token's text, part of speech and features alone
_KEYED_MODES = frozenset({"rule", "lookup"})
_MAX_KNOWN = 200_000  # answers kept before the table starts again (memory stays bounded on any input)


class Lemmas:
    """The ``linkchart_lemmas`` component: the model lemmatizer's answers, kept by (text, part of speech, features)."""

    def __init__(self, model: Lemmatizer, name: str = LEMMAS_PIPE) -> None:
        self.model, self.name = model, name
        self.known: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph key) -> lemma (a string's hash)
        self.checked = False  # whether the model ran once itself (it checks its tables then)

    def take(self, model: Lemmatizer) -> None:
        """Use `model` (the model's lemmatizer, with its tables) from now on."""
        self.model, self.known, self.checked = model, {}, False

    def __call__(self, doc: Doc) -> Doc:
        """Return `doc` with each token's lemma set as the model's lemmatizer sets it."""
        model = self.model
        if not self.checked or model.mode not in _KEYED_MODES:
            self.checked = True  # the first doc goes to the model itself, which checks its tables (error E1004)
            return model(doc)
        if len(self.known) > _MAX_KNOWN:
            self.known = {}
        known, strings, lemmatize, overwrite = self.known, doc.vocab.strings, model.lemmatize, model.overwrite
        for token in doc:
            if token.lemma and not overwrite:
                continue
            key = (token.orth, token.pos, token.morph.key)
            lemma = known.get(key)
            if lemma is None:
                lemma = strings.add(lemmatize(token)[0])
                if token.pos:  # a token with no part of speech makes the model warn (W108): it does so each time
                    known[key] = lemma
            token.lemma = lemma
        return doc

    def to_bytes(self, exclude: Iterable[str] = ()) -> bytes:
        """Return the tables serialised as the model's lemmatizer serialises them."""
        return self.model.to_bytes(exclude=exclude)

    def from_bytes(self, data: bytes, exclude: Iterable[str] = ()) -> Lemmas:
        """Return this component holding the tables of a lemmatizer serialised by `to_bytes`."""
        self.take(self.model.from_bytes(data, exclude=exclude))
        return self

    def to_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> None:
        """Save the tables in the folder `path` as the model's lemmatizer saves them."""
        self.model.to_disk(path, exclude=exclude)

    def from_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> Lemmas:
        """Return this component holding the tables saved in the folder `path` by `to_disk`."""
        self.take(self.model.from_disk(path, exclude=exclude))
        return self


@Language.factory(LEMMAS_PIPE, assigns=["token.lemma"], default_config={"mode": "rule", "overwrite": False})
def make_lemmas(nlp: Language, name: str, mode: str, overwrite: bool) -> Lemmas:
    """Return a ``linkchart_lemmas`` component over a new model lemmatizer of `mode` (the language's own, with no
    tables yet: `use_lemmas` gives it the model's, `from_disk` saved ones)."""
    return Lemmas(nlp.create_pipe(MODEL_LEMMATIZER, config={"mode": mode, "overwrite": overwrite}), name)


def use_lemmas(nlp: Language) -> None:
    """Put ``linkchart_lemmas`` in place of the model's ``lemmatizer``, asking it (with its tables) for lemmas."""
    if MODEL_LEMMATIZER not in nlp.pipe_names or LEMMAS_PIPE in nlp.pipe_names:
        return
    model = nlp.get_pipe(MODEL_LEMMATIZER)
    if not isinstance(model, Lemmatizer):
        return
    config = {"mode": model.mode, "overwrite": model.overwrite}
    lemmas = nlp.add_pipe(LEMMAS_PIPE, before=MODEL_LEMMATIZER, config=config)
    nlp.remove_pipe(MODEL_LEMMATIZER)
    lemmas.take(model)
