"""Extraction of one article (or many): a pure function of text, spans, date and pipeline.

Each English span is parsed once with ``nlp.pipe``; mentions and alias statements are
read from the corrected doc, relations / events / claims by the pipeline's ``linkchart_facts``
component (``linkchart.extract.facts``), sentence by sentence, with what the span before said
(the last date it stated, the speaker and subjects it ended on). Two article-level passes
follow, both using only the article itself:

* headline filter: in a sentence written in Title Case, capitals say nothing, so a
  mention there is kept only when the same text is also a mention in running text;
* label propagation: a mention whose type only spaCy vouched for takes the type that
  cue-confirmed mentions of the same text in the article have, and a short form of a
  person's full name ('Sadr' after 'Muqtada al-Sadr') becomes a PERSON.

A reference page that opens by defining its subject ('X is a town in Y') is also read as a
whole (``extract.pages``): the name it defines is a mention where the model missed it, and
the places it names are in the country its definition names.
"""

from __future__ import annotations

import multiprocessing as mp
import re
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from linkchart import lexicon
from linkchart.extract.aliases import ArticleLead, article_lead, find_aliases
from linkchart.extract.body_owners import nested_owners
from linkchart.extract.credits import caption_credit, caption_mentions, credit_mentions, credit_role
from linkchart.extract.dates import last_stated_date
from linkchart.extract.demonyms import NAMED_AT_MOST, demonym_mention, names_its_country
from linkchart.extract.discourse import (
    article_names,
    person_surnames,
    retype_for_facts,
    shouted_names,
    tag_known_names,
    tag_shouted_names,
)
from linkchart.extract.doctext import doc_text, keep_text
from linkchart.extract.facts import FactReader, fact_reader
from linkchart.extract.focus import tag_focus
from linkchart.extract.governments import tag_governments
from linkchart.extract.locations import chained_places, countries_kept_outside, country_named_bodies, named_places
from linkchart.extract.mentions import CUE_ATTR, SPANS_KEY, WEAK_CUES, mentions_from_doc
from linkchart.extract.name_heads import tag_named_before
from linkchart.extract.pages import (
    Opening,
    defined_labels,
    later_place_relations,
    later_places,
    opening_definition,
    opening_place_relations,
    page_capital_relations,
    page_chained_places,
    page_country_relations,
    page_district_relations,
    page_leader_relations,
    page_region_relations,
    page_topic_relations,
    place_nouns,
    tag_defined_name,
    topic_opening,
)
from linkchart.extract.quoted_names import quoted_name_mentions, quoted_names
from linkchart.extract.referents import tag_referents_before
from linkchart.extract.regions import narrow_lone_regions
from linkchart.extract.relations import party_word
from linkchart.extract.sentence_index import sentence_of
from linkchart.extract.speakers import Speaker
from linkchart.extract.title_holders import tag_title_holders
from linkchart.extract.works import work_names
from linkchart.models import Extraction, Mention

WORD_RE = re.compile(r"[A-Za-z][A-Za-z’'\-]{3,}")
HEADLINE_MIN_WORDS = 2
HEADLINE_CAPITALISED = 0.7
LIST_COMMAS = 2  # a Title Case sentence with this many commas is a list of names, no headline
TABLE_NUMBERS = 3  # nor is one with this many numbers (a table of results)
NUMBER_RE = re.compile(r"(?<!\S)[\d.,:\-]*\d(?!\S)")
# The longest piece of text parsed at once, far below spaCy's `nlp.max_length` (1,000,000
# characters, error E088): a longer paragraph is parsed in pieces cut at line or sentence ends.
MAX_PIECE = 10_000
MAX_BATCH = 100_000  # the most characters parsed in one `nlp.pipe` batch (its memory follows them)
_PIECE_ENDS = ("\n", ". ", "? ", "! ", " ")  # the cut is after the last of these, in this order of preference
# The most characters of one article's parsed pieces held before they are read (names one piece
# tags in another are looked for within these); every article of a normal size is read whole.
MAX_HELD = 500_000
CREDIT_CUE = "credit"  # the cue of a mention read from a byline or picture credit
QUOTE_CUE = "quote"  # the cue of a quoted name an alias statement gives an actor
DEMONYM_CUE = "demonym"  # the cue of a nationality word read as a mention of its country
OWNER_CUE = "body_owner"  # the cue of a nation's name inside a national body ('U.S.' of 'the U.S. government')
_HEADLINE_PROOF = frozenset({CREDIT_CUE, "dateline"})  # cues whose mentions a Title Case sentence keeps
# predicates whose object a party adjective may stand for ('Tory spokesman X': X speaks for the party)
_MEMBERSHIP = frozenset({"member_of", "leads", "spokesperson_of"})

