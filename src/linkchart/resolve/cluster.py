"""Resolve mentions into canonical entities across documents, and say why.

The unit of clustering is a *local surface* (`surfaces.LocalSurface`): one name as written in
one article, with all its mentions there. Local surfaces are joined by the passes of
`passes.PASSES`, in order — same transliteration key, alias statements of the article, partial
person names, organisation and place rules, the name matcher, acronyms, typos — each join
leaving a typed reason (`reasons.Reason`). The analysts' decisions (merge, split, rename,
reject) are applied last, every time (`decisions.apply_decisions`). Each name of an entity
keeps the most informative reason it was joined by.

Only stored mention rows and alias statements are read, never document text, so a new
document's mentions resolve against existing entities without re-reading others.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from linkchart import lexicon
from linkchart.resolve import names
from linkchart.resolve.caches import clear_name_caches
from linkchart.resolve.decisions import Overrides, apply_decisions
from linkchart.resolve.matcher_memo import MatcherMemo
from linkchart.resolve.national import nation_key
from linkchart.resolve.passes import PASSES, Resolution
from linkchart.resolve.reasons import CanonicalName, Reason, SameEntity, WrittenWithTitle
from linkchart.resolve.region import link_keys
from linkchart.resolve.surfaces import Key, LocalSurface, is_partial_person, mention_surface
from linkchart.resolve.typing import head_type, vote_type
from linkchart.resolve.unionfind import UnionFind
from linkchart.store.base import EntityAliasRow, EntityRow, ResolverRows, SurfaceRow


@dataclass
class AliasReason:
    """Why one alias belongs to its entity."""

    alias: str
    count: int
    why: Reason

    @property
    def reason(self) -> str:
        """Return the reason as shown to a reader."""
        return self.why.text

    @property
    def evidence(self) -> str | None:
        """Return the sentence that states the alias, if a text stated it."""
        return self.why.sentence


@dataclass
class ResolvedEntity:
    """A canonical entity with its aliases, mentions and the reasons it holds together."""

    name: str
    type: str
    description: str | None
    aliases: list[AliasReason]
    mention_ids: array[int]  # sorted
    root: Key | None = None  # the local surface its cluster is known by in the union-find


@dataclass
class Clustering:
    """The join passes' result: the local surfaces, their types, the union-find, the decisions' overrides and
    the name matcher's verdicts."""

    locals_: dict[Key, LocalSurface]
    types: MutableMapping[Key, str]
    uf: UnionFind
    overrides: Overrides
    matcher: MatcherMemo
    ambiguous: set[str] = field(default_factory=set)  # keys of aliases defined as different things
    consulted: dict[str, int] = field(default_factory=dict)  # the passes' count decisions and their margins
    stated: set[str] = field(default_factory=set)  # the alias statements read (`statement_key`)

    def clusters(self) -> dict[Key, list[LocalSurface]]:
        """Return the local surfaces of each cluster, by root, in the order the surfaces were found."""
        out: dict[Key, list[LocalSurface]] = defaultdict(list)
        for k, ls in self.locals_.items():
            out[self.uf.find(k)].append(ls)
        return out


# What the last resolution of this process did (read by bench/scale.py): kind (full | incremental), pairs the
# name matcher compared, mentions read, clusters resolved again.
LAST_RUN: dict[str, Any] = {}
T = TypeVar("T")
SEEN_NAMES = 50_000  # the keys of at most so many names and types are held while a full resolution's are written

class MentionPairs:
    """(mention id, id) pairs of groups of mentions under one id each, made while they are read (so that no
    tuple per mention is held); iterable again and again."""

    def __init__(self) -> None:
        self._groups: list[tuple[list[array[int]], int]] = []

    def add(self, mentions: list[array[int]], id_: int) -> None:
        """Pair each mention of the arrays `mentions` with `id_` (after the pairs added before)."""
        self._groups.append((mentions, id_))

    def __iter__(self) -> Iterator[tuple[int, int]]:
        """Return the pairs, in the order their groups were added."""
        for arrays, id_ in self._groups:
            for mentions in arrays:
                for m in mentions:
                    yield m, id_

    def __len__(self) -> int:
        """Return the number of pairs."""
        return sum(len(mentions) for arrays, _ in self._groups for mentions in arrays)


