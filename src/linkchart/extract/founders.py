"""Founders who are members: a body made of its people (a band, a party, a movement, a society) counts
the persons who founded it among its members ('a band formed by X and Y', 'X co-founded the Blue Party').

A company, a school or a foundation does not: its founder owns or runs it, and may never have belonged to it.
Which bodies count is the lexicon class `founders_join` (organisations.yaml, thing_heads.yaml); a body is
known by the head of its name ('the Blue Party') or by the noun that describes it ('X is a band formed by Y',
'X, a society for ...', 'the Blue group').
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from linkchart import lexicon
from linkchart.extract.context import lemma_of

_JOINED = lexicon.organisations().founders_join


def _describing_nouns(name: Span) -> list[Token]:
    """Return the nouns that say what `name` is: its head, its appositives, a predicate noun of its copula
    ('X is a band'), and the noun it is an appositive of or the compound it modifies ('the X group')."""
    root = name.root
    out = [root, *(c for c in root.children if c.dep_ == "appos")]
    if root.dep_ in {"appos", "compound"} and root.head.i not in range(name.start, name.end):
        out.append(root.head)
    if root.dep_ in {"nsubj", "nsubjpass"} and lemma_of(root.head) == "be":
        attributes = [c for c in root.head.children if c.dep_ == "attr"]
        # 'X were a new wave British group': the parser may make the noun an appositive of the attribute
        out += attributes + [c for a in attributes for c in a.children if c.dep_ == "appos"]
    return out


def founders_join(name: Span) -> bool:
    """Return True when the organisation `name` names counts its founders among its members (see the module)."""
    return any(lemma_of(t).lower() in _JOINED or t.lower_ in _JOINED for t in _describing_nouns(name))
