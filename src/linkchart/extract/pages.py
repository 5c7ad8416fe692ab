"""What an encyclopedic page states once for the whole page: the country its opening definition names.

A reference page opens by defining its subject ('Brennick is a town in the Ostra district of Varnland.', 'Orla
Records is a Varnish record label.'). The country that definition names, as a name or a nationality word, is the
country the page is set in: the places and organisations it goes on to name are in it ('The river rises near
Tull.' on that page puts Tull in Varnland), unless the page puts them in another country or names one inside them.
News and reports open with a happening, not a definition, so `opening_definition` keeps them out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Span

from linkchart import lexicon
from linkchart.extract.context import lemma_of
from linkchart.models import Mention, Relation

_PREDICATE = "located_in"
# a sentence opening with one of these word classes opens with no name ('The', 'It', 'In May', 'Police said')
_NOT_NAME_OPENERS = frozenset({"DET", "PRON", "ADP", "SCONJ", "CCONJ", "AUX", "VERB", "NUM", "PART"})


def opening_definition(doc: Doc) -> Span | None:
    """Return the first sentence of `doc` when it defines a named subject ('X is a town in Y', 'X (born 1950)
    was a Varnish painter'): it opens with a capitalised name and its main verb is a copula with a predicate
    noun after it; None otherwise ('Police arrested ...', 'The minister was ...', 'In May, X was ...')."""
    sent = next(iter(doc.sents), None)
    if sent is None:
        return None
    root = sent.root
    if lemma_of(root) != "be" or not any(c.dep_ in {"attr", "nsubj"} and c.i > root.i for c in root.children):
        return None
    first = next((t for t in sent if not t.is_punct), None)
    if first is not None and first.pos_ == "DET" and first.i + 1 < root.i and first.nbor().pos_ == "PROPN":
        first = first.nbor()  # 'The Orla Tour was ...': a name with its article
    if first is None or first.i >= root.i or not (first.is_title or first.is_upper) or first.ent_type_ == "DATE":
        return None
    return None if first.pos_ in _NOT_NAME_OPENERS else sent


def _nation(m: Mention) -> str | None:
    """Return the country a mention names, by its name or as a nationality word ('Varnish' -> Varnland)."""
    return lexicon.nation_of(m.text) or (lexicon.nation_of(m.refers_to) if m.refers_to else None)


def page_country(mentions: Iterable[Mention], opening: tuple[int, int]) -> Mention | None:
    """Return the first mention of a country (or of its nationality word) inside the opening definition
    `opening` (start, end), or None."""
    inside = [m for m in mentions if opening[0] <= m.start and m.end <= opening[1] and _nation(m) is not None]
    return min(inside, key=lambda m: m.start, default=None)


def page_country_relations(mentions: list[Mention], relations: list[Relation], opening: tuple[int, int],
                           rule: dict[str, Any]) -> list[Relation]:
    """Return `rule["predicate"]` relations (named `rule["name"]`) putting each place and organisation the page
    names (labels `rule["labels"]`; one per name, its first mention) in the country of its opening definition
    `opening` (`page_country`); evidence runs from the definition to the sentence naming it. Left out: countries,
    `rule["larger"]` words (continents, 'Europe'), what the page already puts in that country, what a stated link
    puts in another country, and what a stated link says a country is inside."""
    country = page_country(mentions, opening)
    if country is None:
        return []
    home = _nation(country)
    larger = {w.casefold() for w in rule["larger"]}
    stated = [r for r in relations if r.predicate == _PREDICATE and not r.negated]
    placed = {r.subject.casefold() for r in stated if lexicon.nation_of(r.object) is not None}
    holds_nation = {r.object.casefold() for r in stated if lexicon.nation_of(r.subject) is not None}
    out: list[Relation] = []
    seen: set[str] = set()
    for m in mentions:
        key = m.text.casefold()
        if m.label not in rule["labels"] or key in seen or _nation(m) is not None or m.refers_to:
            continue
        seen.add(key)
        if key in placed or key in holds_nation or key in larger or home is None:
            continue
        out.append(Relation(subject=m.text, predicate=rule["predicate"], object=country.text,
                            subject_span=(m.start, m.end), object_span=(country.start, country.end),
                            start=min(opening[0], m.sentence_start), end=max(opening[1], m.sentence_end),
                            rule=rule["name"]))
    return out