class MadeRows(Generic[T]):
    """Rows made by a function each time they are iterated: a full resolution's rows are written as they are made
    from the clusters, never all held at once (a million local surfaces at 100,000 articles)."""

    def __init__(self, make: Callable[[], Iterator[T]]) -> None:
        self._make = make

    def __iter__(self) -> Iterator[T]:
        """Return the rows, made again."""
        return self._make()


def entity_rows(
    entities: list[ResolvedEntity], ids: dict[Key | None, int], made: bool = False,
) -> tuple[list[EntityRow], list[EntityAliasRow], MentionPairs]:
    """Return the store rows of resolved entities, each with the id `ids` gives its root: entities, aliases, links
    (made as they are written). With `made`, the aliases too are made as they are written (`MadeRows`)."""
    rows, aliases, links = [], [], MentionPairs()
    for e in entities:
        i = ids[e.root]
        rows.append(EntityRow(i, e.name, e.type, e.description))
        if not made:
            aliases += alias_rows(e, i)
        links.add([e.mention_ids], i)
    if made:
        return rows, MadeRows(lambda: (a for e in entities for a in alias_rows(e, ids[e.root]))), links  # type: ignore[return-value]
    return rows, aliases, links


def alias_rows(entity: ResolvedEntity, id_: int) -> Iterator[EntityAliasRow]:
    """Return the alias rows of a resolved entity stored under `id_`."""
    for a in entity.aliases:
        yield EntityAliasRow(id_, a.alias, a.count, a.reason, a.evidence, names.name_key(a.alias),
                             reason_pass=a.why.pass_name, reason_evidence=a.why.evidence.as_dict())


def resolver_rows(clustering: Clustering, entities: list[ResolvedEntity], ids: dict[Key, int] | None = None,
                  first_free: int | None = None, articles: list[int] | None = None) -> ResolverRows:
    """Return what the store keeps of a resolution for the next one (`incremental`): each cluster's mentions and
    keys under its id. Without `ids`, entities are numbered from 1 as `entity_rows` does and other clusters
    (rejected, or without mentions) after them."""
    clusters = clustering.clusters()
    ids = cluster_ids(clusters, entities) if ids is None else ids
    following = max([first_free or 1, *(i + 1 for i in ids.values())])
    keys: set[tuple[str, int]] = {(k, 0) for k in clustering.consulted.keys() | clustering.stated}  # cluster 0: none
    seen: dict[tuple[str, str], set[str]] = {}
    mention_rows = MentionPairs()
    for root, members in clusters.items():
        cluster = ids[root]
        # one array of the cluster's mentions (in the order of its surfaces), not the surfaces' own: those go with the
        # local surfaces before a full resolution writes
        mentions = array("q")
        for ls in members:
            mentions.extend(ls.mention_ids)
        mention_rows.add([mentions], cluster)
        keys.update((k, cluster) for k in _cluster_keys(members, clustering.types.of, seen))
    memo = clustering.matcher
    return ResolverRows(
        clusters=mention_rows, keys=sorted(keys), articles=articles or [], names=sorted(memo.surfaces),
        matches=[(a, b, e.score, list(e.features)) for (a, b), e in sorted(memo.found.items())],
        next_cluster=following, surfaces=surface_rows(clustering, clusters, ids), margins=dict(clustering.consulted))


