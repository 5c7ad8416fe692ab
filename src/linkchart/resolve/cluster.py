"""Resolve mentions into canonical entities across documents, and say why.

The unit of clustering is a *local surface*: one name as written in one article (all its
mentions there). Local surfaces are joined by a table of rules, each leaving a reason:

1. same transliteration key (full names, organisations, places, acronyms);
2. alias statements of the article (acronym definitions, 'known as', codenames);
3. a partial person name ('Sadr') to the one full name in the same article with that
   surname, else to the one such person in the corpus — never when two candidates exist;
4. the name matcher (`names.compare`) between full names of compatible types;
5. a possible typo, only when the same article also names the entity it is a typo of;
6. the analysts' decisions (merge, split, rename, reject), applied last, every time.

Only stored mention rows and alias statements are read, never document text, so a new
document's mentions resolve against existing entities without re-reading others.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from rapidfuzz.distance import Levenshtein

from linkchart import lexicon
from linkchart.resolve import names
from linkchart.resolve.national import national_key
from linkchart.resolve.typing import ORG_HEADS, head_type, vote_type
from linkchart.store.base import EntityAliasRow, EntityRow, Store


@dataclass
class LocalSurface:
    """One name as written in one article, with all its mentions there."""

    key: tuple[int, str]  # (article_id, surface)
    surface: str
    mention_ids: list[int] = field(default_factory=list)
    labels: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    descriptions: Counter[str] = field(default_factory=Counter)
    titled: Counter[str] = field(default_factory=Counter)  # forms written with a title ('Mr. Spyer')
    extra: bool = False  # named only by an alias statement, not by a mention


@dataclass
class AliasReason:
    """Why one alias belongs to its entity."""

    alias: str
    count: int
    reason: str
    evidence: str | None = None


@dataclass
class ResolvedEntity:
    """A canonical entity with its aliases, mentions and the reasons it holds together."""

    name: str
    type: str
    description: str | None
    aliases: list[AliasReason]
    mention_ids: list[int]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[tuple[int, str], tuple[int, str]] = {}
        self.why: dict[tuple[int, str], tuple[str, str | None]] = {}

    def add(self, x: tuple[int, str]) -> None:
        self.parent.setdefault(x, x)

    def find(self, x: tuple[int, str]) -> tuple[int, str]:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: tuple[int, str], b: tuple[int, str], reason: str, evidence: str | None = None) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
        # both ends keep their most informative reason, also when already joined another way;
        # a reason naming the other side ("partial name of 'X'") does not explain X itself
        for x in (a, b):
            if f"'{x[1]}'" in reason and not reason.startswith(("alias statement", "analyst")):
                continue
            if x not in self.why or _reason_rank(reason) < _reason_rank(self.why[x][0]):
                self.why[x] = (reason, evidence)
        return ra != rb


def resolve_store(store: Store) -> list[ResolvedEntity]:
    """Return the entities resolved from the store's mentions, after storing them."""
    entities = resolve(store.mentions(), store.alias_statements(), store.decisions())
    rows, aliases, links = [], [], []
    for i, e in enumerate(entities, start=1):
        rows.append(EntityRow(i, e.name, e.type, e.description))
        aliases += [EntityAliasRow(i, a.alias, a.count, a.reason, a.evidence) for a in e.aliases]
        links += [(m, i) for m in e.mention_ids]
    store.replace_entities(rows, aliases, links)
    return entities


def resolve(mentions: Iterable[Any], statements: Iterable[Any], decisions: Iterable[Any]) -> list[ResolvedEntity]:
    """Return canonical entities for mention rows, alias statement rows and decisions."""
    locals_ = _local_surfaces(mentions)
    uf = _UnionFind()
    for k in locals_:
        uf.add(k)
    by_article: dict[int, list[LocalSurface]] = defaultdict(list)
    for ls in locals_.values():
        by_article[ls.key[0]].append(ls)
    types = _vote_types(locals_)
    statements = list(statements)
    ambiguous = _ambiguous_aliases(statements)

    _join_same_key(locals_, types, uf, ambiguous)
    _join_alias_statements(statements, locals_, by_article, types, uf)
    _join_partials(locals_, by_article, types, uf)
    _join_short_org_names(locals_, types, uf)
    _join_org_cores(locals_, types, uf)
    _join_head_references(by_article, types, uf)
    _join_country_names(locals_, uf)
    _join_descriptions(locals_, types, uf)
    _join_national_names(locals_, uf)
    _join_parent_prefixed(locals_, types, uf)
    _join_lowercase_references(by_article, types, uf)
    _join_matcher(locals_, types, uf)
    _join_acronyms(locals_, uf)
    _join_typos(locals_, by_article, types, uf)
    overrides = _apply_decisions(decisions, locals_, uf)
    return _build_entities(locals_, uf, overrides)


