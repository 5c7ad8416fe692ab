"""linkchart's vocabulary as data: one YAML file per concept, read here into typed, cached tables.

Every word list the stages use lives in a YAML file next to this module (titles, organisation
words, role nouns, places, the country gazetteer, verbs, events, dates, quantities, particles of
names, function words, things that are never entities, ...). A word is written once, in the file
of its concept, with the classes that say which rules read it (see `loader`). The functions
below return one frozen dataclass per concept, built once and cached; the stages read those
instead of keeping their own copies. `predicates()` is the predicate vocabulary
(`predicates.yaml`), `boilerplate()` the page-furniture patterns (`boilerplate.yaml`).

Case: each table below is in the case its readers compare in (mostly lower case; labels and
acronyms upper case; countries and demonyms as written).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from linkchart.lexicon.loader import PACKAGE, entries, load_yaml, lower, ordered, values, word_tables, words


def alternation(items: Iterable[str]) -> str:
    """Return a regex alternation of `items`, each escaped ('al|el|ash'), for building patterns from a table."""
    return "|".join(map(re.escape, items))


def _seq(cls: str) -> tuple[str, ...]:
    """Return the words of class `cls`, lower-cased, in file order."""
    return tuple(w.lower() for w in ordered(cls))


def _ints(table: dict[str, str]) -> dict[str, int]:
    """Return `table` with lower-cased words and whole-number values ('month=5' → 5)."""
    return {word.lower(): int(value) for word, value in table.items()}


@dataclass(frozen=True)
class Titles:
    """Titles, honorifics and ranks before a name (`titles.yaml`)."""

    name_titles: tuple[str, ...]  # stripped from a name before matching, in this order
    honorifics: frozenset[str]  # a capitalised one before a name makes it a PERSON
    epithets: frozenset[str]  # of revered figures ('Imam Hussein')
    religious: frozenset[str]  # religious titles (without the epithets)
    bynames: frozenset[str]  # after a person's name and 'the', part of the name ('William the Bold')
    post_nominals: frozenset[str]  # letters of honours written after a name, part of it ('Tom Vell CBE')


@cache
def numbered_heads() -> frozenset[str]:
    """Return the last words of names that a number after them continues ('Unit 2800', 'Route 36', 'Channel 4')."""
    return lower("numbered_head")


@cache
def titles() -> Titles:
    """Return the titles and honorifics."""
    return Titles(_seq("name_title"), lower("honorific"), lower("epithet"), lower("religious"), lower("byname"),
                  lower("post_nominal"))


@dataclass(frozen=True)
class Roles:
    """Role nouns (`roles.yaml`, and titles that are also roles)."""

    nouns: frozenset[str]  # 'leader X', 'X, the leader of' make X a PERSON
    person_suffixes: tuple[str, ...]  # '-man', '-ist': role nouns of persons
    partitives: frozenset[str]  # some members of a group ('figures in X')
    describes: dict[str, str]  # role nouns that describe a place or a group → its type
    byline: frozenset[str]  # role words on a byline
    signature: tuple[str, ...]  # roles that sign off a pitch ('X, editor-in-chief')
    classes: dict[str, frozenset[str]]  # class of role ('leader', 'kin', ...) → its nouns and phrases, lower-case
    former: frozenset[str]  # words before a role that put it in the past ('former', 'ex')
    deputy: frozenset[str]  # words before a role that lower its rank ('deputy', 'vice')


def _role_classes() -> dict[str, frozenset[str]]:
    """Return each role class (`role_class=` value) → its words, lower-cased."""
    out: dict[str, set[str]] = {}
    for entry in entries("role_class="):
        for cls in entry.classes:
            if cls.startswith("role_class="):
                out.setdefault(cls.split("=", 1)[1], set()).add(entry.word.lower())
    return {cls: frozenset(ws) for cls, ws in out.items()}


@cache
def roles() -> Roles:
    """Return the role nouns."""
    return Roles(lower("role"), _seq("person_suffix"), lower("partitive"),
                 {w.lower(): v for w, v in values("describes").items()}, lower("byline_role"),
                 _seq("signature_role"), _role_classes(), lower("role_former"), lower("role_deputy"))


@dataclass(frozen=True)
class Organisations:
    """Words of organisation names (`organisations.yaml`)."""

    heads: frozenset[str]  # capitalised last token that makes an ORG ('Qods Force')
    nouns: frozenset[str]  # lower-case noun after a name ('the X militia')
    lead_words: frozenset[str]  # transliterated openers ('Kataib', 'Jaysh')
    lead_prefixes: tuple[str, ...]  # openers glued to the name ('Hezbollah')
    of_heads: frozenset[str]  # heads continued by of/for ('Ministry of ...')
    of_links: frozenset[str]  # the of/for after an of-head
    of_joiners: frozenset[str]  # words joining the capitalised words after it
    group_nouns: frozenset[str]  # nouns that stand for the group named next to them
    type_heads: frozenset[str]  # last words that vote ORG for an entity's type
    type_openers: frozenset[str]  # first words that vote ORG
    kinds: dict[str, str]  # head word → the kind of organisation it names ('forces' → 'force')
    name_words: frozenset[str]  # words that make a name an organisation's, not its head
    calques: dict[str, str]  # Arabic opener → the English head a translation uses
    camel_heads: tuple[str, ...]  # heads split off a name written in one word, capitalised
    armed: frozenset[str]  # words marking an armed group
    nation_governments: frozenset[str]  # alone, the government of the article's nation ('the government')
    membership: frozenset[str]  # last words of bodies whose people are members, not staff ('party', 'militia')
    focus_nouns: frozenset[str]  # 'the company': alone, the organisation the article is about
    owned_bodies: frozenset[str]  # "the party's disciplinary committee": a body of the organisation that owns it
    legal_forms: frozenset[str]  # last words stating a company's legal form ('Corporation', 'Oy')
    founders_join: frozenset[str]  # bodies whose founders are their first members ('a band formed by X')
    possessive_words: frozenset[str]  # plural nouns whose possessive stands inside a name ("People's Republic")
    firm_words: frozenset[str]  # words of a business's kind after its name ('Airlines', 'Group', 'Holdings')


@cache
def organisations() -> Organisations:
    """Return the organisation words."""
    return Organisations(
        heads=lower("org_head"), nouns=lower("org_noun"), lead_words=lower("org_lead"),
        lead_prefixes=_seq("org_lead_prefix"), of_heads=lower("org_of_head"),
        of_links=lower("org_of_link"), of_joiners=lower("org_of_joiner"), group_nouns=lower("group_noun"),
        type_heads=lower("type_head=ORG"), type_openers=lower("type_opener"),
        kinds={w.lower(): v for w, v in values("kind").items()}, name_words=lower("org_word"),
        calques={w.lower(): v for w, v in values("english").items()},
        camel_heads=tuple(w.capitalize() for w in ordered("camel_head")), armed=lower("armed"),
        nation_governments=lower("nation_government"), membership=lower("membership"),
        focus_nouns=lower("focus_noun"), owned_bodies=lower("owned_body"), legal_forms=lower("legal_form"),
        founders_join=lower("founders_join"),
        possessive_words=lower("possessive_name_word"), firm_words=lower("firm_word"),
    )


@dataclass(frozen=True)
class NationalBodies:
    """National bodies, state forces and frontiers (`national_bodies.yaml`)."""

    force_nouns: frozenset[str]  # 'US forces', 'Assad regime'
    force_modifiers: frozenset[str]  # 'special', 'security'
    force_followers: frozenset[str]  # words after the head that stay in the span
    led_participles: frozenset[str]  # 'the US-led coalition'
    led_heads: frozenset[str]  # nouns after an X-led token
    coalition_words: frozenset[str]  # collective nouns that name an actor when lower-case
    coalition_not_before: frozenset[str]  # words after 'the coalition' that show it is not the actor
    frontiers: frozenset[str]  # 'border', 'frontier'
    institutions: dict[str, str]  # wording → class of national body ('armed forces' → 'military')
    instruments: frozenset[str]  # weapons that stand for the nation named on them
    nation_bodies: frozenset[str]  # ministries that, written alone, are the article's nation's ('foreign ministry')


@cache
def national_bodies() -> NationalBodies:
    """Return the words of national bodies."""
    return NationalBodies(
        lower("force_noun"), lower("force_modifier"), lower("force_follower"), lower("led_participle"),
        lower("led_head"), lower("coalition"), lower("coalition_not_before"), lower("frontier"),
        {w.lower(): v for w, v in values("institution").items()}, lower("instrument"), lower("nation_body"),
    )


@dataclass(frozen=True)
class Countries:
    """The country gazetteer (`countries.yaml`)."""

    names: dict[str, str]  # folded name (no dots, casefolded) → the country's canonical name
    demonyms: dict[str, str]  # adjective of nationality (as written) → country
    acronyms: frozenset[str]  # all-caps tokens that are countries
    nation_names: frozenset[str]  # countries written before a name as its qualifier, lower-case
    nation_adjectives: frozenset[str]  # nations' adjectives that qualify an organisation's name, lower-case
    capitals: dict[str, str]  # capital city (as written) → the country it stands for as an actor


_INNER_POSSESSIVE = re.compile(r"[’']s(?= )")


@cache
def countries() -> Countries:
    """Return the country gazetteer."""
    names: dict[str, str] = {}
    for w, v in values("country").items():
        folded = w.replace(".", "").casefold()
        names[folded] = v
        # the resolver's surfaces drop a possessive inside a name ("People's Republic of X" → 'People Republic of X')
        names.setdefault(_INNER_POSSESSIVE.sub("", folded), v)
    return Countries(
        names, values("demonym"),
        frozenset(w.upper() for w in ordered("gpe_acronym")), lower("nation_name"), lower("nation_adjective"),
        values("capital_of"),
    )


_NATION_POSSESSIVE = re.compile(r"[’']s$", re.IGNORECASE)


@cache
def _nations() -> dict[str, str]:
    """Return folded nation words (country names and their adjectives) → the country's canonical name."""
    gazetteer = countries()
    out = dict(gazetteer.names)
    canonical = {v.casefold(): v for v in out.values()}
    for adjective, country in gazetteer.demonyms.items():
        out[adjective.casefold()] = canonical.get(country.casefold(), country)
    for country in list(out.values()):
        out.setdefault(country.casefold(), country)
    return out


