"""What 'the country' and 'the group' stand for: the one country, or organisation, the article named before.

Reporting names a country once or twice and then writes 'the country' ('President X, who has ruled the country
since 2009', "the country's interior ministry"). A bare definite 'country' (no name, possessor or phrase of its
own) stands for the country the article named before it — by its name or its nationality word — when it named
exactly one; two countries named before leave it unresolved (rule the_country). Likewise a bare definite group
noun ("the group's spokesman", 'the militia said') stands for the one organisation the article named before it
(rule sole_organisation), unless the article used that noun since for something else ('a group of gunmen', 'the
cross-party group': only 'the' + the noun alone refers back).

The countries and organisations the article names up to each doc's end are noted in its `user_data` (in that
doc's characters, so a naming in an earlier paragraph lies before 0), and read by `country_antecedent` and
`organisation_antecedent`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from linkchart import lexicon
from linkchart.extract.doctext import span_text
from linkchart.extract.name_heads import bare_definite, compared_name

COUNTRIES_KEY = "lc_countries_before"  # doc.user_data: [(country, start, end)] of countries named, in order
# doc.user_data: [(name as compared or '', start, end, noun, name as written)], in order
ORGANISATIONS_KEY = "lc_organisations_before"
_COUNTRY_NOUN = "country"
_COUNTRY_LABELS = {"GPE", "NORP"}
_BACK_REFERENCES = lexicon.loader.lower("back_reference")


def _named(doc: Doc, offset: int) -> list[tuple[str, int, int]]:
    """Return, in order, (country, start, end) of the countries `doc` names, in article characters."""
    out = []
    for ent in doc.ents:
        country = lexicon.nation_of(span_text(ent)) if ent.label_ in _COUNTRY_LABELS else None
        if country:
            out.append((country, ent.start_char + offset, ent.end_char + offset))
    return out


def _organisations(doc: Doc, offset: int) -> list[tuple[str, int, int, str, str]]:
    """Return, in order, (name as compared, start, end, '', name) of the organisations `doc` names by a capitalised
    name, and ('', start, end, noun, '') for each use of a group noun that is no bare definite ('a group of
    gunmen', 'another militia'), in article characters."""
    # a possessor ("X's fighters") is no naming the noun can take: 'the network' may be what they formed
    ents = doc.ents  # spaCy makes every entity span anew at each access
    out = [(compared_name(span_text(e)), e.start_char + offset, e.end_char + offset, "", span_text(e)) for e in ents
           if e.label_ == "ORG" and span_text(e)[:1].isupper() and e.root.dep_ != "poss"]
    inside = {i for e in ents for i in range(e.start, e.end)}
    out += [("", t.idx + offset, t.idx + len(t) + offset, t.lemma_.lower(), "") for t in doc
            if t.pos_ == "NOUN" and t.lemma_.lower() in _BACK_REFERENCES and t.i not in inside
            and not _plain_definite(t)]
    return sorted(out, key=lambda n: n[1])


def _plain_definite(noun: Token) -> bool:
    """Whether `noun` is 'the' + the noun alone (a possessive ending allowed): 'the cross-party group' describes
    a group of its own."""
    return bare_definite(noun) and not any(c.dep_ == "amod" for c in noun.children)


def tag_referents_before(docs: list[tuple[Doc, int]]) -> None:
    """Note in each doc's `user_data`, in its characters, the countries and organisations the article names up
    to the doc's end (and the other uses of the nouns that refer back to one between them)."""
    countries: list[tuple[str, int, int]] = []
    organisations: list[tuple[str, int, int, str, str]] = []
    for doc, offset in docs:
        countries += _named(doc, offset)
        organisations += _organisations(doc, offset)
        doc.user_data[COUNTRIES_KEY] = [(country, start - offset, end - offset) for country, start, end in countries]
        doc.user_data[ORGANISATIONS_KEY] = [(key, start - offset, end - offset, noun, name)
                                            for key, start, end, noun, name in organisations]


def country_antecedent(noun: Token) -> tuple[str, int, int] | None:
    """Return (country, start, end) of the last naming, in doc characters, of the one country the article named
    before a bare definite 'the country', or None when `noun` is no such noun or the article named none or
    several."""
    if noun.lower_ != _COUNTRY_NOUN or not bare_definite(noun):
        return None
    here = [n for n in noun.doc.user_data.get(COUNTRIES_KEY, ()) if n[2] <= noun.idx]
    if len({n[0] for n in here}) != 1:
        return None
    return here[-1]


def organisation_antecedent(noun: Token) -> tuple[int, int, str] | None:
    """Return (start, end, name), in doc characters, of the last naming of the one organisation the article named
    before a bare definite group noun, or None: none or several named, or the noun used since for something
    else ('a group of gunmen ... the group')."""
    lemma = noun.lemma_.lower()
    if lemma not in _BACK_REFERENCES or not _plain_definite(noun) or noun.tag_ != "NN":
        return None
    here = [n for n in noun.doc.user_data.get(ORGANISATIONS_KEY, ()) if n[2] <= noun.idx]
    names = [n for n in here if n[0]]
    if len({n[0] for n in names}) != 1:
        return None
    last = names[-1]
    if any(n[3] == lemma and n[1] > last[1] for n in here):
        return None
    return last[1], last[2], last[4]
