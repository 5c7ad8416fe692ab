"""Hand check of relations and events on news nobody tuned for (issue #11).

Ingests a folder of article texts into a fresh temporary store with the `linkchart` command
(`ingest`, then `export` as linkchart/1 JSON), lists every relation and every event the
store holds, one item per piece of evidence (article, character offsets, predicate or
event kind, arguments, evidence sentence), and merges them with the stored hand
judgements (eval/handcheck/judgements.jsonl). Prints, for relations and for events, how
many items are judged right, judged wrong and not yet judged, the wrong ones with their
reasons, and the unjudged items as judgement lines to fill in, so the next change can be
judged incrementally and compared with this one.

The article texts are third-party (English Wikinews, CC BY 2.5) and are kept outside the
repository; eval/handcheck/articles.jsonl records where each comes from and the SHA-256
of the text as used, which this tool checks before it runs.

Usage: .venv/bin/python tools/handcheck.py /work/notes/handcheck/texts
       [--judgements eval/handcheck/judgements.jsonl] [--articles eval/handcheck/articles.jsonl]
       [--unjudged FILE] [--items FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
JUDGEMENTS = ROOT / "eval" / "handcheck" / "judgements.jsonl"
ARTICLES = ROOT / "eval" / "handcheck" / "articles.jsonl"
VERDICTS = ("right", "wrong")


@dataclass(frozen=True)
class Item:
    """One relation or event as output, at one piece of its evidence."""

    type: str  # "relation" or "event"
    article: str
    start: int
    end: int
    label: str  # relation predicate or event kind
    args: tuple[str, ...]  # relation: (subject, object); event: participants, sorted
    date: str | None
    negated: bool = False
    hedged: bool = False
    attributed_to: str | None = None
    sentence: str = ""
    former: bool = False  # relation: every reading names the role as a past one ('the former governor')

    def key(self) -> tuple:
        """Return what identifies the item across runs: type, article, offsets, label, arguments, date, former."""
        return (self.type, self.article, self.start, self.end, self.label, self.args, self.date, self.former)

    def as_judgement(self) -> dict:
        """Return the item as a judgement line with the verdict still to be filled in."""
        line: dict = {"type": self.type, "article": self.article, "start": self.start, "end": self.end}
        if self.type == "relation":
            line.update(subject=self.args[0], predicate=self.label, object=self.args[1], former=self.former)
        else:
            line.update(kind=self.label, participants=list(self.args))
        line.update(date=self.date, negated=self.negated, hedged=self.hedged, attributed_to=self.attributed_to,
                    sentence=self.sentence, verdict=None, reason="")
        return line


def judgement_key(line: dict) -> tuple:
    """Return the Item.key() a stored judgement line refers to."""
    if line["type"] == "relation":
        label, args = line["predicate"], (line["subject"], line["object"])
    else:
        label, args = line["kind"], tuple(sorted(line["participants"]))
    return (line["type"], line["article"], line["start"], line["end"], label, args, line.get("date"),
            bool(line.get("former", False)))


@dataclass
class Merged:
    """Items matched with their judgements, the items not yet judged, and judgements of items no longer output."""

    judged: list[tuple[Item, dict]] = field(default_factory=list)
    unjudged: list[Item] = field(default_factory=list)
    stale: list[dict] = field(default_factory=list)

    def counts(self, kind: str) -> dict[str, int]:
        """Return right / wrong / unjudged / total counts for one item type ("relation" or "event")."""
        verdicts = [line["verdict"] for item, line in self.judged if item.type == kind]
        right, wrong = verdicts.count("right"), verdicts.count("wrong")
        unjudged = sum(1 for item in self.unjudged if item.type == kind)
        return {"right": right, "wrong": wrong, "unjudged": unjudged, "total": right + wrong + unjudged}


def merge(items: Iterable[Item], judgements: Iterable[dict]) -> Merged:
    """Return the items matched with the judgements by key; a judgement without a verdict counts as unjudged."""
    by_key = {judgement_key(line): line for line in judgements}
    merged, seen = Merged(), set()
    for item in items:
        line = by_key.get(item.key())
        if line is not None and line.get("verdict") in VERDICTS:
            merged.judged.append((item, line))
            seen.add(item.key())
        else:
            merged.unjudged.append(item)
    merged.stale = [line for key, line in by_key.items() if key not in seen and line.get("verdict") in VERDICTS]
    return merged


def items_from_export(data: dict, article_of: dict[str, str]) -> list[Item]:
    """Return one Item per evidence of every relation and event of a linkchart/1 export."""
    names = {entity["id"]: entity["name"] for entity in data["entities"]}
    items: list[Item] = []
    for rel in data["relations"]:
        for ev in rel["evidence"]:
            items.append(Item("relation", article_of[ev["doc"]], ev["start"], ev["end"], rel["predicate"],
                              (names[rel["subject"]], names[rel["object"]]), rel.get("date"),
                              bool(rel.get("negated")), bool(ev.get("hedged", rel.get("hedged"))),
                              ev.get("attributed_to", rel.get("attributed_to")), ev["text"],
                              bool(rel.get("former"))))
    for event in data["events"]:
        for ev in event["evidence"]:
            items.append(Item("event", article_of[ev["doc"]], ev["start"], ev["end"], event["kind"],
                              tuple(sorted(names[p] for p in event["participants"])), event.get("date"),
                              bool(event.get("negated")), False, event.get("attributed_to"), ev["text"]))
    return sorted(items, key=lambda item: (item.type, item.article, item.start, item.label, item.args))


def read_jsonl(path: Path) -> list[dict]:
    """Return the JSON objects of a JSON-lines file (none when it does not exist)."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def check_texts(texts: Path, articles: list[dict]) -> list[str]:
    """Return a warning for every article whose text file is missing or differs from the recorded SHA-256."""
    warnings = []
    for article in articles:
        path = texts / article["file"]
        if not path.exists():
            warnings.append(f"missing: {path}")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != article["sha256"]:
            warnings.append(f"text differs from the one judged: {path}")
    return warnings


