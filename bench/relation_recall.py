"""Relation recall of linkchart's relation rules against the dev gold (001, 003, 004).

Runs the spaCy pipeline over each gold document's paragraphs, extracts relations, and compares them to
gold `relations.json` by surface: gold subject/object ids map to names via `entities.json` aliases and
are compared loosely (case, quotes, 'al-', leading 'the' folded; one name containing the other counts).
Prints recall per document, the relations with no gold counterpart, and the events per document.

    .venv/bin/python bench/relation_recall.py [--show] [--corpus DIR] [--gold DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import time
import unicodedata
from collections import Counter
from pathlib import Path

from linkchart.extract.dates import last_stated_date
from linkchart.extract.facts import fact_reader
from linkchart.extract.nlp import load_pipeline

SYMMETRIC = {"met_with", "allied_with", "exchanged_for"}


def norm(s: str) -> str:
    """Return a loose comparison key for a name."""
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"['’`\"]", "", s)
    s = re.sub(r"\b(the|al|el)\b[- ]?", " ", s)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", s).split())


def names_match(surface: str, names: set[str]) -> bool:
    """Return True when a surface form loosely equals one of the gold names."""
    k = norm(surface)
    if not k:
        return False
    return any(k == n or (len(n) > 3 and len(k) > 3 and (f" {n} " in f" {k} " or f" {k} " in f" {n} "))
               for n in names)


def paragraphs(text: str) -> list[tuple[int, str]]:
    """Return (offset, paragraph) pairs split at blank lines."""
    out, pos = [], 0
    for block in re.split(r"(\n\s*\n)", text):
        if block.strip() and not re.fullmatch(r"\n\s*\n", block):
            out.append((pos, block))
        pos += len(block)
    return out


def main() -> None:
    """Print per-document relation recall and unmatched relations."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="/work/shared/corpus")
    ap.add_argument("--gold", default="/work/shared/eval/gold-dev")
    ap.add_argument("--show", action="store_true", help="list misses and unmatched relations")
    ap.add_argument("--date", default=None, help="article date anchor")
    args = ap.parse_args()
    gold_dir = Path(args.gold)
    entities = {e["id"]: {norm(a) for a in [e["name"], *e.get("aliases", [])]} - {""}
                for e in json.loads((gold_dir / "entities.json").read_text())}
    gold = json.loads((gold_dir / "relations.json").read_text())
    nlp = load_pipeline()
    reader = fact_reader(nlp)
    total_hit = total_gold = total_pred = total_unmatched = 0
    rule_hits: Counter[str] = Counter()
    rule_unmatched: Counter[str] = Counter()
    for doc_name in sorted({g["doc"] for g in gold}):
        path = next(Path(args.corpus).glob(doc_name))
        text = path.read_text(encoding="utf-8")
        t0 = time.perf_counter()
        relations = []
        events = []
        context = None
        for off, para in paragraphs(text):
            doc = nlp(para)
            facts = reader.read(doc, off, args.date, context_date=context)
            rels, evs = facts.relations, facts.events
            context = last_stated_date(doc[:], args.date, context)
            relations += rels
            events += evs
        elapsed = time.perf_counter() - t0
        golds = [g for g in gold if g["doc"] == doc_name and not g.get("negated")
                 and g["predicate"] not in {"other", "alias_of"}]

        def same(r, g) -> bool:  # noqa: ANN001
            if r.predicate != g["predicate"] or r.negated:
                return False
            s, o = entities.get(g["subject"], set()), entities.get(g["object"], set())
            if names_match(r.subject, s) and names_match(r.object, o):
                return True
            return g["predicate"] in SYMMETRIC and names_match(r.subject, o) and names_match(r.object, s)

        hit = [g for g in golds if any(same(r, g) for r in relations)]
        unmatched = [r for r in relations if not any(same(r, g) for g in golds)]
        for r in relations:
            (rule_hits if r not in unmatched else rule_unmatched)[r.rule] += 1
        total_hit += len(hit)
        total_gold += len(golds)
        total_pred += len(relations)
        total_unmatched += len(unmatched)
        print(f"{doc_name}: recall {len(hit)}/{len(golds)} = {len(hit) / max(1, len(golds)):.2f}; "
              f"{len(relations)} relations, {len(unmatched)} without gold counterpart; "
              f"{len(events)} events; {elapsed:.1f}s")
        if args.show:
            for g in golds:
                if g not in hit:
                    print(f"   MISS {g['subject']} {g['predicate']} {g['object']} | {g['evidence'][:90]}")
            for r in unmatched:
                print(f"   EXTRA {r.subject!r} {r.predicate} {r.object!r} [{r.rule}] neg={r.negated} "
                      f"attr={r.attributed_to!r} | {text[r.start:r.end][:90]!r}")
            for e in events:
                print(f"   EVENT {e.date} {e.kind}: {e.summary} | {text[e.start:e.end][:70]!r}")
    print(f"ALL: recall {total_hit}/{total_gold} = {total_hit / max(1, total_gold):.2f}; "
          f"{total_pred} relations, {total_unmatched} without gold counterpart")
    print("rules (matched/unmatched):", {k: (rule_hits[k], rule_unmatched[k])
                                         for k in sorted(set(rule_hits) | set(rule_unmatched))})


if __name__ == "__main__":
    main()