def made_resolver_rows(clustering: Clustering, entities: list[ResolvedEntity],
                       clusters: dict[Key, list[LocalSurface]]) -> ResolverRows:
    """Return the rows of `resolver_rows(clustering, entities)` (a full resolution's, numbered as `entity_rows`
    numbers its entities) with each cluster's mentions, keys and names made as they are written (`MadeRows`)
    from `clusters` (`Clustering.clusters()`): they hold the local surfaces and types, not the union-find or
    the matcher's state, so those can go before the store writes."""
    ids = cluster_ids(clusters, entities)
    following = max([1, *(i + 1 for i in ids.values())])
    # the types without the mapping of all local surfaces: the clusters hold those written
    type_of, ambiguous = clustering.types.detached().of, clustering.ambiguous
    unclustered = sorted({(k, 0) for k in clustering.consulted.keys() | clustering.stated})  # cluster 0: none

    def mentions() -> Iterator[tuple[int, int]]:
        for root, members in clusters.items():
            cluster = ids[root]
            for ls in members:
                for m in ls.mention_ids:
                    yield m, cluster

    def keys() -> Iterator[tuple[str, int]]:
        yield from unclustered
        seen: dict[tuple[str, str], set[str]] = {}
        for root, members in clusters.items():  # a key is written once per cluster: ids are one per cluster
            cluster = ids[root]
            yield from ((k, cluster) for k in sorted(_cluster_keys(members, type_of, seen)))
            if len(seen) > SEEN_NAMES:
                seen.clear()

    memo = clustering.matcher
    return ResolverRows(
        clusters=MadeRows(mentions), keys=MadeRows(keys), articles=[], names=sorted(memo.surfaces),  # type: ignore[arg-type]
        matches=[(a, b, e.score, list(e.features)) for (a, b), e in sorted(memo.found.items())], next_cluster=following,
        surfaces=MadeRows(lambda: _surface_rows(type_of, ambiguous, clusters, ids)),  # type: ignore[arg-type]
        margins=dict(clustering.consulted))


def cluster_ids(clusters: dict[Key, list[LocalSurface]], entities: list[ResolvedEntity]) -> dict[Key, int]:
    """Return the id of each cluster: entities numbered from 1 in their order (as `entity_rows` numbers them),
    other clusters (rejected, or without mentions) after them."""
    ids = {e.root: i for i, e in enumerate(entities, start=1) if e.root is not None}
    following = len(entities) + 1
    for root in clusters:
        if root not in ids:
            ids[root] = following
            following += 1
    return ids


def _cluster_keys(members: list[LocalSurface], type_of: Callable[[LocalSurface], str],
                  seen: dict[tuple[str, str], set[str]]) -> set[str]:
    """Return the keys through which a new name can affect a cluster of these local surfaces (`region.link_keys`
    of each name and type; `seen` keeps those of the names and types met before)."""
    out: set[str] = set()
    for ls in members:
        type_ = type_of(ls)
        found = seen.get((ls.surface, type_))
        if found is None:
            found = seen[(ls.surface, type_)] = link_keys(ls.surface, type_)
        out |= found
    return out


def surface_rows(clustering: Clustering, clusters: dict[Key, list[LocalSurface]],
                 ids: dict[Key, int]) -> list[SurfaceRow]:
    """Return the kept names of `clusters` (numbered by `ids`): each cluster's mentioned names summed over their
    local surfaces, in the order the surfaces were found."""
    return list(_surface_rows(clustering.types.of, clustering.ambiguous, clusters, ids))


def _surface_rows(type_of: Callable[[LocalSurface], str], ambiguous: set[str], clusters: dict[Key, list[LocalSurface]],
                  ids: dict[Key, int]) -> Iterator[SurfaceRow]:
    """Return the kept names of `clusters` as `surface_rows` does, made one cluster at a time."""
    for root, members in clusters.items():
        rows: dict[str, SurfaceRow] = {}
        for ls in members:
            if ls.extra or not ls.mention_ids:
                continue
            row = rows.get(ls.surface)
            type_ = type_of(ls)
            if row is None:
                key = names.name_key(ls.surface)
                scoped = (not key or ls.key[1] != ls.surface or is_partial_person(ls.surface, type_)
                          or key in ambiguous or ls.surface.islower())
                row = rows[ls.surface] = SurfaceRow(ids[root], ls.surface, key, type_, scoped, ls.key[0],
                                                    ls.position, 0, {}, {}, {}, {})
            elif type_ != row.type or ls.key[1] != ls.surface:
                row.scoped = True  # not one name to the passes: a new mention of it is resolved in full
            row.mentions += len(ls.mention_ids)
            for total, part in ((row.labels, ls.labels), (row.roles, ls.roles), (row.titled, ls.titled),
                                (row.descriptions, ls.descriptions)):
                for name, n in part.items():
                    total[name] = total.get(name, 0) + n
        yield from rows.values()


