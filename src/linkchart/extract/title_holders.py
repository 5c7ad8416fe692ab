"""Who holds a title the article names: 'the home secretary' is the 'Home Secretary Ann Roe' named before.

News names an office-holder once with the title before the name ('Home Secretary Ann Roe said ...') and later
by the title alone ('the home secretary's plans'). Within one article, a title written before exactly one
person's name stands for that person wherever the article writes 'the' + that title (rule title_holder); a title
written before two persons' names, or never before a name, stands for no one.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from linkchart import lexicon

TITLES_KEY = "lc_title_holders"  # doc.user_data: title (lower-case) -> (start, end, text) in that doc's characters
_ROLE_NOUNS = lexicon.roles().nouns
_LONGEST = 4  # words of a title before a name


def title_before(ent: Span) -> str | None:
    """Return the lower-case title written right before a person's name ('Home Secretary' in 'Home Secretary Ann
    Roe'), ending in a role noun, or None."""
    doc, words = ent.doc, []
    i = ent.start - 1
    while i >= 0 and len(words) < _LONGEST and doc[i].is_alpha and doc[i].ent_type_ == "" \
            and doc[i].lower_ not in {"the", "a", "an", "and"} and doc[i].head.i in range(i + 1, ent.end):
        words.insert(0, doc[i].lower_)
        i -= 1
    if not words or words[-1] not in _ROLE_NOUNS:
        return None
    return " ".join(words)


def tag_title_holders(docs: list[tuple[Doc, int]]) -> None:
    """Note, in each doc's `user_data`, the persons the article's `docs` (with their offsets) name after a title
    held by one person only, keyed by the title, in that doc's characters."""
    held: dict[str, set[str]] = {}
    first: dict[str, tuple[int, int, str]] = {}
    for doc, offset in docs:
        for ent in doc.ents:
            title = title_before(ent) if ent.label_ == "PERSON" else None
            if title is None:
                continue
            held.setdefault(title, set()).add(ent.text)
            first.setdefault(title, (ent.start_char + offset, ent.end_char + offset, ent.text))
    one = {title: first[title] for title, people in held.items() if len(people) == 1}
    for doc, offset in docs:
        doc.user_data[TITLES_KEY] = {t: (s - offset, e - offset, text) for t, (s, e, text) in one.items()}


def title_of(noun: Token) -> str | None:
    """Return the title 'the' + noun writes ('the home secretary', "the home secretary's"): the noun with its
    compound words, or None when the noun has a word of its own (a name, an adjective, another determiner)."""
    words = []
    for c in noun.children:
        if c.dep_ == "det" and c.lower_ == "the" or c.dep_ in {"case", "punct"}:
            continue
        if c.dep_ != "compound" or c.i > noun.i or not c.is_alpha or c.ent_type_:
            return None
        words.append(c)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    return " ".join([*(w.lower_ for w in sorted(words, key=lambda t: t.i)), noun.lower_])


def holder_of(doc: Doc, title: str) -> tuple[int, int, str] | None:
    """Return (start, end, text) in `doc` characters of the one person the article names with `title`, or None."""
    return doc.user_data.get(TITLES_KEY, {}).get(title)
