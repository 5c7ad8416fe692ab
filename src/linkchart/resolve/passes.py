"""The join passes: the rules that join local surfaces into entities, as an ordered table.

`PASSES` lists them in the order they run. Each pass reads the shared `Resolution` (local
surfaces, their types, the alias statements, the union-find so far) and joins pairs of
surfaces with `join(a, b, evidence)`; the join records a `reasons.Reason` carrying the
pass's name and the evidence. Later passes see earlier joins: a surname is only left alone
when no full name claimed it first, the matcher skips names already one entity.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, Protocol

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from linkchart import lexicon
from linkchart.resolve import names
from linkchart.resolve.blocking import candidate_pairs
from linkchart.resolve.compare import PLACE_HEADS
from linkchart.resolve.margins import (
    COUNTED_CORE,
    COUNTED_FIRST_WORD,
    COUNTED_SURNAME,
    UNBOUNDED,
    dominance_margin,
    lead_margin,
    order_margin,
)
from linkchart.resolve.matcher_memo import MatcherMemo
from linkchart.resolve.name_numbers import name_numbers, series_numbers
from linkchart.resolve.name_parts import parse_name
from linkchart.resolve.named_after import named_after_figure
from linkchart.resolve.national import national_key
from linkchart.resolve.reasons import (
    Acronym,
    AliasStatement,
    CountryName,
    Evidence,
    LegalForm,
    LikelyTypo,
    LowercaseReference,
    NameMatch,
    NationalBody,
    ParentPrefixed,
    PartialName,
    PlacePrefixed,
    Reason,
    SameDescription,
    SameKey,
    SameName,
    SameOrganisation,
    SameSurname,
    ShortForm,
    ShortReference,
    Translation,
)
from linkchart.resolve.region import description_like
from linkchart.resolve.surfaces import Key, LocalSurface, clean_surface, is_partial_person, written_form
from linkchart.resolve.typing import ORG_HEADS, ROLE_TYPES, head_type
from linkchart.resolve.unionfind import UnionFind

LEGAL_FORMS = lexicon.organisations().legal_forms


class Join(Protocol):
    """Join two local surfaces for the given evidence (and the sentence stating it); True when they were apart."""

    def __call__(self, a: Key, b: Key, evidence: Evidence, sentence: str | None = None) -> bool: ...


@dataclass
class Resolution:
    """What the join passes share: the local surfaces, their types, the alias statements and the joins so far.

    `countries` is the country gazetteer (folded variant → canonical name) and
    `religious_titles` the titles a name under an epithet may be joined through.
    """

    locals_: dict[Key, LocalSurface]
    by_article: dict[int, list[LocalSurface]]  # the surfaces named by mentions, per article
    types: MutableMapping[Key, str]
    statements: list[Any]
    uf: UnionFind
    countries: Mapping[str, str]
    religious_titles: frozenset[str]
    matcher: MatcherMemo = field(default_factory=lambda: MatcherMemo())
    ambiguous: set[str] = field(default_factory=set)  # keys of aliases defined as different things
    # what the passes decided by comparing mention counts ('x:p:' surname, 'x:s:' first word, 'x:o:' core), each
    # with its margin: how many more mentions of names with that part no decision under the key can change
    # (`resolve.margins`); a new mention beyond it may change the decision (`attach`)
    consulted: dict[str, int] = field(default_factory=dict)

    def counted(self, key: str, margin: int) -> None:
        """Record that a pass decided by the counts under `key`, which `margin` more mentions cannot change."""
        self.consulted[key] = min(margin, self.consulted.get(key, margin))

    def joiner(self, pass_name: str) -> Join:
        """Return the `join` a pass calls: it records each join as a reason of `pass_name`."""
        reasons: dict[Reason, Reason] = {}  # one object per distinct reason: most joins give the same one

        def join(a: Key, b: Key, evidence: Evidence, sentence: str | None = None) -> bool:
            reason = Reason(pass_name, evidence, sentence)
            return self.uf.union(a, b, reasons.setdefault(reason, reason))
        return join

    def add_extra(self, article: int, surface: str, type_: str) -> Key | None:
        """Add a name known only from an alias statement (no mention of it was found); return its key."""
        if not surface or not any(c.isalpha() for c in surface):
            return None
        key = (article, surface)
        if key not in self.locals_:
            self.locals_[key] = LocalSurface(key, surface, extra=True)
            self.types[key] = type_
            self.uf.add(key)
        return key


@dataclass(frozen=True)
class JoinPass:
    """One named join rule: the function that runs it and the kinds of evidence its joins record."""

    name: str
    func: Callable[[Resolution, Join], None]
    records: tuple[type[Evidence], ...]
    reads_statements: bool = False  # whether it reads `Resolution.statements` (after the last such, they go)

    @property
    def description(self) -> str:
        """Return what the pass joins: the first paragraph of its function's docstring."""
        return " ".join((self.func.__doc__ or "").split("\n\n")[0].split())

    def run(self, resolution: Resolution) -> None:
        """Run the pass over `resolution`, recording its joins under the pass's name."""
        self.func(resolution, resolution.joiner(self.name))


# ---- same key -------------------------------------------------------------------------

def alias_keys(alias: str) -> set[str]:
    """Return the keys under which a statement gives its alias a meaning: as cleaned and as written."""
    return {names.name_key(clean_surface(alias)), names.name_key(written_form(alias))} - {""}


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
        for key in alias_keys(st.alias):
            if name and name not in meanings[key]:
                meanings[key].append(name)
    return {key for key, found in meanings.items()
            if any(not names.compare(a, b).is_match for a, b in combinations(found, 2))}