def cluster_surfaces(mentions: Iterable[Any], statements: Iterable[Any], decisions: Iterable[Any],
                     matcher: MatcherMemo | None = None) -> Clustering:
    """Return the clusters of local surfaces that the join passes and the decisions make of mention rows and alias
    statement rows; `matcher` may hold the name matcher's verdicts from an earlier resolution."""
    return cluster_locals(_local_surfaces(mentions), statements, decisions, matcher)


def read_surfaces(mentions: Iterable[Any]) -> tuple[dict[Key, LocalSurface], int]:
    """Return the local surfaces of mention rows read one at a time (`Store.read_resolution` streams them), and
    how many mentions were read."""
    read = 0

    def counted() -> Iterator[Any]:
        nonlocal read
        for m in mentions:
            read += 1
            yield m
    return _local_surfaces(counted()), read


def cluster_locals(locals_: dict[Key, LocalSurface], statements: Iterable[Any], decisions: Iterable[Any],
                   matcher: MatcherMemo | None = None, lean: bool = False) -> Clustering:
    """Return the clusters that the join passes and the decisions make of local surfaces (`cluster_surfaces`).

    With `lean` (a full resolution), the name caches are emptied before the name matcher (`caches`)."""
    types = SurfaceTypes(locals_, _vote_surface_types(locals_))
    for k in _surnames_of_article_persons(locals_, types):
        types[k] = "PERSON"
    # a person's first name may be a country's ('Jordan'); only other names are held to one nation
    uf = UnionFind(nation_of=lambda k: None if types.get(k) == "PERSON" else nation_key(locals_[k].surface))
    for k in locals_:
        uf.add(k)
    by_article: dict[int, list[LocalSurface]] = defaultdict(list)
    for ls in locals_.values():
        by_article[ls.key[0]].append(ls)
    resolution = Resolution(locals_, by_article, types, list(statements), uf,
                            countries=lexicon.countries().names, religious_titles=RELIGIOUS_TITLES,
                            matcher=matcher or MatcherMemo())
    del statements  # the caller's list: a full resolution hands it over (`runner`), so that it can go
    stated = {statement_key(st.kind, st.name, st.alias) for st in resolution.statements}
    last_reader = max(i for i, p in enumerate(PASSES) if p.reads_statements)
    for i, join_pass in enumerate(PASSES):
        if lean and join_pass.name == "name_matcher":
            clear_name_caches()
        join_pass.run(resolution)
        if i == last_reader:
            # a hundred thousand statements and their sentences: only those quoted by a reason stay
            resolution.statements = []
    overrides = apply_decisions(decisions, locals_, uf)
    return Clustering(locals_, types, uf, overrides, resolution.matcher, resolution.ambiguous, resolution.consulted,
                      stated)


def statement_key(kind: str, name: str, alias: str) -> str:
    """Return the key under which the kept resolver state records that some article stated this alias."""
    return f"x:t:{kind}|{name}|{alias}"


def resolve(mentions: Iterable[Any], statements: Iterable[Any], decisions: Iterable[Any]) -> list[ResolvedEntity]:
    """Return canonical entities for mention rows, alias statement rows and decisions."""
    return build_entities(cluster_surfaces(mentions, statements, decisions))


# ---- local surfaces -------------------------------------------------------------------

# Epithets of revered figures: 'Imam Hussein' in an article that also names 'Saddam Hussein' is not him
EPITHETS = lexicon.titles().epithets
# Religious titles: a name with an epithet may join a person the texts also give one of these
RELIGIOUS_TITLES = EPITHETS | lexicon.titles().religious


def _epithet(m: Any, surface: str) -> bool:
    role = (getattr(m, "role", None) or "").lower().rstrip(".")
    return role in EPITHETS and len(surface.split()) == 1


