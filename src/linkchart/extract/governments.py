"""'The government' of an article: a mention of one nation's government, not a common noun.

News writes 'the government', 'government plans' and 'the government of X' far more often
than it names the government. Each such phrase is a mention of the government of one
nation, and the text says which:

* 'the government of Chile' names its nation;
* otherwise the government the article last named with its nation ('the Chilean government',
  "Chile's government") is the one meant;
* otherwise the article's own nation: the one its country and nationality words name most,
  when they name it at least twice as often as any other.

With no nation to give, the phrase stays a common noun. A government with a word of its own
('the new government', 'the interim government', 'a government', 'governments') is not
taken: it may be another government than the nation's present one.

The mention keeps its text ('government'); `refers_to` holds the name of what it stands for
('Chile government'), the name the resolver groups it by, so that it joins the other names
of that government ('the Chilean government') and no other nation's.
"""

from __future__ import annotations

import functools
from collections import Counter

from spacy.tokens import Doc, Span, Token

from linkchart import lexicon
from linkchart.extract.doctext import bare_name, doc_has
from linkchart.extract.mentions import CUE_ATTR, REFERS_ATTR, SPANS_KEY

GOVERNMENT_CUE = "nation_government"  # how the mention was found (`CUE_ATTR`)
# doc.user_data keys: the governments the whole article names, as (start, end, nation, text) in article
# characters, in order; the nation of the article (None when no nation is named most); the doc's offset
GOVERNMENTS_KEY = "lc_governments"
HOME_NATION_KEY = "lc_home_nation"
OFFSET_KEY = "lc_offset"
# the article's nation is named at least this many times as often as any other
HOME_DOMINANCE = 2

_NATION_LABELS = frozenset({"GPE", "NORP"})
_OWN_WORDS = frozenset({"amod", "compound", "nmod", "poss", "nummod"})  # dependents that make it another government


def _nation_named(ent: Span) -> str | None:
    """Return the nation a mention names: a country or nationality word, or the one qualifying a group's name
    ('Chilean police'); else None."""
    if ent.label_ in _NATION_LABELS:
        return lexicon.nation_of(ent.text)
    if ent.label_ == "PERSON" and len(ent) > 1:
        return lexicon.nation_of(ent.text)  # the model's 'Sri Lanka faces ...' as a person's name
    words = [t for t in ent if t.lower_ != "the"]
    if ent.label_ == "ORG" and len(words) >= 2:
        return lexicon.nation_of(words[0].text)
    return None


def _named_government(span: Span, words: frozenset[str]) -> str | None:
    """Return the nation of a named government ('the Chilean government', "Chile's government"), else None."""
    tokens = [t for t in span if t.lower_ not in {"the", "'s", "’s"}]
    if len(tokens) < 2 or tokens[-1].lower_ not in words:
        return None
    return lexicon.nation_of(" ".join(t.text for t in tokens[:-1]))


def _of_places(tok: Token, ent_at: dict[int, Span]) -> list[Span]:
    """Return the mentions of the 'of' phrase of `tok` ('the government of X')."""
    return [ent_at[obj.i] for prep in tok.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for obj in prep.children if obj.dep_ == "pobj" and obj.i in ent_at]


def _of_nation(tok: Token, ent_at: dict[int, Span]) -> str | None:
    """Return the nation of 'the government of X' when X is a nation, else None."""
    places = _of_places(tok, ent_at)
    return lexicon.nation_of(places[0].text) if places else None


def _of_other_place(tok: Token, ent_at: dict[int, Span]) -> bool:
    """Whether 'the government of X' names a place X that is no nation: a territory's, province's or city's own
    government ('the government of Guam'), which is not its nation's."""
    return any(lexicon.nation_of(place.text) is None and not _titled_head(place) for place in _of_places(tok, ent_at))


def _titled_head(person: Span) -> bool:
    """Whether a person in 'the government of X' carries a title before the name ('the government of Prime Minister
    X'): the nation's government, led by X; a bare name may head a province's ('the government of X' in Y)."""
    return person.label_ == "PERSON" and any(
        t.lower_ in _ROLE_NOUNS for t in person.root.subtree if t.i < person.start)