Item = tuple[str, list[tuple[int, int]], str | None]


@dataclass
class _Article:
    text: str
    date: str | None
    mentions: list[tuple[Mention, str]] = field(default_factory=list)  # (mention, cue)
    extraction: Extraction = field(default_factory=Extraction)
    context_date: str | None = None  # the last date the article stated before the current span
    # spans the model called NORP ('Khazali' as if a nationality): names if the article names them elsewhere
    norp: list[Mention] = field(default_factory=list)
    # NORP span -> (where a party name opens, whether its first word is surely part of the name)
    party_starts: dict[tuple[int, int], tuple[int, bool]] = field(default_factory=dict)
    demonyms: list[Mention] = field(default_factory=list)  # nationality words standing for their countries
    quoted: dict[str, str] = field(default_factory=dict)  # quoted names alias statements gave actors → their type
    works: set[str] = field(default_factory=set)  # names the article calls works ('the album X'), no actors
    # who the previous span announced at its end ('X continues:'), and where that span ended
    speaker: Speaker | None = None
    subjects: dict[str, Speaker] = field(default_factory=dict)  # whom the previous span ended on, by label
    told: dict[str, str] = field(default_factory=dict)  # when the spans read so far told each event kind
    last_end: int = -1
    read_any: bool = False  # whether a span of running text was read yet (the first is the page's opening)
    opening: Opening | None = None  # the opening sentence, when it defines the page's subject (pages.py)
    topic: Opening | None = None  # the opening sentence, when it names a country's things instead (pages.py)
    # where later sentences put the page's subject ('It is located in Tull'): (place char, sentence start, end)
    later: list[tuple[int, int, int]] = field(default_factory=list)
    lead: ArticleLead | None = None  # the name that opening defines, which an early 'It is also known as' renames