# ---- local surfaces -------------------------------------------------------------------

def clean_surface(text: str) -> str:
    """Return the surface used for clustering: normalised, titles and a leading 'the' removed."""
    surface = names.strip_titles(names.normalize(text))
    if surface.lower().startswith("the "):
        surface = surface[4:]
    return surface.strip(" ,.;:'\"‘’“”()[]")


# Epithets of revered figures: 'Imam Hussein' in an article that also names 'Saddam Hussein' is not him
EPITHETS = lexicon.titles().epithets
# Religious titles: a name with an epithet may join a person the texts also give one of these
RELIGIOUS_TITLES = EPITHETS | lexicon.titles().religious


def _epithet(m: Any, surface: str) -> bool:
    role = (getattr(m, "role", None) or "").lower().rstrip(".")
    return role in EPITHETS and len(surface.split()) == 1


def _local_surfaces(mentions: Iterable[Any]) -> dict[tuple[int, str], LocalSurface]:
    out: dict[tuple[int, str], LocalSurface] = {}
    for m in mentions:
        surface = clean_surface(m.text)
        if not surface or not any(c.isalpha() for c in surface):
            continue
        # 'Imam Hussein' keeps a local surface of its own beside the article's plain 'Hussein'
        key = (m.article_id, f"{m.role} {surface}" if _epithet(m, surface) else surface)
        ls = out.get(key)
        if ls is None:
            ls = out[key] = LocalSurface(key, surface)
        ls.mention_ids.append(m.id)
        ls.labels[m.label] += 1
        if getattr(m, "role", None):
            ls.roles[m.role] += 1
            written = names.normalize(m.text)
            if m.role[:1].isupper() and not written.startswith(m.role):  # titles are capitalised, role nouns not
                ls.titled[f"{m.role} {written}"] += 1
        if getattr(m, "description", None):
            ls.descriptions[m.description] += 1
    return out


def _vote_types(locals_: dict[tuple[int, str], LocalSurface]) -> dict[tuple[int, str], str]:
    """Return each local surface's type, voted over every mention of that name in the corpus.

    A one-word name that is the surname of a person named in full somewhere is a person
    too, whatever the model labelled it ('Khazali' tagged ORG).
    """
    groups: dict[str, list[LocalSurface]] = defaultdict(list)
    for ls in locals_.values():
        groups[names.name_key(ls.surface) or ls.surface].append(ls)
    out: dict[tuple[int, str], str] = {}
    for group in groups.values():
        labels: Counter[str] = Counter()
        roles: Counter[str] = Counter()
        for ls in group:
            labels.update(ls.labels)
            roles.update(ls.roles)
        type_ = vote_type(group[0].surface, labels, roles)
        for ls in group:
            out[ls.key] = type_
    surnames = {part for k, ls in locals_.items() if out[k] == "PERSON"
                for part in names.name_parts(ls.surface)[1:]}
    for k, ls in locals_.items():
        parts = names.name_parts(ls.surface)
        if (len(parts) == 1 and parts[0] in surnames and out[k] in ("ORG", "PERSON")
                and not names.is_acronym(ls.surface)):
            out[k] = "PERSON"
    return out


def _is_partial_person(surface: str, type_: str) -> bool:
    """Return True for a one-word name that may be a person's surname ('Sadr', 'Khazali')."""
    return type_ == "PERSON" and len(names.name_parts(surface)) == 1 and not names.is_acronym(surface)


# ---- rules ----------------------------------------------------------------------------

