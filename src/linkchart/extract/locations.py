"""Places inside places: what a place noun between two names says, and what follows from two stated links.

`place_noun_pairs` reads 'the Ostra region of Varnland' and "Varnland's Ostra district" (the relation engine turns
its pairs into candidates of the rule `place_noun_rule`). `chained_places` composes located_in relations whose
middle place is one name ('X is a town in A, B': X is in A and A is in B, so X is in B too); it never adds a link
the text does not state in two parts, and never from what is known of the world.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterator
from typing import Any

from spacy.tokens import Doc, Span, Token

from linkchart import lexicon
from linkchart.extract.context import SentenceContext, ents_for, lemma_of, sent_ents, sent_tokens
from linkchart.extract.demonyms import country_of_demonym
from linkchart.models import Mention, Relation

_PREDICATE = "located_in"


def chained_places(relations: list[Relation], rule: dict[str, Any],
                   joins: Callable[[Relation, Relation], bool] | None = None) -> list[Relation]:
    """Return the located_in relations that follow from stated ones of `relations` sharing their middle place
    (X in A and A in B give X in B), not already among them, named `rule["name"]`; evidence covers both
    statements. A negated, hedged or attributed link is not composed, nor one of the rules `rule["not_from"]`
    (where a person lives or works), nor two links `joins` (when given) refuses."""
    skip = set(rule["not_from"])
    stated = [r for r in relations if r.predicate == _PREDICATE and not r.negated and not r.hedged
              and r.attributed_to is None and r.rule not in skip]
    outward: dict[str, list[Relation]] = defaultdict(list)
    for r in stated:
        outward[r.subject].append(r)
    have = {(r.subject, r.object) for r in relations if r.predicate == _PREDICATE}
    out: list[Relation] = []
    frontier = [(r, r) for r in stated]  # (first link, last link) of a chain
    for _ in range(rule["longest_chain"] - 1):
        grown = []
        for first, last in frontier:
            for nxt in outward.get(last.object, ()):
                if nxt.object in {first.subject, last.subject} or (first.subject, nxt.object) in have:
                    continue
                if joins is not None and not joins(last, nxt):
                    continue
                have.add((first.subject, nxt.object))
                rel = Relation(subject=first.subject, predicate=_PREDICATE, object=nxt.object,
                               subject_span=first.subject_span, object_span=nxt.object_span,
                               start=min(first.start, nxt.start), end=max(first.end, nxt.end), rule=rule["name"],
                               date=first.date)
                out.append(rel)
                grown.append((first, nxt))
        frontier = grown
    return out


# the place nouns whose 'of' phrase names a town or a part of one, not an administrative unit: 'the Tull suburb of
# Dorn' (Dorn is the suburb, in Tull), unlike 'the Ostra district of Varnland' (Ostra is the district)
_SETTLEMENTS = lexicon.places().of_nouns - lexicon.admin_units()


def place_noun_pairs(ctx: SentenceContext, sent: Span) -> Iterator[tuple[Span, Span, Token]]:
    """Yield (inner, outer, place noun) for the places a place noun between two names puts one inside the other:
    'the Ostra region of Varnland', "Varnland's Ostra district" (the named place is in the other), 'the Varnland
    state of Ostra' (a country before the noun: the place its 'of' phrase names is in the country), 'the Tull suburb
    of Dorn' (a town or a part of one: the place its 'of' phrase names is in the place before the noun)."""
    nouns = ctx.rules["place_nouns"] | ctx.rules["site_nouns"] | set(ctx.rules["place_noun_rule"]["nouns"])
    for tok in sent_tokens(ctx, sent):
        if ctx.ent_at[tok.i] is not None or ctx.pos[tok.i] != "NOUN" or lemma_of(tok) not in nouns:
            continue
        named = [ctx.ent_at[c.i] for c in tok.children
                 if c.dep_ in {"compound", "nmod", "amod"} and c.i < tok.i and ctx.ent_at[c.i] is not None]
        owners = [ctx.ent_at[c.i] for c in tok.children if c.dep_ == "poss" and ctx.ent_at[c.i] is not None]
        of = [e for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
              for g in p.children if g.dep_ == "pobj" for e in ents_for(ctx, g, conj=False)]
        for m in named:
            if m.end != tok.i:
                continue  # the name right before the noun is the place the noun is about
            for owner in owners:
                yield m, owner, tok  # "Varnland's Ostra district"
            for e in of:
                if lexicon.nation_of(m.text) is not None or lemma_of(tok) in _SETTLEMENTS:
                    yield e, m, tok  # 'the Varnland state of Ostra': a country's state; 'the Tull suburb of Dorn'
                else:
                    yield m, e, tok  # 'the Ostra region of Varnland'


