"""The bundled sample's quotes (evidence and mention sentences) read as the cleaned text: no word split by a
line-end hyphen ('week- end'), no mojibake ('â€™'), no PDF running header inside a sentence."""

from __future__ import annotations

import re

from linkchart.api import Workspace

SPLIT_WORD = re.compile(r"[a-z]-\s+[a-z]")  # 'week-\nend' in the original; real compounds have no space
MOJIBAKE = ("â€", "Ã©", "Ã¨")
RUNNING_HEADER = "Research Brief No. 14"  # the header of every page of sample_report.pdf


def bad_quote(text: str) -> str | None:
    """Return what is wrong with a quote, or None."""
    if SPLIT_WORD.search(text):
        return "a word split at a line end"
    if any(m in text for m in MOJIBAKE):
        return "mojibake"
    if RUNNING_HEADER in text:
        return "a running header"
    return None


def test_evidence_and_mention_sentences_are_clean_text(sample_ws: Workspace) -> None:
    store = sample_ws.store
    quotes = [x.evidence for rows in (store.relations(), store.events(), store.claims()) for x in rows]
    quotes += [a.sentence for a in store.alias_statements()]
    sentences = [m.sentence or "" for e in store.entity_summaries(limit=40) for m in store.entity_mentions(e.id)]
    assert len(quotes) > 100 and len(sentences) > 200
    wrong = [(bad_quote(q), q[:120]) for q in quotes + sentences if bad_quote(q)]
    assert wrong == []
    assert any("last weekend showing" in s for s in sentences)  # 'week-\nend' in levant_column.txt