def nation_of(words: str) -> str | None:
    """Return the canonical country that `words` name ('Iraq's', 'Iraqi', 'U.S.'), or None."""
    folded = _NATION_POSSESSIVE.sub("", words.strip()).replace(".", "").casefold()
    return _nations().get(folded)


def _unaccented(name: str) -> str:
    """Return `name` without its accents ('Reykjavík' -> 'Reykjavik')."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@cache
def _unaccented_capitals() -> dict[str, str]:
    """Return the gazetteer's capitals, accents left out, -> their countries."""
    return {_unaccented(name): country for name, country in countries().capitals.items()}


def capital_country(name: str) -> str | None:
    """Return the country the gazetteer makes `name` the capital of, written with or without its accents
    ('Reykjavík', 'Reykjavik'), or None."""
    return countries().capitals.get(name) or _unaccented_capitals().get(_unaccented(name))


@dataclass(frozen=True)
class Places:
    """Place words (`places.yaml`, and the prepositions and units the place rules read)."""

    nouns: frozenset[str]  # 'the town of X'
    of_nouns: frozenset[str]  # nouns whose 'of' phrase names the place
    relational: frozenset[str]  # names the place only with a possessor ('capital')
    compass: frozenset[str]  # 'west of X'
    compass_place: frozenset[str]  # 'south Lebanon'
    loc_heads: frozenset[str]
    fac_heads: frozenset[str]
    gpe_heads: frozenset[str]
    fac_type_heads: frozenset[str]  # last words that vote FAC for an entity's type
    loc_type_heads: frozenset[str]  # last words that vote LOC
    areas: frozenset[str]  # surroundings of a place named next to them
    openers: frozenset[str]  # Arabic words opening place names ('Wadi', 'Ras')
    locative_preps: frozenset[str]
    person_place_preps: frozenset[str]
    coordination_place_preps: frozenset[str]
    distance_units: frozenset[str]
    trail_nouns: frozenset[str]  # a location phrase passes through them ('the eastern part of Y')
    kept_heads: frozenset[str]  # lower-case nouns that stay in a place name before them ('X province')


