"""Entity mentions: fix spaCy's first NER pass with general evidence, then read them out.

The spaCy component ``linkchart_mentions`` (registered below, added after ``ner`` by
``linkchart.extract.nlp.load_pipeline``) rewrites ``doc.ents``:

* actor spans (PERSON, ORG, GPE, LOC, FAC, EVENT) get corrected boundaries and types from
  titles, role nouns, organisation / place / event heads, acronyms and Arabic name
  particles (word tables of ``linkchart.lexicon``);
* every other entity spaCy found (DATE, CARDINAL, NORP, ...) stays in ``doc.ents`` unless a
  corrected actor span overlaps it, so date and number readers downstream still see them;
* ``doc.spans["lc_mentions"]`` holds only the actor spans;
* ``span._.lc_role`` is the title / role noun found near a mention ('General', 'leader'),
  ``span._.lc_description`` its appositive or copular description.

``mentions_from_doc`` turns a processed doc into ``Mention`` objects with offsets shifted
into the article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from linkchart import lexicon
from linkchart.extract.doctext import doc_text, span_text
from linkchart.extract.sentence_index import sentence_finder, sentence_of
from linkchart.models import Mention

SPANS_KEY = "lc_mentions"
ROLE_ATTR = "lc_role"
DESC_ATTR = "lc_description"
CUE_ATTR = "lc_cue"
REFERS_ATTR = "lc_refers_to"  # the name a generic mention stands for ('government' → 'Chile government')
_CUES = lexicon.mention_cues()
# Cues that typed a span: 'spacy' and 'split' mean no linkchart evidence was found.
WEAK_CUES = _CUES.weak
# When two rules type the same span, the earlier cue wins.
CUE_RANK = _CUES.rank
# Cues whose type and boundaries come from a construction and are not revised by _type.
FIXED_CUES = _CUES.fixed
# Cues whose spans may be all lower-case ('coalition forces'), when the component allows it.
LOWER_CUES = _CUES.lower_case
DASHES = {"-", "–", "—"}
OPEN_QUOTES = {"“", '"', "‘", "'", "«"}
CLOSE_QUOTES = {"”", '"', "’", "'", "»"}
MAX_ORG_OF_TOKENS = 9
_GRAMMAR = lexicon.grammar()
# Lower-case words allowed inside a quoted title ('Friends of the Earth', 'Green without Borders').
NAME_CONNECTORS = _GRAMMAR.name_connectors

for _attr in (ROLE_ATTR, DESC_ATTR, CUE_ATTR, REFERS_ATTR):
    if not Span.has_extension(_attr):
        Span.set_extension(_attr, default=None)

# spaCy labels that may turn into an actor when evidence says so (else left as they are).
RETYPABLE = {"NORP", "PRODUCT", "WORK_OF_ART", "LANGUAGE", "LAW"}
QUOTES = set("'\"‘’“”«»`")
OPEN_BRACKETS = {"(", "["}
POSSESSIVES = _GRAMMAR.possessives
DETERMINERS = _GRAMMAR.determiners
COPULAS = _GRAMMAR.copulas
APPOS_OPENERS = {",", "–", "—"}
APPOS_CLOSERS = frozenset(",;:–—.")
TRAILING_JUNK = frozenset("-–—,.:;!?/")
MAX_NAME_TOKENS = 6
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
MAX_ROW_TOKENS = 40  # the longest doc read as one row of a table
INITIAL_RE = re.compile(r"^[A-Z]\.$")
ROW_NAME_LINKS = frozenset({"of", "'s", "’s", "de", "la"})  # small words inside a name of a table row
ROW_NUMBER_RE = re.compile(r"^[-+]?\d*[.,:]?\d+(?:[-:.,/]\d+)*[.)]?$")  # '3', '10.21', '.564', '1:43.34', '2-1'

RESULT_NUMBERS = 3  # a sentence with this many numbers, one word in four or more, is a line of results
SCORE_RE = re.compile(r"^\d+[-:]\d+$")  # a score or result ('2-1', '6:4'), which the model may run into a name
MAX_DESCRIPTION_TOKENS = 30
ACRONYM_RE = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$")
# a bracket right after a name that opens with a birth or a death ('X (born 1950)', 'X (; née Y)', 'X (died 755)'):
# only a person is born, married or dies so
LIFE_BRACKET_RE = re.compile(r"\s*[(\[]\s*;?\s*(?:born|née|nee|né|died)\b")
BIRTH_NAME_CUES = frozenset({"née", "nee", "né"})  # 'Mara Lind (née Velkova)', 'Tom Lind (né Velkov)'
# a company's one-word name with digits or a web domain ('Freedom2surf', 'Plus.net'): a name after a describing noun
BRAND_RE = re.compile(r"^[A-Z][A-Za-z]*[0-9A-Za-z]*(?:\.[a-z]{2,4}){0,2}$")
# Particles that are also English words ('as', 'an', 'at'): particles only when hyphenated ('as-Sadr').
ENGLISH_WORD_PARTICLES = lexicon.particles().english_words
PARTICLE_HYPHEN_RE = re.compile(
    r"^(?:" + lexicon.alternation(lexicon.particles().articles) + r")-\w", re.IGNORECASE)


SPACED_DASHES = frozenset({"-", "–", "—"})
AND_WORDS = frozenset({"and", "&"})
PAIR_OPENERS = frozenset({"between", "both"})  # words before two coordinated names ('between Velin and Dorin')
PLACE_PREPOSITIONS = frozenset({"in", "on", "at"})  # 'the Academy in The Hague': a place after a name
RANK_RE = re.compile(r"^\d{1,3}=?$")  # a place in a list of results ('2', '1=' for a tie)
MAX_SYLLABLE = 5  # letters of one syllable of an East Asian given name ('Chang', 'joo')
DECIMAL_RE = re.compile(r"^\d+[.,]\d+$")  # '2.1', '3,5'
NOT_PERSON_ROLE_CLASSES = frozenset({"firm", "site"})  # role classes of organisations and places, not of people
ADMIN_UNITS = lexicon.admin_units()  # 'county', 'gmina': a unit's word may open its name ('County Durham')


@lru_cache(maxsize=1)
def _head_tables() -> tuple[tuple[str, frozenset[str]], ...]:
    places = lexicon.places()
    return (("ORG", lexicon.organisations().heads), ("EVENT", lexicon.events().heads), ("FAC", places.fac_heads),
            ("LOC", places.loc_heads), ("GPE", places.gpe_heads))


def head_label(word: str) -> str | None:
    """Return the type a capitalised head word gives its name (ORG, EVENT, ...), or None."""
    w = word.lower()
    for label, table in _head_tables():
        if w in table:
            return label
    return None


def _in(word: str, table: frozenset[str]) -> bool:
    """Return True when `word` (lower-cased) or its singular is in `table`."""
    w = word.lower()
    return w in table or (len(w) > 3 and w.endswith("s") and w[:-1] in table)


@dataclass
class _Cand:
    start: int
    end: int
    label: str
    role: str | None = None
    cue: str = "spacy"  # which rule set the type ('spacy' = spaCy's label, unconfirmed)

    @property
    def evidence(self) -> bool:
        return self.cue not in WEAK_CUES


class MentionFixer:
    """spaCy component: corrects actor entity spans and types, see the module docstring."""

    def __init__(self, nlp: Language, name: str, lowercase_mentions: bool = True) -> None:
        self.name = name
        # whether all lower-case spans ('coalition forces', 'the coalition') may become mentions
        self.lowercase_mentions = lowercase_mentions
        self.labels = lexicon.labels()
        self.titles = lexicon.titles()
        self.roles = lexicon.roles()
        # nouns for a person by role, rank, kin or trade ('leader', 'drummer', 'aunt'), not for a firm or a site
        self.person_nouns = self.roles.nouns.union(
            *(words for cls, words in self.roles.classes.items() if cls not in NOT_PERSON_ROLE_CLASSES))
        self.party_roles = lexicon.lower("party_role")
        self.not_parties = lexicon.lower("not_party")
        self.orgs = lexicon.organisations()
        self.bodies = lexicon.national_bodies()
        self.places = lexicon.places()
        self.particles = lexicon.particles()
        self.countries = lexicon.countries()
        self.never = lexicon.not_entities()
        self.verbs = lexicon.verbs()
        self.publications = lexicon.publications()
        self.given_names = lexicon.given_names()
        self.thing_words = lexicon.thing_words()
        self.numbered_heads = lexicon.numbered_heads()
        # language and nationality words, which open a gloss after a spaced dash ('Veritas - Latin for truth')
        self.languages = lexicon.languages().names | frozenset(w.lower() for w in self.countries.demonyms)
        self.common: dict[str, str | None] = {}  # the acronyms the current text defines as common nouns
        dates = lexicon.dates()
        self.months = frozenset(dates.months)
        self.dates_words = frozenset(w.capitalize() for w in [*dates.months, *dates.weekdays])
        self.weekdays = frozenset(w.capitalize() for w in dates.weekdays)
        # a mention made only of these names a group of people: peoples, faiths and nationality adjectives
        # minus country names that are a nationality plus 's' ('the Philippines' is a country, not 'Philippine's)
        self.peoples = (self.never.peoples | frozenset(w.lower() for w in self.countries.demonyms)) - frozenset(
            c.lower().removesuffix("s") for c in [*self.countries.names, *self.countries.demonyms.values()])

    # -- token shapes ---------------------------------------------------------------
    def _is_particle(self, tok: Token) -> bool:
        if PARTICLE_HYPHEN_RE.match(tok.text):
            return True
        if tok.lower_ not in self.particles.name_particles:
            return False
        if tok.lower_ in ENGLISH_WORD_PARTICLES:  # 'as', 'an', 'at' are particles only as 'as-Sadr'
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            return nxt is not None and nxt.text == "-" and not tok.whitespace_
        return True

    def _is_name_token(self, tok: Token) -> bool:
        """Capitalised word, Arabic particle, or a hyphen/apostrophe glued inside a name."""
        t = tok.text
        if self._is_particle(tok):
            return True
        if t in {"-", "’", "'"}:
            return not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_
        return t[:1].isupper() and tok.is_alpha or (t[:1].isupper() and "’" in t or "'" in t[1:])

    def _is_honorific(self, tok: Token) -> bool:
        t = tok.text
        if not t[:1].isupper():
            return False
        return honorific_text(t, self.titles.honorifics)

    def _is_acronym(self, tok: Token) -> bool:
        t = tok.text
        return bool(ACRONYM_RE.match(t)) and t.replace(".", "") not in self.never.acronyms

    def _shout_context(self, tok: Token) -> bool:
        """Return True when neighbouring words are upper-case too (a shouted heading)."""
        doc = tok.doc
        for j in (tok.i - 1, tok.i + 1):
            if 0 <= j < len(doc) and doc[j].is_alpha and doc[j].is_upper and len(doc[j]) > 1:
                return True
        return False

    def _name_run(self, doc: Doc, j: int) -> int:
        """Return the end of the run of name tokens starting at `j` (j when none)."""
        k = j
        while k < len(doc) and k - j < MAX_NAME_TOKENS and self._is_name_token(doc[k]):
            if self._is_honorific(doc[k]) and k == j:
                break
            k += 1
        while k > j and not doc[k - 1].text[:1].isalpha():
            k -= 1
        if k - j >= 2 and self._spaced_given_syllable(doc, k):
            k += 2  # 'actress Pak So - ri'
        return k

    # -- candidate collection -------------------------------------------------------
    def _collect(self, doc: Doc) -> tuple[list[_Cand], list[Span]]:
        cands: list[_Cand] = []
        others: list[Span] = []
        for ent in doc.ents:
            if ent.label_ in self.labels.actors or ent.label_ in RETYPABLE:
                cands.append(_Cand(ent.start, ent.end, ent.label_))
                if ent.label_ in ("ORG", "GPE"):
                    self._of_and_the(doc, ent.start, ent.end, cands)
                if ent.label_ == "ORG":
                    self._and_before(doc, ent.start, ent.end, cands)
            else:
                others.append(ent)
        self._full_names(doc, cands)
        n = len(doc)
        row = n <= MAX_ROW_TOKENS and self._is_row(doc)
        if row:
            self._row_names(doc, cands)
        led = self.bodies.led_participles
        for tok in doc:  # the only whole-doc token loop
            i = tok.i
            t = tok.text
            low = tok.lower_
            if low in self.places.compass_place and tok.is_lower:
                self._compass_place(doc, i, cands)
            elif low in led or ("-" in low and low.rsplit("-", 1)[1] in led):
                self._led_run(doc, i, cands)
            elif low in self.bodies.coalition_words and tok.is_lower:
                self._coalition(doc, i, cands)
            elif t in OPEN_QUOTES:
                self._quoted_name(doc, i, cands)
                self._nicknamed(doc, i, cands)
            if t[:1].isupper():
                if t in self.weekdays and i > 0 and doc[i - 1].lower_ == "the":
                    self._weekday_title(doc, i, cands)
                if tok.is_upper and tok.is_alpha and len(t) > 1 and self._opens_line(doc, i):
                    self._dateline(doc, i, cands)
                if low in self.given_names and tok.ent_type_ not in PLACE_LABELS:
                    self._given_name(doc, i, cands)
                if low.endswith("s") and tok.ent_type_ in ("", "PERSON") and i + 1 < n and not tok.is_sent_start:
                    self._party_plural(doc, i, cands)  # 'including Greens Tom Vale and Ann Roe'
                if t in self.common and i + 1 < n:  # 'head of PSP Brenlow4u': the common acronym describes
                    k = self._brand_end(doc, i + 1)
                    if k > i + 1 and self._describes(tok, i + 1, k):
                        cands.append(_Cand(i + 1, k, "ORG", role=self.common[t], cue="described"))
                if tok.is_sent_start and i + 1 < n and tok.ent_iob_ == "O":
                    k = self._name_run(doc, i + 1)
                    if k > i + 1 and self._opens_described(tok, k):  # 'Analysts Ovum said', 'Retailer X said'
                        cands.append(_Cand(i + 1, k, "ORG", role=low if low in self.orgs.nouns else None,
                                           cue="described"))
                if (
                    tok.ent_iob_ == "O"
                    and self._is_acronym(tok)
                    and not head_label(t)  # 'X QSC', 'X PLC': a legal form in capitals ends a name (`_head_run`)
                    and not self._shout_context(tok)
                    and not (i > 0 and doc[i - 1].lower_ in ("a", "an"))  # 'an NGO' is a common noun
                ):
                    cands.append(_Cand(i, i + 1, "ORG", cue="acronym"))
                elif self._is_honorific(tok):
                    j = i + 1
                    while j < n and (doc[j].text in {"-", "."} or self._is_honorific(doc[j])):
                        j += 1
                    k = self._name_run(doc, j)
                    if k > j:
                        cands.append(_Cand(i, k, "PERSON"))
                elif tok.ent_iob_ == "O" and tok.tag_ in ("NNP", "NNPS") and head_label(t):
                    self._head_run(doc, i, cands)
                    self._head_reference(doc, i, cands)
                if low in self.party_roles or (low.endswith("s") and low[:-1] in self.party_roles):
                    self._party_before_role(doc, i, cands)  # 'Unity MP X'
                if tok.ent_type_ == "NORP" and tok.ent_iob_ == "B":
                    self._national_name(doc, i, cands)  # 'praised Varnish Water for'
                if low in self.bodies.force_nouns:
                    self._force_run(doc, i, cands)  # "Israel's Defense Forces": the model leaves the country out
                if low in self.orgs.of_heads:
                    self._org_of_run(doc, i, cands)
                elif t == "The" and i > 0 and not tok.is_sent_start:
                    self._publication(doc, i, cands)
                elif tok.ent_iob_ == "O" and i > 0 and doc[i - 1].lower_ in self.places.locative_preps:
                    self._locative(doc, i, cands)
                elif tok.ent_type_ in ("", "NORP") and t not in self.countries.demonyms \
                        and self._after_place_noun_of(doc, i):
                    self._locative(doc, i, cands)  # 'the city of Aleppo', which the model may call a nationality
            elif tok.tag_ in ("NN", "NNS") and tok.is_lower:
                if low in self.orgs.owned_bodies:
                    self._owned_body(doc, i, cands)  # "UKIP's disciplinary committee"
                if low in self.party_roles or (low.endswith("s") and low[:-1] in self.party_roles):
                    self._party_before_role(doc, i, cands)  # 'the Unity leader', 'Socialist lawmakers'
                if _in(t, self.roles.nouns):
                    self._role_appositive(doc, i, cands)  # 'Ivo Pesh, a researcher at ...'
                    j = i + 1
                    if j < n and doc[j].lower_ in self.verbs.naming_forms:
                        j += 1
                    if j < n and doc[j].text[:1].isupper() and doc[j].text not in self.dates_words:
                        k = self._name_run(doc, j)
                        if k > j:
                            group = j == i + 1 and self._names_group_of_people(doc, tok, j, k)
                            # 'analysts Ovum': a group, which a person noun does not describe as its role
                            cands.append(_Cand(j, k, "ORG" if group else "PERSON", role=None if group else t,
                                               cue="described" if group else "role"))
                elif t in self.bodies.force_nouns:
                    self._force_run(doc, i, cands)
                elif _in(t, self.orgs.nouns):
                    self._named_group(doc, i, cands)
                    self._described(doc, tok, cands)
                elif t in self.bodies.frontiers:
                    self._frontier(doc, i, cands)
        for i in range(2, n - 1):  # after the rules above: the longest name after a possessive is known
            if doc[i].text in POSSESSIVES:
                self._possessive_name(doc, i, cands)
        if row:  # what the model or a rule ran across the numbers of a row ('Velin County 1')
            cands[:] = [c for c in cands
                        if c.cue == "table" or not any(ROW_NUMBER_RE.match(doc[k].text) for k in range(c.start, c.end))]
        return cands, others

    def _possessive_name(self, doc: Doc, i: int, cands: list[_Cand]) -> None:
        """Add "the Tarn People's Army", "St. Orla's Church": a possessive inside a name (rule `possessive`). The
        possessive `doc[i]` stands inside one name when what owns it is a capitalised plural noun of people
        ('People', 'Women': lexicon class possessive_name_word) with the capitalised words before it, or a saint
        ('St. Orla'), and a name follows it: a place or a body named so, not an owner and what it owns ("Varnland's
        Storm Brigade" stays two names)."""
        owner = doc[i - 1]
        if not (owner.text[:1].isupper() and owner.is_alpha):
            return
        if owner.lower_ in self.orgs.possessive_words:
            s = i - 1
            while s > 0 and self._is_name_token(doc[s - 1]) and doc[s - 1].text[:1].isupper() \
                    and not (doc[s - 1].is_sent_start and doc[s - 1].lower_ in DETERMINERS):
                s -= 1
        elif doc[i - 2].lower_.rstrip(".") in self.titles.epithets and doc[i - 2].text[:1].isupper():
            s = i - 2
        elif doc[i - 2].text == "." and i > 2 and doc[i - 3].lower_ in self.titles.epithets:
            s = i - 3  # 'St' + '.' + 'Orla', as a tokeniser may split the abbreviation
        else:
            return
        j = i + 1
        if not doc[j].text[:1].isupper():
            return
        # the longest name found after the possessive, or run across it by the model, with its type
        after = [c for c in cands if c.start == j or c.start < i < c.end - 1]
        if after:
            longest = max(after, key=lambda c: c.end)
            k, label = longest.end, longest.label
        else:
            k, label = self._name_run(doc, j), ""
        if k <= j:
            return
        if label not in self.labels.actors:
            label = head_label(doc[k - 1].text) or "ORG"
        cands.append(_Cand(s, k, label, cue="possessive"))

    def _role_appositive(self, doc: Doc, i: int, cands: list[_Cand]) -> None:
        """Add 'Ivo Pesh' in 'Ivo Pesh, a researcher at X' as a PERSON (rule role_appositive): two or three
        capitalised words the model left unnamed or half named, right before a comma and 'a'/'an'/'the' with a
        person noun (and adjectives before it), name the person it describes."""
        j = i - 1
        while j > 0 and doc[j].is_lower and doc[j].pos_ in ("ADJ", "NOUN") and i - j < 4:
            j -= 1  # 'a senior researcher', 'a security analyst'
        if j < 2 or doc[j].lower_ not in ("a", "an", "the") or doc[j - 1].text != ",":
            return
        end = j - 1
        start = end
        while start > 0 and end - start < 3 and doc[start - 1].is_title and doc[start - 1].is_alpha \
                and doc[start - 1].tag_ in ("NNP", "NNPS") and doc[start - 1].ent_type_ not in PLACE_LABELS:
            start -= 1
        if not 2 <= end - start <= 3 or (start > 0 and doc[start - 1].text[:1].isupper()
                                          and not doc[start - 1].is_sent_start):
            return  # one word, or inside a longer capitalised run
        if all(doc[k].ent_type_ == "PERSON" for k in range(start, end)) or self._is_honorific(doc[start]):
            return  # the model has it already; a title opens the name another rule reads
        if doc[i].dep_ != "appos" or not start <= doc[i].head.i < end \
                or any(doc[k].text in self.dates_words for k in range(start, end)):
            return  # 'on the network Brenvision Friday, the governor said': no apposition, a day
        cands.append(_Cand(start, end, "PERSON", role=doc[i].text, cue="role"))

    def _given_name(self, doc: Doc, i: int, cands: list[_Cand]) -> None:
        """Add 'Natasha Verrel' as a PERSON: a common given name and one or two proper nouns after it (rule `given`),
        which the model may call an organisation or cut after the first name. Not a name ending in a head word
        ('Virginia Beach', 'George Mason University'): `_type` reads the head."""
        if i > 0 and not doc[i].is_sent_start and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha:
            return  # inside a longer name ('Holy Roman Emperor'), or after a title the model reads anyway
        k = i + 1
        while k < len(doc) and k - i < 3 and doc[k].tag_ in ("NNP", "NNPS") and self._is_name_token(doc[k]) \
                and doc[k].is_alpha and doc[k].ent_type_ not in PLACE_LABELS:
            if doc[k].lower_ in self.thing_words or self._is_honorific(doc[k]):
                return  # 'Stanley Cup', 'Sherman Creek', 'Roman Emperor': a thing or a title, no surname
            k += 1
        if k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha:
            return  # a longer name ('Rex Awards Regional Chain'), which the shape of a person's name does not fit
        if k > i + 1 and not (doc[i].is_sent_start and doc[i].is_upper):
            cands.append(_Cand(i, k, "PERSON", cue="given"))

    def _name_nouns(self, doc: Doc, j: int, most: int) -> int:
        """Return the end of up to `most` proper nouns from `j` that may close a name ('Herald', 'Club'), whatever the
        model made of them: no title, date word, common given name or people; j when there is none."""
        k = j
        while k < len(doc) and k - j < most and doc[k].tag_ in ("NNP", "NNPS") and doc[k].is_alpha \
                and doc[k].text[:1].isupper() and not self._is_honorific(doc[k]) \
                and doc[k].text not in self.dates_words \
                and doc[k].lower_ not in self.given_names and doc[k].lower_ not in self.peoples:
            k += 1
        if k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha:
            return j  # a longer name, which other rules read
        return k

    def _weekday_title(self, doc: Doc, i: int, cands: list[_Cand]) -> None:
        """Add 'the Sunday Herald', 'the Monday Club' as an ORG (rule `weekday`): after 'the', a day of the week and
        a proper noun are a title, not a date ('on Sunday' has no 'the')."""
        k = self._name_nouns(doc, i + 1, 2)
        if k > i + 1:
            cands.append(_Cand(i, k, "ORG", cue="weekday"))

    @staticmethod
    def _is_row(doc: Doc) -> bool:
        """Whether a short doc is one row of a table of results or figures: names and two numbers or more, one last, no
        lower-case word of more than two letters ('Velin Rovers 3 1 0 2', '4. T. Brekke ( Velinia ) 10.21')."""
        words = [t for t in doc if not t.is_space]
        if len(words) < 2 or not ROW_NUMBER_RE.match(words[-1].text) or words[-1].text.endswith("."):
            return False
        if sum(1 for t in words if ROW_NUMBER_RE.match(t.text)) < 2:
            return False
        return all(not (t.is_lower and t.is_alpha and len(t) > 2) for t in words)

    def _row_names(self, doc: Doc, cands: list[_Cand]) -> None:
        """Add the names of a table row (rule `table`): each run of name words between the numbers is a competitor,
        typed by its shape: a country (GPE), a person's name (an initial or a common given name first, or a name
        of two or three words followed by a country in brackets), else a team or company (ORG). What the model
        tagged across the numbers goes."""
        n = len(doc)
        runs: list[tuple[int, int]] = []
        i = 0
        while i < n:
            if not self._row_word(doc[i]):
                i += 1
                continue
            j = i + 1
            while j < n and (self._row_word(doc[j]) or doc[j].lower_ in ROW_NAME_LINKS and j + 1 < n
                             and self._row_word(doc[j + 1])):
                j += 1
            runs.append((i, j))
            i = j
        previous = (-1, "")  # the end and label of the last name added
        for a, b in runs:
            text = doc[a:b].text
            if b - a == 1 and (b < n and doc[b].text == ":" or text in self.dates_words):
                continue  # a row's heading ('Attendance : 200', 'July 96')
            if lexicon.nation_of(text) or previous == (a - 1, "PERSON") and doc[a - 1].text == "(":
                label = "GPE"  # a country, or what stands in brackets after a person: his country
            elif b - a >= 2 and (INITIAL_RE.match(doc[a].text) or doc[a].lower_ in self.given_names) \
                    or 2 <= b - a <= 3 and not doc[a:b].text.isupper() and b + 2 < n and doc[b].text == "(" \
                    and lexicon.nation_of(doc[b + 1].text):
                label = "PERSON"
            else:
                label = "ORG"
            cands.append(_Cand(a, b, label, cue="table"))
            previous = (b, label)

    def _row_word(self, tok: Token) -> bool:
        """Whether a token of a table row belongs to a name: a capitalised word, a particle or an initial ('T.')."""
        return bool(INITIAL_RE.match(tok.text)) or tok.is_alpha and tok.text[:1].isupper() or self._is_particle(tok)

    @staticmethod
    def _opens_line(doc: Doc, i: int) -> bool:
        """Whether token `i` opens a line or a sentence (a dateline joined after its headline opens a sentence)."""
        return i == 0 or doc[i].is_sent_start or "\n" in doc[i - 1].text_with_ws or doc[i - 1].text in (".", "!", "?")

    def _date_at(self, doc: Doc, k: int) -> bool:
        """Whether a date opens at token `k`: a month ('Dec 5') or a numeric date ('1996-08-31', '31/08/1996')."""
        if k >= len(doc):
            return False
        tok = doc[k]
        if tok.lower_.rstrip(".") in self.months:
            return k + 1 < len(doc) and doc[k + 1].like_num
        return tok.is_digit and len(tok) in (1, 2, 4) and k + 2 < len(doc) and doc[k + 1].text in ("-", "/", ".") \
            and doc[k + 2].is_digit and not doc[k].whitespace_

    def _dateline(self, doc: Doc, i: int, cands: list[_Cand]) -> None:
        """Add the place of a dateline as a GPE: a line opening with a place in capitals and a date
        ('BORDANIA CITY 1996-08-30', 'PORT VELIN , Bordania Dec 5'); the place after a comma is one too
        (rule `dateline`). The model calls such shouted names organisations, or runs them into the date."""
        n = len(doc)
        j = i
        while j < n and j - i < MAX_NAME_TOKENS and doc[j].is_upper and doc[j].is_alpha and len(doc[j]) > 1:
            j += 1
        places = [(i, j)]
        k = j
        if k + 1 < n and doc[k].text == ",":
            if self._date_at(doc, k + 1):
                k += 1
            e = self._name_run(doc, k + 1) if doc[k].text == "," else k
            if e > k + 1:
                places.append((k + 1, e))
                k = e
        if not self._date_at(doc, k):
            return
        cands[:] = [c for c in cands if not (c.start < k < c.end)]  # a name the model ran into the date
        for a, b in places:
            cands.append(_Cand(a, b, "GPE", cue="dateline"))

    def _compass_place(self, doc: Doc, i: int, cands: list[_Cand]) -> None:
        """Add 'south Lebanon' / 'northern Iraq' as one LOC when a place follows the compass word."""
        j = i + 1
        if j >= len(doc):
            return
        nxt = doc[j]
        if not (
            nxt.ent_type_ == "GPE"
            and nxt.ent_iob_ == "B"
            or doc[i].ent_iob_ == "B"
            and nxt.ent_iob_ == "I"
            and nxt.ent_type_ in ("GPE", "LOC")
        ):
            return
        e = j + 1
        while e < len(doc) and doc[e].ent_iob_ == "I":
            e += 1
        cands.append(_Cand(i, e, "LOC", cue="compass"))

    def _led_run(self, doc: Doc, i: int, cands: list[_Cand]) -> None:
        """Add 'US-led coalition (forces)' as one ORG."""
        n = len(doc)
        if "-" in doc[i].text:  # 'U.S.-led' is one token
            s = i
        elif i >= 2 and doc[i - 1].text in ("-", "–") and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
            s = i - 2  # 'US' '-' 'led'
            while s > 0 and doc[s].ent_iob_ == "I":
                s -= 1
        else:
            return
        if not doc[s].text[:1].isupper():
            return
        j = i + 1
        if j >= n or doc[j].lower_ not in self.bodies.led_heads:
            return
        e = j + 1
        if e < n and doc[e].lower_ in self.bodies.force_followers and doc[j].lower_ not in self.bodies.force_followers:
            e += 1
        cands.append(_Cand(s, e, "ORG", cue="coalition"))

    def _coalition(self, doc: Doc, i: int, cands: list[_Cand]) -> None:
        """Add 'coalition forces' and 'the coalition' (the article's pass keeps the latter only after a
        coalition was named, see `pipeline`)."""
        if i > 0 and (doc[i - 1].lower_ in self.bodies.led_participles or doc[i - 1].lower_.endswith("-led")):
            return  # the '-led' rule has it
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ in self.bodies.force_followers:
            cands.append(_Cand(i, i + 2, "ORG", cue="coalition"))
            return
        if (
            i > 0
            and doc[i - 1].lower_ == "the"
            and not (nxt is not None and (nxt.lower_ in self.bodies.coalition_not_before or nxt.tag_ in ("NN", "NNS")))
        ):
            cands.append(_Cand(i, i + 1, "ORG", cue="coalition"))

    def _title_run(self, doc: Doc, j: int) -> int:
        """Return the end of a capitalised title from `j` ('Green Without Borders', 'Friends of the Earth')."""
        k = last = j
        while k < len(doc) and k - j < MAX_NAME_TOKENS + 2:
            tok = doc[k]
            if self._is_name_token(tok):
                k += 1
                last = k
            elif k > j and tok.lower_ in NAME_CONNECTORS:
                k += 1
            else:
                break
        return last

    def _quoted_name(self, doc: Doc, i: int, cands: list[_Cand]) -> None:
        """Add 'an NGO, “Green Without Borders,”' / 'the group “X Y”': the quoted words are an ORG."""
        j = i - 1
        if j >= 0 and doc[j].text == ",":
            j -= 1
        if j < 0 or not _in(doc[j].text, self.orgs.nouns) or not doc[j].tag_.startswith("NN"):
            return
        k = self._title_run(doc, i + 1)
        if k == i + 1:
            return
        m = k
        while m < len(doc) and doc[m].text in (",", "."):
            m += 1
        if m < len(doc) and doc[m].text in CLOSE_QUOTES:
            cands.append(_Cand(i + 1, k, "ORG", cue="quote"))

    def _full_names(self, doc: Doc, cands: list[_Cand]) -> None:
        """Add a person's name in full where the model cut it (rule `full_name`): two names it tagged back to back,
        with at most one capitalised word it left between them, are one long name ('Anna Mara Lise Vell' tagged
        'Anna Mara' and 'Vell'); a name that runs on in one capitalised word the model left out right before a
        bracket ('Tomas Ivo Vell Marn (born ...)'); a name and the letters of the honours written after it
        ('Tom Vell CBE MC')."""
        n = len(doc)
        people = [e for e in doc.ents if e.label_ == "PERSON"]
        for a, b in zip(people, people[1:], strict=False):
            gap = range(a.end, b.start)
            if len(gap) <= 1 and b.end - a.start <= MAX_NAME_TOKENS + 1 \
                    and all(self._unlisted_name_word(doc[k]) for k in gap) \
                    and all(t.is_alpha and t.text[:1].isupper() for t in doc[a.start : b.end]):
                cands.append(_Cand(a.start, b.end, "PERSON", cue="full_name"))
        for ent in people:
            e = ent.end
            if self._given_name_before(doc, ent):
                cands.append(_Cand(ent.start - 1, e, "PERSON", cue="full_name"))
            if len(ent) >= 2 and e + 1 < n and self._unlisted_name_word(doc[e]) and doc[e + 1].text[:1] in "([":
                cands.append(_Cand(ent.start, e + 1, "PERSON", cue="full_name"))
            k = e
            while k < n and k - e < 3 and doc[k].lower_ in self.titles.post_nominals and doc[k].is_upper:
                k += 1
            if k > e:
                cands.append(_Cand(ent.start, k, "PERSON", cue="full_name"))

    def _given_name_before(self, doc: Doc, ent: Span) -> bool:
        """Whether the model left a person's given name out of the name it tagged (rule `full_name`): one proper
        noun no lexicon table lists stands right before it ('Ivar' of 'Ivar Tomsen' when only 'Tomsen' is tagged),
        opening the sentence or after a word that is no capitalised name ('music by Ivar Tomsen'): a name of
        three words or more in a row is read by the other rules, a title or a nation word describes the person."""
        s = ent.start
        if s == 0 or len(ent) >= MAX_NAME_TOKENS or not self._unlisted_name_word(doc[s - 1]):
            return False
        if doc[s - 1].dep_ == "compound" and doc[s - 1].head.i >= ent.end:
            return False  # 'Varno Tomsen Prize': the words name something after the person
        if s - 1 == 0 or doc[s - 1].is_sent_start:
            return True
        before = doc[s - 2]
        return not (before.text[:1].isupper() and before.is_alpha)

    def _unlisted_name_word(self, tok: Token) -> bool:
        """Whether a capitalised word the model left untagged may be part of a person's name: a proper noun that no
        lexicon table lists (no title, role, head word or month) and no nation, people or language."""
        low = tok.lower_
        return tok.tag_ == "NNP" and tok.ent_iob_ == "O" and tok.is_alpha and tok.is_title and len(tok) > 1 \
            and low not in lexicon.listed_words() and not self._is_honorific(tok) and low not in self.peoples \
            and low not in self.languages and lexicon.nation_of(tok.text) is None

    def _nicknamed(self, doc: Doc, i: int, cands: list[_Cand]) -> None:
        """Add 'Thomas Edwin " Tom " Varley' as one PERSON (rule `nickname`): a nickname of one or two capitalised
        words in quotes between a person's given names and surname belongs to the name. The quote at `i` opens it;
        the words before it open with a common given name or the model calls one of the words a person."""
        n = len(doc)
        j = i
        while j > 0 and i - j < 3 and self._is_name_token(doc[j - 1]) and doc[j - 1].is_alpha:
            j -= 1
        k = i + 1
        while k < n and k - i <= 2 and doc[k].is_alpha and doc[k].is_title:
            k += 1
        if j == i or k == i + 1 or k >= n or doc[k].text not in CLOSE_QUOTES:
            return
        end = self._name_run(doc, k + 1)
        if end == k + 1 or end - (k + 1) > 2 or j > 0 and doc[j - 1].text[:1].isupper() and not doc[j].is_sent_start:
            return
        words = [*doc[j:i], *doc[k + 1 : end]]
        if any(self._is_honorific(t) or head_label(t.text) for t in words):
            return
        if doc[j].lower_ in self.given_names or any(t.ent_type_ == "PERSON" for t in doc[j:end]):
            cands.append(_Cand(j, end, "PERSON", cue="nickname"))

    def _named_group(self, doc: Doc, i: int, cands: list[_Cand]) -> None:
        """Add 'the Black Hand militia', "the army's Storm Brigade unit": capitalised words the model left unlabelled
        between a determiner (or possessive) and a group noun name an organisation."""
        j = i
        while j > 0 and i - j < MAX_NAME_TOKENS and doc[j - 1].tag_ in ("NNP", "NNPS") \
                and doc[j - 1].text[:1].isupper() and doc[j - 1].ent_iob_ == "O":
            j -= 1
        if j == i or j == 0:
            return
        before = doc[j - 1]
        if before.lower_ != "the" and before.tag_ != "POS":
            return
        run = doc[j:i]
        if any(lexicon.nation_of(t.text) or self._is_honorific(t) for t in run):
            return  # 'the Iraqi militia', 'the General group' describe, they do not name
        if len(run) > 1 and run[0].lower_ in self.given_names:
            return  # "ITV's Tom Verrel programme": named after a person, who stays a person
        cands.append(_Cand(j, i, "ORG", role=doc[i].lower_, cue="group"))

    def _party_before_role(self, doc: Doc, i: int, cands: list[_Cand]) -> None:
        """Add 'Unity MP X', 'the Unity leader', 'Socialist lawmakers': up to three capitalised words
        right before a noun for a party's member or office-holder name the party when the model left them
        unlabelled or called them a nationality (rule `party_before_role`). A nation, people or faith word, an
        honorific, a role or rank word, or a word capitalised only because it opens the sentence ('Former')
        names none."""
        j = i
        while j > 0 and i - j < 3:
            t = doc[j - 1]
            low = t.lower_
            if not (t.is_alpha and t.text[:1].isupper() and not t.is_upper) or t.ent_type_ not in ("", "NORP"):
                break
            if t.is_sent_start and t.ent_type_ != "NORP" and not any(
                    o.text == t.text and not o.is_sent_start for o in doc):
                break  # 'Former', 'Veteran': capitalised by their place only, unless the text writes them so too
            if (low in self.roles.nouns or low in self.roles.former or low in self.roles.deputy
                    or low in self.not_parties or self._is_honorific(t) or lexicon.nation_of(t.text)
                    or low in self.peoples or low.rstrip("s") in self.peoples or low in self.orgs.heads):
                break
            j -= 1
        before = doc[j - 1] if j > 0 else None
        if j < i and (before is None or not before.text[:1].isupper() or before.is_sent_start
                      or lexicon.nation_of(before.text) is not None):
            # a capitalised word before the run makes it part of a longer name or title ('Senate Majority Leader'),
            # a nationality word does not ('an Irish Tarn Fáil politician')
            cands.append(_Cand(j, i, "ORG", cue="party"))

    def _national_name(self, doc: Doc, i: int, cands: list[_Cand]) -> None:
        """Add 'Varnish Water' in 'the minister praised Varnish Water for ...': a nationality word the model called
        NORP, and one capitalised noun after it that it qualifies and the model left unlabelled, inside a sentence,
        name an organisation (rule `national_name`). A title, role, rank, people, language, date or place word after
        the nationality word, a noun that itself qualifies another, or a longer run of capitals, names none here."""
        j = i + 1
        nation = lexicon.nation_of(doc[i].text) is not None or demonym_shaped(doc[i].text)
        if j + 1 >= len(doc) or not nation or doc[i].is_sent_start:
            return
        nxt, after = doc[j], doc[j + 1]
        if nxt.tag_ != "NNP" or not nxt.is_alpha or nxt.is_upper or not nxt.text[:1].isupper() \
                or nxt.ent_iob_ != "O" or doc[i].head != nxt or self._is_name_token(after) \
                or nxt.dep_ in {"compound", "amod", "nmod"}:
            return  # 'American Glam metal band', 'the Asian Championship tournaments': a kind, not a name
        low = nxt.lower_
        if (low in self.roles.nouns or low in self.roles.former or low in self.roles.deputy or self._is_honorific(nxt)
                or low in self.party_roles or low in self.peoples or low in self.languages
                or nxt.text in self.dates_words or head_label(nxt.text) or low in self.places.nouns
                or lexicon.nation_of(nxt.text)):
            return
        cands.append(_Cand(i, j + 1, "ORG", cue="national"))

    def _owned_body(self, doc: Doc, i: int, cands: list[_Cand]) -> None:
        """Add "disciplinary committee" in "the Orla Party's disciplinary committee": a lower-case body noun with the
        lower-case words right before it that qualify it, owned by a named organisation's possessive, is an ORG of its
        own (rule `owned_body`; its owner's possessive makes it part of the owner). Without a qualifying word ("the
        party's committee") it names nothing."""
        tok = doc[i]
        owners = [c for c in tok.children if c.dep_ == "poss" and c.ent_type_ == "ORG"]
        j = i
        while j > 0 and doc[j - 1].is_lower and doc[j - 1].is_alpha and doc[j - 1].dep_ in {"amod", "compound"} \
                and doc[j - 1].head == tok:
            j -= 1
        if owners and j < i:
            cands.append(_Cand(j, i + 1, "ORG", cue="owned"))

    def _party_plural(self, doc: Doc, i: int, cands: list[_Cand]) -> None:
        """Add 'Greens' in 'including Greens Tom Vale and Ann Roe': a capitalised plural (not opening its sentence)
        right before a person's name, or an honorific and a name, names the party they belong to (rule
        `party_plural`). A role noun ('Officials'), a people, faith or nation's word ('Americans'), a month or a
        given name names none."""
        tok, nxt = doc[i], doc[i + 1]
        if self._is_honorific(nxt) and i + 2 < len(doc):
            nxt = doc[i + 2]
        # the model often takes the word into the name ('Greens Tom Vale' as one person), which the name's
        # normalisation trims off again
        low = tok.lower_
        singular = low[:-3] + "y" if low.endswith("ies") else low[:-2] if low.endswith(("ses", "xes")) else low[:-1]
        if tok.tag_ not in ("NNPS", "NNS") and not singular.endswith(self.roles.person_suffixes):
            return  # only a plural: 'Unionists', 'Tories'; 'Georgios X' is a given name the lexicon lacks
        inside = tok.ent_iob_ == "B" and tok.ent_type_ == "PERSON" and nxt.ent_iob_ == "I"
        if not (inside or (tok.ent_iob_ == "O" and nxt.ent_iob_ == "B" and nxt.ent_type_ == "PERSON")):
            return
        if not tok.is_alpha or tok.is_upper:
            return
        for word in (low, singular):
            if (word in self.roles.nouns or word in self.peoples or word in self.never.peoples
                    or lexicon.nation_of(word.title()) or word in self.given_names or word in self.not_parties
                    or self._is_honorific_text(word.title())):
                return
        if tok.text in self.dates_words:
            return
        cands.append(_Cand(i, i + 1, "NORP", cue="party"))

    def _describes(self, noun: Token, j: int, k: int, gap: int = 0) -> bool:
        """Whether the common noun `noun`, right before the name run [j, k) (`gap` tokens before it: a bracketed
        acronym of the noun), describes it ('retailer X said', 'the watchdog Y', 'analysts Z'): the name is no
        person's ('the firm Tom Verrel founded' is a clause), no date or place, and the noun modifies nothing
        before it."""
        doc = noun.doc
        if noun.i + 1 + gap != j or j >= k or self._is_honorific(doc[j]) or doc[j].lower_ in self.given_names:
            return False
        label = doc[j].ent_type_
        if label in self.labels.measures or label in {"CARDINAL", "NORP", "GPE"} or doc[j].text in self.dates_words:
            return False  # 'told reporters Tuesday', 'officials Friday said'
        return not (noun.i > 0 and doc[noun.i - 1].text[:1].isupper() and not doc[noun.i - 1].is_sent_start)

    def _described(self, doc: Doc, noun: Token, cands: list[_Cand]) -> None:
        """Add 'retailer X', 'the watchdog Y', 'the company Z', 'service provider (SP) Plus.net': a name right
        after a singular noun for a kind of organisation (and its acronym in brackets) is an organisation (rule
        `described`)."""
        if noun.tag_ != "NN":
            return
        j = noun.i + 1
        if j + 3 < len(doc) and doc[j].text == "(" and self._is_acronym(doc[j + 1]) and doc[j + 2].text == ")":
            j += 3  # 'Internet service provider (ISP) Plus.net'
        k = self._brand_end(doc, j)
        if k > j and self._describes(noun, j, k, gap=j - noun.i - 1):
            cands.append(_Cand(j, k, "ORG", role=noun.lower_, cue="described"))

    def _brand_end(self, doc: Doc, j: int) -> int:
        """Return the end of the name at `j`: a run of name words, or one word with digits or a web domain
        ('Freedom2surf', 'Plus.net') that the name run does not take; j when there is none."""
        k = self._name_run(doc, j)
        if k == j and j < len(doc) and BRAND_RE.match(doc[j].text) and not doc[j].is_alpha:
            k = j + 1
        for x in range(j + 1, k):
            if doc[x].text in self.dates_words:
                return x  # 'the network CNBC Friday': the day is not in the name
        return k

    def _opens_described(self, noun: Token, e: int) -> bool:
        """Whether the word opening a sentence is a noun describing the name after it, up to `e`: a kind of
        organisation ('Retailer X') or a plural person noun before a one-word name ('Analysts Y')."""
        low = noun.lower_
        if low in self.orgs.nouns:
            return self._describes(noun, noun.i + 1, e)
        plural = low.endswith("s") and low[:-1] in self.roles.nouns
        return plural and e == noun.i + 2 and self._names_group_of_people(noun.doc, noun, noun.i + 1, e)

    def _names_group_of_people(self, doc: Doc, noun: Token, j: int, k: int) -> bool:
        """Whether a plural person noun names a group by the one-word name after it ('analysts Ovum',
        'consultants Brenmark'), rather than people ('analysts Tom Verrel and Ann Dole', 'ministers Tom')."""
        if not (noun.tag_ == "NNS" or noun.is_sent_start and noun.lower_.endswith("s")) or k != j + 1:
            return False
        if k < len(doc) and doc[k].lower_ in {"and", ","}:
            return False  # a list of names after a plural: people
        return self._describes(noun, j, k)

    def _publication(self, doc: Doc, i: int, cands: list[_Cand]) -> None:
        """Add 'The Australian' after 'told' / 'wrote in' / 'the Wall Street Journal and' as an ORG."""
        n = len(doc)
        k = self._name_run(doc, i + 1)
        if k == i + 1:
            return
        # coordinated with a known organisation: 'the Wall Street Journal and The Australian'
        ok = i >= 2 and doc[i - 1].lower_ in ("and", "or", ",") and doc[i - 2].ent_type_ == "ORG"
        if not ok and k + 1 < n and doc[k].lower_ in ("and", "or"):
            ok = "ORG" in (doc[k + 1].ent_type_, doc[min(k + 2, n - 1)].ent_type_)
        if not ok:
            for size in (1, 2, 3):
                if i - size >= 0 and tuple(t.lower_ for t in doc[i - size : i]) in self.publications.cues:
                    ok = True
                    break
        if ok:
            cands.append(_Cand(i + 1, k, "ORG", cue="work"))

    def _org_of_run(self, doc: Doc, i: int, cands: list[_Cand]) -> None:
        """Add 'Ministry of Foreign Affairs', 'School of Oriental and African Studies' as one ORG."""
        n = len(doc)
        k = i + 1
        if k >= n or doc[k].lower_ not in self.orgs.of_links:
            return
        k += 1 + (k + 1 < n and doc[k + 1].lower_ == "the")
        end = self._name_run(doc, k)
        if end == k:
            return
        places = ("GPE", "PERSON", "LOC")
        while end + 1 < n and doc[end].lower_ in self.orgs.of_joiners:
            j = end + 1 + (doc[end + 1].lower_ == "the" and doc[end].lower_ != "and")
            nxt = self._name_run(doc, j)
            if nxt == j or nxt - i > MAX_ORG_OF_TOKENS or doc[j].ent_type_ in places:
                break
            if doc[end].lower_ in ("and", "&") and (
                doc[end - 1].ent_type_ in places
                or doc[j].lower_ in self.orgs.of_heads
                or any(self._is_honorific(t) or t.lower_ in self.orgs.heads for t in doc[j:nxt])
            ):
                break
            end = nxt
        s = i
        if doc[i].ent_iob_ == "I":
            # back to where the model's name starts, but not over a lower-case word ('the Velmarian militia Sons of
            # the River': the noun describes the name after it)
            # nor over a comma ('the Faculty of Law , University of Dorin': two names, `_two_names`)
            while s > 0 and doc[s].ent_iob_ == "I" and not (doc[s - 1].is_lower and doc[s - 1].is_alpha) \
                    and doc[s - 1].text != ",":
                s -= 1
        else:
            while s > 0 and self._is_name_token(doc[s - 1]) and doc[s - 1].tag_ in ("NNP", "NNPS"):
                if doc[s - 1].is_sent_start and doc[s - 1].lower_ in DETERMINERS:
                    break
                s -= 1
        cands.append(_Cand(s, end, "ORG", cue="head"))
        self._of_and_the(doc, s, end, cands)

    def _of_and_the(self, doc: Doc, start: int, end: int, cands: list[_Cand]) -> None:
        """Add 'Islamic Emirate of X and the Y' as one ORG: a name ending in 'of X', continued by 'and the Y' where Y
        is a region written as a name of one or two words: no country, no organisation, nothing after it that
        continues a name ('the Isle of ...', "the Y's")."""
        n, i = len(doc), end
        if not any(t.lower_ == "of" for t in doc[start + 1:end - 1]) or i + 2 >= n:
            return
        if doc[i].lower_ != "and" or doc[i + 1].lower_ != "the":
            return
        j = i + 2
        k = self._name_run(doc, j)
        if k == j or k - j > 2 or k < n and (doc[k].text[:1].isupper() or doc[k].lower_ in self.orgs.of_links
                                             or doc[k].lower_ in POSSESSIVES):
            return
        region = doc[j:k]
        if any(t.ent_type_ == "ORG" or t.lower_ in self.orgs.heads or t.lower_ in self.orgs.of_heads for t in region):
            return
        if lexicon.nation_of(region.text) is not None or region.text in self.countries.capitals:
            return
        cands.append(_Cand(start, k, "ORG", cue="head"))

    def _and_before(self, doc: Doc, start: int, end: int, cands: list[_Cand]) -> None:
        """Add 'the Public and Commercial Services Union' as one ORG when the model named only the part after 'and'
        (rule and_in_name): the name ends in an organisation's head word, and one or two capitalised words that
        are no name of their own stand between 'the' (or the sentence's start) and the 'and'."""
        if doc[end - 1].lower_ not in self.orgs.heads or start < 2 or doc[start - 1].lower_ != "and":
            return
        j = start - 1
        while (j > 0 and start - 1 - j < 2 and doc[j - 1].is_alpha and doc[j - 1].is_title
               and doc[j - 1].ent_type_ == "" and doc[j - 1].lower_ != "the"):
            j -= 1
        if j == start - 1:
            return  # no capitalised word before the 'and'
        if self._is_honorific(doc[j]) or doc[j].lower_ in self.given_names or lexicon.nation_of(doc[j].text):
            return
        if doc[j].is_sent_start or doc[j - 1].lower_ == "the":
            cands.append(_Cand(j, end, "ORG", cue="head"))

    def _after_place_noun_of(self, doc: Doc, i: int) -> bool:
        """Whether token `i` follows a lower-case place noun and 'of' ('the city of X', 'the Varnish town of X')."""
        return i > 1 and doc[i - 1].lower_ == "of" and doc[i - 2].is_lower and _in(doc[i - 2].text, self.places.nouns)

    def _locative(self, doc: Doc, i: int, cands: list[_Cand]) -> None:
        """Add a lone capitalised word after 'in' / 'near' / 'from' or 'the city of' that spaCy left unlabelled as a
        GPE."""
        tok = doc[i]
        t = tok.text
        if tok.tag_ != "NNP" or not tok.is_alpha or not tok.is_title or len(t) < 3:
            return
        low = tok.lower_
        if low in self.never.places or low in self.never.spans or self._is_particle(tok):
            return
        if self._is_honorific(tok) or head_label(t) or _in(t, self.roles.nouns):
            return
        if i + 1 < len(doc):
            nxt = doc[i + 1]
            if nxt.text[:1].isupper() or nxt.text in ("-", "’", "'") and not tok.whitespace_:
                return
        cands.append(_Cand(i, i + 1, "GPE", cue="locative"))

    def _head_run(self, doc: Doc, i: int, cands: list[_Cand]) -> None:
        """Add 'Popular Mobilization Units' / 'Unit 2800' style names that spaCy missed."""
        s = i
        while s > 0 and self._is_name_token(doc[s - 1]) and doc[s - 1].tag_ in ("NNP", "NNPS", "HYPH"):
            if doc[s - 1].is_sent_start and doc[s - 1].lower_ in DETERMINERS:
                break
            s -= 1
        e = i + 1
        if e < len(doc) and doc[e].like_num and doc[e].tag_ == "CD":
            e += 1  # 'Unit 2800'
        elif e + 1 < len(doc) and doc[e].lower_ in ("of", "for"):
            k = e + 1 + (doc[e + 1].lower_ == "the")
            end = self._name_run(doc, k)
            if end > k:
                e = end
        if e - s >= 2:
            label = head_label(doc[i].text) or "ORG"
            cands.append(_Cand(s, e, label, cue="head"))
            self._of_and_the(doc, s, e, cands)

    def _head_reference(self, doc: Doc, i: int, cands: list[_Cand]) -> None:
        """Add 'the Forum' / 'the Guards' alone: a short reference to a longer name (the article's pass
        keeps it only after such a name, see `pipeline`)."""
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if (
            i > 0
            and doc[i - 1].text == "the"
            and head_label(doc[i].text) == "ORG"
            and not (nxt is not None and (self._is_name_token(nxt) or nxt.lower_ in ("of", "for")))
        ):
            cands.append(_Cand(i, i + 1, "ORG", cue="reference"))

    def _force_run(self, doc: Doc, i: int, cands: list[_Cand]) -> None:
        """Add 'US forces' / 'British special forces' as one ORG when a country names them."""
        j = i - 1
        while j >= 0 and doc[j].lower_ in self.bodies.force_modifiers:
            j -= 1
        if j > 0 and doc[j].text in POSSESSIVES:  # "Iraq's parliament"
            j -= 1
        if j < 0:
            return
        named = doc[j].ent_iob_ != "O" and doc[j].ent_type_ in ("GPE", "NORP", "PERSON")
        if not named and not lexicon.nation_of(doc[j].text):
            return  # the model may miss a country or call it ORG ('Israel's Defense Forces')
        if doc[j].ent_type_ == "PERSON" and doc[i].lower_ not in ("regime", "government", "administration"):
            return
        s = j
        while s > 0 and doc[s].ent_iob_ == "I":
            s -= 1
        if doc[s].lower_ in DETERMINERS:
            s += 1
        cands.append(_Cand(s, i + 1, "ORG", cue="force"))

    def _frontier(self, doc: Doc, i: int, cands: list[_Cand]) -> None:
        """Add a frontier between two nations as one LOC: 'the Lebanon-Israel border', 'the Iran–Iraq
        frontier', 'the Lebanese border with Israel'."""
        if i >= 3 and doc[i - 2].text in DASHES and not doc[i - 3].whitespace_ and not doc[i - 2].whitespace_:
            if lexicon.nation_of(doc[i - 3].text) and lexicon.nation_of(doc[i - 1].text):
                cands.append(_Cand(i - 3, i + 1, "LOC", cue="frontier"))
            return
        if i >= 1 and lexicon.nation_of(doc[i - 1].text) and i + 2 < len(doc) and doc[i + 1].lower_ == "with":
            for n in (2, 1):  # 'Saudi Arabia' before 'Iraq'
                end = i + 2 + n
                if end <= len(doc) and lexicon.nation_of(doc[i + 2 : end].text):
                    cands.append(_Cand(i - 1, end, "LOC", cue="frontier"))
                    return

    # -- boundaries -----------------------------------------------------------------
    def _quoted(self, doc: Doc, s: int, e: int) -> bool:
        if s == 0 or doc[s - 1].text not in QUOTES:
            return False
        k = e
        while k < len(doc) and doc[k].text in {",", ".", "’s", "'s"}:
            k += 1
        return k < len(doc) and doc[k].text in QUOTES

    def _normalise(self, doc: Doc, cand: _Cand) -> list[_Cand]:
        s, e = cand.start, cand.end
        for k in range(s, e):  # a name stops at a bracket: 'Islamic State (ISIS)'
            if doc[k].text in OPEN_BRACKETS:
                e = k
                break
        if cand.cue in WEAK_CUES and e - s >= 2 and doc[s].is_sent_start and self._opens_described(doc[s], e):
            # 'Retailer Ambrio said', 'Analysts Ovum said': the capitalised noun opening the sentence describes
            role = doc[s].lower_ if doc[s].lower_ in self.orgs.nouns else None
            return self._normalise(doc, _Cand(s + 1, e, "ORG", role, "described"))
        if cand.cue in WEAK_CUES:
            parts = self._two_names(doc, _Cand(s, e, cand.label, cand.role, cand.cue))
            if parts:
                return [c for part in parts for c in self._normalise(doc, part)]
        if cand.label == "PERSON" and e - s >= 3 and doc[s].tag_ == "NNPS":
            s += 1  # 'including Liberals Tomas Belder': a plural group word is no first name
        for k in range(s + 1, e):  # nor at a spaced dash before a gloss: 'X Bank - one of its creditors',
            # 'Veritas - Latin for truth' (a dash between capitalised words stays: 'North Rhine - Westphalia')
            if doc[k].text in SPACED_DASHES and doc[k - 1].whitespace_ and doc[k].whitespace_ and (
                    k + 1 >= e or doc[k + 1].is_lower or doc[k + 1].lower_ in self.languages) \
                    and not (k + 2 == e and self._spaced_given_syllable(doc, k)):
                e = k
                break
        if cand.cue in WEAK_CUES:
            s = self._after_opener(doc, s, e)
            if e - s > 2 and RANK_RE.match(doc[s].text) and (
                    doc[s].text.endswith("=") or doc[s + 1].text in SPACED_DASHES and doc[s + 1].whitespace_):
                s += 1  # '2 - Tom Vell', '1= Ann Roe': the place in a list of results is no part of the name
        unsplit = ("force", "table", "possessive")
        for k in range(s + 1, e - 1 if cand.cue not in unsplit else s + 1):  # 'Varn’s Storm Brigade' (two names)
            if doc[k].tag_ == "POS" or doc[k].text in ("’s", "'s"):
                left = _Cand(s, k, cand.label, cand.role, "split" if cand.cue == "spacy" else cand.cue)
                right = _Cand(k + 1, e, cand.label, None, "split" if cand.cue == "spacy" else cand.cue)
                return self._normalise(doc, left) + self._normalise(doc, right)
        while s < e and (doc[s].lower_ in DETERMINERS or doc[s].text in QUOTES or doc[s].is_punct
                         or doc[s].text in self.common and e - s > 1):  # 'ISP Freedom2surf'
            s += 1
        while e > s and (
            doc[e - 1].text in POSSESSIVES or doc[e - 1].text in QUOTES or doc[e - 1].text in TRAILING_JUNK
        ):
            e -= 1
        if cand.cue in WEAK_CUES:  # 'Velinia 2-1' in results: the model runs the score into the name
            e = self._before_score(doc, s, e)
        if cand.label in PLACE_LABELS and e - s > 1 and DECIMAL_RE.match(doc[e - 1].text):
            e -= 1  # 'the density of Varna District 2.1 residents': a measure, which numbers no place
        role = cand.role
        while e - s > 1 and cand.cue not in LOWER_CUES and cand.cue not in ("force", "frontier", "owned") \
                and doc[s].is_lower and doc[s].is_alpha and doc[s + 1].text[:1].isupper() \
                and doc[s].lower_ not in self.places.compass \
                and (doc[s].pos_ == "ADV" or doc[s].pos_ == "ADJ" and cand.label not in PLACE_LABELS
                     or _in(doc[s].text, self.person_nouns)):
            # 'the unique Tarn University tradition', 'the later Republic of X', 'the wife of prince Li Varo': a
            # lower-case word before a name describes it (a place keeps it: 'central Varnland' is a region of it);
            # a role noun is the named person's role
            if doc[s].pos_ not in ("ADJ", "ADV") and role is None:
                role = doc[s].lower_
            s += 1
        if cand.label == "PERSON" and cand.cue in WEAK_CUES and e - s >= 3 and doc[s].is_title \
                and not self._is_honorific(doc[s]) and _in(doc[s].text, self.person_nouns) \
                and (doc[s + 1].lower_ in self.given_names or doc[s].is_sent_start and doc[s + 1].is_title):
            # 'Drummer Tom Vell': a role noun before a given name is no part of the name, nor one that opens the
            # sentence ('Actress Pak Na - ri received')
            role, s = doc[s].lower_, s + 1
        # a name does not end in a common noun ('the Asaib Ahl al-Haq militia' → role 'militia')
        # nor in a particle, which always binds to a name after it ('al-Maliki as a condition')
        # 'US forces', 'the Iran-Iraq border', "the party's disciplinary committee"
        keeps_nouns = cand.cue in ("force", "coalition", "frontier", "owned")
        while not keeps_nouns and e > s + 1 and doc[e - 1].is_lower and doc[e - 1].is_alpha:
            if e - 3 >= s and self._hyphenated_given_name(doc, e - 3, after_name=False) \
                    or e - 2 > s and self._spaced_given_syllable(doc, e - 2):
                break  # 'Paek Sung-ho': the syllable after the hyphen is part of the given name
            if self._kept_head(doc, e - 1):
                break  # 'Velmar province': the noun is the place's own head
            if role is None and _in(doc[e - 1].text, self.orgs.nouns):
                role = doc[e - 1].lower_
            e -= 1
        if e <= s:
            return []
        # titles go to role, unless the rest is an institution ('General Assembly') or the
        # whole title+name is quoted as the name people use ('‘Hajj Yusif’').
        h = s
        while h < e and (self._is_honorific(doc[h]) or (h > s and doc[h].text in {"-", "."})):
            h += 1
        cue = cand.cue
        institution = any(head_label(doc[k].text) and doc[k + 1].lower_ in ("of", "for")
                          for k in range(h, e - 1))  # 'Supreme Council of National Security'
        if s < h < e and not head_label(doc[e - 1].text) and not institution and cue != "table" \
                and not self._no_person_after_title(doc, h, e):
            role, cue = doc[s:h].text, "title"
            if not self._quoted(doc, s, e):
                s = h
        s, e = self._extend(doc, s, e)
        if _name_article(doc, s):
            s -= 1  # 'at The Hague', 'by The Clash': the article is written as part of the name
        if cand.label == "PERSON" and e + 1 < len(doc) and doc[e].lower_ == "the" and doc[e + 1].text[:1].isupper() \
                and doc[e + 1].lower_ in self.titles.bynames \
                and not (e + 2 < len(doc) and doc[e + 2].text[:1].isupper() and doc[e + 2].is_alpha):
            e += 2  # 'Tom Verrel the Younger': a byname is part of the name
        return [_Cand(s, e, cand.label, role, cue)]

    def _after_opener(self, doc: Doc, s: int, e: int) -> int:
        """Return where the name in [s, e) starts past a word the model ran into it: a preposition or conjunction
        capitalised because it opens the sentence ('Until Tom Vell 's book', 'After Mara Lind'), or a compass
        word and 'of' ('North of Velin the river turns': the place is Velin)."""
        if e - s > 2 and doc[s].lower_ in self.places.compass and doc[s + 1].lower_ == "of" \
                and doc[s + 2].text[:1].isupper():
            return s + 2
        if e - s > 1 and doc[s].is_sent_start and doc[s].pos_ in ("ADP", "SCONJ", "CCONJ") \
                and doc[s].tag_ not in ("NNP", "NNPS") and doc[s + 1].text[:1].isupper():
            return s + 1
        return s

    def _spaced_given_syllable(self, doc: Doc, k: int) -> bool:
        """Whether the dash `doc[k]`, written with spaces, joins the two syllables of a given name: a short
        capitalised syllable before it and a short lower-case one after it that is no English function word
        ('Kim Nam - joo', 'Yuen Woo - ping' in text tokenised with spaces around hyphens)."""
        if k < 2 or k + 1 >= len(doc) or doc[k].text != "-":
            return False
        before, after = doc[k - 1], doc[k + 1]
        return (before.is_title and before.is_alpha and len(before) <= MAX_SYLLABLE and doc[k - 2].is_title
                and after.is_lower and after.is_alpha and len(after) <= MAX_SYLLABLE and not after.is_stop
                and after.lower_ not in self.languages)

    def _two_names(self, doc: Doc, cand: _Cand) -> list[_Cand] | None:
        """Return the names a span the model made runs together (rule two_names), or None when it is one name:
        split at a comma between capitalised words, at an 'and' between two full names, or before a place after
        'in the' / 'on the'; `_one_name` keeps what must stay whole."""
        s, e = cand.start, cand.end
        if lexicon.nation_of(doc[s:e].text) is not None or self._quoted(doc, s, e):
            return None  # 'Trinidad and Tobago'; a quoted title ('" Standing in the Dark "')
        for k in range(s + 1, e - 1):
            cut = self._name_cut(doc, s, k, e, cand.label)
            if cut is None:
                continue
            # 'at Dorwick , Velshire' the model calls an organisation: with no organisation's head word in it, a comma
            # between two names sets a place beside the larger place it lies in
            places = doc[k].text == "," and cand.label == "ORG" and not any(head_label(t.text) for t in doc[s:e])
            left_label = "GPE" if places else cand.label
            right_label = "GPE" if cand.label in PLACE_LABELS or doc[k].lower_ in PLACE_PREPOSITIONS or places \
                else cand.label
            left = _Cand(s, k, left_label, cand.role, "split")
            right = _Cand(cut, e, right_label, None, "split")
            if cut + 1 == e and self._is_honorific(doc[cut]):
                return [left]  # 'Robert Vell , King of Varnland': the title after the comma is no name
            return [left, right]
        return None

    def _name_cut(self, doc: Doc, s: int, k: int, e: int, label: str) -> int | None:
        """Return where a second name starts when token `k` of [s, e) joins two names, else None."""
        tok, before, after = doc[k], doc[k - 1], doc[k + 1]
        if not before.text[:1].isupper():
            return None
        if tok.text == ",":  # 'Velin , Dorset', 'Faculty of Law , University of Dorin', 'Vell , Roe'
            legal_form = k + 2 == e and (head_label(after.text) == "ORG" or after.lower_ in self.orgs.legal_forms)
            # 'Velin , Ltd' is one company; 'Ministry of Farming , Food and Fisheries' one ministry of three fields,
            # 'Vell , Roe & Pesh' one firm of three partners
            fields = any(t.lower_ in AND_WORDS for t in doc[k:e])
            return k + 1 if after.text[:1].isupper() and after.is_alpha and not legal_form and not fields else None
        if tok.lower_ in AND_WORDS and after.text[:1].isupper() and after.tag_ != "PRP$":  # 'Tom Vell & His Band'
            # 'Velin University and Dorin University', 'Tarn Island and Ostrup Island' (two full names, each with its
            # head word); 'Tom Vell and Roe', 'Tomas Velder and Stibor' (a person's name has no 'and'); 'between
            # Velin and Dorin' (the preposition takes two)
            # ('Velin Post and Telecommunications Administration': the head word before the 'and' and the plural
            # after it are fields of the one name's head)
            heads = k - 1 > s and (head_label(before.text) is not None and head_label(doc[e - 1].text) is not None
                                   or before.lower_ == doc[e - 1].lower_) \
                and not k < before.head.i < e and after.tag_ != "NNPS"
            person = label == "PERSON" or k - s == 2 and doc[s].lower_ in self.given_names and doc[s + 1].is_title
            if heads or person or s > 0 and doc[s - 1].lower_ in PAIR_OPENERS:
                return k + 1
            return None
        if tok.lower_ in PLACE_PREPOSITIONS and after.lower_ == "the" and k + 2 < e and doc[k + 2].text[:1].isupper() \
                and (after.text == "The" or e - k > 3):
            return k + 2  # 'the Academy in The Hague', 'Dome B on the Varn Plateau': a place after the name
        return None

    @staticmethod
    def _no_person_after_title(doc: Doc, h: int, e: int) -> bool:
        """Return True when what follows a title word names no person, so the title word is part of the name: an
        organisation's head word in it ('Major League Baseball', 'General Motors') or a country's name ('Captain
        Varnland', which is no captain called Varnland)."""
        return any(head_label(t.text) == "ORG" for t in doc[h:e] if t.text[:1].isupper()) \
            or lexicon.nation_of(doc[h:e].text) is not None

    @staticmethod
    def _before_score(doc: Doc, s: int, e: int) -> int:
        """Return the end of [s, e) without the score or result closing it ('2-1', '6:4', '2 - 1', '238')."""
        if e - s > 1 and SCORE_RE.match(doc[e - 1].text):
            return e - 1
        if e - s > 3 and doc[e - 1].is_digit and doc[e - 2].text in ("-", ":") and doc[e - 3].is_digit:
            return e - 3
        if e - s > 1 and doc[e - 1].is_digit and doc[e - 2].text[:1].isalpha() and _is_results(sentence_of(doc[s])):
            e -= 1  # 'Velin 238 and 133-5, Dorin 471': in a line of results the number is a score, not in the name
        return e

    def _extend(self, doc: Doc, s: int, e: int) -> tuple[int, int]:
        """Grow a span over Arabic name particles and capitalised organisation heads."""
        n = len(doc)
        # left: 'Abu' + 'Mahdi al-Muhandis'; 'Asaib' + 'Ahl al-Haq'
        while s > 0 and s - 1 >= 0:
            prev = doc[s - 1]
            if prev.text in {"-"} and s > 1 and self._is_particle(doc[s - 2]) and not prev.whitespace_:
                s -= 1
            elif self._is_particle(prev) and prev.text[:1].isupper():
                s -= 1
            elif self._is_particle(doc[s]) and prev.text[:1].isupper() and prev.is_alpha and prev.tag_ == "NNP":
                if self._is_honorific(prev) or (prev.is_sent_start and prev.lower_ in DETERMINERS):
                    break
                s -= 1
            else:
                break
        # right: 'Abu Mahdi' + 'al-Muhandis'; 'Qods' + 'Force'; 'Unit' + '2800'
        while e < n:
            nxt = doc[e]
            if self._is_particle(nxt) and e + 1 < n and (doc[e + 1].text == "-" or doc[e + 1].is_title):
                e += 1
            elif nxt.text == "-" and not nxt.whitespace_ and self._is_particle(doc[e - 1]) and e + 1 < n:
                e += 2
            elif self._is_particle(doc[e - 1]) and nxt.text[:1].isupper() and nxt.is_alpha:
                e += 1  # 'Asaib Ahl Al' + 'Haq': a particle binds to the name after it
            elif nxt.text[:1].isupper() and nxt.tag_ in ("NNP", "NNPS") and head_label(nxt.text):
                e += 1
            elif nxt.is_digit and len(nxt) <= 4 and doc[e - 1].text[:1].isupper() \
                    and doc[e - 1].lower_ in self.numbered_heads:
                e += 1  # 'Unit' + '2800', 'Route' + '36', 'Channel' + '4'
            elif (nxt.text in ("'", "’") and doc[e - 1].lower_.endswith("s") and e + 1 < n
                  and head_label(doc[e + 1].text) == "ORG" and doc[e + 1].text[:1].isupper()):
                e += 2  # 'Transport and General Workers' + "' Union": a plural possessive inside the name
            elif self._hyphenated_given_name(doc, e):
                e += 3  # 'Paek' + 'Sung-ho': a Korean given name the model left out
            elif self._kept_head(doc, e):
                e += 1  # 'Velmar' + 'province', 'Velmar' + 'airport'
            else:
                break
        # '[United Nations Interim Force in Lebanon]': a bracketed name runs to the bracket
        if s > 0 and doc[s - 1].text in OPEN_BRACKETS and e + 1 < n and doc[e].lower_ in ("in", "of", "for"):
            k = self._name_run(doc, e + 1)
            if k > e + 1 and k < n and doc[k].text in (")", "]"):
                e = k
        return s, min(e, n)

    def _kept_head(self, doc: Doc, k: int) -> bool:
        """Whether token `k` is a lower-case place noun that belongs to the name right before it ('Velmar province',
        'Dorin airport'): a proper noun before it, and no noun after it that it qualifies ('airport security')."""
        if k < 1 or k >= len(doc) or not doc[k].is_lower or doc[k].lower_ not in self.places.kept_heads:
            return False
        before = doc[k - 1]
        if not (before.text[:1].isupper() and before.is_alpha and before.tag_ in ("NNP", "NNPS")):
            return False
        return not (k + 1 < len(doc) and doc[k + 1].tag_ in ("NN", "NNS"))

    def _hyphenated_given_name(self, doc: Doc, e: int, after_name: bool = True) -> bool:
        """Whether doc[e:e+3] is a hyphenated given name ('Chong-gyu', 'Jae-in'): a capitalised word, a hyphen and
        a short lower-case syllable, written without spaces (with `after_name`, right after a name the model
        ended before it)."""
        if e + 2 >= len(doc) or e < 1:
            return False
        if after_name and (doc[e - 1].whitespace_ == "" or not doc[e - 1].text[:1].isupper()
                           or doc[e].ent_iob_ != "O"):
            return False
        word, hyphen, syllable = doc[e], doc[e + 1], doc[e + 2]
        return (word.text[:1].isupper() and word.is_alpha and not word.whitespace_
                and hyphen.text == "-" and not hyphen.whitespace_ and syllable.is_alpha and syllable.is_lower
                and len(syllable) <= 4 and "-" + syllable.lower_ not in self.verbs.compound_heads
                and syllable.lower_ not in self.verbs.compound_heads)

    # -- types ----------------------------------------------------------------------
    def _type(self, doc: Doc, c: _Cand) -> _Cand:
        if c.cue in FIXED_CUES:
            return c
        span = doc[c.start : c.end]
        first, last = span[0], span[-1]
        if c.cue in ("title", "role") and c.label == "PERSON" or c.role and self._is_honorific_text(c.role):
            return _Cand(c.start, c.end, "PERSON", c.role, c.cue if c.cue in ("title", "role") else "title")
        head = head_label(last.text) if last.text[:1].isupper() or self._kept_head(doc, last.i) else None
        if len(span) > 2 and first.lower_ in self.orgs.of_heads and span[1].lower_ in self.orgs.of_links:
            head = "ORG"  # 'Sons of the River', 'Council of the Sea States': the word before 'of' is the head
        if head is None:
            for tok in span[:-1]:
                if tok.text[:1].isupper() and doc[tok.i + 1].lower_ in ("of", "for", "on"):
                    head = head_label(tok.text)
                    if head:
                        break
        if head and not (len(span) == 1 and c.label == "PERSON"):
            return _Cand(c.start, c.end, head, c.role, "head")
        if len(span) >= 2 and first.lower_ in ADMIN_UNITS and first.text[:1].isupper() and span[1].text[:1].isupper():
            return _Cand(c.start, c.end, "GPE", c.role, "head")  # 'County Durham', 'Gmina Tarno': a unit named first
        fl = first.lower_
        if fl in self.orgs.lead_words or fl.startswith(self.orgs.lead_prefixes):
            return _Cand(c.start, c.end, "ORG", c.role, "lead")
        if len(span) == 1 and ACRONYM_RE.match(first.text):
            label = "GPE" if first.text.replace(".", "") in self.countries.acronyms else "ORG"
            return _Cand(c.start, c.end, label, c.role, "acronym")
        if c.evidence or c.label == "NORP":  # a demonym before 'militia' still describes
            return c
        if c.label == "GPE" and lexicon.nation_of(span_text(span)):
            return c  # a country of the gazetteer the model calls a place: no context makes it a person ('X, who')
        if c.role and c.label != "GPE" and _in(c.role, self.orgs.nouns):
            return _Cand(c.start, c.end, "ORG", c.role, "context")
        found = self._context_type(doc, span, c.label)
        if found:
            return _Cand(c.start, c.end, found[0], found[1] or c.role, "context")
        if len(span) == 1 and first.tag_ in ("JJ", "JJR", "JJS"):
            return _Cand(c.start, c.end, "NORP", c.role)  # adjectives describe, they do not name
        return c

    def _is_honorific_text(self, text: str) -> bool:
        parts = [p for p in re.split(r"[.\-\s]", text.lower()) if p]
        return bool(parts) and all(p in self.titles.honorifics for p in parts)

    def _noun_type(self, word: str) -> str | None:
        """Return the type a common noun describing a name implies (apposition, copula)."""
        w = word.lower()
        if _in(w, self.roles.nouns) or w.endswith(self.roles.person_suffixes):
            return "PERSON"
        if _in(w, self.orgs.nouns):
            return "ORG"
        if _in(w, self.places.nouns):
            return "GPE"
        return None

    def _context_type(self, doc: Doc, span: Span, label: str) -> tuple[str, str | None] | None:
        """Return (label, role) read from the words and parse around `span`, or None."""
        s, e = span.start, span.end
        n = len(doc)
        root = span.root
        # 'X, led by Y': X organisation, Y person
        for child in root.children:
            if child.dep_ == "acl" and child.lower_ in self.verbs.led_by and child.i >= e:
                return "ORG", None
        if root.dep_ == "pobj" and root.head.dep_ == "agent" and root.head.head.lower_ in self.verbs.led_by:
            return "PERSON", self.verbs.led_by[root.head.head.lower_]
        # 'leader X', 'a militia leader called X'
        j = s - 1
        if j >= 0 and doc[j].lower_ in self.verbs.naming_forms:
            j -= 1
        if j >= 0 and doc[j].is_lower and doc[j].tag_ in ("NN", "NNS") and _in(doc[j].text, self.roles.nouns):
            return "PERSON", doc[j].lower_
        # 'the X militia' (not "the Tom Verrel programme", named after a person)
        if e < n and doc[e].is_lower and doc[e].tag_ in ("NN", "NNS") and label != "GPE":
            if _in(doc[e].text, self.orgs.nouns) and not (e - s > 1 and doc[s].lower_ in self.given_names):
                return "ORG", doc[e].lower_
        # 'X, the leader of ...' / 'X, a town on ...'
        for child in root.children:
            if child.dep_ == "appos" and child.i >= e and child.is_lower and child.ent_iob_ == "O":
                if self._runs_into_main_verb(doc, e, child):
                    continue
                t = self._noun_type(child.text)
                if t:
                    return t, child.lower_
        if e + 1 < n and doc[e].text == "," and doc[e + 1].lower_ == "who":
            return "PERSON", None
        if e < n and doc[e].text[:1] in "([" and LIFE_BRACKET_RE.match(doc_text(doc), span.end_char):
            return "PERSON", None
        # 'née X', '(born X; 1950)': the name a person was born with
        if s > 0 and (doc[s - 1].lower_ in BIRTH_NAME_CUES or s > 1 and doc[s - 1].lower_ == "born"
                      and doc[s - 2].text[:1] in "(["):
            return "PERSON", None
        # 'a selectman of the town of Tullby, X': one word after a place and its comma ends a trail of places (the
        # parser hangs it on the role noun); 'the mayor of Y, Ann Roe' names the holder in full
        if root.dep_ == "appos" and e - s == 1 and s >= 2 and doc[s - 1].text == "," \
                and doc[s - 2].ent_type_ in {"GPE", "LOC"} and root.head.i < s - 2:
            return "GPE", None
        # 'the leader of ..., X'
        if root.dep_ == "appos" and root.head.i < s and root.head.is_lower and root.head.tag_.startswith("NN"):
            t = self._noun_type(root.head.text)
            if t:
                return t, root.head.lower_
        # 'X is the leader of ...'
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.lower_ in COPULAS:
            for child in root.head.children:
                if child.dep_ == "attr" and child.is_lower and child.tag_.startswith("NN"):
                    t = self._noun_type(child.text)
                    if t:
                        return t, child.lower_
        # 'the town of X', 'the towns of X and Y', 'west of X'
        first = root
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        if first.dep_ == "pobj" and first.head.lower_ == "of":
            noun = first.head.head
            if noun.is_lower and (_in(noun.text, self.places.nouns) or noun.lower_ in self.places.compass):
                # 'the capital of X', 'the town of X' describe X as a place: the noun is X's role, which the
                # entity's type vote weighs over the model's labels elsewhere ('X' an organisation in a list)
                described = self.roles.describes.get(noun.lower_) == "GPE"
                return "GPE", noun.lower_ if described else None
        # 'X, 13 km south of Y' / 'X, north of Y': a place
        if label in ("PERSON", "ORG") and e + 2 < n and doc[e].text == ",":
            a, b = doc[e + 1], doc[e + 2]
            if (
                a.like_num
                and b.lower_.rstrip(".") in self.places.distance_units
                or (a.lower_ in self.places.compass and b.lower_ == "of")
            ):
                return "GPE", None
        if label in ("PERSON", "ORG") and _in_country_chain(doc, s, e):
            return "GPE", None  # 'a village in X mandal, Y district, Z, Varnland': every link of the chain is a place
        if label == "PERSON":
            # 'near X'; 'between X and Damascus': a name beside a place is a place
            if s > 0 and doc[s - 1].lower_ in self.places.person_place_preps:
                return "GPE", None
            places = sum(t.ent_type_ == "GPE" and not s <= t.i < e for t in (first, *first.conjuncts))
            coordinated = first.dep_ == "pobj" and first.head.lower_ in self.places.coordination_place_preps
            if places >= 2 or places and coordinated:
                return "GPE", None
        return None

    # -- descriptions ---------------------------------------------------------------
    def _description(self, doc: Doc, span: Span) -> str | None:
        root = span.root
        s, e = span.start, span.end
        sentence = sentence_of(span)
        sent_end = sentence.end
        for child in root.children:
            if (
                child.dep_ == "appos"
                and child.tag_ in ("NN", "NNS")
                and child.ent_iob_ == "O"
                and e < len(doc)
                and doc[e].text in APPOS_OPENERS
                and child.left_edge.i == e + 1
                and not self._runs_into_main_verb(doc, e, child)
            ):
                return self._clip(doc, e + 1, self._phrase_end(doc, child.i, sent_end))
        head = root.head
        if (
            root.dep_ == "appos"
            and head.i < s
            and head.ent_iob_ == "O"
            and head.tag_ in ("NN", "NNS")
            and s > 0
            and doc[s - 1].text in APPOS_OPENERS
            and any(c.dep_ == "det" for c in head.children)
        ):
            return self._clip(doc, head.left_edge.i, s)
        clause_start = s == sentence.start or doc[s - 1].is_punct or doc[s - 1].dep_ in ("cc", "mark")
        if root.dep_ in ("nsubj", "nsubjpass") and head.lower_ in COPULAS and head.i in (e, e + 1) and clause_start:
            for child in head.children:
                if child.dep_ == "attr" and child.tag_ in ("NN", "NNS") and child.ent_iob_ == "O":
                    return self._clip(doc, child.left_edge.i, self._phrase_end(doc, child.i, sent_end))
        return None

    def _runs_into_main_verb(self, doc: Doc, e: int, appositive: Token) -> bool:
        """Whether the phrase the parser hung on a name as its apposition runs, before any comma closes it, into
        the sentence's main verb, the name not being that verb's subject: the subject of the main clause after a
        glued comma ('upon order of X,the network of Y split from Z'), no description of X."""
        end = self._phrase_end(doc, appositive.i, sentence_of(appositive).end)
        name = appositive.head
        # 'X, director of Y - one of its creditors - said': the main verb is the name's own, the phrase describes X
        return any(doc[k].dep_ == "ROOT" and not any(c.i == name.i and c.dep_ in {"nsubj", "nsubjpass"}
                                                     for c in doc[k].children) for k in range(e + 1, end))

    def _phrase_end(self, doc: Doc, i: int, sent_end: int) -> int:
        """Return where a noun phrase from token `i` ends: the next comma, dash or sentence end."""
        k = i
        depth = 0
        while k < sent_end:
            t = doc[k].text
            if t in OPEN_BRACKETS:
                depth += 1
            elif t in (")", "]"):
                depth -= 1
            elif depth <= 0 and t in APPOS_CLOSERS:
                break
            k += 1
        return k

    def _clip(self, doc: Doc, a: int, b: int) -> str | None:
        while a < b and (doc[a].is_punct or doc[a].is_space):
            a += 1
        while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space) and doc[b - 1].text not in {")", "]"}:
            b -= 1
        if b <= a or b - a > MAX_DESCRIPTION_TOKENS:
            return None
        text = doc[a:b].text
        return text if any(ch.islower() for ch in text) else None

    # -- junk -----------------------------------------------------------------------
    def _is_junk(self, span: Span, cue: str = "spacy") -> bool:
        text = span_text(span)
        low = text.lower()
        if low in self.never.spans and not self._owns_instrument(span):
            return True
        if len(span) > 12 or text.endswith("-") or text in self.common:
            return True
        if cue in LOWER_CUES and self.lowercase_mentions:
            return False
        if not any(ch.isupper() for ch in text) or text.replace(",", "").replace(".", "").isdigit():
            return True
        first = span[0]
        if len(span) == 1 and not (text[:1].isupper() or PARTICLE_HYPHEN_RE.match(text)):
            return True
        if len(span) == 1 and text.isupper() and text.replace(".", "") in self.never.media \
                and f"({text})" not in doc_text(span.doc):
            return True  # 'the third CD', 'its API': a common abbreviation, unless the text defines it as a name
        return all(self._is_honorific(t) or t.is_punct for t in span) or first.is_space

    def _owns_instrument(self, span: Span) -> bool:
        """Whether a nationality word that is also a language ('Turkish', 'Russian') names the nation that owns a
        weapon or craft it qualifies ('Turkish jets', 'Russian warplanes'): then it stands for that nation."""
        word = span[0]
        return (len(span) == 1 and span_text(span) in self.countries.demonyms
                and word.dep_ in {"amod", "compound", "nmod"} and word.head.lemma_.lower() in self.bodies.instruments)

    def _is_people(self, span: Span) -> bool:
        """Whether a span only names people of a nation or faith ('Britons', 'Iraqi Shias', 'the Druze')."""
        peoples = self.peoples
        words = [t for t in span if not t.is_punct and t.lower_ != "the"]
        return bool(words) and all(t.lower_ in peoples or t.lower_.rstrip("s") in peoples for t in words)

    # -- the component --------------------------------------------------------------
    def _common_acronyms(self, doc: Doc) -> dict[str, str | None]:
        """Return the acronyms the text defines as a common noun: 'Internet service provider (ISP)', 'improvised
        explosive devices (IEDs)' — words whose initials spell it, most of them lower-case. Such an acronym names
        no one: it is no mention, and it does not open a name ('ISP Freedom2surf' is 'Freedom2surf'). Each maps to
        the last word of its words when that is a noun for a kind of organisation ('provider'), else None."""
        found: dict[str, str | None] = {}
        for i in range(1, len(doc) - 2):
            acr = doc[i + 1]
            if doc[i].text != "(" or doc[i + 2].text != ")" or not self._is_acronym(acr):
                continue
            letters = acr.text.replace(".", "").rstrip("s")
            words = doc[max(0, i - len(letters)) : i]
            if len(words) != len(letters) or any(not w.is_alpha for w in words):
                continue
            before = [t.lower_ for t in doc[max(0, words.start - 2) : words.start]]
            if "the" in before or "its" in before:
                continue  # 'the intelligent design movement (IDM)', 'the two regions (SARs)': one thing, named
            if "".join(w.text[0] for w in words).upper() == letters and sum(w.is_lower for w in words) * 2 > len(words):
                head = words[-1].lower_
                found[acr.text] = head if head in self.orgs.nouns else None
        return found

    def __call__(self, doc: Doc) -> Doc:
        """Return `doc` with corrected `doc.ents`, `doc.spans["lc_mentions"]`, roles, descriptions."""
        self.common = self._common_acronyms(doc) if "(" in doc_text(doc) else {}
        cands, others = self._collect(doc)
        typed: dict[tuple[int, int], _Cand] = {}
        for cand in cands:
            for c in self._normalise(doc, cand):
                c = self._type(doc, c)
                old = typed.get((c.start, c.end))
                if old is None or CUE_RANK[c.cue] < CUE_RANK[old.cue]:
                    if old is not None and c.role is None and c.cue != "described":
                        c.role = old.role
                    typed[(c.start, c.end)] = c
                elif old.role is None and c.role and old.cue != "described":  # 'analysts X': no person's role
                    old.role = c.role
        # longest first, cue-typed before spaCy-typed; keep non-overlapping spans
        order = sorted(typed.values(), key=lambda c: (-(c.end - c.start), CUE_RANK[c.cue], c.start))
        taken = [False] * len(doc)
        chosen: list[tuple[_Cand, Span]] = []
        for c in order:
            if any(taken[c.start : c.end]):
                continue
            if c.cue in WEAK_CUES and self._is_people(doc[c.start : c.end]):  # not 'told The Australian'
                c.label = "NORP"  # 'Britons', 'Iraqi Shias': people of a nation or faith, not an actor
            span = Span(doc, c.start, c.end, label=c.label)
            if self._is_junk(span, c.cue):
                continue
            for k in range(c.start, c.end):
                taken[k] = True
            chosen.append((c, span))
        actors: list[Span] = []
        kept: list[Span] = []
        for c, span in sorted(chosen, key=lambda x: x[0].start):
            (actors if c.label in self.labels.actors else kept).append(span)
            if c.label in self.labels.actors:
                span._.set(ROLE_ATTR, c.role)
                span._.set(CUE_ATTR, c.cue)
        for ent in others:
            if not any(taken[ent.start : ent.end]):
                kept.append(ent)
        doc.ents = sorted(actors + kept, key=lambda sp: sp.start)
        doc.spans[SPANS_KEY] = actors
        for span in actors:  # after doc.ents is set, so 'is this word a name' sees our spans
            span._.set(DESC_ATTR, self._description(doc, span))
        return doc