def example_place_pairs(ctx: SentenceContext, sent: Span, rule: dict[str, Any]) -> Iterator[tuple[Span, Span, Token]]:
    """Yield (example, place, noun) for the names a list of examples gives of a plural place or site noun with an
    'in' phrase naming a place ('several buildings in Tull, such as the Orla Museum and the Varn Palace', 'three
    villages in Ostra County, including Brennick, Dorn and Vell'): each example is in the place. The markers of the
    list are `rule["markers"]`; an example of another label than `rule["labels"]`, or a country, ends it."""
    doc = ctx.doc
    nouns = ctx.rules["place_nouns"] | ctx.rules["site_nouns"]
    for tok in sent_tokens(ctx, sent):
        if tok.tag_ != "NNS" or lemma_of(tok) not in nouns or ctx.ent_at[tok.i] is not None:
            continue
        j = tok.i + 1
        if j + 1 >= sent.end or doc[j].lower_ != "in":
            continue
        place = ctx.ent_at[j + 1]
        if place is None or place.start != j + 1 or place.label_ not in rule["container_labels"]:
            continue
        k = place.end + 1 if place.end < sent.end and doc[place.end].text == "," else place.end
        marker = next((m for m in rule["markers"] if [t.lower_ for t in doc[k:min(k + len(m.split()), sent.end)]]
                       == m.split()), None)
        if marker is None:
            continue
        for example in _listed_from(ctx, k + len(marker.split()), sent):
            if example.label_ not in rule["labels"] or nation_named(example.text) is not None:
                break  # a person, or a country: never inside another place
            yield example, place, tok


def _listed_from(ctx: SentenceContext, k: int, sent: Span) -> list[Span]:
    """Return the names listed from token `k` on ('the A, B and the C'): each after a comma, 'and' or 'or' and an
    optional 'the', until a word of another kind."""
    doc, out = ctx.doc, []
    while k < sent.end:
        if doc[k].lower_ == "the":
            k += 1
        ent = ctx.ent_at[k] if k < sent.end else None
        if ent is None or ent.start != k:
            break
        out.append(ent)
        k, joined = ent.end, False
        if k < sent.end and doc[k].text == ",":
            k, joined = k + 1, True
        if k < sent.end and doc[k].lower_ in {"and", "or"}:
            k, joined = k + 1, True
        if not joined:
            break
    return out


def bracketed_country_pairs(ctx: SentenceContext, sent: Span,
                            labels: Collection[str]) -> Iterator[tuple[Span, Span, Token]]:
    """Yield (name, country, opening bracket) for a name of `labels` with a country alone in brackets right after it
    ('the Labour Party (Varnland)', 'Tull High School ( Varnland )', 'Orla Station (Varnish)'): how a text tells
    namesakes of several countries apart. Never a country before the brackets ('Varnland (Ostra)' names a part or
    an old name), nor a place in brackets that is no country ('Tull (Osla)': an old name as often as a place)."""
    doc = ctx.doc
    for ent in sent_ents(ctx, sent):
        i = ent.end
        if i + 2 >= sent.end or doc[i].text != "(" or ent.label_ not in labels or nation_named(ent.text) is not None:
            continue
        inner = ctx.ent_at[i + 1]
        if inner is None or inner.start != i + 1 or inner.end >= sent.end or doc[inner.end].text != ")":
            continue
        if lexicon.nation_of(inner.text) is not None or (
                inner.label_ == "NORP" and ctx.rules["demonyms"].get(inner.text.strip()) is not None):
            yield ent, inner, doc[i]


