"""Statements as events: a verb of saying or of stance whose speaker is named ('X said ...', 'Y welcomed the
move', 'Z told reporters ...').

A verb of saying (`trigger=statement` in the lexicon) is a statement only when something is said: a complement
clause, a quotation in the sentence, or an object of a stance verb ('criticised Y'). The speaker is the verb's
subject (or the 'by' phrase of a passive: 'was backed by X'); a role noun stands for the organisation it is
for, of or at ('a spokeswoman for X said'). The audience of 'tell' ('told Reuters', 'told the BBC') is the
channel, not a party; the object of a stance verb (`statement_target`: 'criticised Y', 'welcomed Y's move') is.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from linkchart import lexicon
from linkchart.extract.context import SentenceContext, agents, ents_for
from linkchart.extract.doctext import span_text
from linkchart.extract.sentence_index import sentence_of

_EVENTS = lexicon.events()
SPEAKER_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
_QUOTES = {'"', "\u201c", "\u201d", "''", "``"}
_SAID_DEPS = {"ccomp", "parataxis", "xcomp"}
_OPENING = {"\u201c", "``"}
_CLOSING = {"\u201d", "''"}
_ROLE_PREPS = {"for", "of", "at", "from", "with"}


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def in_quotation(tok: Token) -> bool:
    """Return True when `tok` sits inside a direct quotation of its sentence: the last quotation mark before it
    opens one (a straight mark with a space before it and none after it, or a typographic opening mark); a mark
    that closes ('...goodbye," X told Y', the parser having cut the quotation into two sentences) says no; a mark
    that shows neither counts by parity."""
    sent = sentence_of(tok)
    marks = [t for t in sent if t.i < tok.i and t.text in _QUOTES]
    if not marks:
        return False
    last = marks[-1]
    if last.text in _OPENING:
        return True
    if last.text in _CLOSING:
        return False
    before = last.i > 0 and last.nbor(-1).whitespace_ == "" and last.nbor(-1).is_punct
    after = bool(last.whitespace_)
    if before and after:
        return False  # ',"' then a space: it closes
    return len(marks) % 2 == 1


def says_something(verb: Token) -> bool:
    """Return True when a verb of saying has something said: a complement clause ('said that ...', 'said it
    would'), a quotation it frames or sits beside, an object of a stance verb ('welcomed the move'), or an
    'about'/'on' phrase ('commented on the plan')."""
    if any(c.dep_ in _SAID_DEPS for c in verb.children) or verb.dep_ == "parataxis":
        return True
    if _lemma(verb) in _EVENTS.statement_targets:
        return any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.children) or \
            any(c.dep_ == "agent" for c in verb.children)
    if any(c.dep_ == "prep" and c.lower_ in {"about", "on"} for c in verb.children):
        return True
    if any(c.dep_ == "punct" and c.text == ":" for c in verb.children) \
            or span_text(sentence_of(verb)).rstrip().endswith(":"):
        return True  # 'X said:' before the quotation
    if _lemma(verb) == "tell" and any(c.dep_ in {"dobj", "dative"} for c in verb.children):
        return True  # 'X told the BBC's programme' (what was said follows)
    return any(t.text in _QUOTES for t in sentence_of(verb))


def _named(ctx: SentenceContext, tok: Token) -> list[Span]:
    """Return the named parties a speaker token stands for: its mention, or the organisation of its role noun
    ('a spokesman for X', "X's chief executive")."""
    found = [e for e in ents_for(ctx, tok) if e.label_ in SPEAKER_LABELS]
    if found or tok.pos_ != "NOUN":
        return found
    for c in tok.children:
        if c.dep_ == "poss" or (c.dep_ in {"compound", "nmod"} and ctx.ent_at[c.i] is not None):
            found += [e for e in ents_for(ctx, c) if e.label_ in SPEAKER_LABELS]
        elif c.dep_ == "prep" and c.lower_ in _ROLE_PREPS:
            found += [e for g in c.children if g.dep_ == "pobj" for e in ents_for(ctx, g)
                      if e.label_ in SPEAKER_LABELS]
        elif c.dep_ == "prep" and c.lower_ == "in":  # 'a report in X claimed': the publication, not a place
            found += [e for g in c.children if g.dep_ == "pobj" for e in ents_for(ctx, g) if e.label_ == "ORG"]
    return found


def speakers(ctx: SentenceContext, verb: Token) -> list[Span]:
    """Return the named speakers of a statement verb (empty when no one named says it)."""
    out: list[Span] = []
    for tok in agents(verb):
        for e in _named(ctx, tok):
            if e not in out:
                out.append(e)
    return out


def targets(ctx: SentenceContext, verb: Token) -> list[Span]:
    """Return the parties a stance verb is about ('criticised Y', "welcomed Y's move", 'Y was backed by X'): none
    for verbs of saying, whose object is what is said or, for 'tell', the channel."""
    if _lemma(verb) not in _EVENTS.statement_targets:
        return []
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    out: list[Span] = []
    for o in objects:
        for e in _named(ctx, o):
            if e not in out:
                out.append(e)
    return out
