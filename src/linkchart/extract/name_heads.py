"""What 'the legion' and 'the directorate' stand for: the one organisation named before whose name that noun heads.

Reporting names a group in full once ('the Orla Legion', 'the Intelligence Directorate of Varnland') and then
writes its head noun with 'the' ("The legion's leader ...", 'The directorate also trained ...'). A bare definite
noun (no name, possessor or phrase of its own) that heads the name of exactly one organisation the article named
before it stands for that organisation (rule name_head). A name's head is its last word, or the word before its
'of' or 'for' phrase ('the Ministry of Defence'); a one-word name has none. Two such organisations named before
leave the noun unresolved, and so do an adjective that is no word of the name ('the combined company') and the
noun used since for something else ('the network of the Y forces', 'its network'); a place noun ('the state',
'the city') never takes a name (the place rules read places).

The names the article gives up to each doc's end are noted in its `user_data` (in that doc's characters, so a
name in an earlier paragraph lies before 0), and read by `name_head_antecedent`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from linkchart.extract.doctext import span_text

NAMES_KEY = "lc_named_before"  # doc.user_data: [(last word, start, end, text)] of names ('' for another use of a noun)
_OWN_WORDS = {"det", "amod", "punct", "case"}  # what a bare definite noun may have of its own
_NAME_LINKS = {"of", "for"}  # a name's head stands before them ('Ministry of Defence', 'Centre for Studies')


def _head_word(ent: Span) -> str | None:
    """Return the head word of a name of two words or more in lower case: its last word, or the last before its
    'of' or 'for' phrase ('Directorate' of 'the Intelligence Directorate of Varnland'); None for one word."""
    words = [t for t in ent if t.tag_ != "POS" and t.lower_ != "the"]
    linked = next((i for i, t in enumerate(words) if t.lower_ in _NAME_LINKS), None)
    head = words[linked - 1] if linked else words[-1] if words else None
    if len(words) < 2 or head is None or not head.text[:1].isupper() or not head.is_alpha:
        return None
    return _singular(head.lower_)


def _singular(word: str) -> str:
    """Return a noun as compared, without a plural 's' ('forces' and 'Force' are one head; 'press' stays)."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _named(doc: Doc, offset: int) -> list[tuple[str, int, int, str]]:
    """Return, in order, (last word, start, end, text) of the organisations `doc` names in article characters,
    and (noun, start, end, '') for each other use of a noun ('the network of Y', 'its network'), which leaves a
    later 'the network' open."""
    out: list[tuple[str, int, int, str]] = []
    ents = doc.ents  # spaCy makes every entity span anew at each access
    inside = {i for ent in ents for i in range(ent.start, ent.end)}
    for ent in ents:
        head = _head_word(ent) if ent.label_ == "ORG" else None
        if head is not None:
            out.append((head, ent.start_char + offset, ent.end_char + offset, span_text(ent)))
    for tok in doc:
        if tok.pos_ == "NOUN" and tok.i not in inside and not bare_definite(tok):
            out.append((_singular(tok.lower_), tok.idx + offset, tok.idx + len(tok) + offset, ""))
    return sorted(out, key=lambda n: n[1])


def tag_named_before(docs: list[tuple[Doc, int]]) -> None:
    """Note in each doc's `user_data`, in its characters, the organisations the article names up to the doc's end
    and the other uses of nouns between them (see the module)."""
    before: list[tuple[str, int, int, str]] = []
    for doc, offset in docs:
        before += _named(doc, offset)
        doc.user_data[NAMES_KEY] = [(head, start - offset, end - offset, text) for head, start, end, text in before]


def bare_definite(noun: Token) -> bool:
    """Whether `noun` is 'the' + a common noun, singular or plural, with at most adjectives of its own."""
    kids = list(noun.children)
    return noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in kids) \
        and all(c.dep_ in _OWN_WORDS for c in kids)


def name_head_antecedent(noun: Token, ents: list[Span], place_nouns: frozenset[str] | set[str]
                         ) -> tuple[str, int, int, str] | Span | None:
    """Return what the bare definite `noun` stands for: the one organisation named before it whose name ends in
    it (singular or plural) — its mention among `ents` (the doc's) when the doc names it last, else (last word,
    start, end, text) of that naming in doc characters — or None."""
    lemma = noun.lemma_.lower()
    if lemma in place_nouns or not bare_definite(noun):
        return None
    head = _singular(noun.lower_)
    here = [n for n in noun.doc.user_data.get(NAMES_KEY, ()) if n[0] == head and n[2] <= noun.idx]
    if not here or not here[-1][3]:
        return None  # no name before, or the noun used since for something else ('the network of Y')
    names = {compared_name(n[3]) for n in here if n[3]}
    if len(names) != 1:
        return None
    adjectives = {c.lower_ for c in noun.children if c.dep_ == "amod"}
    if not adjectives <= set(next(iter(names)).split()):
        return None  # 'the conservative party' is the Conservative Party; 'the combined company' is a new one
    last = here[-1]
    found = next((e for e in ents if (e.start_char, e.end_char) == (last[1], last[2])), None)
    return found if found is not None else last


def compared_name(text: str) -> str:
    """Return a name as compared: lower case, without a leading 'the' or a possessive ending."""
    words = text.lower().replace("’s", "").replace("'s", "").split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)