def _join_same_key(r: Resolution, join: Join) -> None:
    """Local surfaces with the same transliteration key are one entity; so is an Arabic organisation
    name and its English translation ('Jaysh al-Mahdi', 'Mahdi Army').

    One-word person names are left to the partial-name pass, since a surname alone may name two
    people; an alias defined as different things in different texts, and a lower-case reference,
    join only within their article.
    """
    locals_, types = r.locals_, r.types
    ambiguous = r.ambiguous = _ambiguous_aliases(r.statements)
    groups: dict[str, list[Key]] = defaultdict(list)
    for k, ls in locals_.items():
        key = names.name_key(ls.surface)
        if not key:
            continue
        if (is_partial_person(ls.surface, types[k]) or key in ambiguous or ls.surface.islower()
                or bare_head(ls.surface, types[k])):
            key = f"{k[0]}|{key}"  # only within one article ('the coalition', 'the Palace': whichever it named)
            if k[1] != ls.surface:
                key += f"|{k[1]}"  # 'Imam Hussein' is not the article's other 'Hussein'
        groups[key].append(k)
    for k, ls in locals_.items():
        calque = names.english_calque(ls.surface)
        if calque and names.name_key(ls.surface) not in ambiguous and names.name_key(calque) in groups:
            groups[names.name_key(calque)].append(k)  # 'Jaysh al-Mahdi' joins the 'Mahdi Army'
    for members in (part for group in groups.values() for numbered in _by_numbers(group, locals_)
                    for part in _by_figure_or_place(numbered, locals_)):
        first = members[0]
        for other in members[1:]:
            evidence: Evidence
            if locals_[other].surface == locals_[first].surface:
                evidence = SameName()
            elif names.english_calque(locals_[other].surface):
                evidence = Translation(locals_[first].surface)
            else:
                evidence = SameKey(locals_[first].surface, names.name_key(locals_[other].surface))
            join(first, other, evidence)


def _by_numbers(members: list[Key], locals_: dict[Key, LocalSurface]) -> list[list[Key]]:
    """Return the local surfaces of one key as the groups that are one thing: all of them, unless they carry
    different numbers before the name ('1975 Tarn Cup', '1985 Tarn Cup': the key leaves such a year or house number
    out), when each number is its own group and the names without one are another."""
    by_numbers: dict[tuple[int, ...], list[Key]] = defaultdict(list)
    for k in members:
        by_numbers[name_numbers(locals_[k].surface)].append(k)
    if sum(1 for numbers in by_numbers if numbers) <= 1:
        return [members]
    return list(by_numbers.values())


def _by_figure_or_place(members: list[Key], locals_: dict[Key, LocalSurface]) -> list[list[Key]]:
    """Return the local surfaces of one key as the groups that are one thing: a saint ('Saint Orlan') and the places
    named after him ('Saint-Orlan', `named_after`) share a key but are two."""
    places = [k for k in members if named_after_figure(locals_[k].surface)]
    if not places or len(places) == len(members):
        return [members]
    return [[k for k in members if k not in places], places]


# ---- alias statements -----------------------------------------------------------------

def _join_alias_statements(r: Resolution, join: Join) -> None:
    """What an article says is the same thing ('X (AAH)', 'known as', codenames)."""
    locals_, types = r.locals_, r.types
    for st in r.statements:
        article = st.article_id
        sentence = getattr(st, "sentence", None)
        evidence = AliasStatement(st.kind, st.alias, st.name)
        ends = []
        for text in (st.name, st.alias):
            found = _local_for(article, clean_surface(text), locals_, r.by_article)
            ends.append(found)
        if ends[0] is None and ends[1] is None:
            continue
        fallback = types.get(ends[0] or ends[1], "ORG")
        for i, text in enumerate((st.name, st.alias)):
            written = written_form(text)
            if ends[i] is None:
                ends[i] = r.add_extra(article, written, fallback)
            elif written != locals_[ends[i]].surface:
                # keep the form as stated ('Hajj Yusif') beside the surface it resolved to ('Yusif')
                extra = r.add_extra(article, written, fallback)
                if extra:
                    join(ends[i], extra, evidence, sentence)
        if ends[0] and ends[1]:
            join(ends[0], ends[1], evidence, sentence)


def _local_for(article: int, surface: str, locals_: dict[Key, LocalSurface],
               by_article: dict[int, list[LocalSurface]]) -> Key | None:
    """Return the local surface of `article` spelled `surface`, or with its transliteration key, if any."""
    if not surface:
        return None
    if (article, surface) in locals_:
        return (article, surface)
    key = names.name_key(surface)
    for ls in by_article.get(article, []):
        if names.name_key(ls.surface) == key:
            return ls.key
    return None


# ---- partial person names -------------------------------------------------------------

def _join_partials(r: Resolution, join: Join) -> None:
    """A surname alone joins the one full name it can stand for: in its article, else the one such
    person in the corpus — never when two candidates are named about as often.

    A surname under an epithet ('Imam Hussein') joins only a person the texts also give a
    religious title. The same surname left alone in several articles is one entity. A given name
    alone joins the one full name of its article it opens, written before it ('Ike Varga ... Ike'):
    not a site's name ('Orvanto Castle'), nor when a name of another type opens with it too.
    """
    locals_, types, uf = r.locals_, r.types, r.uf
    full_by_token: dict[str, set[Key]] = defaultdict(set)
    in_article: dict[tuple[str, int], set[Key]] = defaultdict(set)  # the same, by article
    # 'Mr. Mahdi' for 'Adil Abdul-Mahdi': a press shortening, trusted only within one article
    abd_tails: dict[tuple[str, int], set[Key]] = defaultdict(set)
    given_in_article: dict[tuple[str, int], set[Key]] = defaultdict(set)  # full names by their first part
    rivals: dict[tuple[str, int], set[Key]] = defaultdict(set)  # the same, of names typed otherwise
    for k, ls in locals_.items():
        parts = names.name_parts(ls.surface)
        if types[k] == "PERSON" and len(parts) >= 2:
            # surnames and later names, not the given name; the family name first in 'Paek Sung-ho'
            for part in (parts if _EAST_ASIAN_GIVEN.search(ls.surface) else parts[1:]):
                full_by_token[part].add(k)  # parts are transliteration keys
                in_article[(part, k[0])].add(k)
                if part.startswith("abd "):
                    abd_tails[(part[4:], k[0])].add(k)
            if not _place_after(ls.surface):
                given_in_article[(parts[0], k[0])].add(k)
        elif len(parts) >= 2 and _person_shaped(ls.surface):
            rivals[(parts[0], k[0])].add(k)  # 'Ludo de Varenne' the model read as a body: another 'Ludo' all the same
    unresolved: list[Key] = []
    titled_religious: list[Key] | None = None  # found once, on the first name under an epithet
    for k, ls in locals_.items():
        if not is_partial_person(ls.surface, types[k]):
            continue
        own = names.name_parts(ls.surface)
        token = own[0]
        same_article = in_article.get((token, k[0]), set())
        if len(own) > 1:  # 'Lund-Aske': the full names holding every part, in order
            same_article = {c for c in same_article if _contiguous(own, names.name_parts(locals_[c].surface))}
        if not same_article:
            same_article = abd_tails.get((token, k[0]), set())
        if k[1] != ls.surface:  # 'Imam Hussein': only a person the texts also call by a religious title
            if titled_religious is None:
                titled_religious = _religious_titled(locals_, r.religious_titles)
            religious = {uf.find(t) for t in titled_religious}
            anywhere = {c for c in full_by_token.get(token, set()) if uf.find(c) in religious}
            best = _dominant({c for c in anywhere if c[0] == k[0]}, locals_, uf, ratio=2.0)
            scope, margin = "article", UNBOUNDED  # the counts of one article: a new one does not change them
            if best is None:
                (best, margin), scope = _dominance(anywhere, locals_, uf, ratio=3.0), "religious"
            r.counted(COUNTED_SURNAME + token, margin)
            if best is not None:
                join(best, k, PartialName(locals_[best].surface, scope))
            continue
        best = (_one_person(same_article, locals_) or _introduced_before(same_article, ls, locals_)
                or _dominant(same_article, locals_, uf, ratio=2.0))
        if best is None and not same_article and len(own) == 1 and not rivals.get((token, k[0])):
            best = _given_name_of(given_in_article.get((token, k[0]), set()), ls, locals_)
        if best is not None:
            join(best, k, PartialName(locals_[best].surface, "article"))
        elif not same_article and not _joined_to_full_name(k, r.by_article, uf, types):
            unresolved.append(k)
    # the same surname left alone in several articles is one node, unless a full name claims it
    by_token: dict[str, list[Key]] = defaultdict(list)
    for k in unresolved:
        by_token[names.name_parts(locals_[k].surface)[0]].append(k)
    for token, group in by_token.items():
        for k in group[1:]:
            join(group[0], k, SameSurname(locals_[group[0]].surface))
        best, margin = _dominance(full_by_token.get(token, set()), locals_, uf, ratio=3.0)
        r.counted(COUNTED_SURNAME + token, margin)
        if best is not None:
            join(best, group[0], PartialName(locals_[best].surface, "corpus"))


