"""Happenings (statements, appointments, deals, arrests, releases, visits, attacks, meetings, ...) for the timeline.

A sentence yields at most two events, of different kinds, each started by a trigger word (verb or noun) of the
event lexicon read in its construction (`event_triggers`). Participants are the entity mentions among the
trigger's arguments (or, in a sentence that states a date, all its mentions); a statement's are its named
speakers and the parties a stance is about (`statements`). A happening whose clause states no date of its own
takes the article's date, marked as such, when its clause tells the reported news; else it stays undated.
No event from a question, a plan, a condition, a future, a denial of a happening without a date, or what a
quotation says; nor from what an accusation alleges, a purpose clause, a habit with 'would', or a happening the
article named before ("X's visit" after X's visit was told).
"""

from __future__ import annotations

import re
from datetime import date as date_cls

from spacy.tokens import Span, Token

from linkchart import lexicon
from linkchart.extract.context import (
    SentenceContext,
    agents,
    arg_for,
    clause_agents,
    controlling_verb,
    ents_for,
    patients,
    sent_ents,
    sent_tokens,
)
from linkchart.extract.credits import dateline_length
from linkchart.extract.dates import is_date_expression
from linkchart.extract.doctext import span_text
from linkchart.extract.event_dates import dated_only_in_descriptions, event_time, reacted_to, reported_now
from linkchart.extract.event_kinds import construction_kind, not_an_event, refine_kind
from linkchart.extract.event_triggers import let_go, trigger_kind
from linkchart.extract.modality import modality_memo, report_sources
from linkchart.extract.statements import in_quotation, says_something, speakers, targets
from linkchart.models import Event

PARTICIPANT_LABELS = lexicon.labels().arguments
_MAX_ARG_WORDS = 6


def _phrase(ctx: SentenceContext, tok: Token) -> str:
    """Return a short text for an argument: its entity mention, or its noun phrase cut to a few words."""
    ent = ctx.ent_at[tok.i]
    if ent is not None:
        return ent.text
    if tok.pos_ == "PRON":  # 'he was arrested': the person the pronoun stands for, when one fits
        found = ents_for(ctx, tok, conj=False)
        return arg_for(ctx, found[0]).text if found else tok.text
    words = [t for t in tok.doc[tok.left_edge.i: tok.i + 1] if t.dep_ not in {"det", "punct"}]
    return " ".join(t.text for t in words[-_MAX_ARG_WORDS:])


def _arguments(ctx: SentenceContext, trigger: Token) -> tuple[list[Token], list[Token], list[Token]]:
    """Return (doer tokens, undergoer tokens, other argument tokens) of a trigger."""
    others = [g for c in trigger.children if c.dep_ in {"prep", "agent", "dative"} for g in c.children
              if g.dep_ == "pobj"]
    if trigger.pos_ in {"VERB", "AUX"}:
        doers, undergoers = agents(trigger), patients(trigger)
        # 'lifted the sanctions on X', 'opened fire on X': whom the object noun is aimed at
        others += [g for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"} for p in c.children
                   if p.dep_ == "prep" and p.lower_ in {"on", "against"} for g in p.children if g.dep_ == "pobj"]
        others += _shown(trigger)
        others += _office_bodies(trigger)
        if trigger.lemma_ == "let":
            undergoers += let_go(trigger)  # 'the court let him go': who goes
        if not doers and trigger.tag_ == "VBG" and trigger.dep_ == "pcomp" and trigger.head.lower_ in _TIME_PREPS \
                and trigger.head.dep_ == "prep" and trigger.head.head.pos_ in {"VERB", "AUX"}:
            doers = agents(trigger.head.head)  # 'after winning the primaries, X became ...': X won them
    else:
        doers = [c for c in trigger.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        if not doers:
            # 'a ceasefire that X and Y signed', 'the raid, carried out by X': the doers of the clause on the noun
            doers = next((found for c in trigger.children if c.pos_ in {"VERB", "AUX"} and _clause_on_noun(c)
                          and (found := [t for t in agents(c) if t.i != trigger.i])), [])
        if not doers and not reacted_to(trigger):
            doers = [e.root for e in clause_agents(ctx, trigger)]
        undergoers = [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in {"of", "on", "against"}
                      for g in c.children if g.dep_ == "pobj"]
        others += [c for c in trigger.children if c.dep_ in {"compound", "nmod"}]
    return doers, undergoers, others


def _office_bodies(verb: Token) -> list[Token]:
    """Return the bodies of the office a verb gives or takes ('was appointed deputy commander of X', 'became
    chairman of Y', 'named Z as head of W'; rule office_body): they take part in the appointment."""
    offices = [c for c in verb.children if c.dep_ in {"oprd", "attr"}]
    offices += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
                if g.dep_ == "pobj"]
    return [g for o in offices for p in o.children if p.dep_ == "prep" and p.lower_ in _OFFICE_PREPS
            for g in p.children if g.dep_ == "pobj"]


_OFFICE_PREPS = frozenset({"of", "at", "for"})
_SHOWING = lexicon.loader.lower("perceived_doing")  # 'showing', 'picturing'


def _shown(verb: Token) -> list[Token]:
    """Return who footage shows when it surfaces ('a clip showing X surfaced', 'a clip surfaced showing X', 'a video,
    surfaced on Monday, shows X'): they take part in its publication."""
    showing = [c for c in verb.children if c.dep_ in {"advcl", "xcomp"}]
    showing += [a for c in verb.children if c.dep_ == "nsubj" for a in c.children if a.dep_ == "acl"]
    if verb.dep_ == "acl" and verb.head.dep_ == "nsubj":
        showing.append(verb.head.head)
    return [g for a in showing if a.lemma_.lower() in _SHOWING for g in a.children if g.dep_ == "dobj"]