@cache
def places() -> Places:
    """Return the place words."""
    return Places(
        lower("place_noun"), lower("of_place"), lower("relational_place"), lower("compass"), lower("compass_place"),
        lower("loc_head"), lower("fac_head"), lower("gpe_head"), lower("type_head=FAC"), lower("type_head=LOC"),
        lower("area"), lower("place_opener"), lower("locative_prep"), lower("person_place_prep"),
        lower("coordination_place_prep"), lower("distance_unit"), lower("trail_noun"), lower("kept_head"),
    )


@dataclass(frozen=True)
class Particles:
    """Particles of names (`names.yaml`)."""

    name_particles: frozenset[str]  # inside an Arabic/Persian name, never a break
    english_words: frozenset[str]  # particles that are also English words: particles only hyphenated
    articles: tuple[str, ...]  # Arabic articles written hyphenated before a name word
    folded_articles: frozenset[str]  # dropped from name tokens when hyphen-attached
    calque_articles: tuple[str, ...]  # dropped from a calqued organisation name
    family: tuple[str, ...]  # open a family name ('Given al-Family')
    capitalised: frozenset[str]  # family particles also written capitalised
    bound: dict[str, str]  # name-building particle → its canonical form ('ibn' → 'bin')
    byline: tuple[str, ...]  # lower-case particles inside byline names
    dropped: frozenset[str]  # dropped from a name's tokens when standing alone


