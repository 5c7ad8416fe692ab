"""Numbers said of an entity: 'the 120,000-strong Hashd', 'X has more than 130,000 fighters'.

A claim is a counted noun with a number ('over 6,000 attacks') or an 'N-strong' modifier, tied to the
entity it is about through the parse: the noun's possessor or modifier ('Hezbollah's 30,000 fighters'),
its 'of'/'from' phrase, or the subject of the clause ('Hezbollah is able to mobilize 30,000 fighters').
`conflicting` tells whether two claims about the same quantity disagree beyond their approximation.
"""

from __future__ import annotations

import bisect
import re

from spacy.attrs import TAG
from spacy.strings import hash_string
from spacy.tokens import Span, Token

from linkchart import lexicon
from linkchart.extract.context import (
    SentenceContext,
    definite_antecedent,
    ents_for,
    sent_ents,
    unrelativise,
)
from linkchart.extract.modality import attribution
from linkchart.extract.speakers import FIRST_PERSON
from linkchart.models import Claim

_CD = hash_string("CD")  # the number tag, as the doc's tag column holds it
_NUMBERS_KEY = ("claims", "numbers")  # SentenceContext.memo: the doc's number tokens

# Words before a number and the approximation they state (longest phrases first).
_QUANTITIES = lexicon.quantities()
APPROX_PHRASES: list[tuple[str, str]] = sorted(_QUANTITIES.approximations, key=lambda p: -len(p[0]))
# Relative tolerance each approximation allows on either side of the stated value.
TOLERANCE = 0.1
WORD_NUMBERS = _QUANTITIES.count_numbers
MULTIPLIERS = _QUANTITIES.multipliers
VAGUE = _QUANTITIES.vague
# Counted nouns that measure time, distance or share rather than count something an entity has.
NOT_COUNTS = _QUANTITIES.not_counts
ARMED_CUES = lexicon.organisations().armed
SKIP_ENTS = lexicon.labels().measures
_NUM_RE = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def parse_number(text: str) -> float | None:
    """Return the value of '120,000', '15 thousand', '1.5 million', 'five'; None for vague amounts."""
    words = text.lower().replace("-", " ").split()
    if not words or any(w in VAGUE for w in words):
        return None
    value: float | None = None
    for w in words:
        if _NUM_RE.match(w):
            value = float(w.replace(",", ""))
        elif w in MULTIPLIERS and value is not None:
            value *= MULTIPLIERS[w]
        elif w in MULTIPLIERS and w in {"hundred", "thousand", "million"}:
            value = float(MULTIPLIERS[w])
        elif w in WORD_NUMBERS:
            value = (value or 0) + WORD_NUMBERS[w]
        elif w in {"a", "an", "and"}:
            continue
        else:
            return None
    return value


def plural_unit(noun: Token) -> str:
    """Return the counted noun normalised to its plural ('fighter'/'fighters' -> 'fighters')."""
    lemma = noun.lemma_.lower()
    if noun.tag_ in {"NNS", "NNPS"}:
        return noun.lower_  # 'fighters'; an irregular plural as written ('people', 'men', 'children')
    if lemma.endswith(("s", "x", "ch", "sh")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in set("aeiou"):
        return lemma[:-1] + "ies"
    return lemma + "s"


def approximation(tokens_before: str) -> str | None:
    """Return 'over', 'about', 'nearly' or 'up to' for the words before a number, None when exact."""
    text = " " + " ".join(tokens_before.lower().split())
    for phrase, kind in APPROX_PHRASES:
        if text.endswith(" " + phrase):
            return kind
    return None


def _number_group(tok: Token) -> tuple[int, int] | None:
    """Return the token range of a number ('15 thousand', '1.5 million') that ends at `tok`."""
    start = tok.i
    doc = tok.doc
    while start - 1 >= 0 and (doc[start - 1].like_num or doc[start - 1].lower_ in MULTIPLIERS) and \
            doc[start - 1].tag_ == "CD":
        start -= 1
    return start, tok.i + 1


def _owner(ctx: SentenceContext, noun: Token) -> list[Span]:
    """Return the entity a counted noun belongs to: possessor/modifier, 'of'/'from', or clause subject."""
    for c in noun.children:
        if c.dep_ in {"poss", "compound", "nmod"} and c.pos_ != "PRON" and ctx.ent_at[c.i] is not None:
            return [ctx.ent_at[c.i]]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in {"of", "from", "in", "within", "loyal"}:
            for g in c.children:
                if g.dep_ == "pobj":
                    found = ents_for(ctx, g)
                    if found:
                        return found[:1]
    if noun.dep_ in {"nsubj", "nsubjpass"}:
        return []
    cur = noun
    for _ in range(6):
        head = cur.head
        if head.i == cur.i:
            break
        subj = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i != cur.i]
        if subj and cur.dep_ not in {"nsubj", "nsubjpass"}:
            subject = unrelativise(subj[0], head)
            if subject.lower_ in FIRST_PERSON:
                return []  # a speaker's 'we have 10,000 men' counts their group's men, not their own
            found = ents_for(ctx, subject)
            if not found:
                antecedent = definite_antecedent(ctx, subject)  # 'the force now has 130,000 fighters'
                found = [antecedent] if antecedent is not None else []
            return found[:1]
        cur = head
    return []


