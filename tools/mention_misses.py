"""Count why gold entity mentions of a public set are missed and why predicted ones are spurious.

    .venv/bin/python tools/mention_misses.py conll OUTDIR [--first N] [--export FILE] [--show CLASS] [--json FILE]
    .venv/bin/python tools/mention_misses.py redocred OUTDIR ...

OUTDIR is a directory `../shared/eval/public/run.sh` prepared (it holds `conll/*.txt` and `conll.gold.json`).
Each document is ingested (read, cleaned, split) and extracted again here, recording what spaCy's model proposed,
what the mention fixer kept and what the article passes kept; the scored mentions are those of the export
(`--export`, default OUTDIR/<kind>.json) when it exists, else the extraction's own. Every missed gold span and
every spurious predicted span gets one class (the first that holds, in the order of `MISS_ORDER` /
`SPURIOUS_ORDER`); `--show CLASS` prints the examples of one class with their line. Scoring follows
`score_corpus.py`: CoNLL needs exact span and type (PER/ORG/LOC, GPE/FAC count as LOC), Re-DocRED the span only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc

from linkchart.extract import mentions as mentions_module
from linkchart.extract.nlp import load_pipeline
from linkchart.extract.pipeline import extract_many
from linkchart.ingest.articles import build_articles
from linkchart.ingest.read import read_file

TYPE = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
SCORED = ("PER", "ORG", "LOC")
Span = tuple[int, int]


@dataclass
class DocTrace:
    """What each stage held for one document, in offsets of the document's text."""

    text: str
    raw: dict[Span, str] = field(default_factory=dict)  # spaCy's own entities (every label)
    fixed: dict[Span, tuple[str, str]] = field(default_factory=dict)  # the fixer's actor spans: (label, cue)
    final: dict[Span, str] = field(default_factory=dict)  # the article's mentions after its passes
    read: list[Span] = field(default_factory=list)  # the clean English text extraction read
    predicted: dict[Span, str] = field(default_factory=dict)  # the scored mentions (export, else final)


_RECORD: list[tuple[list[tuple[int, int, str]], list[tuple[int, int, str, str]]]] = []


def _hook() -> None:
    """Make the mention fixer record spaCy's entities and its own output, doc by doc."""
    original = mentions_module.MentionFixer.__call__

    def recording(self: mentions_module.MentionFixer, doc: Doc) -> Doc:
        raw = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        out = original(self, doc)
        fixed = [(s.start_char, s.end_char, s.label_, s._.get(mentions_module.CUE_ATTR) or "spacy")
                 for s in out.spans[mentions_module.SPANS_KEY]]
        _RECORD.append((raw, fixed))
        return out

    mentions_module.MentionFixer.__call__ = recording  # type: ignore[method-assign]


def trace(path: str) -> DocTrace:
    """Return the stages of one document's extraction, offsets into its text."""
    nlp = load_pipeline()
    (document,) = read_file(path)
    tr = DocTrace(document.text)
    for art in build_articles(document):
        spans = art.english_spans()
        _RECORD.clear()
        (extraction,) = extract_many([(art.text, spans, art.anchor_date())], nlp)
        # the recorded docs come in the order of the pieces extraction parsed
        from linkchart.extract.pipeline import pieces
        starts = [a for s, e in spans for a, b in pieces(art.text, s, e) if art.text[a:b].strip()]
        for (raw, fixed), base in zip(_RECORD, starts, strict=True):
            for a, b, label in raw:
                tr.raw[art.offsets.span(base + a, base + b)] = label
            for a, b, label, cue in fixed:
                tr.fixed[art.offsets.span(base + a, base + b)] = (label, cue)
        for m in extraction.mentions:
            tr.final[art.offsets.span(m.start, m.end)] = m.label
        tr.read.extend(art.offsets.span(s, e) for s, e in spans)
    tr.predicted = dict(tr.final)
    return tr


def overlapping(span: Span, spans: dict[Span, object]) -> list[Span]:
    """Return the spans of `spans` sharing a character with `span`."""
    return [s for s in spans if s[0] < span[1] and span[0] < s[1]]


