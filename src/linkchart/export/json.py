"""Export a store as the `linkchart/1` JSON contract (see shared/eval/README.md)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import Any

from linkchart.export.base import Exporter
from linkchart.export.kept import kept_current, kept_relations
from linkchart.export.screening import all_screening_matches
from linkchart.models import Evidence
from linkchart.resolve.facts import MentionIndex, entity_claims, entity_events, entity_relations
from linkchart.store.base import EntityRow, Store

FORMAT = "linkchart/1"
MENTION_BATCH = 20_000  # mentions of entities read at once (an entity's all at once, however many)


def export_linkchart(store: Store) -> dict[str, Any]:
    """Return the whole store as one `linkchart/1` JSON-ready dict."""
    index = MentionIndex(store)
    from linkchart.resolve.conflicts import find_conflicts

    claims = entity_claims(store, index)
    relations = entity_relations(store, index)
    events = entity_events(store, index, undated=True)
    places = {e.id for e in store.entities() if e.type in ("GPE", "LOC", "FAC")}
    conflicts, derived = find_conflicts(claims, relations, [e for e in events if e.date], places)
    return {
        "format": FORMAT,
        "documents": _documents(store),
        "entities": _entities(store),
        "relations": [_relation(r) for r in relations],
        "events": [_event(e) for e in events],
        "claims": [_claim(c) for c in [*claims, *derived]],
        "conflicts": [asdict(c) for c in conflicts],
    }


class JsonExporter(Exporter):
    """The `linkchart/1` JSON contract."""

    name = "json"
    suffix = ".json"
    description = "linkchart/1 JSON (documents, entities, relations, events, claims, conflicts)"

    def render(self, store: Store) -> str:
        """Return the store as `linkchart/1` JSON text."""
        return "".join(linkchart_pieces(store))

    def pieces(self, store: Store) -> dict[str, Iterable[str]]:
        """Return the JSON text as pieces computed as they are written."""
        return {"": linkchart_pieces(store)}


def linkchart_pieces(store: Store) -> Iterator[str]:
    """Yield the text of `export_linkchart(store)` as `json.dumps(..., ensure_ascii=False, indent=1)` writes it,
    plus a last newline, a piece at a time: documents, entities and relations as they are read (the relations from
    the kept graph), events and claims held for the conflicts among them."""
    from linkchart.resolve.conflicts import find_conflicts

    kept_current(store)
    yield f'{{\n "format": {json.dumps(FORMAT)},\n'
    yield from _json_list("documents", _document_items(store))
    yield ",\n"
    yield from _json_list("entities", _entity_items(store))
    yield ",\n"
    yield from _json_list("relations", (_relation(r) for r in kept_relations(store)))
    yield ",\n"
    index = MentionIndex(store)
    claims = entity_claims(store, index)
    events = entity_events(store, index, undated=True)
    del index
    yield from _json_list("events", (_event(e) for e in events))
    yield ",\n"
    places = {e.id for e in store.entities() if e.type in ("GPE", "LOC", "FAC")}
    conflicts, derived = find_conflicts(claims, kept_relations(store), [e for e in events if e.date], places)
    del events
    yield from _json_list("claims", (_claim(c) for c in [*claims, *derived]))
    yield ",\n"
    yield from _json_list("conflicts", (asdict(c) for c in conflicts))
    yield "\n}\n"


def _json_list(key: str, items: Iterable[Any]) -> Iterator[str]:
    """Yield one key of the top-level object and its list, as `json.dumps(indent=1)` writes them at that depth."""
    yield f" {json.dumps(key)}: ["
    first = True
    for item in items:
        # an item two levels down: its own lines indented two more (no JSON string holds a raw line break)
        yield ("\n  " if first else ",\n  ") + json.dumps(item, ensure_ascii=False, indent=1).replace("\n", "\n  ")
        first = False
    yield "]" if first else "\n ]"


def entity_id(entity: int) -> str:
    """Return the export id of an entity."""
    return f"e{entity}"


def _documents(store: Store) -> list[dict[str, Any]]:
    return list(_document_items(store))


def _document_items(store: Store) -> Iterator[dict[str, Any]]:
    """Yield the documents of the export, each made as it is written."""
    for a in store.documents():
        yield {
            "id": f"d{a.id}", "source": a.source, "title": a.title, "date": a.date,
            "language": a.language, "start": a.start, "end": a.end, "words": a.words,
            "byline": a.byline, "duplicate_of": f"d{a.duplicate_of}" if a.duplicate_of else None,
            "similarity": a.similarity, "date_inferred": a.date_inferred,
        }


def _entities(store: Store) -> list[dict[str, Any]]:
    return list(_entity_items(store))


def _entity_batches(store: Store) -> Iterator[list[EntityRow]]:
    """Yield the entities by id in runs of about `MENTION_BATCH` mentions (one entity at least)."""
    mentions = {e.id: e.mentions for e in store.entity_summaries()}
    batch: list[EntityRow] = []
    held = 0
    for e in store.entities():
        if batch and held + mentions.get(e.id, 0) > MENTION_BATCH:
            yield batch
            batch, held = [], 0
        batch.append(e)
        held += mentions.get(e.id, 0)
    if batch:
        yield batch


def _entity_items(store: Store) -> Iterator[dict[str, Any]]:
    """Yield the entities of the export by id, with their mentions, read a batch of entities at a time."""
    listed = all_screening_matches(store)
    aliases_of: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for a in store.entity_aliases():
        aliases_of[a.entity_id].append({"alias": a.alias, "count": a.count, "reason": a.reason})
    for batch in _entity_batches(store):
        mentions_of: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for entity, source, start, end, text, refers_to in store.entity_mention_texts([e.id for e in batch]):
            item: dict[str, Any] = {"doc": source, "start": start, "end": end, "text": text}
            if refers_to:  # a generic phrase ('the government') and the name of what it stands for
                item["stands_for"] = refers_to
            mentions_of[entity].append(item)
        for e in batch:
            mentions = sorted(mentions_of.get(e.id, []), key=lambda m: (m["doc"], m["start"]))
            yield {
                "id": entity_id(e.id), "name": e.name, "type": e.type, "description": e.description,
                "aliases": [a["alias"] for a in aliases_of.get(e.id, [])],
                "alias_reasons": aliases_of.get(e.id, []),
                "mentions": mentions,
                "listed": [{"list": m.list_source, "id": m.entry_id, "name": m.entry_name, "programs": m.programs,
                            "label": m.list_name, "status": m.status} for m in listed.get(e.id, [])],
            }


def _evidence(evs: list[Evidence]) -> list[dict[str, Any]]:
    out = []
    for e in evs:
        item: dict[str, Any] = {"doc": e.doc, "start": e.start, "end": e.end, "text": e.text}
        if e.referent is not None:  # an argument reached through a pronoun or description of the sentence
            item["refers_to"] = {"text": e.referent, "start": e.referent_start, "end": e.referent_end}
        if e.attributed_to is not None:
            item["attributed_to"] = e.attributed_to
        if e.hedged:
            item["hedged"] = True
        out.append(item)
    return out


def _relation(r: Any) -> dict[str, Any]:
    return {
        "subject": entity_id(r.subject), "predicate": r.predicate, "object": entity_id(r.object),
        "date": r.date, "negated": r.negated, "attributed_to": r.attributed_to, "hedged": r.hedged,
        "rules": r.rules, "evidence": _evidence(r.evidence), "independent_sources": r.independent_sources,
        # every reading names the role as a past one ('the former leader'): no current tie
        "former": bool(r.rules) and all(rule.endswith("_former") for rule in r.rules),
    }


def _event(e: Any) -> dict[str, Any]:
    return {
        "date": e.date, "date_source": e.date_source, "kind": e.kind, "summary": e.summary,
        "participants": [entity_id(p) for p in e.participants],
        "negated": e.negated, "attributed_to": e.attributed_to, "evidence": _evidence(e.evidence),
        "independent_sources": e.independent_sources,
    }


def _claim(c: Any) -> dict[str, Any]:
    return {
        "id": c.id, "entity": entity_id(c.entity), "quantity": c.quantity, "value": c.value,
        "unit": c.unit, "approx": c.approx, "attributed_to": c.attributed_to, "evidence": _evidence(c.evidence),
    }
