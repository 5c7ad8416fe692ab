"""What an encyclopedic page states once for the whole page: the country its opening definition names.

A reference page opens by defining its subject ('Brennick is a town in the Ostra district of Varnland.', 'Orla
Records is a Varnish record label.'). The country that definition names, as a name or a nationality word, is the
country the page is set in: the places and organisations it goes on to name are in it ('The river rises near
Tull.' on that page puts Tull in Varnland), unless the page puts them in another country or names one inside them.
Its organisations are in that country too when the page is about a place ('X is a town in Y'). News and
reports open with a happening, not a definition, so `opening_definition` keeps them out.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from linkchart import lexicon
from linkchart.extract.context import lemma_of
from linkchart.extract.demonyms import country_of_demonym
from linkchart.extract.locations import chained_places, nation_named
from linkchart.extract.mentions import ACRONYM_RE, CUE_ATTR, SPANS_KEY, head_label
from linkchart.lexicon import capital_country
from linkchart.models import Mention, Relation

_PREDICATE = "located_in"
_PLACE_LABELS = ("GPE", "LOC")
DEFINITION_CUE = "definition"  # the cue of a name read as the subject of a page's opening definition


@dataclass(frozen=True)
class Opening:
    """A page's opening definition: its sentence (offsets into the article) and its predicate noun's lemma
    ('town' in 'X is a small town in Y')."""

    start: int
    end: int
    noun: str
    name: tuple[int, int]  # the tokens of the subject's name ('Dunmore Vale' in 'Dunmore Vale ( ) is a town')
    subject: tuple[int, int]  # the same name's characters, offsets into the article
    nationality: str | None = None  # the country a nationality word before the noun names ('a Varnish painter')
    nations: int = 0  # how many countries the sentence names, by name or nationality word
    # where the definition's 'in' phrases point: the first character of each one's object ('X is a station built
    # in 1904 in Tull': the 'T' of Tull), offsets into the article
    places: tuple[int, ...] = ()


def defined_labels(rules: dict[str, Any]) -> dict[str, str]:
    """Return the label a page's opening definition gives its subject by its noun: the nouns of each role rule
    `page_country_rule.defined_labels` names ('X is a village in Y': GPE; 'X is a museum in Y': FAC)."""
    kinds = rules["page_country_rule"]["defined_labels"]
    return {n: kinds[r["name"]] for r in rules["role_rules"] if r["name"] in kinds for n in r["nouns"]}


def place_nouns(rules: dict[str, Any]) -> set[str]:
    """Return the nouns that make a page's subject a place: those of the role rules `page_country_rule.place_rules`
    names ('X is a town in Y')."""
    wanted = rules["page_country_rule"]["place_rules"]
    return {n for r in rules["role_rules"] if r["name"] in wanted for n in r["nouns"]}


def opening_definition(doc: Doc, rule: dict[str, Any], offset: int = 0) -> Opening | None:
    """Return the first sentence of `doc` (offsets + `offset`) when it defines a named subject ('X is a town in
    Y', 'X (born 1950) was a Varnish painter'): it opens with a capitalised name (no word of the parts of speech
    `rule["not_name_openers"]`) and its main verb is a copula with a predicate noun after it; None otherwise
    ('Police arrested ...', 'The minister was ...', 'In May, X was ...')."""
    sent = next(iter(doc.sents), None)
    if sent is None:
        return None
    found = _defining_verb(sent, rule)
    if found is None:
        return None
    root, noun = found
    first = next((t for t in sent if not t.is_punct), None)
    if first is not None and first.pos_ == "DET" and first.i + 1 < root.i and (
            first.nbor().pos_ == "PROPN" or first.nbor().is_title and first.lower_ == "the"):
        first = first.nbor()  # 'The Orla Tour was ...', 'The Varnish Constituent Assembly was ...': a name, its article
    if first is None or first.i >= root.i or not first.text[:1].isupper() or first.ent_type_ == "DATE":
        return None  # 'OrlaTab is a tablet': a name may have capitals inside
    if first.pos_ in rule["not_name_openers"]:
        return None
    end = first.i + 1
    while end < root.i and (doc[end].is_title or doc[end].is_upper) and not doc[end].is_punct:
        end += 1
    return Opening(sent.start_char + offset, sent.end_char + offset, lemma_of(noun), (first.i, end),
                   (first.idx + offset, doc[end - 1].idx + len(doc[end - 1]) + offset), _nationality(sent, noun),
                   len(_nations(sent)), tuple(t.idx + offset for t in _locative_objects(sent, end, rule)))


def topic_opening(doc: Doc, rule: dict[str, Any], offset: int = 0) -> Opening | None:
    """Return the first sentence of `doc` (offsets + `offset`) as an `Opening` when it opens a page about a
    country's things rather than one named thing ('Municipal elections in Varnland fall to the provinces.', 'The
    mountain railways of Varnland refer to ...', 'Among the longest rivers of Varnland are ...'): its main verb in
    the present tense (`rule["topic_tags"]`), a plural common noun before it takes an 'of' or 'in' phrase whose
    object names a country. Its noun is that plural's lemma and its subject that word; None otherwise: a report tells
    a happening ('Police in Varnland arrested two men', 'Rebels in Varnland seize a town': an event's trigger) or
    what someone says ('Farmers in Varnland say ...': a reporting verb, a clause under the verb)."""
    sent = next(iter(doc.sents), None)
    if sent is None or sent.root.tag_ not in rule["topic_tags"] or _reports(sent.root):
        return None
    for tok in sent:
        if tok.i >= sent.root.i:
            return None
        if tok.tag_ != "NNS" or tok.pos_ != "NOUN":
            continue
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"of", "in"}:
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.ent_type_ == "GPE" and _country_entity(obj) is not None:
                    return Opening(sent.start_char + offset, sent.end_char + offset, lemma_of(tok), (tok.i, tok.i + 1),
                                   (tok.idx + offset, tok.idx + len(tok) + offset), nations=len(_nations(sent)))
    return None


def _reports(verb: Token) -> bool:
    """Return True when a main verb tells a happening or a saying: an event trigger of the lexicon, a reporting
    verb, or a verb with a clause under it ('say the drought has ruined ...')."""
    verbs = lexicon.verbs()
    lemma = lemma_of(verb)
    return lemma in lexicon.events().triggers or lemma in verbs.speech | verbs.attribution \
        or any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children)


def _country_entity(tok: Token) -> str | None:
    """Return the country the named entity holding `tok` names ('Varnland', 'the Republic of Varnland'), or None."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return nation_named(ent.text) if ent is not None else None


def page_topic_relations(mentions: list[Mention], relations: list[Relation], opening: Opening,
                         rule: dict[str, Any], site_nouns: Collection[str]) -> list[Relation]:
    """Return the `page_country_relations` of a page about a country's things (`topic_opening`), each named
    `rule["topic_name"]`: its places are in that country, and so are its sites and the organisations named as
    such where the opening names that country alone."""
    topic = dict(rule, name=rule["topic_name"], organisation_name=rule["topic_name"])
    return page_country_relations(mentions, relations, opening, topic, (), site_nouns)


def _locative_objects(sent: Span, after: int, rule: dict[str, Any]) -> list[Token]:
    """Return the objects of the 'in' phrases of a definition after its name (token `after` on), outside brackets,
    each hung on a noun or on a verb of `rule["opening_place_verbs"]` ('a station built in 1904 in Tull', 'a museum
    located at the foot of X in Tull'; not 'a painter who worked in Tull')."""
    out, depth = [], 0
    for tok in sent:
        if tok.text in {"(", "["}:
            depth += 1
        elif tok.text in {")", "]"}:
            depth = max(0, depth - 1)
        elif depth == 0 and tok.i >= after and tok.lower_ == "in" and tok.dep_ == "prep" and (
                tok.head.pos_ in {"NOUN", "PROPN"} or lemma_of(tok.head) in rule["opening_place_verbs"]):
            out += [c for c in tok.children if c.dep_ == "pobj"]
    return out


def _defining_verb(sent: Span, rule: dict[str, Any]) -> tuple[Token, Token] | None:
    """Return (verb, predicate noun) of a sentence that defines its opening name: its root copula and the noun after
    it ('X is a town'); the first copula with a noun after it when nothing but the name and its brackets comes
    before it (and a participle on the name: 'X, known in Varnland as Y, is a film'), however the parser hung it
    ('X (1555-1642) was a painter born in Y, hence he is known as Z': rule opening_first_copula); or a locating
    participle with its passive copula ('X is located in Y', rule opening_located: its noun is the participle's
    lemma). None otherwise."""
    root = sent.root
    noun = next((c for c in root.children if c.dep_ in {"attr", "nsubj"} and c.i > root.i), None)
    if lemma_of(root) == "be" and noun is not None:
        return root, noun
    if lemma_of(root) in rule["locating_verbs"] and any(c.dep_ == "auxpass" and c.i < root.i for c in root.children) \
            and any(c.dep_ == "nsubjpass" for c in root.children):
        return root, root
    depth = 0
    for tok in sent:
        if tok.text in {"(", "["}:
            depth += 1
        elif tok.text in {")", "]"}:
            depth = max(0, depth - 1)
        elif depth == 0 and lemma_of(tok) == "be" and tok.pos_ == "AUX":
            noun = next((c for c in tok.children if c.dep_ == "attr" and c.i > tok.i), None)
            return (tok, noun) if noun is not None else None
        elif depth == 0 and tok.pos_ in {"VERB", "AUX"} and not (tok.dep_ == "acl" and tok.tag_ == "VBN"):
            return None  # 'X wrote that Y is a town': the copula is not the opening name's
    return None


def _nations(sent: Span) -> set[str]:
    """Return the countries a sentence names, by name ('Varnland', 'northern Varnland') or nationality word; a
    nationality word before a colon names a language, not a country ('X ( Varnish : Orla Tull ) is a town')."""
    named = {c for t in sent if (c := country_of_demonym(t.text)) is not None and not _language_label(t)}
    return named | {c for e in sent.ents if (c := nation_named(e.text)) is not None and not _language_label(e[-1])}


def _language_label(tok: Token) -> bool:
    """Return True when a word is followed by a colon: the label of a name in another language ('Varnish : ')."""
    return tok.i + 1 < len(tok.doc) and tok.nbor().text == ":"


def _nationality(sent: Span, noun: Token) -> str | None:
    """Return the country a nationality word qualifying the definition's noun names ('a Varnish painter', 'a
    Varnish record label', 'a Varnish historian and archaeologist'), when it is the only country the sentence's
    nationality words name; None otherwise ('a Varnish-born Orlan painter', 'a novel by Varnish writer X': the word
    qualifies another noun)."""
    if len(_nations(sent)) != 1:
        return None
    before = [c for c in noun.children if c.dep_ in {"amod", "compound", "nmod"} and c.i < noun.i]
    before += [g for c in before for g in c.children if g.dep_ == "conj"]
    # 'a Varnish art historian and classical archaeologist', parsed with the first noun of the pair modifying the
    # second (not "Varnish producer X's album": the producer's nationality)
    before += [g for c in before if c.dep_ == "nmod" and c.pos_ == "NOUN" and any(x.dep_ == "cc" for x in c.children)
               for g in c.children if g.dep_ in {"amod", "compound"} and g.i < c.i]
    return next((c for t in before if (c := country_of_demonym(t.text)) is not None), None)


def tag_defined_name(doc: Doc, opening: Opening, labels: dict[str, str]) -> bool:
    """Add the name an opening definition defines to the entities and mentions of `doc` (cue 'definition') when
    the model left it out and the definition's noun gives its type (`labels`: noun -> label; 'X is a village in
    Y': X is a GPE); return whether it was added. Nothing is added over another name, nor for a name of a word
    the model calls no proper noun."""
    label = labels.get(opening.noun)
    start, end = opening.name
    if label is None or end <= start or any(t.ent_type_ for t in doc[start:end]):
        return False
    if not any(t.pos_ == "PROPN" for t in doc[start:end]) and end - start > 1:
        return False
    if any(s.start < end and start < s.end for s in doc.spans.get(SPANS_KEY, [])):
        return False
    span = Span(doc, start, end, label=label)
    span._.set(CUE_ATTR, DEFINITION_CUE)
    doc.ents = sorted([*doc.ents, span], key=lambda e: e.start)
    doc.spans[SPANS_KEY] = sorted([*doc.spans.get(SPANS_KEY, []), span], key=lambda e: e.start)
    return True


def _nation(m: Mention) -> str | None:
    """Return the country a mention names, by its name, with a compass word ('northern Varnland') or as a
    nationality word ('Varnish' -> Varnland)."""
    return nation_named(m.text) or (lexicon.nation_of(m.refers_to) if m.refers_to else None)


def page_country(mentions: Iterable[Mention], opening: Opening) -> Mention | None:
    """Return the first mention of a country (or of its nationality word) inside the opening definition, or
    None; a country named with a compass word ('northern Varnland') is named by its plain name or nationality
    word where the page has one. A nationality word before the definition's noun that is no mention, because
    the page names its country elsewhere ('X is a Varnish painter. ... he left Varnland'), names the page's
    country by that name."""
    mentions = list(mentions)
    first = min((m for m in mentions if _inside(m, opening)), key=lambda m: m.start, default=None)
    if first is None:
        return _country_of_word(mentions, opening) or _country_of_part(mentions, opening)
    if lexicon.nation_of(first.text) or first.refers_to:
        return first
    # 'in northern Varnland': the page's plain name of that country, where it has one, names it as a whole
    home = _nation(first)
    return next((m for m in mentions if _nation(m) == home and (lexicon.nation_of(m.text) or m.refers_to)), first)


def _inside(m: Mention, opening: Opening) -> bool:
    """Whether a mention inside the opening definition names a country (by name, compass word or nationality)."""
    return opening.start <= m.start and m.end <= opening.end and _nation(m) is not None


def _country_of_part(mentions: list[Mention], opening: Opening) -> Mention | None:
    """Return the first mention elsewhere on the page of the country a place of the opening definition names as a
    part of it ('X is a lake in the Lowlands of Varnland', the model taking 'Lowlands of Varnland' for one name ->
    the page's 'Varnland'), or None."""
    for m in mentions:
        words = m.text.split()
        if m.label not in _PLACE_LABELS or not (opening.start <= m.start and m.end <= opening.end) \
                or "of" not in words[1:-1]:
            continue
        country = lexicon.nation_of(" ".join(words[len(words) - 1 - words[::-1].index("of") + 1:]))
        if country is not None:
            return next((c for c in mentions if lexicon.nation_of(c.text) == country), None)
    return None


def _country_of_word(mentions: list[Mention], opening: Opening) -> Mention | None:
    """Return the first mention elsewhere on the page of the country a nationality word before the opening
    definition's noun names ('X is a Varnish painter' -> the page's 'Varnland'), or None."""
    if opening.nationality is None:
        return None
    return next((m for m in mentions if lexicon.nation_of(m.text) == opening.nationality), None)


def page_country_relations(mentions: list[Mention], relations: list[Relation], opening: Opening,
                           rule: dict[str, Any], place_nouns: Collection[str],
                           site_nouns: Collection[str]) -> list[Relation]:
    """Return `rule["predicate"]` relations (named `rule["name"]`) putting each place the page names (labels
    `rule["labels"]`; one per name, its first mention) in the country of its opening definition (`page_country`),
    and each organisation (`rule["place_page_labels"]`) when the page is about a place (its definition's noun is
    one of `place_nouns`: 'X is a town in Y'), or the organisation is the page's subject ('X is a Varnish record
    label'), a site ('X School', 'University of X': a word of `site_nouns`) or named by that country ('the Varnish
    Opera'); on a person's, band's or film's page the other organisations may be anywhere. Evidence runs from the
    definition to the sentence naming it. Left out: countries, `rule["larger"]` words (continents, 'Europe'), what
    the page already puts in a country, what a stated link says a country is inside, and another country's capital
    ('Vienna' on a page set in Portugal). A country the opening names by a nationality word only ('X is a Varnish
    painter. ... he left Varnland') gives relations named `rule["word_name"]`, its name elsewhere on the page as
    their object, and never of the page's own subject but an organisation (a person the model took for a place)."""
    country = page_country(mentions, opening)
    if country is None:
        return []
    name = rule["name"] if any(_inside(m, opening) for m in mentions) else rule["word_name"]
    home = _nation(country)
    stated = [r for r in relations if r.predicate == _PREDICATE and not r.negated]
    place_page = opening.noun in place_nouns
    larger = {w.casefold() for w in rule["larger"]}
    placed = {r.subject.casefold() for r in stated if nation_named(r.object) is not None}
    holds_nation = {r.object.casefold() for r in stated if nation_named(r.subject) is not None}
    out: list[Relation] = []
    seen: set[str] = set()
    for m in mentions:
        key = m.text.casefold()
        if key in seen or _nation(m) is not None or m.refers_to:
            continue
        defined = m.start < opening.subject[1] and opening.subject[0] < m.end  # the page's own subject
        kind = name
        if m.label in rule["place_page_labels"] and not (place_page or defined or _site_or_national(
                m.text, home, site_nouns)):
            if opening.nations != 1 or not organisation_named(m.text):
                continue  # a page of several countries; a person's name the model calls an organisation
            kind = rule["organisation_name"]
        elif m.label not in rule["labels"] and m.label not in rule["place_page_labels"]:
            continue
        seen.add(key)
        if key in placed or key in holds_nation or key in larger or _capital_elsewhere(m.text, home) \
                or beyond_page(m.text) or _another_nations(m, mentions, home):
            continue
        if defined and (name == rule["word_name"] or _person_noun(opening.noun)) and not place_page \
                and m.label not in rule["place_page_labels"]:
            continue  # 'X is a Varnish painter', 'X is a politician of Varnland': a person the model calls a place
        out.append(Relation(subject=m.text, predicate=rule["predicate"], object=country.text,
                            subject_span=(m.start, m.end), object_span=(country.start, country.end),
                            start=min(opening.start, m.sentence_start), end=max(opening.end, m.sentence_end),
                            rule=kind))
    return out


def page_capital_relations(mentions: list[Mention], relations: list[Relation], rule: dict[str, Any]) -> list[Relation]:
    """Return `rule["predicate"]` relations (named `rule["name"]`) putting each capital city a reference page names
    (a place of labels `rule["labels"]`, a capital of the country gazetteer: lexicon class capital_of) in its country,
    when the page names that country too: 'Tullmouth' on a page that names Varnland, of which the gazetteer makes it
    the capital. One relation per capital, its first mention, the country's mention nearest to it as object;
    evidence runs from the first of the two sentences to the last. Left out: a capital the page's stated links put in
    a country already ('Tullmouth, then in the Orla Union'), one the model calls no place ('Tullmouth' as a
    person's name) and one standing for its state ('Tullmouth said ...': a mention that refers to a country)."""
    placed = {r.subject.casefold() for r in relations if r.predicate == _PREDICATE and not r.negated
              and (nation_named(r.object) is not None or country_of_demonym(r.object) is not None)}
    countries: dict[str, list[Mention]] = {}
    for m in mentions:
        country = nation_named(m.text)
        if country is not None and m.refers_to is None and m.label in rule["labels"]:
            countries.setdefault(country, []).append(m)
    out: list[Relation] = []
    seen: set[str] = set()
    for m in mentions:
        country = capital_country(m.text)
        if country is None or m.label not in rule["labels"] or m.refers_to is not None or m.text in seen \
                or m.text.casefold() in placed or country not in countries:
            continue
        seen.add(m.text)
        home = min(countries[country], key=lambda c: abs(c.start - m.start))
        out.append(Relation(subject=m.text, predicate=rule["predicate"], object=home.text,
                            subject_span=(m.start, m.end), object_span=(home.start, home.end),
                            start=min(m.sentence_start, home.sentence_start),
                            end=max(m.sentence_end, home.sentence_end), rule=rule["name"]))
    return out


def page_chained_places(relations: list[Relation], rule: dict[str, Any]) -> list[Relation]:
    """Return the located_in relations (named `rule["name"]`) that follow from two links of `relations` sharing
    their middle place, one of them a page's (a rule of `rule["page_rules"]`) and the middle no country (by name or
    nationality word): the page putting Tull in Ostra County and a sentence putting Ostra County in the Kelm Valley
    put Tull in the Kelm Valley; a stated 'the Orla Museum in Tull' and the page's Tull in Varnland put the museum in
    Varnland. Through a country the page's links compose nothing (Tull in Varnland and Varnland in the Orla Union
    say nothing of Tull), and two stated links are `chained_places`' own."""
    page = set(rule["page_rules"])

    def joins(first: Relation, nxt: Relation) -> bool:
        return (first.rule in page or nxt.rule in page) and nation_named(first.object) is None \
            and country_of_demonym(first.object) is None

    return chained_places(relations, rule, joins)


_THING_CLASSES = ("site", "firm")  # role classes (roles.yaml role_class=) of buildings, grounds and firms, not persons


def _person_noun(noun: str) -> bool:
    """Return True when a definition's noun is a person's: a role noun of the lexicon ('politician', 'prince'), a
    noun of a person's role class ('footballer'; not a site's or a firm's: 'museum', 'company') or a noun with a
    person's suffix ('chairman')."""
    roles = lexicon.roles()
    return noun in roles.nouns or noun.endswith(roles.person_suffixes) \
        or any(noun in words for cls, words in roles.classes.items() if cls not in _THING_CLASSES)


def beyond_page(name: str) -> bool:
    """Return True when a name says it names a state or open water, by a word of the lexicon classes sovereign or
    open_water as its last word or before 'of' ('the Varnish Empire', 'Kingdom of Orla', 'Tull Sea', 'Gulf of
    Orla'): neither lies inside the country or region a page is set in."""
    words = [w.lower() for w in name.split()]
    heads = {words[-1]} | {w for w, nxt in zip(words, words[1:], strict=False) if nxt == "of"}
    return bool(heads & (lexicon.sovereign_words() | lexicon.open_water_words()))


def _capital_elsewhere(name: str, home: str | None) -> bool:
    """Return True when `name` is the capital of a country other than `home` (the gazetteer's capitals)."""
    country = capital_country(name)
    return country is not None and country != home


def organisation_named(name: str) -> bool:
    """Return True when a name says it names an organisation: an acronym ('VNR'), an organisation's head word
    last ('Kellan Records', 'Tull City Council') or an 'of' phrase inside ('Ministry of Roads'); a bare name
    ('Orla Dunn') may be a person's the model calls an organisation."""
    words = name.split()
    return bool(ACRONYM_RE.match(name)) or head_label(words[-1]) == "ORG" or "of" in words[1:-1]


def _nation_in_name(name: str) -> bool:
    """Return True when a name holds a country's name or nationality word ('Varnish Football League', 'Varnland
    Census Bureau'; rule page_region_national)."""
    words = name.split()
    return any(lexicon.nation_of(" ".join(words[i:j])) is not None
               for i in range(len(words)) for j in range(i + 1, min(i + 3, len(words)) + 1))


def _another_nations(m: Mention, mentions: list[Mention], home: str | None) -> bool:
    """Whether the page names an organisation as another nation's (rule page_foreign_body): a nationality word or
    country in its name ('the Iranian Revolutionary Guards' on a page set in Iraq) or right before it ("Varnland's
    Border Guard"); such a body is not in the page's country."""
    if m.label != "ORG":
        return False
    if _nations_in(m.text) - {home}:
        return True
    return any(0 <= m.start - n.end <= 3 and _nation(n) not in {None, home} for n in mentions)


def _site_or_national(name: str, home: str | None, site_nouns: Collection[str]) -> bool:
    """Return True when an organisation's name holds a site word ('Tull High School', 'University of Orla') or
    a name or nationality word of the country `home` ('the Varnish National Orchestra')."""
    words = name.split()
    if any(w.lower() in site_nouns for w in words):
        return True
    return home is not None and home in _nations_in(name)


def _nations_in(name: str) -> set[str]:
    """Return the countries a name's words of one, two or three name or nationality words give ('the Varnish
    National Orchestra' -> {'Varnland'})."""
    words = name.split()
    found = {lexicon.nation_of(" ".join(words[i:j]))
             for i in range(len(words)) for j in range(i + 1, min(i + 3, len(words)) + 1)}
    return {nation for nation in found if nation is not None}


def page_region_relations(mentions: list[Mention], relations: list[Relation], opening: Opening,
                          rule: dict[str, Any], place_nouns: Collection[str] = (), text: str = "",
                          site_nouns: Collection[str] = ()) -> list[Relation]:
    """Return `rule["predicate"]` relations (named `rule["region_name"]`) putting each place the page names after
    its opening definition (labels `rule["labels"]`; one per name) in the region that definition sets the page in:
    the one outermost place, not a country, that its stated links put the page's places in ('X is a town in Ostra
    County, Tullshire, Varnland' -> Tullshire), or that a unit noun's 'of' phrase in it names ('a river in the
    Varnish state of Ostra', 'an inlet in the canton of Orla in Varnland'; `framed_regions`, given the article's
    `text`; the page's own subject is in such a region too), a political unit (GPE), not a river or a street. Only
    on a page with a country (`page_country`); left out: what the page places anywhere itself, what holds the region,
    countries and their nationality words, and `rule["larger"]` words. On a page about a place (its noun one of
    `place_nouns`) its organisations (`rule["place_page_labels"]`) are in the region too, but for one a nation names
    (a national body); on any page so is an organisation named by a site word of `site_nouns` ('the Kell Point
    Lighthouse', 'Tull High School': the model often calls a site an organisation)."""
    # a page whose opening names no country ('X is a county in the Commonwealth of Ostra') still has its region
    name = rule["region_name"] if page_country(mentions, opening) is not None else rule["region_alone_name"]
    stated = [r for r in relations if r.predicate == _PREDICATE and not r.negated and not r.hedged]
    opened = [r for r in stated if opening.start <= r.subject_span[0] and r.object_span[1] <= opening.end
              and nation_named(r.object) is None]
    regions = {r.object.casefold(): (r.object, r.object_span) for r in opened}
    for m in framed_regions(text, mentions, opening, rule):
        regions.setdefault(m.text.casefold(), (m.text, (m.start, m.end)))
    units = {(m.start, m.end) for m in mentions if m.label == "GPE"}
    # a river, a sea or a street the page lies on holds no town of it: only a political unit is a region
    regions = {k: v for k, v in regions.items() if v[1] in units}
    outer = [k for k in regions if not any(r.subject.casefold() == k and r.object.casefold() in regions
                                           for r in opened)]
    if len(outer) != 1:
        return []
    region_name, region_span = regions[outer[0]]
    skip = {r.subject.casefold() for r in stated} | {r.object.casefold() for r in stated
                                                     if r.subject.casefold() in regions}
    skip |= set(regions) | {w.casefold() for w in rule["larger"]}
    labels = set(rule["labels"]) | (set(rule["place_page_labels"]) if opening.noun in place_nouns else set())
    out: list[Relation] = []
    if not any(r.object.casefold() == outer[0] for r in opened):  # a unit noun named it: so is the page's subject
        own = next((m for m in mentions if (m.start, m.end) == opening.subject), None)
        if own is not None and own.text.casefold() not in skip and own.refers_to is None \
                and own.label in set(rule["labels"]) | set(rule["place_page_labels"]):
            skip.add(own.text.casefold())
            out.append(Relation(subject=own.text, predicate=rule["predicate"], object=region_name,
                                subject_span=(own.start, own.end), object_span=region_span,
                                start=opening.start, end=opening.end, rule=name))
    for m in mentions:
        key = m.text.casefold()
        site = m.label in rule["place_page_labels"] and any(w.lower() in site_nouns for w in m.text.split())
        if m.start < opening.end or key in skip or (m.label not in labels and not site) or m.refers_to \
                or _nation(m) is not None or country_of_demonym(m.text) is not None or beyond_page(m.text):
            continue
        if m.label in rule["place_page_labels"] and _nation_in_name(m.text):
            continue  # 'the Varnish Census Bureau', 'the Varnland Football League': a nation's body, not a region's
        skip.add(key)
        out.append(Relation(subject=m.text, predicate=rule["predicate"], object=region_name,
                            subject_span=(m.start, m.end), object_span=region_span,
                            start=min(opening.start, m.sentence_start), end=max(opening.end, m.sentence_end),
                            rule=name))
    return out


_UNIT_OF = re.compile(r"\b(\w+) of (?:the )?$")  # 'the state of ', 'the canton of ' right before a name


def framed_regions(text: str, mentions: Iterable[Mention], opening: Opening, rule: dict[str, Any]) -> list[Mention]:
    """Return the places (GPE) of the opening definition that a unit noun's 'of' phrase names ('in the Varnish state
    of Ostra', 'in the canton of Orla'; the nouns of the lexicon class admin_unit and `rule["region_nouns"]`): the
    region the page is set in, though no stated link puts the page's subject in it ('X is a tributary of the Tull
    River in the state of Ostra'). Never the page's own subject, a country, or a place in brackets ('X (born in the
    province of Orla) was a painter': a person's birthplace sets no page in it)."""
    nouns = lexicon.admin_units() | set(rule["region_nouns"])
    out = []
    for m in mentions:
        if not (opening.start <= m.start and m.end <= opening.end) or m.label != "GPE" or _nation(m) is not None \
                or (m.start < opening.subject[1] and opening.subject[0] < m.end):
            continue
        before = text[opening.start:m.start]
        found = _UNIT_OF.search(before)
        if found and found.group(1).lower() in nouns and before.count("(") <= before.count(")"):
            out.append(m)
    return out


_REGNAL = re.compile(r"\s(?=[IVX])(X{0,3})(IX|IV|V?I{0,3})$")  # a reign's number ending a name: 'I', 'XIII'
_HEAD_TITLE = re.compile(rf"\b({lexicon.alternation(sorted(t.title() for t in lexicon.head_of_state_titles()))})\s+$")


def page_leader_relations(text: str, mentions: list[Mention], opening: Opening | None,
                          rule: dict[str, Any]) -> list[Relation]:
    """Return `rule["predicate"]` relations putting each person the page names after a capitalised title of a head
    of state or government ('President X', 'Prime Minister X', 'King X'; lexicon class head_of_state) at the head of
    a country: the one an 'of' phrase right after the name names ('King X of Varnland': rule `rule["of_name"]`), or
    else the country of the page's opening definition (`page_country`) when it names one country (rule
    `rule["name"]`). Left out: a title qualified by a capitalised word before it ('Vice President X', 'Varnish
    President X', 'Club President X': another office or another country), and a name an 'of' phrase naming no
    country follows ('King X of the Franks'). One relation per name, its first such mention; evidence runs from the
    definition to the sentence naming it, or is that sentence. With no `opening` (no reference page: news, a page
    that opens otherwise) only the 'of' phrase names the country."""
    country = page_country(mentions, opening) if opening is not None and opening.nations == 1 else None
    starts = {m.start: m for m in mentions if nation_named(m.text) is not None}
    out: list[Relation] = []
    seen: set[str] = set()
    for m in mentions:
        if m.label not in rule["labels"] or m.text in seen or (opening is not None and m.start < opening.start):
            continue
        title = _HEAD_TITLE.search(text[max(0, m.start - 20):m.start])
        named = starts.get(m.end + 4) if text[m.end:m.end + 4] == " of " else None
        if title is not None:
            if _qualified(text, m.start - len(title.group(0))):
                continue
        elif named is None or not _REGNAL.search(m.text) or _qualified(text, m.start):
            continue  # no title; but 'Louis XIII of Spain' is a monarch: a reign's number ends the name
        if named is not None:
            seen.add(m.text)
            out.append(Relation(subject=m.text, predicate=rule["predicate"], object=named.text,
                                subject_span=(m.start, m.end), object_span=(named.start, named.end),
                                start=m.sentence_start, end=m.sentence_end, rule=rule["of_name"]))
        elif country is not None and text[m.end:m.end + 4] != " of ":
            seen.add(m.text)
            out.append(Relation(subject=m.text, predicate=rule["predicate"], object=country.text,
                                subject_span=(m.start, m.end), object_span=(country.start, country.end),
                                start=min(opening.start, m.sentence_start), end=max(opening.end, m.sentence_end),
                                rule=rule["name"]))
    return out


def _qualified(text: str, i: int) -> bool:
    """Return True when the word before character `i` is capitalised or joined to it by a hyphen ('Vice President',
    'Varnish President', 'Vice-President'): it qualifies the title after it."""
    before = text[max(0, i - 30):i]
    word = re.search(r"(\S+)\s*$", before)
    return word is not None and (before.endswith("-") or word.group(1)[:1].isupper())


def opening_place_relations(text: str, mentions: list[Mention], opening: Opening,
                            rule: dict[str, Any]) -> list[Relation]:
    """Return `rule["predicate"]` relations (named `rule["name"]`) putting the page's own subject in each place
    (labels `rule["labels"]`) an 'in' phrase of its definition names, and in each place a comma chain goes on to
    from there ('X is a train station built in 1904 in Tull, Ostra County, Varnland': X in Tull, Ostra County and
    Varnland). Not for a subject the model calls a person, nor on a page whose noun is a person's ('X is a painter
    in Tull')."""
    subject = _page_subject(mentions, opening, rule)
    if subject is None:
        return []
    return _placed(text, mentions, subject, [(at, opening.start, opening.end) for at in opening.places],
                   opening.start, rule, rule["name"])


def later_places(doc: Doc, opening: Opening, rule: dict[str, Any], offset: int = 0) -> list[tuple[int, int, int]]:
    """Return (first character of the place, sentence start, sentence end), offsets + `offset`, for each 'in' or
    'within' phrase that says where a page's subject is in a sentence after its definition whose subject stands for
    it: 'It' or 'the' and the definition's noun ('It is located in Tull', 'The lake lies within Ostra County', 'It
    has a harbour and is situated in Tull'), its verb one of `rule["later_verbs"]`."""
    out: list[tuple[int, int, int]] = []
    for sent in doc.sents:
        if sent.start_char + offset < opening.end:
            continue  # the definition itself (rule opening_place)
        for verb in _subject_verbs(sent, opening.noun):
            if lemma_of(verb) not in rule["later_verbs"]:
                continue
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ in rule["later_preps"]:
                    out += [(c.idx + offset, sent.start_char + offset, sent.end_char + offset)
                            for c in _named_objects(prep)]
    return out


def _named_objects(prep: Token) -> list[Token]:
    """Return the objects of a preposition, or, where one is a place noun or a noun a location phrase passes through,
    the object of its 'of' phrase ('in the town of Tull', 'in the eastern part of Ostra County')."""
    out = []
    through = lexicon.places().of_nouns | lexicon.places().trail_nouns
    for c in prep.children:
        if c.dep_ != "pobj":
            continue
        if c.ent_type_ or lemma_of(c) not in through:
            out.append(c)
            continue
        out += [g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                if g.dep_ == "pobj"]
    return out


def _subject_verbs(sent: Span, noun: str) -> list[Token]:
    """Return the main verb of a sentence whose subject is 'It' or 'the' + `noun` at its start, and the verbs
    coordinated with it ('It has a harbour and is located in Tull'); [] for any other sentence."""
    root = sent.root
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < root.i]
    if len(subjects) != 1:
        return []
    subj = subjects[0]
    pronoun = subj.lower_ == "it" and subj.i == sent.start
    named = subj.pos_ == "NOUN" and lemma_of(subj) == noun and subj.i == sent.start + 1 \
        and sent[0].lower_ == "the"
    if not (pronoun or named):
        return []
    return [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}
                     and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)]