def _in_other_description(ctx: SentenceContext, tok: Token, trigger: Token) -> bool:
    """Whether `tok` lies in a participle or relative clause describing an unnamed noun that does not hold the
    trigger (rule described_not_party: 'after the commission, headed by X, ...'); a clause on the trigger noun
    itself ('a deal that secured the release of X') or on a name ('X, which shared them with Y; both published')
    tells parties."""
    cur = tok
    while cur.head.i != cur.i:
        if cur.i == trigger.i:
            return False
        if cur.dep_ in {"acl", "relcl"} and cur.pos_ in {"VERB", "AUX"}:
            return cur.head.i != trigger.i and ctx.ent_at[cur.head.i] is None and trigger not in cur.subtree
        cur = cur.head
    return False


def _in_earlier_conjunct(tok: Token, trigger: Token) -> bool:
    """Whether `tok` belongs to the clause of a verb the trigger's clause is coordinated with ('X captured Y, and
    residents accused them of ...': Y is the capture's, not the accusation's; rule conjunct_not_party): the first
    verb above `tok` is one the trigger's way up enters by a 'conj' link (its own conjunct)."""
    verb = next((t for t in (tok, *tok.ancestors) if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.i == trigger.i:
        return False
    cur = trigger
    while cur.head.i != cur.i:
        if cur.head.i == verb.i:
            return cur.dep_ == "conj"  # the trigger's clause is a conjunct of that verb's own
        cur = cur.head
    return False




def _clause_on_noun(verb: Token) -> bool:
    """Whether `verb` heads a clause that describes the noun it hangs on: a relative clause opened by a relative
    pronoun ('that X signed'), or a past participle ('signed by X'); not a clause the parser hung on the noun
    without one ('a statement agreeing the issue should be decided by Y')."""
    if verb.dep_ == "acl":
        return verb.tag_ == "VBN"
    return verb.dep_ == "relcl" and any(c.tag_ in {"WDT", "WP", "WP$"} or c.lower_ == "that" for c in verb.children)


def summarise(ctx: SentenceContext, trigger: Token) -> str:
    """Return a short phrase for an event: 'Khazali captured by British special forces', 'X visit to Y'."""
    doers, undergoers, others = _arguments(ctx, trigger)
    doer = _phrase(ctx, doers[0]) if doers else ""
    undergoer = _phrase(ctx, undergoers[0]) if undergoers else ""
    word = trigger.text if trigger.pos_ in {"VERB", "AUX"} else trigger.lemma_
    if trigger.pos_ in {"VERB", "AUX"} and undergoer and trigger.tag_ == "VBN":
        text = f"{undergoer} {word} by {doer}" if doer else f"{undergoer} {word}"  # 'Djalali arrested
    elif trigger.pos_ in {"VERB", "AUX"}:
        text = " ".join(x for x in (doer, word, undergoer) if x)
        others = [o for o in others if o.head.lower_ not in _TIME_PREPS and o.ent_type_ not in {"DATE", "TIME"}]
        if not undergoer and others:
            prep = others[0].head.text
            text += f" {prep} {_phrase(ctx, others[0])}"
    else:
        rest = f" of {undergoer}" if undergoer else ""
        if not rest and others:
            rest = f" {others[0].head.text} {_phrase(ctx, others[0])}" if others[0].dep_ == "pobj" else ""
        text = f"{doer} {word}{rest}".strip()
    return " ".join(text.split())


def events_in_sentence(ctx: SentenceContext, sent: Span, offset: int, date: str | None,
                       kinds: dict[str, str], dates: list[tuple[Span | None, str]] | None = None,
                       article_date: str | None = None, context_date: str | None = None,
                       previous_day: str | None = None, told: dict[str, str] | None = None) -> list[Event]:
    """Return the events one sentence states (at most `MAX_EVENTS_PER_SENTENCE`, of different kinds); `kinds` maps
    trigger lemmas to event kinds (`lexicon.events().triggers`), read in their construction
    (`event_triggers.trigger_kind`). `dates` are the sentence's date expressions (`dates.sentence_dates`): each
    event takes the date of its own clause (`event_dates.event_date`); without them every event takes `date`, the
    sentence's first. A happening whose sentence states no date is still an event when a named party takes part
    in it (see `_undated_ok`): dated by `article_date` (marked `date_source='article'`) when its clause tells the
    reported news, else undated. `context_date` is the last date the article stated before the sentence: when it
    lies months before the article's date, a happening in the past tense is narrative set then ('In 2014 X moved
    to Y. There he met Z.'), not the news, and stays undated (a statement is still the reporter's news).
    `previous_day` is the day the sentence before stated: a happening in the simple past right after a sentence
    dated a few days before the article ('Yesterday, X held primaries. Y won the primaries in Z.') took place
    that day, not on the article's (marked `date_source='context'`). `told` is what the article told so far, by
    event kind (see `_remember`), updated in place: a happening in the simple past without a date of its own, of
    a kind the article last told on a day a few days before its own ('A court yesterday sentenced fifteen people.
    ... The judge sentenced X to death.'), takes that day; of a kind last told at another time ('resigned earlier
    in the week. He resigned by text message.'), no date rather than the article's."""
    if dates is None:
        dates = [(None, date)] if date else []
    if span_text(sent).rstrip().endswith("?"):
        return []  # a question asks whether it happened
    candidates: list[tuple[tuple[int, int, int], Token, Event]] = []
    has_dates = bool(dates) or any(is_date_expression(e) for e in sent_ents(ctx, sent))
    sources: set[int] | None = None  # read once a trigger is found: most sentences have none
    for tok in sent_tokens(ctx, sent):
        if ctx.pos[tok.i] not in {"VERB", "NOUN", "AUX"}:
            continue
        ent = ctx.ent_at[tok.i]
        if ent is not None and ent.label_ != "EVENT":
            continue
        kind = trigger_kind(tok, kinds)
        if kind is None or (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-" and not tok.whitespace_):
            continue  # 'cross-reference' is not a crossing
        if not_an_event(tok, kinds, dates):
            continue
        kind = construction_kind(tok, kind)
        if kind is None:
            continue
        if _told_before(tok, kind, told):
            continue  # 'Following his vacation, ...': the vacation the article told already
        if _alleged(tok, kinds):
            continue  # 'accused X of violating the truce': the accusation is the happening told
        if not dates and (kind in ONGOING_KINDS or not _undated_ok(tok, negated=False)):
            continue  # cheap checks of an undated trigger before its modality is read
        statement = kind == "statement" and tok.pos_ in {"VERB", "AUX"}  # a noun ('his speech') as other events
        if not statement and _scheduled(tok) and span_text(sent).rstrip()[-1:] in SENTENCE_ENDS:
            continue  # 'X meets on 12 January.': a schedule (a headline's present tells news: 'X strikes Y')
        if statement and (not says_something(tok) or in_quotation(tok) or _progressive(tok)
                          or tok.dep_ in {"acl", "amod"} or _infinitive(tok)):
            continue  # 'those described by X', 'enabled X to boast': no saying stated
        mod = modality_memo(ctx.memo, tok)
        if mod.irrealis or mod.planned or _to_be_done(tok) or _governor_unrealised(ctx, tok):
            continue
        if not statement and (_unrealised_above(ctx, tok) or _habitual(ctx, tok, sent) or _purpose(tok)):
            continue  # 'could switch to holding a primary', 'N delegates are needed to win', 'X uses primaries'
        own_date, elsewhere = event_time(tok, sent, dates, own_only=statement, ents=sent_ents(ctx, sent)) \
            if has_dates else (None, False)
        date_source = None
        if not own_date and not statement and not mod.negated and kind not in ONGOING_KINDS:
            own_date = _anchor_date(tok, kinds, told)  # 'Following his vacation, X met Y': when the vacation was
            date_source = "context" if own_date else None
        if not own_date:
            if dates and not statement and not elsewhere and not dated_only_in_descriptions(tok, dates):
                continue  # it bounds a span, or only another happening is dated: left out, as before
            if not _undated_ok(tok, mod.negated) or kind in ONGOING_KINDS:
                continue
            if not statement and tok.dep_ == "acl" and _infinitive(tok):
                continue  # 'support for him to form a party': not (yet) happened
            if not statement and (_habit(tok) or _referred_back(ctx, tok, kind, told)):
                continue  # 'X would travel to Y' (a habit); "X's visit had an echo" (the visit told before)
            same_as_before = _told_just_before(tok, kind, told) if kind != "statement" and not elsewhere else None
            if same_as_before:
                own_date, date_source = same_as_before, "context"  # 'X was arrested in 2007. Y was arrested with him.'
            elif article_date and not elsewhere and reported_now(tok) and not _vaguely_earlier(tok):
                narrative = not statement and _simple_past(tok)
                if narrative and _days_before(previous_day, article_date):
                    own_date, date_source = previous_day, "context"
                elif narrative and told and kind in told:
                    own_date, date_source = (told[kind], "context") if told[kind] else (None, None)
                elif statement or not _set_earlier(context_date, article_date):
                    own_date, date_source = article_date[:10], "article"  # the day, not the hour of publication
            elsewhere = elsewhere or own_date is None and _vaguely_earlier(tok)
        if sources is None:
            sources = _report_sources(sent)
        if not statement and _cited_source(tok):
            continue  # rule source_not_news: 'according to a statement by X' names where the report comes from
        doers, undergoers, others = _arguments(ctx, tok)
        if statement:
            said_by = speakers(ctx, tok)
            if not said_by:
                continue  # a statement needs a named speaker
            if _lemma(tok) in lexicon.events().statement_targets and not _past(tok):
                continue  # 'X backs Y' is a stance held, 'X backed Y' a statement made
            mentions = said_by + [e for e in targets(ctx, tok) if e not in said_by]
        else:
            kind = _refine(ctx, kind, undergoers + [c for c in tok.children
                                                     if c.dep_ == "poss" and tok.pos_ == "NOUN"])
            if kind is None:
                continue
            mentions = _participants(ctx, tok, doers + undergoers + others,
                                     sources - _controller(tok) - _own_agent(tok))
            if not mentions:
                mentions = _owners(ctx, doers + undergoers)  # 'shares in X rose', "X's profits fell"
            if not mentions and date_source is None and own_date:
                # a dated sentence: its mentions take part, as before, but for those of a clause describing another
                # noun ('Protests erupted after the commission, headed by X, ...': X took no part)
                mentions = [e for e in sent_ents(ctx, sent) if e.label_ in PARTICIPANT_LABELS
                            and e.root.i not in sources and not _in_other_description(ctx, e.root, tok)
                            and not _in_earlier_conjunct(e.root, tok)]
            if not own_date or date_source is not None:
                own = doers if tok.pos_ in {"VERB", "AUX"} or _held_by_subject(tok) else \
                    [c for c in tok.children if c.dep_ == "poss"]
                if not _named_party(ctx, tok, own + undergoers + others, sources) \
                        and not _owners(ctx, doers + undergoers):
                    continue  # an undated happening needs a named party among its own arguments
                if in_quotation(tok):
                    continue  # what a quotation says happened is the speaker's, not the report's
        if not mentions and not (own_date and date_source is None and not statement and _happening_named(tok)):
            continue  # a happening with no named party is told only when its own clause dates it
        depth, cur = 0, tok
        while cur.head.i != cur.i:
            depth, cur = depth + 1, cur.head
        rank = (depth, 0 if tok.pos_ in {"VERB", "AUX"} else 1, tok.i)
        if told is not None and not statement:
            told[_SEEN + kind] = " ".join([told.get(_SEEN + kind, ""), *(e.text.lower() for e in mentions)])
            _remember(told, kind, own_date, date_source, elsewhere, article_date)
            if own_date and date_source is None:
                told[_DATED + kind] = own_date
        candidates.append((rank, tok, Event(
            kind=kind, summary="", date=own_date,
            participants=_spans(ctx, mentions, offset),
            start=sent.start_char + offset, end=sent.end_char + offset,
            negated=mod.negated, attributed_to=None if statement else mod.attributed_to, date_source=date_source,
        )))
    candidates = _drop_channels(candidates)
    # the happening of the main clause first; a background happening of another kind ('Following the
    # killing of five soldiers in Karbala, X was arrested') is a second event, nothing more
    candidates.sort(key=lambda c: c[0])
    kept = candidates[:1]
    for candidate in candidates[1:]:
        if all(candidate[2].kind != k[2].kind or _told_apart(candidate[1:], k[1:]) for k in kept) \
                and len(kept) < MAX_EVENTS_PER_SENTENCE:
            kept.append(candidate)
    for _rank, tok, event in kept:
        event.summary = summarise(ctx, tok)  # only for the events kept
    return [event for _rank, _tok, event in kept]


def _happening_named(tok: Token) -> bool:
    """Whether a noun trigger is the subject of its clause ('The unrest began on October 1', 'a bomb attack killed
    ten people on Monday'): the clause tells the happening itself, though no party is named."""
    return tok.pos_ == "NOUN" and tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.pos_ in {"VERB", "AUX"}


def _told_apart(one: tuple[Token, Event], other: tuple[Token, Event]) -> bool:
    """Return True when two events of one kind in a sentence are two happenings: told in two coordinated clauses,
    each dated by its own, on different dates ('caucuses were held in X on 3 May, and a primary was held in Y on
    11 May'); not a happening named inside another's clause ('became the nominee for the 2020 election')."""
    (tok_a, a), (tok_b, b) = one, other
    if a.date_source is not None or b.date_source is not None or a.date is None or b.date is None \
            or a.date == b.date:
        return False
    verb_a, verb_b = _clause_verb(tok_a), _clause_verb(tok_b)
    return verb_a is not None and verb_b is not None and (
        verb_a.dep_ == "conj" and verb_a.head.i == verb_b.i or verb_b.dep_ == "conj" and verb_b.head.i == verb_a.i)


def _clause_verb(tok: Token) -> Token | None:
    """Return the verb of a trigger's clause: the trigger itself, or the verb a noun is the subject or object of."""
    if tok.pos_ in {"VERB", "AUX"}:
        return tok
    if tok.dep_ in {"nsubj", "nsubjpass", "dobj"} and tok.head.pos_ in {"VERB", "AUX"}:
        return tok.head
    return None


def _spans(ctx: SentenceContext, mentions: list[Span], offset: int) -> list[tuple[int, int]]:
    """Return the article spans of the participants: a pronoun standing in for a speaker named in the previous
    paragraph ('he told the paper') takes that speaker's span, as relations do (`arg_for`)."""
    out: list[tuple[int, int]] = []
    for e in mentions:
        arg = arg_for(ctx, e)
        if (arg.start + offset, arg.end + offset) not in out:
            out.append((arg.start + offset, arg.end + offset))
    return out


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _past(verb: Token) -> bool:
    """Return True when a verb is in the past or the present perfect ('backed', 'was backed', 'has backed')."""
    return verb.tag_ == "VBD" or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBD", "VBZ", "VBP"}
                                     for c in verb.children) and verb.tag_ == "VBN"


def _to_be_done(tok: Token) -> bool:
    """Return True when the trigger is arranged to happen: 'X is to halt its flights', 'is due to vote'."""
    verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
    return verb.dep_ == "xcomp" and _lemma(verb.head) == "be" and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _undated_ok(tok: Token, negated: bool) -> bool:
    """Return True when a trigger without a date of its own may still be an event: not denied ('did not
    resign'); a noun only when it names one happening ('the meeting', "X's arrest", 'a takeover of Y'), not a
    kind of thing ('detention without trial', 'election planning', 'take charge of')."""
    if negated:
        return False
    if tok.pos_ in {"VERB", "AUX"}:
        return True
    if tok.dep_ in {"compound", "nmod"}:
        return False
    return any(c.dep_ in {"det", "poss", "nummod"} for c in tok.children) or tok.tag_ == "NNS" and any(
        c.dep_ == "prep" for c in tok.children)


def _named_party(ctx: SentenceContext, tok: Token, args: list[Token], sources: set[int]) -> bool:
    """Return True when a person, organisation or state takes part as the trigger's doer or undergoer, or in a
    'with', 'between', 'against' or 'by' phrase ('a meeting with X'); a place where it happened ('protests in
    Y') or a clause subject above a noun does not make an undated happening."""
    for t in args:
        if t.i in sources:
            continue
        if t.dep_ == "pobj" and t.head.lower_ not in PARTY_PREPS:
            continue
        if any(e.label_ in NAMED_PARTY_LABELS for e in ents_for(ctx, t)):
            return True
    return False


NAMED_PARTY_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
SENTENCE_ENDS = {".", "!", '"', "\u201d"}  # a headline has none
PARTY_PREPS = lexicon.grammar().party_preps
# kinds that are conditions rather than one happening: without a date of their own they are no event ('the war
# against X', 'the fight for Y')
ONGOING_KINDS = {"war"}


def _governor_unrealised(ctx: SentenceContext, tok: Token) -> bool:
    """Return True when a noun trigger is the object of a verb that did not happen ('plans to sign a deal',
    'wanted to boycott the vote'), or a present participle describes an argument of one ('troops will replace
    the troops withdrawing from X': the withdrawal is as planned as the replacement)."""
    if tok.pos_ in {"VERB", "AUX"} and tok.tag_ == "VBG" and tok.dep_ == "acl" \
            and tok.head.dep_ in {"dobj", "nsubj", "nsubjpass"}:
        verb = tok.head.head
    elif tok.pos_ == "NOUN" and tok.dep_ == "dobj":
        verb = tok.head
    else:
        return False
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    mod = modality_memo(ctx.memo, verb)
    return mod.irrealis or mod.planned or _to_be_done(verb)


_EXPECTED = lexicon.verbs().planned | lexicon.events().unrealised_governors
_UNREAL_GOVERNORS = lexicon.verbs().irrealis | _EXPECTED
# dependencies a happening hangs from its governing verb by, climbing to the verbs that decide whether it happened
_GOVERNED_BY = lexicon.syntax().event_governor_path


def _verbs_above(tok: Token, steps: int = 6) -> list[tuple[Token, str]]:
    """Return the verbs a trigger hangs from, nearest first, each with the dependency it is reached by, climbing
    complements, prepositions and objects; not adverbial clauses nor time phrases ('after X resigned, Y was
    elected', 'could be arrested after the attack' leave the resignation and the attack to their own verbs)."""
    out, cur = [], tok
    for _ in range(steps):
        if cur.head.i == cur.i or cur.dep_ not in _GOVERNED_BY:
            break
        if cur.dep_ == "prep" and cur.lower_ in _TIME_PREPS:
            break
        link, cur = cur.dep_, cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            out.append((cur, link))
    return out


_TIME_PREPS = {"after", "before", "since", "following", "during"}
_HYPOTHETICAL = {"could", "might", "may", "should", "must"}


def _unrealised_above(ctx: SentenceContext, tok: Token) -> bool:
    """Return True when a verb above the trigger says it did not (yet) happen: a modal ('could switch to holding a
    primary'), a verb of planning, expecting or requiring ('intends to leave', 'are needed to win'), or an
    infinitive modifying a noun ('for a candidate to win the nomination'). Above a subject ('the vote is
    scheduled for May') only expecting and requiring count: 'his visit could have been leaked' or 'was planned
    as a reminder' says the visit happened."""
    verbs = ([(tok, "")] if tok.pos_ in {"VERB", "AUX"} else []) + _verbs_above(tok)
    subject_seen = False
    for verb, link in verbs:
        subject_seen = subject_seen or link in {"nsubj", "nsubjpass"}
        lemma = _lemma(verb)
        if verb.i != tok.i and (lemma in _EXPECTED or not subject_seen and lemma in _UNREAL_GOVERNORS):
            return True
        if link == "xcomp" and lemma in lexicon.events().commitments:
            return True  # 'has agreed to vote in favour': agreed, not yet done
        if subject_seen:
            continue
        if any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL for c in verb.children):
            return True  # not 'would travel', a habit in the past, nor 'will' (planned, read by modality)
        if _infinitive(verb) and (verb.dep_ in {"relcl", "acl"}
                                  or any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)):
            return True  # 'for a candidate to win', 'support for him to form a party'
    return False