def _ambiguous_aliases(statements: list[Any]) -> set[str]:
    """Return the keys of aliases that texts define as different things ('AAH' for two groups).

    Such an alias means what its own article says it means, so it is not joined across
    articles by its spelling. An acronym means what its definitions say; a text calling something
    else by it ('Daesh, also known as ISIS') names the same thing.
    """
    meanings: dict[str, list[str]] = defaultdict(list)
    defined = {names.name_key(clean_surface(st.alias)) for st in statements if st.kind == "acronym"}
    for st in statements:
        if st.kind != "acronym" and names.name_key(clean_surface(st.alias)) in defined:
            continue  # 'Daesh, also known as ISIS': another name for what the acronym was defined as
        name = clean_surface(st.name)
        for key in {names.name_key(clean_surface(st.alias)), names.name_key(_written_form(st.alias))}:
            if key and name and name not in meanings[key]:
                meanings[key].append(name)
    return {key for key, found in meanings.items()
            if any(not names.compare(a, b).is_match for a, b in combinations(found, 2))}


def _join_same_key(locals_: dict, types: dict, uf: _UnionFind, ambiguous: set[str] | None = None) -> None:
    """Rule 1: local surfaces with the same transliteration key are one entity.

    One-word person names are left to rule 3, since a surname alone may name two people; an
    alias defined as different things in different texts, and a lower-case reference, join only
    within their article.
    """
    ambiguous = ambiguous or set()
    groups: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for k, ls in locals_.items():
        key = names.name_key(ls.surface)
        if not key:
            continue
        if _is_partial_person(ls.surface, types[k]) or key in ambiguous or ls.surface.islower():
            key = f"{k[0]}|{key}"  # only within one article ('the coalition' is whichever one the article named)
            if k[1] != ls.surface:
                key += f"|{k[1]}"  # 'Imam Hussein' is not the article's other 'Hussein'
        groups[key].append(k)
    for k, ls in locals_.items():
        calque = names.english_calque(ls.surface)
        if calque and names.name_key(ls.surface) not in ambiguous and names.name_key(calque) in groups:
            groups[names.name_key(calque)].append(k)  # 'Jaysh al-Mahdi' joins the 'Mahdi Army'
    for members in groups.values():
        first = members[0]
        for other in members[1:]:
            if locals_[other].surface == locals_[first].surface:
                reason = "same name"
            elif names.english_calque(locals_[other].surface):
                reason = f"translation of '{locals_[first].surface}' (Arabic organisation word)"
            else:
                reason = f"same transliteration key as '{locals_[first].surface}'"
            uf.union(first, other, reason)


def _join_alias_statements(statements: Iterable[Any], locals_: dict, by_article: dict, types: dict,
                           uf: _UnionFind) -> None:
    """Rule 2: what an article says is the same thing ('X (AAH)', 'known as', codenames)."""
    for st in statements:
        article = st.article_id
        evidence = getattr(st, "sentence", None)
        reason = f"alias statement ({st.kind}): '{st.alias}' for '{st.name}'"
        ends = []
        for text in (st.name, st.alias):
            found = _local_for(article, clean_surface(text), locals_, by_article)
            ends.append(found)
        if ends[0] is None and ends[1] is None:
            continue
        fallback = types.get(ends[0] or ends[1], "ORG")
        for i, text in enumerate((st.name, st.alias)):
            written = _written_form(text)
            if ends[i] is None:
                ends[i] = _extra_surface(article, written, locals_, uf, types, fallback)
            elif written != locals_[ends[i]].surface:
                # keep the form as stated ('Hajj Yusif') beside the surface it resolved to ('Yusif')
                extra = _extra_surface(article, written, locals_, uf, types, fallback)
                if extra:
                    uf.union(ends[i], extra, reason, evidence)
        if ends[0] and ends[1]:
            uf.union(ends[0], ends[1], reason, evidence)


def _written_form(text: str) -> str:
    """Return a name as an alias statement wrote it: normalised, without a leading 'the'."""
    form = names.normalize(text).strip(" ,.;:'\"‘’“”()[]")
    return form[4:] if form.lower().startswith("the ") else form


def _local_for(article: int, surface: str, locals_: dict, by_article: dict) -> tuple[int, str] | None:
    if not surface:
        return None
    if (article, surface) in locals_:
        return (article, surface)
    key = names.name_key(surface)
    for ls in by_article.get(article, []):
        if names.name_key(ls.surface) == key:
            return ls.key
    return None


def _extra_surface(article: int, surface: str, locals_: dict, uf: _UnionFind, types: dict,
                   type_: str) -> tuple[int, str] | None:
    """Add a name known only from an alias statement (no mention of it was found)."""
    if not surface or not any(c.isalpha() for c in surface):
        return None
    key = (article, surface)
    if key not in locals_:
        locals_[key] = LocalSurface(key, surface, extra=True)
        types[key] = type_
        uf.add(key)
    return key


