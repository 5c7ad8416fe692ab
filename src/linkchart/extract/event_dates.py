"""The date of one event: the date expression of its own clause, not the nearest date of its sentence.

'On Monday, X marked the anniversary of the withdrawal in 2000': the withdrawal is dated 2000, the marking
Monday. 'Police said on Monday that X was captured last week': the capture is dated by 'last week'. A date
belongs to the trigger whose subtree holds it without crossing another verb; else to the nearest clause
above the trigger that holds it that way; when no clause on the way up holds one ('Following the killing of
X in March 2007, Y was arrested'), the sentence's first date, as before. A duration ('a 33-day war') is no
date; a deictic expression that does not resolve ('last week' straddling two months) leaves the event undated.
A trigger inside a span's bound ('From 2003 until X's capture': lexicon class time_bound) takes no date from
the clause above: the span's start is not its date; undated, it is left out.
A date inside a time phrase of another happening ('following the caucuses in Y on 3 May', 'since detainees began
arriving in 2001') is that happening's: the sentence's fallback takes it only after 'after' or 'following', cut to
the month, never after 'since', 'until' or 'before'; nor a date of a clause describing a noun ('X, founded in 2014,
has fought in Y': rule describing_clause_date). A time of its own clause that does not resolve ('during
Ramadan', 'months earlier', 'after six years of house arrest') leaves the happening undated and marks it placed
elsewhere: it is not the article's day either.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from linkchart import lexicon
from linkchart.extract.dates import is_date_expression, is_deictic

_VERBAL = {"VERB", "AUX"}


def _held_by(trigger: Token, date_root: Token, through_time: bool = False) -> bool:
    """Return True when `date_root` hangs under `trigger` without crossing another verb on the way, nor (unless
    `through_time`) a time phrase of another happening ('held a vote after the caucuses on 3 May': the day is the
    caucuses')."""
    cur, passed = date_root, False  # passed: a verb or noun of another happening between the date and here
    while cur.head.i != cur.i:
        if not through_time and passed and cur.dep_ in {"prep", "mark"} and cur.lower_ in _TIME_RELATIONS:
            return False
        cur = cur.head
        passed = passed or cur.pos_ == "NOUN"
        if cur.i == trigger.i:
            return True
        if cur.pos_ in _VERBAL:
            return False
    return False


def event_date(trigger: Token, sent: Span, dates: list[tuple[Span | None, str]], own_only: bool = False) -> str | None:
    """Return the date of the event `trigger` starts: its own clause's date, else the nearest enclosing
    clause's, else the sentence's first date (see `event_time`); None when it has none."""
    return event_time(trigger, sent, dates, own_only)[0]


def event_time(trigger: Token, sent: Span, dates: list[tuple[Span | None, str]],
               own_only: bool = False, ents: Sequence[Span] | None = None) -> tuple[str | None, bool]:
    """Return (date, placed elsewhere) of the event `trigger` starts. The date is its own clause's date, else the
    nearest enclosing clause's, else the sentence's first date that does not belong to a time phrase of another
    happening ('since X began in 2001' bounds a span; 'following X on 3 May' only tells the month); None when its
    clause states a date that does not resolve or the sentence states none. With `own_only`, None rather than the
    sentence's first date when no clause on the way up holds one ('X said the raid took place in 2003': the saying
    is not dated 2003). 'Placed elsewhere' is True when its clause places it at a time that does not resolve
    ('during Ramadan', 'after six years of house arrest', 'captured last week' without a day to count from): the
    happening is not of the article's day either. `ents` are `sent.ents` when the caller has them at hand."""
    resolved = {d.start: value for d, value in dates if d is not None}
    exprs = [e for e in (sent.ents if ents is None else ents) if is_date_expression(e)]
    if not exprs:
        return (dates[0][1] if dates and not own_only else None), False
    chain, bounded = _way_up(trigger)
    reacted = reacted_to(trigger)
    if reacted:
        chain = [trigger]  # rule reaction_before: 'X condemned the arrest of Y on Sunday' - the arrest came before
    stretch, past_stretch = _stretch_before(trigger, exprs, resolved), False
    for holder in chain:
        past_stretch = past_stretch or (stretch is not None and holder.i == stretch[0])
        own = [e for e in exprs if _held_by(holder, e.root)]
        dated = [resolved[e.start] for e in own if e.start in resolved]
        if dated and past_stretch and _outlasts(stretch, dated[0]):
            return None, True  # 'held in 2007 for two years before being freed': the freeing is not of 2007
        if dated:
            return dated[0], False
        if any(is_deictic(e.text) for e in own):
            return None, False  # 'captured last week' with no day to count from: not the sentence's other date
        if any(e.start not in resolved and _placing(e) and _held_by(holder, e.root, through_time=True) for e in exprs):
            return None, True  # 'during Ramadan', 'after six years': at a time that is not the article's day
        if _before_its_governor(holder):
            return None, False  # 'On 24 October X said Y had held meetings': the meetings came before, undated
    if reacted:
        return None, True
    if bounded or own_only or _whose_clause(chain[-1]):
        return None, False  # a 'whose' clause tells who someone is: no date from the clause it describes
    for expr, value in dates:
        if expr is not None and _in_describing_clause(expr, chain):
            continue  # 'X, founded in 2014 by Y, has fought in Z': 2014 is the founding's, not the fighting's
        relation = _time_relation(expr) if expr is not None and _in_other_happening(expr) else None
        if relation is None:
            return value, False
        if relation in _AFTER:  # 'X held a vote, following the caucuses in Y on 3 May': later that month
            return value[:7], False
    return None, False


def reacted_to(noun: Token) -> bool:
    """Whether an event noun is what a statement reacts to ('the EU condemned the detention', 'X welcomed the
    ceasefire'; lexicon class statement_target): it happened before the reaction, whose date is not its own."""
    return noun.dep_ == "dobj" and noun.pos_ == "NOUN" and noun.head.lemma_.lower() in _STATEMENT_TARGETS


_STATEMENT_TARGETS = lexicon.events().statement_targets


def _stretch_before(trigger: Token, exprs: list[Span], resolved: dict[int, str]) -> tuple[int, int] | None:
    """Return (index of the verb, rank of the longest unit) when a 'before' phrase or clause holding `trigger` hangs
    from a verb that lasts a stretch of time ('held for two years before being freed', 'spent months in jail before
    he was released'; rule stretch_before): the trigger's happening ends the stretch. None otherwise."""
    cur = trigger
    while cur.head.i != cur.i:
        marked = cur.pos_ in _VERBAL and any(c.dep_ == "mark" and c.lower_ == "before" for c in cur.children)
        if marked or (cur.dep_ == "prep" and cur.lower_ == "before"):
            governor = cur.head
            ranks = [_unit_rank(e) for e in exprs if e.start not in resolved and _lasts(e, governor)]
            return (governor.i, max(ranks)) if ranks else None
        cur = cur.head
    return None


def _lasts(expr: Span, verb: Token) -> bool:
    """Whether the unresolved date expression `expr` is a stretch `verb` lasts: its object or a 'for' phrase of it
    ('spent two years', 'held for months')."""
    root = expr.root
    if root.head.i == verb.i and root.dep_ in {"dobj", "npadvmod"}:
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "for" and root.head.head.i == verb.i


def _unit_rank(expr: Span) -> int:
    """Return the rank of the longest unit of time `expr` names (day 1, week 2, month 3, year 4, decade 5), 0 for
    none."""
    return max((_UNIT_RANKS.get(t.lemma_.lower(), 0) for t in expr), default=0)


_UNIT_RANKS = lexicon.dates().unit_ranks
_PRECISION_RANKS = {10: 1, 7: 3, 4: 4}  # length of an ISO date -> the rank of the unit it is precise to


def _outlasts(stretch: tuple[int, int] | None, date: str) -> bool:
    """Whether a stretch ending in the trigger's happening is at least as long as the precision of the date the
    clauses above it state ('in 2007 ... for two years': the happening is of another year)."""
    return stretch is not None and stretch[1] >= _PRECISION_RANKS.get(len(date), 4)


def _before_its_governor(verb: Token) -> bool:
    """Whether `verb` is in the past perfect under another verb ('claiming X had held meetings', 'learnt that the
    court had upheld'): it happened before what governs it, so that clause's date is not its date."""
    return verb.pos_ in _VERBAL and verb.dep_ in {"ccomp", "xcomp", "advcl", "conj"} and any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ == "had" for c in verb.children)


