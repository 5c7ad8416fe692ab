"""The organisation an article is about: what 'the company' and "Varnland's largest card firm" stand for.

Business news names its firm once or twice and then writes 'the firm', 'the carrier', 'the company', or
opens with a description before the name ('Varnland's largest card firm has averted collapse. ... Orla Card
had been threatened ...'). A news story names what it is about first: the firm meant is the first organisation
the article names that it names again (an acronym of a name counts as that name: 'the Harbour Workers Union'
... 'HWU'); a magazine or agency quoted more often later is a source, not the subject. An article that names
no organisation twice has no firm in focus, and its descriptions stay unresolved.

The article's focus is noted in each doc's `user_data` (in that doc's characters), and read by `focus_near`.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from linkchart import lexicon
from linkchart.extract.aliases import initials_match
from linkchart.extract.doctext import bare_name, span_text

FOCUS_KEY = "lc_focus_organisation"  # doc.user_data: (start, end, text) of the focus's first naming, doc chars
FOCUS_ACTS_KEY = "lc_focus_acts"  # doc.user_data: whether that first naming is its clause's subject
LEAST_NAMINGS = 2
_HEADS = lexicon.organisations().heads



def _abbreviates(acronym: str, name: str) -> bool:
    """Whether `acronym` abbreviates `name`, its head word included or left out ('PCS' for the 'Public and
    Commercial Services Union')."""
    if initials_match(name, acronym):
        return True
    words = name.split()
    return len(words) > 2 and words[-1].lower() in _HEADS and initials_match(" ".join(words[:-1]), acronym)


def _is_acronym(name: str) -> bool:
    return len(name) >= 2 and name.isalpha() and name.isupper()


def focus_organisation(docs: list[tuple[Doc, int]]) -> tuple[int, int, str] | None:
    """Return (start, end, text) in article characters of the first naming of the first organisation the
    article's parsed `docs` (with their offsets, in order) name at least twice, or None (see the module)."""
    first: dict[str, tuple[int, int, str]] = {}
    counts: Counter[str] = Counter()
    for doc, offset in docs:
        for ent in doc.ents:
            if ent.label_ != "ORG" or not span_text(ent)[:1].isupper():
                continue  # 'the government' stands for a nation's government (extract/governments), no name
            name = bare_name(ent)
            if not name:
                continue
            counts[name] += 1
            first.setdefault(name, (ent.start_char + offset, ent.end_char + offset, span_text(ent)))
    # an acronym of a name the article spells out counts as that name
    for name in [n for n in counts if _is_acronym(n)]:
        expansions = [n for n in counts if not _is_acronym(n) and _abbreviates(name, n)]
        if len(expansions) == 1:
            counts[expansions[0]] += counts.pop(name)
    named = sorted((first[name] for name, count in counts.items() if count >= LEAST_NAMINGS), key=lambda f: f[0])
    return named[0] if named else None


def tag_focus(docs: list[tuple[Doc, int]]) -> None:
    """Note the article's focus organisation (`focus_organisation`) in the `user_data` of each of its docs, in
    that doc's characters, and whether it is the subject where the article first names it (`FOCUS_ACTS_KEY`)."""
    found = focus_organisation(docs)
    acts = found is not None and _subject_at(docs, found[0], found[1])
    for doc, offset in docs:
        doc.user_data[FOCUS_KEY] = None if found is None else (found[0] - offset, found[1] - offset, found[2])
        doc.user_data[FOCUS_ACTS_KEY] = acts


def _subject_at(docs: list[tuple[Doc, int]], start: int, end: int) -> bool:
    """Whether the mention at article characters [start, end) is the subject of its clause."""
    for doc, offset in docs:
        span = doc.char_span(start - offset, end - offset) if offset <= start < offset + len(doc.text) else None
        if span is not None:
            return span.root.dep_ in {"nsubj", "nsubjpass"}
    return False


def focus_acts(doc: Doc) -> bool:
    """Return whether the article's focus organisation is the subject where the article first names it ('BT has
    moved to ...'): the one whose moves and plans the article reports, not one acted on ('sanctioned those who
    funded X')."""
    return bool(doc.user_data.get(FOCUS_ACTS_KEY))


def focus_near(doc: Doc) -> tuple[int, int, str] | None:
    """Return (start, end, text) of the article's focus organisation in `doc` characters (outside the doc when
    another paragraph names it first), or None when the article has none."""
    return doc.user_data.get(FOCUS_KEY)
