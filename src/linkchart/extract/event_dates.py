"""The date of one event: the date expression of its own clause, not the nearest date of its sentence.

'On Monday, X marked the anniversary of the withdrawal in 2000': the withdrawal is dated 2000, the marking
Monday. 'Police said on Monday that X was captured last week': the capture is dated by 'last week'. A date
belongs to the trigger whose subtree holds it without crossing another verb; else to the nearest clause
above the trigger that holds it that way; when no clause on the way up holds one ('Following the killing of
X in March 2007, Y was arrested'), the sentence's first date, as before. A duration ('a 33-day war') is no
date; a deictic expression that does not resolve ('last week' straddling two months) leaves the event undated.
A trigger inside a span's bound ('From 2003 until X's capture': lexicon class time_bound) takes no date from
the clause above: the span's start is not its date; undated, it is left out.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from linkchart import lexicon
from linkchart.extract.dates import is_deictic

_VERBAL = {"VERB", "AUX"}


def _held_by(trigger: Token, date_root: Token) -> bool:
    """Return True when `date_root` hangs under `trigger` without crossing another verb on the way."""
    cur = date_root
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.i == trigger.i:
            return True
        if cur.pos_ in _VERBAL:
            return False
    return False


def event_date(trigger: Token, sent: Span, dates: list[tuple[Span | None, str]], own_only: bool = False) -> str | None:
    """Return the date of the event `trigger` starts: its own clause's date, else the nearest enclosing
    clause's, else the sentence's first date; None when its clause states a deictic date that does not
    resolve ('last week' without a month to name) or the sentence states none. With `own_only`, None rather than
    the sentence's first date when no clause on the way up holds one ('X said the raid took place in 2003': the
    saying is not dated 2003)."""
    resolved = {d.start: value for d, value in dates if d is not None}
    exprs = [e for e in sent.ents if e.label_ == "DATE"]
    if not exprs:
        return dates[0][1] if dates and not own_only else None
    # the trigger, the nouns above it up to its verb ('the anniversary of the withdrawal'), the verbs above
    chain = [trigger]
    cur, in_noun_phrase, bounded = trigger, trigger.pos_ not in _VERBAL, False
    bounds = lexicon.grammar().time_bounds
    while cur.head.i != cur.i:
        if cur.dep_ == "prep" and cur.lower_ in bounds:
            bounded = True  # 'until X's capture': the span's start dates the clause above, not the capture
            break
        cur = cur.head
        in_noun_phrase = in_noun_phrase and cur.pos_ not in _VERBAL
        if in_noun_phrase or cur.pos_ in _VERBAL or cur.head.i == cur.i:
            chain.append(cur)
    for holder in chain:
        own = [e for e in exprs if _held_by(holder, e.root)]
        dated = [resolved[e.start] for e in own if e.start in resolved]
        if dated:
            return dated[0]
        if any(is_deictic(e.text) for e in own):
            return None  # 'captured last week' with no day to count from: not the sentence's other date
    if bounded or own_only:
        return None
    return dates[0][1] if dates else None


# auxiliaries that put a clause out of the reported news: the past perfect's 'had' (background: 'had been
# absent'), and the modals of hypotheses and habits ('would have', 'could', 'should', 'must')
_BACKGROUND_AUX = lexicon.grammar().background_auxes
_FINITE = {"VBD", "VBZ", "VBP"}


def reported_now(trigger: Token) -> bool:
    """Return True when the clause of `trigger` tells the reported news, so that the article's date dates it: a
    verb in the past ('resigned', 'was arrested'), the present perfect ('has quit') or the present ('says'); a noun
    trigger takes the tense of the verb it hangs from ('announced his resignation'). False for the past perfect
    ('had been absent'), a modal ('would have'), and a verb or noun with no finite verb above it."""
    verb, steps = trigger, 0
    while verb.pos_ not in _VERBAL and verb.head.i != verb.i and steps < 4:
        verb, steps = verb.head, steps + 1
    for _ in range(4):
        if verb.pos_ not in _VERBAL:
            return False
        auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
        if any(a.lower_ in _BACKGROUND_AUX for a in auxes):
            return False
        if verb.tag_ in _FINITE or any(a.tag_ in _FINITE for a in auxes):
            return True
        if verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head.i != verb.i and verb.head.pos_ in _VERBAL:
            verb = verb.head  # 'said ..., adding', 'resigned and left': the tense of the first verb
            continue
        return False
    return False