def line_of(text: str, span: Span) -> str:
    """Return the line holding `span`."""
    a = text.rfind("\n", 0, span[0]) + 1
    b = text.find("\n", span[1])
    return text[a : b if b >= 0 else len(text)]


def line_kind(line: str) -> str:
    """Return the layout of a line: 'caps' (a shouted headline), 'table' (results, scores), or 'prose'."""
    letters = [c for c in line if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.8 * len(letters) and len(letters) > 3:
        return "caps"
    words = line.split()
    digits = sum(bool(re.search(r"\d", w)) for w in words)
    if words and (digits >= 3 and digits * 3 >= len(words) or not any(w.islower() for w in words)):
        return "table"
    return "prose"


def _boundary(text: str, gold: Span, pred: Span) -> str:
    """Return how a predicted span that overlaps a gold one differs from it."""
    g, p = text[gold[0] : gold[1]], text[pred[0] : pred[1]]
    if pred[0] <= gold[0] and pred[1] >= gold[1]:
        extra = (text[pred[0] : gold[0]] + " | " + text[gold[1] : pred[1]]).strip()
        if re.search(r"\b(and|&)\b", extra):
            return "too long: over 'and'"
        if "-" in p and "-" not in g:
            return "too long: over a hyphen"
        if text[pred[0] : gold[0]].strip():
            return "too long: words before"
        return "too long: words after"
    if gold[0] <= pred[0] and gold[1] >= pred[1]:
        rest = text[gold[0] : pred[0]] + " | " + text[pred[1] : gold[1]]
        if re.search(r"\b(and|&)\b", rest):
            return "cut: at 'and'"
        if re.search(r"[-'’]", rest) or "-" in g and "-" not in p:
            return "cut: at a hyphen or apostrophe"
        if re.search(r"\b(of|for|de|the)\b", rest):
            return "cut: at of/for/the"
        return "cut: other"
    return "crossing"


def classify_miss(tr: DocTrace, gold: Span, label: str, kind: str) -> str:
    """Return why the gold span `gold` (type `label`) is not scored as found."""
    text = tr.text
    if gold in tr.predicted:
        got = TYPE.get(tr.predicted[gold], tr.predicted[gold])
        before = tr.final.get(gold)
        how = "" if before is None or TYPE.get(before, before) == got else f" (extracted {before}, resolved)"
        return f"type: {label} as {got}{how}"
    over = overlapping(gold, tr.predicted)
    if over:
        return "boundary: " + _boundary(text, gold, over[0])
    if gold in tr.final:
        return "lost after extraction (store / resolution)"
    if gold in tr.fixed or overlapping(gold, tr.fixed):
        return "dropped by an article pass (headline-only, unintroduced)"
    if not any(a <= gold[0] and gold[1] <= b for a, b in tr.read):
        return "not read (boilerplate cut or not English)"
    raw = tr.raw.get(gold)
    where = line_kind(line_of(text, gold))
    if raw is not None:
        if raw in TYPE or raw == "EVENT":
            return f"fixer dropped spaCy's {raw} span"
        return f"spaCy said {raw}"
    over_raw = overlapping(gold, tr.raw)
    if over_raw:
        return f"spaCy boundary ({tr.raw[over_raw[0]]}), fixer did not fix [{where}]"
    return f"never proposed [{where}]"


def classify_spurious(tr: DocTrace, pred: Span, label: str, gold: dict[Span, str], misc: set[Span]) -> str:
    """Return why the predicted span `pred` is not a gold mention."""
    if pred in gold:
        return f"type: {gold[pred]} as {label}"
    if pred in misc:
        return "gold MISC"
    over = overlapping(pred, gold)
    if over:
        return "boundary: " + _boundary(tr.text, over[0], pred)
    if any(s[0] < pred[1] and pred[0] < s[1] for s in misc):
        return "overlaps gold MISC"
    cue = tr.fixed.get(pred, ("", "article"))[1]
    where = line_kind(line_of(tr.text, pred))
    return f"no gold: {label} by {cue} [{where}]"


def load_gold(kind: str, outdir: str) -> tuple[dict[str, dict[Span, str]], dict[str, set[Span]]]:
    """Return per document the scored gold spans with their type, and the unscored ones (MISC, other types)."""
    raw = json.load(open(os.path.join(outdir, f"{kind}.gold.json"), encoding="utf-8"))
    scored: dict[str, dict[Span, str]] = {}
    other: dict[str, set[Span]] = {}
    for doc, g in raw.items():
        spans = g if kind == "conll" else [m[:3] for cl in g["clusters"] for m in cl]
        scored[doc] = {(a, b): t for a, b, t in spans if t in SCORED}
        other[doc] = {(a, b) for a, b, t in spans if t not in SCORED}
    return scored, other


def load_export(path: str) -> dict[str, dict[Span, str]]:
    """Return per document the exported mentions with their entity's type."""
    out: dict[str, dict[Span, str]] = defaultdict(dict)
    for e in json.load(open(path, encoding="utf-8")).get("entities", []):
        for m in e.get("mentions", []):
            out[os.path.basename(m["doc"])][(m["start"], m["end"])] = str(e.get("type", "")).upper()
    return out


def main() -> None:
    """Print the counts of missed and spurious classes (and examples of one with --show)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("kind", choices=["conll", "redocred"])
    ap.add_argument("outdir")
    ap.add_argument("--first", type=int, default=0)
    ap.add_argument("--export")
    ap.add_argument("--show", action="append", default=[])
    ap.add_argument("--json", help="write the classes per example to this file")
    args = ap.parse_args()
    _hook()
    gold, misc = load_gold(args.kind, args.outdir)
    export_path = args.export or os.path.join(args.outdir, f"{args.kind}.json")
    exported = load_export(export_path) if os.path.exists(export_path) and args.export != "none" else None
    names = sorted(gold)[: args.first or None]
    misses: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    examples: list[dict[str, object]] = []
    tp = fp = fn = 0
    for name in names:
        tr = trace(os.path.join(args.outdir, args.kind, name))
        if exported is not None:
            tr.predicted = exported.get(name, {})
        g = gold[name]
        p = {s: t for s, t in tr.predicted.items() if t in TYPE}
        if args.kind == "conll":
            found = {s for s, t in g.items() if TYPE.get(p.get(s, ""), None) == t}
            wrong = {s for s, t in p.items() if g.get(s) != TYPE[t]}
        else:
            found = set(g) & set(p)
            wrong = set(p) - set(g)
        tp += len(found)
        fn += len(g) - len(found)
        fp += len(wrong)
        for s, t in g.items():
            if s not in found:
                c = classify_miss(tr, s, t, args.kind) if args.kind == "conll" or s not in p else "?"
                if args.kind == "redocred" and c.startswith("type:"):
                    c = "type outside PER/ORG/LOC: " + c
                misses[c] += 1
                examples.append({"doc": name, "span": s, "text": tr.text[s[0] : s[1]], "side": "miss", "class": c,
                                 "line": line_of(tr.text, s)[:160]})
        for s in wrong:
            c = classify_spurious(tr, s, p[s], g, misc[name])
            spurious[c] += 1
            examples.append({"doc": name, "span": s, "text": tr.text[s[0] : s[1]], "side": "spurious", "class": c,
                             "line": line_of(tr.text, s)[:160]})
    prec = tp / max(1, tp + fp)
    rec = tp / max(1, tp + fn)
    print(f"{args.kind}: {len(names)} documents, scored from {'export' if exported is not None else 'extraction'}:"
          f" P {prec:.3f} R {rec:.3f} F1 {2 * prec * rec / max(1e-9, prec + rec):.3f} (tp {tp} fp {fp} fn {fn})")
    for title, counts in (("missed gold", misses), ("spurious", spurious)):
        print(f"\n{title}: {sum(counts.values())}")
        for c, n in counts.most_common():
            print(f"  {n:5d}  {c}")
    for want in args.show:
        print(f"\n--- {want}")
        for ex in examples:
            if str(ex["class"]).startswith(want):
                print(f"  {ex['doc']} {ex['side']} {ex['text']!r} ({ex['class']})  | {ex['line']}")
    if args.json:
        json.dump(examples, open(args.json, "w", encoding="utf-8"), indent=0)


if __name__ == "__main__":
    main()