# a hyphenated given name with a lower-case second syllable ('Chong-gyu', 'Jae-in') ends a family-name-first name
_EAST_ASIAN_GIVEN = re.compile(r"\s[A-Z][a-z]+-[a-z]{1,4}$")


def _one_person(candidates: set[Key], locals_: dict[Key, LocalSurface]) -> Key | None:
    """Return the fullest of an article's full names when all of them can be one person, else None.

    'Alden Varga' and 'Alden Roy Pelham Varga' in one article: each shorter name keeps the longest one's
    first and last parts, with middle names left out, so the surname alone stands for that one person.
    """
    if len(candidates) < 2:
        return None
    parts = {c: names.name_parts(locals_[c].surface) for c in candidates}
    # the fullest is the one with most parts, then most letters ('Frederick Adam Lind', not 'F. A. Lind')
    fullest = max(candidates, key=lambda c: (len(parts[c]), sum(map(len, parts[c])), len(locals_[c].mention_ids), c))
    longest = parts[fullest]
    for c in candidates:
        p = parts[c]
        if not (_same_part(p[0], longest[0]) and _same_part(p[-1], longest[-1]) and _subsequence(p, longest)):
            return None
    return fullest


def _introduced_before(candidates: set[Key], surname: LocalSurface, locals_: dict[Key, LocalSurface]) -> Key | None:
    """Return the one full name of an article named before its surname first stands alone, else None.

    'Alden Varga ... Varga ... his wife Mara Varga': when the surname is first written alone, the
    reader has met only one bearer of it, so that is who it names.
    """
    if len(candidates) < 2 or surname.extra:
        return None
    earlier = [c for c in candidates if not locals_[c].extra and locals_[c].position < surname.position]
    return earlier[0] if len(earlier) == 1 else None


def _given_name_of(candidates: set[Key], name: LocalSurface, locals_: dict[Key, LocalSurface]) -> Key | None:
    """Return the one full name of an article whose given name `name` is, written out before `name` is first used
    ('Ike Varga ... Ike'), else None: no surname of the article is spelled so."""
    earlier = [c for c in candidates if not locals_[c].extra and locals_[c].position < name.position]
    return earlier[0] if len(candidates) == 1 and len(earlier) == 1 and not name.extra else None


def _place_after(surface: str) -> bool:
    """Return True for a name whose last word is a kind of place or site and whose first word is no common given name
    ('Orvanto Castle', 'Orvanto Moraine'): the model may read it as a person's, but its first word alone names the
    place the site is named after or stands in, not a person's given name ('Tom Park' is a person)."""
    words = names.normalize(surface).split()
    return len(words) >= 2 and words[-1].lower() in PLACE_HEADS and words[0].lower() not in GIVEN_NAMES


GIVEN_NAMES = lexicon.given_names()


def _person_shaped(surface: str) -> bool:
    """Return True for a name of several capitalised words with no head word of a body or a place ('Ludo de Varenne
    de Tarsac'): a person's name, whatever type the model gave it."""
    words = names.normalize(surface).split()
    return (all(w[:1].isupper() or (w.islower() and len(w) <= 3) for w in words) and words[0][:1].isupper()
            and parse_name(surface).kind != "org" and not _place_after(surface) and head_type(surface) is None
            and not names.name_kind(surface))