def _local_surfaces(mentions: Iterable[Any]) -> dict[Key, LocalSurface]:
    """Return the local surfaces of mention rows (or `ResolutionMention`s streamed from the store), in the order
    their first mentions come; the strings and counts they keep are shared, one object per distinct value."""
    out: dict[Key, LocalSurface] = {}
    within: Counter[int] = Counter()  # local surfaces found so far in each article
    shared: dict[str, str] = {}
    one = shared.setdefault
    counts: dict[tuple[str, int], Mapping[str, int]] = {}
    article = -1
    for m in mentions:
        surface = mention_surface(m)
        if not surface or not any(c.isalpha() for c in surface):
            continue
        if m.article_id != article:
            article = m.article_id  # one int object for the keys of an article
        role = getattr(m, "role", None)
        # 'Imam Hussein' keeps a local surface of its own beside the article's plain 'Hussein'
        key = (article, one(f"{role} {surface}", f"{role} {surface}") if _epithet(m, surface)
               else one(surface, surface))
        ls = out.get(key)
        if ls is None:
            ls = out[key] = LocalSurface(key, one(surface, surface), position=within[article])
            within[article] += 1
        ls.mention_ids.append(m.id)
        ls.labels = _count(ls.labels, one(m.label, m.label), counts)
        if role:
            ls.roles = _count(ls.roles, one(role, role), counts)
            written = names.normalize(m.text)
            if role[:1].isupper() and not written.startswith(role):  # titles are capitalised, role nouns not
                form = f"{role} {written}"
                ls.titled = _count(ls.titled, one(form, form), counts)
        description = getattr(m, "description", None)
        if description:
            ls.descriptions = _count(ls.descriptions, one(description, description), counts)
    return out


def _count(found: Mapping[str, int], name: str, shared: dict[tuple[str, int], Mapping[str, int]]) -> Mapping[str, int]:
    """Return the counts `found` with one more `name`: counts of one name are read-only mappings shared by every
    local surface with that count (most have one label, no role), others a Counter of their own."""
    if type(found) is Counter:
        found[name] += 1
        return found
    if not found or (len(found) == 1 and name in found):
        n = found.get(name, 0) + 1
        one = shared.get((name, n))
        if one is None:
            one = shared[(name, n)] = MappingProxyType({name: n})
        return one
    own = Counter(found)
    own[name] += 1
    return own


def _vote_types(locals_: dict[Key, LocalSurface]) -> dict[Key, str]:
    """Return each local surface's type, voted over every mention of that name in the corpus (`_vote_surface_types`)."""
    by_surface = _vote_surface_types(locals_)
    return {k: by_surface[ls.surface] for k, ls in locals_.items()}


def _vote_surface_types(locals_: dict[Key, LocalSurface]) -> dict[str, str]:
    """Return the type of each surface of the local surfaces, voted over every mention of that name in the corpus.

    A one-word name that is the surname of a person named in full somewhere is a person
    too, whatever the model labelled it ('Khazali' tagged ORG).
    """
    groups: dict[str, list[LocalSurface]] = defaultdict(list)
    for ls in locals_.values():
        groups[names.name_key(ls.surface) or ls.surface].append(ls)
    out: dict[str, str] = {}
    for group in groups.values():
        labels: Counter[str] = Counter()
        roles: Counter[str] = Counter()
        for ls in group:
            labels.update(ls.labels)
            roles.update(ls.roles)
        type_ = vote_type(group[0].surface, labels, roles)
        for ls in group:
            out[ls.surface] = type_
    del groups
    surnames = {part for surface, type_ in out.items() if type_ == "PERSON" for part in names.name_parts(surface)[1:]}
    for surface, type_ in out.items():
        parts = names.name_parts(surface)
        if (len(parts) == 1 and parts[0] in surnames and type_ in ("ORG", "PERSON")
                and not names.is_acronym(surface)):
            out[surface] = "PERSON"
    for surface in _full_names_of_surnames(locals_, out):
        out[surface] = "PERSON"
    return out


COMPASS = frozenset(lexicon.places().compass)


