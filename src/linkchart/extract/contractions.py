"""Give contracted verbs written with a curly apostrophe ('I’m', 'they’re') the lemma of their straight twin.

The model tags '’m' as a verb but its lemmatizer leaves the lemma as written, so rules that match 'be' or
'have' by lemma missed every such sentence in text typeset with curly quotes (most published news).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from linkchart.extract.doctext import doc_text
from linkchart.lexicon.loader import values

CONTRACTIONS_PIPE = "linkchart_contractions"
CURLY = "’"
_LEMMAS = {w.lower(): v for w, v in values("contraction_lemma").items()}


@Language.component(CONTRACTIONS_PIPE, assigns=["token.lemma"])
def lemmatize_contractions(doc: Doc) -> Doc:
    """Return `doc` with each verb contraction written with a curly apostrophe lemmatised ('’m' → 'be')."""
    if CURLY not in doc_text(doc):
        return doc
    for tok in doc:
        lemma = _LEMMAS.get(tok.lower_)
        if lemma is None or tok.lemma_ != tok.text or not (tok.tag_.startswith("VB") or tok.tag_ == "MD"):
            continue
        if tok.lower_ == "’s" and tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ == "VBN":
            lemma = "have"  # 'he’s been', 'she’s left'
        tok.lemma_ = lemma
    return doc
