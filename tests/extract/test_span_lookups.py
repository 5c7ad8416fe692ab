"""Per-doc lookups that stand in for spaCy's slower span properties: `doctext.span_text` for `Span.text` and
`sentence_index.sentence_finder` for `Span.sent` (invented text)."""

from __future__ import annotations

from spacy.language import Language

from linkchart.extract.doctext import span_text
from linkchart.extract.sentence_index import sentence_finder, sentence_of

TEXT = ("Mara Velsen, the mayor of  Dunmore, met the Harbour Board (HB) on Monday.\n\n"
        "She said:  \"We will rebuild the pier.\"  The board agreed . Talks go on ")


def test_span_text_is_the_span_text_for_every_span(nlp: Language) -> None:
    doc = nlp(TEXT)
    for start in range(len(doc)):
        for end in range(start, min(len(doc), start + 6) + 1):
            assert span_text(doc[start:end]) == doc[start:end].text
    assert span_text(doc[:]) == doc[:].text


def test_the_sentence_finder_gives_each_span_its_sentence(nlp: Language) -> None:
    doc = nlp(TEXT)
    sentence_of = sentence_finder(doc)
    assert len(list(doc.sents)) > 2
    for start in range(len(doc)):
        for end in range(start + 1, min(len(doc), start + 4) + 1):
            span = doc[start:end]
            assert (sentence_of(span).start, sentence_of(span).end) == (span.sent.start, span.sent.end)


def test_sentence_of_gives_each_token_and_span_its_sentence(nlp: Language) -> None:
    doc = nlp(TEXT)
    for tok in doc:
        assert (sentence_of(tok).start, sentence_of(tok).end) == (tok.sent.start, tok.sent.end)
    for start in range(len(doc) - 2):
        span = doc[start : start + 2]
        assert (sentence_of(span).start, sentence_of(span).end) == (span.sent.start, span.sent.end)