def _join_partials(locals_: dict, by_article: dict, types: dict, uf: _UnionFind) -> None:
    """Rule 3: a surname alone joins the one full name it can stand for."""
    full_by_token: dict[str, set[tuple[int, str]]] = defaultdict(set)
    # 'Mr. Mahdi' for 'Adil Abdul-Mahdi': a press shortening, trusted only within one article
    abd_tails: dict[str, set[tuple[int, str]]] = defaultdict(set)
    for k, ls in locals_.items():
        parts = names.name_parts(ls.surface)
        if types[k] == "PERSON" and len(parts) >= 2:
            for part in parts[1:]:  # surnames and later names, not the given name
                full_by_token[part].add(k)  # parts are transliteration keys
                if part.startswith("abd "):
                    abd_tails[part[4:]].add(k)
    unresolved: list[tuple[int, str]] = []
    titled_religious: list[tuple[int, str]] | None = None  # found once, on the first name under an epithet
    for k, ls in locals_.items():
        if not _is_partial_person(ls.surface, types[k]):
            continue
        token = names.name_parts(ls.surface)[0]
        same_article = {c for c in full_by_token.get(token, set()) if c[0] == k[0]}
        if not same_article:
            same_article = {c for c in abd_tails.get(token, set()) if c[0] == k[0]}
        if k[1] != ls.surface:  # 'Imam Hussein': only a person the texts also call by a religious title
            if titled_religious is None:
                titled_religious = _religious_titled(locals_)
            religious = {uf.find(r) for r in titled_religious}
            anywhere = {c for c in full_by_token.get(token, set()) if uf.find(c) in religious}
            best = _dominant({c for c in anywhere if c[0] == k[0]}, locals_, uf, ratio=2.0)
            where = "in the same article"
            if best is None:
                best, where = _dominant(anywhere, locals_, uf, ratio=3.0), "with a religious title in the corpus"
            if best is not None:
                uf.union(best, k, f"partial name of '{locals_[best].surface}' {where}")
            continue
        best = _dominant(same_article, locals_, uf, ratio=2.0)
        if best is not None:
            uf.union(best, k, f"partial name of '{locals_[best].surface}' in the same article")
        elif not same_article and not _joined_to_full_name(k, by_article, uf, types):
            unresolved.append(k)
    # the same surname left alone in several articles is one node, unless a full name claims it
    by_token: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for k in unresolved:
        by_token[names.name_parts(locals_[k].surface)[0]].append(k)
    for token, group in by_token.items():
        for k in group[1:]:
            uf.union(group[0], k, f"same surname as '{locals_[group[0]].surface}' (no full name in context)")
        best = _dominant(full_by_token.get(token, set()), locals_, uf, ratio=3.0)
        if best is not None:
            uf.union(best, group[0], f"partial name of '{locals_[best].surface}', the person most named "
                                     "with that name in the corpus")


def _religious_titled(locals_: dict) -> list[tuple[int, str]]:
    """Return the local surfaces some mention of which carries a religious title ('Ayatollah X')."""
    return [k for k, ls in locals_.items() if any(r.lower().rstrip(".") in RELIGIOUS_TITLES for r in ls.roles)]


def _joined_to_full_name(k: tuple[int, str], by_article: dict, uf: _UnionFind, types: dict) -> bool:
    """Return True when a name already belongs to a person named in full (by an alias statement)."""
    root = uf.find(k)
    return any(uf.find(ls.key) == root and types[ls.key] == "PERSON" and len(names.name_parts(ls.surface)) >= 2
               for ls in by_article.get(k[0], []))


def _dominant(candidates: set[tuple[int, str]], locals_: dict, uf: _UnionFind,
              ratio: float) -> tuple[int, str] | None:
    """Return a candidate entity named `ratio` times as often as any other, if there is one."""
    counts: Counter[tuple[int, str]] = Counter()
    rep: dict[tuple[int, str], tuple[int, str]] = {}
    for c in candidates:
        root = uf.find(c)
        counts[root] += len(locals_[c].mention_ids)
        rep.setdefault(root, c)
    top = counts.most_common(2)
    if not top:
        return None
    if len(top) == 1 or top[0][1] >= ratio * top[1][1]:
        return rep[top[0][0]]
    return None