def _armed(ctx: SentenceContext, ent: Span, head: Token) -> bool:
    words = {t.lemma_.lower() for t in ent} | {head.lemma_.lower()}
    words |= {t.lemma_.lower() for t in ctx.doc}
    return bool(words & ARMED_CUES)


def _numbers_in(ctx: SentenceContext, sent: Span) -> list[Token]:
    """Return the tokens of `sent` tagged as numbers (CD), in order; the doc's are found once, from its tag column."""
    found = ctx.memo.get(_NUMBERS_KEY)
    if found is None:
        found = ctx.memo[_NUMBERS_KEY] = [i for i, tag in enumerate(ctx.doc.to_array(TAG).tolist()) if tag == _CD]
    return [ctx.tokens[i] for i in found[bisect.bisect_left(found, sent.start) : bisect.bisect_left(found, sent.end)]]


def claims_in_sentence(ctx: SentenceContext, sent: Span, offset: int) -> list[Claim]:
    """Return the numeric claims one sentence makes about entities (offsets are doc chars + `offset`)."""
    doc = ctx.doc
    claims: list[Claim] = []
    numbers = _numbers_in(ctx, sent)
    if not numbers:
        return claims  # a claim counts with a number: most sentences have none
    skip = {i for e in sent_ents(ctx, sent) if e.label_ in SKIP_ENTS for i in range(e.start, e.end)}
    for tok in numbers:
        if tok.i in skip:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.tag_ == "CD":
            continue  # the group ends later ('15 thousand')
        start, end = _number_group(tok)
        value = parse_number(doc[start:end].text)
        if value is None:
            continue
        before = doc[max(sent.start, start - 3):start].text
        approx = approximation(before)
        # 'the 120,000-strong X'
        after = doc[end: end + 2]
        strong = [t for t in after if t.lower_ == "strong"]
        if strong:
            noun = strong[0].head
            owners = ents_for(ctx, noun) or ([ctx.ent_at[noun.i]] if ctx.ent_at[noun.i] is not None else [])
            if not owners:
                continue
            owner = owners[0]
            quantity = "fighters" if _armed(ctx, owner, noun) else "members"
            unit = quantity
            anchor = noun
        else:
            noun = tok.head
            if tok.dep_ not in {"nummod", "compound"} or noun.pos_ not in {"NOUN", "PROPN"} or noun.i < tok.i:
                continue  # 'Resolution 1701' names, it does not count
            if noun.dep_ == "pobj" and noun.head.lower_ == "of" or any(
                    c.dep_ == "det" and c.lower_ in {"these", "those", "the", "its", "their"} for c in noun.children):
                continue  # 'one of three groups', 'these three groups' refer to things, they do not count them
            if value == int(value) and 1800 <= value <= 2100 and "," not in tok.text:
                continue  # a year, not a count
            if noun.lemma_.lower() in NOT_COUNTS or ctx.ent_at[noun.i] is not None:
                continue
            owners = _owner(ctx, noun)
            if not owners:
                continue
            owner = owners[0]
            unit = plural_unit(noun)
            quantity = unit
            anchor = noun
        claims.append(Claim(
            subject=owner.text, subject_span=(owner.start_char + offset, owner.end_char + offset),
            quantity=quantity, value=value, unit=unit, approx=approx,
            start=sent.start_char + offset, end=sent.end_char + offset, attributed_to=attribution(anchor),
        ))
    return claims


def _interval(c: Claim) -> tuple[float, float]:
    v = c.value
    if c.approx == "over":
        return v, float("inf")
    if c.approx == "up to":
        return 0.0, v
    if c.approx == "nearly":
        return v * (1 - TOLERANCE), v
    if c.approx in {"about", "some"}:
        return v * (1 - TOLERANCE), v * (1 + TOLERANCE)
    return v, v


def conflicting(a: Claim, b: Claim) -> bool:
    """Return True when two claims count the same quantity and their values disagree beyond the
    approximation each states (exact 120,000 vs 130,000: yes; 'over 100,000' vs 130,000: no)."""
    if a.quantity != b.quantity:
        return False
    lo_a, hi_a = _interval(a)
    lo_b, hi_b = _interval(b)
    return hi_a < lo_b or hi_b < lo_a
