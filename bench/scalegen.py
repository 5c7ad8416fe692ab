"""Generated news for bench/scale.py: varied articles over generated name lists, and their extraction results.

Names are made from syllables (no real person or place). Popularity follows a Zipf law,
so a few people, groups and places are in many articles and most in few. Each article
recombines sentence templates: full names first, then surnames, titles, acronyms and
spelling variants ('al-Vardani' / 'Vardani' / 'Wardani'), so resolution has real work.
A share of articles repeat an earlier one with a sentence changed or added (a wire story
picked up by other outlets): near-duplicates at a realistic rate, not copies.

`GeneratedArticle.extraction()` gives what extraction would find in it (mentions,
relations, events, claims, alias statements with their spans), for stores too large to
run spaCy over on this machine.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from linkchart.models import AliasStatement, Article, Claim, Document, Event, Extraction, Mention, OffsetMap, Relation

# syllables wide enough that names spread over blocks as real ones do (a name's first three
# letters take ~1,500 values), narrow enough that spelling variants and shared surnames occur
ONSETS = ["b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "y", "z", "br", "ch",
          "dr", "fl", "gr", "kh", "kr", "pl", "sh", "st", "th", "tr", "zh"]
VOWELS = ["a", "e", "i", "o", "u", "a", "i", "ou", "ai", "ei", "ia", "y"]
CODAS = ["", "", "n", "r", "l", "m", "s", "d", "k", "sh", "b", "g", "t", "z", "nd", "rt"]
TITLES = ["General", "Commander", "Sheikh", "Minister", "Colonel", "Dr."]
ORG_HEADS = ["Brigade", "Movement", "Front", "Organization", "Council", "League", "Battalions", "Party", "Network"]
ORG_LEADS = ["Liberation", "National", "Popular", "Revolutionary", "Islamic", "Democratic", "Unity", "Resistance"]
FILLER = [
    "Security remained tight across the city on Monday.",
    "The statement could not be independently verified.",
    "Residents reported gunfire late into the night.",
    "The ministry did not respond to a request for comment.",
    "Talks are expected to resume next month.",
    "Prices of fuel and bread rose sharply during the week.",
    "Several roads were closed after the incident.",
    "Analysts said the move was aimed at shoring up support before the elections.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def _word(rng: random.Random, syllables: tuple[int, int]) -> str:
    n = rng.randint(*syllables)
    return "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(n)).capitalize()


@dataclass
class Person:
    """A generated person: first name, family name (maybe with 'al-'), spelling variants of it."""

    first: str
    family: str
    title: str | None

    @property
    def name(self) -> str:
        """Return the full name."""
        return f"{self.first} {self.family}"

    def surname(self) -> str:
        """Return how a later sentence names them: the family name without 'al-'."""
        return self.family.removeprefix("al-")

    def variant(self, rng: random.Random) -> str:
        """Return the full name as another outlet transliterates it."""
        family = self.family
        for a, b in (("ou", "u"), ("kh", "k"), ("ai", "ay"), ("al-", "")):
            if a in family and rng.random() < 0.6:
                return f"{self.first} {family.replace(a, b, 1)}"
        return f"{self.first} {family}"


@dataclass
class Group:
    """A generated organisation with its acronym."""

    name: str

    @property
    def acronym(self) -> str:
        """Return its initials."""
        return "".join(w[0] for w in self.name.split() if w[0].isupper())


@dataclass
class Cast:
    """Generated people, groups and places, with Zipf popularity."""

    people: list[Person]
    groups: list[Group]
    places: list[str]
    _weights: dict[int, list[float]] = field(default_factory=dict)

    @classmethod
    def make(cls, articles: int, seed: int = 1) -> Cast:
        """Return a cast sized for `articles` articles (more names as the corpus grows)."""
        rng = random.Random(seed)
        n_people, n_groups, n_places = max(150, articles // 6), max(40, articles // 60), max(60, articles // 200)
        firsts = sorted({_word(rng, (2, 2)) for _ in range(n_people // 3 + 40)})
        families = sorted({_word(rng, (2, 3)) for _ in range(n_people + 50)})
        people, seen = [], set()
        while len(people) < n_people:
            family = rng.choice(families)
            family = f"al-{family}" if rng.random() < 0.3 else family
            person = Person(rng.choice(firsts), family, rng.choice(TITLES) if rng.random() < 0.3 else None)
            if person.name not in seen:
                seen.add(person.name)
                people.append(person)
        groups, names = [], set()
        while len(groups) < n_groups:
            name = f"{_word(rng, (2, 3))} {rng.choice(ORG_LEADS)} {rng.choice(ORG_HEADS)}"
            if name not in names:
                names.add(name)
                groups.append(Group(name))
        places = sorted({_word(rng, (2, 3)) for _ in range(n_places)})
        rng.shuffle(places)
        return cls(people, groups, places)

    def pick(self, items: list, k: int, rng: random.Random) -> list:
        """Return `k` distinct items drawn by Zipf popularity."""
        cumulative = self._weights.get(len(items))
        if cumulative is None:
            cumulative = list(itertools.accumulate(1 / (i + 1) ** 1.1 for i in range(len(items))))
            self._weights[len(items)] = cumulative
        chosen: dict[int, None] = {}
        while len(chosen) < min(k, len(items)):
            chosen[min(bisect.bisect(cumulative, rng.random() * cumulative[-1]), len(items) - 1)] = None
        return [items[i] for i in chosen]


@dataclass
class GeneratedArticle:
    """One generated article: its text, and the facts a reader would find in it (clean = original offsets)."""

    index: int
    title: str
    date: str
    text: str = ""
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[AliasStatement] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    @property
    def source(self) -> str:
        """Return its source name."""
        return f"scale/{self.index:07d}.txt"

    def document(self) -> tuple[Document, Article, Extraction]:
        """Return the document, article and extraction to hand to `Store.add_document`."""
        text = f"{self.title}\n\n{self.text}"
        sha = hashlib.sha256(text.encode()).hexdigest()
        doc = Document(source=self.source, text=text, sha256=sha, kind="txt", title=self.title, date=self.date)
        base = len(self.title) + 2
        article = Article(source=self.source, index=0, text=self.text, offsets=OffsetMap.identity(len(self.text), base),
                          start=base, end=base + len(self.text), title=self.title, date=self.date)
        return doc, article, self.extraction()

    def extraction(self) -> Extraction:
        """Return what extraction would find in the article."""
        return Extraction(self.mentions, self.aliases, self.relations, self.events, self.claims)

    def jsonl(self) -> dict[str, str]:
        """Return the article as a jsonl feed record."""
        return {"title": self.title, "date": self.date, "source": "Generated Wire", "text": self.text,
                "url": f"https://generated.example/{self.index}"}


class Writer:
    """Builds one article sentence by sentence, recording the facts with their spans."""

    def __init__(self, article: GeneratedArticle) -> None:
        self.a = article
        self.parts: list[str] = []
        self.pos = 0
        self.sentence_start = 0
        self.spans: list[tuple[int, int, str]] = []

    def put(self, text: str, label: str | None = None) -> tuple[int, int]:
        """Append text (a mention when `label` is given); return its span."""
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        if label:
            self.spans.append((start, self.pos, label))
        return start, self.pos

    def end_sentence(self) -> tuple[int, int]:
        """Close the sentence: its mentions get its span; return the span."""
        span = (self.sentence_start, self.pos)
        for s, e, label in self.spans:
            self.a.mentions.append(Mention(s, e, "".join(self.parts)[s:e], label, *span))
        self.spans = []
        self.put(" ")
        self.sentence_start = self.pos
        return span

    def finish(self) -> None:
        """Store the text in the article."""
        self.a.text = "".join(self.parts).rstrip()


def _person(w: Writer, p: Person, first: bool, rng: random.Random) -> tuple[int, int]:
    if first:
        if p.title and rng.random() < 0.5:
            w.put(p.title + " ")
        return w.put(p.variant(rng) if rng.random() < 0.1 else p.name, "PERSON")
    return w.put(p.surname(), "PERSON")


@lru_cache(maxsize=4)
def _cast(articles: int, seed: int) -> Cast:
    return Cast.make(articles, seed)


def write_article(index: int, cast: Cast, rng: random.Random) -> GeneratedArticle:
    """Return a new article over people, groups and places drawn from `cast`."""
    people = cast.pick(cast.people, rng.randint(2, 4), rng)
    groups = cast.pick(cast.groups, rng.randint(1, 2), rng)
    places = cast.pick(cast.places, rng.randint(1, 2), rng)
    year = rng.randint(2005, 2022)
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    a = GeneratedArticle(index, f"{people[0].surname()} and the {groups[0].name} in {places[0]}", date)
    w = Writer(a)
    named: set[str] = set()

    def who(p: Person) -> tuple[int, int]:
        span = _person(w, p, p.name not in named, rng)
        named.add(p.name)
        return span

    sentences = rng.randint(10, 24)
    for k in range(sentences):
        p, q = rng.sample(people, 2)
        g = rng.choice(groups)
        place = rng.choice(places)
        kind = rng.randrange(9) if k else 0
        if kind == 0:  # leadership, with the group's acronym
            s = who(p)
            w.put(", the leader of ")
            o = w.put(g.name, "ORG")
            w.put(" (")
            acr = w.put(g.acronym, "ORG")
            w.put("), met ")
            t = who(q)
            w.put(" in ")
            w.put(place, "GPE")
            w.put(f" on {int(date[8:])} {MONTHS[int(date[5:7]) - 1]} {year}.")
            span = w.end_sentence()
            a.relations.append(Relation(w_text(w, s), "leads", g.name, s, o, *span, "generated"))
            a.relations.append(Relation(w_text(w, s), "met_with", w_text(w, t), s, t, *span, "generated", date=date))
            a.aliases.append(AliasStatement(g.name, g.acronym, "acronym", *span, o, acr))
            a.events.append(Event("meeting", f"meeting in {place}", date, [s, t], *span))
        elif kind == 1:
            s = who(p)
            w.put(" was arrested in ")
            w.put(place, "GPE")
            w.put(f" in {year}, officials said.")
            span = w.end_sentence()
            a.events.append(Event("arrest", f"arrest in {place}", str(year), [s], *span))
        elif kind == 2:
            s = who(p)
            w.put(" was released in exchange for ")
            t = who(q)
            w.put(".")
            span = w.end_sentence()
            a.relations.append(Relation(w_text(w, s), "exchanged_for", w_text(w, t), s, t, *span, "generated"))
        elif kind == 3:
            o = w.put(g.name, "ORG")
            w.put(" is backed by ")
            g2 = rng.choice(cast.groups)
            o2 = w.put(g2.name, "ORG")
            w.put(", according to a report.")
            span = w.end_sentence()
            if g2 is not g:
                a.relations.append(Relation(g.name, "backed_by", g2.name, o, o2, *span, "generated"))
        elif kind == 4:
            s = who(p)
            w.put(", a commander of ")
            o = w.put(g.name, "ORG")
            n = rng.randint(2, 90) * 1000
            w.put(f", said the group had {n:,} fighters.")
            span = w.end_sentence()
            a.relations.append(Relation(w_text(w, s), "member_of", g.name, s, o, *span, "generated"))
            a.claims.append(Claim(g.name, o, "fighters", float(n), "fighters", None, *span, attributed_to=p.name))
        elif kind == 5:
            s = who(p)
            w.put(" visited ")
            t = w.put(place, "GPE")
            w.put(" last week.")
            span = w.end_sentence()
            a.relations.append(Relation(w_text(w, s), "visited", place, s, t, *span, "generated"))
        elif kind == 6:
            o = w.put(g.name, "ORG")
            w.put(" claimed responsibility for an attack near ")
            t = w.put(place, "GPE")
            w.put(".")
            span = w.end_sentence()
            a.events.append(Event("attack", f"attack near {place}", date, [o, t], *span))
        else:
            w.put(rng.choice(FILLER))
            w.end_sentence()
    w.finish()
    return a


def w_text(w: Writer, span: tuple[int, int]) -> str:
    """Return the text of a span written so far."""
    return "".join(w.parts)[span[0] : span[1]]


def rewrite(original: GeneratedArticle, index: int, rng: random.Random) -> GeneratedArticle:
    """Return another outlet's copy of an article: a sentence dropped or one added at the end."""
    copy = GeneratedArticle(index, original.title, original.date, original.text, list(original.mentions),
                            list(original.aliases), list(original.relations), list(original.events),
                            list(original.claims))
    extra = " " + rng.choice(FILLER)
    copy.text += extra
    return copy