_CHAIN_OPENERS = frozenset({"in", "within"})
_LONGEST_CHAIN = 5


NAME_ARTICLE_AFTER = frozenset({",", ";", "("})  # marks after which a capitalised 'The' is no sentence's start


def _name_article(doc: Doc, s: int) -> bool:
    """Return True when the token before a name is 'The' written with a capital inside a sentence ('the court at The
    Hague', 'a tour with The Clash'): a writer capitalises it there only because it is part of the name. At a
    sentence's start the capital says nothing, and a lower-case 'the' is no part of a name ('the Velmar Party')."""
    if s < 2:
        return False
    article, before = doc[s - 1], doc[s - 2]
    if article.text != "The" or article.is_sent_start:
        return False
    return before.text[-1:].islower() or before.text in NAME_ARTICLE_AFTER


def _in_country_chain(doc: Doc, s: int, e: int) -> bool:
    """Return True when the name doc[s:e] is a link of a comma chain of places that an 'in' opens and a country of
    the gazetteer ends: 'in X mandal, Y district, Z, Varnland' (X, Y and Z). A link may keep one lower-case noun
    after its name ('X mandal'); the name before the link must be a place ('in A, X, Varnland'), or 'in' itself."""
    before = doc[s - 1] if s > 0 else None
    if before is None or not (before.lower_ in _CHAIN_OPENERS or before.text == "," and s > 1 and (
            doc[s - 2].ent_type_ in ("GPE", "LOC") or doc[s - 2].is_lower and doc[s - 2].pos_ == "NOUN")):
        return False
    j = e
    for _ in range(_LONGEST_CHAIN):
        if j < len(doc) and doc[j].is_lower and doc[j].pos_ == "NOUN":
            j += 1  # 'X mandal'
        if j + 1 >= len(doc) or doc[j].text != ",":
            return False
        k = j + 1
        while k < len(doc) and (doc[k].is_title or doc[k].is_upper) and doc[k].is_alpha:
            k += 1
        if k == j + 1:
            return False
        if lexicon.nation_of(doc[j + 1 : k].text) is not None:
            return k >= len(doc) or not doc[k].is_alpha
        j = k
    return False


