"""The nation named inside a national body: 'the Velmar government', "Velmar's parliament", 'Velmarian troops'.

A state body written as a nation and a common noun names two things: the body, an entity of its
own (the mention the rule `force` of `mentions.py` makes of the whole phrase), and the nation it
belongs to. Read this way the nation's words are a mention of the nation too, nested in the body's:
the sentence that names 'the Velmar government' shows on Velmar's profile as well, as it would
had the article written 'the government of Velmar'.

Only a body whose head is a common noun (written in lower case): in a proper name ('the Velmarian
Army', 'the United States Navy') the nation's words are part of the name and name no more than the
name does. A nationality word inside ('Velmarian troops') is read as every nationality word is
(`demonyms.py`): a mention of its country only where the article names the country by name at most
`demonyms.NAMED_AT_MOST` times; the caller passes those on with the other nationality words.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from linkchart import lexicon
from linkchart.extract.demonyms import DEMONYM_LABEL, country_of_demonym
from linkchart.extract.mentions import CUE_ATTR, POSSESSIVES, SPANS_KEY
from linkchart.extract.sentence_index import sentence_of
from linkchart.models import Mention

BODY_CUE = "force"  # the cue of a national body's mention (mentions.py, rule force)


def _owner_end(span: Span) -> int:
    """Return the token index where the owner's words end in a body's span: before its possessive ("Velmar's
    parliament") or its first lower-case word ('Velmar security forces')."""
    for tok in span:
        if tok.text in POSSESSIVES or tok.is_lower:
            return tok.i
    return span.end


def nested_owners(doc: Doc, offset: int) -> tuple[list[Mention], list[Mention]]:
    """Return the nations named inside the national bodies of `doc` (offsets shifted by `offset`) as two lists of GPE
    mentions: those named by a name of the country ('U.S.' of 'the U.S. government'), and those named by a
    nationality word ('Velmarian' of 'Velmarian troops', `refers_to` its country)."""
    names: list[Mention] = []
    words: list[Mention] = []
    for span in doc.spans.get(SPANS_KEY, []):
        if (span._.get(CUE_ATTR) or "") != BODY_CUE or not span[-1].is_lower:
            continue
        end = _owner_end(span)
        if end <= span.start or end >= span.end:
            continue
        owner = doc[span.start : end]
        sent = sentence_of(owner)
        country = country_of_demonym(owner.text)
        if country is None and lexicon.nation_of(owner.text) is None:
            continue  # a ruler ('the Varga regime') or a name the gazetteer does not know
        mention = Mention(owner.start_char + offset, owner.end_char + offset, owner.text, DEMONYM_LABEL,
                          sent.start_char + offset, sent.end_char + offset, refers_to=country)
        (words if country is not None else names).append(mention)
    return names, words
