"""What 'the country' stands for: the one country the article named before it (rule the_country).

Reporting names a country once or twice and then writes 'the country' ('President X, who has ruled the country
since 2009', "the country's interior ministry"). A bare definite 'country' (no name, possessor or phrase of its
own) stands for the country the article named before it — by its name or its nationality word — when it named
exactly one; two countries named before leave it unresolved.

The countries the article names up to each doc's end are noted in its `user_data` (in that doc's characters, so a
country named in an earlier paragraph lies before 0), and read by `country_antecedent`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from linkchart import lexicon
from linkchart.extract.doctext import span_text
from linkchart.extract.name_heads import bare_definite

COUNTRIES_KEY = "lc_countries_before"  # doc.user_data: [(country, start, end)] of countries named, in order
_COUNTRY_NOUN = "country"
_COUNTRY_LABELS = {"GPE", "NORP"}


def _named(doc: Doc, offset: int) -> list[tuple[str, int, int]]:
    """Return, in order, (country, start, end) of the countries `doc` names, in article characters."""
    out = []
    for ent in doc.ents:
        country = lexicon.nation_of(span_text(ent)) if ent.label_ in _COUNTRY_LABELS else None
        if country:
            out.append((country, ent.start_char + offset, ent.end_char + offset))
    return out


def tag_countries_before(docs: list[tuple[Doc, int]]) -> None:
    """Note in each doc's `user_data`, in its characters, the countries the article names up to the doc's end."""
    before: list[tuple[str, int, int]] = []
    for doc, offset in docs:
        before += _named(doc, offset)
        doc.user_data[COUNTRIES_KEY] = [(country, start - offset, end - offset) for country, start, end in before]


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