def _habitual(ctx: SentenceContext, tok: Token, sent: Span) -> bool:
    """Return True when a noun trigger is the object of a verb in the simple present whose subject is a named party
    and that states a rule or custom ('the party uses primaries to choose', 'X holds elections every four years'):
    no happening reported. Not when the noun is the subject ('the resignation comes after'), nor under 'be', a
    verb of saying, or a document's verb ('a report details a meeting')."""
    if tok.pos_ in {"VERB", "AUX"} or tok.dep_ in {"nsubj", "nsubjpass"}:
        return False
    if span_text(sent).rstrip()[-1:] not in SENTENCE_ENDS:
        return False  # a headline's present tells news
    verbs = _verbs_above(tok, steps=6)
    if not verbs or any(link in {"nsubj", "nsubjpass"} for _v, link in verbs):
        return False
    verb = verbs[-1][0]  # the main verb: 'uses primaries', 'uses caucuses to select its nominee for the election'
    if not _scheduled(verb) or verb.dep_ != "ROOT" or _lemma(verb) == "be" \
            or _lemma(verb) in lexicon.verbs().attribution or _lemma(verb) in lexicon.verbs().speech:
        return False
    return any(_names_party(ctx, c) for c in verb.children if c.dep_ == "nsubj")


_ORG_NOUNS = lexicon.organisations().nouns | lexicon.organisations().heads