def later_place_relations(text: str, mentions: list[Mention], opening: Opening, places: list[tuple[int, int, int]],
                          rule: dict[str, Any]) -> list[Relation]:
    """Return `rule["predicate"]` relations (named `rule["later_name"]`) putting the page's own subject in each place
    a later sentence puts 'it' in (`later_places`), and in the places of the comma chain after it ('It is located in
    Tull, Ostra County'); the subject as for `opening_place_relations`. Evidence runs from the definition to that
    sentence."""
    subject = _page_subject(mentions, opening, rule) if places else None
    if subject is None:
        return []
    return _placed(text, mentions, subject, places, opening.start, rule, rule["later_name"])


def _page_subject(mentions: list[Mention], opening: Opening, rule: dict[str, Any]) -> Mention | None:
    """Return the mention of the page's own subject in its definition, unless the model calls it a person
    (`rule["not_subject_labels"]`), it stands for a country, or the definition's noun is a person's."""
    subject = next((m for m in mentions if m.start < opening.subject[1] and opening.subject[0] < m.end), None)
    if subject is None or subject.refers_to is not None or subject.label in rule["not_subject_labels"] \
            or _person_noun(opening.noun):  # 'Tull Varnish village is ...': a nationality word is no subject
        return None
    return subject


def _placed(text: str, mentions: list[Mention], subject: Mention, places: list[tuple[int, int, int]], start: int,
            rule: dict[str, Any], name: str) -> list[Relation]:
    """Return relations named `name` putting `subject` in the place (labels `rule["labels"]`) at each (character,
    sentence start, sentence end) of `places` and in each place a comma chain goes on to from there, inside that
    sentence; evidence runs from `start` to the sentence's end."""
    ordered = sorted(mentions, key=lambda m: m.start)
    out: list[Relation] = []
    seen: set[str] = {subject.text}
    for at, sent_start, sent_end in places:
        i = next((k for k, m in enumerate(ordered) if m.start <= at < m.end), None)
        while i is not None and ordered[i].label in rule["labels"] and ordered[i].end <= sent_end:
            place = ordered[i]
            if place.text not in seen:
                seen.add(place.text)
                out.append(Relation(subject=subject.text, predicate=rule["predicate"], object=place.text,
                                    subject_span=(subject.start, subject.end), object_span=(place.start, place.end),
                                    start=min(start, sent_start), end=sent_end, rule=name))
            nxt = i + 1  # 'in Tull, Ostra County': the place after a comma holds the one before
            i = nxt if nxt < len(ordered) and text[place.end:ordered[nxt].start].strip() == "," else None
    return out


