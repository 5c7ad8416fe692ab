"""Dated happenings (arrests, releases, visits, attacks, meetings, ...) for the timeline.

A sentence yields at most one event, and only when it states a date *and* contains a trigger word (verb or noun) from
the event lexicon (`lexicon.events().triggers`); undated happenings are left to relations. Participants are the entity
mentions among the trigger's arguments, or else all mentions of the sentence.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from linkchart import lexicon
from linkchart.extract.context import SentenceContext, agents, arg_for, clause_agents, ents_for, patients
from linkchart.extract.event_dates import event_date
from linkchart.extract.event_kinds import not_an_event, refine_kind
from linkchart.extract.modality import modality, report_sources
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
    others = [g for c in trigger.children if c.dep_ in {"prep", "agent"} for g in c.children if g.dep_ == "pobj"]
    if trigger.pos_ in {"VERB", "AUX"}:
        doers, undergoers = agents(trigger), patients(trigger)
    else:
        doers = [c for c in trigger.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        if not doers:
            doers = [e.root for e in clause_agents(ctx, trigger)]
        undergoers = [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in {"of", "on", "against"}
                      for g in c.children if g.dep_ == "pobj"]
        others += [c for c in trigger.children if c.dep_ in {"compound", "nmod"}]
    return doers, undergoers, others


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
                       kinds: dict[str, str], dates: list[tuple[Span | None, str]] | None = None) -> list[Event]:
    """Return the dated events one sentence states (empty when it has no date or no trigger); `kinds` maps
    trigger lemmas to event kinds (`lexicon.events().triggers`). `dates` are the sentence's date expressions
    (`dates.sentence_dates`): each event takes the date of its own clause (`event_dates.event_date`);
    without them every event takes `date`, the sentence's first."""
    if not date:
        return []
    candidates: list[tuple[tuple[int, int, int], Event]] = []
    sources = _report_sources(sent)
    sentence_mentions = [e for e in sent.ents if e.label_ in PARTICIPANT_LABELS and e.root.i not in sources]
    for tok in sent:
        if tok.pos_ not in {"VERB", "NOUN", "AUX"}:
            continue
        ent = ctx.ent_at[tok.i]
        if ent is not None and ent.label_ != "EVENT":
            continue
        kind = kinds.get(tok.lemma_.lower())
        if kind is None or (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-" and not tok.whitespace_):
            continue  # 'cross-reference' is not a crossing
        if not_an_event(tok, kinds, dates):
            continue
        mod = modality(tok)
        if mod.irrealis or mod.planned:
            continue
        own_date = event_date(tok, sent, dates) if dates is not None else date
        if not own_date:
            continue
        doers, undergoers, others = _arguments(ctx, tok)
        kind = _refine(ctx, kind, undergoers + [c for c in tok.children if c.dep_ == "poss" and tok.pos_ == "NOUN"])
        if kind is None:
            continue
        mentions: list[Span] = []
        for t in doers + undergoers + others:
            if t.i in sources:
                continue  # 'attacks on X, AFP said': AFP reports them
            for e in ents_for(ctx, t):
                if e.label_ in PARTICIPANT_LABELS and e not in mentions:
                    mentions.append(e)
        for e in _places_under(ctx, tok):  # 'a raid on US forces in Karbala': where it happened
            if e not in mentions:
                mentions.append(e)
        if not mentions:
            mentions = sentence_mentions
        if not mentions:
            continue
        depth, cur = 0, tok
        while cur.head.i != cur.i:
            depth, cur = depth + 1, cur.head
        rank = (depth, 0 if tok.pos_ in {"VERB", "AUX"} else 1, tok.i)
        candidates.append((rank, Event(
            kind=kind, summary=summarise(ctx, tok), date=own_date,
            participants=[(e.start_char + offset, e.end_char + offset) for e in mentions],
            start=sent.start_char + offset, end=sent.end_char + offset,
            negated=mod.negated, attributed_to=mod.attributed_to,
        )))
    # the happening of the main clause first; a background happening of another kind ('Following the
    # killing of five soldiers in Karbala, X was arrested') is a second event, nothing more
    candidates.sort(key=lambda c: c[0])
    out = [c[1] for c in candidates[:1]]
    for _rank, event in candidates[1:]:
        if event.kind != out[0].kind and len(out) < MAX_EVENTS_PER_SENTENCE:
            out.append(event)
    return out


MAX_EVENTS_PER_SENTENCE = 2
PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _refine(ctx: SentenceContext, kind: str, undergoers: list[Token]) -> str | None:
    """Return the event kind once the undergoer is known ('seized a town' is a seizure, 'seized X' an arrest)."""
    labels = [e.label_ for t in undergoers for e in ents_for(ctx, t)]
    return refine_kind(kind, labels, [t for t in undergoers if ctx.ent_at[t.i] is None])


def _report_sources(sent: Span) -> set[int]:
    """Return the token indices of the sources the sentence reports from ('according to X', 'X said'): the
    monitor or agency that reports a happening does not take part in it."""
    return {t.i for src in report_sources(sent) for t in src.subtree}


def _places_under(ctx: SentenceContext, trigger: Token) -> list[Span]:
    """Return the place mentions in prepositional phrases under a trigger ('in Karbala')."""
    out: list[Span] = []
    for tok in trigger.subtree:
        ent = ctx.ent_at[tok.i]
        if ent is None or ent.label_ not in PLACE_LABELS or ent in out:
            continue
        if tok.dep_ == "pobj" and any(a.dep_ == "prep" and a.lower_ in LOCATIVE_PREPS
                                      for a in _path_up(tok, trigger)):
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