def _names_party(ctx: SentenceContext, subj: Token) -> bool:
    """Return True when a subject names a party: a mention itself or in its conjuncts and compounds ('the Green
    League and the Blue League'), or an organisation noun with a named modifier ('the Red and Blue parties'; not
    'the leaked Iranian cables')."""
    modifiers = {"conj", "compound"} | ({"amod"} if subj.lemma_.lower() in _ORG_NOUNS else set())
    return any(ctx.ent_at[t.i] is not None and ctx.ent_at[t.i].label_ in NAMED_PARTY_LABELS
               for t in (subj, *(g for g in subj.children if g.dep_ in modifiers)))


def _held_by_subject(noun: Token) -> bool:
    """Return True when the subject of the clause takes part in the happening a noun names: the noun is the
    verb's object ('X held a meeting with Y') or the verb's 'at' or 'during' phrase ('X spoke at a meeting')."""
    if noun.dep_ == "dobj":
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ in {"at", "during"} and noun.head.head.pos_ in {"VERB", "AUX"}


_DATED = "dated:"  # key prefix in `told`: the date of the last happening of a kind the article dated by its words
_SEEN = "seen:"  # key prefix in `told`: a happening of the kind was told (as an event) before
JUST_BEFORE = "before:"  # key prefix in `told`: the date the sentence before gave a happening of a kind by its words
AT_NEWS = "at-news"  # key in `told`: since the last date it stated, the article told a happening as its news
_BACK_REFERENCE = {"the", "this", "that"}
_ANCHOR_PREPS = {"after", "following", "during"}


