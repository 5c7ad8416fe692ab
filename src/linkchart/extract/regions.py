"""Regions named by a compass word: a place of the story, or a locator inside a place.

'south Varnland', 'northern Varnland': the mention reader takes a lower-case compass word and the place after it
as one place (cue 'compass'), a region of its own. An article that comes back to the region (twice or more, in
any compass wording of that place: 'south Varnland' ... 'southern Varnland') is about it, and an analyst wants it
as a node. Named once ('a town in northern Varnland'), the compass word only says where in the place the thing
lies: the mention is then the place's own ('Varnland'), and the sentence joins the place's node instead of a node
of its own that nothing else names.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from linkchart import lexicon
from linkchart.extract.mentions import CUE_ATTR, DESC_ATTR, ROLE_ATTR, SPANS_KEY

COMPASS_CUE = "compass"  # the cue of a compass word and its place read as one region (extract/mentions)
NARROWED_CUE = "compass_locator"  # the cue of the place left when the region was named once
# the region reader only takes a place the model called GPE (or LOC continuing one): mostly a state
PLACE_LABEL = "GPE"
REPEATED = 2  # how many times an article names a region for it to stay a region of its own
_COMPASS = lexicon.alternation(lexicon.places().compass_place)


def narrow_lone_regions(doc: Doc, article: str) -> None:
    """Replace, in the mentions and entities of `doc`, each compass region (cue 'compass') that `article` (the
    whole article's text) names fewer than `REPEATED` times by the place after its compass word."""
    spans = list(doc.spans.get(SPANS_KEY, []))
    regions = [s for s in spans if s._.get(CUE_ATTR) == COMPASS_CUE and len(s) >= 2]
    if not regions:
        return
    swap: dict[tuple[int, int], Span] = {}
    for region in regions:
        place = _place_of(region)
        if place is not None and _times_named(article, place.text) < REPEATED:
            swap[(region.start, region.end)] = place
    if not swap:
        return
    doc.spans[SPANS_KEY] = [swap.get((s.start, s.end), s) for s in spans]
    doc.ents = [swap.get((e.start, e.end), e) for e in doc.ents]


def _place_of(region: Span) -> Span | None:
    """Return the place of a compass region: its words after the compass word(s) and any hyphen ('north - central
    Varnland'), labelled and cued as a mention, or None when no capitalised word is left."""
    doc = region.doc
    i = region.start
    while i < region.end and (doc[i].is_lower or doc[i].text in ("-", "–")):
        i += 1
    if i >= region.end or not doc[i].text[:1].isupper():
        return None
    place = Span(doc, i, region.end, label=PLACE_LABEL)
    place._.set(CUE_ATTR, NARROWED_CUE)
    place._.set(ROLE_ATTR, region._.get(ROLE_ATTR))
    place._.set(DESC_ATTR, region._.get(DESC_ATTR))
    return place


def _times_named(article: str, place: str) -> int:
    """Return how many times `article` writes a compass word before `place` ('south Varnland', 'southern
    Varnland')."""
    return len(re.findall(rf"\b(?:{_COMPASS})\b[\s\-–]+(?:{_COMPASS}\b[\s\-–]+)?{re.escape(place)}\b", article,
                          flags=re.IGNORECASE))