@cache
def particles() -> Particles:
    """Return the particles of names."""
    return Particles(
        lower("name_particle"), lower("english_particle"), _seq("article"),
        lower("folded_article"), _seq("calque_article"),
        _seq("family_particle"), lower("capitalised_particle"),
        {w.lower(): v for w, v in values("bound_particle").items()}, _seq("byline_particle"),
        lower("dropped_word"),
    )


@dataclass(frozen=True)
class Grammar:
    """English function words by the rules that read them (`grammar.yaml`)."""

    determiners: frozenset[str]
    copulas: frozenset[str]
    possessives: frozenset[str]
    name_connectors: frozenset[str]  # lower-case words inside a quoted title
    first_person: frozenset[str]
    personal_pronouns: frozenset[str]  # 'he', 'she'
    object_pronouns: frozenset[str]  # 'him', 'her'
    group_pronouns: frozenset[str]  # 'it' for an organisation
    negators: frozenset[str]
    hedges: frozenset[str]
    alias_function_words: frozenset[str]
    name_run_links: tuple[str, ...]  # link the capitalised words of a name run ('Party of God')
    lead_ins: tuple[str, ...]  # words before an alias that are not part of it
    known_as_adverbs: tuple[str, ...]  # 'also known as', 'better known as'
    renaming_cues: tuple[str, ...]  # 'X, formerly Y', 'X (renamed Y)'
    real_name_words: tuple[str, ...]  # 'her actual name was Y', 'its original name is Y'
    small_words: frozenset[str]  # lower-case words allowed in a title-like line
    english_only: frozenset[str]  # English function words no other Latin-script language has
    english_common: frozenset[str]  # frequent English words, also words elsewhere (with english_only)
    bound_prefixes: frozenset[str]  # 'un-', 'mis-': split off by hyphenation
    companions: tuple[tuple[str, ...], ...]  # 'along with', 'as well as'
    time_bounds: frozenset[str] = frozenset()  # 'until', 'before': bound a span by another happening
    background_auxes: frozenset[str] = frozenset()  # 'had', 'would': a clause out of the reported news
    party_preps: frozenset[str] = frozenset()  # 'with', 'between': their object takes part in a happening


@cache
def grammar() -> Grammar:
    """Return the English function words."""
    only = lower("english_only")
    return Grammar(
        determiners=lower("determiner"), copulas=lower("copula"), possessives=lower("possessive"),
        name_connectors=lower("name_connector"), first_person=lower("first_person"),
        personal_pronouns=lower("personal_pronoun"), object_pronouns=lower("object_pronoun"),
        group_pronouns=lower("group_pronoun"), negators=lower("negator"), hedges=lower("hedge"),
        alias_function_words=lower("alias_function_word"), name_run_links=_seq("name_run_link"),
        lead_ins=_seq("lead_in"), known_as_adverbs=_seq("known_as_adverb"),
        renaming_cues=_seq("renaming_cue"), real_name_words=_seq("real_name_word"), small_words=lower("small_word"),
        english_only=only, english_common=only | lower("english_common"), bound_prefixes=lower("bound_prefix"),
        companions=tuple(tuple(w.lower().split()) for w in ordered("companion")),
        time_bounds=lower("time_bound"), background_auxes=lower("background_aux"), party_preps=lower("party_prep"),
    )


@cache
def given_names() -> frozenset[str]:
    """Return the common English given names (`given_names.yaml`, from the US census lists), lower case."""
    return lower("given_name")


@cache
def work_nouns() -> frozenset[str]:
    """Return the nouns for creative works and products ('album', 'novel'): a name they introduce is a work."""
    return lower("work_noun")


