"""Names of works and prizes: a film, an album, a novel, a game, a browser or an award that the model tagged as a
person, an organisation or a place.

A name is a work when its sentence says so (`work_names`): a work noun right before it ('the album X', 'a
novel titled X'), a year alone in brackets right after it ('X (1998)': how a release is cited), or a
definition whose subject it is ('X is a 1948 film', 'X is the debut studio album of Y'); a prize or a contest
is named by its last word ('the Varn Prize', 'the European Championships'). The pipeline then
drops every mention of the article written like such a name: a work is no actor of the chart.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from linkchart import lexicon

WORK_NOUNS = lexicon.work_nouns()
PRIZE_HEADS = lexicon.prize_heads()
PRIZE_LINKS = frozenset({"of", "for"})  # 'Medal of Honour', 'Award for Best Film'
GIVEN_NAMES = lexicon.given_names()
NAMING_FORMS = lexicon.verbs().naming_forms  # 'a novel titled X'
QUOTES = frozenset("'\"‘’“”")
YEAR_RE = re.compile(r"^(?:1[0-9]|20)[0-9]{2}$")
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def work_names(doc: Doc, mentions: list[Span]) -> set[str]:
    """Return the texts of the mention spans of `doc` that their sentences call works (events excepted)."""
    return {span.text for span in mentions if span.label_ != "EVENT" and not _person_shaped(span)
            and (_after_work_noun(doc, span) or _year_after(doc, span) or _defined_as_work(span) or _prize(span))}


def _prize(span: Span) -> bool:
    """'the Varn Prize', 'the 2006 European Championships', 'the Varn Medal of Science': a prize or a contest, named
    by its head word, last or before its 'of'/'for' phrase."""
    for i in range(1, len(span)):
        tok = span[i]
        last = i == len(span) - 1
        if tok.lower_ in PRIZE_HEADS and tok.text[:1].isupper() and (last or span[i + 1].lower_ in PRIZE_LINKS):
            return True
    return False


def _person_shaped(span: Span) -> bool:
    """Whether a name opens with a common given name and goes on ('Maggie Roe in “Daycare” is a film' is about her)."""
    return len(span) >= 2 and span[0].lower_ in GIVEN_NAMES and span[1].text[:1].isupper()


def _is_work_noun(tok: Token, before_name: bool = False) -> bool:
    """Whether `tok` is a work noun; right before a name, the tagger may call 'novel' an adjective."""
    tags = ("NN", "JJ") if before_name else ("NN",)
    return tok.is_lower and tok.tag_.startswith(tags) and (tok.lower_ in WORK_NOUNS or tok.lemma_ in WORK_NOUNS)


def _after_work_noun(doc: Doc, span: Span) -> bool:
    """'the album X', 'a novel titled “X”': not the subject of a clause ('the book John Roe wrote', 'the film
    Ann Lee starred in', which the parser may read as one noun phrase)."""
    if span.root.dep_ in SUBJECTS or (span.end < len(doc) and doc[span.end].pos_ == "VERB"):
        return False
    j = span.start - 1
    while j >= 0 and (doc[j].text in QUOTES or doc[j].lower_ in NAMING_FORMS):
        j -= 1
    return j >= 0 and _is_work_noun(doc[j], before_name=True)


def _year_after(doc: Doc, span: Span) -> bool:
    """'X (1998)': a year alone in brackets cites a release (a person has dates of birth and death)."""
    k = span.end
    return k + 2 < len(doc) and doc[k].text == "(" and bool(YEAR_RE.match(doc[k + 1].text)) and doc[k + 2].text == ")"


def _defined_as_work(span: Span) -> bool:
    """'X is a 1948 film', 'X is the debut studio album of Y': the name is the subject of 'be' with a work noun."""
    root = span.root
    if root.dep_ != "nsubj" or root.head.lemma_ != "be":
        return False
    return any(child.dep_ == "attr" and _is_work_noun(child) for child in root.head.children)
