"""One name, one sense per article: a name the model tagged in one paragraph is tagged where it missed it.

The small English model tags 'Dorran' in one sentence and leaves it untagged (or calls it a
nationality) in the next. Within one article a capitalised name keeps the type it was given
elsewhere, so the missed occurrences are added as mentions before relations are read — the
relation rules only see tagged names. A person's surname counts as a name of its own ('Karim
al-Dorran' makes 'Dorran' a person), as reporters shorten names after the first mention.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc, Span

from linkchart.extract.doctext import doc_text, span_text
from linkchart.extract.mentions import CUE_ATTR, DESC_ATTR, REFERS_ATTR, ROLE_ATTR, SPANS_KEY, WEAK_CUES

LABELS = frozenset({"PERSON", "ORG"})
SHOUTED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
# the model calls a name the article knows a nationality ('Dorran') or a work or product ('Varga lobbied'): the
# article's name wins
_REPLACEABLE = frozenset({"NORP", "WORK_OF_ART", "PRODUCT"})
_MAX_TOKENS = 8
SURNAME_WEIGHT = 2
_KEPT_ATTRS = (ROLE_ATTR, DESC_ATTR, REFERS_ATTR)  # what a retyped mention keeps of the model's


def article_names(docs: list[Doc]) -> dict[tuple[str, ...], str]:
    """Return the article's tagged person and organisation names (as token texts) → their majority type.

    Surnames of persons named in full are included (each full name counting twice for the surname); a token
    sequence given two types equally often in the article is left out.
    """
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for doc in docs:
        for span in doc.spans.get(SPANS_KEY, []):
            if span.label_ not in LABELS or len(span) > _MAX_TOKENS:
                continue
            words = tuple(t.text for t in span)
            votes[words][span.label_] += 1
            if span.label_ == "PERSON" and len(span) >= 2 and span[-1].text[:1].isupper():
                # a person named in full outweighs one other label the model gave the surname alone
                votes[(span[-1].text,)]["PERSON"] += SURNAME_WEIGHT
    out: dict[tuple[str, ...], str] = {}
    for words, counter in votes.items():
        top = counter.most_common(2)
        if len(top) == 1 or top[0][1] > top[1][1]:
            out[words] = top[0][0]
    return out


def tag_known_names(doc: Doc, names: dict[tuple[str, ...], str]) -> Doc:
    """Return `doc` with untagged occurrences of the article's `names` added to its ents and mentions."""
    if not names:
        return doc
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in names:
        by_first[words[0]].append(words)
    text = doc_text(doc)
    if not any(first in text for first in by_first):
        return doc  # no name's first word anywhere in the doc
    for seqs in by_first.values():
        seqs.sort(key=len, reverse=True)
    toks = list(doc)  # spaCy makes a new token at each doc[i]
    texts = [t.text for t in toks]
    free: list[bool | None] = [None] * len(toks)  # whether the model left the token untagged, read when asked

    def is_free(k: int) -> bool:
        found = free[k]
        if found is None:
            found = free[k] = toks[k].ent_iob_ == "O" or toks[k].ent_type_ in _REPLACEABLE
        return found

    added: list[Span] = []
    i = 0
    while i < len(toks):
        text = texts[i]
        match = None
        if text in by_first and text[:1].isupper() and is_free(i):
            for words in by_first[text]:
                end = i + len(words)
                if end <= len(doc) and all(is_free(k) for k in range(i, end)) and tuple(texts[i:end]) == words \
                        and _bounded(doc, i, end):
                    match = Span(doc, i, end, label=names[words])
                    break
        if match is None:
            i += 1
            continue
        added.append(match)
        i = match.end
    return _put_context_spans(doc, added)


def person_surnames(docs: list[Doc]) -> frozenset[str]:
    """Return the last words of the persons the article names in full ('Varga' of 'Peter Varga')."""
    return frozenset(span[-1].text for doc in docs for span in doc.spans.get(SPANS_KEY, [])
                     if span.label_ == "PERSON" and len(span) >= 2 and span[-1].text[:1].isupper())


