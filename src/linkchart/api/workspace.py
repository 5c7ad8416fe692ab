"""`Workspace`: one analyst's store and everything that can be asked of it (see `linkchart.api`)."""

from __future__ import annotations

import os
import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linkchart.api.checks import InvalidInput, check_date, check_name, check_query, check_type, is_row_id, shown
from linkchart.api.stores import open_store
from linkchart.api.views import (
    ArticleText,
    ConflictView,
    DocumentRef,
    EntityProfile,
    EntityRef,
    EntitySuggestion,
    EventView,
    EvidencePage,
    GraphMetricsView,
    GraphNode,
    GraphView,
    ListingView,
    Lookups,
    MentionSpan,
    MentionView,
    Namer,
    NodeMetricsView,
    PathView,
    RelationView,
    ScreenView,
    Suggestions,
    relation_id,
)
from linkchart.models import Article, Extraction, IngestReport
from linkchart.store.base import EDGE_HEAD, ArticleRow, EntityRow, EntitySummary, SearchHit, Store

if TYPE_CHECKING:
    from linkchart.api.pipeline import FileEngine
    from linkchart.export.report import Dossier
    from linkchart.graph.build import EntityGraph
    from linkchart.graph.metrics import GraphFilter, GraphMetrics
    from linkchart.resolve.facts import EntityRelation
    from linkchart.screen.screening import Listing

DEFAULT_DB = "linkchart.db"
PARALLEL_MIN_ARTICLES = 8  # below this, forking workers costs more than it saves
SUGGESTED_HITS = 5  # text hits shown under the entity suggestions
PAUSE_BEFORE_RESOLVE_ENV = "LINKCHART_PAUSE_BEFORE_RESOLVE"  # test hook: seconds to wait before resolving
# A name picks its most-mentioned entity only when that one holds at least this many times the
# mentions under the name of the next; otherwise the name is ambiguous. Curation asks for one entity.
AMBIGUITY_RATIO = 2
DID_YOU_MEAN = 5  # close names offered when nothing goes by a name
DID_YOU_MEAN_SCORE = 20  # the name matcher's score (0-100) a name needs to be offered
SURE_MARGIN = 20  # a spelling picks an entity over another above the threshold when it scores this much more
_ID_REF = re.compile(r"#([0-9]+)")
_BEARER_PARTS = frozenset({"surname_only", "kunya_only"})  # matcher features of a name's part that names its bearer


def _pause_for_tests() -> None:
    """Sleep for `PAUSE_BEFORE_RESOLVE_ENV` seconds when set: a window in which tests kill the run
    between its last stored document and resolution."""
    seconds = os.environ.get(PAUSE_BEFORE_RESOLVE_ENV)
    if seconds:
        time.sleep(float(seconds))


@dataclass
class EntityMatch:
    """An entity a name may stand for: its id, name, type and mentions, and how well the name fits (0-100)."""

    id: int
    name: str
    type: str
    mentions: int
    score: float  # mentions under the name for a name or alias; the name matcher's score (0-100) for a spelling
    matched: str  # the name or alias that fits
    partial: bool = False  # the spelling matched only part of the name, not its surname ('Beirut' of 'West Beirut')


class NotFound(LookupError):
    """No entity (or article) goes by the name or id asked for; `suggestions` are close names, best first."""

    def __init__(self, message: str, suggestions: Sequence[EntityMatch] = ()) -> None:
        super().__init__(message)
        self.suggestions = list(suggestions)


class Ambiguous(NotFound):
    """Several entities go by the name asked for, none clearly more than the others; `candidates` lists them."""

    def __init__(self, message: str, candidates: Sequence[EntityMatch]) -> None:
        super().__init__(message)
        self.candidates = list(candidates)


def sample_corpus_path() -> Path:
    """Return the folder of the bundled sample corpus."""
    return Path(str(resources.files("linkchart") / "sample"))