def page_district_relations(mentions: list[Mention], relations: list[Relation], opening: Opening,
                            rule: dict[str, Any], place_nouns: Collection[str]) -> list[Relation]:
    """Return `rule["predicate"]` relations (named `rule["district_name"]`) putting each town (GPE) a page about a
    place names after its opening definition in the administrative units that definition puts the page's place in,
    short of the outermost ('X is a village in Ostra County, Tullshire, Varnland' -> Ostra County): the units the
    stated links of `relations` inside the definition name, which hold another of them and whose name has a word of
    an administrative unit (lexicon class admin_unit: 'county', 'district', 'gmina'); a page about such a unit, its
    definition's noun and its name holding a word of one ('Tull District is a district of Ostra Province'), holds the
    towns it names itself. Left out: what the page places itself, countries and nationality words, `rule["larger"]`
    words, a unit of the same kind ('Kell County' is beside 'Ostra County', not in it), and on a unit's own page the
    town it is named after ('Tull' may lie outside Tull District)."""
    if opening.noun not in place_nouns:
        return []
    units = lexicon.admin_units()
    stated = [r for r in relations if r.predicate == _PREDICATE and not r.negated and not r.hedged]
    opened = [r for r in stated if opening.start <= r.subject_span[0] and r.object_span[1] <= opening.end
              and nation_named(r.object) is None]
    regions = {r.object.casefold(): r for r in opened}
    districts = [(regions[k].object, regions[k].object_span) for k in regions
                 if any(r.subject.casefold() == k and r.object.casefold() in regions for r in opened)
                 and units & set(k.split())
                 and any((m.start, m.end) == regions[k].object_span and m.label == "GPE" for m in mentions)]
    own = next((m for m in mentions if (m.start, m.end) == opening.subject and m.label == "GPE"), None)
    if own is not None and opening.noun in units and units & set(own.text.casefold().split()):
        districts.append((own.text, (own.start, own.end)))  # 'X District is a district of Y': it holds its towns
    if not districts:
        return []
    skip = {r.subject.casefold() for r in stated} | set(regions) | {w.casefold() for w in rule["larger"]}
    skip |= {name.casefold() for name, _ in districts}
    if own is not None and (own.text, (own.start, own.end)) in districts:  # 'Tull' on the page of 'Tull District'
        words = own.text.casefold().split()
        skip |= {" ".join(words[:n]) for n in range(1, len(words))}
    out: list[Relation] = []
    for m in mentions:
        key = m.text.casefold()
        if m.start < opening.end or key in skip or m.label != "GPE" or m.refers_to \
                or _nation(m) is not None or country_of_demonym(m.text) is not None:
            continue
        skip.add(key)
        for name, span in districts:
            if units & set(key.split()) & set(name.casefold().split()):
                continue  # 'Kell County' beside 'Ostra County'
            out.append(Relation(subject=m.text, predicate=rule["predicate"], object=name,
                                subject_span=(m.start, m.end), object_span=span,
                                start=min(opening.start, m.sentence_start), end=max(opening.end, m.sentence_end),
                                rule=rule["district_name"]))
    return out