def _read_doc(doc: Doc, offset: int, art: _Article, reader: FactReader) -> None:
    narrow_lone_regions(doc, art.text)
    cues = [span._.get(CUE_ATTR) or "spacy" for span in doc.spans[SPANS_KEY]] if SPANS_KEY in doc.spans else []
    found = mentions_from_doc(doc, offset)
    text = doc_text(doc)
    role = credit_role(text)
    if role is not None:  # a byline or a picture credit: names with their role, no facts, no context
        art.mentions.extend((m, CREDIT_CUE) for m in credit_mentions(found, role))
        return
    credit = caption_credit(text)
    if credit is not None:  # a picture caption and its credit: names, no facts
        art.mentions.extend((m, CREDIT_CUE) for m in caption_mentions(found, text, credit, offset))
        return
    if not art.read_any:
        art.read_any = True
        art.opening = opening_definition(doc, reader.rules["page_country_rule"], offset)
        if art.opening is None:
            art.topic = topic_opening(doc, reader.rules["page_country_rule"], offset)
        if art.opening is not None and tag_defined_name(doc, art.opening, defined_labels(reader.rules)):
            cues = [span._.get(CUE_ATTR) or "spacy" for span in doc.spans[SPANS_KEY]]
            found = mentions_from_doc(doc, offset)
    art.mentions.extend(zip(found, cues or ["spacy"] * len(found), strict=True))
    owners, owner_words = nested_owners(doc, offset)
    if owners:  # 'U.S.' of 'the U.S. government' names the nation too (extract.body_owners)
        art.mentions.extend((m, OWNER_CUE) for m in owners)
        art.mentions.sort(key=lambda pair: pair[0].start)
    art.demonyms.extend(owner_words)
    if art.opening is not None:
        art.later += later_places(doc, art.opening, reader.rules["opening_place_rule"], offset)
    if art.opening is not None and art.lead is None:
        art.lead = article_lead(art.opening.subject, art.opening.start, found)
    if SPANS_KEY in doc.spans:
        art.works |= work_names(doc, list(doc.spans[SPANS_KEY]))
    aliases = find_aliases(doc, offset, art.lead)
    art.extraction.aliases.extend(aliases)
    art.quoted.update(quoted_names(aliases, found, text, offset))
    quoted = quoted_name_mentions(doc, art.quoted, found, offset)
    if quoted:  # 'X, known as "The Mayor's Own"': the quoted name is a mention of X's kind (extract.quoted_names)
        art.mentions.extend((m, QUOTE_CUE) for m in quoted)
        art.mentions.sort(key=lambda pair: pair[0].start)
    for e in doc.ents:
        if e.label_ == "NORP" and names_its_country(e):
            art.demonyms.append(demonym_mention(e, offset))
        if e.label_ == "NORP" and e.text[:1].isupper():
            sent = sentence_of(e)
            art.norp.append(Mention(e.start_char + offset, e.end_char + offset, e.text, "NORP",
                                    sent.start_char + offset, sent.end_char + offset))
            first = doc[_party_start(doc, e)]
            sure = first.pos_ == "PROPN" or first.i > sent.start
            art.party_starts[(e.start_char + offset, e.end_char + offset)] = (first.idx + offset, sure)
    adjacent = art.last_end >= 0 and not art.text[art.last_end:offset].strip()
    facts = reader.read(doc, offset, art.date, context_date=art.context_date,
                        context_speaker=art.speaker if adjacent else None,
                        context_subjects=_carried_subjects(art, adjacent), context_told=art.told)
    art.context_date = last_stated_date(doc[:], art.date, art.context_date)
    art.speaker = facts.speaker
    art.subjects = facts.subjects
    art.told = facts.told
    art.last_end = offset + len(doc_text(doc))
    art.extraction.relations.extend(facts.relations)
    art.extraction.events.extend(facts.events)
    art.extraction.claims.extend(facts.claims)


def _carried_subjects(art: _Article, adjacent: bool) -> dict[str, Speaker] | None:
    """Return the person and organisation a pronoun opening the next span may stand for: those the previous span
    ended on (when nothing stands between), else the person or organisation the page's opening defines (rule
    page_person_pronoun: on a page about X, 'He received his doctorate at Y' or 'It was acquired by Y' with no one
    carried from the paragraph before is X)."""
    subjects = dict(art.subjects) if adjacent else {}
    lead = art.lead
    if lead is not None and lead.label in {"PERSON", "ORG"} and lead.label not in subjects:
        subjects[lead.label] = Speaker(lead.name, lead.label, *lead.span)
    return subjects or None


def _is_headline(text: str, start: int, end: int, mentions: list[Mention]) -> bool:
    """Return True when the sentence [start, end) is written in Title Case, and is no list or table (names
    separated by commas or numbers: a line-up, results), whose capitals are names."""
    sentence = text[start:end]
    if sentence.count(",") >= LIST_COMMAS or len(NUMBER_RE.findall(sentence)) >= TABLE_NUMBERS:
        return False
    shouted = WORD_RE.findall(sentence)
    if len(shouted) >= HEADLINE_MIN_WORDS and all(w.isupper() for w in shouted):
        return True  # in capitals throughout, whatever the model made of its words
    pieces = []
    pos = start
    for m in mentions:
        pieces.append(text[pos : m.start])
        pos = max(pos, m.end)  # a mention nested in the one before it ('U.S.' of 'the U.S. government')
    pieces.append(text[pos:end])
    words = WORD_RE.findall(" ".join(pieces))
    if len(words) < HEADLINE_MIN_WORDS:
        return False
    return sum(w[0].isupper() for w in words) >= HEADLINE_CAPITALISED * len(words)