def _cluster_counts(locals_: dict, uf: _UnionFind) -> Counter[tuple[int, str]]:
    """Return the number of mentions under each current root."""
    counts: Counter[tuple[int, str]] = Counter()
    for k, ls in locals_.items():
        counts[uf.find(k)] += len(ls.mention_ids)
    return counts


def _join_short_org_names(locals_: dict, types: dict, uf: _UnionFind) -> None:
    """A one-word name joins the one longer name it begins ('Asaib' → 'Asaib Ahl al-Haq', 'Golan').

    Organisations: only when the longer name is not a word plus a head noun ('Hezbollah
    Brigades' is another group). Places: only when it is ('Golan Heights', 'Mediterranean Sea').
    The longer name must be named at least as often as the short form.
    """
    starts: dict[str, set[tuple[int, str]]] = defaultdict(set)
    for k, ls in locals_.items():
        parts = names.name_parts(ls.surface)
        if types[k] in ("ORG", "LOC", "FAC") and len(parts) >= 2 and not names.is_acronym(ls.surface):
            starts[parts[0]].add(k)
    counts = _cluster_counts(locals_, uf)
    for k, ls in locals_.items():
        parts = names.name_parts(ls.surface)
        if types[k] not in ("ORG", "LOC", "FAC") or len(parts) != 1 or names.is_acronym(ls.surface):
            continue
        # an organisation's 'X Brigades' is another group; a place's 'X Heights' is the same place
        candidates = {c for c in starts.get(parts[0], set()) if types[c] == types[k]
                      and _head_phrase(locals_[c].surface) == (types[k] != "ORG")}
        target = _dominant(candidates, locals_, uf, ratio=3.0)
        if target is None:
            continue
        root = uf.find(target)
        if counts[root] >= counts[uf.find(k)] and uf.find(k) != root:
            uf.union(target, k, f"short form of '{locals_[target].surface}'")


def _join_org_cores(locals_: dict, types: dict, uf: _UnionFind) -> None:
    """Organisation names that differ only by qualifiers and head words are one organisation.

    'Revolutionary Guards', 'Iranian Revolutionary Guard' and 'Islamic Revolutionary Guard
    Corps' share the core 'Revolutionary Guard'. Both names need a head word of one kind
    ('Hezbollah' and 'Hezbollah Brigades' are two groups, so are 'Quds Force' and 'Quds
    Brigade') and no two nations may differ ('Iraqi Army', 'US Army').
    """
    groups: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for k, ls in locals_.items():
        if types[k] != "ORG" or names.is_acronym(ls.surface) or " of " in ls.surface:
            continue  # 'Brigades of the X' is a unit of X, not X
        core, _quals, heads = names.org_core(ls.surface)
        if core and heads:
            groups[core].append(k)
    counts = _cluster_counts(locals_, uf)
    for members in groups.values():
        roots = {uf.find(k) for k in members}
        if len(roots) < 2:
            continue
        anchor = max(members, key=lambda k: counts[uf.find(k)])
        anchor_heads = names.org_core(locals_[anchor].surface)[2]
        for k in members:
            if uf.find(k) == uf.find(anchor) or names.nations_conflict(locals_[k].surface, locals_[anchor].surface):
                continue
            if not names.org_core(locals_[k].surface)[2] & anchor_heads:
                continue  # 'Quds Brigade' and 'Quds Force' are different units
            uf.union(anchor, k, f"same organisation as '{locals_[anchor].surface}' (qualifiers aside)")


def _join_head_references(by_article: dict, types: dict, uf: _UnionFind) -> None:
    """A bare head word ('the Forum', 'the Guards') names the one organisation of its article with that head."""
    for surfaces in by_article.values():
        for ls in surfaces:
            words = names.name_tokens(ls.surface)
            if types[ls.key] != "ORG" or len(words) != 1:
                continue
            heads = names.org_core(ls.surface)[2]
            last = names.translit_key(words[0].lower())
            if not heads and words[0].lower() not in ORG_HEADS:
                continue
            owners = {uf.find(o.key): o for o in surfaces
                      if o is not ls and types[o.key] == "ORG" and len(names.name_tokens(o.surface)) > 1
                      and " of " not in o.surface
                      and (names.org_core(o.surface)[2] & heads
                           or names.translit_key(names.name_tokens(o.surface)[-1].lower()) == last)}
            if len(owners) == 1:
                target = next(iter(owners.values()))
                uf.union(target.key, ls.key, f"short reference to '{target.surface}' in the same article")


