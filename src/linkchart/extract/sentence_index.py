"""The sentence of a span, looked up in the doc's sentences listed once (spaCy's `Span.sent` walks the tokens to
the sentence's start and end at every access)."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from spacy.tokens import Doc, Span


def sentence_finder(doc: Doc) -> Callable[[Span], Span]:
    """Return a function that gives the sentence of a span of `doc`, as `Span.sent` does: the sentence its first
    token is in. The doc's sentences are listed once; a doc with sentence hooks of its own keeps `Span.sent`."""
    if doc.user_span_hooks.get("sent") or doc.user_hooks.get("sents") or not doc.has_annotation("SENT_START"):
        return _own_sentence
    sents = list(doc.sents)
    starts = [s.start for s in sents]

    def sentence_of(span: Span) -> Span:
        return sents[bisect.bisect_right(starts, span.start) - 1]

    return sentence_of


def _own_sentence(span: Span) -> Span:
    return span.sent
