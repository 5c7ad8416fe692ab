"""Which trigger words start an event, and of what kind, read from the construction around them.

One word is not enough: 'sentenced to death' is a verdict, not a death; 'air strikes' is an attack, and
the 'air' of it no broadcast; 'launched an attack' is an attack, not a founding; 'the democratically
elected president' states no election; seizing a town is a seizure, seizing a person an arrest.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

_VERBAL = {"VERB", "AUX"}
_PERSON_PRONOUNS = {"he", "she", "him", "her", "them"}
# kinds whose verb takes the event noun as its object: the noun carries the event, the verb only governs it
_GOVERNING_KINDS = {"verdict"}


def _has_date(tok: Token, dates: list[tuple[Span | None, str]] | None) -> bool:
    return any(d is not None and tok.left_edge.i <= d.start and d.end - 1 <= tok.right_edge.i
               for d, _value in dates or [])


def not_an_event(tok: Token, kinds: dict[str, str], sent: Span,
                 dates: list[tuple[Span | None, str]] | None = None) -> bool:
    """Return True when the trigger word `tok` does not start an event of its own in this construction:
    a noun modifying another noun ('air strikes', 'attack helicopters'); a participle describing a noun
    ('the elected president', 'a man arrested years ago' without its own date or agent); the sentence of a
    verdict ('sentenced to death', 'condemned to prison'); a verb whose object names the event ('launched an
    attack', 'staged a protest': the noun is the event)."""
    if tok.dep_ == "compound" and tok.head.pos_ in {"NOUN", "PROPN"}:
        return True
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
    """Return the event kind once the undergoer is known: a seizure of a person (a PERSON mention, or
    'him', 'them') is an arrest; `labels` are the undergoer mentions' labels, `plain` its tokens that are no
    mention."""
    if kind == "seizure" and ("PERSON" in labels or any(t.lower_ in _PERSON_PRONOUNS for t in plain)):
        return "arrest"
    return kind