def _same_part(a: str, b: str) -> bool:
    """Whether two name parts are one, or one is the other's initial ('f' of 'F. A. Lind' and 'fridirik')."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _contiguous(short: list[str], long: list[str]) -> bool:
    """Whether `short` stands in `long` as one run of parts."""
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


def _subsequence(short: list[str], long: list[str]) -> bool:
    """Whether `short` is `long` with some parts left out, the rest in order (a part may be the other's initial)."""
    it = iter(long)
    return all(any(_same_part(part, other) for other in it) for part in short)


def _religious_titled(locals_: dict[Key, LocalSurface], religious_titles: frozenset[str]) -> list[Key]:
    """Return the local surfaces some mention of which carries a religious title ('Ayatollah X')."""
    return [k for k, ls in locals_.items() if any(t.lower().rstrip(".") in religious_titles for t in ls.roles)]


def _joined_to_full_name(k: Key, by_article: dict[int, list[LocalSurface]], uf: UnionFind,
                         types: Mapping[Key, str]) -> bool:
    """Return True when a name already belongs to a person named in full (by an alias statement)."""
    root = uf.find(k)
    return any(uf.find(ls.key) == root and types[ls.key] == "PERSON" and len(names.name_parts(ls.surface)) >= 2
               for ls in by_article.get(k[0], []))


def _dominant(candidates: set[Key], locals_: dict[Key, LocalSurface], uf: UnionFind, ratio: float) -> Key | None:
    """Return a candidate entity named `ratio` times as often as any other, if there is one."""
    return _dominance(candidates, locals_, uf, ratio)[0]


def _dominance(candidates: set[Key], locals_: dict[Key, LocalSurface], uf: UnionFind,
               ratio: float) -> tuple[Key | None, int]:
    """Return `_dominant`'s answer and its margin: how many more mentions of the candidates cannot change it,
    wherever they go (`margins.dominance_margin`)."""
    counts: Counter[Key] = Counter()
    rep: dict[Key, Key] = {}
    for c in candidates:
        root = uf.find(c)
        counts[root] += len(locals_[c].mention_ids)
        rep.setdefault(root, c)
    top = counts.most_common(2)
    if not top:
        return None, UNBOUNDED  # no candidate: only a new name can make one
    if len(top) == 1:  # a known name's mentions go to the one candidate; another takes a new name
        return rep[top[0][0]], UNBOUNDED
    first, second = top[0][1], top[1][1]
    margin = dominance_margin(first, second, ratio)
    return (rep[top[0][0]] if first >= ratio * second else None), margin


def _cluster_counts(locals_: dict[Key, LocalSurface], uf: UnionFind) -> Counter[Key]:
    """Return the number of mentions under each current root."""
    counts: Counter[Key] = Counter()
    for k, ls in locals_.items():
        counts[uf.find(k)] += len(ls.mention_ids)
    return counts


# ---- organisation and place names -----------------------------------------------------

def _join_short_org_names(r: Resolution, join: Join) -> None:
    """A one-word name joins the one longer name it begins ('Asaib' → 'Asaib Ahl al-Haq', 'Golan').

    Organisations: only when the longer name is not a word plus a head noun ('Hezbollah
    Brigades' is another group), except a party ('Harvest' is the 'Harvest Party') and a legal form
    ('Altsys Corporation'). Places: only when it is ('Golan Heights', 'Mediterranean Sea'). The longer
    name must be named at least as often as the short form, unless it is a party or a legal form (the
    short form is how those are mostly named) or the article wrote it out before first using the short
    form. The longer names of the short form's own article come first; other articles' only when it has none. A word
    that is also a part of a person its article names in full stays alone: it may name either.

    A one-word name the model read as a person's joins an organisation 'Word Head' its article wrote out before
    it ('Brennick Group ... Brennick'), when the article names no person with that word and gives it no title
    and no role but an organisation's ('the Brennick network'): a firm or a school named after its founder is
    called by the founder's name.

    An acronym joins the one organisation of its article named by it and business words only ('TAMO Airlines',
    'TAMO Airlines Group', 'TAMO Company Ltd': `_acronym_firms`).
    """
    _acronym_firms(r, join)
    locals_, types, uf = r.locals_, r.types, r.uf
    starts: dict[str, set[Key]] = defaultdict(set)
    person_parts: set[tuple[int, str]] = set()  # (article, part) of the persons named in full
    for k, ls in locals_.items():
        parts = names.name_parts(ls.surface)
        if types[k] in SHORTENED and len(parts) >= 2 and not names.is_acronym(ls.surface):
            starts[parts[0]].add(k)
        elif types[k] == "PERSON" and len(parts) >= 2:
            person_parts.update((k[0], p) for p in parts)
    counts = _cluster_counts(locals_, uf)
    for k, ls in locals_.items():
        parts = names.name_parts(ls.surface)
        if len(parts) != 1 or names.is_acronym(ls.surface) or ls.surface.casefold() in _DEMONYMS:
            continue  # 'Varnish' is its country, not the 'Varnish National Theatre' its article names
        if types[k] in SHORTENED:
            if (k[0], parts[0]) in person_parts:
                continue  # 'Tarvo' beside 'Tarvo Kessel' and the 'Tarvo Society' named after him: either
            candidates = {c for c in starts.get(parts[0], set()) if _shortens(c, k, locals_, types)}
        elif types[k] == "PERSON" and (k[0], parts[0]) not in person_parts and not ls.titled \
                and all(ROLE_TYPES.get(role.lower()) == "ORG" for role in ls.roles):
            candidates = {c for c in starts.get(parts[0], set()) if _named_for_its_firm(c, k, locals_, types)}
        else:
            continue
        # the article's own longer names first: another article's 'Brennick Books' is no rival of this one's
        # 'Brennick Pharmacy'; their counts are the article's, which no other article changes
        own = {c for c in candidates if c[0] == k[0]}
        if own:
            (target, margin), candidates = _dominance(own, locals_, uf, ratio=3.0), own
        else:
            target, margin = _dominance(candidates, locals_, uf, ratio=3.0)
        if target is not None:
            root = uf.find(target)
            margin = min(margin, order_margin(counts[root], counts[uf.find(k)]))
        if candidates:
            r.counted(COUNTED_FIRST_WORD + parts[0], margin)
        if target is None:
            continue
        if types[k] == "PERSON" and not _introduced(target, k, locals_):
            continue
        if _numbered_successor(ls.surface, root, r.by_article.get(k[0], []), uf):
            continue  # 'Tarn Nova', also called 'Tarn II' there: the bare 'Tarn' is the first of the series
        if uf.find(k) != root and (counts[root] >= counts[uf.find(k)] or _party_of(locals_[target].surface)
                                   or _legal_form_of(locals_[target].surface) or _introduced(target, k, locals_)):
            join(target, k, ShortForm(locals_[target].surface))


def _numbered_successor(short: str, root: Key, surfaces: list[LocalSurface], uf: UnionFind) -> bool:
    """Return True when the article calls the cluster `root` by `short` and a number ('Tarn II', 'Tarn 2'): the
    numbered name is a successor of what `short` alone names, not a longer name of it."""
    for ls in surfaces:
        words = ls.surface.split()
        if len(words) == 2 and words[0] == short and series_numbers(ls.surface) and uf.find(ls.key) == root:
            return True
    return False


def _acronym_firms(r: Resolution, join: Join) -> None:
    """Join an acronym alone to the one organisation of its article whose name is the acronym and then only words
    of a business's kind or legal form ('TAMO Airlines Group' → 'TAMO'; lexicon classes firm_word, legal_form): a
    company called by its letters. A head of another kind names another body ('TAMO University', 'TAMO Council')."""
    uf = r.uf
    for surfaces in r.by_article.values():
        acronyms = {ls.surface: ls for ls in surfaces if r.types[ls.key] == "ORG" and names.is_acronym(ls.surface)}
        if not acronyms:
            continue
        firms: dict[str, list[LocalSurface]] = defaultdict(list)
        for ls in surfaces:
            if ls.surface.split(" ", 1)[0] not in acronyms:
                continue
            words = names.normalize(ls.surface).split()
            if (len(words) >= 2 and words[0] in acronyms and r.types[ls.key] == "ORG"
                    and all(w.lower().strip(".") in FIRM_WORDS for w in words[1:])):
                firms[words[0]].append(ls)
        for acronym, full in firms.items():
            if len({uf.find(f.key) for f in full}) == 1 and uf.find(full[0].key) != uf.find(acronyms[acronym].key):
                join(full[0].key, acronyms[acronym].key, ShortForm(full[0].surface))


FIRM_WORDS = LEGAL_FORMS | lexicon.organisations().firm_words  # 'Airlines', 'Group', 'Ltd'
SHORTENED = frozenset({"ORG", "LOC", "FAC"})  # the types whose one-word short forms the pass joins


def _shortens(full: Key, short: Key, locals_: dict[Key, LocalSurface], types: Mapping[Key, str]) -> bool:
    """Return True when the one-word name `short` may be a short form of the longer name `full` it begins.

    An organisation's 'X Brigades' is another group, but 'X Party' and 'X Corporation' are X; a place's
    'X Heights' is the same place. A town and its district or river ('Ondor', 'Ondor District') stay two
    places, however often the article names them.
    """
    long_type, short_type = types[full], types[short]
    surface = locals_[full].surface
    if long_type != short_type:
        return False
    if short_type == "ORG":
        return not _head_phrase(surface) or _party_of(surface) or _legal_form_of(surface)
    return _head_phrase(surface)


def _named_for_its_firm(full: Key, short: Key, locals_: dict[Key, LocalSurface], types: Mapping[Key, str]) -> bool:
    """Return True when a one-word name the model read as a person's may be the short form of the organisation
    `full` of its article: two capitalised words ('Brennick Group', 'Brennick Pharmacy', 'Brennick University'),
    not a state body named after its ruler ('the Varga Government') — a company or a school named after its
    founder is called by the founder's name."""
    words = names.normalize(locals_[full].surface).split()
    if full[0] != short[0] or types[full] != "ORG" or len(words) != 2 or not words[1][:1].isupper():
        return False
    return words[1].lower() not in STATE_BODIES


STATE_BODIES = lexicon.national_bodies().force_nouns  # 'the Varga government', 'the Varga regime': the person's


def _join_legal_forms(r: Resolution, join: Join) -> None:
    """A company named with its legal form is the company its article names without it ('Dollar Mart
    Corporation', 'Dollar Mart')."""
    uf = r.uf
    for surfaces in r.by_article.values():
        by_key = {names.name_key(ls.surface): ls for ls in surfaces if r.types[ls.key] in ("ORG", "PERSON")}
        for ls in surfaces:
            words = names.name_tokens(ls.surface)
            if r.types[ls.key] != "ORG" or len(words) < 3 or words[-1].lower().strip(".") not in LEGAL_FORMS:
                continue
            short = by_key.get(names.name_key(" ".join(words[:-1])))
            if short is not None and short is not ls and uf.find(short.key) != uf.find(ls.key):
                join(ls.key, short.key, LegalForm(ls.surface))


def _legal_form_of(surface: str) -> bool:
    """Return True for 'Word Form' ('Altsys Corporation', 'Kone Oy'): one name word and a legal form, which the
    company leaves out when it names itself."""
    words = names.name_tokens(surface)
    return len(words) == 2 and words[1].lower().strip(".") in LEGAL_FORMS


def _introduced(full: Key, short: Key, locals_: dict[Key, LocalSurface]) -> bool:
    """Return True when `full` is written out in the article of `short` before `short` is first used: the writer
    introduced the name, then shortened it ('Brooks Pharmacy was a chain ... Brooks was one of')."""
    return full[0] == short[0] and not locals_[full].extra and locals_[full].position < locals_[short].position


def _join_org_cores(r: Resolution, join: Join) -> None:
    """Organisation names that differ only by qualifiers and head words are one organisation.

    'Revolutionary Guards', 'Iranian Revolutionary Guard' and 'Islamic Revolutionary Guard
    Corps' share the core 'Revolutionary Guard'. Both names need a head word of one kind
    ('Hezbollah' and 'Hezbollah Brigades' are two groups, so are 'Quds Force' and 'Quds
    Brigade') and no two nations may differ ('Iraqi Army', 'US Army').
    """
    locals_, types, uf = r.locals_, r.types, r.uf
    groups: dict[str, list[Key]] = defaultdict(list)
    for k, ls in locals_.items():
        if types[k] != "ORG" or names.is_acronym(ls.surface) or " of " in ls.surface:
            continue  # 'Brigades of the X' is a unit of X, not X
        core, _quals, heads = names.org_core(ls.surface)
        if core and heads:
            groups[core].append(k)
    counts = _cluster_counts(locals_, uf)
    for core, members in groups.items():
        roots = {uf.find(k) for k in members}
        if len(roots) < 2:
            continue
        anchor = max(members, key=lambda k: counts[uf.find(k)])
        runner_up = max(counts[root] for root in roots if root != uf.find(anchor))
        r.counted(COUNTED_CORE + core, lead_margin(counts[uf.find(anchor)], runner_up))
        anchor_heads = names.org_core(locals_[anchor].surface)[2]
        for k in members:
            if uf.find(k) == uf.find(anchor) or names.nations_conflict(locals_[k].surface, locals_[anchor].surface):
                continue
            if not names.org_core(locals_[k].surface)[2] & anchor_heads:
                continue  # 'Quds Brigade' and 'Quds Force' are different units
            join(anchor, k, SameOrganisation(locals_[anchor].surface, core))


def _join_head_references(r: Resolution, join: Join) -> None:
    """A bare head word ('the Forum', 'the Guards', 'the Palace') names the one organisation or place of its article
    with that head: its last word ('the Varn Forum'), the word before its 'of' or 'for' phrase ('the Institute' for
    'the Tarn Institute for Research'), or, for an organisation, a head word of the same kind ('the Guards' for
    'Revolutionary Guard Corps'). Of several, the one written out before the head word first stands alone."""
    types, uf = r.types, r.uf
    for surfaces in r.by_article.values():
        for ls in surfaces:
            if not bare_head(ls.surface, types[ls.key]):
                continue
            heads = names.org_core(ls.surface)[2] if types[ls.key] == "ORG" else frozenset()
            word = names.translit_key(names.name_tokens(ls.surface)[0].lower())
            owners = {uf.find(o.key): o for o in surfaces
                      if o is not ls and types[o.key] != "PERSON" and len(names.name_tokens(o.surface)) > 1
                      and (word in _head_words(o.surface)
                           or (heads and types[o.key] == "ORG" and " of " not in o.surface
                               and names.org_core(o.surface)[2] & heads))}
            if len(owners) > 1:  # a name written inside another's ('the new Tarn Institute') is that one
                owners = {root: o for root, o in owners.items()
                          if not any(p is not o and p.surface in o.surface for p in owners.values())}
            if len(owners) > 1:  # several: the one the article wrote out before the head word first stands alone
                owners = {root: o for root, o in owners.items() if not o.extra and o.position < ls.position}
            if len(owners) == 1:
                target = next(iter(owners.values()))
                join(target.key, ls.key, ShortReference(target.surface))


def bare_head(surface: str, type_: str) -> bool:
    """Whether a name is a head word alone ('Forum', 'Guards', 'Palace'): a reference within its article, not a name
    of one thing across articles."""
    words = names.name_tokens(surface)
    if type_ == "PERSON" or len(words) != 1:
        return False
    word = words[0].lower()
    return word in ORG_HEADS or word in PLACE_HEADS or (type_ == "ORG" and bool(names.org_core(surface)[2]))


def _head_words(surface: str) -> set[str]:
    """Return the keys of the words that may head a name: its last word, and the word before its first 'of' or 'for'
    phrase ('Tarn Institute for Research' → 'institute', 'research')."""
    words = surface.split()
    heads = {words[-1]}
    for i, w in enumerate(words[1:], start=1):
        if w in HEAD_LINKS:
            heads.add(words[i - 1])
            break
    return {names.translit_key(w.lower().strip(".,’'")) for w in heads}


HEAD_LINKS = frozenset({"of", "for"})  # 'House of Tarn', 'Institute for Research': the head stands before them


def _head_phrase(surface: str) -> bool:
    """Return True for 'Word Head' names ('Hezbollah Brigades'): a name plus an organisation noun."""
    return len(names.name_tokens(surface)) == 2 and head_type(surface) is not None


def _party_of(surface: str) -> bool:
    """Return True for 'Word Party' ('Harvest Party', 'Dawn Party'): one name word and the head 'party'."""
    core, quals, heads = names.org_core(surface)
    return heads == {"party"} and not quals and len(core.split()) == 1 and len(names.name_tokens(surface)) == 2


def _join_country_names(r: Resolution, join: Join) -> None:
    """Other names of one country are one entity ('USA', 'America', 'United States')."""
    gazetteer = r.countries
    _join_by_key(r, join, lambda surface: gazetteer.get(surface.replace(".", "").casefold()),
                 lambda canonical, _first: CountryName(canonical))


def _join_by_key(r: Resolution, join: Join, key_of: Callable[[str], str | None],
                 evidence: Callable[[str, str], Evidence]) -> None:
    """Join every local surface to the first one with the same key; `evidence(key, first surface)` says why."""
    first: dict[str, Key] = {}
    for k, ls in r.locals_.items():
        key = key_of(ls.surface)
        if key is None:
            continue
        if key in first:
            join(first[key], k, evidence(key, r.locals_[first[key]].surface))
        else:
            first[key] = k


def _join_descriptions(r: Resolution, join: Join) -> None:
    """Descriptions that differ by a lower-case modifier are one thing ('US forces', 'US armed forces').

    Their capitalised words must be the same and their last word (the head) too.
    """
    locals_, types = r.locals_, r.types
    groups: dict[tuple[str, str], list[Key]] = defaultdict(list)
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
                join(members[0], k, SameDescription(locals_[members[0]].surface))


def _join_national_names(r: Resolution, join: Join) -> None:
    """One nation's body or one frontier, however worded, is one entity ('Iraq's parliament', 'Iraqi Parliament')."""
    _join_by_key(r, join, national_key, lambda key, first: NationalBody(first, key))


def _join_parent_prefixed(r: Resolution, join: Join) -> None:
    """A unit named after its parent is the unit: 'Islamic Revolutionary Guard Corps Quds Force' and
    'IRGC-Qods Force' are the 'Quds Force' when both the parent and the unit are named on their own."""
    locals_, types, uf = r.locals_, r.types, r.uf
    orgs: dict[str, Key] = {}
    for k, ls in locals_.items():
        if types[k] == "ORG":
            orgs.setdefault(names.name_key(ls.surface), k)
    for k, ls in locals_.items():
        words = names.name_tokens(ls.surface)
        if types[k] != "ORG" or len(words) < 3:
            continue
        for i in range(len(words) - 2, 0, -1):  # the longest parent first
            parent, unit = orgs.get(names.name_key(" ".join(words[:i]))), " ".join(words[i:])
            if parent and bare_head(locals_[parent].surface, "ORG"):
                continue  # 'University of Tarn State' is no unit of a 'University': its head word names a kind
            target = orgs.get(names.name_key(unit))
            if parent and target and head_type(unit) == "ORG" and uf.find(target) != uf.find(k):
                join(target, k, ParentPrefixed(locals_[target].surface, locals_[parent].surface))
                break


def _join_place_prefixed(r: Resolution, join: Join) -> None:
    """An organisation named without the place its name opens with is that organisation: 'the Bulls' after
    'Tull Rovers', 'the Marine Band' after 'Varnland Marine Band', when the article wrote the longer name first,
    names the place on its own or as a country, and ends no other organisation's name so.

    A nationality word is no such place: 'Varnian Red Front' and 'Red Front' may be two groups.
    """
    types, uf = r.types, r.uf
    for surfaces in r.by_article.values():
        places = {names.name_key(ls.surface) for ls in surfaces if types[ls.key] in PLACE_TYPES}
        orgs = [ls for ls in surfaces if types[ls.key] == "ORG" and not ls.extra]
        by_tail: dict[str, list[tuple[LocalSurface, str]]] = defaultdict(list)
        for ls in orgs:
            words = names.normalize(ls.surface).split()
            for i in range(1, len(words)):
                place = " ".join(words[:i])
                if names.name_key(place) in places or _country_name(place):
                    by_tail[names.name_key(" ".join(words[i:]))].append((ls, place))
        for ls in orgs:
            holders = by_tail.get(names.name_key(ls.surface), [])
            if len({uf.find(h.key) for h, _ in holders}) != 1:
                continue
            full, place = holders[0]
            if full is not ls and full.position < ls.position and uf.find(full.key) != uf.find(ls.key):
                join(full.key, ls.key, PlacePrefixed(full.surface, place))


PLACE_TYPES = frozenset({"GPE", "LOC"})
_DEMONYMS = frozenset(a.casefold() for a in lexicon.countries().demonyms)


def _country_name(text: str) -> bool:
    """Whether `text` is a country's name ('Varnland', 'U.S.'), not its nationality word ('Varnish')."""
    return lexicon.nation_of(text) is not None and text.casefold() not in _DEMONYMS


def _join_lowercase_references(r: Resolution, join: Join) -> None:
    """A lower-case reference ('the coalition', 'coalition forces') names the one organisation of its
    article whose capitalised name holds its words ('US-led coalition forces')."""
    types, uf = r.types, r.uf
    for surfaces in r.by_article.values():
        for ls in surfaces:
            if types[ls.key] != "ORG" or any(c.isupper() for c in ls.surface):
                continue
            words = ls.surface.split()
            owners = {uf.find(o.key): o for o in surfaces
                      if o is not ls and types[o.key] == "ORG" and any(c.isupper() for c in o.surface)
                      and _holds(o.surface.lower().split(), words)}
            if len(owners) == 1:
                target = next(iter(owners.values()))
                join(target.key, ls.key, LowercaseReference(target.surface))


def _holds(name: list[str], words: list[str]) -> bool:
    """Return True when `words` occur in `name` in order and end at its last word or the one before it."""
    n = len(words)
    return any(name[i:i + n] == words for i in (len(name) - n, len(name) - n - 1) if i >= 0)


def _descriptive(surface: str) -> bool:
    """Return True for a description made of common words ('Iraqi armed forces', 'US forces')."""
    return description_like(surface)


# ---- spelling variants, acronyms, typos -----------------------------------------------

def _join_matcher(r: Resolution, join: Join) -> None:
    """The name matcher (`names.compare`) joins spelling variants of full names.

    Surnames alone and descriptions are left out; types are not compared, since the model's
    labels on place names are unreliable. Each name is compared with a bounded list of
    candidates (`blocking.candidate_pairs`); `r.matcher` may already know a pair's verdict.
    Two names the matcher would keep apart if one text wrote both (`apart_when_written_together`) join only when
    no article writes both (`_written_together`).
    """
    locals_, types, uf = r.locals_, r.types, r.uf
    reps: dict[str, Key] = {}
    for k, ls in locals_.items():
        if is_partial_person(ls.surface, types[k]) or _descriptive(ls.surface):
            continue  # 'US forces' and 'US Special Forces' are descriptions, not spellings of one name
        reps.setdefault(ls.surface, k)
    memo = r.matcher
    memo.surfaces.update(reps)
    conflicting: list[tuple[str, str, NameMatch]] = []
    lengthened: list[tuple[str, str, NameMatch]] = []
    for a, b in candidate_pairs(reps):
        ka, kb = reps[a], reps[b]
        if uf.find(ka) == uf.find(kb):
            continue
        evidence = memo.verdict(a, b)
        if evidence is not None:
            if apart_when_written_together(a, b, types[ka], types[kb]):
                conflicting.append((a, b, evidence))
            elif apart_when_lengthened(a, b, types[ka], types[kb]):
                lengthened.append((a, b, evidence))
            else:
                join(ka, kb, evidence)
    apart = _written_together(conflicting, locals_) | _written_together(lengthened, locals_, shorter_first=True)
    for a, b, evidence in conflicting + lengthened:
        if (a, b) not in apart:
            join(reps[a], reps[b], evidence)


CONFLICT = "parts_conflict"  # the matcher's feature: each name has a part the other lacks
MIDDLE_OMITTED = "middle_omitted"  # the matcher's feature: one name has a part inside it the other lacks
# a spelling variant of a part at least this alike is one name however written ('Tarvison' / 'Tarvinson',
# 'Mobilization' / 'Mobilisation'); below it ('Ossangena' / 'Ossingir', 0.70) an article writing both means two
SURE_SPELLING = 0.8


def apart_when_written_together(a: str, b: str, type_a: str, type_b: str) -> bool:
    """Return True when two names the matcher joins are two things if one article writes both.

    So are names each with a part the other lacks ('Tarn River', 'Tarn Station') and, for names of bodies and places
    with a head word (`_bodies`), names with a part only somewhat alike ('Ossangena District', 'Ossingir District'):
    a writer naming both in one text means two. So are two names of one word each only spelt alike ('Velan' and
    'Vilian', two brothers of one list). The matcher's tolerance is for spellings across sources; a part with
    letters left out is a slip ('Tavuacuala District', 'Tarvison').
    """
    match = names.compare(a, b)
    if CONFLICT in match.features:
        return True
    slips = [_letters_left_out(u, v) for u, v, _ in match.spellings]
    if len(parse_name(a).parts) == 1 and len(parse_name(b).parts) == 1:
        return bool(slips) and not any(slips)  # 'Velan' and 'Vilian' listed as brothers
    return _bodies(a, b, type_a, type_b) and any(
        likeness < SURE_SPELLING and not slip for (_, _, likeness), slip in zip(match.spellings, slips, strict=True))


def apart_when_lengthened(a: str, b: str, type_a: str, type_b: str) -> bool:
    """Return True when two names of bodies or places (`_bodies`) differ by a middle part only the longer has: an
    article writing the shorter first and the longer after it names a second body ('Varn Football League ... the
    Varn Professional Football League'), one writing the longer first shortens it ('the Tarn Alder Society ... the
    Tarn Society'), as a person's middle name left out is still the person."""
    return _bodies(a, b, type_a, type_b) and MIDDLE_OMITTED in names.compare(a, b).features


def _bodies(a: str, b: str, type_a: str, type_b: str) -> bool:
    """Whether two names are both a body's or a place's by a head word ('League', 'District'), neither typed a
    person's."""
    return "PERSON" not in (type_a, type_b) and parse_name(a).kind == "org" and parse_name(b).kind == "org"


def _letters_left_out(u: str, v: str) -> bool:
    """Whether one part is the other with letters left out ('Tavuacuala' for 'Tavualacuala'): a slip of the hand in
    one text, not another name."""
    short, long_ = sorted((anyascii(u).casefold(), anyascii(v).casefold()), key=len)
    rest = iter(long_)
    return all(c in rest for c in short)


def _written_together(pairs: list[tuple[str, str, NameMatch]], locals_: dict[Key, LocalSurface],
                      shorter_first: bool = False) -> set[tuple[str, str]]:
    """Return the pairs of names that some article writes both of (with `shorter_first`, the name of fewer words
    first): 'Tarn River' and 'Tarn Station', 'Ana Lind-Ross' and 'Ivo Lind-Ross' written in one text are the
    writer's two things, whatever the matcher makes of the differing part (that tolerance is for spellings across
    sources)."""
    if not pairs:
        return set()
    wanted = {name for a, b, _ in pairs for name in (a, b)}
    articles: dict[str, set[int]] = defaultdict(set)
    for article, surface in locals_:
        if surface in wanted:
            articles[surface].add(article)
    found = set()
    for a, b, _ in pairs:
        both = articles[a] & articles[b]
        if shorter_first:
            short, long_ = sorted((a, b), key=lambda name: len(name.split()))
            both = {n for n in both if written_before(locals_[(n, short)], locals_[(n, long_)])}
        if both:
            found.add((a, b))
    return found


def written_before(a: LocalSurface, b: LocalSurface) -> bool:
    """Whether an article writes `a` before it first writes `b` (a name only an alias statement gives comes first)."""
    return a.position < b.position


def _join_acronyms(r: Resolution, join: Join) -> None:
    """An acronym no text defined joins the one entity whose name it abbreviates ('PMU')."""
    locals_, uf = r.locals_, r.uf
    expansions: dict[str, set[Key]] = defaultdict(set)
    for k, ls in locals_.items():
        if not names.is_acronym(ls.surface) and len(names.name_tokens(ls.surface)) >= 2:
            for acronym in names.acronym_of(ls.surface):
                expansions[acronym.upper()].add(k)
    settled: dict[str, Key] = {}  # an acronym whose expansions are one entity: a name of it
    # an acronym whose expansions were not one entity, and how many joins had been made then: until another
    # join, they still are not (only joins change the union-find), so its many surfaces do not ask again
    unsettled: dict[str, int] = {}
    joins = 0
    for k, ls in locals_.items():
        if not names.is_acronym(ls.surface) or ls.surface.replace(".", "").casefold() in r.countries:
            continue  # 'USA' is a country's name before it is anybody's initials
        acronym = ls.surface.replace(".", "").upper()
        target = settled.get(acronym)
        if target is None:
            if unsettled.get(acronym) == joins:
                continue
            target = _one_entity(uf, expansions.get(acronym, set()))
            if target is None:
                unsettled[acronym] = joins
                continue
            settled[acronym] = target  # joins never split it again
        join(target, k, Acronym(ls.surface, locals_[target].surface))
        joins += 1


def _one_entity(uf: UnionFind, candidates: set[Key]) -> Key | None:
    """Return the last of `candidates` in sorted order when they are all one entity, else None (none, or a second
    one found). Sorted: a set's order follows the string hash, which changes from run to run, and the key returned
    names the acronym's expansion in its reason ('Popular Mobilization Units' or '... Mobilisation ...')."""
    root = last = None
    for c in sorted(candidates):
        found = uf.find(c)
        if root is None:
            root = found
        elif found != root:
            return None
        last = c
    return last


def _join_typos(r: Resolution, join: Join) -> None:
    """A possible typo joins only a name the same article also uses, and more often."""
    uf = r.uf
    for surfaces in r.by_article.values():
        counts = [len(ls.mention_ids) for ls in surfaces]
        for ls, count in zip(surfaces, counts, strict=True):
            for other, other_count in zip(surfaces, counts, strict=True):
                if other_count <= count:
                    continue  # the typo is the rarer spelling (and a name is not its own typo)
                if uf.find(ls.key) == uf.find(other.key):
                    continue
                if Levenshtein.distance(ls.surface.lower(), other.surface.lower(), score_cutoff=2) > 2:
                    continue  # cheap first test: a typo is a letter or two away
                match = names.compare(ls.surface, other.surface)
                if getattr(match, "typo_candidate", False):
                    join(other.key, ls.key, LikelyTypo(other.surface))


# ---- the table ------------------------------------------------------------------------

PASSES: tuple[JoinPass, ...] = (
    JoinPass("same_key", _join_same_key, (SameName, Translation, SameKey), reads_statements=True),
    JoinPass("alias_statements", _join_alias_statements, (AliasStatement,), reads_statements=True),
    JoinPass("partial_names", _join_partials, (PartialName, SameSurname)),
    JoinPass("short_org_names", _join_short_org_names, (ShortForm,)),
    JoinPass("legal_forms", _join_legal_forms, (LegalForm,)),
    JoinPass("org_cores", _join_org_cores, (SameOrganisation,)),
    JoinPass("head_references", _join_head_references, (ShortReference,)),
    JoinPass("country_names", _join_country_names, (CountryName,)),
    JoinPass("descriptions", _join_descriptions, (SameDescription,)),
    JoinPass("national_names", _join_national_names, (NationalBody,)),
    JoinPass("parent_prefixed", _join_parent_prefixed, (ParentPrefixed,)),
    JoinPass("place_prefixed", _join_place_prefixed, (PlacePrefixed,)),
    JoinPass("lowercase_references", _join_lowercase_references, (LowercaseReference,)),
    JoinPass("name_matcher", _join_matcher, (NameMatch,)),
    JoinPass("acronyms", _join_acronyms, (Acronym,)),
    JoinPass("typos", _join_typos, (LikelyTypo,)),
)