def _surnames_of_article_persons(locals_: dict[Key, LocalSurface], types: SurfaceTypes) -> list[Key]:
    """Return the one-word names of an article that the corpus's vote gave another type but that are the surname of
    a person the article names in full, labelled a person there: 'Döblin' beside 'Alfred Döblin' is him, though its
    transliteration key is a city's that other articles name often."""
    surnames: set[tuple[int, str]] = set()
    for k, ls in locals_.items():
        parts = names.name_parts(ls.surface)
        if len(parts) >= 2 and types[k] == "PERSON":
            surnames.add((k[0], parts[-1]))
    found = []
    for k, ls in locals_.items():
        if types[k] == "PERSON" or " " in ls.surface or names.is_acronym(ls.surface):
            continue
        person = ls.labels.get("PERSON", 0)
        if person * 2 > sum(ls.labels.values()) and (k[0], names.name_parts(ls.surface)[0]) in surnames:
            found.append(k)
    return found


def _full_names_of_surnames(locals_: dict[Key, LocalSurface], types: dict[str, str]) -> set[str]:
    """Return the names of other types that are a person's full name: their last word stands alone as a person in
    their article ('Alden Roy Varga' labelled an organisation, then 'Varga' said and did things).

    Only plain names of two to four capitalised words qualify: no head word ('Varga Street'), no compass word first,
    no country, no acronym.
    """
    alone = {(k[0], names.name_parts(ls.surface)[0]) for k, ls in locals_.items()
             if types[ls.surface] == "PERSON" and len(ls.surface.split()) == 1 and not names.is_acronym(ls.surface)}
    found: set[str] = set()
    for k, ls in locals_.items():
        surface = ls.surface
        if types[surface] == "PERSON" or surface in found:
            continue
        words = surface.split()
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or words[0].lower() in COMPASS:
            continue  # 'North Varnshire' beside 'a Varnshire cricketer' is a place
        parts = names.name_parts(surface)
        if (parts and (k[0], parts[-1]) in alone and head_type(surface) is None and not names.name_kind(surface)
                and lexicon.nation_of(surface) is None):
            found.add(surface)
    return found


class SurfaceTypes(MutableMapping[Key, str]):
    """Each local surface's type (`_vote_types`), held once per surface rather than once per local surface (a million
    at 100,000 articles): the vote gives all local surfaces of one surface one type. A type set for a key (a name
    known only from an alias statement) is held for that key."""

    def __init__(self, locals_: Mapping[Key, LocalSurface], by_surface: dict[str, str]) -> None:
        self._locals = locals_
        self._by_surface = by_surface
        self._own: dict[Key, str] = {}

    def __getitem__(self, k: Key) -> str:
        """Return the type of the local surface `k` (KeyError when there is none)."""
        own = self._own.get(k)
        return own if own is not None else self._by_surface[self._locals[k].surface]

    def __setitem__(self, k: Key, type_: str) -> None:
        """Set the type of the local surface `k`."""
        self._own[k] = type_

    def __delitem__(self, k: Key) -> None:
        """Forget a type set for `k`."""
        del self._own[k]

    def __iter__(self) -> Iterator[Key]:
        """Return the keys of the local surfaces, in their order."""
        return iter(self._locals)

    def __len__(self) -> int:
        """Return the number of local surfaces."""
        return len(self._locals)

    def of(self, ls: LocalSurface) -> str:
        """Return the type of a local surface ('ORG' for one without: `types.get(ls.key, "ORG")`)."""
        own = self._own.get(ls.key)
        if own is not None:
            return own
        return self._by_surface[ls.surface] if ls.key in self._locals else "ORG"

    def detached(self) -> SurfaceTypes:
        """Return these types for the local surfaces known now, without holding the mapping of them: `of` answers
        for those, nothing else does."""
        return _DetachedTypes({}, self._by_surface, self._own)


class _DetachedTypes(SurfaceTypes):
    """`SurfaceTypes.detached`: the types of local surfaces that were known, without their mapping."""

    def __init__(self, locals_: Mapping[Key, LocalSurface], by_surface: dict[str, str], own: dict[Key, str]) -> None:
        super().__init__(locals_, by_surface)
        self._own = own

    def of(self, ls: LocalSurface) -> str:
        """Return the type of a local surface that was known."""
        own = self._own.get(ls.key)
        return own if own is not None else self._by_surface.get(ls.surface, "ORG")


# ---- output ---------------------------------------------------------------------------

