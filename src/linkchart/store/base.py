"""The `Store` interface every back end implements, and the row types it returns.

All SQL lives behind this interface (SQLite now, PostgreSQL later); the rest of
linkchart calls these methods only. Offsets named `start`/`end` in row types point into
the document's original decoded text (`Document.text`) unless a field says "clean".
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, NamedTuple, Protocol, Self, TypeVar, runtime_checkable

from linkchart.models import Article, Document, Extraction, OffsetMap, Paragraph


class StoreError(RuntimeError):
    """A write was refused (constraint violated, bad input); nothing of it was stored."""


@runtime_checkable
class NearDuplicateKey(Protocol):
    """An article's near-duplicate fingerprint, computed by the ingest stage (`ingest.dedupe.Fingerprint`).

    The store keeps `signature` with the article and indexes its `band_keys`: a stored
    article sharing a (band, key) pair is a candidate, and the candidate whose stored
    signature has the highest `similarity`, at least `threshold`, is the one it repeats.
    """

    @property
    def signature(self) -> bytes:
        """Return the signature kept with the article (passed to other keys' `similarity`)."""
        ...

    @property
    def band_keys(self) -> Sequence[tuple[int, int]]:
        """Return the (band, key) pairs that index the article; none for an empty text."""
        ...

    @property
    def threshold(self) -> float:
        """Return the similarity from which a stored article counts as repeated."""
        ...

    def similarity(self, other: bytes) -> float:
        """Return the estimated similarity (0..1) of this article to one with signature `other`."""
        ...


@dataclass
class DocumentRow:
    """A stored file (without its text; see `Store.document_text`)."""

    id: int
    source: str
    sha256: str
    kind: str
    title: str | None
    date: str | None
    url: str | None
    outlet: str | None
    encoding: str | None
    warnings: list[str]
    page_starts: list[int]
    added_at: str
    articles: int  # number of articles cut from it


@dataclass
class ArticleRow:
    """A stored article; `text`, `offsets`, `paragraphs` and `original` only from `Store.article`."""

    id: int
    document_id: int
    source: str
    index: int
    title: str | None
    byline: str | None
    date: str | None
    language: str
    words: int
    duplicate_of: int | None  # id of the earlier article this one nearly repeats
    similarity: float | None  # estimated Jaccard similarity to `duplicate_of`
    start: int  # [start, end) in the original text
    end: int
    url: str | None = None
    outlet: str | None = None
    date_inferred: str | None = None  # why `date` was inferred ('between articles dated …'); None if stated
    # the body: only `Store.article` fills these
    text: str | None = field(default=None, metadata={"body": True})  # clean text
    offsets: OffsetMap | None = field(default=None, metadata={"body": True})  # clean → original
    paragraphs: list[Paragraph] = field(default_factory=list, metadata={"body": True})
    original: str | None = field(default=None, metadata={"body": True})  # the whole document's original text


@dataclass
class SearchHit:
    """One article matching a full-text query."""

    article_id: int
    source: str
    title: str | None
    date: str | None
    snippet: str  # excerpt with matches wrapped in '[' and ']'
    snippet_text: str  # the same excerpt without markers
    highlights: list[tuple[int, int]]  # [start, end) of matches within `snippet_text`
    start: int | None  # first match in the original text; None when only the title matched
    end: int | None
    rank: float  # bm25, lower is better


@dataclass
class MentionRow:
    """A stored mention; `clean_*` in the article's clean text, the rest in the original."""

    id: int
    article_id: int
    source: str
    clean_start: int
    clean_end: int
    start: int
    end: int
    text: str
    label: str
    sentence_start: int | None
    sentence_end: int | None
    role: str | None
    description: str | None
    sentence: str | None = None  # the sentence's original text; only from `Store.entity_mentions`
    refers_to: str | None = None  # what a generic mention stands for ('government' → 'Chile government')


class ResolutionMention(NamedTuple):
    """What a full resolution reads of one stored mention (`Store.read_resolution`): the fields clustering uses."""

    id: int
    article_id: int
    text: str
    label: str
    role: str | None
    description: str | None
    refers_to: str | None


class ResolutionStatement(NamedTuple):
    """What a full resolution reads of one stored alias statement (`Store.read_resolution`)."""

    id: int
    article_id: int
    name: str
    alias: str
    kind: str
    sentence: str


def resolution_statements(rows: Iterable[Sequence[Any]]) -> list[ResolutionStatement]:
    """Return alias statement rows (id, article_id, name, alias, kind, sentence) with one string object per distinct
    text (a sentence stating several aliases, a name stated in many articles)."""
    shared: dict[str, str] = {}
    one = shared.setdefault
    return [ResolutionStatement(i, article, one(name, name), one(alias, alias), one(kind, kind),
                                one(sentence, sentence)) for i, article, name, alias, kind, sentence in rows]


# what `Store.read_resolution`'s consumer makes of the streamed mentions
Consumed = TypeVar("Consumed")


@dataclass
class AliasStatementRow:
    """A stored alias statement; `start`/`end` is the sentence in the original text."""

    id: int
    article_id: int
    source: str
    name: str
    alias: str
    kind: str
    start: int
    end: int
    sentence: str
    name_span: tuple[int, int] | None = None
    alias_span: tuple[int, int] | None = None


@dataclass
class RelationRow:
    """A stored relation with its evidence sentence."""

    id: int
    article_id: int
    source: str
    subject: str
    subject_span: tuple[int, int]
    predicate: str
    object: str
    object_span: tuple[int, int]
    rule: str
    negated: bool
    attributed_to: str | None
    hedged: bool
    date: str | None
    evidence_start: int
    evidence_end: int
    evidence: str


@dataclass
class EventRow:
    """A stored event; `participants` are mention spans in the original text."""

    id: int
    article_id: int
    source: str
    kind: str
    summary: str
    date: str | None
    participants: list[tuple[int, int]]
    negated: bool
    attributed_to: str | None
    evidence_start: int
    evidence_end: int
    evidence: str
    date_source: str | None = None  # 'article' when `date` is the article's date, not one the text states


@dataclass
class ClaimRow:
    """A stored numeric claim."""

    id: int
    article_id: int
    source: str
    subject: str
    subject_span: tuple[int, int]
    quantity: str
    value: float
    unit: str
    approx: str | None
    attributed_to: str | None
    evidence_start: int
    evidence_end: int
    evidence: str


@dataclass
class EntityRow:
    """A resolved entity (ids are chosen by the resolver)."""

    id: int
    name: str
    type: str
    description: str | None = None


@dataclass
class EntitySummary:
    """An entity as listed: how often it is named, in how many documents, and its aliases."""

    id: int
    name: str
    type: str
    mentions: int  # mentions linked to it
    documents: int  # distinct documents those mentions are in
    aliases: list[str] = field(default_factory=list)  # most frequent first


@dataclass
class EntityAliasRow:
    """A name an entity goes by, how often it was seen and why it was attached."""

    entity_id: int
    alias: str
    count: int = 1
    reason: str | None = None  # as shown to a reader
    evidence: str | None = None  # the sentence that states the alias
    name_key: str | None = None  # the resolver's transliteration key of `alias`, for lookups by key
    reason_pass: str | None = None  # the resolver pass that attached it (linkchart.resolve.passes)
    reason_evidence: dict[str, Any] | None = None  # what that pass used: {"kind": ..., fields of that kind}


@dataclass
class DecisionRow:
    """An analyst's curation step: merge | split | rename | reject, with its arguments."""

    id: int
    kind: str
    args: dict[str, Any]
    created_at: str


DECISION_KINDS = ("merge", "split", "rename", "reject")


@dataclass
class ResolutionInput:
    """What entity resolution reads, as of one moment: mentions, alias statements, decisions.

    `due` is the store version of the latest write that changed them and `done` the `due`
    the last stored resolution was based on: resolution is due while `due > done`. Pass the
    input to `Store.replace_entities` so that the result is stored only if nothing changed since.
    """

    mentions: list[MentionRow]
    alias_statements: list[AliasStatementRow]
    decisions: list[DecisionRow]
    due: int
    done: int

    @property
    def is_due(self) -> bool:
        """Return True when something was written since the last resolution was stored."""
        return self.due > self.done


@dataclass
class ResolverRows:
    """What the resolver keeps between runs for some clusters (migration 0006; `linkchart.resolve.incremental`)."""

    clusters: list[tuple[int, int]]  # (mention id, cluster); a cluster is the entity of that id, if any
    keys: list[tuple[str, int]]  # (key, cluster): the keys through which a new name can affect a cluster
    articles: list[int]  # the articles this resolution read
    names: list[str]  # the names the name matcher judged
    matches: list[tuple[str, str, float, list[str]]]  # pairs of those names that matched: a, b, score, features
    next_cluster: int  # the next free cluster id
    rekeyed: list[int] = field(default_factory=list)  # clusters left as they are but for their keys, replaced
    surfaces: list[SurfaceRow] = field(default_factory=list)  # the names of the clusters written (migration 0014)
    # the margins of the passes' count decisions, by key (migration 0023, `resolve.margins`): replacing those kept
    margins: dict[str, int] = field(default_factory=dict)


@dataclass
class Attachment:
    """New mentions joining existing entities (`Store.attach_mentions`), written with another resolution's rows."""

    links: list[tuple[int, int]]  # (mention id, entity id)
    entities: list[EntityRow]  # the entities joined, as they are now
    aliases: list[EntityAliasRow]  # all of their aliases
    resolver: ResolverRows  # the kept names changed, the mentions' clusters


@dataclass
class SurfaceRow:
    """One name of a cluster in the kept resolver state, summed over its mentions (migration 0014): what a new
    mention of that name needs to join the cluster without reading the cluster's other mentions."""

    cluster: int
    surface: str  # the cleaned name (`resolve.surfaces.clean_surface`)
    name_key: str  # its transliteration key
    type: str  # its type in that resolution
    scoped: bool  # joined by its spelling only within an article (surname alone, lower case, ambiguous alias)
    first_article: int  # where its first mention is: the order of the cluster's names
    first_start: int
    mentions: int
    labels: dict[str, int]  # the summed counters of its mentions (`resolve.surfaces.LocalSurface`)
    roles: dict[str, int]
    titled: dict[str, int]
    descriptions: dict[str, int]


@dataclass
class IncrementalInput:
    """Where an incremental resolution starts: the articles the stored resolution did not read, the decisions,
    and the pending state (pass it to `Store.update_entities`, as `ResolutionInput` to `replace_entities`)."""

    articles: list[int]
    decisions: list[DecisionRow]
    due: int
    done: int
    next_cluster: int  # the next free cluster id


@dataclass
class Region:
    """The stored rows a partial resolution reads: mentions in store order, the alias statements of their
    articles, and each mention's cluster in the stored resolution (none for a new article's)."""

    mentions: list[MentionRow]
    alias_statements: list[AliasStatementRow]
    clusters: dict[int, int]


@dataclass
class ScreeningMatchRow:
    """A store entity's name that matched an entry of a sanctions or watch list (`linkchart.screen`).

    The match belongs to whichever entity goes by `entity_name` now (its canonical name or an
    alias): `entity_id` is that entity when read, the screened entity when written.
    """

    id: int  # 0 before it is stored
    list_source: str  # the list: 'OFAC SDN', or an FtM dataset such as 'us_ofac_sdn'
    entry_id: str  # the list's id of the entry (SDN ent_num, FtM entity id)
    entry_name: str  # the entry's name on the list
    entry_schema: str  # FtM schema of the entry: Person, Organization, LegalEntity, ...
    programs: list[str]  # sanctions programmes ('SDGT', ...)
    authority: str | None
    source_url: str | None
    matched_name: str  # the list name or alias that matched
    name: str  # the store name (canonical name or alias) that matched it
    entity_name: str  # the entity's canonical name when screened
    entity_id: int | None
    score: float  # linkchart.resolve.compare's score of `name` against `matched_name`
    reasons: list[str]
    screened_at: str = ""


@dataclass
class ScreeningDecisionRow:
    """An analyst's verdict on a screening match, kept by list, entry and entity name (survives re-screening)."""

    id: int
    verdict: str  # confirm | reject
    list_source: str
    entry_id: str
    entity_name: str
    note: str | None
    created_at: str


SCREENING_VERDICTS = ("confirm", "reject")
EDGE_HEAD = 5  # evidences of an entity edge read without the rest (`Store.entity_edges(whole=False)`)


@dataclass
class EntityEdgeRow:
    """A relation lifted to resolved entities, as the store keeps it (schema 7, `entity_edges`).

    `id` is its rank among all entity relations (their order of first statement); `evidence`
    holds (document source, start, end, sentence, article id) tuples, `dates` (date, source).
    Read without its whole evidence (`Store.entity_edges(whole=False)`), `evidence` holds the
    first few only and `dates` nothing; `evidence_count` counts every evidence.
    """

    id: int
    subject: int
    predicate: str
    object: int
    negated: bool
    attributed_to: str | None
    hedged: bool
    date: str | None
    independent_sources: int
    rules: list[str] = field(default_factory=list)
    evidence: list[tuple[Any, ...]] = field(default_factory=list)  # `Evidence` fields in order
    dates: list[tuple[str, str]] = field(default_factory=list)
    evidence_count: int = -1  # -1: len(evidence)

    def __post_init__(self) -> None:  # noqa: D105
        if self.evidence_count < 0:
            self.evidence_count = len(self.evidence)


@dataclass
class EntityMetricsRow:
    """One entity's degree, betweenness, PageRank and community over all asserted relations (`entity_metrics`)."""

    entity_id: int
    degree: int
    betweenness: float
    pagerank: float
    community: int | None


@dataclass
class LiftedRow:
    """A stored relation row lifted to entities, as the kept graph remembers it (schema 12, `graph_rows`).

    `subject`/`object`: the entity each span names (None: none); `subject_name`/`object_name`: the
    lower-cased text looked up by name because no mention overlapped the span (None: one did);
    `rank`: `article_id * RANK_STRIDE` + the row's place among its article's relations.
    """

    relation_id: int
    article_id: int
    rank: int
    subject: int | None
    object: int | None
    subject_name: str | None = None
    object_name: str | None = None


RANK_STRIDE = 2**20  # relations per article at most, in an edge rank


@dataclass
class GraphWork:
    """What keeping the graph has to redo since it was last kept (`Store.graph_work`)."""

    version: int  # the store version it describes once done
    articles: list[int]  # articles to lift again: never lifted, or their mentions changed entity
    entities: list[int]  # entities whose mentions changed (documents, degree), or that are gone
    types: list[int]  # entities whose type changed: their edges are grouped again
    names: list[str]  # lower-cased aliases whose entities changed: rows looked up by name are lifted again
    metrics_version: int  # the graph version betweenness, PageRank and communities were computed at
    metrics_changed: int  # entity pairs whose edges were written again since then
    grown: list[int] = field(default_factory=list)  # entities that only gained mentions (of `articles`)


@dataclass
class GraphChange:
    """What an incremental keeping of the graph writes (`Store.update_entity_graph`)."""

    articles: list[int]  # articles lifted again: their rows are replaced by `rows`
    rows: list[LiftedRow]
    pairs: list[tuple[int, int]]  # (subject, object) pairs whose edges are replaced by `edges`
    edges: list[EntityEdgeRow]
    entities: list[int]  # entities whose documents and degree are computed again (and whose metrics go if gone)
    grown: list[int] = field(default_factory=list)  # entities that only gained mentions: `articles`' documents added


def graph_pending_rows(old_links: dict[int, int], old_types: dict[int, str], old_names: set[str],
                       entities: list[EntityRow], aliases: list[EntityAliasRow],
                       mention_links: list[tuple[int, int]]) -> tuple[set[int], list[tuple[str, str]]]:
    """Return the mentions that changed entity and the `graph_pending` rows of replacing the entities of
    `old_links`/`old_types`/`old_names` by these ones (the caller adds the articles of those mentions)."""
    new_links = dict(mention_links)
    moved = {m for m, e in old_links.items() if new_links.get(m) != e}
    moved |= {m for m, e in new_links.items() if old_links.get(m) != e}
    members: dict[int, set[int]] = {}
    for m, e in old_links.items():
        members.setdefault(e, set()).add(m)
    new_members: dict[int, set[int]] = {}
    for m, e in mention_links:
        new_members.setdefault(e, set()).add(m)
    ids = set(old_types) | {e.id for e in entities}
    kept = {e.id for e in entities}
    rows = []
    for e in sorted(ids):
        old, new = members.get(e, set()), new_members.get(e, set())
        if old == new and (e in old_types) == (e in kept):
            continue
        # an entity that kept all its mentions and gained some (a popular one a new spelling joins) gains only the
        # documents of the articles lifted again: its other documents need no recount
        rows.append(("grown" if e in old_types and e in kept and old and old < new else "entity", str(e)))
    new_types = {e.id: e.type for e in entities}
    rows += [("type", str(e)) for e in sorted(old_types) if e in new_types and new_types[e] != old_types[e]]
    rows += [("name", n) for n in sorted(old_names | {a.alias.lower() for a in aliases})]
    return moved, rows


def attach_pending_rows(old_types: dict[int, str], old_names: set[str], entities: list[EntityRow],
                        aliases: list[EntityAliasRow]) -> list[tuple[str, str]]:
    """Return the `graph_pending` rows of linking new mentions to `entities` (whose types were `old_types` and
    names `old_names`) and replacing their aliases by `aliases` (the caller adds the new articles)."""
    rows = [("grown", str(e.id)) for e in sorted(entities, key=lambda e: e.id)]  # only mentions added
    rows += [("type", str(e.id)) for e in entities if old_types.get(e.id) != e.type]
    return rows + [("name", n) for n in sorted(old_names | {a.alias.lower() for a in aliases})]


def pending_grown(pending: dict[str, list[str]]) -> list[int]:
    """Return the entities of `graph_pending` rows that only gained mentions (not also changed otherwise)."""
    return sorted({int(e) for e in pending.get("grown", [])} - {int(e) for e in pending.get("entity", [])})


class Store(ABC):
    """Persistent storage of documents, articles, extractions, entities and decisions.

    Every write is one transaction and bumps `version()`.
    """

    # --- lifecycle -------------------------------------------------------------------
    @abstractmethod
    def close(self) -> None:
        """Close the store; returns nothing."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @abstractmethod
    def version(self) -> int:
        """Return the store version, a counter incremented by every write."""

    @contextmanager
    def resolving(self) -> Iterator[None]:
        """Hold the store's resolution lock for the block, so resolvers of one store take turns; yields nothing.

        Writers do not wait on it (a resolution outdated by a write is not stored, see
        `replace_entities`); a resolver that waited finds the resolution no longer due. The
        default holds nothing (one process per store); a shared back end (PostgreSQL) locks across processes.
        """
        yield

    # --- documents and articles ------------------------------------------------------
    def add_document(
        self,
        doc: Document,
        articles: list[Article],
        extractions: list[Extraction | None],
        fingerprints: list[NearDuplicateKey | None],
    ) -> int:
        """Store a document, its articles and their extractions in one transaction; return its id.

        A document already stored under the same source is replaced (its rows deleted
        in the same transaction). Articles whose fingerprint is at least its `threshold`
        similar to an earlier article are stored with `duplicate_of` set. Raises
        `StoreError` and stores nothing when any row is refused. Marks resolution due in
        the same transaction.
        """
        doc_id = self._add_document(doc, articles, extractions, fingerprints, if_new=False)
        assert doc_id is not None
        return doc_id

    def add_documents(
        self,
        batch: Sequence[tuple[Document, list[Article], list[Extraction | None], list[NearDuplicateKey | None]]],
    ) -> list[int]:
        """Store several documents as `add_document` does, all in one transaction; return their ids in order.

        One commit for the batch instead of one per document (a bulk load's write path); a refused
        row stores none of the batch (`StoreError`).
        """
        with self.exclusive():
            return [self.add_document(doc, articles, extractions, fps) for doc, articles, extractions, fps in batch]

    def add_document_if_new(
        self,
        doc: Document,
        articles: list[Article],
        extractions: list[Extraction | None],
        fingerprints: list[NearDuplicateKey | None],
    ) -> int | None:
        """Store a document as `add_document` does unless a document with its content hash is stored.

        Return the new document's id, or None when the same content was already stored (by
        another run, meanwhile): the check and the write are one transaction.
        """
        return self._add_document(doc, articles, extractions, fingerprints, if_new=True)

    @abstractmethod
    def _add_document(
        self,
        doc: Document,
        articles: list[Article],
        extractions: list[Extraction | None],
        fingerprints: list[NearDuplicateKey | None],
        if_new: bool,
    ) -> int | None:
        """Return the id of the document stored with its articles and extractions (None: same content stored)."""

    @abstractmethod
    def delete_document(self, source: str) -> bool:
        """Delete a document and everything extracted from it; return whether it existed."""

    @abstractmethod
    def document_by_hash(self, sha256: str) -> DocumentRow | None:
        """Return the (first) stored document with this content hash, or None."""

    @abstractmethod
    def document_by_source(self, source: str) -> DocumentRow | None:
        """Return the stored document with this source, or None."""

    @abstractmethod
    def document_rows(self) -> list[DocumentRow]:
        """Return every stored document, ordered by source."""

    @abstractmethod
    def document_text(self, source: str) -> str:
        """Return the original decoded text of a document; raises KeyError if unknown."""

    @abstractmethod
    def documents(self) -> list[ArticleRow]:
        """Return one row per stored article (without text), ordered by source and index."""

    @abstractmethod
    def undated_articles(self) -> list[ArticleRow]:
        """Return the stored articles (without text) with no date, stated or inferred, that repeat no earlier
        article, ordered by source and index."""

    @abstractmethod
    def article(self, article_id: int) -> ArticleRow:
        """Return an article with clean text, offset map and original text; KeyError if unknown."""

    @abstractmethod
    def stats(self) -> dict[str, Any]:
        """Return counts: documents, articles, languages {code: n}, duplicates, and extractions."""

    @abstractmethod
    def duplicate_count(self) -> int:
        """Return how many stored articles are near-duplicates of another (`stats()['duplicates']` alone)."""

    # --- search and duplicates -------------------------------------------------------
    @abstractmethod
    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Return articles matching every word of `query`, best first (any input is safe)."""

    @abstractmethod
    def find_near_duplicate(
        self, fp: NearDuplicateKey, *, exclude: set[int] | None = None
    ) -> tuple[int, float] | None:
        """Return (article id, similarity) of the most similar stored article ≥ `fp.threshold`, or None."""

    # --- extractions -----------------------------------------------------------------
    @abstractmethod
    def mentions(self, article_id: int | None = None) -> list[MentionRow]:
        """Return stored mentions (of one article, or all), in text order."""

    @abstractmethod
    def alias_statements(self, article_id: int | None = None) -> list[AliasStatementRow]:
        """Return stored alias statements (of one article, or all)."""

    @abstractmethod
    def relations(self, article_id: int | None = None) -> list[RelationRow]:
        """Return stored relations (of one article, or all)."""

    @abstractmethod
    def events(self, article_id: int | None = None) -> list[EventRow]:
        """Return stored events (of one article, or all)."""

    @abstractmethod
    def claims(self, article_id: int | None = None) -> list[ClaimRow]:
        """Return stored claims (of one article, or all)."""

    # --- resolution and curation -----------------------------------------------------
    @abstractmethod
    def replace_entities(
        self,
        entities: list[EntityRow],
        aliases: list[EntityAliasRow],
        mention_links: list[tuple[int, int]],
        based_on: ResolutionInput | None = None,
        resolver: ResolverRows | None = None,
    ) -> bool:
        """Replace all entities, their aliases and (mention id, entity id) links in one transaction.

        With `based_on`, the input they were resolved from: store them only if no write changed
        that input since it was read, and mark that resolution done. Return whether they were stored
        (True also when another resolver stored the resolution of that same input meanwhile).
        `resolver` replaces the kept resolver state; without it that state is marked invalid.
        """

    @abstractmethod
    def incremental_input(self) -> IncrementalInput | None:
        """Return the new articles, decisions and pending state read in one transaction; None when the kept
        resolver state does not describe the stored entities (a full resolution must run)."""

    @abstractmethod
    def clusters_by_key(self, keys: Iterable[str]) -> dict[str, list[int]]:
        """Return the clusters of the kept resolver state filed under each of `keys` (keys with none left out)."""

    @abstractmethod
    def count_margins(self, keys: Iterable[str]) -> dict[str, int]:
        """Return the kept margin of each count decision of `keys` (migration 0023; keys without one left out)."""

    @abstractmethod
    def region(self, articles: Iterable[int], clusters: Iterable[int]) -> Region:
        """Return the mentions of `articles` and of `clusters`, with the alias statements of their articles."""

    @abstractmethod
    def alias_meanings(self, aliases: Iterable[str]) -> list[AliasStatementRow]:
        """Return one stored alias statement (the first) of each distinct kind, name and alias among those whose
        alias is written as one of `aliases` (migration 0020)."""

    @abstractmethod
    def first_described(self, cluster: int, descriptions: Iterable[str]) -> dict[str, int]:
        """Return, for each of `descriptions` some mention of the kept `cluster` gives, the lowest id of an article
        with such a mention (which a full resolution meets first: it reads mentions by article)."""

    @abstractmethod
    def cluster_names(self, clusters: Iterable[int]) -> dict[int, set[str]]:
        """Return the distinct mention texts of each of `clusters` in the kept resolver state."""

    @abstractmethod
    def matcher_verdicts(self, names: Iterable[str]) -> tuple[set[str], list[tuple[str, str, float, list[str]]]]:
        """Return which of `names` the kept name matcher judged, and the matched pairs among those."""

    @abstractmethod
    def surface_rows(self, keys: Iterable[str] = (), clusters: Iterable[int] = ()) -> list[SurfaceRow]:
        """Return the kept names (migration 0014) with one of the transliteration `keys` or in one of `clusters`."""

    @abstractmethod
    def attach_mentions(self, links: list[tuple[int, int]], entities: list[EntityRow], aliases: list[EntityAliasRow],
                        resolver: ResolverRows, based_on: IncrementalInput) -> bool:
        """Link new mentions to existing entities, replacing those entities' rows and aliases and adding the
        resolver's rows for them (`resolver.surfaces` replace the rows of the same cluster and name), in one
        transaction, only if no write changed the input since `based_on` was read; return whether stored."""

    @abstractmethod
    def update_entities(
        self,
        removed: list[int],
        entities: list[EntityRow],
        aliases: list[EntityAliasRow],
        mention_links: list[tuple[int, int]],
        resolver: ResolverRows,
        based_on: IncrementalInput,
        attached: Attachment | None = None,
    ) -> bool:
        """Replace the clusters `removed` (their entities, links and resolver rows) by the given ones, in one
        transaction, only if no write changed the input since `based_on` was read; return whether stored.
        `attached`: new mentions joining other entities, written in the same transaction as `attach_mentions`
        writes them."""

    @abstractmethod
    def resolution_input(self) -> ResolutionInput:
        """Return the mentions, alias statements and decisions (and the pending state) read in one transaction."""

    @abstractmethod
    def read_resolution(
        self, consume: Callable[[Iterator[ResolutionMention]], Consumed],
    ) -> tuple[Consumed, ResolutionInput]:
        """Return what `consume` makes of all mentions, streamed in article and text order (as `mentions()` orders
        them) without holding them all in memory, and the alias statements (as `ResolutionStatement`s, in the order
        of `alias_statements()`), decisions and pending state, all read in one transaction (the input's `mentions`
        left empty)."""

    @abstractmethod
    def resolution_due(self) -> bool:
        """Return True when a write changed what resolution reads since the last resolution was stored."""

    @abstractmethod
    def exclusive(self) -> AbstractContextManager[None]:
        """Return a context in which this store holds the write lock: other writers wait; its writes join one
        transaction, committed at the end of the block (rolled back on an exception)."""

    @abstractmethod
    def aliases_without_name_key(self) -> list[str]:
        """Return the distinct aliases stored without a name key (rows of an older database), sorted."""

    @abstractmethod
    def set_alias_name_keys(self, keys: dict[str, str]) -> None:
        """Store the name key of each alias in `keys` where it is missing (derived data: the version stays)."""

    @abstractmethod
    def entities(self) -> list[EntityRow]:
        """Return all entities, ordered by id."""

    @abstractmethod
    def entity_aliases(self, entity_id: int | None = None) -> list[EntityAliasRow]:
        """Return entity aliases (of one entity, or all)."""

    @abstractmethod
    def mention_links(self) -> list[tuple[int, int]]:
        """Return all (mention id, entity id) links."""

    # Lookups whose cost follows the size of the answer, not of the store (API and web use these).
    @abstractmethod
    def entity(self, entity_id: int) -> EntityRow | None:
        """Return the entity with this id, or None."""

    @abstractmethod
    def entities_named(self, name: str) -> list[EntityRow]:
        """Return the entities whose canonical name equals `name` ignoring case (`str.lower`), by id."""

    @abstractmethod
    def entity_by_alias(self, alias: str) -> list[tuple[int, int]]:
        """Return (entity id, count) of every alias equal to `alias` ignoring case (`str.lower`), by entity id."""

    @abstractmethod
    def entity_by_name_key(self, key: str) -> list[tuple[int, int]]:
        """Return (entity id, count) of every alias stored with the name key `key`, by entity id.

        An empty key matches nothing.
        """

    @abstractmethod
    def entity_summaries(
        self, type_: str | None = None, limit: int | None = None, ids: Iterable[int] | None = None
    ) -> list[EntitySummary]:
        """Return entities with mention and document counts and aliases, most mentioned first.

        Ordered by mentions, then documents (both descending), then name and id; only of
        type `type_` (exact, e.g. 'PERSON') and only the ids in `ids` when given; at most
        `limit` rows when `limit` is a positive number.
        """

    @abstractmethod
    def entity_mentions(self, entity_id: int, limit: int | None = None) -> list[MentionRow]:
        """Return the mentions linked to an entity, by source then original start, with `sentence` set.

        `sentence` is the original text of the mention's sentence ('' for an empty span),
        None when the mention has no sentence span. At most `limit` rows when given.
        """

    @abstractmethod
    def entity_articles(self, entity_id: int) -> list[tuple[str, int]]:
        """Return the distinct (document source, article id) pairs an entity is mentioned in, ordered."""

    @abstractmethod
    def entity_documents(self, entity_id: int, limit: int | None = None,
                         offset: int = 0) -> tuple[int, list[tuple[str, list[int]]]]:
        """Return how many documents mention an entity, and a page of them: (source, article ids), by source.

        At most `limit` documents (all when None) after skipping `offset`; article ids ascending.
        """

    # --- the entity graph kept by the store (schema 7) --------------------------------
    @abstractmethod
    def entity_mention_texts(self, entity_ids: Sequence[int]) -> list[tuple[int, str, int, int, str, str | None]]:
        """Return (entity id, document source, original start, original end, text, refers_to) of the mentions
        linked to these entities, each entity's by mention id."""

    @abstractmethod
    def linked_spans(self, article_ids: Sequence[int]) -> list[tuple[str, int, int, int]]:
        """Return (document source, original start, original end, entity id) of the linked mentions of articles."""

    @abstractmethod
    def relations_in(self, article_ids: Sequence[int]) -> list[RelationRow]:
        """Return the stored relations of these articles, in the order of `relations()`."""

    @abstractmethod
    def graph_current(self) -> bool:
        """Return whether the kept entity graph is of the current store version (one read: `graph_version`
        equals `version`)."""

    @abstractmethod
    def graph_version(self) -> int:
        """Return the store version the kept entity graph was computed at (-1 when never)."""

    @abstractmethod
    def replace_entity_graph(self, version: int, edges: Iterable[EntityEdgeRow],
                             metrics: Iterable[EntityMetricsRow], rows: Iterable[LiftedRow] | None = None) -> bool:
        """Keep these entity edges and metrics as the graph of store version `version`; return whether stored.

        Nothing is stored (False) when the store moved past `version` meanwhile. Derived data:
        the store version stays. With `rows` (every relation row lifted) the graph can later be kept
        incrementally (`graph_work`); without, the next keeping is whole.
        """

    @abstractmethod
    def source_rows(self, article_ids: Iterable[int]) -> list[tuple[ArticleRow, str | None, str | None]]:
        """Return these articles (without text), each with its document's outlet and URL, by id."""

    @abstractmethod
    def graph_work(self) -> GraphWork | None:
        """Return what keeping the graph has to redo since it was last kept, read in one transaction; None when
        it must be kept whole (never kept, or entities written by a full resolution, a document deleted)."""

    @abstractmethod
    def lifted_articles_named(self, names: Iterable[str]) -> set[int]:
        """Return the articles of the lifted rows whose subject or object was looked up by one of `names`."""

    @abstractmethod
    def lifted_pairs(self, articles: Iterable[int] = (), entities: Iterable[int] = ()) -> set[tuple[Any, Any]]:
        """Return the (subject, object) pairs of the lifted rows of `articles` and of those at `entities`."""

    @abstractmethod
    def pair_relations(self, pairs: Iterable[tuple[int, int]]) -> list[tuple[LiftedRow, RelationRow]]:
        """Return the lifted rows with one of these (subject, object) pairs and their relations, by rank."""

    @abstractmethod
    def update_entity_graph(self, version: int, change: GraphChange) -> bool:
        """Write an incremental change of the kept graph as the graph of store version `version`; return whether
        stored (False when the store moved past `version`). Degrees of the entities at the changed pairs and of
        `change.entities` are counted again; betweenness, PageRank and communities stay as they were (their
        version stays: `graph_metrics_state`). Clears `graph_work`'s pending rows."""

    @abstractmethod
    def edge_count(self, at_most: int) -> int:
        """Return how many edges are kept, counting no further than `at_most` (a bounded count: enough to compare
        with a threshold without reading every edge)."""

    @abstractmethod
    def graph_links(self) -> list[tuple[int, int, bool]]:
        """Return (subject, object, negated) of every kept edge, by id."""

    @abstractmethod
    def replace_entity_metrics(self, version: int, metrics: Iterable[EntityMetricsRow]) -> bool:
        """Keep these metrics as those of the kept graph of store version `version` (False when it is not that
        version's any more)."""

    @abstractmethod
    def graph_metrics_state(self) -> tuple[int, int]:
        """Return (the graph version the kept betweenness, PageRank and communities were computed at, the graph
        version kept now); they are stale when the two differ."""

    @abstractmethod
    def kept_edges(self, after: int = -1, limit: int = 1000) -> list[EntityEdgeRow]:
        """Return up to `limit` kept edges (whole) with ids above `after`, by id: every edge, a page at a time."""

    @abstractmethod
    def entity_edges(self, entity_ids: Iterable[int], within: bool = False,
                     whole: bool = True) -> list[EntityEdgeRow]:
        """Return the kept edges at these entities (`within`: with both ends among them), by id.

        Not `whole`: each with its first few evidences only (`EntityEdgeRow.evidence_count` counts all).
        """

    @abstractmethod
    def entity_neighbours(self, entity_id: int, limit: int | None = None) -> list[EntitySummary]:
        """Return the entities sharing a kept edge with an entity (either direction, negated too), most mentioned first.

        Ordered as `entity_summaries`; the entity itself is left out; at most `limit` when positive.
        The store picks them (the edge ends are not sent back), so a hub costs its answer, not its edges.
        """

    @abstractmethod
    def entity_neighbour_count(self, entity_id: int) -> int:
        """Return how many entities share a kept edge with an entity (those `entity_neighbours` picks from)."""

    @abstractmethod
    def entity_edges_to(self, entity_id: int, others: Iterable[int], whole: bool = True) -> list[EntityEdgeRow]:
        """Return the kept edges between an entity and any of `others` (either direction), by id.

        Not `whole`: each with its first few evidences only, as `entity_edges`.
        """

    @abstractmethod
    def entity_edge_page(self, entity_id: int, predicate: str | None = None, limit: int | None = None,
                         offset: int = 0, whole: bool = True) -> tuple[int, list[EntityEdgeRow]]:
        """Return how many kept edges an entity has (either direction; of one predicate when given) and a page of
        them: by predicate, date (undated first), most evidence, then id; at most `limit` from the `offset`-th on.

        The store sorts and cuts them, so a hub's page costs the page, not its thousands of edges.
        Not `whole`: each with its first few evidences only, as `entity_edges`.
        """

    @abstractmethod
    def entity_edge_ends(self, entity_ids: Iterable[int], within: bool = False) -> list[tuple[int, int, int, bool]]:
        """Return (id, subject, object, negated) of the kept edges at (`within`: among) these entities, by id."""

    @abstractmethod
    def entity_metrics(self, entity_ids: Iterable[int] | None = None) -> dict[int, EntityMetricsRow]:
        """Return the kept metrics of these entities (of every entity when None), by entity id."""

    @abstractmethod
    def add_decision(self, kind: str, args: dict[str, Any]) -> int:
        """Record an analyst's decision (merge | split | rename | reject); return its id."""

    @abstractmethod
    def decisions(self) -> list[DecisionRow]:
        """Return all decisions in the order they were made."""

    # --- screening (linkchart.screen) ----------------------------------------------
    @abstractmethod
    def replace_screening(self, list_source: str, matches: list[ScreeningMatchRow]) -> None:
        """Replace every stored match of the list `list_source` with `matches` in one transaction; returns nothing."""

    @abstractmethod
    def screening_matches(self, entity_id: int | None = None) -> list[ScreeningMatchRow]:
        """Return the stored matches of one entity, best score first (of every entity: by entity id, then score).

        A match belongs to each entity whose canonical name or alias equals its `entity_name`
        ignoring case (`str.lower`); `entity_id` is set to that entity. Matches of no current
        entity are left out.
        """

    @abstractmethod
    def screening_match(self, match_id: int) -> ScreeningMatchRow | None:
        """Return the stored match with this id (`entity_id` as screened), or None."""

    @abstractmethod
    def add_screening_decision(self, verdict: str, list_source: str, entry_id: str, entity_name: str,
                               note: str | None = None) -> int:
        """Record an analyst's verdict (confirm | reject) on a list entry for an entity name; return its id."""

    @abstractmethod
    def screening_decisions(self) -> list[ScreeningDecisionRow]:
        """Return all screening verdicts in the order they were made."""
