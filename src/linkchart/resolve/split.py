"""Resolution after articles with known and new names: the known names join their clusters from the kept names
(`attach`), only the others are resolved with the clusters they touch (`incremental`), in one write.

An added article often brings a new name or two beside names the store knows well, and a
known name may stand for an entity with thousands of mentions. Resolving the whole article
with the clusters its names touch reads all of those mentions; here the article's names are
parted in two:

- regional: a name never seen (or one `attach` declines, or one an unseen alias statement
  names), with every name its article joins it with (the article resolved alone), every name of
  its article sharing a word with it or a letter or two away from it (the passes inside an
  article relate names by their words), and every name whose cluster its keys pull in;
- the rest, which join the clusters holding them as `attach` decides, with the regional names
  of their articles in view (a surname alone declines when a regional full name could take it).

The regional names, their alias statements and the clusters their keys pull in are resolved
as `incremental.resolve_added` resolves a region; the clusters the other names join are not in
it, and no regional name can reach them (no key shared, no word shared within an article), so
a full resolution would join the same mentions. Both are stored in one transaction.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from linkchart.resolve import names
from linkchart.resolve.attach import Declined, _Plan
from linkchart.resolve.cluster import (
    LAST_RUN,
    ResolvedEntity,
    _local_surfaces,
    _vote_types,
    cluster_surfaces,
    statement_key,
)
from linkchart.resolve.incremental import Unsettled, pull, resolve_region
from linkchart.resolve.matcher_memo import MatcherMemo
from linkchart.resolve.narrow import narrow_pull, settled
from linkchart.resolve.passes import _local_for
from linkchart.resolve.surfaces import Key, LocalSurface, clean_surface, is_partial_person
from linkchart.store.base import AliasStatementRow, Attachment, IncrementalInput, Region, ResolverRows, Store

COMMON_WORDS = frozenset({"al", "el", "of", "the", "and"})  # words shared by names that relate them to nothing


def resolve_split(store: Store, start: IncrementalInput) -> tuple[bool, list[ResolvedEntity] | None]:
    """Return (True, the entities resolved or joined, once stored) when the names of the articles of `start`
    part into names that join their clusters and names resolved with the clusters they touch; (True, None) when a
    write changed the store meanwhile; (False, None) when they do not part (nothing stored)."""
    if start.decisions:  # a decision may name any of them: the region path re-resolves what decisions name
        return False, None
    added = store.region(start.articles, [])
    locals_ = _local_surfaces(added.mentions)
    for narrow in (True, False):  # known names followed only to their own clusters, else by all their keys
        parting = _Parting(store, start, added, locals_, narrow)
        found = parting.part()
        if found is None:
            return False, None
        plan, pulled, memo, witnesses = found
        drop = {m for k in plan.locals_ for m in locals_[k].mention_ids}
        said = {st.id for st in parting.attached_statements}
        region = store.region(start.articles, sorted(pulled))
        statements = [st for st in region.alias_statements if st.id not in said]
        ids = {st.id for st in statements}
        statements += [st for st in witnesses or [] if st.id not in ids]
        statements.sort(key=lambda st: (st.article_id, st.start, st.id))
        region = Region([m for m in region.mentions if m.id not in drop], statements, region.clusters)
        resolver = ResolverRows(clusters=plan.links, keys=plan.filed, articles=start.articles, names=plan.judged,
                                matches=[], next_cluster=start.next_cluster, surfaces=plan.rows,
                                margins=plan.margins)
        attached = Attachment(plan.links, plan.entities, plan.aliases, resolver) if plan.links else None
        try:
            entities = resolve_region(store, start, region, pulled, memo, attached,
                                      check=settled if witnesses is not None else None)
        except Unsettled:
            continue
        if entities is None:
            return True, None
        LAST_RUN.update(kind="split", attached=len(plan.links), narrow=witnesses is not None)
        by_entity: dict[int, list[int]] = {}
        for m, e in plan.links:
            by_entity.setdefault(e, []).append(m)
        return True, entities + [ResolvedEntity(e.name, e.type, e.description, [], sorted(by_entity[e.id]))
                                 for e in plan.entities]
    return False, None


class _NoPlan:
    """No name joins its cluster apart: every name is resolved in the region."""

    locals_: dict[Key, LocalSurface] = {}
    cluster: dict[Key, int] = {}
    links: list[tuple[int, int]] = []
    entities: list = []
    aliases: list = []
    rows: list = []
    filed: list = []
    judged: list = []
    margins: dict[str, int] = {}


NO_PLAN: _Plan = _NoPlan()  # type: ignore[assignment]


class _Parting:
    """The names of the new articles parted into groups, each either joining its clusters or resolved again."""

    def __init__(self, store: Store, start: IncrementalInput, added: Region,
                 locals_: dict[Key, LocalSurface], narrow: bool = False) -> None:
        """Part the names `locals_` of the articles `added`; `narrow`: follow known regional names only to their
        own clusters (`narrow.narrow_pull`) when that holds."""
        self.store, self.start, self.locals_, self.narrow = store, start, locals_, narrow
        self.statements = added.alias_statements
        self.voted = _vote_types(locals_)
        alone = cluster_surfaces(added.mentions, added.alias_statements, [])
        self.group: dict[Key, int] = {}
        self.regional: set[int] = set()
        for i, members in enumerate(alone.clusters().values()):
            for ls in members:
                if ls.key in locals_:
                    self.group[ls.key] = i
                else:
                    self.regional.add(i)  # a name only an alias statement gives
        keys = {names.name_key(ls.surface) for ls in locals_.values()} - {""}
        rows = store.surface_rows(keys=keys)
        known = {r.surface for r in rows}
        spelt = {r.name_key for r in rows}  # a new spelling of a known name may join its cluster apart (`attach`)
        for k, ls in locals_.items():
            if ((ls.surface not in known and names.name_key(ls.surface) not in spelt) or k[1] != ls.surface
                    or not names.name_key(ls.surface)):
                self.regional.add(self.group[k])
        by_article: dict[int, list[LocalSurface]] = {}
        for ls in locals_.values():
            by_article.setdefault(ls.key[0], []).append(ls)
        self.by_article = by_article
        self.ends = {st.id: [_local_for(st.article_id, clean_surface(text), locals_, by_article)
                             for text in (st.name, st.alias)] for st in self.statements}
        stated = store.clusters_by_key({statement_key(st.kind, st.name, st.alias) for st in self.statements})
        for st in self.statements:
            if statement_key(st.kind, st.name, st.alias) not in stated:
                self.regional |= {self.group[k] for k in self.ends[st.id] if k is not None}
        self.attached_statements: list[AliasStatementRow] = []

    def _attaching(self) -> dict[Key, LocalSurface]:
        return {k: ls for k, ls in self.locals_.items() if self.group[k] not in self.regional}

    def part(self) -> tuple[_Plan, set[int], MatcherMemo, list[AliasStatementRow] | None] | None:
        """Return the plan of the names that join their clusters, the clusters the others pull in, the name
        matcher's verdicts learnt and (narrow, else None) the acronym definitions to read with the region; None when
        no name joins its cluster apart, or the parting fails."""
        memo = MatcherMemo()  # the matcher's verdicts, kept from one try to the next
        for _ in range(len(set(self.group.values())) + 1):
            attaching = self._attaching()
            if not attaching or len(attaching) == len(self.locals_):
                LAST_RUN.update(split="no parting")
                return self._whole(memo)
            moved = self._statements_across(attaching) or self._words_across(attaching)
            if moved:
                self.regional |= moved
                continue
            try:
                plan = _Plan(self.store, self.start, attaching, self.attached_statements, self.locals_, self.voted)
            except Declined as why:
                moved = self._groups_of(why)
                if not moved:
                    LAST_RUN.update(split=str(why))
                    return self._whole(memo)
                self.regional |= moved
                continue
            regional = {k: ls for k, ls in self.locals_.items() if k not in attaching}
            others = [st for st in self.statements if st not in self.attached_statements]
            reach = (narrow_pull(self.store, self.start, regional, self.locals_, self.voted, others, memo)
                     if self.narrow else None)
            witnesses = None
            if reach is None:
                pulled, memo = pull(self.store, self.start, regional, self.voted, others, memo)
            else:
                pulled, witnesses = reach.pulled, reach.witnesses
            clash = pulled & set(plan.cluster.values())
            if clash:
                self.regional |= {self.group[k] for k, c in plan.cluster.items() if c in clash}
                continue
            return plan, pulled, memo, witnesses
        return self._whole(memo)

    def _whole(self, memo: MatcherMemo) -> tuple[_Plan, set[int], MatcherMemo, list[AliasStatementRow]] | None:
        """Return, when narrow, no plan and what every name of the articles pulls in (`narrow.narrow_pull`)."""
        if not self.narrow:
            return None
        self.attached_statements = []
        reach = narrow_pull(self.store, self.start, self.locals_, self.locals_, self.voted, self.statements, memo)
        if reach is None:
            return None
        return NO_PLAN, reach.pulled, memo, reach.witnesses

    def _statements_across(self, attaching: dict[Key, LocalSurface]) -> set[int]:
        """Return the joining groups an alias statement relates to a regional name (keeping the statements whose
        names all join their clusters in `attached_statements`)."""
        moved: set[int] = set()
        self.attached_statements = []
        for st in self.statements:
            ends = self.ends[st.id]
            inside = [k is not None and k in attaching for k in ends]
            if all(inside):
                self.attached_statements.append(st)
            elif any(inside):
                moved |= {self.group[k] for k in ends if k is not None and k in attaching}
        return moved

    def _words_across(self, attaching: dict[Key, LocalSurface]) -> set[int]:
        """Return the joining groups with a name sharing a word with, or a letter or two away from, a regional name
        of its article, where the passes inside an article may relate them: they relate names sharing a word only
        when one is a person's, a one-word name or a lower-case reference (partial names, head references,
        lower-case references), not two capitalised names of several words ('Velmora Liberation Front' and 'Orsk
        Liberation Front': the passes relating those work across articles and pull in by their keys)."""
        moved: set[int] = set()
        for surfaces in self.by_article.values():
            regional = [ls for ls in surfaces if ls.key not in attaching]
            for ls in surfaces:
                if ls.key not in attaching:
                    continue
                mine = _words(ls.surface)
                for other in regional:
                    if (mine & _words(other.surface)
                            and not (self._long_proper(ls) and self._long_proper(other))) or Levenshtein.distance(
                            ls.surface.lower(), other.surface.lower(), score_cutoff=2) <= 2:
                        moved.add(self.group[ls.key])
                        break
        return moved

    def _long_proper(self, ls: LocalSurface) -> bool:
        """Return True for a capitalised name of several words that is not a person's (as voted in its articles,
        nor as a partial name would be read)."""
        return (self.voted[ls.key] != "PERSON" and len(names.name_tokens(ls.surface)) > 1
                and any(c.isupper() for c in ls.surface) and not is_partial_person(ls.surface, "PERSON"))

    def _groups_of(self, why: Declined) -> set[int]:
        """Return the joining groups a decline is about (none when it names no name of the articles)."""
        named = set(why.names)
        if why.cluster is not None:
            named |= {r.surface for r in self.store.surface_rows(clusters=[why.cluster])}
        return {self.group[k] for k, ls in self.locals_.items()
                if ls.surface in named and self.group[k] not in self.regional}


def _words(surface: str) -> set[str]:
    """Return the lower-cased words of a name, but for words that relate names to nothing."""
    words = {w for part in names.name_parts(surface) for w in part.split()}
    return ({w.lower() for w in names.name_tokens(surface)} | words | set(surface.lower().split())) - COMMON_WORDS
