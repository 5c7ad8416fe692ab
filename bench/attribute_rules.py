"""Check linkchart_attribute_rules against the model's own attribute_ruler, and time both.

Parses texts with the model up to its attribute_ruler, runs the ruler and linkchart's table on copies of each
doc, and prints how many tokens got different attributes (tag, pos, morph, lemma, dependency, head: should be
0) and the CPU seconds of each (the table's first pass learns the words it has not seen; the second is warm).
Texts: the paragraphs bench/extract.py times, or the .txt/.md files under the given paths.
Usage: .venv/bin/python bench/attribute_rules.py [PATH ...]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc

from linkchart.extract.attribute_rules import MODEL_RULER, AttributeRules
from linkchart.extract.nlp import MODEL

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract import load_paragraphs  # noqa: E402

ATTRS = ("TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD")


def texts_of(paths: list[str]) -> list[str]:
    """Return the non-empty paragraphs of the .txt and .md files under `paths`, or bench/extract.py's paragraphs."""
    if not paths:
        return load_paragraphs(200)
    files = sorted(f for p in map(Path, paths) for f in ([p] if p.is_file() else p.rglob("*"))
                   if f.suffix in (".txt", ".md"))
    return [p for f in files for p in f.read_text(encoding="utf-8", errors="replace").split("\n\n") if p.strip()]


def differing(a: Doc, b: Doc) -> int:
    """Return how many tokens of two parses of one text differ in `ATTRS`."""
    return int((a.to_array(list(ATTRS)) != b.to_array(list(ATTRS))).any(axis=1).sum())


def main() -> None:
    """Print tokens, differing tokens and the CPU time of the model's ruler and of linkchart's table."""
    nlp = spacy.load(MODEL)
    ruler = nlp.get_pipe(MODEL_RULER)
    rules = AttributeRules(nlp.vocab)
    if not rules.take(ruler):
        print("the model's ruler has patterns the table does not read: it runs the ruler itself")
    after = nlp.pipe_names[nlp.pipe_names.index(MODEL_RULER):]
    docs = list(nlp.pipe(texts_of(sys.argv[1:]), disable=after))
    tokens = sum(len(d) for d in docs)
    theirs = [d.copy() for d in docs]
    c0 = time.process_time()
    for d in theirs:
        ruler(d)
    t_ruler = time.process_time() - c0
    times = []
    for _ in range(2):
        ours = [d.copy() for d in docs]
        c0 = time.process_time()
        for d in ours:
            rules(d)
        times.append(time.process_time() - c0)
    bad = sum(differing(a, b) for a, b in zip(theirs, ours, strict=True))
    print(f"{len(docs)} texts, {tokens} tokens, {bad} tokens with other attributes | model ruler {t_ruler:.3f} s CPU | "
          f"table {times[0]:.3f} s first pass, {times[1]:.3f} s warm")


if __name__ == "__main__":
    main()
