"""tools/handcheck.py: items from an export, merged with stored hand judgements (invented case, no third-party text)."""

from __future__ import annotations

import hashlib
import json

import handcheck
from handcheck import Item, judgement_key, merge

EXPORT = {
    "documents": [{"source": "/texts/story-a.txt", "words": 40}, {"source": "/texts/story-b.txt", "words": 60}],
    "entities": [{"id": "e1", "name": "Ana Quell"}, {"id": "e2", "name": "Borland Works"},
                 {"id": "e3", "name": "Corvin Dale"}],
    "relations": [{"subject": "e1", "predicate": "leads", "object": "e2", "date": None, "negated": False,
                   "hedged": False, "attributed_to": None,
                   "evidence": [{"doc": "/texts/story-a.txt", "start": 0, "end": 30,
                                 "text": "Ana Quell heads Borland Works."},
                                {"doc": "/texts/story-b.txt", "start": 5, "end": 40,
                                 "text": "Borland Works, led by Ana Quell, grew."}]}],
    "events": [{"kind": "meeting", "date": "2021-05-02", "participants": ["e3", "e1"], "negated": False,
                "attributed_to": None,
                "evidence": [{"doc": "/texts/story-b.txt", "start": 41, "end": 80,
                              "text": "Corvin Dale met Ana Quell on Sunday."}]}],
}
ARTICLE_OF = {"/texts/story-a.txt": "story-a", "/texts/story-b.txt": "story-b"}


def items() -> list[Item]:
    return handcheck.items_from_export(EXPORT, ARTICLE_OF)


def judged(item: Item, verdict: str | None, reason: str = "") -> dict:
    line = item.as_judgement()
    line.update(verdict=verdict, reason=reason)
    return line


def test_one_item_per_evidence_with_names_and_sorted_participants():
    relations = [i for i in items() if i.type == "relation"]
    events = [i for i in items() if i.type == "event"]
    assert [(r.article, r.start, r.args) for r in relations] == [
        ("story-a", 0, ("Ana Quell", "Borland Works")), ("story-b", 5, ("Ana Quell", "Borland Works"))]
    assert events[0].args == ("Ana Quell", "Corvin Dale")
    assert events[0].sentence == "Corvin Dale met Ana Quell on Sunday."


def test_a_judgement_line_finds_its_item_again():
    for item in items():
        line = json.loads(json.dumps(item.as_judgement()))
        assert judgement_key(line) == item.key()


def test_merge_counts_right_wrong_and_unjudged():
    rel_a, rel_b, event = items()[1], items()[2], items()[0]
    assert (event.type, rel_a.article, rel_b.article) == ("event", "story-a", "story-b")
    merged = merge(items(), [judged(rel_a, "right"), judged(event, "wrong", "date off by a day"),
                             judged(rel_b, None)])
    assert merged.counts("relation") == {"right": 1, "wrong": 0, "unjudged": 1, "total": 2}
    assert merged.counts("event") == {"right": 0, "wrong": 1, "unjudged": 0, "total": 1}
    assert merged.unjudged == [rel_b]
    assert "date off by a day" in handcheck.report(merged, 100)


def test_participant_order_and_offsets_decide_the_match():
    event = items()[0]
    line = judged(event, "right")
    line["participants"] = list(reversed(line["participants"]))
    assert merge([event], [line]).counts("event")["right"] == 1
    moved = dict(line, start=line["start"] + 1)
    merged = merge([event], [moved])
    assert merged.counts("event") == {"right": 0, "wrong": 0, "unjudged": 1, "total": 1}
    assert merged.stale == [moved]


def test_a_judged_item_no_longer_output_is_kept_as_stale():
    gone = judged(items()[1], "wrong", "former role")
    merged = merge(items()[2:], [gone])
    assert merged.stale == [gone]
    assert merged.counts("relation")["wrong"] == 0
    assert "no longer output" in handcheck.report(merged, 100)


def test_text_check_warns_on_changed_or_missing_files(tmp_path):
    (tmp_path / "story-a.txt").write_text("Ana Quell heads Borland Works.", encoding="utf-8")
    good = hashlib.sha256(b"Ana Quell heads Borland Works.").hexdigest()
    articles = [{"file": "story-a.txt", "sha256": good}, {"file": "story-b.txt", "sha256": good}]
    assert handcheck.check_texts(tmp_path, articles) == [f"missing: {tmp_path / 'story-b.txt'}"]
    articles[0]["sha256"] = "0" * 64
    assert len(handcheck.check_texts(tmp_path, articles)) == 2


def test_a_relation_flagged_former_is_a_new_item():
    export = json.loads(json.dumps(EXPORT))
    export["relations"][0]["former"] = True
    former = handcheck.items_from_export(export, ARTICLE_OF)[1]
    current = items()[1]
    assert former.former and not current.former
    line = judged(current, "wrong", "former role as a current one")
    assert merge([former], [line]).counts("relation") == {"right": 0, "wrong": 0, "unjudged": 1, "total": 1}
    assert judgement_key(json.loads(json.dumps(former.as_judgement()))) == former.key()
    assert "[former]" in handcheck.describe(former)