@Language.factory(
    "linkchart_mentions",
    default_config={"lowercase_mentions": True},
    assigns=["doc.ents", "doc.spans", f"span._.{ROLE_ATTR}", f"span._.{DESC_ATTR}", f"span._.{CUE_ATTR}"],
    requires=["doc.ents", "token.ent_iob", "token.ent_type", "token.dep", "token.tag"],
)
def make_mention_fixer(nlp: Language, name: str, lowercase_mentions: bool) -> MentionFixer:
    """Return the ``linkchart_mentions`` component (see ``MentionFixer``)."""
    return MentionFixer(nlp, name, lowercase_mentions)


def _is_results(sent: Span) -> bool:
    """Whether a sentence is a line of results ('Velin 238 and 133-5, Dorin 471'): numbers are a quarter of its
    words or more, and at least `RESULT_NUMBERS`."""
    numbers = sum(t.like_num for t in sent)
    return numbers >= RESULT_NUMBERS and numbers * 4 >= sum(not t.is_punct for t in sent)


# how most adjectives of nationality end ('Albanian', 'Congolese', 'Danish', 'Omani'), for nations the country
# gazetteer lacks; no party's adjective ends so ('Tory', 'Labour', 'Liberal Democrat', 'Republican')
_DEMONYM_ENDINGS = ("ian", "ese", "ish", "i")