def adjacent_in_pairs(ctx: SentenceContext, sent: Span, opens: Callable[[Span], bool],
                      rule: dict[str, Any]) -> Iterator[tuple[Span, Span, Token]]:
    """Yield (inner, outer, 'in') for a place written right before 'in' (or a comma and 'in': 'buried at the X
    Cemetery, in Y County') and another place ('he attended X School in Y', 'the Z Museum in northern Y'), however
    the parser attached the 'in' phrase: `opens` says which names may be inside, and the places listed before it
    ('A and B in Y'); never a country, nor after `rule["not_after"]` ('officials from X in Y' met in Y)."""
    doc = ctx.doc
    for ent in sent_ents(ctx, sent):
        i = ent.end
        if i + 2 < sent.end and doc[i].text == "," and doc[i + 1].lower_ == "in":
            i += 1  # 'X, in Y, Z': a comma before the phrase (rule place_comma_in)
        if i + 1 >= sent.end or doc[i].lower_ != "in" or not opens(ent) or nation_named(ent.text) is not None:
            continue  # a country, or a part of one named by a compass word ('the northwest Varnland, in Y')
        if ent.start > sent.start and doc[ent.start - 1].lower_ in rule["not_after"] and not (
                ent.start - 1 > sent.start and doc[ent.start - 2].lower_ in rule["near_words"]) \
                and not site_named(ctx, ent):
            continue  # 'officials from X in Y' met in Y; 'close to X in Y' is X in Y, and so is a site ('from X
            # Academy in Y')
        if any(e.label_ not in rule["labels"] for e in _coordinated(ctx, ent)):
            continue  # 'detained Karl Dent and Vale in Y': the 'in' says where it happened to them
        j = i + 1
        while j < sent.end and ctx.ent_at[j] is None and doc[j].is_lower and doc[j].pos_ in {"DET", "ADJ"}:
            j += 1  # 'in the north-western', 'in northern'
        outer = ctx.ent_at[j] if j < sent.end else None
        if i > ent.end and outer is not None and _phrases_go_on(doc, outer.end, sent):
            continue  # 'those in X, in Y and also in Z': a list of places, none inside another
        if outer is not None and outer.start == j and outer.label_ in rule["container_labels"]:
            yield ent, outer, doc[i]
            for e in places_listed_before(ctx, ent, rule["labels"]):
                yield e, outer, doc[i]


def site_named(ctx: SentenceContext, ent: Span) -> bool:
    """Whether a name ends with a word for a building, ground or institution that stays where it is ('Tull Academy',
    'the Orla Museum'; role_class=site): an 'in' phrase after it says where it is, whatever came before it."""
    return ent[-1].lower_ in ctx.rules["site_nouns"]


def _phrases_go_on(doc: Doc, i: int, sent: Span) -> bool:
    """Whether the words from token `i` carry a list of phrases on: 'and', 'or', ', and' (rule place_comma_in)."""
    if i < sent.end and doc[i].text == ",":
        i += 1
    return i < sent.end and doc[i].lower_ in {"and", "or"}


def places_listed_before(ctx: SentenceContext, ent: Span, labels: Collection[str]) -> list[Span]:
    """Return the places listed before `ent`, the last place of a list an 'in' phrase follows ('Jeddah and Riyadh in
    Saudi Arabia': Jeddah), when every item of the list is a place of `labels` and none a country; [] otherwise."""
    root = ent.root
    if root.dep_ != "conj" or any(c.dep_ == "conj" for c in root.children):
        return []
    items = [c for c in root.head.conjuncts if c.i < root.i] + [root.head]
    found = [e for t in items if (e := ctx.ent_at[t.i]) is not None and e != ent]
    if len(found) != len({t.i for t in items}) or any(
            e.label_ not in labels or lexicon.nation_of(e.text) is not None for e in found):
        return []
    return found


def _coordinated(ctx: SentenceContext, ent: Span) -> list[Span]:
    """Return the names coordinated with `ent` ('X and Y', 'X, Y and Z'), `ent` left out."""
    root = ent.root
    toks = [root.head] if root.dep_ == "conj" else []
    toks += [c for c in root.children if c.dep_ == "conj"]
    toks += [c for t in toks if t is not root for c in t.children if c.dep_ == "conj" and c is not root]
    return [e for t in toks if (e := ctx.ent_at[t.i]) is not None and e != ent]