def generate(
    n: int, seed: int = 1, duplicate_rate: float = 0.06, start: int = 0, first: int | None = None, cast_for: int = 0
) -> Iterator[GeneratedArticle]:
    """Yield `n` generated articles numbered from `start`; about `duplicate_rate` of them repeat an earlier one.

    `first` (a number, default `start`) seeds the articles, so a run can be cut into chunks
    generated apart; the cast (names) is sized for `cast_for` articles (default 100,000: the
    same names whatever the run's size).
    """
    cast = _cast(cast_for or 100_000, seed)
    rng = random.Random(seed * 1_000_003 + (start if first is None else first))
    recent: list[GeneratedArticle] = []
    for i in range(start, start + n):
        if recent and rng.random() < duplicate_rate:
            article = rewrite(rng.choice(recent), i, rng)
        else:
            article = write_article(i, cast, rng)
            recent.append(article)
            if len(recent) > 300:
                recent.pop(rng.randrange(len(recent)))
        yield article


ADD_KINDS = ("bench", "new-spelling", "new-name")  # the kinds of article `added_article` writes
ADDED_INDEX = 10_000_000  # the number of the article added to a filled store (no filled store holds it)


def added_article(kind: str, index: int = ADDED_INDEX) -> GeneratedArticle:
    """Return the article the scale bench adds to a filled store, of one of `ADD_KINDS`.

    'bench' is generated article number `index`; 'new-spelling' is the same article with the
    most popular person it names spelt in a way no generated article does (the same
    transliteration key: it joins that person's entity); 'new-name' names, in place of its
    least popular person, someone no generated article names. Only the text and title are
    changed (the bench extracts the added article for real); its facts are dropped.
    """
    article = next(generate(1, start=index))
    if kind == "bench":
        return article
    cast = _cast(100_000, 1)
    named = [p for p in cast.people if any(f"{p.first} {s}" in article.text for s in _spellings(p.family))]
    if kind == "new-spelling":
        person = named[0]
        replacements = {person.surname(): _respelt(person.surname())}
    elif kind == "new-name":
        person = named[-1]
        first, family = _unused_name(cast)
        replacements = {person.first: first, **{spelling: family for spelling in _spellings(person.family)}}
    else:
        raise ValueError(f"unknown kind of added article: {kind} (one of {', '.join(ADD_KINDS)})")
    pattern = re.compile(r"\b(" + "|".join(re.escape(old) for old in sorted(replacements, key=len, reverse=True))
                         + r")\b")
    return GeneratedArticle(index, pattern.sub(lambda m: replacements[m[1]], article.title), article.date,
                            pattern.sub(lambda m: replacements[m[1]], article.text))