class Workspace:
    """One analyst's store and everything that can be asked of it."""

    def __init__(self, db: str | Path = DEFAULT_DB, extract: bool = True, processes: int | None = None,
                 create: bool = True, engine: str = "local", address: str | None = None) -> None:
        """Open the store `db` (a path or URL, see `linkchart.api.stores`); `create=False` refuses a missing one.

        `engine` runs ingestion here ('local') or on a Ray cluster ('ray', at `address` or
        `RAY_ADDRESS`, else a local one; see `linkchart.api.engines`); raise InvalidInput for another.
        """
        from linkchart.api.engines import ENGINES

        if engine not in ENGINES:
            raise InvalidInput(f"unknown engine {engine!r} (known: {', '.join(ENGINES)})")
        self.engine, self.address, self._workers = engine, address, processes
        self.db = str(db)
        self.store = open_store(self.db, create=create)
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
        self,
        paths: Iterable[str] | None = None,
        on_file: Callable[[str], None] | None = None,
        report: IngestReport | None = None,
        on_stage: Callable[[str], None] | None = None,
    ) -> IngestReport:
        """Return the report of ingesting files/folders (the sample corpus when none given).

        Then finishes the work the store has pending (entity resolution after documents were
        stored, by this run or by one that was cut short). Outcomes go into `report` as they
        happen, so a caller whose run raises still has them. `on_stage` hears 'resolving'
        before resolution starts.
        """
        from linkchart.api.pipeline import ingest_paths

        targets = list(paths) if paths else [str(sample_corpus_path())]
        extract = self._extract if self._extract_enabled else None
        report = ingest_paths(self.store, targets, extract=extract, on_file=on_file, report=report,
                              engine=self._file_engine())
        if extract is not None and report.added:
            self._date_from_stories(report)
        if self._extract_enabled and self.store.resolution_due():
            if on_stage is not None:
                on_stage("resolving")
            _pause_for_tests()
            self.finish_pending()
        report.duplicates = self.store.duplicate_count()
        return report

    def _date_from_stories(self, report: IngestReport) -> None:
        """Date the undated articles that report the news a dated article reports (`api.story_dates`), extracting
        them again; failures go into `report`."""
        from linkchart.api.story_dates import apply_story_dates, story_dates

        found = story_dates(self.store)
        if found:
            apply_story_dates(self.store, found, self._extract, report)

    def _file_engine(self) -> FileEngine | None:
        """Return the engine that ingests files away from this process (None: the local pipeline does)."""
        if self.engine != "ray" or not self._extract_enabled:
            return None
        from linkchart.api.engines.ray_engine import ingest_files

        return partial(ingest_files, address=self.address, workers=self._workers)

    def _extract(self, articles: list[Article]) -> list[Extraction]:
        from linkchart.extract.pipeline import extract_many

        if self._nlp is None:
            from linkchart.extract.nlp import load_pipeline

            self._nlp = load_pipeline()
        items = [(a.text, a.english_spans(), a.anchor_date()) for a in articles]
        n_process = self.processes if len(items) >= PARALLEL_MIN_ARTICLES else 1
        return extract_many(items, self._nlp, n_process=n_process)

    def resolve(self, full: bool = False) -> int:
        """Resolve stored mentions into entities and re-apply the analysts' decisions; return the entity count.

        Unless `full`, only what the articles and decisions stored since the last resolution touch is resolved again.
        The entity graph the store keeps (edges, metrics, documents per entity) is computed again after it.
        """
        from linkchart.resolve.runner import resolve_store

        resolve_store(self.store, full=full)
        self._keep_graph()
        return len(self.store.entities())

    def resolution_due(self) -> bool:
        """Return True when documents or decisions were stored since the entities were last resolved."""
        return self.store.resolution_due()

    def finish_pending(self) -> bool:
        """Do the work the store has pending (resolution after documents or decisions were stored).

        Return whether there was any: a run cut short between storing a document and
        resolving leaves it, and the next run finishes it.
        """
        from linkchart.resolve.runner import resolve_store

        done = resolve_store(self.store, force=False) is not None
        if done:
            self._keep_graph()
        return done

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
        a = namer.lookups.articles.get(article_id) if is_row_id(article_id) else None
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
        """Return full-text hits with highlighted snippets and original-file offsets; raise InvalidInput."""
        return self.store.search(check_query(query), limit=limit)

    def suggest(self, query: str, limit: int = 8) -> Suggestions:
        """Return entities whose name or alias (or a word of it) starts with `query`, and the top text hits.

        Entities whose name starts with it come first, then by mentions. Text hits treat the
        last word as a prefix ('khaz' finds 'Khazali'), as the user is still typing.
        """
        wanted = " ".join(check_query(query).lower().split())
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
        if len(found) < limit:  # then other spellings of a name, in any script ('Suleimani', 'سليماني')
            from linkchart.resolve import names

            offered = {x[1].id for x in found}
            for m in self.similar_names(query, limit):
                if m.id not in offered and m.score >= 100 * names.THRESHOLD:
                    found.append(((2, -m.mentions, m.name), EntitySuggestion(m.id, m.name, m.type, m.mentions,
                                                                             m.matched)))
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
        not the number of mentions stored. An unknown type raises InvalidInput listing the valid ones.
        """
        return self.store.entity_summaries(check_type(type_) if type_ is not None else None, limit or None)

    def entity_ref(self, entity_id: int) -> EntityRef:
        """Return the reference (id, name, type) of an entity id; a placeholder when there is no such entity."""
        return self._namer().ref(entity_id)

    def entity(self, entity_id: int) -> EntityRow:
        """Return the entity with this id; raise NotFound (also for an id no row can have, such as 2^63)."""
        e = self.store.entity(entity_id) if is_row_id(entity_id) else None
        if e is None:
            raise NotFound(f"no entity with id {entity_id}")
        return e

    def find_entity(self, name: str, strict: bool = False) -> EntityRow:
        """Return the entity `name` stands for: '#38' is the entity with id 38, else a name or alias; raise NotFound.

        Candidates are scored by the mentions under the asked-for name (`name_scores`). The best
        one is returned when it has at least `AMBIGUITY_RATIO` times the score of the next;
        otherwise, or with `strict` (curation) whenever two entities fit, raise `Ambiguous`
        listing the candidates. When no name or alias is spelled so, the name matcher looks for
        other spellings, in Latin or Arabic script ('Qasim Sulaymani' for 'Qassem Soleimani'):
        the one entity scoring at least `names.THRESHOLD` for its whole name or its surname (and
        `SURE_MARGIN` more than any other) is returned, but not with
        `strict` (curation names an entity as written); otherwise NotFound carries up to five
        close names with their scores ('did you mean').
        """
        ref = name.strip()
        by_id = _ID_REF.fullmatch(ref)
        if by_id:
            return self.entity(int(by_id.group(1)))
        check_name(name, "entity name")
        ranked = self.candidates(name)
        if not ranked:
            from linkchart.resolve import names

            spelled = self.similar_names(name)
            sure = [m for m in spelled if m.score >= 100 * names.THRESHOLD]
            if sure and not strict and not sure[0].partial and (
                    len(spelled) == 1 or sure[0].score >= spelled[1].score + SURE_MARGIN):
                entity = self.store.entity(sure[0].id)
                if entity is not None:
                    return entity
            raise NotFound(f"no entity named {shown(name)}", spelled)
        best = ranked[0]
        if len(ranked) > 1 and (strict or best.score < AMBIGUITY_RATIO * ranked[1].score):
            raise Ambiguous(f"{shown(name)} may be any of {len(ranked)} entities: name one by its id (#ID)", ranked)
        entity = self.store.entity(best.id)
        if entity is None:  # the store changed under us
            raise NotFound(f"no entity named {shown(name)}")
        return entity

    def name_scores(self, name: str) -> dict[int, int]:
        """Return the entities `name` may stand for, each with its score: the mentions under that name.

        Tried in turn, the first that finds any: the name as typed, then without its titles
        ('Hajj Yusif' → 'Yusif'), then its transliteration key. For a spelling, every alias
        equal to it (ignoring case) counts `count + 1`, and an entity whose canonical name it
        is counts all its aliases. Index lookups only.
        """
        from linkchart.resolve import names
        from linkchart.resolve.surfaces import clean_surface

        cleaned = clean_surface(name)
        for spelling in dict.fromkeys(x for x in (" ".join(name.split()), cleaned) if x):
            score: dict[int, int] = defaultdict(int)  # mentions under the asked-for name
            for entity_id, count in self.store.entity_by_alias(spelling):
                score[entity_id] += count + 1
            for e in self.store.entities_named(spelling):
                total = sum(a.count + 1 for a in self.store.entity_aliases(e.id))
                if total:
                    score[e.id] = total
            if score:
                return dict(score)
        score = defaultdict(int)
        for entity_id, count in self.store.entity_by_name_key(names.name_key(cleaned.lower())):
            score[entity_id] += count + 1
        return dict(score)

    def candidates(self, name: str) -> list[EntityMatch]:
        """Return the entities `name` may stand for, best first (score, then mentions, then lowest id)."""
        scores = self.name_scores(name)
        summaries = {s.id: s for s in self.store.entity_summaries(ids=list(scores))} if scores else {}
        found = [EntityMatch(i, s.name, s.type, s.mentions, float(scores[i]), name)
                 for i, s in summaries.items()]
        return sorted(found, key=lambda m: (-m.score, -m.mentions, m.id))

    def similar_names(self, name: str, limit: int = DID_YOU_MEAN) -> list[EntityMatch]:
        """Return up to `limit` entities with a name or alias that `name` may be a spelling of, best first.

        Scored by the name matcher (`names.compare`, 0-100; at least `DID_YOU_MEAN_SCORE`), in
        Latin or Arabic script; only names sharing block keys with `name` are compared
        (`resolve.name_index`), not every entity.
        """
        from linkchart.resolve.name_parts import parse_name

        summaries = {e.id: e for e in self._namer().lookups.summaries}
        found = []
        for hit in self._namer().lookups.name_index.search(name, limit, floor=DID_YOU_MEAN_SCORE / 100):
            e = summaries[hit.owner]
            # a person's surname or kunya names its bearer; another part (Beirut of West Beirut) may not
            surname = (e.type == "PERSON" and bool(_BEARER_PARTS.intersection(hit.match.features))
                       and len(parse_name(name).parts) < len(parse_name(hit.name).parts))
            found.append(EntityMatch(e.id, e.name, e.type, e.mentions, round(100 * hit.match.score, 1), hit.name,
                                     hit.match.partial and not surname))
        return sorted(found, key=lambda m: (-m.score, -m.mentions, m.id))

    def profile(self, name: str, mentions: int | None = None, documents: int | None = None,
                documents_offset: int = 0, mentions_offset: int = 0) -> EntityProfile:
        """Return the profile of an entity: aliases with reasons, description, documents, mentions.

        `mentions` caps the mention views returned (by source, then offset, after skipping
        `mentions_offset`); `documents` caps the documents (by source, after skipping
        `documents_offset`). `mention_count` and `document_count` always count every mention and document.
        """
        entity = self.find_entity(name)
        namer = self._namer()
        read = None if mentions is None else mentions_offset + mentions  # the store reads from the first on
        views = [
            MentionView(
                m.source, m.article_id or namer.article_of(m.source, m.start), m.start, m.end, m.text,
                " ".join((m.sentence if m.sentence is not None else m.text).split()),
            )
            for m in self.store.entity_mentions(entity.id, limit=read)[mentions_offset:]
        ]
        document_count, page = self.store.entity_documents(entity.id, documents, documents_offset)
        refs = []
        for source, ids in page:
            first = namer.lookups.articles.get(ids[0])
            refs.append(DocumentRef(source=source, title=first.title if first else None,
                                    date=first.date if first else None, article_ids=ids))
        summary = self.store.entity_summaries(ids=[entity.id])
        count = summary[0].mentions if summary else len(views)
        return EntityProfile(
            entity.id, entity.name, entity.type, entity.description,
            self.store.entity_aliases(entity.id), refs, views, mention_count=count,
            listed=self._listing_views(entity.id), document_count=document_count,
        )

    # ---- screening against sanctions and watch lists ------------------------------
    def screen(self, path: str, threshold: float | None = None) -> ScreenView:
        """Screen every person and organisation against the list at `path`; return what matched.

        `path` is a folder with OFAC's sdn.csv and alt.csv, or a FollowTheMoney JSON-lines file;
        the matches replace those of an earlier screening against the same list. Raises
        InvalidInput for a list that cannot be read (file and reason) or a threshold outside (0, 1].
        """
        from linkchart.resolve.compare import THRESHOLD
        from linkchart.screen.lists import ListError
        from linkchart.screen.read import read_list
        from linkchart.screen.screening import screen_store

        if threshold is not None and not 0 < threshold <= 1:
            raise InvalidInput(f"threshold {threshold} is not in (0, 1]")
        try:
            lst = read_list(path)
        except ListError as e:
            raise InvalidInput(str(e)) from None
        report = screen_store(self.store, lst, THRESHOLD if threshold is None else threshold)
        return ScreenView(report.list_source, report.path, report.entries, report.screened,
                          round(report.seconds, 3), self._listing_views(rejected=True, source=report.list_source))

    def listings(self, name: str | None = None, rejected: bool = True) -> list[ListingView]:
        """Return the stored screening matches (of one entity), best first, with their status; raise NotFound."""
        entity_id = self.find_entity(name).id if name is not None else None
        return self._listing_views(entity_id, rejected=rejected)

    def decide_listing(self, match_id: int, verdict: str, note: str | None = None) -> ListingView:
        """Confirm or reject a screening match (kept by list, entry and entity name); return it with its status.

        Raises NotFound for an unknown match id and InvalidInput for a verdict other than confirm or reject.
        """
        from linkchart.screen.screening import decide

        if verdict not in ("confirm", "reject"):
            raise InvalidInput(f"unknown verdict {shown(verdict)} (confirm or reject)")
        try:
            listing = decide(self.store, match_id, verdict, note)
        except KeyError:
            raise NotFound(f"no screening match #{match_id} (run `linkchart screen` to list them)") from None
        return self._listing_view(listing)

    def _listing_views(self, entity_id: int | None = None, rejected: bool = False,
                       source: str | None = None) -> list[ListingView]:
        """Return the screening matches of one entity (or all, of one list) as views."""
        from linkchart.screen.screening import listings

        found = listings(self.store, entity_id, rejected=rejected)
        return [self._listing_view(x) for x in found if source is None or x.match.list_source == source]

    def _listing_view(self, listing: Listing) -> ListingView:
        m = listing.match
        row = self.store.entity(m.entity_id) if m.entity_id is not None else None
        ref = EntityRef(row.id, row.name, row.type) if row is not None else None
        return ListingView(m.id, listing.badge, listing.status, m.list_source, m.entry_id, m.entry_name, m.programs,
                           m.authority, m.source_url, ref, m.name, m.matched_name, m.score, m.reasons)

    # ---- curation: stored as decisions, re-applied after every resolution ----------
    # Each step is checked before its decision is stored: a refused step stores nothing. Entities
    # are named by id ('#38') or by a name only one entity goes by (strict lookup). A decision
    # names its entities and anchors each to one of its mentions, so two entities of one name
    # stay apart and the entity a step leaves is found again after resolution.
    def merge(self, a: str, b: str) -> EntityRow:
        """Merge entity b into entity a; return the merged entity. Raise NotFound, or InvalidInput for a into a."""
        ea, eb = self.find_entity(a, strict=True), self.find_entity(b, strict=True)
        if ea.id == eb.id:
            raise InvalidInput(f"cannot merge entity #{ea.id} ({shown(ea.name)}) into itself")
        anchor = self._anchor(ea)
        self.store.add_decision("merge", {"a": ea.name, "b": eb.name, "a_anchor": anchor, "b_anchor": self._anchor(eb)})
        self.resolve()
        return self._entity_at(anchor, ea.name)

    def split(self, entity: str, alias: str) -> EntityRow:
        """Split the mentions named `alias` off an entity into their own; return the new entity.

        Raise InvalidInput when no mention of the entity is named `alias` (the message lists
        its names) or when every mention is, as nothing would remain.
        """
        from linkchart.resolve.surfaces import clean_surface

        e = self.find_entity(entity, strict=True)
        wanted = clean_surface(check_name(alias, "alias"))
        surfaces: dict[str, list[int]] = defaultdict(list)
        for m in self.store.entity_mentions(e.id):
            surfaces[clean_surface(m.text)].append(m.id)
        exact = wanted if wanted in surfaces else next((x for x in surfaces if x.lower() == wanted.lower()), None)
        if exact is None:
            names = ", ".join(repr(x) for x in sorted(surfaces, key=lambda x: -len(surfaces[x]))[:10])
            raise InvalidInput(f"no mention of entity #{e.id} ({shown(e.name)}) is named {shown(alias)}; "
                               f"its names: {names}")
        if len(surfaces) == 1:
            raise InvalidInput(f"every mention of entity #{e.id} is named {exact!r}: nothing would remain")
        anchor = {"mention": surfaces[exact][0], "surface": exact}
        self.store.add_decision("split", {"entity": e.name, "alias": exact, "entity_anchor": self._anchor(e)})
        self.resolve()
        return self._entity_at(anchor, exact)

    def rename(self, entity: str, name: str) -> EntityRow:
        """Give an entity a new canonical name; return it. Raise NotFound, or InvalidInput for a bad name."""
        new_name = check_name(name, "new name")
        e = self.find_entity(entity, strict=True)
        anchor = self._anchor(e)
        self.store.add_decision("rename", {"entity": e.name, "name": new_name, "entity_anchor": anchor})
        self.resolve()
        return self._entity_at(anchor, new_name)

    def reject(self, entity: str) -> None:
        """Reject an entity (not an actor, or junk): it no longer appears anywhere. Raise NotFound."""
        e = self.find_entity(entity, strict=True)
        self.store.add_decision("reject", {"entity": e.name, "entity_anchor": self._anchor(e)})
        self.resolve()

    def _anchor(self, entity: EntityRow) -> dict[str, Any] | None:
        """Return one mention of the entity (id and cleaned surface), one named like it when there is one."""
        from linkchart.resolve.surfaces import clean_surface

        own = clean_surface(entity.name)
        first: dict[str, Any] | None = None
        for m in self.store.entity_mentions(entity.id):
            here = {"mention": m.id, "surface": clean_surface(m.text)}
            if here["surface"] == own:
                return here
            first = first or here
        return first

    def _entity_at(self, anchor: dict[str, Any] | None, name: str) -> EntityRow:
        """Return the entity that holds the anchor's mention now, else the one called `name`."""
        if anchor is not None:
            entity_id = self._namer().lookups.entity_of_mention.get(anchor["mention"])
            row = self.store.entity(entity_id) if entity_id is not None else None
            if row is not None:
                return row
        return self.find_entity(name)

    # ---- relations, events, graph ---------------------------------------------------
    def _graph(self) -> EntityGraph:
        from linkchart.graph.build import entity_graph

        return entity_graph(self.store, self.db)

    def _keep_graph(self) -> None:
        """Keep the entity graph and its metrics in the store (after a resolution): only what the resolution
        changed after an incremental one, all of it after a full one (`graph.stored.ensure_graph`)."""
        from linkchart.graph.stored import ensure_graph

        ensure_graph(self.store)

    def _kept_graph(self) -> Store:
        """Return the store with its kept entity graph current (computed now only when a write outdated it)."""
        from linkchart.graph.stored import ensure_graph

        ensure_graph(self.store)
        return self.store

    def _relations(self, name: str | None = None, predicate: str | None = None) -> list[EntityRelation]:
        """Return the resolver's relations (of one entity, of one predicate), by predicate, date, most evidence."""
        if name is not None:
            return [r for r, _ in self._entity_relations(self.find_entity(name).id, predicate, whole=True)]
        rels = self._graph().relations
        if predicate:
            rels = [r for r in rels if r.predicate == predicate]
        return sorted(rels, key=lambda r: (r.predicate, r.date or "", -len(r.evidence)))

    def _entity_relations(self, entity_id: int, predicate: str | None = None,
                          whole: bool = True) -> list[tuple[EntityRelation, int]]:
        """Return an entity's relations (of one predicate) with their evidence counts, by predicate, date, most
        evidence; not `whole`: each with its first few evidences only (`EDGE_HEAD`), read without the rest."""
        from linkchart.graph.stored import relation_of

        edges = self._kept_graph().entity_edges([entity_id], whole=whole)
        found = [(relation_of(e), e.evidence_count) for e in edges if not predicate or e.predicate == predicate]
        return sorted(found, key=lambda x: (x[0].predicate, x[0].date or "", -x[1]))

    def relations(self, name: str | None = None, predicate: str | None = None) -> list[RelationView]:
        """Return relations (of one entity, optionally of one predicate) with their evidence."""
        namer = self._namer()
        return [namer.relation(r) for r in self._relations(name, predicate)]

    def relations_page(self, name: str, predicate: str | None = None, max_evidence: int | None = None,
                       limit: int | None = None, offset: int = 0) -> tuple[int, list[RelationView]]:
        """Return how many relations an entity has (of one predicate), and a page of them in the order of
        `relations()`: at most `limit` from the `offset`-th on, each with at most `max_evidence` evidences
        (`evidence_count` counts them all; `relation_evidence` pages through the rest)."""
        from linkchart.graph.stored import relation_of

        whole = max_evidence is None or max_evidence > EDGE_HEAD
        entity = self.find_entity(name)
        total, edges = self._kept_graph().entity_edge_page(entity.id, predicate, limit, offset, whole=whole)
        namer = self._namer()
        views = []
        for edge in edges:
            view = namer.relation(relation_of(edge), max_evidence)
            view.evidence_count = edge.evidence_count
            views.append(view)
        return total, views

    def relation_evidence(self, relation: str, subject: int, object_: int, offset: int = 0,
                          limit: int | None = None) -> EvidencePage:
        """Return a page of the evidences of relation `relation` (its `RelationView.id`) between two entities
        (either direction): at most `limit` from the `offset`-th on; raise NotFound when they have no such one."""
        from linkchart.graph.stored import relation_of

        if is_row_id(subject) and is_row_id(object_):
            for edge in self._kept_graph().entity_edges_to(subject, [object_]):
                r = relation_of(edge)
                if relation_id(r) == relation:
                    part = r.evidence[offset:offset + limit] if limit is not None else r.evidence[offset:]
                    namer = self._namer()
                    return EvidencePage(relation, len(r.evidence), offset, [namer.evidence(x) for x in part])
        raise NotFound(f"no relation {shown(relation)} between entities #{subject} and #{object_}")

    def timeline(self, name: str | None = None, date_from: str | None = None,
                 date_to: str | None = None) -> list[EventView]:
        """Return dated events in order (of one entity, within [from, to]) with their evidence, then, when no
        bound is given, the undated ones (date None).

        Dates are YYYY, YYYY-MM or YYYY-MM-DD; any other raises InvalidInput.
        """
        date_from = check_date(date_from, "from date") if date_from else None
        date_to = check_date(date_to, "to date") if date_to else None
        events = list(self._graph().events(self.store, undated=not (date_from or date_to)))
        if name is not None:
            eid = self.find_entity(name).id
            events = [e for e in events if eid in e.participants]
        if date_from:
            events = [e for e in events if (e.date or "")[: len(date_from)] >= date_from]
        if date_to:
            events = [e for e in events if (e.date or "")[: len(date_to)] <= date_to]
        namer = self._namer()
        return [namer.event(e) for e in events]

    def path(self, a: str, b: str, max_hops: int = 4, limit: int = 5, max_evidence: int | None = None) -> PathView:
        """Return the shortest chains of asserted relations linking two entities (each hop's relation with at
        most `max_evidence` evidences, when given; `evidence_count` counts them all)."""
        from linkchart.graph import stored
        from linkchart.graph.paths import Hop, best_relation
        from linkchart.graph.stored import relation_of, search_paths

        ea, eb = self.find_entity(a), self.find_entity(b)
        store = self._kept_graph()
        found, partial = search_paths(store, ea.id, eb.id, max_hops=max_hops, limit=limit,
                                      frontier_max=stored.PATH_FRONTIER_MAX, known=True)
        chosen: dict[tuple[int, int], EntityRelation] = {}
        steps = {(u, v) for p in found for u, v in zip(p, p[1:], strict=False)}
        # the edges among the chains' entities in one read (a round trip per step costs more on a server); without
        # the rest of their evidences when a hop shows no more than the first few (a hub's edges hold thousands)
        whole = max_evidence is None or max_evidence > EDGE_HEAD
        among = store.entity_edges({x for step in steps for x in step}, within=True, whole=whole) if steps else []
        counts: dict[int, int] = {}  # id() of a relation read → its evidence count
        for u, v in steps:
            between = []
            for e in among:
                if e.subject in (u, v) and e.object in (u, v):
                    between.append(relation_of(e))
                    counts[id(between[-1])] = e.evidence_count
            chosen[u, v] = best_relation(between, u, v, lambda r: counts[id(r)])
        namer = self._namer()
        paths = []
        for p in found:
            hops = []
            for u, v in zip(p, p[1:], strict=False):
                hop = namer.hop(Hop(u, v, chosen[u, v]), max_evidence)
                hop.relation.evidence_count = counts[id(chosen[u, v])]
                hops.append(hop)
            paths.append(hops)
        return PathView(a=namer.ref(ea.id), b=namer.ref(eb.id), paths=paths, partial=partial)

    def _neighborhood(self, name: str, depth: int) -> tuple[int, list[EntitySummary], list[EntityRelation]]:
        """Return an entity's id, the entities within `depth` hops (it first, then by mentions) and their relations."""
        from linkchart.graph.stored import neighbourhood

        entity = self.find_entity(name)
        nodes, rels = neighbourhood(self._kept_graph(), entity.id, depth)
        summaries = [EntitySummary(e.id, e.name, e.type, e.mentions, 0, [])
                     for e in self.store.entity_summaries(ids=nodes)]  # most mentioned first
        summaries.sort(key=lambda s: s.id != entity.id)
        return entity.id, summaries, rels

    def neighbors(self, name: str, depth: int = 1, limit: int | None = None,
                  max_evidence: int | None = None) -> GraphView:
        """Return the ego network of an entity: the entities within `depth` hops and the relations among them.

        Nodes carry name, type and mentions only. At most `limit` nodes (the entity first, then
        the most mentioned) and `max_evidence` evidences per edge, when given. Reads the edges at
        the entity kept by the store, and the evidences of the edges among the nodes shown only.
        """
        from linkchart.graph.stored import relation_of

        entity = self.find_entity(name)
        store = self._kept_graph()
        total = None
        if depth != 1 or max_evidence is None or max_evidence > EDGE_HEAD:
            center, summaries, rels = self._neighborhood(name, depth)
            counts = None
        else:
            # the entity, then its most mentioned neighbours (the store picks them: a hub's other edges are not
            # read); one more than shown tells that some were left out
            summaries = [EntitySummary(e.id, e.name, e.type, e.mentions, 0, [])
                         for e in [*store.entity_summaries(ids=[entity.id]),
                                   *store.entity_neighbours(entity.id, limit=limit)]]
            shown = summaries[:limit] if limit is not None else summaries
            edges = store.entity_edges_to(entity.id, {x.id for x in shown}, whole=False)
            center, rels = entity.id, [relation_of(e) for e in edges]
            counts = [e.evidence_count for e in edges]
            if limit is not None and len(summaries) > limit:  # counted only when some are left out
                total = 1 + store.entity_neighbour_count(entity.id)
        namer = self._namer()
        nodes = [EntitySummary(ref.id, ref.name, ref.type, x.mentions, 0, [])
                 for x in summaries for ref in [namer.ref(x.id)]]
        view = _capped_graph(namer, self._with_metrics(nodes, kept=store), rels, limit, center, max_evidence)
        if total is not None:
            view.total = total
        if counts is not None:  # the edges came with their first evidences only: the full counts are kept apart
            for edge, count in zip(view.edges, counts, strict=True):
                edge.evidence_count = count
        return view

    def neighbors_gexf(self, name: str, depth: int = 1) -> str:
        """Return the ego network of an entity as a GEXF document (for Gephi)."""
        from linkchart.export.graph import gexf_text, plain_graph

        _, summaries, rels = self._neighborhood(name, depth)
        return gexf_text(plain_graph(((n.id, n.name, n.type, n.mentions) for n in summaries), rels,
                                     self._kept_graph().entity_metrics(n.id for n in summaries)))

    def graph(self, limit: int | None = None, type_: str | None = None, max_evidence: int | None = None) -> GraphView:
        """Return the store as a graph: the `limit` most mentioned entities (of one type) and their relations.

        Edges come in the order of `relations()`, with at most `max_evidence` evidences each.
        """
        namer = self._namer()
        wanted = check_type(type_) if type_ is not None else None
        nodes = [e for e in namer.lookups.summaries if wanted is None or e.type == wanted]
        return _capped_graph(namer, self._with_metrics(nodes), self._relations(), limit, None, max_evidence)

    # ---- who matters: centrality and communities ---------------------------------------
    def _metrics(self, flt: GraphFilter | None = None) -> GraphMetrics:
        """Return the graph metrics under a filter (all asserted relations by default), cached with the graph."""
        from linkchart.graph.metrics import graph_metrics

        return graph_metrics(self._graph(), flt)

    def _with_metrics(self, nodes: Iterable[EntitySummary], flt: GraphFilter | None = None,
                      kept: Store | None = None) -> list[GraphNode]:
        """Return the nodes with their centrality and community (over the whole graph unless a filter is given).

        Without a filter the metrics kept by the store are read, for these nodes only (from `kept`, the
        store already made current by `_kept_graph` in this request, when given).
        """
        from linkchart.graph.metrics import GraphFilter

        nodes = list(nodes)
        metrics: Any
        if flt is None or flt == GraphFilter():
            metrics = (kept or self._kept_graph()).entity_metrics(n.id for n in nodes)
            as_of, graph = self.store.graph_metrics_state()  # kept after an incremental resolution: maybe older
        else:
            metrics = self._metrics(flt).nodes
            as_of = graph = self.store.version()
        out = []
        for n in nodes:
            m = metrics.get(n.id)
            out.append(GraphNode(n.id, n.name, n.type, n.mentions, n.documents, list(n.aliases),
                                 degree=m.degree if m else 0, betweenness=m.betweenness if m else 0.0,
                                 pagerank=m.pagerank if m else 0.0, community=m.community if m else None,
                                 metrics_as_of=as_of, metrics_stale=as_of != graph))
        return out

    @staticmethod
    def graph_filter(predicates: Iterable[str] | None = None, date_from: str | None = None,
                     date_to: str | None = None, min_sources: int = 1, keep_undated: bool = True) -> GraphFilter:
        """Return the filter of relations that make links: predicates (all when none), dates, independent sources."""
        from linkchart.graph.metrics import GraphFilter

        chosen = frozenset(p for p in predicates or () if p) or None
        return GraphFilter(chosen, date_from or None, date_to or None, keep_undated, max(1, min_sources))

    def centrality(self, by: str = "pagerank", type_: str | None = None, limit: int | None = None,
                   flt: GraphFilter | None = None) -> list[GraphNode]:
        """Return entities ranked by centrality (pagerank, betweenness or degree) over the relations passing `flt`.

        Each carries its counts, aliases, degree, betweenness, PageRank and community; at most
        `limit` rows, only of type `type_` when given.
        """
        if by not in ("pagerank", "betweenness", "degree"):
            raise ValueError(f"unknown centrality {by!r} (pagerank, betweenness or degree)")
        metrics = self._metrics(flt)
        summaries = {e.id: e for e in self._namer().lookups.summaries}
        wanted = type_.upper() if type_ else None
        ranked = [summaries[n] for n in metrics.ranked(by)
                  if n in summaries and (wanted is None or summaries[n].type == wanted)]
        return self._with_metrics(ranked[:limit] if limit else ranked, flt)

    def graph_metrics(self, flt: GraphFilter | None = None) -> GraphMetricsView:
        """Return every entity's centrality and community over the relations passing `flt`."""
        metrics = self._metrics(flt)
        nodes = [NodeMetricsView(n, m.degree, m.betweenness, m.pagerank, m.community)
                 for n, m in sorted(metrics.nodes.items())]
        return GraphMetricsView(nodes=nodes, communities=len(metrics.communities), links=metrics.links)

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
        """Return the store in an export format: json (linkchart/1), gexf, graphml, neo4j, ftm or csv."""
        from linkchart.export import exporters

        return exporters()[fmt].render(self.store)

    def dossier(self, name: str) -> Dossier:
        """Return the dossier of an entity: names with reasons, summary, network, events, relations, conflicts,
        footnoted sources; raise NotFound."""
        from linkchart.export.report import dossier

        return dossier(self.store, self.find_entity(name).id, self._graph())

    def report(self, name: str, fmt: str = "html") -> bytes:
        """Return the dossier of an entity as html (one self-contained file), md or pdf; raise NotFound.

        Raises ValueError for an unknown format and `ReportError` when PDF's Chromium or Playwright is missing.
        """
        return render_dossier(self.dossier(name), fmt)

    def export_pieces(self, fmt: str) -> dict[str, Iterable[str]]:
        """Return the files of an export format by part name (as `export_files`), each as pieces of text to write
        in turn, computed as they are written by a format that streams (read them while the workspace is open)."""
        from linkchart.export import exporters

        return exporters()[fmt].pieces(self.store)

    def export_files(self, fmt: str) -> dict[str, str]:
        """Return the files of an export format by part name ('' for a one-file format; csv: entities, relations,
        events)."""
        from linkchart.export import exporters

        return exporters()[fmt].files(self.store)


