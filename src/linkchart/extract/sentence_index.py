"""The sentence of a token or span, looked up in the doc's sentence starts listed once per doc (spaCy's `Token.sent`
and `Span.sent` walk the tokens to the sentence's start and end at every access).

The starts are kept in the doc's `user_data` (plain integers): a parsed doc's sentence boundaries do not change
afterwards.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

STARTS_KEY = "linkchart_sentence_starts"


def _starts(doc: Doc) -> list[int] | None:
    """Return the token index where each sentence of `doc` starts, or None when spaCy's own lookup must answer
    (no sentence boundaries, or sentence hooks of the doc's own)."""
    starts = doc.user_data.get(STARTS_KEY)
    if starts is None:
        if doc.user_span_hooks.get("sent") or doc.user_token_hooks.get("sent") or doc.user_hooks.get("sents") \
                or not doc.has_annotation("SENT_START"):
            return None
        starts = doc.user_data[STARTS_KEY] = [s.start for s in doc.sents]
    return starts


def sentence_of(item: Token | Span) -> Span:
    """Return the sentence of a token or span, as `Token.sent` / `Span.sent` do: the sentence its first token is
    in."""
    doc = item.doc
    starts = _starts(doc)
    if starts is None:
        return item.sent
    i = item.i if isinstance(item, Token) else item.start
    k = bisect.bisect_right(starts, i) - 1
    return Span(doc, starts[k], starts[k + 1] if k + 1 < len(starts) else len(doc))


def sentence_finder(doc: Doc) -> Callable[[Span], Span]:
    """Return a function that gives the sentence of a span of `doc` (`sentence_of`), each sentence made once."""
    starts = _starts(doc)
    if starts is None:
        return _own_sentence
    sents = list(doc.sents)

    def sentence_in(span: Span) -> Span:
        return sents[bisect.bisect_right(starts, span.start) - 1]

    return sentence_in


def _own_sentence(span: Span) -> Span:
    return span.sent
