"""Quotations and their speakers: who 'I', 'my', 'we' and 'our' stand for inside a quotation.

A quotation is a passage between double quote marks (single quotes double as apostrophes, so they
are not read), or a whole paragraph following one that ends with a reporting frame ('X continues:').
Its speaker is the subject of a reporting frame: the verb the quoted clause hangs on ('"...," X said',
'X said: "..."', '"...," X is heard saying') or, when the parse does not link them, the reporting verb
right after the closing mark or right before the opening one. Everything here works on one parsed
doc, once; `linkchart.extract.context` turns the speaker token into an entity mention.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from linkchart import lexicon
from linkchart.extract.doctext import doc_text

FIRST_PERSON = lexicon.grammar().first_person
_FIRST_PERSON_RE = re.compile(r"\b(?:" + "|".join(sorted(FIRST_PERSON, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_OPENING = {"“", "``", "„"}
_CLOSING = {"”", "''"}
_STRAIGHT = {'"'}
_WINDOW = 8  # how far (in tokens) from a quote mark a reporting verb may stand and still frame it
_STOP = {".", "!", "?", ";"}


@dataclass(frozen=True)
class Speaker:
    """A speaker named before the span being read: its text, entity type and [start, end) in characters."""

    text: str
    label: str
    start: int
    end: int


def quotations(doc: Doc | Span) -> list[tuple[int, int]]:
    """Return the [start, end) token ranges inside double quote marks (marks excluded), in order.

    Curly marks pair by direction, straight ones alternate; an unclosed quotation runs to the end
    (a quoted paragraph that the next one continues).
    """
    out: list[tuple[int, int]] = []
    start: int | None = None
    for tok in doc:
        text = tok.text
        is_open = text in _OPENING or (text in _STRAIGHT and start is None)
        is_close = text in _CLOSING or (text in _STRAIGHT and start is not None)
        if start is None and is_open:
            start = tok.i + 1
        elif start is not None and is_close:
            if tok.i > start:
                out.append((start, tok.i))
            start = None
    end = doc[-1].i + 1 if len(doc) else 0
    if start is not None and start < end:
        out.append((start, end))
    return out


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _reporting_child(verb: Token, verbs: Collection[str]) -> bool:
    """Whether `verb` frames speech through a dependent 'saying' ('heard saying', 'quoted as saying')."""
    for c in verb.children:
        if c.dep_ in {"xcomp", "advcl"} and _lemma(c) in verbs:
            return True
        if c.dep_ == "prep" and c.lower_ == "as" and any(_lemma(g) in verbs for g in c.children):
            return True
    return False


def speaker_token(verb: Token, verbs: Collection[str]) -> Token | None:
    """Return the token naming who speaks in a reporting frame headed by `verb`, or None.

    'X said' → X; 'X is heard saying' / 'X was quoted as saying' → X (the passive subject of the
    perception verb); a passive reporting verb ('Y was told') names the hearer, so it gives None.
    """
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    if _lemma(verb) in verbs and not passive:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects[0]
        head = verb.head
        if verb.dep_ in {"xcomp", "advcl", "pcomp", "pobj"} and head.i != verb.i:
            if head.dep_ == "prep" and head.lower_ == "as":
                head = head.head
            return speaker_token(head, verbs) if _reporting_child(head, verbs) else None
        return None
    if _reporting_child(verb, verbs):
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return subjects[0] if subjects else None
    return None


def _frames(verb: Token, verbs: Collection[str]) -> bool:
    return _lemma(verb) in verbs or _reporting_child(verb, verbs)


def _linked_frame(doc: Doc, start: int, end: int, verbs: Collection[str]) -> set[int]:
    """Return the speaker tokens of reporting verbs outside [start, end) that a quoted clause hangs on."""
    found: set[int] = set()
    for tok in doc[start:end]:
        head = tok.head
        if start <= head.i < end or head.i == tok.i or tok.is_punct:
            continue
        if _frames(head, verbs):
            speaker = speaker_token(head, verbs)
            if speaker is not None and not start <= speaker.i < end:
                found.add(speaker.i)
    return found


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"aux", "auxpass"}


def _adjacent_frame(doc: Doc, start: int, end: int, verbs: Collection[str]) -> set[int]:
    """Return the speaker tokens of the nearest verb after the closing mark ('"...," X said') and of the
    nearest verb before the opening one, when it ends its clause with ',' or ':' ('X said: "..."')."""
    found: set[int] = set()
    after = [t for t in doc[end + 1:min(len(doc), end + 1 + _WINDOW)]]
    for tok in after:
        if tok.text in _STOP or tok.text in _OPENING or tok.text in _STRAIGHT:
            break
        if _is_verb(tok):
            speaker = speaker_token(tok, verbs) if _frames(tok, verbs) else None
            if speaker is not None and speaker.i > end:
                found.add(speaker.i)
            break
    mark = start - 1
    if mark >= 1 and doc[mark - 1].text in {",", ":"}:
        for tok in reversed(doc[max(0, mark - 1 - _WINDOW):mark - 1]):
            if tok.text in _STOP or tok.text in _CLOSING or tok.text in _STRAIGHT:
                break
            if _is_verb(tok):
                speaker = speaker_token(tok, verbs) if _frames(tok, verbs) else None
                if speaker is not None:
                    found.add(speaker.i)
                break
    return found


def quotation_speaker(doc: Doc, start: int, end: int, verbs: Collection[str]) -> Token | None:
    """Return the token naming the speaker of the quotation [start, end), or None when there is no
    reporting frame or more than one candidate."""
    found = _linked_frame(doc, start, end, verbs) or _adjacent_frame(doc, start, end, verbs)
    return doc[found.pop()] if len(found) == 1 else None


def first_person_speakers(doc: Doc, verbs: Collection[str], carried: bool = False) -> dict[int, Token | None]:
    """Return {token index of a first-person pronoun inside a quotation: the speaker token}.

    The value is None for a pronoun quoting the speaker `carried` over from the previous paragraph
    (which ended 'X continues:'): in a paragraph without quote marks, every first-person pronoun;
    in one opening with a quote mark, those of its first quotation. Pronouns in quotations whose
    speaker is unknown or ambiguous are left out.
    """
    out: dict[int, Token | None] = {}
    if not _FIRST_PERSON_RE.search(doc_text(doc)):
        return out  # most spans quote nobody in the first person: spare the token walk
    spans = quotations(doc)
    if carried and not spans and not any(t.text in _CLOSING for t in doc):
        return {t.i: None for t in doc if t.lower_ in FIRST_PERSON and t.pos_ == "PRON"}
    for k, (start, end) in enumerate(spans):
        speaker = quotation_speaker(doc, start, end, verbs)
        if speaker is None and not (carried and k == 0 and start == 1):
            continue
        for tok in doc[start:end]:
            if tok.lower_ in FIRST_PERSON and tok.pos_ == "PRON":
                out[tok.i] = speaker
    return out


def closing_frame(doc: Doc, verbs: Collection[str]) -> Token | None:
    """Return the speaker token of a reporting frame that ends the doc with a colon ('X continues:'),
    introducing a quotation in the next paragraph; None otherwise."""
    words = [t for t in doc if not t.is_space]
    if len(words) < 3 or words[-1].text != ":":
        return None
    verb = words[-1].head
    if verb.pos_ not in {"VERB", "AUX"} or not _frames(verb, verbs):
        return None
    return speaker_token(verb, verbs)