def _anchor_date(tok: Token, kinds: dict[str, str], told: dict[str, str] | None) -> str | None:
    """Return the date of the happening a trigger's clause follows or falls in, when the article told it before with
    a date of its own words ('In 2005 X took a trip to Y. ... Following his trip, X met Z.' → 2005): an 'after',
    'following' or 'during' phrase whose noun refers back ('his', 'the', 'this') to a happening of a kind the
    article dated; else None. After it, only the year ('after' may cross into the next month); during it, its
    date."""
    if not told:
        return None
    verb = tok if tok.pos_ in {"VERB", "AUX"} else next((v for v, _link in _verbs_above(tok, steps=3)), None)
    if verb is None:
        return None
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ not in _ANCHOR_PREPS:
            continue
        for noun in (g for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"):
            if not any(d.dep_ == "poss" or d.dep_ == "det" and d.lower_ in _BACK_REFERENCE for d in noun.children):
                continue
            before = told.get(_DATED + kinds.get(noun.lemma_.lower(), ""))
            if before and before[:4].isdigit():
                return before if c.lower_ == "during" else before[:4]
    return None


def _told_just_before(tok: Token, kind: str, told: dict[str, str] | None) -> str | None:
    """Return the date the sentence before gave, by its own words, a happening of the trigger's kind, when the trigger
    tells one in the simple past with no date of its own, together with another party: the same happening told on
    ('X was arrested in March 2007. Y was apprehended with him.'); else None (a release after an arrest is another
    happening, and so is a second statement: the caller asks only for other kinds)."""
    if not told or not _simple_past(tok) or not _told_together(tok):
        return None
    return told.get(JUST_BEFORE + kind) or None


_TOGETHER_PREPS = {"with", "alongside"}


def _told_together(tok: Token) -> bool:
    """Return True when a trigger's verb says it happened together with another party ('was apprehended with him',
    'alongside them', 'attacked Y too'); not 'won the primary with 25% of the vote'."""
    verb = tok if tok.pos_ in {"VERB", "AUX"} else next((v for v, _link in _verbs_above(tok, steps=3)), None)
    if verb is None:
        return False
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ == "too":
            return True
        if c.dep_ == "prep" and c.lower_ in _TOGETHER_PREPS and any(
                g.dep_ == "pobj" and (g.pos_ == "PRON" or g.ent_type_ in {"PERSON", "ORG", "NORP"})
                for g in c.children):
            return True
    return False


def _referred_back(ctx: SentenceContext, tok: Token, kind: str, told: dict[str, str] | None) -> bool:
    """Return True when an undated noun trigger refers back ('the meetings', 'this attack', "X's visit" with X
    taking part in it) to a happening of its kind the article told before as an event, as a subject or in a
    phrase, not as an object: the same happening named again, no new one ('X visited Y in 2004. ... X's visit had
    only a mild echo.')."""
    if not told or tok.pos_ != "NOUN" or _SEEN + kind not in told or _lemma(tok) in _THINGS_GIVEN:
        return False
    if tok.dep_ == "dobj":
        return False  # 'X won the primaries' after they were held: the clause tells what was done with them
    taking_part = set(_WORDS.findall(told[_SEEN + kind]))
    for d in tok.children:
        if d.dep_ == "det" and d.lower_ in _BACK_REFERENCE:
            return True
        if d.dep_ != "poss":
            continue
        owners = [e.text.lower() for e in ents_for(ctx, d)] if d.pos_ == "PRON" else [d.lower_]
        if any(set(_WORDS.findall(owner)) & taking_part for owner in owners):
            return True  # "X's visit", 'his visit' after a visit of X; not "Y's licence" after X's
    return False


_WORDS = re.compile(r"\w+")
_THINGS_GIVEN = lexicon.loader.lower("thing_head")  # 'the award' names the prize, not one giving of it


def _purpose(tok: Token) -> bool:
    """Return True when a trigger is in a purpose clause ('created cells to conduct bombings', 'went to Y to meet
    Z'): what the doer set out to do, not what the text says was done. Not across a relative clause ('to bolster
    his network, which split from Y in 2006': the split is told) nor above a finite verb."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in {"VERB", "AUX"}:
            if cur.dep_ == "advcl" and _infinitive(cur):
                return True
            if cur.tag_ in {"VBD", "VBZ", "VBP"} or any(c.dep_ in {"nsubj", "nsubjpass"} for c in cur.children):
                return False
        if cur.dep_ == "relcl" or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _habit(tok: Token) -> bool:
    """Return True when a trigger's verb (a noun's governing verb) tells a habit of the past with 'would' ('X would
    travel to Y', 'the meetings the two would hold'): many happenings, none of them told ('would have' is no
    habit, and a date of its own makes it one happening: 'would travel to Y in early 2004')."""
    verb = tok if tok.pos_ in {"VERB", "AUX"} else next((v for v, _link in _verbs_above(tok, steps=3)), None)
    if verb is None:
        return False
    auxes = [c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return "would" in auxes and "have" not in auxes


_ALLEGING_PREPS = {"of", "with", "for"}


def _alleged(tok: Token, kinds: dict[str, str]) -> bool:
    """Return True when a trigger is what an accusation says was done ('accused X of violating the truce', 'charged
    with the killing of Y'): in an 'of', 'with' or 'for' phrase of a word of accusation; the accusation is the
    happening told, not what it alleges."""
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ == "prep" and cur.lower_ in _ALLEGING_PREPS and kinds.get(_lemma(cur.head)) == "accusation":
            return True
        cur = cur.head
    return False


def _told_before(tok: Token, kind: str, told: dict[str, str] | None) -> bool:
    """Return True when a noun trigger in an 'after' or 'following' phrase refers back ('his arrest', 'the visit')
    to a happening of its kind the article dated before: the same happening told again, no new one."""
    if not told or tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ not in _ANCHOR_PREPS:
        return False
    return _DATED + kind in told and any(
        d.dep_ == "poss" or d.dep_ == "det" and d.lower_ in _BACK_REFERENCE for d in tok.children)


_VAGUE_PAST = {"earlier", "recently", "previously", "lately"}


def _vaguely_earlier(tok: Token) -> bool:
    """Return True when the trigger's clause places it vaguely before the report ('resigned earlier in the week',
    'had recently met'): not on the article's day, and no day to name."""
    verb = tok if tok.pos_ in {"VERB", "AUX"} else next((v for v, _link in _verbs_above(tok, steps=3)), None)
    return verb is not None and any(c.dep_ == "advmod" and c.lower_ in _VAGUE_PAST for c in verb.children)