def _drop_headline_only(text: str, pairs: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
    by_sentence: dict[tuple[int, int], list[Mention]] = {}
    for m, _cue in pairs:
        by_sentence.setdefault((m.sentence_start, m.sentence_end), []).append(m)
    headlines = {k for k, ms in by_sentence.items() if _is_headline(text, k[0], k[1], ms)}
    if not headlines or len(headlines) == len(by_sentence):
        return pairs
    # a shouted headline ('RAIN FLOODS BORDANIA') keeps a name the body writes in lower case ('Bordania')
    body = {m.text.casefold() for m, _ in pairs if (m.sentence_start, m.sentence_end) not in headlines}
    return [(m, c) for m, c in pairs
            if (m.sentence_start, m.sentence_end) not in headlines or m.text.casefold() in body
            or c in _HEADLINE_PROOF]


def _propagate(pairs: list[tuple[Mention, str]]) -> None:
    votes: dict[str, Counter[str]] = {}
    person_tails: set[str] = set()
    for m, cue in pairs:
        if cue not in WEAK_CUES:
            votes.setdefault(m.text, Counter())[m.label] += 1
        words = m.text.split()
        if m.label == "PERSON" and len(words) >= 2:
            person_tails.add(words[-1])
            if words[0].isalpha() and words[0].istitle():  # 'Wang' after 'Wang Lemin': a family name written first
                person_tails.add(words[0])
            last = words[-1]
            if "-" in last and last.split("-", 1)[0].islower():  # 'al-Sadr' → 'Sadr'
                person_tails.add(last.split("-", 1)[1])
    for m, cue in pairs:
        if cue not in WEAK_CUES:
            continue
        if m.text in votes:
            m.label = votes[m.text].most_common(1)[0][0]
        elif m.label != "PERSON" and m.text in person_tails:
            m.label = "PERSON"


def _party_start(doc: Doc, e: Span) -> int:
    """Return the token where a NORP span's party name opens: one capitalised proper noun more that qualifies
    it ('Liberal' of 'Liberal Democrat', which the model leaves out or calls a name of its own), else its start."""
    if e.start == sentence_of(e).start:
        return e.start
    t = doc[e.start - 1]
    if t.pos_ not in {"PROPN", "ADJ"} or not t.is_title or not e.start <= t.head.i < e.end \
            or t.lower_ in lexicon.roles().former:
        return e.start
    if t.ent_type_ and (t.ent_iob_ != "B" or t.ent_type_ not in {"ORG", "NORP"}):
        return e.start  # a longer name of its own ('New York' before 'Democrat')
    return t.i


def _widen_party(art: _Article, m: Mention, taken: set[tuple[int, int]]) -> None:
    """Widen a party's adjective over the proper noun the model left before it ('Liberal' of 'Liberal
    Democrat'), dropping that word's own mention, and move the relations that hold the adjective."""
    start, sure = art.party_starts.get((m.start, m.end), (m.start, True))
    if start == m.start:
        return
    if not sure and art.text.count(art.text[start : m.end]) < 2:
        return  # an adjective opening a sentence is capitalised anyway ('Senior Tory X') unless used elsewhere
    old = (m.start, m.end)
    art.mentions = [(x, c) for x, c in art.mentions if not (x.start >= start and x.end <= m.start)]
    taken.discard(next((k for k in taken if k[0] >= start and k[1] <= m.start), (-1, -1)))
    m.start = start
    m.text = art.text[m.start : m.end]
    for r in art.extraction.relations:
        if r.object_span == old:
            r.object_span, r.object = (m.start, m.end), m.text


def _recover_norp(art: _Article) -> None:
    """Add NORP spans whose text the article also uses as a person's or group's name, and those a membership
    relation holds as its object ('Unity spokesman X', 'a Unity backbencher'): there the adjective stands for
    the party, an organisation."""
    labels: dict[str, Counter[str]] = {}
    for m, _cue in art.mentions:
        labels.setdefault(m.text, Counter())[m.label] += 1
    taken = {(m.start, m.end) for m, _ in art.mentions}
    held = {r.object_span for r in art.extraction.relations if r.predicate in _MEMBERSHIP}
    for m in art.norp:
        if (m.start, m.end) in taken:
            continue
        votes = labels.get(m.text)
        if votes:
            m.label = votes.most_common(1)[0][0]
        elif (m.start, m.end) in held and party_word(m.text):
            m.label = "ORG"
            _widen_party(art, m, taken)
        else:
            continue
        art.mentions.append((m, "context"))
        taken.add((m.start, m.end))
    art.mentions.sort(key=lambda pair: pair[0].start)


def _drop_unintroduced(pairs: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
    """Drop a one-word reference ('the coalition', 'the Forum') that no earlier name of the article
    introduced ('the US-led coalition', 'the Middle East Forum'): alone it is a common noun."""
    seen: set[str] = set()
    out = []
    for m, cue in pairs:
        words = m.text.split()
        reference = cue == "reference" or m.text.islower()
        if reference and len(words) == 1 and words[0].lower() not in seen and m.refers_to is None:
            continue
        if not reference:
            seen.update(w.lower() for w in words)
        out.append((m, cue))
    return out


def _add_demonyms(art: _Article) -> set[str]:
    """Add the nationality words the model called NORP as mentions of their countries ('Velmarian' → Velmar),
    where no other mention holds the span and the article names the country by name at most `demonyms.NAMED_AT_MOST`
    times, or the word is a party of one of the article's facts; return the countries the article names by name."""
    taken = {(m.start, m.end) for m, _ in art.mentions}
    named = Counter(c for m, _ in art.mentions if (c := lexicon.nation_of(m.text)) is not None)
    # a nationality word that is a party of a fact stands for its state there ('an American drone strike killed X')
    parties = {span for ev in art.extraction.events for span in ev.participants}
    parties |= {span for r in art.extraction.relations for span in (r.subject_span, r.object_span)}
    found = [m for m in art.demonyms if (m.start, m.end) not in taken
             and (named[m.refers_to] <= NAMED_AT_MOST or (m.start, m.end) in parties)]
    if found:
        art.mentions.extend((m, DEMONYM_CUE) for m in found)
        art.mentions.sort(key=lambda pair: pair[0].start)
    return set(named)


def _finish(art: _Article, rules: dict[str, Any]) -> Extraction:
    _recover_norp(art)
    named = _add_demonyms(art)
    pairs = _drop_unintroduced(_drop_headline_only(art.text, art.mentions))
    if art.works:  # every mention written like a name the article calls a work ('the album X ... X sold')
        pairs = [(m, cue) for m, cue in pairs if m.text not in art.works]
    _propagate(pairs)
    art.extraction.mentions = [m for m, _ in pairs]
    if art.opening is not None:  # a reference page: what it names is in the country its definition names
        # and a site named after a place is in it; news names 'the Tull airport' as a site of Tull's story, not
        # as a statement of where it is. A nationality word beside its country's name is no sign of where the
        # page's subject is ('a Varnish painter ... born in Dorland'): the page reads the one standing alone.
        mentions = [m for m, cue in pairs if cue != DEMONYM_CUE or m.refers_to not in named]
        art.extraction.relations += named_places(mentions, rules["place_name_rule"], rules["site_nouns"])
        art.extraction.relations += country_named_bodies(mentions, rules["country_name_rule"])
        art.extraction.relations += page_capital_relations(mentions, art.extraction.relations,
                                                           rules["page_capital_rule"])
        stated = list(art.extraction.relations)
        art.extraction.relations += page_region_relations(mentions, art.extraction.relations, art.opening,
                                                          rules["page_country_rule"], place_nouns(rules), art.text,
                                                          rules["site_nouns"])
        art.extraction.relations += page_country_relations(mentions, art.extraction.relations,
                                                           art.opening, rules["page_country_rule"],
                                                           place_nouns(rules), rules["site_nouns"])
        # the towns of a page about a place are in the county its definition names (stated links only)
        art.extraction.relations += page_district_relations(mentions, stated, art.opening, rules["page_country_rule"],
                                                            place_nouns(rules))
        art.extraction.relations += opening_place_relations(art.text, mentions, art.opening,
                                                            rules["opening_place_rule"])
        art.extraction.relations += later_place_relations(art.text, mentions, art.opening, art.later,
                                                          rules["opening_place_rule"])
        # the page's links compose with the sentences' ones through a place that is no country
        art.extraction.relations += page_chained_places(art.extraction.relations, rules["page_chain_rule"])
    else:
        mentions = art.extraction.mentions
        if art.topic is not None:  # a page about a country's things: its places are in that country
            art.extraction.relations += page_topic_relations(mentions, art.extraction.relations, art.topic,
                                                             rules["page_country_rule"], rules["site_nouns"])
    # 'King X of Varnland' heads Varnland on any page; 'President X' heads the country of a reference page
    art.extraction.relations += page_leader_relations(art.text, mentions, art.opening, rules["page_leader_rule"])
    art.extraction.relations = countries_kept_outside(art.extraction.relations, rules["page_country_rule"]["larger"])
    return art.extraction


def extract_many(items: list[Item], nlp: Language, n_process: int = 1, batch_size: int = 32) -> list[Extraction]:
    """Return one ``Extraction`` per (text, spans, article_date) item, in order.

    With ``n_process`` > 1 the articles are shared out among forked worker processes, each
    running the whole extraction (parse, mentions, relations) on its share; offsets are
    into each item's text.
    """
    if n_process > 1 and len(items) > 1 and "fork" in mp.get_all_start_methods():
        return _extract_parallel(items, nlp, n_process, batch_size)
    return _extract_serial(items, nlp, batch_size)


_WORKER_NLP: Language | None = None  # the parent's pipeline, inherited by forked workers


def _work(chunk: list[tuple[int, Item]], batch_size: int) -> list[tuple[int, Extraction]]:
    assert _WORKER_NLP is not None
    found = _extract_serial([item for _, item in chunk], _WORKER_NLP, batch_size)
    return [(i, x) for (i, _), x in zip(chunk, found, strict=True)]


def _extract_parallel(items: list[Item], nlp: Language, n_process: int, batch_size: int) -> list[Extraction]:
    """Return the extractions of `items` computed by `n_process` forked workers, in order.

    A worker's exception is raised as soon as it comes; a worker that dies (killed, out of
    memory) raises `BrokenProcessPool` instead of leaving the run waiting for it forever.
    """
    global _WORKER_NLP
    _WORKER_NLP = nlp
    indexed = list(enumerate(items))
    # long and short articles interleaved, so each worker gets a similar load
    chunks = [indexed[k::n_process * 4] for k in range(n_process * 4)]
    out: list[Extraction | None] = [None] * len(items)
    with ProcessPoolExecutor(n_process, mp_context=mp.get_context("fork")) as pool:
        futures = [pool.submit(_work, c, batch_size) for c in chunks if c]
        try:
            for future in as_completed(futures):
                for i, extraction in future.result():
                    out[i] = extraction
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return [x for x in out if x is not None]


def _extract_serial(items: list[Item], nlp: Language, batch_size: int) -> list[Extraction]:
    """Return the extractions of `items` parsed in this process."""
    arts = [_Article(text, date) for text, _spans, date in items]
    reader = fact_reader(nlp)

    pending: list[tuple[Doc, int]] = []  # one article's parsed spans, read once the article is complete
    held = 0  # characters of `pending`
    current = -1
    for batch in _batches(items, batch_size):
        parsed = nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
        for (doc, (k, offset)), (piece, _context) in zip(parsed, batch, strict=True):
            keep_text(doc, piece)
            # a huge article is read in parts, so that its parsed spans are not all held at once
            if pending and (k != current or held + len(doc_text(doc)) > MAX_HELD):
                _read_article(pending, arts[current], reader)
                pending, held = [], 0
            current = k
            pending.append((doc, offset))
            held += len(doc_text(doc))
    if pending:
        _read_article(pending, arts[current], reader)
    return [_finish(a, reader.rules) for a in arts]


def _batches(items: list[Item], batch_size: int) -> Iterator[list[tuple[str, tuple[int, int]]]]:
    """Return the English pieces of `items` as (text, (item index, offset)) in order, grouped for `nlp.pipe`.

    A group holds at most `batch_size` pieces and, unless one piece alone is longer, at most
    `MAX_BATCH` characters: the parser's memory grows with the characters it is given at once.
    """
    batch: list[tuple[str, tuple[int, int]]] = []
    chars = 0
    for k, (text, item_spans, _date) in enumerate(items):
        for span in item_spans:
            for start, end in pieces(text, *span):
                piece = text[start:end]
                if not piece.strip():
                    continue
                if batch and (len(batch) >= batch_size or chars + len(piece) > MAX_BATCH):
                    yield batch
                    batch, chars = [], 0
                batch.append((piece, (k, start)))
                chars += len(piece)
    if batch:
        yield batch


def pieces(text: str, start: int, end: int, limit: int | None = None) -> list[tuple[int, int]]:
    """Return `[start, end)` of `text` cut into consecutive spans of at most `limit` (`MAX_PIECE`) characters.

    A span within the limit comes back whole; a longer one is cut after the last line end in
    the second half of each window, else after the last sentence end ('. ', '? ', '! '),
    else after the last space, else at the limit. The spans cover `[start, end)` exactly, so
    offsets into each piece plus its start are offsets into `text`.
    """
    limit = limit or MAX_PIECE
    out: list[tuple[int, int]] = []
    pos = start
    while end - pos > limit:
        window = text[pos : pos + limit]
        cut = limit
        for mark in _PIECE_ENDS:
            found = window.rfind(mark, limit // 2)
            if found >= 0:
                cut = found + len(mark)
                break
        out.append((pos, pos + cut))
        pos += cut
    if end > pos:
        out.append((pos, end))
    return out


def _read_article(docs: list[tuple[Doc, int]], art: _Article, reader: FactReader) -> None:
    """Read one article's parsed spans in order, after tagging the names the model missed in some of them."""
    names = article_names([doc for doc, _ in docs])
    shouted = shouted_names([doc for doc, _ in docs])
    tagged = [(tag_known_names(tag_shouted_names(doc, shouted), names), offset) for doc, offset in docs]
    surnames = person_surnames([doc for doc, _ in tagged])
    tagged = [(retype_for_facts(doc, names, surnames), offset) for doc, offset in tagged]
    tag_governments(tagged)
    tag_focus(tagged)
    tag_named_before(tagged)
    tag_referents_before(tagged)
    tag_title_holders(tagged)
    for doc, offset in tagged:
        _read_doc(doc, offset, art, reader)
    # 'X is a town in A.' ... 'A is a county in B.': X is in B (each span chains its own sentences already)
    art.extraction.relations += chained_places(art.extraction.relations, reader.rules["place_chain_rule"])


def extract_article(text: str, spans: list[tuple[int, int]], article_date: str | None, nlp: Language) -> Extraction:
    """Return mentions, alias statements, relations, events and claims for the English spans
    [start, end) of one article's clean text; all offsets are into `text`."""
    return extract_many([(text, spans, article_date)], nlp)[0]
