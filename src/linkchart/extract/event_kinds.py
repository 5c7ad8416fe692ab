"""Which trigger words start an event, and of what kind, read from the construction around them.

One word is not enough: 'sentenced to death' is a verdict, not a death; 'air strikes' is an attack, and
the 'air' of it no broadcast; 'launched an attack' is an attack, not a founding; 'the democratically
elected president' states no election; seizing a town is a seizure, seizing a person an arrest.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from linkchart import lexicon
from linkchart.extract.event_triggers import frame_kind

_VERBAL = {"VERB", "AUX"}
# mention labels of an undergoer that make a seizure an arrest (a one-word name is often tagged NORP)
_TAKEN_AS_PEOPLE = {"PERSON", "NORP", "ORG"}
_NOT_PERSONS = {"it", "its", "which", "that", "this"}  # pronouns that stand for things
# kinds whose verb takes the event noun as its object: the noun carries the event, the verb only governs it
_GOVERNING_KINDS = {"verdict"}
_HANDS_IN = lexicon.loader.lower("hands_in")
_SUBJECTS = {"nsubj", "nsubjpass"}
_EVENTS = lexicon.events()
_BODY_HEADS = lexicon.loader.lower("org_of_head")  # 'commission', 'committee', 'ministry': not 'movement'
# nouns for an attempt at or an outcome of the happening their compound names ('coup attempt', 'election defeat')
_OUTCOME_HEADS = lexicon.loader.lower("outcome_head")
# prepositions whose object is the time frame of the clause ('during the war'), not a happening it reports
_FRAME_PREPS = {"during", "throughout"}
# 'a meeting with X', 'the war against X' (grammar.yaml party_prep), 'the war on X', 'a trip to X', 'a raid in X'
_PARTY_PREPS = lexicon.grammar().party_preps | {"on", "to", "in"}
# the kinds a natural hazard still starts: the deaths it causes ('the quake killed 150 people')
_HAZARD_KINDS = {"death"}


def _head_lemmas(verb: Token, deps: set[str]) -> set[str]:
    return {c.lemma_.lower() for c in verb.children if c.dep_ in deps}


_LIFTING = "lifting"  # the kind of frame measure_lifted
# 'an assassination attempt' is an attack, the death it aimed at never came (verbs.yaml attempt_head)
_ATTEMPT_HEADS = lexicon.loader.lower("attempt_head")


def construction_kind(tok: Token, kind: str) -> str | None:
    """Return the kind of event a trigger verb starts once its subject and object are read, or None: a natural
    hazard as its subject or object is no act of anyone ('an earthquake struck X' is no attack, 'registered the
    quake' no licensing; 'the quake killed N' stays a death); what a court or judge suspends, lifts or grants
    ('the court suspended a ban') is a ruling, not a licensing (`judicial_kind`)."""
    kind = judicial_kind(tok, kind)
    if tok.pos_ not in _VERBAL:
        if kind == "death" and tok.dep_ == "compound" and tok.head.lemma_.lower() in _ATTEMPT_HEADS:
            return "attack"
        return kind
    args = _head_lemmas(tok, {"nsubj", "nsubjpass", "dobj"})
    if kind not in _HAZARD_KINDS and args & _EVENTS.hazards:
        return None
    if tok.lemma_.lower() in _HANDS_IN and any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in tok.children):
        return "arrest"  # rule person_surrenders: 'X surrendered to police'; 'the garrison surrendered' withdraws
    return kind


def judicial_kind(tok: Token, kind: str) -> str:
    """Return 'verdict' for a licensing whose doer is a court or judge ('the court suspended a ban', 'a judge
    lifted the ban'): the verb's subject, or the subject of the verb a noun trigger is the object of."""
    if kind != "licensing":
        return kind
    verb = tok if tok.pos_ in _VERBAL else tok.head if tok.dep_ == "dobj" else None
    if verb is not None and _head_lemmas(verb, {"nsubj"}) & _EVENTS.judicial_bodies:
        return "verdict"
    return kind


def _has_date(tok: Token, dates: list[tuple[Span | None, str]] | None) -> bool:
    return any(d is not None and tok.left_edge.i <= d.start and d.end - 1 <= tok.right_edge.i
               for d, _value in dates or [])


def _dated_noun(noun: Token, dates: list[tuple[Span | None, str]] | None) -> bool:
    """Whether a date modifies the noun itself ('the 2001 election defeat'), not a clause hung on it."""
    return any(d is not None and d.root.head.i == noun.i for d, _value in dates or [])


def _in_sentence_of(noun: Token, kinds: dict[str, str]) -> bool:
    """Whether a noun lies in the term a verdict gives, under no verb of its own ('sentenced X to ten years in
    prison', 'jailed for life in a desert prison')."""
    cur = noun
    for _ in range(4):
        cur = cur.head
        if cur.pos_ in _VERBAL:
            return kinds.get(cur.lemma_.lower()) in _GOVERNING_KINDS
        if cur.head.i == cur.i:
            break
    return False


def not_an_event(tok: Token, kinds: dict[str, str], dates: list[tuple[Span | None, str]] | None = None) -> bool:
    """Return True when the trigger word `tok` does not start an event of its own in this construction:
    a noun modifying an event noun ('air strikes', 'assassination plot') or a body ('the election commission') or
    behind a prefix ('anti-riot'); a
    participle describing a noun ('the elected president', 'a man arrested years ago' without its own date or
    agent); the sentence of a verdict ('sentenced to death'); a verb whose object names the event ('launched
    an attack', 'staged a protest': the noun is the event)."""
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in kinds:
        return True  # the head names the happening ('air strikes', 'assassination plot'); not 'election defeat'
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in _BODY_HEADS:
        return True  # 'the election commission', 'a protest committee': a body named after what it deals with
    if tok.dep_ == "compound" and tok.pos_ == "NOUN" and tok.head.pos_ == "NOUN" \
            and tok.head.lemma_.lower() not in _OUTCOME_HEADS and not _has_date(tok, dates) \
            and not _dated_noun(tok.head, dates):
        return True  # 'the air base', 'an arrest warrant': a classifier; not 'coup attempt', '2001 election defeat'
    if tok.i >= 2 and tok.nbor(-1).text == "-" and not tok.nbor(-1).whitespace_ and not tok.nbor(-2).whitespace_ \
            and tok.nbor(-2).lower_ != "re":
        return True  # 'anti-riot police', 'post-war', 'pre-election': a prefix, not the happening ('re-enter' is)
    if tok.dep_ == "amod":
        return True
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in _FRAME_PREPS and not _own_parties(tok) \
            and not _has_date(tok, dates):
        return True  # 'served as minister during the war': the time of the serving; 'during the war on X' stays
    if tok.tag_ == "VBN" and tok.dep_ == "acl" and not any(c.dep_ == "agent" for c in tok.children) \
            and not _has_date(tok, dates):
        return True
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.i != tok.head.i:
        governor = tok.head.head
        if kinds.get(governor.lemma_.lower()) in _GOVERNING_KINDS:
            return True
        if tok.pos_ == "NOUN" and kinds.get(tok.lemma_.lower()) == "custody" and _in_sentence_of(tok, kinds):
            return True  # rule term_in_verdict: 'sentenced X to ten years in prison' is the verdict, no custody
    if tok.pos_ in _VERBAL:
        if frame_kind(tok) is not None:
            return False  # the verb takes its kind from its object: 'lifted the sanctions', 'opened fire'
        own = kinds.get(tok.lemma_.lower())
        for c in tok.children:
            if c.dep_ == "dobj" and c.pos_ == "NOUN" and kinds.get(c.lemma_.lower()) not in {None, own}:
                return True
    elif tok.dep_ in {"dobj", "nsubjpass"} and tok.head.pos_ in _VERBAL and frame_kind(tok.head) == _LIFTING:
        return True  # 'lifted the sanctions on X': no designation, its end
    return False


def _own_parties(noun: Token) -> bool:
    """Whether an event noun names its own parties or place: a possessor, a name before it, or a phrase of a
    party's or place's preposition ('X's war', 'the Varn war', 'the war against X', 'a trip to X')."""
    return any(c.dep_ == "poss" or (c.dep_ in {"compound", "nmod"} and (c.ent_type_ or c.pos_ == "PROPN"))
               or (c.dep_ == "prep" and c.lower_ in _PARTY_PREPS) for c in noun.children)


def refine_kind(kind: str, labels: list[str], plain: list[Token]) -> str | None:
    """Return the event kind once the undergoer is known: a seizure of people (a PERSON, NORP or ORG mention,
    'him', 'his capture') is an arrest; `labels` are the undergoer mentions' labels, `plain` its tokens that
    are no mention (with the possessive of a noun trigger)."""
    if kind == "seizure" and (any(label in _TAKEN_AS_PEOPLE for label in labels)
                              or any(t.pos_ == "PRON" and t.lower_ not in _NOT_PERSONS for t in plain)):
        return "arrest"
    return kind