_NEAR_DAYS = 7  # a day the sentence before stated, at most this many days before the article


def _remember(told: dict[str, str], kind: str, date: str | None, date_source: str | None, elsewhere: bool,
              article_date: str | None) -> None:
    """Record in `told` when the article told a happening of `kind`: the day, when its own words date it a few
    days before the article ('yesterday'); '' when they place it at another time (another date, 'earlier in the
    week', 'during Ramadan'); nothing when it is of the article's day or its time is not told."""
    if date_source is not None:
        return  # dated by the article or the context, not by its own words
    if date and article_date and _days_before(date, article_date):
        told[kind] = date
    elif date and (not article_date or date != article_date[:10]) or date is None and elsewhere:
        told[kind] = ""
    elif date:
        told.pop(kind, None)


def _days_before(day: str | None, article_date: str) -> bool:
    """Return True when `day` is a full date from one to `_NEAR_DAYS` days before the article's date."""
    if not day or len(day) != 10 or len(article_date) < 10:
        return False
    try:
        gap = (date_cls.fromisoformat(article_date[:10]) - date_cls.fromisoformat(day)).days
    except ValueError:
        return False
    return 0 < gap <= _NEAR_DAYS


def _simple_past(tok: Token) -> bool:
    """Return True when a trigger's verb (a noun's governing verb) is in the simple past ('won', 'was held')."""
    verb = tok if tok.pos_ in {"VERB", "AUX"} else next((v for v, _link in _verbs_above(tok, steps=3)), None)
    if verb is None:
        return False
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return verb.tag_ == "VBD" and not auxes or verb.tag_ == "VBN" and any(a.tag_ == "VBD" for a in auxes) \
        and not any(a.lower_ == "had" for a in auxes)