def _bare(tok: Token) -> bool:
    """Whether `tok` is the government noun alone: 'the government', 'government plans' (no word of its own)."""
    if tok.tag_ != "NN" or not tok.text.islower():
        return False
    if tok.i > 0 and tok.doc[tok.i - 1].text in {"-", "–"}:
        return False  # 'anti-government'
    determiners = [c for c in tok.children if c.dep_ == "det"]
    if any(c.dep_ in _OWN_WORDS or c.dep_ == "conj" for c in tok.children):
        return False
    if tok.dep_ == "compound":
        return not determiners  # 'government plans': the noun modifies another
    return len(determiners) == 1 and determiners[0].lower_ == "the"


def tag_governments(docs: list[tuple[Doc, int]]) -> None:
    """Add each bare 'the government' of one article's parsed `docs` (with their offsets, in order) to its
    mentions as an ORG standing for its nation's government (`REFERS_ATTR`), where the article says which
    nation that is; note in each doc's `user_data` the governments the article names and its nation."""
    words = lexicon.organisations().nation_governments
    nations: Counter[str] = Counter()
    named: list[tuple[int, int, str, str]] = []  # the governments named with their nation (article characters)
    found: list[tuple[Doc, int, Token, str | None, str | None]] = []  # doc, offset, noun, own nation, last named
    last_named: str | None = None
    bodies: list[tuple[Span, str, str | None]] = []  # ministries: span, wording, own nation
    for doc, offset in docs:
        ents = doc.ents
        ent_at = {i: e for e in ents for i in range(e.start, e.end)}
        for e in ents:
            nation = _nation_named(e)
            if nation is not None:
                nations[nation] += 1
        here = [(e, nation) for e in ents if e.label_ == "ORG" for nation in [_named_government(e, words)] if nation]
        named += [(e.start_char + offset, e.end_char + offset, nation, e.text) for e, nation in here]
        if any(doc_has(doc, w) for w in words):  # else no bare government can be found: only the names matter
            for tok in doc:
                if tok.i in ent_at or tok.lower_ not in words or not _bare(tok) or _of_other_place(tok, ent_at):
                    continue
                before = [nation for e, nation in here if e.end <= tok.i]
                found.append((doc, offset, tok, _of_nation(tok, ent_at), before[-1] if before else last_named))
        if here:
            last_named = here[-1][1]
        bodies.extend(_ministries(doc, ent_at))
        bodies.extend(_body_references(doc, ent_at, bodies))
    top = nations.most_common(2)
    home = top[0][0] if top and (len(top) == 1 or top[0][1] >= HOME_DOMINANCE * top[1][1]) else None
    added: dict[int, list[Span]] = {}
    for doc, offset, tok, own, last in found:
        nation = own or last or home
        if nation is None:
            continue
        span = Span(doc, tok.i, tok.i + 1, label="ORG")
        span._.set(REFERS_ATTR, f"{nation} government")
        span._.set(CUE_ATTR, GOVERNMENT_CUE)
        added.setdefault(id(doc), []).append(span)
        named.append((span.start_char + offset, span.end_char + offset, nation, span.text))
    for span, wording, own in bodies:
        nation = own or home
        if nation is None:
            continue
        span._.set(REFERS_ATTR, f"{nation} {wording}")
        if span.label_ == "ORG" and any(e.start == span.start and e.end == span.end for e in span.doc.ents):
            continue  # already a mention: it now says what it stands for
        span._.set(CUE_ATTR, GOVERNMENT_CUE)
        added.setdefault(id(span.doc), []).append(span)
    named.sort()
    for doc, offset in docs:
        doc.user_data[GOVERNMENTS_KEY] = named
        doc.user_data[HOME_NATION_KEY] = home
        doc.user_data[OFFSET_KEY] = offset
        spans = added.get(id(doc))
        if spans:
            doc.ents = sorted([*doc.ents, *spans], key=lambda s: s.start)
            doc.spans[SPANS_KEY] = sorted([*doc.spans.get(SPANS_KEY, []), *spans], key=lambda s: s.start)


