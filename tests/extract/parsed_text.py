"""Helpers shared by the extraction tests: a text parsed with the mentions a test names."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from linkchart.extract.facts import fact_reader
from linkchart.extract.pipeline import extract_article


def parse(nlp: Language, text: str, ents: list[tuple[str, str]]) -> Doc:
    """Return the parsed text with exactly the given (surface, label) mentions as doc.ents."""
    doc = nlp(text)
    spans = []
    for surface, label in ents:
        start = text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label, alignment_mode="expand"))
    doc.ents = spans
    return doc


def facts(nlp: Language, text: str, ents: list[tuple[str, str]]) -> set[tuple[str, str, str, str]]:
    """Return (subject, predicate, object, rule) for every relation read in `text` with the given mentions."""
    rels = fact_reader(nlp).read(parse(nlp, text, ents), 0, None).relations
    return {(r.subject, r.predicate, r.object, r.rule) for r in rels}


def triples(nlp: Language, text: str, ents: list[tuple[str, str]]) -> set[tuple[str, str, str]]:
    """Return (subject, predicate, object) for every relation read in `text` with the given mentions."""
    return {(s, p, o) for s, p, o, _ in facts(nlp, text, ents)}


def article_triples(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    """Return (subject, predicate, object) for every relation not denied that the whole pipeline reads in `text`
    as one article, a paragraph a line."""
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    found = extract_article(text, paragraphs, "2020-01-01", nlp)
    return {(r.subject, r.predicate, r.object) for r in found.relations if not r.negated}


def parsed_before(model: Language, text: str, component: str) -> Doc:
    """Return `text` run through the plain model's components that come before `component` (which it must have)."""
    doc = model.make_doc(text)
    for name, proc in model.pipeline:
        if name == component:
            return doc
        doc = proc(doc)
    raise AssertionError(f"the model has no {component}")
