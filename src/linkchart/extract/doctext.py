"""The text of a parsed doc, joined once per doc (spaCy's `Doc.text` joins every token's text at each call),
and of its spans."""

from __future__ import annotations

from spacy.tokens import Doc, Span

TEXT_KEY = "linkchart_text"


def doc_text(doc: Doc) -> str:
    """Return `doc.text`, joined on the first call and kept in the doc's `user_data` (a doc's text never changes)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def span_text(span: Span) -> str:
    """Return `span.text`, cut from the doc's text (`doc_text`): spaCy joins the text of each of its tokens at
    every access. The same string: a token's trailing whitespace is one space, which `Span.text` leaves out."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def keep_text(doc: Doc, text: str) -> None:
    """Note `text`, the string `doc` was made from, as its text (spaCy's tokenizer keeps every character, so
    `doc.text == text`): `doc_text` then need not join it."""
    doc.user_data[TEXT_KEY] = text


def doc_has(doc: Doc, word: str) -> bool:
    """Return whether the lowercase `word` occurs anywhere in `doc`'s lowercased text (memoised per doc and word)."""
    key = (TEXT_KEY, word)
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = word in doc_text(doc).lower()
    return found


def bare_name(ent: Span) -> str:
    """Return the name a mention gives, without 'the' or a trailing possessive ("Verania's" -> 'Verania')."""
    return " ".join(t.text for t in ent if t.lower_ != "the" and t.tag_ != "POS")