def _head_phrase(surface: str) -> bool:
    """Return True for 'Word Head' names ('Hezbollah Brigades'): a name plus an organisation noun."""
    return len(names.name_tokens(surface)) == 2 and head_type(surface) is not None


def _join_acronyms(locals_: dict, uf: _UnionFind) -> None:
    """An acronym no text defined joins the one entity whose name it abbreviates ('PMU')."""
    expansions: dict[str, set[tuple[int, str]]] = defaultdict(set)
    for k, ls in locals_.items():
        if not names.is_acronym(ls.surface) and len(names.name_tokens(ls.surface)) >= 2:
            for acronym in names.acronym_of(ls.surface):
                expansions[acronym.upper()].add(k)
    gazetteer = lexicon.countries().names
    for k, ls in locals_.items():
        if not names.is_acronym(ls.surface) or ls.surface.replace(".", "").casefold() in gazetteer:
            continue  # 'USA' is a country's name before it is anybody's initials
        candidates = expansions.get(ls.surface.replace(".", "").upper(), set())
        roots = {uf.find(c): c for c in candidates}
        if len(roots) == 1:
            target = next(iter(roots.values()))
            uf.union(target, k, f"acronym of '{locals_[target].surface}' (initials)")


def _join_matcher(locals_: dict, types: dict, uf: _UnionFind) -> None:
    """Rule 4: the name matcher joins spelling variants of full names of compatible types."""
    reps: dict[str, tuple[int, str]] = {}
    for k, ls in locals_.items():
        if _is_partial_person(ls.surface, types[k]) or _descriptive(ls.surface):
            continue  # 'US forces' and 'US Special Forces' are descriptions, not spellings of one name
        reps.setdefault(ls.surface, k)
    blocks: dict[str, list[str]] = defaultdict(list)
    for surface in reps:
        for block in _block_keys(surface):
            blocks[block].append(surface)
    seen: set[tuple[str, str]] = set()
    for members in blocks.values():
        if len(members) > 200:  # a block this large is a common word, not a name
            continue
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                pair = (a, b) if a < b else (b, a)
                if pair in seen:
                    continue
                seen.add(pair)
                ka, kb = reps[a], reps[b]
                if uf.find(ka) == uf.find(kb):
                    continue  # types are not compared: the model's labels on place names are unreliable
                match = names.compare(a, b)
                if match.is_match and not match.partial:
                    uf.union(ka, kb, "name matcher: " + "; ".join(match.reasons))


def _join_country_names(locals_: dict, uf: _UnionFind) -> None:
    """Other names of one country are one entity ('USA', 'America', 'United States')."""
    gazetteer = lexicon.countries().names
    _join_by_key(locals_, uf, lambda surface: gazetteer.get(surface.replace(".", "").casefold()),
                 lambda canonical, _first: f"another name of {canonical} (country gazetteer)")


def _join_by_key(locals_: dict, uf: _UnionFind, key_of: Callable[[str], str | None],
                 reason: Callable[[str, str], str]) -> None:
    """Join every local surface to the first one with the same key; `reason(key, first surface)` says why."""
    first: dict[str, tuple[int, str]] = {}
    for k, ls in locals_.items():
        key = key_of(ls.surface)
        if key is None:
            continue
        if key in first:
            uf.union(first[key], k, reason(key, locals_[first[key]].surface))
        else:
            first[key] = k


def _join_descriptions(locals_: dict, types: dict, uf: _UnionFind) -> None:
    """Descriptions that differ by a lower-case modifier are one thing ('US forces', 'US armed forces').

    Their capitalised words must be the same and their last word (the head) too.
    """
    groups: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for k, ls in locals_.items():
        if types[k] != "ORG" or not _descriptive(ls.surface):
            continue
        words = names.normalize(ls.surface).split()
        capitals = " ".join(w.replace(".", "") for w in words if w[:1].isupper())
        if capitals:
            groups[(capitals, words[-1].lower())].append(k)
    for members in groups.values():
        for k in members[1:]:
            short, long_ = sorted((locals_[members[0]].surface, locals_[k].surface), key=len)
            extra = set(long_.lower().split()) - set(short.lower().split())
            if all(w.islower() for w in extra):
                uf.union(members[0], k, f"the same description as '{locals_[members[0]].surface}'")