def _ministries(doc: Doc, ent_at: dict[int, Span]) -> list[tuple[Span, str, str | None]]:
    """Return the ministries `doc` writes without naming them in full, as (span, wording, its own nation or None):
    'the Interior Ministry' (a mention already), 'the foreign ministry', "Iran's foreign ministry" (the nation is
    named beside it), 'the foreign ministry of Iran'."""
    bodies = lexicon.national_bodies().nation_bodies
    lasts = _last_words(bodies)
    out: list[tuple[Span, str, str | None]] = []
    if not any(doc_has(doc, w) for w in lasts):
        return out  # no ministry's word anywhere in the doc
    for tok in doc[1:]:
        if tok.lower_ not in lasts:
            continue  # most words end no ministry: spare the two-word wording
        wording = f"{doc[tok.i - 1].lower_} {tok.lower_}"
        if wording not in bodies:
            continue
        ent = ent_at.get(tok.i)
        if ent is not None:
            bare = " ".join(t.lower_ for t in ent if t.lower_ != "the") == wording
            if bare and ent.label_ == "ORG":
                out.append((ent, wording, None))
            continue
        if ent_at.get(tok.i - 1) is not None or not doc[tok.i - 1 : tok.i + 1].text.islower():
            continue
        own = _of_nation(tok, ent_at)
        owners = [ent_at[c.i] for c in tok.children
                  if c.dep_ in {"poss", "amod", "compound", "nmod"} and c.i in ent_at and c.i < tok.i - 1]
        for owner in owners:
            own = own or lexicon.nation_of(owner.text)
        if own is None:
            # rule named_body_owner: a place the gazetteer does not know still owns its ministry ("Verania's
            # foreign ministry", 'the foreign ministry of Verania'): never the article's nation instead
            named = owners + _of_places(tok, ent_at)
            own = bare_name(named[0]) if named else None
        out.append((Span(doc, tok.i - 1, tok.i + 1, label="ORG"), wording, own))
    return out


_ROLE_NOUNS = lexicon.roles().nouns


def _body_references(doc: Doc, ent_at: dict[int, Span], bodies: list[tuple[Span, str, str | None]]
                     ) -> list[tuple[Span, str, str | None]]:
    """Return the later references to a national body the article named before by its head word alone, as
    (span, wording, its own nation or None): 'the bank', 'bank governor X' after 'its central bank' (rule
    body_head_reference), when the article named one body with that head word only."""
    by_last: dict[str, set[tuple[str, str | None]]] = {}
    for _, wording, own in bodies:
        by_last.setdefault(wording.rsplit(" ", 1)[-1], set()).add((wording, own))
    out: list[tuple[Span, str, str | None]] = []
    if not by_last:
        return out
    first = min((span.start for span, _, _ in bodies if span.doc is doc), default=-1)  # -1: an earlier doc
    for tok in doc:
        named = by_last.get(tok.lower_)
        if named is None or len(named) != 1 or tok.i in ent_at or tok.tag_ != "NN" or not tok.is_lower:
            continue
        if tok.i <= first or (tok.i > 0 and doc[tok.i - 1].is_lower and doc[tok.i - 1].lower_ != "the"):
            continue  # before the body is named, or a word of its own ('a development bank')
        reference = _bare(tok) or (tok.dep_ == "compound" and tok.head.lower_ in _ROLE_NOUNS)  # 'bank governor X'
        if reference:
            wording, own = next(iter(named))
            out.append((Span(doc, tok.i, tok.i + 1, label="ORG"), wording, own))
    return out


@functools.cache
def _last_words(bodies: frozenset[str]) -> frozenset[str]:
    """Return the last word of each two-word ministry wording in `bodies`."""
    return frozenset(b.rsplit(" ", 1)[-1] for b in bodies)


def government_near(doc: Doc, char: int) -> tuple[int, int, str] | None:
    """Return (start, end, text) of the article's government the nearest before character `char` of `doc` (else
    the first after it), in `doc` characters (outside it for another paragraph): a government of the article's
    nation; None when the article has no nation or names no government of it."""
    nation = doc.user_data.get(HOME_NATION_KEY)
    offset = doc.user_data.get(OFFSET_KEY, 0)
    spans = [(s - offset, e - offset, text) for s, e, n, text in doc.user_data.get(GOVERNMENTS_KEY, ()) if n == nation]
    if nation is None or not spans:
        return None
    before = [span for span in spans if span[1] <= char]
    return before[-1] if before else spans[0]
