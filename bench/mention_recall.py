"""Print how well linkchart's mentions cover the gold entity surfaces of the dev corpus.

For each gold-annotated document: the gold surfaces (name + aliases) that occur verbatim in
the text, how many of them are the text of some mention (or title + mention text, for
'Mr. Spyer' style aliases), the mentions that match no gold surface, and how many mentions
look like junk (no capital letter, a lone number, page furniture). Also lists alias
statements. Usage: .venv/bin/python bench/mention_recall.py [--show]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from linkchart.extract.mentions import mentions_from_doc
from linkchart.extract.nlp import load_base_pipeline, load_pipeline
from linkchart.extract.pipeline import extract_article
from linkchart.models import Extraction

CORPUS = Path("/work/shared/corpus")
GOLD = Path("/work/shared/eval/gold-dev/entities.json")
JUNK_RE = re.compile(r"^[^A-Z]*$|^[\d.,\s]+$")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return the [start, end) spans of the blank-line or line separated paragraphs of `text`."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def norm(s: str) -> str:
    """Return `s` compared loosely: case-folded, without a leading 'the'."""
    return re.sub(r"^the\s+", "", s.strip(), flags=re.IGNORECASE).casefold()


def standalone_surfaces(text: str, surfaces: set[str]) -> set[str]:
    """Return the surfaces that occur in `text` outside a longer occurrence of another surface."""
    covered = [False] * len(text)
    out: set[str] = set()
    for s in sorted(surfaces, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(s)}(?!\w)", text):
            if not any(covered[m.start() : m.end()]):
                out.add(s)
        for m in re.finditer(rf"(?<!\w){re.escape(s)}(?!\w)", text):
            covered[m.start() : m.end()] = [True] * (m.end() - m.start())
    return out


def main() -> None:
    """Print per-document and total surface recall, unmatched mentions and junk counts."""
    show = "--show" in sys.argv
    gold = json.loads(GOLD.read_text())
    baseline = "--baseline" in sys.argv  # plain spaCy ents with actor labels, for comparison
    nlp = load_base_pipeline() if baseline else load_pipeline()
    typed = {norm(s): e["type"] for e in gold for s in [e["name"], *e["aliases"]]}
    tot_typed = tot_right = 0
    docs = sorted({d for e in gold for d in e["docs"]})
    tot_found = tot_surf = tot_ment = tot_junk = tot_unmatched = 0
    for name in docs:
        path = CORPUS / name
        if not path.exists():
            continue
        text = path.read_text()
        if baseline:
            ex = Extraction(
                mentions=[
                    m
                    for (a, _b), d in zip(
                        paragraphs(text), nlp.pipe(text[a:b] for a, b in paragraphs(text)), strict=True
                    )
                    for m in mentions_from_doc(d, a)
                ]
            )
        else:
            ex = extract_article(text, paragraphs(text), None, nlp)
        judged = [m for m in ex.mentions if norm(m.text) in typed]
        right = sum(typed[norm(m.text)] == m.label for m in judged)
        tot_typed += len(judged)
        tot_right += right
        texts = {norm(m.text) for m in ex.mentions} | {norm(f"{m.role} {m.text}") for m in ex.mentions if m.role}
        surfaces = standalone_surfaces(text, {s for e in gold if name in e["docs"] for s in [e["name"], *e["aliases"]]})
        found = {s for s in surfaces if norm(s) in texts}
        all_surf = {s for e in gold for s in [e["name"], *e["aliases"]]}
        all_norm = {norm(s) for s in all_surf}
        unmatched = sorted({m.text for m in ex.mentions if norm(m.text) not in all_norm})
        junk = [m.text for m in ex.mentions if JUNK_RE.match(m.text)]
        print(
            f"{name}: surfaces {len(found)}/{len(surfaces)} = {len(found) / max(1, len(surfaces)):.2f}; "
            f"mentions {len(ex.mentions)}, distinct texts matching no gold surface {len(unmatched)}, "
            f"junk {len(junk)}; labels agreeing with gold type {right}/{len(judged)}; "
            f"alias statements {len(ex.aliases)}"
        )
        if show:
            print("  missed:", sorted(surfaces - found))
            print("  unmatched:", unmatched)
            for a in ex.aliases:
                print(f"  alias {a.kind}: {a.name!r} = {a.alias!r}")
        tot_found += len(found)
        tot_surf += len(surfaces)
        tot_ment += len(ex.mentions)
        tot_junk += len(junk)
        tot_unmatched += len(unmatched)
    print(
        f"TOTAL surfaces {tot_found}/{tot_surf} = {tot_found / max(1, tot_surf):.2f}; mentions {tot_ment}, "
        f"junk {tot_junk}, distinct unmatched texts {tot_unmatched}; "
        f"labels agreeing with gold type {tot_right}/{tot_typed} = {tot_right / max(1, tot_typed):.2f}"
    )


if __name__ == "__main__":
    main()