def _whose_clause(verb: Token) -> bool:
    """Whether `verb` heads a 'whose' relative clause ('X, whose father was killed in Y'): who someone is."""
    return verb.dep_ == "relcl" and verb.pos_ in _VERBAL and any(
        c.lower_ == "whose" for c in verb.subtree if c.i < verb.i)


def _way_up(trigger: Token) -> tuple[list[Token], bool]:
    """Return the trigger, the nouns above it up to its verb ('the anniversary of the withdrawal') and the verbs
    above up to a 'whose' clause's own, and whether the way up stopped at a span's bound ('until X's capture':
    the span's start dates the clause above, not the capture)."""
    chain = [trigger]
    cur, in_noun_phrase = trigger, trigger.pos_ not in _VERBAL
    bounds = lexicon.grammar().time_bounds
    while cur.head.i != cur.i:
        if cur.dep_ == "prep" and cur.lower_ in bounds:
            return chain, True
        if _whose_clause(cur):
            return chain, False  # 'X, whose brother was arrested in Y, spoke on Monday': Monday is the speaking's
        cur = cur.head
        in_noun_phrase = in_noun_phrase and cur.pos_ not in _VERBAL
        if in_noun_phrase or cur.pos_ in _VERBAL or cur.head.i == cur.i:
            chain.append(cur)
    return chain, False


