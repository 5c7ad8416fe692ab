"""`Workspace`: one analyst's store and everything that can be asked of it (see `linkchart.api`)."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linkchart.api.views import (
    ArticleText,
    ConflictView,
    DocumentRef,
    EntityProfile,
    EntityRef,
    EntitySuggestion,
    EventView,
    GraphView,
    Lookups,
    MentionSpan,
    MentionView,
    Namer,
    PathView,
    RelationView,
    Suggestions,
)
from linkchart.models import Article, Extraction, IngestReport
from linkchart.store.base import ArticleRow, EntityRow, EntitySummary, SearchHit, StoreError
from linkchart.store.open import open_store

if TYPE_CHECKING:
    from linkchart.graph.build import EntityGraph
    from linkchart.resolve.facts import EntityRelation

DEFAULT_DB = "linkchart.db"
PARALLEL_MIN_ARTICLES = 8  # below this, forking workers costs more than it saves
SUGGESTED_HITS = 5  # text hits shown under the entity suggestions
RESOLVE_ATTEMPTS = 5  # resolutions tried while other writers keep changing the store


class NotFound(LookupError):
    """No entity (or article) goes by the name or id asked for."""


def sample_corpus_path() -> Path:
    """Return the folder of the bundled sample corpus."""
    return Path(str(resources.files("linkchart") / "sample"))


class Workspace:
    """One analyst's store and everything that can be asked of it."""

    def __init__(self, db: str | Path = DEFAULT_DB, extract: bool = True, processes: int | None = None) -> None:
        self.db = str(db)
        self.store = open_store(self.db)
        self._fill_name_keys()
        self._extract_enabled = extract
        # extraction processes: all cores (at most 4) unless told otherwise
        self.processes = processes or min(4, os.cpu_count() or 1)
        self._nlp: Any = None
        self._lookups: Lookups | None = None

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
        """Resolve stored mentions into entities and re-apply the analysts' decisions.

        Resolvers of one store take turns (`Store.resolving`). Another process may still
        replace a document between this one's reading and writing (its mentions are then
        gone, and the store refuses the links): the resolution is then run again on what
        the store holds now.
        """
        from linkchart.resolve.cluster import resolve_store

        with self.store.resolving():
            for attempt in range(RESOLVE_ATTEMPTS):
                before = self.store.version()
                try:
                    resolve_store(self.store)
                    return
                except StoreError:
                    if self.store.version() == before or attempt == RESOLVE_ATTEMPTS - 1:
                        raise

    def _namer(self) -> Namer:
        """Return the namer of the current store version (its lookups are kept until the store changes)."""
        version = self.store.version()
        if self._lookups is None or self._lookups.version != version:
            self._lookups = Lookups(self.store, version)
        return Namer(self._lookups)

    # ---- documents and search -----------------------------------------------------
    def documents(self, limit: int | None = None, offset: int = 0) -> list[ArticleRow]:
        """Return one row per stored article (source, title, date, language, words, duplicate_of), by source.

        From the `offset`-th row on, at most `limit` rows when given.
        """
        rows = list(self._namer().lookups.articles.values())[offset:]
        return rows[:limit] if limit else rows

    def article_text(self, article_id: int) -> ArticleText:
        """Return an article's original text and its mentions (offsets relative to the text); raise NotFound."""
        namer = self._namer()
        a = namer.lookups.articles.get(article_id)
        if a is None:
            raise NotFound(f"no article {article_id}")
        text = self.store.document_text(a.source)[a.start : a.end]
        spans = []
        for m in self.store.mentions(article_id):
            start, end = max(m.start, a.start) - a.start, min(m.end, a.end) - a.start
            if end <= start:
                continue
            entity = namer.lookups.entity_of_mention.get(m.id)
            ref = namer.ref(entity) if entity is not None and entity in namer.lookups.entities else None
            spans.append(MentionSpan(start=start, end=end, text=text[start:end], label=m.label, entity=ref))
        spans.sort(key=lambda x: (x.start, -x.end))
        return ArticleText(article=a, text=text, offset=a.start, mentions=spans)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Return full-text hits with highlighted snippets and original-file offsets."""
        return self.store.search(query, limit=limit)

    def suggest(self, query: str, limit: int = 8) -> Suggestions:
        """Return entities whose name or alias (or a word of it) starts with `query`, and the top text hits.

        Entities whose name starts with it come first, then by mentions. Text hits treat the
        last word as a prefix ('khaz' finds 'Khazali'), as the user is still typing.
        """
        wanted = " ".join(query.lower().split())
        if not wanted:
            return Suggestions(entities=[], documents=[])
        found: list[tuple[tuple[int, int, str], EntitySuggestion]] = []
        for e in self._namer().lookups.summaries:
            best: tuple[int, str] | None = None
            for cand in [e.name, *e.aliases]:
                low = cand.lower()
                words = re.split(r"[\s\-'’]+", low)
                rank = 0 if low.startswith(wanted) else 1 if any(w.startswith(wanted) for w in words) else 2
                if rank < 2 and (best is None or rank < best[0]):
                    best = (rank, cand)
            if best is not None:
                suggestion = EntitySuggestion(id=e.id, name=e.name, type=e.type, mentions=e.mentions, matched=best[1])
                found.append(((best[0], -e.mentions, e.name), suggestion))
        found.sort(key=lambda x: x[0])
        typed = query.strip() if query.strip().endswith("*") else query.strip() + "*"
        return Suggestions(entities=[x[1] for x in found[:limit]], documents=self.search(typed, SUGGESTED_HITS))

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
        return self.store.entity_summaries(type_.upper() if type_ is not None else None, limit or None)

    def entity_ref(self, entity_id: int) -> EntityRef:
        """Return the reference (id, name, type) of an entity id; a placeholder when there is no such entity."""
        return self._namer().ref(entity_id)

    def entity(self, entity_id: int) -> EntityRow:
        """Return the entity with this id; raise NotFound."""
        e = self.store.entity(entity_id)
        if e is None:
            raise NotFound(f"no entity with id {entity_id}")
        return e

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
        `mention_count` and `documents` always cover every mention.
        """
        entity = self.find_entity(name)
        namer = self._namer()
        views = [
            MentionView(
                m.source, m.article_id or namer.article_of(m.source, m.start), m.start, m.end, m.text,
                " ".join((m.sentence if m.sentence is not None else m.text).split()),
            )
            for m in self.store.entity_mentions(entity.id, limit=mentions)
        ]
        articles: dict[str, list[int]] = defaultdict(list)
        for source, article_id in self.store.entity_articles(entity.id):
            articles[source].append(article_id)
        documents = []
        for source in sorted(articles):
            ids = articles[source]
            first = namer.lookups.articles.get(ids[0])
            documents.append(DocumentRef(source=source, title=first.title if first else None,
                                         date=first.date if first else None, article_ids=ids))
        summary = self.store.entity_summaries(ids=[entity.id])
        count = summary[0].mentions if summary else len(views)
        return EntityProfile(
            entity.id, entity.name, entity.type, entity.description,
            self.store.entity_aliases(entity.id), documents, views, mention_count=count,
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

    def _relations(self, name: str | None = None, predicate: str | None = None) -> list[EntityRelation]:
        """Return the resolver's relations (of one entity, of one predicate), by predicate, date, most evidence."""
        rels = self._graph().relations
        if name is not None:
            eid = self.find_entity(name).id
            rels = [r for r in rels if eid in (r.subject, r.object)]
        if predicate:
            rels = [r for r in rels if r.predicate == predicate]
        return sorted(rels, key=lambda r: (r.predicate, r.date or "", -len(r.evidence)))

    def relations(self, name: str | None = None, predicate: str | None = None) -> list[RelationView]:
        """Return relations (of one entity, optionally of one predicate) with their evidence."""
        namer = self._namer()
        return [namer.relation(r) for r in self._relations(name, predicate)]

    def timeline(self, name: str | None = None, date_from: str | None = None,
                 date_to: str | None = None) -> list[EventView]:
        """Return dated events in order (of one entity, within [from, to]) with their evidence."""
        events = list(self._graph().events(self.store))
        if name is not None:
            eid = self.find_entity(name).id
            events = [e for e in events if eid in e.participants]
        if date_from:
            events = [e for e in events if e.date[: len(date_from)] >= date_from]
        if date_to:
            events = [e for e in events if e.date[: len(date_to)] <= date_to]
        namer = self._namer()
        return [namer.event(e) for e in events]

    def path(self, a: str, b: str, max_hops: int = 4, limit: int = 5) -> PathView:
        """Return the shortest chains of asserted relations linking two entities."""
        from linkchart.graph.paths import find_paths

        ea, eb = self.find_entity(a), self.find_entity(b)
        found = find_paths(self._graph(), ea.id, eb.id, max_hops=max_hops, limit=limit)
        namer = self._namer()
        return PathView(a=namer.ref(ea.id), b=namer.ref(eb.id), paths=[[namer.hop(h) for h in p] for p in found])

    def _neighborhood(self, name: str, depth: int) -> tuple[int, list[EntitySummary], list[EntityRelation]]:
        """Return an entity's id, the entities within `depth` hops (it first, then by mentions) and their relations."""
        from linkchart.graph.paths import neighbors

        eg = self._graph()
        entity = self.find_entity(name)
        nodes, rels = neighbors(eg, entity.id, depth)
        summaries = [
            EntitySummary(n, eg.graph.nodes[n]["name"], eg.graph.nodes[n]["type"], eg.graph.nodes[n]["mentions"], 0, [])
            for n in nodes
        ]
        summaries.sort(key=lambda s: (s.id != entity.id, -s.mentions))
        return entity.id, summaries, rels

    def neighbors(self, name: str, depth: int = 1, limit: int | None = None,
                  max_evidence: int | None = None) -> GraphView:
        """Return the ego network of an entity: the entities within `depth` hops and the relations among them.

        Nodes carry name, type and mentions only. At most `limit` nodes (the entity first, then
        the most mentioned) and `max_evidence` evidences per edge, when given.
        """
        center, summaries, rels = self._neighborhood(name, depth)
        namer = self._namer()
        nodes = [EntitySummary(ref.id, ref.name, ref.type, x.mentions, 0, [])
                 for x in summaries for ref in [namer.ref(x.id)]]
        return _capped_graph(namer, nodes, rels, limit, center, max_evidence)

    def neighbors_gexf(self, name: str, depth: int = 1) -> str:
        """Return the ego network of an entity as a GEXF document (for Gephi)."""
        from linkchart.export.graph import gexf_text, plain_graph

        _, summaries, rels = self._neighborhood(name, depth)
        return gexf_text(plain_graph(((n.id, n.name, n.type, n.mentions) for n in summaries), rels))

    def graph(self, limit: int | None = None, type_: str | None = None, max_evidence: int | None = None) -> GraphView:
        """Return the store as a graph: the `limit` most mentioned entities (of one type) and their relations.

        Edges come in the order of `relations()`, with at most `max_evidence` evidences each.
        """
        namer = self._namer()
        nodes = [e for e in namer.lookups.summaries if type_ is None or e.type == type_.upper()]
        return _capped_graph(namer, nodes, self._relations(), limit, None, max_evidence)

    def conflicts(self) -> list[ConflictView]:
        """Return where sources disagree, each with the claims on every side."""
        from linkchart.resolve.conflicts import find_conflicts

        graph = self._graph()
        claims = graph.claims(self.store)
        places = {e.id for e in self.store.entities() if e.type in ("GPE", "LOC", "FAC")}
        found, derived = find_conflicts(claims, graph.relations, graph.events(self.store), places)
        by_id = {c.id: c for c in [*claims, *derived]}
        namer = self._namer()
        return [namer.conflict(c, by_id) for c in found]

    def export(self, fmt: str = "json") -> str:
        """Return the store in an export format: json (linkchart/1), gexf, graphml or neo4j."""
        from linkchart.export import exporters

        return exporters()[fmt].render(self.store)


def _capped_graph(namer: Namer, nodes: list[EntitySummary], rels: list[EntityRelation], limit: int | None,
                  center: int | None, max_evidence: int | None) -> GraphView:
    """Return the graph of `nodes` (at most `limit`: `center` first, then by mentions) and the relations among them."""
    truncated = limit is not None and len(nodes) > limit
    if truncated:
        nodes = sorted(nodes, key=lambda n: (n.id != center, -n.mentions))[:limit]
    keep = {n.id for n in nodes}
    edges = [namer.relation(r, max_evidence) for r in rels if r.subject in keep and r.object in keep]
    return GraphView(nodes=nodes, edges=edges, center=center, truncated=truncated)
