"""The date of one event: the date expression of its own clause, not the nearest date of its sentence.

'On Monday, X marked the anniversary of the withdrawal in 2000': the withdrawal is dated 2000, the marking
Monday. 'Police said on Monday that X was captured last week': the capture is dated by 'last week'. A date
belongs to the trigger whose subtree holds it without crossing another verb; else to the nearest clause
above the trigger that holds it that way; a sentence date nobody holds (a bare year the model left untagged,
'In 2005, ...' hung on the root) dates every event of the sentence, as before.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

_VERBAL = {"VERB", "AUX"}
_NO_DATE = "?"  # the clause has a date expression, but it does not resolve to a date


def _holder(tok: Token) -> Token:
    """Return the nearest verb above `tok` (or the root): the clause a date expression belongs to."""
    cur = tok
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.pos_ in _VERBAL:
            return cur
    return cur


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


def event_date(trigger: Token, sent: Span, dates: list[tuple[Span | None, str]]) -> str | None:
    """Return the date of the event `trigger` starts: its own clause's date, else the nearest enclosing
    clause's, else the sentence's first date that no clause holds; None when its own clause states a date
    that does not resolve ('last week' without a day to count from) or the sentence states none."""
    resolved = {d.start: value for d, value in dates if d is not None}
    exprs = [e for e in sent.ents if e.label_ == "DATE"]
    if not exprs:
        return dates[0][1] if dates else None
    chain = [trigger]  # the trigger, the nouns above it up to its verb ('the anniversary of the withdrawal'), the verbs above
    cur, in_noun_phrase = trigger, trigger.pos_ not in _VERBAL
    while cur.head.i != cur.i:
        cur = cur.head
        in_noun_phrase = in_noun_phrase and cur.pos_ not in _VERBAL
        if in_noun_phrase or cur.pos_ in _VERBAL or cur.head.i == cur.i:
            chain.append(cur)
    for holder in chain:
        own = [e for e in exprs if _held_by(holder, e.root)]
        if own:
            value = resolved.get(own[0].start, _NO_DATE)
            return None if value == _NO_DATE else value
    free = [value for d, value in dates if d is None or _holder(d.root).i == sent.root.i]
    return free[0] if free else None