@cache
def described_of_nouns() -> frozenset[str]:
    """Return the nouns whose 'of' phrase names what the noun is ('a chain of stores', 'one of the firms')."""
    return lower("described_of")


@cache
def site_openers() -> frozenset[str]:
    """Return the words of other languages for buildings and institutions that open a site's name ('palais',
    'museo', 'université'), lower-cased."""
    return lower("site_opener")


@cache
def admin_units() -> frozenset[str]:
    """Return the words for administrative units that hold towns ('county', 'district', 'gmina'), lower-cased."""
    return lower("admin_unit")


@cache
def place_name_openers() -> dict[str, str]:
    """Return the first words of names that say a place ('lake' → LOC, 'north' → GPE), lower-cased, with the type."""
    return {w.lower(): v for w, v in values("name_opener").items()}


@cache
def open_water_words() -> frozenset[str]:
    """Return the words that make a name a sea's ('sea', 'gulf', 'strait'), lower-cased."""
    return lower("open_water")


@cache
def sovereign_words() -> frozenset[str]:
    """Return the words that make a name a state's ('kingdom', 'empire', 'republic'), lower-cased."""
    return lower("sovereign")


@cache
def head_of_state_titles() -> frozenset[str]:
    """Return the titles of heads of state and government ('president', 'prime minister', 'king'), lower-cased."""
    return lower("head_of_state")


@cache
def prize_heads() -> frozenset[str]:
    """Return the last words of names of prizes and contests ('Award', 'Championships'): such a name is no actor."""
    return lower("prize_head")


@cache
def listed_words() -> frozenset[str]:
    """Return every word of every lexicon table but the given names and name counts, lower case: a capitalised word
    listed here is a word of the language (a title, a role, a place noun, a month), no given name it lacks."""
    skip = {"given_names", "name_frequencies"}
    return frozenset(e.word.lower() for stem, table in word_tables().items() if stem not in skip for e in table)


@cache
def thing_words() -> frozenset[str]:
    """Return the words that end names of things, not people: every word of the organisation, place and event
    files and the `thing_head` class ('Roman Catholic Church', 'Grace Road', 'Stanley Cup'), lower case."""
    tables = word_tables()
    out = {e.word.lower() for stem in ("organisations", "places", "events", "national_bodies") for e in tables[stem]}
    return frozenset(out) | lower("thing_head")


@cache
def stance_nouns() -> frozenset[str]:
    """Return the nouns for a plan, act or record whose possessor a stance relation is about
    ("backed Y's proposals" backs Y), `stance_nouns.yaml`."""
    return lower("stance_noun")


@dataclass(frozen=True)
class Verbs:
    """Verbs by what they do to the fact or name around them (`verbs.yaml`)."""

    speech: frozenset[str]  # reporting frames: the subject speaks the quotation
    attribution: frozenset[str]  # attribute the fact in their complement
    hedging: frozenset[str]  # leave their complement uncertain
    negating: frozenset[str]  # negate the fact they govern
    irrealis: frozenset[str]  # plan, offer or want a fact (verbs and their nouns)
    naming: frozenset[str]  # lemmas whose participle names what precedes it ('called')
    naming_forms: frozenset[str]  # 'a leader called X'
    alias_hints: tuple[str, ...]  # words every alias statement of its kind contains
    giving: frozenset[str]  # 'X offered Y support'
    led_by: dict[str, str]  # participle after an organisation → the role it gives ('led' → 'leader')
    compound_heads: frozenset[str]  # second parts of hyphenated compounds ('-backed')
    broken_compounds: tuple[str, ...]  # compound parts whose hyphen a page split from them
    planned: frozenset[str] = frozenset()  # expect or prepare a fact: stated, hedged, not yet happened
    accompanying: frozenset[str] = frozenset()  # 'X joined Y for a trip to Z': Y shares the trip


@cache
def verbs() -> Verbs:
    """Return the verb classes."""
    return Verbs(
        lower("speech"), lower("attribution"), lower("hedging"), lower("negating"), lower("irrealis"),
        lower("naming"), lower("naming_form"), _seq("alias_hint"), lower("giving"),
        {w.lower(): v for w, v in values("led_by").items()}, lower("compound_head"),
        _seq("broken_compound"), lower("planned"), lower("accompanying"),
    )


