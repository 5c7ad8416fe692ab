"""Keep the parser from starting a sentence at a lower-case word after an abbreviation's full stop.

'the depot at Kelso, 10 km. south of Varna, was hit' was two sentences: the parser read the stop
of 'km.' as the end of one, and the relation between the depot and its attacker was lost. Edited
text starts a sentence with a capital (or a digit, a quote, a bracket), so a lower-case word right
after a word-final full stop continues the sentence. Set before the parser, which keeps preset
boundaries.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from linkchart import lexicon
from linkchart.extract.credits import dateline_length
from linkchart.extract.doctext import doc_text

SENTENCE_STARTS_PIPE = "linkchart_sentence_starts"


def continues_sentence(doc: Doc, i: int) -> bool:
    """Return whether token `i` is a lower-case word right after a full stop closing a word ('km.', 'approx.')."""
    if i == 0:
        return False
    tok, before = doc[i], doc[i - 1]
    if not (tok.is_alpha and tok.is_lower):
        return False
    if before.text == ".":  # 'km' '.' 'south': the stop hangs on the word before it, no space between
        return i >= 2 and doc[i - 2].is_alpha and not doc[i - 2].whitespace_
    return len(before.text) > 1 and before.text.endswith(".") and before.text[0].isalpha()


# a word's full stop, blanks, then a lower-case letter: the only places `continues_sentence` can hold
_STOP_THEN_LOWER = re.compile(r"(?<=[^\W\d_])\.\s+(?=[^\W\d_])(?!\w*[A-Z])")


# a unit kept whole with its stop ('km.', extract/nlp), blanks, then a capital: 'lies 13 km. Rebels held it'
_UNIT_THEN_CAPITAL = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, lexicon.lower("unit_abbreviation")))) + r")\.\s+(?=[A-Z])")


@Language.component(SENTENCE_STARTS_PIPE, assigns=["token.is_sent_start"])
def keep_sentences_whole(doc: Doc) -> Doc:
    """Return `doc` with no sentence start at a lower-case word that follows an abbreviation's full stop, and one at
    a capitalised word after a unit's ('13 km. Rebels ...': the unit's stop is one token with it, so the parser
    alone would run the two sentences together) and one after the dateline that opens a report ('KELM, March 9 -
    The leader of ...': rule dateline_apart; read as one sentence, the place became the subject of the lead)."""
    text = doc_text(doc)
    lead = dateline_length(text)
    if lead:
        span = doc.char_span(lead, lead + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    for found in _STOP_THEN_LOWER.finditer(text):
        span = doc.char_span(found.end(), found.end() + 1, alignment_mode="expand")
        if span is not None and continues_sentence(doc, span.start):
            doc[span.start].is_sent_start = False
    for found in _UNIT_THEN_CAPITAL.finditer(text):
        span = doc.char_span(found.end(), found.end() + 1, alignment_mode="expand")
        if span is not None and span.start > 0 and doc[span.start - 1].text.endswith("."):
            doc[span.start].is_sent_start = True
    return doc
