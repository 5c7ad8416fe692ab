"""Teachers and where they taught: one who studied under or with someone at a school, or was their pupil there,
says the teacher worked at that school ('X studied under Z at Y', 'Y, where he studied with Z', 'Y, where she
was a disciple of Z'). The words are the rule's (rules.yaml, teacher_rule); the school is an organisation named in
the verb's 'at' phrase (or the teacher's), or the name a 'where' clause hangs on.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from linkchart.extract.context import SentenceContext, ents_for, lemma_of, sent_tokens


def _pobj_ents(ctx: SentenceContext, tok: Token, preps: set[str], label: str) -> list[Span]:
    """Return the mentions of type `label` in the phrases of `preps` hanging on `tok`."""
    return [e for p in tok.children if p.dep_ == "prep" and p.lower_ in preps
            for g in p.children if g.dep_ == "pobj" for e in ents_for(ctx, g) if e.label_ == label]


def _teachers(ctx: SentenceContext, verb: Token, rule: dict[str, Any]) -> list[Span]:
    """Return the persons `verb` says were taught from: 'studied under Z', 'was a pupil of Z'."""
    if lemma_of(verb) in rule["verbs"]:
        # the name itself ('studied with Z'), not a noun before it ('studied with her friend Z' is a fellow
        # student), or the one a guidance noun names ('under the supervision of Z')
        objects = [g for p in verb.children if p.dep_ == "prep" and p.lower_ in rule["preps"]
                   for g in p.children if g.dep_ == "pobj"]
        named = [ctx.ent_at[g.i] for g in objects if ctx.ent_at[g.i] is not None]
        guided = [g for g in objects if lemma_of(g) in rule["guidance"]]
        guides = [e for g in guided for e in _pobj_ents(ctx, g, {"of"}, "PERSON")]
        return [e for e in named if e.label_ == "PERSON"] + guides
    if lemma_of(verb) == "be":
        return [e for a in verb.children if a.dep_ == "attr" and lemma_of(a) in rule["nouns"]
                for e in _pobj_ents(ctx, a, {"of"}, "PERSON")]
    return []


def _schools(ctx: SentenceContext, verb: Token, teachers: list[Span]) -> list[Span]:
    """Return the organisations where the teaching was: the verb's 'at' phrase or a teacher's ('under Z at Y'), the
    place 'there' refers to in a verb coordinated with one that names it ('became a student at Y and studied there
    under Z'), or the name a 'where' clause describes ('Y, where he studied with Z')."""
    found = _pobj_ents(ctx, verb, {"at"}, "ORG")
    if not found and verb.dep_ == "conj" and any(c.lower_ == "there" for c in verb.children):
        found = [e for d in verb.head.subtree if d.dep_ == "prep" and d.lower_ == "at" and d.head.i < verb.i
                 for g in d.children if g.dep_ == "pobj" for e in ents_for(ctx, g) if e.label_ == "ORG"]
    found += [e for t in teachers for e in _pobj_ents(ctx, t.root, {"at"}, "ORG") if e not in found]
    if not found and verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        found = [e for e in ents_for(ctx, verb.head, conj=False) if e.label_ == "ORG"]
    return found


def teachers_at(ctx: SentenceContext, sent: Span, rule: dict[str, Any]) -> Iterator[tuple[Span, Span, Token]]:
    """Yield (teacher, school, verb) for each teacher `sent` says taught at a school (see the module)."""
    for verb in sent_tokens(ctx, sent):
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        teachers = _teachers(ctx, verb, rule)
        if not teachers:
            continue
        for school in _schools(ctx, verb, teachers):
            for teacher in teachers:
                yield teacher, school, verb