@dataclass(frozen=True)
class Events:
    """Event words (`events.yaml`)."""

    triggers: dict[str, str]  # trigger lemma ('step down' for a particle verb) → kind of event
    heads: frozenset[str]  # capitalised last token that makes an EVENT
    violent: frozenset[str]  # kinds and words of violence
    statement_targets: frozenset[str]  # stance verbs whose object takes part in the statement ('criticised Y')
    figurative: frozenset[str]  # modifiers that make a word of violence figurative ('price war')
    hazards: frozenset[str] = frozenset()  # natural hazards ('earthquake'): no act of anyone
    judicial_bodies: frozenset[str] = frozenset()  # courts (`judicial_body`) and judges (role class judge)
    unrealised_governors: frozenset[str] = frozenset()  # verbs above a trigger that make it a requirement ('needed')
    commitments: frozenset[str] = frozenset()  # verbs whose infinitive is agreed, not done ('agreed to vote')
    not_founded: frozenset[str] = frozenset()  # abstract objects of a founding verb ('established the policy')
    travel_verbs: frozenset[str] = frozenset()  # a visit only with a 'to' phrase naming a place ('flew to X')


@cache
def events() -> Events:
    """Return the event words: the triggers of the CAMEO dictionary (`cameo()`), with the hand-listed ones of
    `events.yaml` and `verbs.yaml` as the exceptions that win."""
    triggers = {**cameo().triggers, **{w.lower(): v for w, v in values("trigger").items()}}
    return Events(triggers, lower("event_head"), lower("violent"), lower("statement_target"), lower("figurative"),
                  lower("hazard"), lower("judicial_body") | roles().classes.get("judge", frozenset()),
                  lower("unrealised_governor"), lower("commitment"), lower("not_founded"),
                  lower("travel_verb"))


@dataclass(frozen=True)
class EventFrame:
    """A verb that states a happening only with certain argument nouns (`event_frames.yaml`)."""

    name: str
    kind: str
    verbs: frozenset[str]
    objects: frozenset[str]  # object, prepositional object or passive subject lemmas
    subjects: frozenset[str]  # subject lemmas
    object_labels: frozenset[str] = frozenset()  # mention labels of a direct object that count ('sacked John Roe')


@cache
def event_frames() -> tuple[EventFrame, ...]:
    """Return the event frames, in file order."""
    frames = load_yaml(PACKAGE, "event_frames.yaml")["frames"]
    classes = roles().classes
    return tuple(EventFrame(name, f["kind"], frozenset(f["verbs"]),
                            frozenset(f.get("objects", [])).union(*(classes[c] for c in f.get("role_classes", []))),
                            frozenset(f.get("subjects", [])), frozenset(f.get("object_labels", [])))
                 for name, f in frames.items())


@dataclass(frozen=True)
class Cameo:
    """Verbs of the CAMEO event dictionary of PETRARCH2 (`cameo_verbs.yaml`, made by tools/cameo_lexicon.py)."""

    codes: dict[str, str]  # verb lemma ('pull out' for a particle verb) → CAMEO code
    triggers: dict[str, str]  # verb lemma → kind of event
    predicates: dict[str, frozenset[str]]  # predicate → the verb lemmas that state it


@cache
def cameo() -> Cameo:
    """Return the CAMEO verbs with the event kinds and predicates they map onto."""
    verbs = load_yaml(PACKAGE, "cameo_verbs.yaml")["verbs"]
    by_predicate: dict[str, set[str]] = {}
    for verb, entry in verbs.items():
        if "predicate" in entry:
            by_predicate.setdefault(entry["predicate"], set()).add(verb)
    return Cameo({v: str(e["code"]) for v, e in verbs.items()},
                 {v: e["trigger"] for v, e in verbs.items() if "trigger" in e},
                 {p: frozenset(vs) for p, vs in by_predicate.items()})


@dataclass(frozen=True)
class Dates:
    """Words of dates (`dates.yaml`)."""

    months: dict[str, int]  # month name or abbreviation → number
    weekdays: tuple[str, ...]  # Monday first
    dateline_noise: frozenset[str]  # words around a date on a date line
    year_cues: tuple[str, ...]  # words before a bare year that make it a date
    after: tuple[str, ...]  # 'later'
    before: tuple[str, ...]  # 'earlier', 'ago'
    day_parts: frozenset[str]  # 'morning', 'night': after a weekday, still a date ('Friday night')
    placing: frozenset[str]  # prepositions that place a happening at a time ('during', 'after')
    unit_ranks: dict[str, int]  # a unit of time → its rank by length (day 1 ... century 6)