def _spellings(family: str) -> set[str]:
    """Return a family name and the variants `Person.variant` and `Person.surname` may write of it."""
    out = {family, family.removeprefix("al-")}
    return out | {f.replace(a, b, 1) for f in out for a, b in (("ou", "u"), ("kh", "k"), ("ai", "ay")) if a in f}


def _respelt(surname: str) -> str:
    """Return a spelling of `surname` with the same transliteration key that `Person.variant` never writes."""
    from linkchart.resolve.names import name_key

    key = name_key(surname)
    tried = [surname.replace(a, b, 1) for a, b in (("ei", "ey"), ("i", "ee"), ("u", "oo")) if a in surname]
    tried += [surname[:i] + surname[i] + surname[i:] for i in range(len(surname) - 1, 0, -1)
              if surname[i] not in "aeiouy"]  # a doubled consonant
    return next(s for s in tried if name_key(s) == key and s not in _spellings(surname))


def _unused_name(cast: Cast) -> tuple[str, str]:
    """Return a first and a family name whose transliteration keys no person of `cast` has."""
    from linkchart.resolve.names import name_key

    used = {name_key(w) for p in cast.people for w in (p.first, p.surname())}
    rng = random.Random(7)
    while True:
        first, family = _word(rng, (2, 2)), _word(rng, (3, 3))
        if name_key(first) not in used and name_key(family) not in used:
            return first, family
