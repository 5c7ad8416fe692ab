"""`Workspace`: one analyst's store and everything that can be asked of it (see `linkchart.api`)."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linkchart.models import Article, Extraction, IngestReport
from linkchart.store.base import EntityAliasRow, EntityRow
from linkchart.store.sqlite import SQLiteStore

if TYPE_CHECKING:
    from linkchart.graph.build import EntityGraph
    from linkchart.graph.paths import Hop
    from linkchart.resolve.conflicts import Conflict
    from linkchart.resolve.facts import EntityClaim, EntityEvent, EntityRelation

DEFAULT_DB = "linkchart.db"
PARALLEL_MIN_ARTICLES = 8  # below this, forking workers costs more than it saves


class NotFound(LookupError):
    """No entity goes by the name asked for."""


@dataclass
class MentionView:
    """One mention of an entity with the sentence it stands in (offsets into the original file)."""

    doc: str
    start: int
    end: int
    text: str
    sentence: str
    article_id: int | None = None  # the article the mention is in


@dataclass
class EntitySummary:
    """An entity as listed: name, type, how often and where it is named."""

    id: int
    name: str
    type: str
    mentions: int
    documents: int
    aliases: list[str]


@dataclass
class EntityProfile:
    """Everything known of one entity, every line sourced."""

    id: int
    name: str
    type: str
    description: str | None
    aliases: list[EntityAliasRow]
    documents: list[str]
    mentions: list[MentionView] = field(default_factory=list)
    mention_count: int = 0  # all mentions, also when `mentions` was capped
    articles: dict[str, list[int]] = field(default_factory=dict)  # document → ids of articles naming it


def sample_corpus_path() -> Path:
    """Return the folder of the bundled sample corpus."""
    return Path(str(resources.files("linkchart") / "sample"))


class Workspace:
    """One analyst's store and everything that can be asked of it."""

    def __init__(self, db: str | Path = DEFAULT_DB, extract: bool = True, processes: int | None = None) -> None:
        self.db = str(db)
        self.store = SQLiteStore(self.db)
        self._fill_name_keys()
        self._extract_enabled = extract
        # extraction processes: all cores (at most 4) unless told otherwise
        self.processes = processes or min(4, os.cpu_count() or 1)
        self._nlp: Any = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the store."""
        self.store.close()

    def _fill_name_keys(self) -> None:
        """Give the aliases of an older store the resolver's name keys (derived data); returns nothing."""
        missing = self.store.aliases_without_name_key()
        if missing:
            from linkchart.resolve.names import name_key

            self.store.set_alias_name_keys({alias: name_key(alias) for alias in missing})

    # ---- ingest -------------------------------------------------------------------
    def ingest(
        self, paths: Iterable[str] | None = None, on_file: Callable[[str], None] | None = None
    ) -> IngestReport:
        """Return the report of ingesting files/folders (the sample corpus when none given)."""
        from linkchart.api.pipeline import ingest_paths

        targets = list(paths) if paths else [str(sample_corpus_path())]
        extract = self._extract if self._extract_enabled else None
        report = ingest_paths(self.store, targets, extract=extract, on_file=on_file)
        if report.added and self._extract_enabled:
            self.resolve()
        report.duplicates = sum(1 for row in self.store.documents() if row.duplicate_of is not None)
        return report

    def _extract(self, articles: list[Article]) -> list[Extraction]:
        from linkchart.extract.pipeline import extract_many

        if self._nlp is None:
            from linkchart.extract.nlp import load_pipeline

            self._nlp = load_pipeline()
        items = [(a.text, a.english_spans(), a.date) for a in articles]
        n_process = self.processes if len(items) >= PARALLEL_MIN_ARTICLES else 1
        return extract_many(items, self._nlp, n_process=n_process)

    def resolve(self) -> None:
        """Resolve stored mentions into entities and re-apply the analysts' decisions."""
        from linkchart.resolve.cluster import resolve_store

        resolve_store(self.store)

    # ---- documents and search -----------------------------------------------------
    def documents(self) -> list[Any]:
        """Return one row per stored article (source, title, date, language, words, duplicate_of)."""
        return self.store.documents()

    def search(self, query: str, limit: int = 20) -> list[Any]:
        """Return full-text hits with highlighted snippets and original-file offsets."""
        return self.store.search(query, limit=limit)

    def stats(self) -> dict[str, Any]:
        """Return counts of documents, articles, languages and duplicates."""
        return self.store.stats()

    # ---- export -------------------------------------------------------------------
    def export_json(self) -> dict[str, Any]:
        """Return the whole store as a `linkchart/1` JSON object."""
        from linkchart.export.json import export_linkchart

        return export_linkchart(self.store)

    # ---- entities -----------------------------------------------------------------
    def entities(self, type_: str | None = None, limit: int | None = None) -> list[EntitySummary]:
        """Return entities ranked by mentions then documents (then name), optionally of one type.

        Counts come from the store (kept with the entities), so the cost follows `limit`,
        not the number of mentions stored.
        """
        rows = self.store.entity_summaries(type_.upper() if type_ is not None else None, limit or None)
        return [EntitySummary(r.id, r.name, r.type, r.mentions, r.documents, r.aliases) for r in rows]

    def find_entity(self, name: str) -> EntityRow:
        """Return the entity named `name` (by name, alias or name matcher); raise NotFound.

        Scores each candidate by the mentions under the asked-for name: every alias equal to
        the cleaned name (ignoring case) counts `count + 1`; an entity whose canonical name
        is `name` counts all its aliases. Without any, aliases with the same transliteration
        key count. Ties go to the lowest id. Index lookups only.
        """
        from linkchart.resolve import names
        from linkchart.resolve.cluster import clean_surface

        wanted = clean_surface(name).lower()
        score: dict[int, int] = defaultdict(int)  # mentions under the asked-for name
        for entity_id, count in self.store.entity_by_alias(wanted):
            score[entity_id] += count + 1
        for e in self.store.entities_named(name):
            total = sum(a.count + 1 for a in self.store.entity_aliases(e.id))
            if total:
                score[e.id] = total
        if not score:
            for entity_id, count in self.store.entity_by_name_key(names.name_key(wanted)):
                score[entity_id] += count + 1
        if not score:
            raise NotFound(f"no entity named {name!r}")
        best = min(score, key=lambda k: (-score[k], k))
        entity = self.store.entity(best)
        if entity is None:  # the store changed under us
            raise NotFound(f"no entity named {name!r}")
        return entity

    def profile(self, name: str, mentions: int | None = None) -> EntityProfile:
        """Return the profile of an entity: aliases with reasons, description, documents, mentions.

        `mentions` caps the mention views returned (by source, then offset); the profile's
        `mention_count`, `documents` and `articles` always cover every mention.
        """
        entity = self.find_entity(name)
        views = [
            MentionView(
                m.source, m.start, m.end, m.text,
                " ".join((m.sentence if m.sentence is not None else m.text).split()), m.article_id,
            )
            for m in self.store.entity_mentions(entity.id, limit=mentions)
        ]
        articles: dict[str, list[int]] = defaultdict(list)
        for source, article_id in self.store.entity_articles(entity.id):
            articles[source].append(article_id)
        summary = self.store.entity_summaries(ids=[entity.id])
        count = summary[0].mentions if summary else len(views)
        return EntityProfile(
            entity.id, entity.name, entity.type, entity.description,
            self.store.entity_aliases(entity.id), sorted(articles), views,
            mention_count=count, articles=dict(articles),
        )

    # ---- curation: stored as decisions, re-applied after every resolution ----------
    def merge(self, a: str, b: str) -> EntityRow:
        """Merge entity b into entity a; return the merged entity."""
        ea, eb = self.find_entity(a), self.find_entity(b)
        self.store.add_decision("merge", {"a": ea.name, "b": eb.name})
        self.resolve()
        return self.find_entity(ea.name)

    def split(self, entity: str, alias: str) -> EntityRow:
        """Split the mentions named `alias` off an entity into their own; return the new entity."""
        e = self.find_entity(entity)
        self.store.add_decision("split", {"entity": e.name, "alias": alias})
        self.resolve()
        return self.find_entity(alias)

    def rename(self, entity: str, name: str) -> EntityRow:
        """Give an entity a new canonical name; return it."""
        e = self.find_entity(entity)
        self.store.add_decision("rename", {"entity": e.name, "name": name})
        self.resolve()
        return self.find_entity(name)

    def reject(self, entity: str) -> None:
        """Reject an entity (not an actor, or junk): it no longer appears anywhere."""
        e = self.find_entity(entity)
        self.store.add_decision("reject", {"entity": e.name})
        self.resolve()

    # ---- relations, events, graph ---------------------------------------------------
    def _graph(self) -> EntityGraph:
        from linkchart.graph.build import entity_graph

        return entity_graph(self.store, self.db)

    def entity_name(self, entity: int) -> str:
        """Return the canonical name of an entity id."""
        return self._graph().names.get(entity, f"#{entity}")

    def relations(self, name: str | None = None, predicate: str | None = None) -> list[EntityRelation]:
        """Return relations (of one entity, optionally of one predicate) with their evidence."""
        rels = self._graph().relations
        if name is not None:
            eid = self.find_entity(name).id
            rels = [r for r in rels if eid in (r.subject, r.object)]
        if predicate:
            rels = [r for r in rels if r.predicate == predicate]
        return sorted(rels, key=lambda r: (r.predicate, r.date or "", -len(r.evidence)))

    def timeline(self, name: str | None = None, date_from: str | None = None,
                 date_to: str | None = None) -> list[EntityEvent]:
        """Return dated events in order (of one entity, within [from, to]) with their evidence."""
        events = list(self._graph().events(self.store))
        if name is not None:
            eid = self.find_entity(name).id
            events = [e for e in events if eid in e.participants]
        if date_from:
            events = [e for e in events if e.date[: len(date_from)] >= date_from]
        if date_to:
            events = [e for e in events if e.date[: len(date_to)] <= date_to]
        return events

    def path(self, a: str, b: str, max_hops: int = 4, limit: int = 5) -> list[list[Hop]]:
        """Return the shortest chains of asserted relations linking two entities."""
        from linkchart.graph.paths import find_paths

        ea, eb = self.find_entity(a), self.find_entity(b)
        return find_paths(self._graph(), ea.id, eb.id, max_hops=max_hops, limit=limit)

    def neighbors(self, name: str, depth: int = 1) -> tuple[list[EntitySummary], list[EntityRelation]]:
        """Return the ego network of an entity: the entities within `depth` hops and their relations."""
        from linkchart.graph.paths import neighbors

        eg = self._graph()
        entity = self.find_entity(name)
        nodes, rels = neighbors(eg, entity.id, depth)
        summaries = [
            EntitySummary(n, eg.graph.nodes[n]["name"], eg.graph.nodes[n]["type"], eg.graph.nodes[n]["mentions"], 0, [])
            for n in nodes
        ]
        summaries.sort(key=lambda s: (s.id != entity.id, -s.mentions))
        return summaries, rels

    def conflicts(self) -> tuple[list[Conflict], dict[str, EntityClaim]]:
        """Return where sources disagree, and the claims each conflict cites by id."""
        from linkchart.resolve.conflicts import find_conflicts

        graph = self._graph()
        claims = graph.claims(self.store)
        places = {e.id for e in self.store.entities() if e.type in ("GPE", "LOC", "FAC")}
        found, derived = find_conflicts(claims, graph.relations, graph.events(self.store), places)
        return found, {c.id: c for c in [*claims, *derived]}

    def export(self, fmt: str = "json") -> str:
        """Return the store in an export format: json (linkchart/1), gexf, graphml or neo4j."""
        from linkchart.export.base import exporters

        return exporters()[fmt].render(self.store)