def _join_national_names(locals_: dict, uf: _UnionFind) -> None:
    """One nation's body or one frontier, however worded, is one entity ('Iraq's parliament', 'Iraqi Parliament')."""
    _join_by_key(locals_, uf, national_key, lambda _key, first: f"the same national body or frontier as '{first}'")


def _join_parent_prefixed(locals_: dict, types: dict, uf: _UnionFind) -> None:
    """A unit named after its parent is the unit: 'Islamic Revolutionary Guard Corps Quds Force' and
    'IRGC-Qods Force' are the 'Quds Force' when both the parent and the unit are named on their own."""
    orgs: dict[str, tuple[int, str]] = {}
    for k, ls in locals_.items():
        if types[k] == "ORG":
            orgs.setdefault(names.name_key(ls.surface), k)
    for k, ls in locals_.items():
        words = names.name_tokens(ls.surface)
        if types[k] != "ORG" or len(words) < 3:
            continue
        for i in range(len(words) - 2, 0, -1):  # the longest parent first
            parent, unit = orgs.get(names.name_key(" ".join(words[:i]))), " ".join(words[i:])
            target = orgs.get(names.name_key(unit))
            if parent and target and head_type(unit) == "ORG" and uf.find(target) != uf.find(k):
                uf.union(target, k, f"'{locals_[target].surface}' named with its parent '{locals_[parent].surface}'")
                break


def _join_lowercase_references(by_article: dict, types: dict, uf: _UnionFind) -> None:
    """A lower-case reference ('the coalition', 'coalition forces') names the one organisation of its
    article whose capitalised name holds its words ('US-led coalition forces')."""
    for surfaces in by_article.values():
        for ls in surfaces:
            if types[ls.key] != "ORG" or any(c.isupper() for c in ls.surface):
                continue
            words = ls.surface.split()
            owners = {uf.find(o.key): o for o in surfaces
                      if o is not ls and types[o.key] == "ORG" and any(c.isupper() for c in o.surface)
                      and _holds(o.surface.lower().split(), words)}
            if len(owners) == 1:
                target = next(iter(owners.values()))
                uf.union(target.key, ls.key, f"lower-case reference to '{target.surface}' in the same article")


def _holds(name: list[str], words: list[str]) -> bool:
    """Return True when `words` occur in `name` in order and end at its last word or the one before it."""
    n = len(words)
    return any(name[i:i + n] == words for i in (len(name) - n, len(name) - n - 1) if i >= 0)


def _descriptive(surface: str) -> bool:
    """Return True for a description made of common words ('Iraqi armed forces', 'US forces')."""
    words = names.normalize(surface).split()
    return len(words) > 1 and any(w[:1].islower() and not w.startswith(("al-", "el-")) and w not in {"al", "of", "the"}
                                  for w in words)


def _block_keys(surface: str) -> set[str]:
    toks = [names.translit_key(t) for t in names.name_tokens(surface)]
    toks = [t for t in toks if len(t) >= 3]
    return {t[:3] for t in toks}


def _join_typos(locals_: dict, by_article: dict, types: dict, uf: _UnionFind) -> None:
    """Rule 5: a possible typo joins only a name the same article also uses."""
    for surfaces in by_article.values():
        for ls in surfaces:
            for other in surfaces:
                if other is ls or uf.find(ls.key) == uf.find(other.key):
                    continue
                if len(other.mention_ids) <= len(ls.mention_ids):
                    continue  # the typo is the rarer spelling
                if Levenshtein.distance(ls.surface.lower(), other.surface.lower(), score_cutoff=2) > 2:
                    continue  # cheap first test: a typo is a letter or two away
                match = names.compare(ls.surface, other.surface)
                if getattr(match, "typo_candidate", False):
                    uf.union(other.key, ls.key, f"likely typo of '{other.surface}' in the same article")


# ---- decisions ------------------------------------------------------------------------

@dataclass
class _Overrides:
    names: dict[tuple[int, str], str] = field(default_factory=dict)  # root → canonical name
    rejected: set[tuple[int, str]] = field(default_factory=set)