def run_linkchart(texts: Path) -> dict:
    """Return the linkchart/1 export of a fresh temporary store holding the texts of the folder."""
    with tempfile.TemporaryDirectory(prefix="handcheck-") as tmp:
        db, out = str(Path(tmp) / "store.db"), str(Path(tmp) / "export.json")
        command = [sys.executable, "-m", "linkchart.cli"]
        for step in (["ingest", "--db", db, "-q", str(texts)], ["export", "--db", db, "-o", out]):
            done = subprocess.run([*command, *step], capture_output=True, text=True)
            if done.returncode != 0:
                raise SystemExit(f"linkchart {step[0]} failed ({done.returncode}):\n{done.stderr}")
        return json.loads(Path(out).read_text(encoding="utf-8"))


def words(data: dict) -> int:
    """Return the number of words of all the exported documents."""
    return sum(doc.get("words") or 0 for doc in data["documents"])


def describe(item: Item) -> str:
    """Return a one-line description of an item for the printed lists."""
    flags = "".join(f" [{flag}]" for flag, on in (("negated", item.negated), ("hedged", item.hedged),
                                                  ("former", item.former)) if on)
    if item.type == "relation":
        what = f"{item.args[0]} --{item.label}--> {item.args[1]}"
    else:
        what = f"{item.label}({', '.join(item.args)})"
    return f"{item.article}@{item.start}-{item.end} {what} date={item.date}{flags}"


def report(merged: Merged, total_words: int) -> str:
    """Return the printed summary: counts, precision and density per type, wrong items, stale judgements."""
    lines = []
    for kind in ("relation", "event"):
        c = merged.counts(kind)
        judged = c["right"] + c["wrong"]
        precision = f"{c['right'] / judged:.2f}" if judged else "-"
        density = 1000 * c["total"] / total_words if total_words else 0.0
        lines.append(f"{kind}s: {c['total']} ({density:.1f} per 1,000 words) — right {c['right']}, "
                     f"wrong {c['wrong']}, not judged {c['unjudged']}; precision of the judged {precision}")
    wrong = [(item, line) for item, line in merged.judged if line["verdict"] == "wrong"]
    if wrong:
        lines.append("\nwrong:")
        lines += [f"  {describe(item)} — {line.get('reason', '')}" for item, line in wrong]
    if merged.stale:
        lines.append(f"\n{len(merged.stale)} judged items no longer output (kept for comparison):")
        lines += [f"  {line['article']}@{line['start']}-{line['end']} {line.get('predicate', line.get('kind'))} "
                  f"{line['verdict']}" for line in merged.stale]
    if merged.unjudged:
        lines.append(f"\n{len(merged.unjudged)} not yet judged:")
        lines += [f"  {describe(item)}" for item in merged.unjudged]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the hand check; return 0, or 1 when a text file is missing or differs from the one judged."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts", type=Path, help="folder with the article texts named as in articles.jsonl")
    parser.add_argument("--judgements", type=Path, default=JUDGEMENTS)
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    parser.add_argument("--unjudged", type=Path, help="write the unjudged items here as judgement lines to fill in")
    parser.add_argument("--items", type=Path, help="write every item (judged or not) here as JSON lines")
    args = parser.parse_args(argv)

    articles = read_jsonl(args.articles)
    warnings = check_texts(args.texts, articles)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    data = run_linkchart(args.texts)
    article_of = {doc["source"]: Path(doc["source"]).stem for doc in data["documents"]}
    items = items_from_export(data, article_of)
    merged = merge(items, read_jsonl(args.judgements))
    print(report(merged, words(data)))
    if args.unjudged:
        args.unjudged.write_text("".join(json.dumps(item.as_judgement()) + "\n" for item in merged.unjudged),
                                 encoding="utf-8")
    if args.items:
        args.items.write_text("".join(json.dumps(item.as_judgement()) + "\n" for item in items), encoding="utf-8")
    return 1 if warnings else 0


if __name__ == "__main__":
    sys.exit(main())