@cache
def dates() -> Dates:
    """Return the date words."""
    return Dates(_ints(values("month")), _seq("weekday"), lower("dateline_noise"),
                 _seq("year_cue"), _seq("date_after"),
                 _seq("date_before"), lower("day_part"), lower("date_placing"), _ints(values("time_unit")))


@dataclass(frozen=True)
class Quantities:
    """Words of amounts (`quantities.yaml`)."""

    date_numbers: dict[str, int | None]  # number words of relative dates; None: an unstated number ('a few')
    count_numbers: dict[str, int]  # number words of counts
    multipliers: dict[str, int]
    vague: frozenset[str]  # 'thousands': no number is read
    not_counts: frozenset[str]  # counted nouns that measure rather than count
    approximations: tuple[tuple[str, str], ...]  # (phrase before a number, approximation it states)
    ordinals: frozenset[str] = frozenset()  # ranks: 'first', 'second', 'last'


@cache
def quantities() -> Quantities:
    """Return the words of amounts."""
    number = _ints(values("number"))
    return Quantities(
        {w.lower(): number.get(w.lower()) for w in ordered("date_number")},
        {w.lower(): number[w.lower()] for w in ordered("claim_number")},
        {w.lower(): number[w.lower()] for w in ordered("multiplier")},
        lower("vague"), lower("not_count"), tuple((w.lower(), v) for w, v in values("approx").items()),
        lower("ordinal"),
    )


@dataclass(frozen=True)
class Publications:
    """Words before a publication's title (`publications.yaml`)."""

    cues: frozenset[tuple[str, ...]]  # word sequences, lower-case ('wrote', 'in')


@cache
def publications() -> Publications:
    """Return the publication cues."""
    return Publications(frozenset(tuple(w.lower().split()) for w in ordered("publication_cue")))


@dataclass(frozen=True)
class Languages:
    """Language words (`languages.yaml`)."""

    foreign: frozenset[str]  # function words of other Latin-script languages
    names: frozenset[str]  # language names as pickers list them
    nouns: frozenset[str]  # nouns a nationality word qualifies as a language ('the Varnish language')


@cache
def languages() -> Languages:
    """Return the language words."""
    return Languages(lower("foreign"), lower("language_name"), lower("language_noun"))


@dataclass(frozen=True)
class NotEntities:
    """Things that are never entities (`not_entities.yaml`, and the words of other files that are not places)."""

    spans: frozenset[str]  # page furniture and descriptors (whole span, lower-case)
    acronyms: frozenset[str]  # all-caps tokens that are not names (upper-case)
    places: frozenset[str]  # capitalised words that are not places
    peoples: frozenset[str]  # peoples and faiths
    qualifiers: frozenset[str]  # adjectives of faith or ethnicity qualifying an organisation's name
    media: frozenset[str]  # abbreviations of a medium or technology ('CD', 'API'), even when tagged (upper-case)


@cache
def not_entities() -> NotEntities:
    """Return the things that are never entities."""
    return NotEntities(lower("not_entity"), frozenset(w.upper() for w in ordered("not_acronym")), lower("not_place"),
                       lower("people"), lower("qualifier"),
                       frozenset(w.upper() for w in ordered("medium_abbreviation")))


@dataclass(frozen=True)
class Labels:
    """spaCy entity labels (`labels.yaml`)."""

    actors: tuple[str, ...]  # labels that become Mentions
    arguments: frozenset[str]  # labels of relation and event arguments
    measures: frozenset[str]  # labels of numbers that measure rather than count


@cache
def labels() -> Labels:
    """Return the entity labels."""
    return Labels(ordered("actor"), words("argument"), words("measure"))


@dataclass(frozen=True)
class Syntax:
    """Dependency labels and tags by the check that reads them (`syntax.yaml`)."""

    verb_tags: frozenset[str]
    argument_deps: frozenset[str]
    clause_links: frozenset[str]
    negation_path: frozenset[str]
    report_path: frozenset[str]
    irrealis_path: frozenset[str]
    event_governor_path: frozenset[str] = frozenset()


@cache
def syntax() -> Syntax:
    """Return the dependency labels and tags."""
    return Syntax(words("verb_tag"), words("argument_dep"), words("clause_link"), words("negation_path"),
                  words("report_path"), words("irrealis_path"), words("event_governor_path"))


