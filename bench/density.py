"""Relations and events per 1,000 words of linkchart/1 exports: how much of a chart a reader gets from a pile.

Counts every exported relation and event once per document its evidence cites (a fact read in three
documents counts three times, as the reading did), over the words of the exported documents. Run it on
the exports the evaluations write, e.g. after `../shared/eval/public/run.sh /tmp/lc-public`:

    .venv/bin/python bench/density.py /tmp/lc-public/news.json /tmp/lc-public/redocred.json
    .venv/bin/linkchart ingest ../shared/corpus --db /tmp/dev.db -q && \\
        .venv/bin/linkchart export --db /tmp/dev.db --format json -o /tmp/dev.json && \\
        .venv/bin/python bench/density.py /tmp/dev.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def _cited(item: dict[str, Any]) -> int:
    """Return how many distinct documents an exported item's evidence cites (at least one)."""
    return max(1, len({e.get("doc") for e in item.get("evidence") or []}))


def density(export: dict[str, Any]) -> dict[str, float]:
    """Return words, relations, events and relations/events per 1,000 words of one linkchart/1 export."""
    docs = export.get("documents") or []
    words = sum(int(d.get("words") or 0) for d in (docs.values() if isinstance(docs, dict) else docs))
    relations = sum(_cited(r) for r in export.get("relations") or [])
    events = sum(_cited(e) for e in export.get("events") or [])
    per = 1000 / words if words else 0.0
    return {"words": words, "relations": relations, "events": events,
            "relations_per_1000_words": round(relations * per, 2), "events_per_1000_words": round(events * per, 2)}


def main(paths: list[str]) -> None:
    """Print one JSON line of figures per export file."""
    if not paths:
        raise SystemExit(__doc__)
    for path in paths:
        figures = density(json.loads(Path(path).read_text(encoding="utf-8")))
        print(Path(path).name, json.dumps(figures))


if __name__ == "__main__":
    main(sys.argv[1:])