def place_trail(ctx: SentenceContext, noun: Token, trail: dict[str, Any], labels: set[str]) -> list[list[Span]]:
    """Return the places the location phrases of a place noun name, one group per level, inner first: 'X is a
    village in the district of A, within B, C, in northern D' -> [[A], [B], [C], [D]]; 'in A and B, in C' ->
    [[A, B], [C]]. The walk takes the noun's `trail["preps"]` phrases, the copula's own phrases after the noun
    ('..., within B') or the apposed name's, a locating participle's ('an island located in A'), and goes on
    through each place's own phrases and appositions and through trail nouns ('in the eastern part of the state
    of A') by `trail["through_preps"]`; never 'near', 'from' or 'between' (no container)."""
    through = ctx.rules["trail_nouns"]
    groups: list[list[Span]] = []
    seen: set[tuple[int, int]] = set()  # places taken
    expanded: set[int] = set()  # places whose own phrases were read
    walked: set[tuple[int, int]] = set()  # (token, first child read) already walked: parses may loop through appos

    def take(ents: list[Span]) -> None:
        fresh = [e for e in ents if e.label_ in labels and (e.start, e.end) not in seen]
        if fresh:
            seen.update((e.start, e.end) for e in fresh)
            groups.append(fresh)
        for e in ents:
            if e.label_ in labels and e.root.i not in expanded:
                expanded.add(e.root.i)
                for c in e.root.children:
                    if c.dep_ == "appos" and ctx.ent_at[c.i] is not None:
                        take([ctx.ent_at[c.i]])  # 'B, Warmian Province': the apposed name contains B
                walk(e.root, trail["through_preps"], after=e.root.i)

    def walk(tok: Token, preps: list[str], after: int = -1) -> None:
        if (tok.i, after) in walked:
            return
        walked.add((tok.i, after))
        for c in tok.children:
            if c.dep_ != "prep" or c.lower_ not in preps or c.i < after:
                continue
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                named = [ctx.ent_at[m.i] for m in g.children if m.dep_ in {"compound", "nmod"} and m.i == g.i - 1
                         and ctx.ent_at[g.i] is None and ctx.ent_at[m.i] is not None]
                if named and lemma_of(g) in through:
                    if _national(named[0]) or lemma_of(g) in _SETTLEMENTS:
                        # 'in the Karsish state of D': D, then the country; 'in the Tull suburb of D': D, then Tull
                        walk(g, trail["through_preps"])
                        take(named)
                    else:  # 'in the Ostra district of D': Ostra, then D
                        take(named)
                        walk(g, trail["through_preps"])
                    continue
                found = [e for e in ents_for(ctx, g) if e.label_ in labels
                         and (e.label_ == "GPE" or c.lower_ not in trail.get("shore_preps", ()))]
                if not found and named and g.is_lower and g.tag_ == "NN" and g.i + 1 < len(ctx.doc) \
                        and ctx.doc[g.i + 1].text == ",":
                    found = [e for e in named if e.label_ in labels]  # 'in Tull mandal, ...': a local word for a unit
                if found:
                    take(found)
                elif lemma_of(g) in through or g.lower_ in through:
                    walk(g, trail["through_preps"])

    walk(noun, trail["preps"])
    for c in noun.children:
        if c.dep_ == "conj" and "NNS" not in {noun.tag_, c.tag_}:
            # 'a village and civil parish in A' is one place; not 'the city of X and its suburbs of A and B'
            walk(c, trail["preps"])
    head = noun.head
    if (noun.dep_ == "attr" and lemma_of(head) == "be") or noun.dep_ == "appos":
        walk(head, trail["through_preps"], after=noun.i)  # 'X, a village in A, within B': the parse hangs B on X
    for c in noun.children:
        if c.dep_ == "acl" and lemma_of(c) in trail["locating_verbs"]:
            walk(c, trail["through_preps"])
    return groups