def render_dossier(dossier: Dossier, fmt: str = "html") -> bytes:
    """Return a dossier rendered as html, md or pdf (needs no store: the web prints PDFs outside its lock).

    Raises ValueError for an unknown format and `ReportError` when PDF's Chromium or Playwright is missing.
    """
    from linkchart.export.report import reports

    known = reports()
    if fmt not in known:
        raise ValueError(f"unknown report format {fmt!r} (known: {', '.join(known)})")
    return known[fmt].render(dossier)


def report_media_type(fmt: str) -> str:
    """Return the HTTP Content-Type of a dossier format (html, md, pdf)."""
    from linkchart.export.report import reports

    return reports()[fmt].media_type


def _capped_graph(namer: Namer, nodes: list[EntitySummary], rels: list[EntityRelation], limit: int | None,
                  center: int | None, max_evidence: int | None) -> GraphView:
    """Return the graph of `nodes` (at most `limit`: `center` first, then by mentions) and the relations among them."""
    total = len(nodes)
    truncated = limit is not None and total > limit
    if truncated:
        nodes = sorted(nodes, key=lambda n: (n.id != center, -n.mentions))[:limit]
    keep = {n.id for n in nodes}
    edges = [namer.relation(r, max_evidence) for r in rels if r.subject in keep and r.object in keep]
    return GraphView(nodes=nodes, edges=edges, center=center, truncated=truncated, total=total)