def dated_only_in_descriptions(trigger: Token, dates: list[tuple[Span | None, str]]) -> bool:
    """Return True when every date of the sentence belongs to a clause describing a noun off the trigger's way up
    ('X, who challenged Y in 1989, has died'): the happening is as undated as in a sentence with no date."""
    chain = _way_up(trigger)[0]
    return bool(dates) and all(expr is not None and _in_describing_clause(expr, chain) for expr, _ in dates)


_AFTER = set(lexicon.dates().after) | {"following"}
_TIME_RELATIONS = lexicon.grammar().time_bounds | _AFTER | set(lexicon.dates().before) | {"since"}


def _time_relation(expr: Span) -> str | None:
    """Return the word that puts a date in a time phrase of another happening ('since ... in 2001', 'following the
    caucuses on 3 May', 'before X in 2004'), or None when the date is not in one."""
    cur = _outside(expr)
    while cur is not None:
        if cur.lower_ in _TIME_RELATIONS and cur.dep_ in {"prep", "mark", "advmod", "advcl", "pcomp"}:
            return cur.lower_
        mark = next((c.lower_ for c in cur.children if c.dep_ == "mark" and c.lower_ in _TIME_RELATIONS), None)
        if mark is not None:
            return mark
        cur = cur.head if cur.head.i != cur.i else None
    return None


def _in_describing_clause(expr: Span, chain: list[Token]) -> bool:
    """Return True when a date belongs to a clause describing a noun ('X, founded in 2014 by Y, ...', 'the man who
    fled in 2003'): the first verb above it is a participle or relative clause on a noun, off the trigger's way up."""
    cur = _outside(expr)
    while cur is not None and cur.pos_ not in _VERBAL:
        cur = cur.head if cur.head.i != cur.i else None
    # a clause on the trigger noun itself describes the happening ('a ceasefire that X signed in March')
    return cur is not None and cur.dep_ in {"acl", "relcl"} and all(t.i not in {cur.i, cur.head.i} for t in chain)


def _outside(expr: Span) -> Token | None:
    """Return the nearest head above a date expression outside it ('ten months ago' is the date itself), or None."""
    cur = expr.root
    while expr.start <= cur.i < expr.end:
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return cur


def _in_other_happening(expr: Span) -> bool:
    """Return True when a date hangs from a verb or noun of its own before any preposition or conjunction of time
    ('since protests erupted on 1 May', 'following the caucuses on 3 May'); False for a bare date under one ('since
    2018, when X left', 'until 2010')."""
    cur = _outside(expr)
    while cur is not None:
        if cur.dep_ in {"prep", "mark"} and cur.lower_ in _TIME_RELATIONS:
            return False
        if cur.pos_ in _VERBAL or cur.pos_ == "NOUN":
            return True
        cur = cur.head if cur.head.i != cur.i else None
    return False


def _placing(expr: Span) -> bool:
    """Return True when an unresolved date expression places a happening at a time: it holds a relative word ('months
    earlier'), hangs from a verb as a time adverb ('every year'), or from a placing preposition ('during Ramadan',
    'after six years'); not a duration ('for six years', 'a 33-day war', 'aged 50 years')."""
    words = {t.lower_ for t in expr}
    if words & _RELATIVE_WORDS:
        return True
    root = expr.root
    if root.dep_ in {"npadvmod", "tmod", "advmod"}:
        return root.head.pos_ in _VERBAL
    return root.dep_ == "pobj" and root.head.lower_ in _PLACING


_RELATIVE_WORDS = set(lexicon.dates().after) | set(lexicon.dates().before)
_PLACING = lexicon.dates().placing


# auxiliaries that put a clause out of the reported news: the past perfect's 'had' (background: 'had been
# absent'), and the modals of hypotheses and habits ('would have', 'could', 'should', 'must')
_BACKGROUND_AUX = lexicon.grammar().background_auxes
_FINITE = {"VBD", "VBZ", "VBP"}


def reported_now(trigger: Token) -> bool:
    """Return True when the clause of `trigger` tells the reported news, so that the article's date dates it: a
    verb in the past ('resigned', 'was arrested'), the present perfect ('has quit') or the present ('says'); a noun
    trigger takes the tense of the verb it hangs from ('announced his resignation'). False for the past perfect
    ('had been absent'), a modal ('would have'), a 'whose' clause telling who someone is ('X, whose father was
    killed in Y'), and a verb or noun with no finite verb above it."""
    verb, steps = trigger, 0
    while verb.pos_ not in _VERBAL and verb.head.i != verb.i and steps < 4:
        verb, steps = verb.head, steps + 1
    for _ in range(4):
        if verb.pos_ not in _VERBAL:
            return False
        auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
        if any(a.lower_ in _BACKGROUND_AUX for a in auxes):
            return False
        if _whose_clause(verb):
            return False  # 'said X, whose father was killed in Y': who X is, not the news
        if verb.tag_ in _FINITE or any(a.tag_ in _FINITE for a in auxes):
            return True
        if verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head.i != verb.i and verb.head.pos_ in _VERBAL:
            verb = verb.head  # 'said ..., adding', 'resigned and left': the tense of the first verb
            continue
        return False
    return False