def _set_earlier(context_date: str | None, article_date: str) -> bool:
    """Return True when the last date the article stated lies in an earlier month than the article's own date but
    one (the narrative is set then)."""
    if not context_date or not context_date[:4].isdigit():
        return False
    year, month = int(article_date[:4]), int(article_date[5:7]) if len(article_date) >= 7 else 12
    c_year = int(context_date[:4])
    c_month = int(context_date[5:7]) if len(context_date) >= 7 and context_date[5:7].isdigit() else 12
    return (year * 12 + month) - (c_year * 12 + c_month) > 1


def _scheduled(verb: Token) -> bool:
    """Return True for a verb in the simple present ('X meets on Monday', 'Y visits Z every year'): a schedule or
    a habit, not a reported happening (a verb of saying in the present is: 'X says')."""
    return verb.pos_ in {"VERB", "AUX"} and verb.tag_ in {"VBZ", "VBP"} and not any(
        c.dep_ in {"aux", "auxpass"} for c in verb.children)


def _infinitive(verb: Token) -> bool:
    """Return True for an infinitive ('to boast', 'to comment'): wanted, allowed or asked, not done."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _progressive(verb: Token) -> bool:
    """Return True for a progressive verb of saying ('Iran is saying it has options'): a stance, not a statement."""
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and _lemma(c) == "be" for c in verb.children)


def _participants(ctx: SentenceContext, tok: Token, args: list[Token], sources: set[int]) -> list[Span]:
    """Return the mentions among a trigger's arguments and the places under it, reporting sources left out."""
    mentions: list[Span] = []
    for t in args:
        if t.i in sources:
            continue  # 'attacks on X, AFP said': AFP reports them
        named = [e for c in t.children if c.dep_ == "appos" for e in ents_for(ctx, c)] \
            if ctx.ent_at[t.i] is not None and ctx.ent_at[t.i].label_ == "NORP" else []
        for e in ents_for(ctx, t) + named:  # 'Three Corlinians, X, Y and Z, sued': X, Y and Z take part
            if e.label_ in PARTICIPANT_LABELS and e not in mentions:
                mentions.append(e)
    for e in _places_under(ctx, tok):  # 'a raid on US forces in Karbala': where it happened
        if e not in mentions and e.root.i not in sources:
            mentions.append(e)
    return mentions


