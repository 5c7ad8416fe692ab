"""Quoted other names as mentions: 'The Tarn Band, known as "The Mayor's Own"' names the band twice.

An alias statement joins two names only when both are mentions, and the model seldom tags a
name written in quotes (it reads a title, a phrase). When a statement gives a quoted name to an
actor the article names ('The Tarn Band has been known as "The Mayor's Own"'), the quoted words are
a mention of that actor, of its type; so is the same quoted name wherever the article writes it
later ('the title "The Mayor's Own" was given in 1801'). A quoted name given to something that is no
actor mention (a song, a book) stays out.
"""

from __future__ import annotations

from spacy.tokens import Doc

from linkchart.extract.doctext import doc_text
from linkchart.extract.sentence_index import sentence_of
from linkchart.models import AliasStatement, Mention

OPENING_QUOTES = frozenset('"“')
CLOSING_QUOTES = frozenset('"”')
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands alone between double quotes (spaces allowed inside them)."""
    before = text[:start].rstrip()
    after = text[end:].lstrip()
    return bool(before) and before[-1] in OPENING_QUOTES and after[:1] in CLOSING_QUOTES


def quoted_names(aliases: list[AliasStatement], mentions: list[Mention], text: str, offset: int) -> dict[str, str]:
    """Return the quoted names the `aliases` of one doc give to its actor `mentions` → the actor's type.

    `text` is the doc's text, which starts at article offset `offset` (the spans' coordinates)."""
    labels = {(m.start, m.end): m.label for m in mentions if m.label in ACTOR_LABELS}
    out: dict[str, str] = {}
    for a in aliases:
        if a.alias_span is None or a.name_span is None or a.name_span not in labels:
            continue
        start, end = a.alias_span[0] - offset, a.alias_span[1] - offset
        if 0 <= start < end <= len(text) and _quoted(text, start, end) and text[start:start + 1].isupper():
            out.setdefault(text[start:end], labels[a.name_span])
    return out


def quoted_name_mentions(doc: Doc, names: dict[str, str], taken: list[Mention], offset: int) -> list[Mention]:
    """Return a mention for each quoted occurrence in `doc` of one of the article's quoted `names` (→ type) that no
    mention in `taken` overlaps, offsets shifted by `offset`."""
    if not names:
        return []
    text = doc_text(doc)
    spans = [(m.start - offset, m.end - offset) for m in taken]
    out: list[Mention] = []
    for name, label in names.items():
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if _quoted(text, start, end) and not any(a < end and start < b for a, b in spans):
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None:
                    sent = sentence_of(span)
                    out.append(Mention(start + offset, end + offset, name, label,
                                       sent.start_char + offset, sent.end_char + offset))
                    spans.append((start, end))
            start = text.find(name, end)
    return out