def _apply_decisions(decisions: Iterable[Any], locals_: dict, uf: _UnionFind) -> _Overrides:
    """Rule 6: re-apply the analysts' merges, splits, renames and rejections in order."""
    overrides = _Overrides()
    renamed_from: dict[str, str] = {}  # a name given by rename → a surface of that entity

    def find(name: str) -> tuple[int, str] | None:
        seen = set()
        while name in renamed_from and name not in seen:
            seen.add(name)
            name = renamed_from[name]
        return _find_surface(name, locals_, uf)

    renames: list[tuple[tuple[int, str], str]] = []
    rejected: list[tuple[int, str]] = []
    for d in decisions:
        args = d.args
        if d.kind == "merge":
            a, b = find(args["a"]), find(args["b"])
            if a and b:
                uf.union(a, b, "analyst decision: merge")
        elif d.kind == "split":
            entity = find(args["entity"])
            if entity is not None:
                alias = clean_surface(args["alias"])
                root = uf.find(entity)
                _detach([k for k in locals_ if locals_[k].surface == alias and uf.find(k) == root], uf)
        elif d.kind == "rename":
            entity = find(args["entity"])
            if entity is not None:
                renamed_from[args["name"]] = locals_[entity].surface
                renames.append((entity, args["name"]))
        elif d.kind == "reject":
            entity = find(args["entity"])
            if entity is not None:
                rejected.append(entity)
    for entity, name in renames:
        overrides.names[uf.find(entity)] = name
    overrides.rejected = {uf.find(k) for k in rejected}
    return overrides


def _find_surface(name: str, locals_: dict, uf: _UnionFind) -> tuple[int, str] | None:
    """Return a local surface spelled `name` (the most mentioned one), or None."""
    surface = clean_surface(name)
    hits = [k for k, ls in locals_.items() if ls.surface == surface]
    if not hits:
        key = names.name_key(surface)
        hits = [k for k, ls in locals_.items() if names.name_key(ls.surface) == key]
    if not hits:
        return None
    return max(hits, key=lambda k: len(locals_[k].mention_ids))


def _detach(moved: list[tuple[int, str]], uf: _UnionFind) -> None:
    """Rebuild the union-find so the moved surfaces form their own entity."""
    if not moved:
        return
    moved_set = set(moved)
    groups: dict[tuple[int, str], list[tuple[int, str]]] = defaultdict(list)
    for k in list(uf.parent):
        groups[uf.find(k)].append(k)
    for members in groups.values():
        if not moved_set & set(members):
            continue
        for k in members:
            uf.parent[k] = k
        rest = [k for k in members if k not in moved_set]
        mine = [k for k in members if k in moved_set]
        for group in (rest, mine):
            for k in group[1:]:
                uf.parent[k] = group[0]
        for k in mine:
            uf.why[k] = ("analyst decision: split", None)


# ---- output ---------------------------------------------------------------------------

def _build_entities(locals_: dict, uf: _UnionFind, overrides: _Overrides) -> list[ResolvedEntity]:
    clusters: dict[tuple[int, str], list[LocalSurface]] = defaultdict(list)
    for k, ls in locals_.items():
        clusters[uf.find(k)].append(ls)
    entities = []
    for root, members in clusters.items():
        if root in overrides.rejected:
            continue
        mention_ids = [m for ls in members for m in ls.mention_ids]
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
        aliases += [AliasReason(form, n, "written with a title") for form, n in titled.most_common()
                    if form not in known]
        description = descriptions.most_common(1)[0][0] if descriptions else None
        entities.append(ResolvedEntity(name, type_, description, aliases, sorted(mention_ids)))
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
        full = int(person and len(names.name_parts(s)) >= 2)
        # a full name before a surname; among full names, the one written most often
        return (int(named), full, int(frequent), int(not shouted), min(tokens, 2), counts[s], -tokens)

    return max(forms, key=rank)


def _alias_reasons(members: list[LocalSurface], counts: Counter[str], name: str,
                   uf: _UnionFind) -> list[AliasReason]:
    reasons: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for ls in members:
        reasons[ls.surface].append(uf.why.get(ls.key, ("same entity", None)))
    out = []
    for surface, found in reasons.items():
        if surface == name:
            reason, evidence = "canonical name", None
        else:
            reason, evidence = min(found, key=lambda r: _reason_rank(r[0]))
        out.append(AliasReason(surface, counts[surface], reason, evidence))
    return sorted(out, key=lambda a: (-a.count, a.alias))


REASON_ORDER = lexicon.merge_reasons()


def _reason_rank(reason: str) -> int:
    """Return how informative a reason is (lower is more): an alias statement beats 'same name'."""
    return next((i for i, prefix in enumerate(REASON_ORDER) if reason.startswith(prefix)), len(REASON_ORDER))