def _owners(ctx: SentenceContext, args: list[Token]) -> list[Span]:
    """Return the named owners of argument nouns that name none themselves: "X's shares", 'shares in X',
    'the profits of X'."""
    out: list[Span] = []
    for t in args:
        if t.pos_ != "NOUN":
            continue
        for c in t.children:
            heads = [c] if c.dep_ == "poss" else [g for g in c.children if g.dep_ == "pobj"] \
                if c.dep_ == "prep" and c.lower_ in {"in", "of", "at"} else []
            out += [e for h in heads for e in ents_for(ctx, h) if e.label_ in NAMED_PARTY_LABELS and e not in out]
    return out


def _drop_channels(candidates: list[tuple[tuple[int, int, int], Token, Event]],
                   ) -> list[tuple[tuple[int, int, int], Token, Event]]:
    """Return the candidates without the statements that only report another event of the sentence ('Police
    said X was arrested': the arrest is the event, the police its source)."""
    others = [tok for _r, tok, ev in candidates if ev.kind != "statement"]
    return [(r, tok, ev) for r, tok, ev in candidates
            if ev.kind != "statement" or not any(o.i != tok.i and tok.left_edge.i <= o.i <= tok.right_edge.i
                                                 and tok.is_ancestor(o) for o in others)]


MAX_EVENTS_PER_SENTENCE = 2
PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _refine(ctx: SentenceContext, kind: str, undergoers: list[Token]) -> str | None:
    """Return the event kind once the undergoer is known ('seized a town' is a seizure, 'seized X' an arrest)."""
    labels = [e.label_ for t in undergoers for e in ents_for(ctx, t)]
    return refine_kind(kind, labels, [t for t in undergoers if ctx.ent_at[t.i] is None])


def _controller(tok: Token) -> set[int]:
    """Return the token indices of the subject of the verb whose subjectless clause `tok` heads ('After meeting X,
    Y said ...': Y met X, though Y is also the source of what follows), else nothing."""
    verb = controlling_verb(tok)
    return {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree} if verb is not None else set()


def _own_agent(tok: Token) -> set[int]:
    """Return the token indices of the 'by' phrase of a passive trigger ('a study released by X says ...'): X made
    the study public, though it is also the source of what the study says."""
    return {t.i for c in tok.children if c.dep_ == "agent" for t in c.subtree}


def _cited_source(noun: Token) -> bool:
    """Whether an event noun is the source a report cites: the object of 'according to' ('according to a statement
    by X', 'according to a report from Y')."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ == "according"


def _report_sources(sent: Span) -> set[int]:
    """Return the token indices of the sources the sentence reports from ('according to X', 'X said'): the
    monitor or agency that reports a happening does not take part in it; nor do the place and agency of a
    dateline that opens it ('KELM, March 9 (Reuters) - ...')."""
    lead = sent.start_char + dateline_length(sent.text)
    return {t.i for src in report_sources(sent) for t in src.subtree} | {t.i for t in sent if t.idx < lead}


def _places_under(ctx: SentenceContext, trigger: Token) -> list[Span]:
    """Return the place mentions in prepositional phrases under a trigger ('in Karbala')."""
    out: list[Span] = []
    for tok in trigger.subtree:
        ent = ctx.ent_at[tok.i]
        if ent is None or ent.label_ not in PLACE_LABELS or ent in out:
            continue
        path = _path_up(tok, trigger)
        if any(a.dep_ == "relcl" for a in path):
            continue  # rule relative_place_apart: 'formed by officers who defected after a crackdown in X'
        if tok.dep_ in {"pobj", "conj"} and any(a.dep_ == "prep" and a.lower_ in LOCATIVE_PREPS for a in path):
            out.append(ent)  # 'in Karbala', 'in the town of Karbala'
    return out


LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside"}


def _path_up(tok: Token, stop: Token) -> list[Token]:
    """Return the tokens from `tok` up to (not including) `stop` along the heads."""
    out = []
    while tok.i != stop.i and tok.head.i != tok.i:
        out.append(tok)
        tok = tok.head
    return out