def retype_for_facts(doc: Doc, names: dict[tuple[str, ...], str], surnames: frozenset[str]) -> Doc:
    """Return `doc` with the entities the model alone typed (a weak cue) given the article's type, for the relation
    rules: a lone word that is the surname of a person the article names in full is that person ('Varga' the model
    called an organisation is 'Peter Varga'), another name takes the article's majority type (`names`). The
    mentions keep the model's type: the article's vote on them comes after the facts (pipeline._propagate)."""
    retyped: dict[tuple[int, int], Span] = {}
    for span in doc.spans.get(SPANS_KEY, []):
        if span.label_ not in LABELS | _REPLACEABLE or (span._.get(CUE_ATTR) or "spacy") not in WEAK_CUES:
            continue
        words = tuple(t.text for t in span)
        label = "PERSON" if len(words) == 1 and words[0] in surnames else names.get(words)
        if label is None or label == span.label_:
            continue
        new = Span(doc, span.start, span.end, label=label)
        for attr in _KEPT_ATTRS:
            new._.set(attr, span._.get(attr))
        retyped[(span.start, span.end)] = new
    if retyped:
        doc.ents = [retyped.get((e.start, e.end), e) for e in doc.ents]
    return doc


def _put_context_spans(doc: Doc, added: list[Span]) -> Doc:
    """Return `doc` with the `added` spans (cue 'context') in the entities and mentions, in place of whatever
    they overlap."""
    if not added:
        return doc
    for span in added:
        span._.set(CUE_ATTR, "context")
    covered = {k for s in added for k in range(s.start, s.end)}
    kept = [e for e in doc.ents if not any(k in covered for k in range(e.start, e.end))]
    doc.ents = sorted(kept + added, key=lambda s: s.start)
    mentions = [s for s in doc.spans.get(SPANS_KEY, []) if not any(k in covered for k in range(s.start, s.end))]
    doc.spans[SPANS_KEY] = sorted(mentions + added, key=lambda s: s.start)
    return doc


def _bounded(doc: Doc, start: int, end: int) -> bool:
    """Whether [start, end) is a whole name, not part of a longer capitalised one ('Qais' in 'Qais Ali')."""
    def name_like(k: int) -> bool:
        return 0 <= k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper()
    return not name_like(start - 1) and not name_like(end)


def shouted_names(docs: list[Doc]) -> dict[tuple[str, ...], str]:
    """Return the article's names written in running text (not all in capitals), as upper-case token texts → their
    majority type: the key to the same names in a shouted headline or a table ('BORDANIA BEAT VELINIA')."""
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for doc in docs:
        for span in doc.spans.get(SPANS_KEY, []):
            if span.label_ in SHOUTED_LABELS and len(span) <= _MAX_TOKENS and not span_text(span).isupper():
                votes[tuple(t.text.upper() for t in span)][span.label_] += 1
    out: dict[tuple[str, ...], str] = {}
    for words, counter in votes.items():
        top = counter.most_common(2)
        if len(top) == 1 or top[0][1] > top[1][1]:
            out[words] = top[0][0]
    return out


def tag_shouted_names(doc: Doc, names: dict[tuple[str, ...], str]) -> Doc:
    """Return `doc` with the article's `names` tagged where they are written in capitals ('VELINIA' for 'Velinia'),
    over what the model said there without linkchart's evidence (it calls shouted words organisations)."""
    if not names:
        return doc
    firsts = {words[0] for words in names}
    text = doc_text(doc)
    if not any(first in text for first in firsts if first.isupper() and len(first) > 1):
        return doc  # no name's first word written in capitals anywhere in the doc: no token to look at
    texts = [t.text for t in doc]
    if not any(t in firsts and t.isupper() and len(t) > 1 for t in texts):
        return doc  # no name's first word in capitals ('is_upper' is the text's `isupper`)
    strong = {k for s in doc.spans.get(SPANS_KEY, []) if (s._.get(CUE_ATTR) or "spacy") not in WEAK_CUES
              for k in range(s.start, s.end)}
    added: list[Span] = []
    i = 0
    while i < len(doc):
        text = texts[i]
        match = None
        if text in firsts and text.isupper() and len(text) > 1 and i not in strong:
            for size in range(min(_MAX_TOKENS, len(doc) - i), 0, -1):
                words = tuple(texts[i : i + size])
                if words in names and not any(k in strong for k in range(i, i + size)):
                    match = Span(doc, i, i + size, label=names[words])
                    break
        if match is None:
            i += 1
            continue
        added.append(match)
        i = match.end
    return _put_context_spans(doc, added)