def demonym_shaped(text: str) -> bool:
    """Return True when `text` ends as most adjectives of nationality do ('Danish', 'Omani', 'Congolese')."""
    return text.lower().endswith(_DEMONYM_ENDINGS)


@lru_cache(maxsize=50_000)
def honorific_text(text: str, honorifics: frozenset[str]) -> bool:
    """Whether a capitalised word is a title ('Sheikh', 'Lt.-Gen.'), every part an honorific."""
    parts = [p for p in re.split(r"[.\-]", text.lower()) if p]
    return bool(parts) and all(p in honorifics for p in parts)


def mentions_from_doc(doc: Doc, offset: int = 0) -> list[Mention]:
    """Return the actor mentions of a processed `doc`, offsets shifted by `offset`.

    Reads ``doc.spans["lc_mentions"]`` when the linkchart component ran, else falls back to
    the actor labels of ``doc.ents``.
    """
    actors = lexicon.labels().actors
    spans = doc.spans[SPANS_KEY] if SPANS_KEY in doc.spans else [e for e in doc.ents if e.label_ in actors]
    out: list[Mention] = []
    sentence_of = sentence_finder(doc)
    for span in spans:
        sent = sentence_of(span)
        ext = span._
        out.append(
            Mention(
                start=span.start_char + offset,
                end=span.end_char + offset,
                text=span_text(span),
                label=span.label_,
                sentence_start=sent.start_char + offset,
                sentence_end=sent.end_char + offset,
                role=ext.get(ROLE_ATTR),
                description=ext.get(DESC_ATTR),
                refers_to=ext.get(REFERS_ATTR),
            )
        )
    return out