@dataclass(frozen=True)
class Documents:
    """File kinds and markup elements (`documents.yaml`)."""

    kinds: dict[str, str]  # file extension → kind of reader
    trafilatura_blocks: frozenset[str]
    dropped_elements: tuple[str, ...]
    html_blocks: tuple[str, ...]
    markup_lines: tuple[str, ...]  # tags that make a leftover markup line furniture


@cache
def documents() -> Documents:
    """Return the file kinds and markup elements."""
    return Documents(values("file_kind"), words("trafilatura_block"), ordered("dropped_element"),
                     ordered("html_block"), ordered("markup_line"))


@dataclass(frozen=True)
class MentionCues:
    """The kinds of evidence that type a mention (`mention_cues.yaml`)."""

    rank: dict[str, int]  # cue → rank, strongest first
    fixed: frozenset[str]  # constructions not revised by typing
    weak: frozenset[str]  # no linkchart evidence
    lower_case: frozenset[str]  # constructions whose spans may be all lower-case


@cache
def mention_cues() -> MentionCues:
    """Return the mention cues."""
    return MentionCues({c: k for k, c in enumerate(ordered("rank"))}, words("fixed"), words("weak"), words("lower"))


@dataclass(frozen=True)
class Predicate:
    """One entry of the predicate vocabulary."""

    name: str
    label: str
    inverse: str
    symmetric: bool
    subject: frozenset[str]
    object: frozenset[str]


@cache
def predicates() -> dict[str, Predicate]:
    """Return the predicate vocabulary (`predicates.yaml`), keyed by predicate name."""
    return read_predicates(load_yaml(PACKAGE, "predicates.yaml"))


def read_predicates(data: dict[str, Any]) -> dict[str, Predicate]:
    """Return the predicate vocabulary in parsed YAML `data` (a `predicates:` list), keyed by predicate name."""
    return {
        p["name"]: Predicate(p["name"], p.get("label", p["name"]), p.get("inverse", p["name"]),
                             bool(p.get("symmetric", False)), frozenset(p.get("subject", [])),
                             frozenset(p.get("object", [])))
        for p in data["predicates"]
    }


@dataclass(frozen=True)
class LineCue:
    """A pattern that makes a whole line page furniture."""

    name: str
    pattern: str
    ignore_case: bool


@dataclass(frozen=True)
class Boilerplate:
    """Page-furniture patterns (`boilerplate.yaml`); `{class}` in a pattern is filled with that class's words."""

    line_cues: tuple[LineCue, ...]  # in the order they are tried
    list_cue: str
    page_end_cue: str  # a list cue after which the rest of the article is teasers ('See more from this author')
    pitch_opener: str
    pitch_strong: str
    pitch_hints: tuple[str, ...]  # lower-case text every match of pitch_strong contains, one per alternative
    pitch_weak: str
    signature: str
    closing: str
    credit_lines: dict[str, str]  # role -> pattern of a credit line naming people or agencies in that role
    caption_credit: str  # a picture caption ending in a labelled credit (groups `caption`, `credit`)


_CLASS_SLOT = re.compile(r"\{([a-z_]+)\}")


def _pattern(written: str | list[str]) -> str:
    """Return a pattern as written (a string, or a list of pieces to join) with each `{class}` replaced by an
    alternation of that class's words, escaped."""
    pattern = written if isinstance(written, str) else "".join(written)
    return _CLASS_SLOT.sub(lambda m: alternation(w.lower() for w in ordered(m.group(1))), pattern)


@cache
def boilerplate() -> Boilerplate:
    """Return the page-furniture patterns."""
    data = load_yaml(PACKAGE, "boilerplate.yaml")
    cues = tuple(LineCue(name, _pattern(c["pattern"]), bool(c.get("ignore_case", True)))
                 for name, c in data["line_cues"].items())
    return Boilerplate(cues, _pattern(data["list_cue"]), _pattern(data["page_end_cue"]), _pattern(data["pitch_opener"]),
                       _pattern(data["pitch_strong"]), tuple(data["pitch_hints"]), _pattern(data["pitch_weak"]),
                       _pattern(data["signature"]), _pattern(data["closing"]),
                       {role: _pattern(p) for role, p in data.get("credit_lines", {}).items()},
                       _pattern(data["caption_credit"]))