def listed_places(ctx: SentenceContext, noun: Token) -> list[Span]:
    """Return the names a plural place noun's 'of' phrase lists ('the villages of A, B and C' -> A, B, C; through
    'and' and commas), or [] for a singular noun: items of one list, none inside another."""
    if noun.tag_ != "NNS":
        return []
    out: list[Span] = []
    todo = [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    while todo:
        tok = todo.pop()
        ent = ctx.ent_at[tok.i]
        if ent is not None and ent not in out:
            out.append(ent)
        todo += [c for c in tok.children if c.dep_ in {"conj", "appos"}]
    return out


def trail_nesting(groups: list[list[Span]]) -> Iterator[tuple[Span, Span]]:
    """Yield (inner, outer) for places of one trail level inside those of the next ('in A, B, in C': A in B, B in
    C); never a country inside another place."""
    for inner_group, outer_group in zip(groups, groups[1:], strict=False):
        for inner in inner_group:
            if _national(inner):
                continue
            for outer in outer_group:
                yield inner, outer


_COMPASS = lexicon.places().compass | lexicon.places().compass_place


def _national(place: Span) -> bool:
    """Whether a place is a country or a part of one named by a compass word ('northwest United States')."""
    return nation_named(place.text) is not None


def nation_named(text: str) -> str | None:
    """Return the country a place name names, a compass word before it left out ('northern Varnland' ->
    Varnland), or None; a compass word that is part of a country's name stays ('South Varnland', when the
    gazetteer names a country so)."""
    words = text.split()
    while (found := lexicon.nation_of(" ".join(words))) is None and len(words) > 1 and words[0].lower() in _COMPASS:
        words = words[1:]
    return found


def countries_kept_outside(relations: list[Relation], larger: Collection[str]) -> list[Relation]:
    """Return `relations` without a located_in that puts a country (by name) inside a place that is neither a
    country, a nationality word nor one of the `larger` words (continents, 'Middle East'): 'Varnland in Tull' comes
    of a parse that joined the wrong names ('a firm based in Tull, Varnland'), never of the text; nor one that puts
    a `larger` word inside a place that is not one ('popular in Europe, Varnland and Orla' is a list)."""
    wider = {w.casefold() for w in larger}

    def inside_place(r: Relation) -> bool:
        if r.predicate != _PREDICATE or r.object.casefold() in wider:
            return False
        return r.subject.casefold() in wider or nation_named(r.subject) is not None \
            and nation_named(r.object) is None and lexicon.nation_of(r.object) is None \
            and country_of_demonym(r.object) is None

    return [r for r in relations if not inside_place(r)]


def named_places(mentions: list[Mention], rule: dict[str, Any], site_nouns: Collection[str]) -> list[Relation]:
    """Return `rule["predicate"]` relations (named `rule["name"]`) putting a site (labels `rule["site_labels"]`, or
    `rule["labels"]` with a word of `site_nouns` in the name) in a place its own name opens with or names after
    'of' ('University of Tullmouth', 'Tullmouth Airport', 'Tullmouth High School'), when the article also names that
    place on its own (labels `rule["place_labels"]`); one relation per name and place, its first mention. Evidence
    is the name's sentence. A council, a party or a firm named after a place works for it or comes from it: it is
    left out ('Tullmouth City Council', 'Varnland Independence Party')."""
    places: dict[str, Mention] = {}
    for m in mentions:
        if m.label in rule["place_labels"] and m.refers_to is None:
            places.setdefault(m.text.casefold(), m)
    out: list[Relation] = []
    seen: set[tuple[str, str]] = set()
    for m in mentions:
        words = m.text.split()
        if m.refers_to is not None or not (m.label in rule["site_labels"] or m.label in rule["labels"] and any(
                w.lower() in site_nouns for w in words)):
            continue
        for place in _places_in_name(words, places, rule["longest_place"]):
            key = (m.text.casefold(), place.text.casefold())
            if key in seen:
                continue
            seen.add(key)
            out.append(Relation(subject=m.text, predicate=rule["predicate"], object=place.text,
                                subject_span=(m.start, m.end), object_span=(place.start, place.end),
                                start=m.sentence_start, end=m.sentence_end, rule=rule["name"]))
    return out


def country_named_bodies(mentions: list[Mention], rule: dict[str, Any]) -> list[Relation]:
    """Return `rule["predicate"]` relations (named `rule["name"]`) putting an organisation or site (labels
    `rule["labels"]`) in the country its name opens with, by name or nationality word ('the Varnish Army', 'Varnland
    Census Bureau', 'the Varnish National Orchestra'), when the article also names that country on its own (a
    mention of it, or of its nationality word); one relation per name, its first mention, the country's first
    mention as object. Evidence is the name's sentence. A name that is all country ('Varnland'), or a place, is left
    out."""
    countries: dict[str, Mention] = {}
    for m in mentions:
        country = m.refers_to or nation_named(m.text)
        if country is not None and m.label not in rule["labels"]:
            countries.setdefault(country, m)
    out: list[Relation] = []
    seen: set[str] = set()
    for m in mentions:
        words = m.text.split()
        if m.label not in rule["labels"] or m.refers_to is not None or len(words) < 2 or m.text in seen:
            continue
        seen.add(m.text)
        country = next((c for n in range(min(rule["longest_country"], len(words) - 1), 0, -1)
                        if (c := lexicon.nation_of(" ".join(words[:n]))) is not None), None)
        home = countries.get(country) if country is not None else None
        if home is None:
            continue
        out.append(Relation(subject=m.text, predicate=rule["predicate"], object=home.text,
                            subject_span=(m.start, m.end), object_span=(home.start, home.end),
                            start=m.sentence_start, end=m.sentence_end, rule=rule["name"]))
    return out


def _places_in_name(words: list[str], places: dict[str, Mention], longest: int) -> Iterator[Mention]:
    """Yield the places of `places` a name's words open with ('Tull City Council') or give after 'of' ('Bank of
    Tull'), the longest first; never the whole name."""
    starts = [0] + [i + 1 for i, w in enumerate(words[:-1]) if w == "of"]
    for start in starts:
        for end in range(min(len(words), start + longest), start, -1):
            if end - start == len(words):
                continue
            place = places.get(" ".join(words[start:end]).casefold())
            if place is not None:
                yield place
                break
