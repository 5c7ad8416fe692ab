"""Arguments found through phrases: 'X is close to Y', 'talks between X and Y', 'the Oslo-based X'.

Each rule of the `clause_rules` table (rules.yaml) names one construction; `clause_pairs` returns, for one
sentence, the (rule, subject mentions, object mentions, anchor token) the rules find. The relation engine
turns them into candidates like its other matchers.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from linkchart.extract.context import (
    SentenceContext,
    agents,
    ents_for,
    is_passive,
    lemma_of,
    modified_names,
    patients,
    sent_tokens,
)

Found = tuple[dict[str, Any], list[Span], list[Span], Token]
_PLACES = {"GPE", "LOC", "FAC"}


def _holder_of(ctx: SentenceContext, word: Token) -> list[Span]:
    """Return who an adjective is said of: the subject of its clause ('X is close to Y', 'X is believed to be
    close to Y'), or the noun a participle clause describes ('X, seen as close to Y')."""
    cur = word
    for _ in range(5):
        head = cur.head
        if head.i == cur.i:
            return []
        if head.pos_ in {"VERB", "AUX"}:
            if head.dep_ == "acl" and cur.dep_ in {"prep", "oprd", "acomp", "xcomp"}:
                return ents_for(ctx, head.head)
            if is_passive(head) and cur.dep_ in {"prep", "oprd", "acomp", "xcomp"}:
                # 'X is seen as close to Y', 'X is considered close to Y': said of the passive's subject
                return [e for s in patients(head) for e in ents_for(ctx, s)]
            return [e for s in agents(head) for e in ents_for(ctx, s)]
        cur = head
    return []


def _adjective(ctx: SentenceContext, rule: dict[str, Any], tok: Token) -> Found | None:
    # the phrase may hang on the adjective or, after it, on its copula ('X has been active in Y since 1990')
    heads = [tok, tok.head] if tok.dep_ == "acomp" and lemma_of(tok.head) == "be" else [tok]
    objects = [e for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in rule["preps"]
               and p.i > tok.i for g in p.children if g.dep_ == "pobj" for e in ents_for(ctx, g)]
    holders = _holder_of(ctx, tok)
    objects = [e for e in objects if e.label_ not in {"LOC", "FAC"}]
    if rule.get("subject_labels"):  # 'X was active in the Y party': a person in a body, not a group in a town
        holders = [e for e in holders if e.label_ in rule["subject_labels"]]
    if rule.get("object_labels"):
        objects = [e for e in objects if e.label_ in rule["object_labels"]]
    if not objects or not holders or all(e.label_ in _PLACES for e in (*holders, *objects)):
        return None  # 'X is close to the border', 'the town is close to Y' are about distance
    return rule, holders, objects, tok


def _between(ctx: SentenceContext, rule: dict[str, Any], tok: Token) -> Iterator[Found]:
    sides = [e for p in tok.children if p.dep_ == "prep" and p.lower_ == "between"
             for g in p.children if g.dep_ == "pobj" for e in ents_for(ctx, g)]
    for i, a in enumerate(sides):
        for b in sides[i + 1:]:
            yield rule, [a], [b], tok


def _based(ctx: SentenceContext, rule: dict[str, Any], tok: Token) -> Found | None:
    """'the Oslo-based X': the place hyphenated before the participle, and the noun it modifies (or names)."""
    if tok.i < 2 or ctx.doc[tok.i - 1].text not in {"-", "–"}:
        return None
    place = ctx.ent_at[tok.i - 2]
    if place is None or place.label_ not in _PLACES | {"ORG"}:  # the small model often calls a city ORG here
        return None
    head = tok.head if tok.dep_ in {"amod", "compound"} else None
    if head is None:
        return None
    holders = [e for e in modified_names(ctx, head) if e != place]
    return rule, holders, [place], tok


def clause_pairs(ctx: SentenceContext, sent: Span) -> Iterator[Found]:
    """Yield (rule, subjects, objects, anchor) for every clause rule that matches in `sent`."""
    rules = ctx.rules.get("clause_rules", [])
    any_word = ctx.memo.get(("clause_words",))
    if any_word is None:
        any_word = ctx.memo[("clause_words",)] = frozenset(w for rule in rules for w in rule["words"])
    for tok in sent_tokens(ctx, sent):
        word = lemma_of(tok)
        if word not in any_word and tok.lower_ not in any_word:
            continue  # no rule's word: most tokens
        for rule in rules:
            if word not in rule["words"] and tok.lower_ not in rule["words"]:
                continue
            if rule["kind"] == "adjective" and tok.pos_ == "ADJ":
                found = _adjective(ctx, rule, tok)
                if found:
                    yield found
            elif rule["kind"] == "between" and tok.pos_ == "NOUN":
                yield from _between(ctx, rule, tok)
            elif rule["kind"] == "based" and tok.pos_ == "VERB":
                found = _based(ctx, rule, tok)
                if found:
                    yield found