def build_entities(clustering: Clustering,
                   clusters: dict[Key, list[LocalSurface]] | None = None) -> list[ResolvedEntity]:
    """Return the entities of the union-find's clusters (`clusters`, when `Clustering.clusters()` was called
    already), largest first, without rejected ones."""
    uf, overrides = clustering.uf, clustering.overrides
    clusters = clustering.clusters() if clusters is None else clusters
    entities = []
    for root, members in clusters.items():
        if root in overrides.rejected:
            continue
        mention_ids = array("q")
        for ls in members:
            mention_ids.extend(ls.mention_ids)
        if not mention_ids:
            continue  # names only in alias statements, with nothing naming them in text
        labels: Counter[str] = Counter()
        roles: Counter[str] = Counter()
        descriptions: Counter[str] = Counter()
        counts: Counter[str] = Counter()
        for ls in members:
            labels.update(ls.labels)
            roles.update(ls.roles)
            descriptions.update(ls.descriptions)
            counts[ls.surface] += len(ls.mention_ids)
        country = _country_of(counts)
        person = not country and vote_type(counts.most_common(1)[0][0], labels, roles) == "PERSON"
        name = overrides.names.get(root) or country or canonical_name(counts, person)
        type_ = "GPE" if country else vote_type(name, labels, roles)
        aliases = _alias_reasons(members, counts, name, uf)
        known = {a.alias for a in aliases}
        titled: Counter[str] = Counter()
        for ls in members:
            titled.update(ls.titled)
        aliases += [AliasReason(form, n, Reason(None, WrittenWithTitle())) for form, n in titled.most_common()
                    if form not in known]
        description = descriptions.most_common(1)[0][0] if descriptions else None
        entities.append(ResolvedEntity(name, type_, description, aliases, array("q", sorted(mention_ids)), root))
    entities.sort(key=lambda e: (-len(e.mention_ids), e.name))
    return entities


def _country_of(counts: Counter[str]) -> str | None:
    """Return the gazetteer name of the country an entity's names include, if any."""
    gazetteer = lexicon.countries().names
    for surface, _n in counts.most_common():
        found = gazetteer.get(surface.replace(".", "").casefold())
        if found:
            return found
    return None


def canonical_name(counts: Counter[str], person: bool = False) -> str:
    """Return the canonical form: a frequent full name (two or more words), the most written one
    (the shorter on a tie: 'Qassem Soleimani' over a once-spelled-out middle name).

    For a person, a full name (given name and surname) comes first even when written once:
    'Abdul Reza Shahlai' over 'Shahlai', 'Adil Abdul-Mahdi' over the surname 'Abdul-Mahdi'.
    """
    top = counts.most_common(1)[0][1] if counts else 0
    forms = [s for s in counts if not names.is_acronym(s)] or list(counts)

    def rank(s: str) -> tuple[int, int, int, int, int, int, int]:
        frequent = counts[s] * 4 >= top or counts[s] >= 2
        shouted = s.isupper()  # a dateline or headline in capitals is not how the name is written
        named = not s.islower()  # 'US-led coalition forces' names what 'coalition forces' refers to
        tokens = len(names.name_tokens(s))
        full = int(person and len(names.name_parts(s)) >= 2 and len(names.strip_titles(s).split()) >= 2)
        # a full name before a surname; among full names, the one written most often
        return (int(named), full, int(frequent), int(not shouted), min(tokens, 2), counts[s], -tokens)

    return max(forms, key=rank)


def _alias_reasons(members: list[LocalSurface], counts: Counter[str], name: str, uf: UnionFind) -> list[AliasReason]:
    """Return each name of an entity with its most informative reason (the first on a tie), most written first."""
    reasons: dict[str, list[Reason]] = defaultdict(list)
    for ls in members:
        reasons[ls.surface].append(uf.why.get(ls.key, _JOINED))
    out = []
    for surface, found in reasons.items():
        why = _CANONICAL if surface == name else min(found, key=lambda r: r.rank)
        out.append(AliasReason(surface, counts[surface], why))
    return sorted(out, key=lambda a: (-a.count, a.alias))


_CANONICAL = Reason(None, CanonicalName())
_JOINED = Reason(None, SameEntity())  # every join that reached the name explained the other name


