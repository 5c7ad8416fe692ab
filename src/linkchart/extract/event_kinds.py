"""Which trigger words start an event, and of what kind, read from the construction around them.

One word is not enough: 'sentenced to death' is a verdict, not a death; 'air strikes' is an attack, and
the 'air' of it no broadcast; 'launched an attack' is an attack, not a founding; 'the democratically
elected president' states no election; seizing a town is a seizure, seizing a person an arrest.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

_VERBAL = {"VERB", "AUX"}
# mention labels of an undergoer that make a seizure an arrest (a one-word name is often tagged NORP)
_TAKEN_AS_PEOPLE = {"PERSON", "NORP", "ORG"}
_NOT_PERSONS = {"it", "its", "which", "that", "this"}  # pronouns that stand for things
# kinds whose verb takes the event noun as its object: the noun carries the event, the verb only governs it
_GOVERNING_KINDS = {"verdict"}


def _has_date(tok: Token, dates: list[tuple[Span | None, str]] | None) -> bool:
    return any(d is not None and tok.left_edge.i <= d.start and d.end - 1 <= tok.right_edge.i
               for d, _value in dates or [])


def not_an_event(tok: Token, kinds: dict[str, str], dates: list[tuple[Span | None, str]] | None = None) -> bool:
    """Return True when the trigger word `tok` does not start an event of its own in this construction:
    a noun modifying an event noun ('air strikes', 'assassination plot') or behind a prefix ('anti-riot'); a
    participle describing a noun ('the elected president', 'a man arrested years ago' without its own date or
    agent); the sentence of a verdict ('sentenced to death'); a verb whose object names the event ('launched
    an attack', 'staged a protest': the noun is the event)."""
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in kinds:
        return True  # the head names the happening ('air strikes', 'assassination plot'); not 'election defeat'
    if tok.i >= 2 and tok.nbor(-1).text == "-" and not tok.nbor(-1).whitespace_ and not tok.nbor(-2).whitespace_ \
            and tok.nbor(-2).lower_ != "re":
        return True  # 'anti-riot police', 'post-war', 'pre-election': a prefix, not the happening ('re-enter' is)
    if tok.dep_ == "amod":
        return True
    if tok.tag_ == "VBN" and tok.dep_ == "acl" and not any(c.dep_ == "agent" for c in tok.children) \
            and not _has_date(tok, dates):
        return True
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.i != tok.head.i:
        governor = tok.head.head
        if kinds.get(governor.lemma_.lower()) in _GOVERNING_KINDS:
            return True
    if tok.pos_ in _VERBAL:
        own = kinds.get(tok.lemma_.lower())
        for c in tok.children:
            if c.dep_ == "dobj" and c.pos_ == "NOUN" and kinds.get(c.lemma_.lower()) not in {None, own}:
                return True
    return False


def refine_kind(kind: str, labels: list[str], plain: list[Token]) -> str | None:
    """Return the event kind once the undergoer is known: a seizure of people (a PERSON, NORP or ORG mention,
    'him', 'his capture') is an arrest; `labels` are the undergoer mentions' labels, `plain` its tokens that
    are no mention (with the possessive of a noun trigger)."""
    if kind == "seizure" and (any(label in _TAKEN_AS_PEOPLE for label in labels)
                              or any(t.pos_ == "PRON" and t.lower_ not in _NOT_PERSONS for t in plain)):
        return "arrest"
    return kind
