"""Resolution after an article whose names are all known: its mentions join the clusters already holding those
names, decided from the kept names of those clusters (`Store.surface_rows`, migration 0014), never from the
clusters' other mentions. So its cost does not grow with the clusters it joins.

A full resolution of the store with the new article would give the same clusters when the new
mentions change nothing but counts that no pass compared, which is checked before anything is
written; otherwise `attach_added` declines and the article is resolved with the clusters it
touches (`incremental.resolve_added`). It declines when:

- a name of the article is new, or written under an epithet, or has
  another type in the store, or one whose kept clusters disagree (a name joined by spelling must
  sit in one cluster), or is joined only within its article and is neither a surname alone nor an
  acronym the article defines as one of its expansions;
- the new mentions would change the type voted for a name (`cluster._vote_types`);
- an alias statement of the article was never stated before, or names a form it has no mention of,
  or joins two clusters;
- a surname alone has no full name in its article that it stands for without comparing counts;
- a pass inside the article (head references, typos) would join two different names, or the article writes side
  by side two names of one cluster that the name matcher joins only when no article does;
- the new mentions exceed the margin of a decision a pass made by comparing the counts of a part of the names
  of a cluster it joins (`margins`), or, for a name first given a religious title, a pass counted a surname of that
  cluster's names that an epithet may stand for;
- an analyst's decision names a name of those clusters, or the entity's canonical name would change,
  or a name is new to the cluster it joins.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from rapidfuzz.distance import Levenshtein

from linkchart import lexicon
from linkchart.resolve import names
from linkchart.resolve.cluster import (
    LAST_RUN,
    RELIGIOUS_TITLES,
    AliasReason,
    ResolvedEntity,
    _country_of,
    _local_surfaces,
    canonical_name,
    statement_key,
)
from linkchart.resolve.margins import added_by_key, newly_religious, spend_kept, surname_keys
from linkchart.resolve.matcher_memo import MatcherMemo
from linkchart.resolve.national import national_key
from linkchart.resolve.passes import (
    _EAST_ASIAN_GIVEN,
    _contiguous,
    _local_for,
    _one_person,
    apart_when_lengthened,
    apart_when_written_together,
    bare_head,
    written_before,
)
from linkchart.resolve.reasons import PartialName, Reason, SameKey, WrittenWithTitle
from linkchart.resolve.region import decision_keys, link_keys
from linkchart.resolve.surfaces import Key, LocalSurface, clean_surface, is_partial_person, written_form
from linkchart.resolve.typing import vote_type
from linkchart.store.base import EntityAliasRow, EntityRow, IncrementalInput, ResolverRows, Store, SurfaceRow


class Declined(Exception):
    """The new articles cannot simply join the clusters holding their names (the message says why; `names`: the
    names of the articles it is about, `cluster`: the cluster, when known)."""

    def __init__(self, why: str, names: Iterable[str] = (), cluster: int | None = None) -> None:  # noqa: D107
        super().__init__(why)
        self.names, self.cluster = set(names), cluster


def attach_added(store: Store, start: IncrementalInput) -> tuple[bool, list[ResolvedEntity] | None]:
    """Return (True, the entities the new articles' mentions joined, once stored) when every name of the articles
    of `start` joins a cluster holding it; (True, None) when a write changed the store meanwhile (nothing
    stored); (False, None) when the articles must be resolved with the clusters they touch."""
    added = store.region(start.articles, [])
    locals_ = _local_surfaces(added.mentions)
    if not locals_:
        return False, None
    try:
        plan = _Plan(store, start, locals_, added.alias_statements)
    except Declined as why:
        LAST_RUN.update(declined=str(why))
        return False, None
    resolver = ResolverRows(clusters=plan.links, keys=plan.filed, articles=start.articles, names=plan.judged,
                            matches=[], next_cluster=start.next_cluster, surfaces=plan.rows, margins=plan.margins)
    if not store.attach_mentions(plan.links, plan.entities, plan.aliases, resolver, based_on=start):
        return True, None
    LAST_RUN.clear()
    LAST_RUN.update(kind="attach", pairs=0, mentions=len(plan.links), clusters=len(plan.entities))
    by_entity: dict[int, list[int]] = {}
    for m, e in plan.links:
        by_entity.setdefault(e, []).append(m)
    return True, [ResolvedEntity(e.name, e.type, e.description, [], sorted(by_entity[e.id])) for e in plan.entities]


class _Plan:
    """The clusters each new local surface joins, and the rows to write (raises `Declined`)."""

    def __init__(self, store: Store, start: IncrementalInput, locals_: dict[Key, LocalSurface],
                 statements: list, everything: dict[Key, LocalSurface] | None = None,
                 voted: dict[Key, str] | None = None) -> None:
        """Plan the names `locals_`; `everything`: all names of their articles (the others resolved apart), with
        `voted` their types voted over those articles: the passes inside an article see them too."""
        self.store, self.locals_ = store, locals_
        self.everything = everything or locals_
        self.voted = voted or {}
        for k, ls in locals_.items():
            if k[1] != ls.surface:
                raise Declined("a name under an epithet", [ls.surface])
        self.keys = {k: names.name_key(ls.surface) for k, ls in locals_.items()}
        if not all(self.keys.values()):
            raise Declined("a name without a key")
        known = store.surface_rows(keys=set(self.keys.values()))
        self.by_surface: dict[str, list[SurfaceRow]] = {}
        self.by_key: dict[str, list[SurfaceRow]] = {}
        for r in known:
            self.by_surface.setdefault(r.surface, []).append(r)
            self.by_key.setdefault(r.name_key, []).append(r)
        # names no kept cluster holds, written with the key of names it does: new spellings (`_spelling_reasons`)
        self.new = {k for k, ls in locals_.items() if ls.surface not in self.by_surface}
        self.reasons: dict[Key, Reason] = {}  # why each new spelling joins its cluster
        self.types = {k: self._type(ls) for k, ls in locals_.items()}
        self._check_votes()
        self.cluster: dict[Key, int] = {}
        for k in locals_:
            if not self._scoped(k):
                self.cluster[k] = self._keyed_cluster(k)
        for k in locals_:
            if self._scoped(k):
                self.cluster[k] = (self._partial_cluster(k) if is_partial_person(locals_[k].surface, self.types[k])
                                   else self._defined_cluster(k, statements))
        self._spelling_reasons(start)
        self._check_statements(statements)
        self._check_article_passes()
        touched = sorted(set(self.cluster.values()))
        rows = store.surface_rows(clusters=touched)
        self._check_counts(rows)
        self._check_decisions(start, rows)
        self._build(rows, touched)

    # ---- which cluster each name joins --------------------------------------------------

    def _type(self, ls: LocalSurface) -> str:
        # a new spelling takes the type voted for its key (`_check_votes`: the same with its mentions)
        rows = self.by_surface.get(ls.surface) or self.by_key.get(names.name_key(ls.surface))
        if not rows:
            raise Declined(f"a new name: {ls.surface}", [ls.surface])
        found = {r.type for r in rows}
        if len(found) != 1 or len({r.scoped for r in rows}) != 1:
            raise Declined(f"a name of several types or scopes: {ls.surface}", [ls.surface])
        return found.pop()

    def _scoped(self, k: Key) -> bool:
        ls = self.locals_[k]
        if k in self.new:  # scoped as `cluster.surface_rows` would file it
            return is_partial_person(ls.surface, self.types[k])
        return self.by_surface[ls.surface][0].scoped

    def _check_votes(self) -> None:
        """Decline when the new mentions change the type voted for any of their names (`cluster._vote_types`)."""
        new: dict[str, tuple[Counter[str], Counter[str]]] = {}
        for k, ls in self.locals_.items():
            labels, roles = new.setdefault(self.keys[k], (Counter(), Counter()))
            labels.update(ls.labels)
            roles.update(ls.roles)
        for key, (labels, roles) in new.items():
            group = sorted(self.by_key[key], key=lambda r: (r.first_article, r.first_start))
            old_labels: Counter[str] = Counter()
            old_roles: Counter[str] = Counter()
            for r in group:
                old_labels.update(r.labels)
                old_roles.update(r.roles)
            first = group[0].surface
            if vote_type(first, old_labels, old_roles) != vote_type(first, old_labels + labels, old_roles + roles):
                raise Declined(f"the type of {first} changes",
                               [ls.surface for k, ls in self.locals_.items() if self.keys[k] == key])

    def _keyed_cluster(self, k: Key) -> int:
        """Return the one cluster holding the name's key outside single articles (where the same-key pass joins it)."""
        clusters = {r.cluster for r in self.by_key[self.keys[k]] if not r.scoped}
        if len(clusters) != 1:
            raise Declined(f"a key in {len(clusters)} clusters: {self.locals_[k].surface}", [self.locals_[k].surface])
        return clusters.pop()

    def _partial_cluster(self, k: Key) -> int:
        """Return the cluster of the one full name of the article a surname alone stands for (`passes._join_partials`,
        when no counts decide)."""
        ls = self.locals_[k]
        own = names.name_parts(ls.surface)
        candidates = set()
        for c, other in self.everything.items():
            parts = names.name_parts(other.surface)
            if self.types.get(c, self.voted.get(c)) != "PERSON" or len(parts) < 2:
                continue
            if any(p.startswith("abd ") for p in parts):
                raise Declined("an 'abd' name", [ls.surface])
            if own[0] in (parts if _EAST_ASIAN_GIVEN.search(other.surface) else parts[1:]):
                candidates.add(c)
        if len(own) > 1:
            candidates = {c for c in candidates if _contiguous(own, names.name_parts(self.everything[c].surface))}
        best = _one_person(candidates, self.everything) or (next(iter(candidates)) if len(candidates) == 1 else None)
        if best is None and k not in self.new and len({names.name_key(self.everything[c].surface)
                                                       for c in candidates}) == 1:
            best = next(iter(candidates))  # the stored reason stands: any of them is the one cluster
        if best is None or best not in self.cluster:
            raise Declined(f"a surname that counts would decide: {ls.surface}", [ls.surface])
        if k in self.new:  # the full name the partial-name pass joins it to, as it says why
            self.reasons[k] = Reason("partial_names", PartialName(self.everything[best].surface, "article"))
        return self.cluster[best]

    def _defined_cluster(self, k: Key, statements: list) -> int:
        """Return the cluster of the name an acronym joined only within its article (defined as different things
        in different texts) is defined as by an alias statement of its article; that name must be one of the
        acronym's expansions, so that the acronym pass joins it nowhere else."""
        ls = self.locals_[k]
        acronym = ls.surface.replace(".", "").upper()
        if (not names.is_acronym(ls.surface) or national_key(ls.surface)
                or lexicon.countries().names.get(ls.surface.replace(".", "").casefold())):
            raise Declined(f"a name joined only within its article: {ls.surface}", [ls.surface])
        found = set()
        mine = [o for o in self.everything.values() if o.key[0] == k[0]]
        for st in statements:
            if st.article_id == k[0] and clean_surface(st.alias) == ls.surface:
                partner = _local_for(k[0], clean_surface(st.name), self.everything, {k[0]: mine})
                if (partner is None or partner not in self.cluster
                        or acronym not in {a.upper() for a in names.acronym_of(self.locals_[partner].surface)}):
                    raise Declined(f"an acronym defined as a name that does not abbreviate: {ls.surface}",
                                   [ls.surface])
                found.add(self.cluster[partner])
        if len(found) != 1:
            raise Declined(f"an acronym its article does not define: {ls.surface}", [ls.surface])
        return found.pop()

    def _spelling_reasons(self, start: IncrementalInput) -> None:
        """Decline unless each new spelling of a full name joins, in a full resolution, only the one cluster
        holding its key, for the reason the same-key pass gives (`SameKey` of the first name of that key), and
        changes no other name's reason: a person's name, as the kept names split it into parts, without a
        translation or an initialism any text uses, whose keys (`incremental.pull`) reach no other
        cluster. A new spelling of a surname alone joins the full name of its article (`_partial_cluster`)."""
        for k in sorted(self.new):
            ls = self.locals_[k]
            rows = self.by_key[self.keys[k]]
            if (self.types[k] != "PERSON" or names.english_calque(ls.surface)
                    or ls.surface.islower()
                    or any(names.name_parts(r.surface) != names.name_parts(ls.surface) for r in rows)):
                raise Declined(f"a new name: {ls.surface}", [ls.surface])
            if self._scoped(k):
                continue
            if any(r.scoped for r in rows) or self._initials_used(ls.surface):
                raise Declined(f"a new name: {ls.surface}", [ls.surface])
            from linkchart.resolve.incremental import pull  # incremental imports this module

            alone = replace(start, decisions=[])  # the decisions are checked against the clusters joined
            pulled, _ = pull(self.store, alone, {k: ls}, {k: self.types[k]}, [])
            if pulled - {self.cluster[k]}:
                raise Declined(f"a new name reaching other clusters: {ls.surface}", [ls.surface])
            first = min(rows, key=lambda r: (r.first_article, r.first_start))
            self.reasons[k] = Reason("same_key", SameKey(first.surface, self.keys[k]))
        self._check_new_pairs()

    def _check_new_pairs(self) -> None:
        """Decline when the name matcher joins a new spelling of a full name with another name no kept cluster holds
        (of these articles, planned elsewhere or resolved apart): no kept name tells of that pair."""
        memo = MatcherMemo()
        for k in self.reasons:
            if self._scoped(k):
                continue
            for c, other in self.everything.items():
                type_ = self.types.get(c, self.voted.get(c, ""))
                if (other.surface == self.locals_[k].surface or other.surface in self.by_surface
                        or is_partial_person(other.surface, type_) or self.cluster.get(c) == self.cluster[k]):
                    continue
                if memo.verdict(self.locals_[k].surface, other.surface) is not None:
                    raise Declined(f"a new name matching another new name: {self.locals_[k].surface}",
                                   [self.locals_[k].surface])

    def _initials_used(self, surface: str) -> bool:
        """Return True when a kept name is one of the initialisms of `surface` (the acronym pass may join them)."""
        initials = {"a:" + a.upper() for a in names.acronym_of(surface)}
        filed = self.store.clusters_by_key(initials)
        if not filed:
            return False
        rows = self.store.surface_rows(clusters={c for found in filed.values() for c in found})
        return any("a:" + r.surface.replace(".", "").upper() in initials for r in rows if names.is_acronym(r.surface))

    # ---- what must not change ------------------------------------------------------------

    def _check_statements(self, statements: list) -> None:
        """Decline on an alias statement never made before, naming a form the article does not mention, or joining
        two clusters."""
        by_article: dict[int, list[LocalSurface]] = {}
        for ls in self.everything.values():
            by_article.setdefault(ls.key[0], []).append(ls)
        said = {statement_key(st.kind, st.name, st.alias) for st in statements}
        if said and len(self.store.clusters_by_key(said)) != len(said):
            raise Declined("a new alias statement")
        for st in statements:
            ends = []
            for text in (st.name, st.alias):
                end = _local_for(st.article_id, clean_surface(text), self.everything, by_article)
                if end is None or written_form(text) != self.everything[end].surface or end not in self.cluster:
                    raise Declined("an alias statement naming a form without a mention", _ends(st))
                ends.append(end)
            if self.cluster[ends[0]] != self.cluster[ends[1]]:
                raise Declined("an alias statement joining two clusters", _ends(st))

    def _check_article_passes(self) -> None:
        """Decline when a pass inside one article (head references, typos) would join two different names, or when
        the article writes side by side two names of one cluster that the name matcher joins only when no article
        writes both (`passes.apart_when_written_together`)."""
        by_article: dict[int, list[LocalSurface]] = {}
        for ls in self.everything.values():
            by_article.setdefault(ls.key[0], []).append(ls)
        for surfaces in by_article.values():
            for ls in surfaces:
                if ls.key not in self.locals_:
                    continue
                if bare_head(ls.surface, self.types[ls.key]):
                    raise Declined(f"a head word alone: {ls.surface}", [ls.surface])
                self._check_written_together(ls, surfaces)
                for other in surfaces:
                    if (other is ls or names.name_key(other.surface) == self.keys[ls.key]
                            or len(other.mention_ids) <= len(ls.mention_ids)
                            or Levenshtein.distance(ls.surface.lower(), other.surface.lower(), score_cutoff=2) > 2):
                        continue
                    if getattr(names.compare(ls.surface, other.surface), "typo_candidate", False):
                        raise Declined(f"a typo: {ls.surface}", [ls.surface, other.surface])

    def _check_written_together(self, ls: LocalSurface, surfaces: list[LocalSurface]) -> None:
        """Decline when `ls` and another name of its article join one cluster as spellings the matcher keeps apart
        in one text ('Ossangena District', 'Ossingir District'; 'Varn Football League' before 'Varn Professional
        Football League')."""
        memo = MatcherMemo()
        for other in surfaces:
            if (other.key not in self.locals_ or other.surface <= ls.surface
                    or self.cluster.get(other.key) != self.cluster.get(ls.key)):
                continue
            type_a, type_b = self.types[ls.key], self.types[other.key]
            if memo.verdict(ls.surface, other.surface) is None:
                continue
            short, long_ = sorted((ls, other), key=lambda name: len(name.surface.split()))
            if (apart_when_written_together(ls.surface, other.surface, type_a, type_b)
                    or (apart_when_lengthened(ls.surface, other.surface, type_a, type_b)
                        and written_before(short, long_))):
                raise Declined(f"two alike names in one article: {ls.surface}", [ls.surface, other.surface])

    def _check_counts(self, rows: list[SurfaceRow]) -> None:
        """Decline when the new mentions exceed the margin of a decision a pass made by comparing the mention counts
        of a part of these names (`margins`), or when a name first given a religious title joins a cluster whose
        surnames a decision counted (which names an epithet may stand for is not a count); keep the margins left
        in `margins`."""
        by_cluster: dict[int, list[str]] = {}
        for r in rows:
            by_cluster.setdefault(r.cluster, []).append(r.surface)
        new: dict[int, Counter[str]] = {}
        for k, ls in self.locals_.items():
            new.setdefault(self.cluster[k], Counter())[ls.surface] += len(ls.mention_ids)
        persons = {ls.surface for k, ls in self.locals_.items() if self.types[k] == "PERSON"}
        added: Counter[str] = Counter()
        for cluster, counts in new.items():
            added.update(added_by_key(by_cluster.get(cluster, []), counts, persons))
        kept = {(r.cluster, r.surface): r.roles for r in rows}
        religious = {self.cluster[k] for k, ls in self.locals_.items()
                     if newly_religious(ls.roles, kept.get((self.cluster[k], ls.surface), {}), RELIGIOUS_TITLES)}
        left = spend_kept(self.store, added, surname_keys(r.surface for r in rows if r.cluster in religious))
        if isinstance(left, str):
            raise Declined(f"counts were compared: {left}")
        self.margins = left

    def _check_decisions(self, start: IncrementalInput, rows: list[SurfaceRow]) -> None:
        """Decline when an analyst's decision names a name of the clusters joined."""
        if start.decisions and decision_keys(start.decisions) & {"n:" + r.name_key for r in rows}:
            raise Declined("a decision names one of these entities")

    # ---- the rows to write ---------------------------------------------------------------

    def _build(self, rows: list[SurfaceRow], touched: list[int]) -> None:
        """Fill `links`, `rows` (the kept names changed), `entities` and `aliases` (all of each entity joined)."""
        kept = {(r.cluster, r.surface): r for r in rows}
        self.filed: list[tuple[str, int]] = []  # the keys new spellings file their clusters under
        self.judged: list[str] = []  # the new spellings the name matcher judged
        self.links: list[tuple[int, int]] = []
        changed: dict[tuple[int, str], SurfaceRow] = {}
        self.described: dict[int, set[str]] = {}  # the descriptions the new mentions give each cluster
        for k, ls in self.locals_.items():
            cluster = self.cluster[k]
            self.described.setdefault(cluster, set()).update(d for d, n in ls.descriptions.items() if n)
            row = kept.get((cluster, ls.surface))
            if row is None and k in self.new:  # kept as `cluster.surface_rows` keeps a name
                row = kept[(cluster, ls.surface)] = SurfaceRow(cluster, ls.surface, self.keys[k], self.types[k],
                                                               self._scoped(k), k[0], ls.position, 0, {}, {}, {}, {})
                self.filed += [(key, cluster) for key in link_keys(ls.surface, self.types[k])]
                if not self._scoped(k):
                    self.judged.append(ls.surface)  # the name matcher sees it (it is not a surname alone)
                rows.append(row)
            if row is None:
                raise Declined(f"a name new to its entity: {ls.surface}", [ls.surface])
            for total, part in ((row.labels, ls.labels), (row.roles, ls.roles), (row.titled, ls.titled),
                                (row.descriptions, ls.descriptions)):
                for name, n in part.items():
                    total[name] = total.get(name, 0) + n
            row.mentions += len(ls.mention_ids)
            changed[(cluster, ls.surface)] = row
            self.links += [(m, cluster) for m in ls.mention_ids]
        self.rows = list(changed.values())
        self.entities: list[EntityRow] = []
        self.aliases: list[EntityAliasRow] = []
        for cluster in touched:
            mine = sorted((r for r in rows if r.cluster == cluster), key=lambda r: (r.first_article, r.first_start))
            entity, aliases = self._entity(cluster, mine)
            self.entities.append(entity)
            self.aliases += aliases

    def _description(self, old: EntityRow, descriptions: Counter[str]) -> str | None:
        """Return the most frequent description of an entity as a full resolution picks it.

        On a tie it takes the one met first in its mentions' order (by article), which the kept names do
        not hold; but when no tied description gained a mention here, the tie is the one it broke last
        time (counts only grow: a description that did not grow and ties for the top tied before),
        and its pick is the stored one. Otherwise the store tells the first article giving each tied
        description (`Store.first_described`); two first given in one article decline (the order within
        it is not kept).
        """
        top = descriptions.most_common()
        tied = {d for d, n in top if n == top[0][1]} if top else set()
        if len(tied) < 2:
            return top[0][0] if top else None
        if old.description in tied and not tied & self.described.get(old.id, set()):
            return old.description
        first = self.store.first_described(old.id, tied)
        for k, ls in self.locals_.items():  # the new mentions, not in the kept clusters yet
            if self.cluster[k] == old.id:
                for d, n in ls.descriptions.items():
                    if n and d in tied:
                        first[d] = min(first.get(d, k[0]), k[0])
        met = sorted(tied, key=lambda d: first.get(d, -1))
        if len(met) != len(first):
            raise Declined(f"a tie of descriptions of {old.name}", cluster=old.id)
        if first[met[0]] != first[met[1]]:
            return met[0]
        return self._first_within(old, first[met[0]], {d for d in met if first[d] == first[met[0]]})

    def _first_within(self, old: EntityRow, article: int, tied: set[str]) -> str:
        """Return which of the `tied` descriptions the entity's mentions in `article` give first, in the order a
        full resolution meets them (its local surfaces there in order, each one's mentions in order)."""
        region = self.store.region([article], [])
        mine = {m for k, ls in self.locals_.items() if self.cluster[k] == old.id for m in ls.mention_ids}
        mentions = [m for m in region.mentions if region.clusters.get(m.id) == old.id or m.id in mine]
        for ls in _local_surfaces(mentions).values():
            for d in ls.descriptions:
                if d in tied:
                    return d
        raise Declined(f"a tie of descriptions of {old.name}", cluster=old.id)

    def _entity(self, cluster: int, rows: list[SurfaceRow]) -> tuple[EntityRow, list[EntityAliasRow]]:
        """Return the entity of a cluster built from its kept names as `cluster.build_entities` builds it, with the
        stored reasons of its aliases."""
        old = self.store.entity(cluster)
        if old is None:
            raise Declined("a rejected entity", cluster=cluster)
        counts: Counter[str] = Counter()
        labels: Counter[str] = Counter()
        roles: Counter[str] = Counter()
        descriptions: Counter[str] = Counter()
        titled: Counter[str] = Counter()
        for r in rows:
            counts[r.surface] += r.mentions
            labels.update(r.labels)
            roles.update(r.roles)
            descriptions.update(r.descriptions)
            titled.update(r.titled)
        country = _country_of(counts)
        person = not country and vote_type(counts.most_common(1)[0][0], labels, roles) == "PERSON"
        name = country or canonical_name(counts, person)
        if name != old.name:
            raise Declined(f"the name of {old.name} changes", cluster=cluster)
        type_ = "GPE" if country else vote_type(name, labels, roles)
        description = self._description(old, descriptions)
        stored = {a.alias: a for a in self.store.entity_aliases(cluster)}
        forms = dict(counts)
        forms.update((form, n) for form, n in titled.items() if form not in counts)
        new = {self.locals_[k].surface: why for k, why in self.reasons.items() if self.cluster[k] == cluster}
        # names only an alias statement gives (no mention, no kept name) stay as they are: no mention changes them
        stated = {form for form, a in stored.items() if a.count == 0 and form not in forms}
        if (set(stored) - set(forms) - stated or set(forms) - set(stored) - set(titled) - set(new)
                or set(new) & set(stored)):
            raise Declined(f"the aliases of {old.name} differ from its kept names", cluster=cluster)
        aliases = [_recount(stored[form], n) if form in stored
                   else _reasoned(cluster, form, n, new[form]) if form in new else _titled(cluster, form, n)
                   for form, n in forms.items()]
        aliases += [stored[form] for form in sorted(stated)]
        return EntityRow(cluster, name, type_, description), aliases


def _ends(st: Any) -> list[str]:
    """Return the names an alias statement joins, as its article's names are written."""
    return [form for text in (st.name, st.alias) for form in (clean_surface(text), written_form(text))]


def _titled(entity: int, form: str, count: int) -> EntityAliasRow:
    """Return the alias row of a form written with a title, as `cluster.entity_rows` writes it."""
    return _reasoned(entity, form, count, Reason(None, WrittenWithTitle()))


def _reasoned(entity: int, form: str, count: int, why: Reason) -> EntityAliasRow:
    """Return the alias row of a name joined for `why`, as `cluster.entity_rows` writes it."""
    a = AliasReason(form, count, why)
    return EntityAliasRow(entity, a.alias, a.count, a.reason, a.evidence, names.name_key(a.alias),
                          reason_pass=a.why.pass_name, reason_evidence=a.why.evidence.as_dict())


def _recount(alias: EntityAliasRow, count: int) -> EntityAliasRow:
    """Return a stored alias with a new count (its reason kept)."""
    return EntityAliasRow(alias.entity_id, alias.alias, count, alias.reason, alias.evidence, alias.name_key,
                          reason_pass=alias.reason_pass, reason_evidence=alias.reason_evidence)

