"""Nationality words as mentions of their country: 'the Velmarian singer', 'a Velmarian-born poet'.

An adjective of nationality names a country as surely as the country's name does: 'American
troops' are the United States' troops, a 'British court' is a court of the United Kingdom. The
model calls such words NORP (nationalities, faiths, parties) and linkchart kept them out of the
mentions; read this way they join the country's entity, so that a document that only writes
'Dutch' still shows the Netherlands, with the sentence it came from.

Only a word the gazetteer (`countries.yaml`, class `demonym=`) gives a country is taken, written as
the gazetteer writes it (capitalised, singular): a plural names people ('the Dutch', 'Americans'),
not the state; a faith, a party or a people of no state ('Kurdish' aside, which the gazetteer
gives) names none. The mention keeps its text ('Dutch'); `refers_to` holds the country's canonical
name, the name the resolver groups it by.

Only where the article does not name the country by name (`NAMED_AT_MOST`): a country it names has its node and
its sources on the chart already, and there a nationality word mostly tells where a person or thing comes from
('an American singer') rather than naming the state. Re-DocRED's annotators keep such words apart from a country
the text names two times in three. On its test set, with the other rules of this release, making a nationality word
a mention wherever its country is named at most once gave mention F1 0.813, coreference pair F1 0.893 (pairs
tp 3822, fp 273, fn 639) and CoNLL-2003 F1 0.774; only where the country is not named, 0.804, 0.899 (tp 3710,
fp 198, fn 639) and 0.779 (CoNLL calls the words MISC), mapped relations 0.315 @ 0.760 -> 0.312 @ 0.765 (earlier,
wherever the country is named: mention F1 +0.014, coreference -0.013, CoNLL -0.011 against none). The pass runs
after the article's facts were read: a nationality word is no party of a relation.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span

from linkchart import lexicon
from linkchart.extract.sentence_index import sentence_of
from linkchart.models import Mention

DEMONYM_LABEL = "GPE"  # a nationality word stands for its country, a state
NAMED_AT_MOST = 0  # a nationality word is a mention of a country the article names by name at most so often
# how a nationality word qualifies a noun: 'Velmarian troops', 'the Velmarian-born poet', 'Velmarian and Dorian'
QUALIFYING_DEPS = frozenset({"amod", "compound", "conj", "npadvmod"})
NOUN_USES = frozenset({"pobj", "dobj", "nsubj", "nsubjpass"})  # the word used as a noun: a language or a people
SPEAKING = frozenset({"speaking", "speaker", "speakers", "language"})  # 'Velmarian-speaking': a language
LANGUAGE_NOUNS = lexicon.languages().nouns  # 'the Velmarian language', 'a Velmarian word'
LANGUAGE_NAMES = lexicon.languages().names  # 'Velmarian Arabic': a variety of a language


@cache
def _countries_by_demonym() -> dict[str, str]:
    """Return each adjective of nationality (as written) → the canonical name of its country."""
    out: dict[str, str] = {}
    for adjective in lexicon.countries().demonyms:
        country = lexicon.nation_of(adjective)
        if country is not None:
            out[adjective] = country
    return out


def country_of_demonym(word: str) -> str | None:
    """Return the canonical country an adjective of nationality names ('Iraqi' → 'Iraq'), or None for any
    other word (a country's own name, a plural, a faith, a lower-case word)."""
    return _countries_by_demonym().get(word.strip())


def names_its_country(span: Span) -> bool:
    """Return True when a span the model called NORP is an adjective of nationality used as one: it qualifies a
    noun ('the Velmarian navy', 'a Velmarian-born poet', 'Velmarian and Dorian troops'), not a people ('the
    Velmarians', 'the Dutch voted') or a language ('in Velmarian', 'Velmarian: Velmarsk', 'Velmarian-speaking')."""
    if country_of_demonym(span.text) is None:
        return False
    root, doc = span.root, span.doc
    if span.end < len(doc) and doc[span.end].text == ":":
        return False  # a gloss of a name in that language
    if span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ in SPEAKING:
        return False
    if _a_language(span):
        return False
    if any(c.dep_ == "det" for c in root.children):
        return False  # 'the Dutch', 'an American': a people or a person
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head  # 'Velmarian and Dorian troops': the first word says how both are used
    if first.dep_ in NOUN_USES:
        return False  # 'written in Velmarian', 'she speaks Velmarian', 'Velmarians voted'
    return first.pos_ == "ADJ" or first.dep_ in QUALIFYING_DEPS


def _a_language(span: Span) -> bool:
    """Whether a nationality word names a language: it qualifies a language noun ('the Varnish language', 'a Varnish
    word'), or a variety of a language is named with it: 'Dorian Varnish', 'Varnish Arabic' (not 'a Varnish Dorian
    actress': neither word names a language there)."""
    doc, root = span.doc, span.root
    if root.dep_ in ("amod", "compound") and root.head.lower_ in LANGUAGE_NOUNS:
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in LANGUAGE_NAMES:
        return True
    return before is not None and before.text in _countries_by_demonym() and span.text.lower() in LANGUAGE_NAMES


def demonym_mention(span: Span, offset: int) -> Mention:
    """Return the GPE mention a nationality word makes of its country, offsets shifted by `offset`."""
    sent = sentence_of(span)
    return Mention(span.start_char + offset, span.end_char + offset, span.text, DEMONYM_LABEL,
                   sent.start_char + offset, sent.end_char + offset, refers_to=country_of_demonym(span.text))
