"""The sentence context the relation, event and claim rules share: who and what a token stands for.

`SentenceContext` holds the per-doc lookups (the entity mention at each token, the speakers of
first-person pronouns in quotations, what the previous paragraph passed on). The functions here map a
dependency argument to entity mentions (`ents_for`: conjunctions, appositions, 'a force called X',
'members of X', pronouns and their antecedents), find a verb's logical subject and object (`agents`,
`patients`), and say what a span leaves for the next one (`closing_speaker`, `closing_subjects`).
Pronouns: 'he'/'she'/'him'/'her' take an antecedent from the text, 'I'/'we' inside a quotation its
speaker (`speakers`), and 'the Iranian' the person the previous sentence is about.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from linkchart import lexicon
from linkchart.extract.doctext import doc_text, span_text
from linkchart.extract.focus import focus_near
from linkchart.extract.name_heads import bare_definite, name_head_antecedent
from linkchart.extract.referents import country_antecedent, organisation_antecedent
from linkchart.extract.sentence_index import sentence_of
from linkchart.extract.speakers import FIRST_PERSON, Speaker, closing_frame, first_person_speakers, quotations
from linkchart.extract.title_holders import holder_of, title_of

ENTITY_LABELS = lexicon.labels().arguments
_RELATIVE_TAGS = {"WDT", "WP", "WP$"}
# The small model swaps PERSON, ORG and NORP on unfamiliar names ('Khazali' as ORG or NORP); a NORP that
# is not a nationality adjective is such a name. These labels stand in for one another in type checks.
AGENTIVE = {"PERSON", "ORG", "NORP"}


@dataclass
class Arg:
    """An entity argument: its surface text (a demonym becomes its country), span and type."""

    text: str
    start: int
    end: int
    label: str


@dataclass
class SentenceContext:
    """What the rules look up while reading the sentences of one parsed span (a spaCy doc).

    Built once per doc: which entity mention covers each token, who each first-person pronoun in a
    quotation stands for, and what the previous paragraph passed on (the speaker it announced, the
    person and organisation it ended on). `rules` are the rule tables the component read from its
    rule file (`rules.yaml` by default).
    """

    doc: Doc
    rules: dict[str, Any]
    ent_at: list[Span | None] = field(default_factory=list)
    # `doc.ents`, made once (spaCy makes every entity span anew at each access), and where each one starts
    ents: tuple[Span, ...] = ()
    ent_starts: list[int] = field(default_factory=list)
    # first-person pronouns inside a quotation -> the speaker token (None: the speaker `carried` over)
    speaker_of: dict[int, Token | None] = field(default_factory=dict)
    carried: Speaker | None = None  # in doc character offsets
    stand_ins: dict[int, Speaker] = field(default_factory=dict)  # pronoun token -> the carried speaker
    # the person and the organisation the previous paragraph ended on (doc character offsets), by label
    previous: dict[str, Speaker] = field(default_factory=dict)
    # answers already worked out for this doc (keyed by function and token index); each is a pure
    # function of the doc and the fields above, which do not change once the context is built
    memo: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    tokens: list[Token] = field(default_factory=list)  # the doc's tokens, made once (spaCy makes one per access)
    pos: list[str] = field(default_factory=list)  # each token's `pos_`, read once (the matchers filter on it)
    sent_at: list[Span] = field(default_factory=list)  # the sentence of each token (`token.sent` walks the doc)
    sentences: list[Span] = field(default_factory=list)  # `doc.sents`, made once

    @classmethod
    def build(cls, doc: Doc, rules: dict[str, Any], carried: Speaker | None = None,
              previous: dict[str, Speaker] | None = None) -> SentenceContext:
        """Return the context of `doc` read with the rule tables `rules`; `carried` and `previous` are in
        doc character offsets."""
        ctx = cls(doc, rules, carried=carried, previous=previous or {})
        ctx.ent_at = [None] * len(doc)
        ctx.tokens = list(doc)
        ctx.pos = [t.pos_ for t in ctx.tokens]
        ctx.sentences = list(doc.sents)
        for sent in ctx.sentences:
            ctx.sent_at += [sent] * (sent.end - sent.start)
        ctx.ents = doc.ents
        ctx.ent_starts = [ent.start for ent in ctx.ents]
        for ent in ctx.ents:
            if ent.label_ in ENTITY_LABELS:
                for i in range(ent.start, ent.end):
                    ctx.ent_at[i] = ent
        ctx.speaker_of = first_person_speakers(doc, ctx.rules["reporting_verbs"], carried is not None)
        return ctx


def sent_tokens(ctx: SentenceContext, sent: Span) -> list[Token]:
    """Return the tokens of `sent`, a sentence (or any span) of the context's doc."""
    return ctx.tokens[sent.start : sent.end]


def sent_ents(ctx: SentenceContext, sent: Span) -> list[Span]:
    """Return `sent.ents` (the entities wholly inside a sentence or any span of the doc), worked out once per span
    from the context's entities (spaCy rebuilds every entity of the doc each time)."""
    key = ("ents", sent.start, sent.end)
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = []
        for ent in ctx.ents[bisect.bisect_left(ctx.ent_starts, sent.start):]:
            if ent.end > sent.end:
                break  # as spaCy's `Span.ents`: the first entity running past the span ends the list
            found.append(ent)
    return found


_PURPOSE_GIVERS = lexicon.loader.lower("purpose_giver")
_PERCEIVED_DOING = lexicon.loader.lower("perceived_doing")


_LOWER_LEMMAS: dict[int, str] = {}  # a lemma's hash -> the lemma in lower case (rules ask for the same few often)
_MAX_LOWER_LEMMAS = 100_000


def lemma_of(tok: Token) -> str:
    """Return the token's lemma in lower case, as the rule tables write lemmas."""
    found = _LOWER_LEMMAS.get(tok.lemma)
    if found is None:
        if len(_LOWER_LEMMAS) >= _MAX_LOWER_LEMMAS:
            _LOWER_LEMMAS.clear()
        found = _LOWER_LEMMAS[tok.lemma] = tok.lemma_.lower()
    return found


def is_passive(verb: Token) -> bool:
    """Return True when `verb` has a passive subject or auxiliary ('was arrested')."""
    return any(c.dep_ in {"nsubjpass", "auxpass", "csubjpass"} for c in verb.children)


def unrelativise(tok: Token, verb: Token) -> Token:
    """Return the noun a relative pronoun stands for ('the group which split' -> 'group')."""
    if tok.tag_ in _RELATIVE_TAGS and verb.dep_ == "relcl":
        return verb.head
    return tok


def _participle(verb: Token) -> bool:
    """Whether `verb` is a past participle: tagged so, or a noun's clause the tagger read as a past tense
    ('a militia led and financed by X' with 'led' as VBD)."""
    return verb.tag_ == "VBN" or (verb.dep_ == "acl" and verb.tag_ == "VBD")


def _first_conjunct(verb: Token) -> Token:
    """Return the first of a chain of conjoined verbs ('trained, armed and funded' -> 'trained')."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _by_phrase(verb: Token) -> list[Token]:
    """Return the objects of a verb's 'by' phrase (the agent of a passive)."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def agents(verb: Token, depth: int = 0) -> list[Token]:
    """Return the tokens of the logical subject of `verb` (nsubj, or the 'by' phrase of a passive)."""
    by_phrase = any(c.dep_ == "agent" for c in verb.children)
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and _first_conjunct(verb).dep_ == "acl":
        # rule participle_shared_agent: 'a militia trained, armed and financed by X' — one 'by' for all
        return next((_by_phrase(c) for c in (verb, *verb.conjuncts) if _by_phrase(c)), [])
    if is_passive(verb) or (verb.dep_ == "acl" or verb.dep_ == "advcl" and by_phrase) and _participle(verb):
        own = _by_phrase(verb)
        if not own and verb.dep_ == "acl" and _participle(verb):
            own = next((_by_phrase(c) for c in verb.conjuncts if c.tag_ == "VBN" and _by_phrase(c)), [])
        if not own and is_passive(verb):
            # rule passive_shared_agent: 'X was led and financed by Y' — the next participle's 'by' is both verbs'
            own = next((_by_phrase(c) for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN"
                        and c.i == verb.i + 2 and _by_phrase(c)), [])
        return own
    subj = [unrelativise(c, verb) for c in verb.children if c.dep_ in {"nsubj", "csubj", "expl"}]
    subj = [s for s in subj if s.dep_ != "expl"]
    if subj or depth > 3:
        return subj
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" \
            and verb.head.lower_ in _BEFORE_OR_AFTER and verb.head.head.pos_ in {"VERB", "AUX"}:
        # rule time_phrase_gerund: 'X founded Y in 2006 after splitting from Z' — the subject of the verb the time
        # phrase hangs from does what the gerund says ('X was arrested after fleeing to Y': the one arrested)
        governor = verb.head.head
        return patients(governor) if is_passive(governor) else agents(governor, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":  # 'a leader called X visiting the border'
        return [verb.head]
    if verb.dep_ in {"nsubj", "csubj"} and verb.tag_ == "VBG":
        # a fronted participle clause ('Splitting from Y in 2004, X claimed ...') misparsed as subject
        return [c for c in verb.head.children if c.dep_ == "nsubj" and c.i != verb.i]
    if verb.dep_ in {"advcl", "xcomp"} and _gives_purpose(verb.head) \
            and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        # rule purpose_of_the_made: 'X was formed in 2014 to fight Y', 'X, created to counter Y', 'Z brought X to
        # meet Y' — what was made, sent, brought or trained does what it was made for
        made = [unrelativise(c, verb.head) for c in verb.head.children if c.dep_ in {"nsubjpass", "dobj"}]
        if not made and verb.head.dep_ == "acl" and _participle(verb.head):
            made = [_apposed_whole(verb.head.head)]
        if made:
            return made
    if verb.dep_ == "xcomp" and is_passive(verb.head) and not any(c.dep_ == "agent" for c in verb.head.children):
        # rule raising_passive: 'X is believed to have close ties with Y', 'X was ordered to attack Y' — the
        # passive's subject is the subject of the infinitive
        raised = [unrelativise(c, verb.head) for c in verb.head.children if c.dep_ == "nsubjpass"]
        if raised:
            return raised
    if verb.dep_ in {"advcl", "xcomp", "ccomp"} and verb.tag_ == "VBG" and is_passive(verb.head) \
            and lemma_of(verb.head) in _PERCEIVED_DOING:
        # rule perceived_doing: 'X was filmed touring Y', 'X was seen leaving Y' — the one seen does it
        return [unrelativise(c, verb.head) for c in verb.head.children if c.dep_ == "nsubjpass"]
    if verb.dep_ == "xcomp" and verb.head.pos_ == "VERB":
        # object control: 'X tasked Y to work with Z' — Y, not X, works with Z
        controllers = [unrelativise(c, verb.head) for c in verb.head.children if c.dep_ == "dobj"]
        if controllers:
            return controllers
    if verb.dep_ == "conj" and is_passive(verb.head) and not is_passive(verb) and not _participle(verb):
        # 'X was founded by Y and attacked Z': the active verb shares the passive's subject, not its agent
        return [unrelativise(c, verb.head) for c in verb.head.children if c.dep_ == "nsubjpass"]
    if verb.dep_ in {"conj", "ccomp"} and verb.tag_ != "VBN":
        stranded = _stranded_subject(verb)
        if stranded is not None:
            return [stranded]
    if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.i != verb.i and verb.head.pos_ in {"VERB", "AUX"}:
        return agents(verb.head, depth + 1)
    if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        # 'Iran's decision to fund X': the owner of the noun; 'X declared his intention to stand with Y':
        # with a pronoun owner, the subject of the clause the noun is the object of
        noun = verb.head
        owners = [c for c in noun.children if c.dep_ == "poss"]
        if owners and owners[0].pos_ != "PRON":
            return owners
        if noun.dep_ == "dobj" and noun.head.pos_ in {"VERB", "AUX"}:
            return agents(noun.head, depth + 1)
    return []


def _stranded_subject(verb: Token) -> Token | None:
    """Return the name right before a conjoined verb that the parser took for a conjunct of the first verb's
    object ('X won the election and Y became prime minister': Y hung on 'election'; rule stranded_subject), else
    None."""
    first = min([verb, *(c for c in verb.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < verb.i)],
                key=lambda t: t.i)
    if first.i == 0:
        return None
    prev = verb.doc[first.i - 1]
    if prev.dep_ != "conj" or prev.pos_ != "PROPN" or prev.head.dep_ not in {"dobj", "pobj"}:
        return None
    if prev.head.head.i != verb.head.i and prev.head.head.head.i != verb.head.i:
        return None  # the object is not of the verb this one is conjoined to
    if not any(c.dep_ == "cc" and c.i < prev.i for c in prev.head.children):
        return None
    return prev


def _strands(name: Token) -> bool:
    """Whether `name` is the stranded subject (`_stranded_subject`) of a verb after it."""
    for tok in name.doc[name.i + 1: name.i + 4]:
        if tok.dep_ in {"conj", "ccomp"} and tok.pos_ in {"VERB", "AUX"}:
            stranded = _stranded_subject(tok)
            return stranded is not None and stranded.i == name.i
    return False


def _apposed_whole(noun: Token) -> Token:
    """Return the name a description in apposition stands for, through its 'of' phrase ('X, the gathering of
    militias raised to ...': X for 'gathering' and for 'militias'), else `noun`."""
    whole = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
    if lemma_of(whole) in _PERSON_NOUNS:
        return noun  # 'X, the head of a militia raised to ...': the militia, not its head X
    if whole.dep_ == "appos" and whole.head.pos_ == "PROPN":
        return whole.head
    return _second_attribute_name(whole) or noun


def _second_attribute_name(noun: Token) -> Token | None:
    """Return the name a misparsed apposition stands after (rule second_attribute_apposition): 'X is a part of Y
    (Z), the coalition of militias raised to ...' is parsed with 'coalition' as a second attribute of 'is' beside
    'a part', or as an apposition of 'a part'; 'moved oil for Y, an armed group backed by W' with 'group' as a
    second object or an adverbial noun of 'moved'. A verb has one attribute and one direct object, and the comma
    follows Y, so it is an apposition of the name before its comma (Y, through a parenthesis). None when it is none
    of these or no name stands there."""
    second = noun.dep_ in {"attr", "dobj"} and any(c.dep_ == noun.dep_ and c.i < noun.i for c in noun.head.children)
    # or hung on the noun that governs the name ('a member of Y, a ...'), or on the verb as an adverbial noun
    if not second and noun.dep_ not in {"appos", "npadvmod"}:
        return None
    comma = noun.left_edge.i - 1
    if comma < 1 or noun.doc[comma].text != ",":
        return None
    before = noun.doc[comma - 1]
    if before.text == ")":
        before = before.head
    return before if before.pos_ == "PROPN" else None


def _gives_purpose(verb: Token) -> bool:
    """Return True when `verb` (with its particle: 'set up') is a verb of making, sending or training."""
    lemma = lemma_of(verb)
    return lemma in _PURPOSE_GIVERS or any(c.dep_ == "prt" and f"{lemma} {c.lower_}" in _PURPOSE_GIVERS
                                           for c in verb.children)


def _whose_first(subjects: list[Token]) -> list[Token]:
    """Return the subject a 'whose' clause is about when the parser gave a verb two subjects.

    'X, whose group is backed by Y, ...' is sometimes parsed with both X and 'group' as
    subjects of 'backed'; the one carrying 'whose' is the real one.
    """
    if len(subjects) > 1:
        owned = [t for t in subjects if any(c.lower_ == "whose" for c in t.children)]
        if owned:
            return owned
    return subjects


def patients(verb: Token) -> list[Token]:
    """Return the tokens of the logical object of `verb` (dobj, or the subject of a passive)."""
    if is_passive(verb):
        own = _whose_first([unrelativise(c, verb) for c in verb.children if c.dep_ == "nsubjpass"])
        if not own and verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
            # 'X arrived and was arrested': a conjoined passive without a subject shares the first verb's
            own = [unrelativise(c, verb.head) for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not own and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ in _BEFORE_OR_AFTER \
                and verb.head.head.pos_ in {"VERB", "AUX"}:
            # rule time_phrase_passive: 'X was held for two years before being freed', 'after being arrested, X
            # fled' — the one the time phrase's passive befalls is the subject of the verb it hangs from
            governor = verb.head.head
            shared_passive = governor.dep_ == "conj" and governor.tag_ == "VBN" and is_passive(governor.head) \
                and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in governor.children)  # 'was arrested and held'
            own = patients(governor) if is_passive(governor) or shared_passive else agents(governor)
        return own
    if verb.dep_ == "acl" and _participle(verb):  # 'a militia funded by X'
        return [verb.head]
    first = _first_conjunct(verb)
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and first.dep_ == "acl" and _participle(first):
        return [first.head]  # 'a militia led and financed by X': the second participle's noun too
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and is_passive(verb.head) and not any(
            c.dep_ in {"nsubj", "nsubjpass", "dobj"} for c in verb.children):
        # rule passive_shared_agent: 'X was led and financed by Y' — the second participle's subject too
        return [unrelativise(c, verb.head) for c in verb.head.children if c.dep_ == "nsubjpass"]
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i < verb.head.i:
        # a fronted participle ('Backed by Iran, X formed ...'): what it says applies to the main subject
        return [unrelativise(c, verb.head) for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    # a verb has one direct object (a list is one object and its conjuncts): a second is a phrase the parser hung
    # there ('accused the group of ... under the guise of an NGO, "Y," near ...'), so only the first counts
    objs = [unrelativise(c, verb) for c in verb.children if c.dep_ == "dobj"][:1]
    if not objs and verb.dep_ == "relcl":
        # 'the man whom they arrested' — the relative pronoun may be parsed as dobj; else the head noun
        objs = [verb.head] if not any(c.dep_ == "dobj" for c in verb.children) and _is_transitive(verb) else []
    return objs


def _is_transitive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj"} and c.tag_ not in _RELATIVE_TAGS for c in verb.children)


def arg_for(ctx: SentenceContext, ent: Span) -> Arg:
    """Return the argument a mention stands for: a carried speaker or subject for a stand-in pronoun,
    the country for a nationality word, else the mention itself."""
    stand_in = ctx.stand_ins.get(ent.start) if ctx.ent_at[ent.start] is None else None
    if stand_in is not None:  # 'I' quoting a speaker named in the previous paragraph
        return Arg(stand_in.text, stand_in.start, stand_in.end, stand_in.label)
    label = ent.label_
    text = span_text(ent)
    if label == "NORP":
        country = ctx.rules["demonyms"].get(text.strip())
        if country:
            return Arg(country, ent.start_char, ent.end_char, "GPE")
    return Arg(text, ent.start_char, ent.end_char, label)


_PRONOUNS = lexicon.grammar()
PRONOUN_CHAIN = 6  # the most sentences back a chain of one pronoun as subject is followed to its person
PERSONAL_PRONOUNS = _PRONOUNS.personal_pronouns
OBJECT_PRONOUNS = _PRONOUNS.object_pronouns
GROUP_PRONOUNS = _PRONOUNS.group_pronouns  # subject 'it' for an organisation named just before


def _personal(ctx: SentenceContext, ent: Span) -> bool:
    """Whether a mention can be what 'he'/'she' stands for: a person, or a lone surname the model called
    an organisation or nationality ('Khazali' as ORG) when it is the subject of its clause; not acronyms,
    plurals or nationality words."""
    if ent.label_ == "PERSON":
        return True
    if ent.label_ not in {"ORG", "NORP"} or len(ent) != 1 or ent.root.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    tok = ent[0]
    return (tok.tag_ == "NNP" and tok.text.istitle() and tok.is_alpha
            and tok.text not in ctx.rules["demonyms"])


_FEMININE = lexicon.loader.lower("feminine")
_MASCULINE = lexicon.loader.lower("masculine")


def _gender(word: str) -> str | None:
    """Return 'f' or 'm' for a gendered title, person noun or pronoun, else None."""
    w = word.lower().rstrip(".")
    return "f" if w in _FEMININE else "m" if w in _MASCULINE else None


def gender_fits(ctx: SentenceContext, ent: Span, pronoun: Token) -> bool:
    """Whether a person mention may be what a gendered pronoun stands for: False only when a title or person
    noun right before the name ('Ms', 'spokeswoman') gives the other gender."""
    want = _gender(pronoun.text)
    if want is None or ent.start == 0:
        return True
    have = _gender(ctx.doc[ent.start - 1].text) or _gender(ent[0].text)
    return have is None or have == want


def _antecedent(ctx: SentenceContext, pronoun: Token, hops: int = 0) -> Span | None:
    """Return the person a 'he'/'she' most likely refers to.

    The one person named earlier in the same sentence ('While Daqduq trained them, he ...'),
    else the previous sentence's subject person (or its only person); an ambiguous pronoun
    stays unresolved. A previous sentence whose subject is the same pronoun (or is owned by it: 'one
    of his pupils'), not a name, passes on what that pronoun refers to (rule pronoun_chain: 'X
    arrived. He met Z. Later he sued Y': X sued Y, not Z), up to `PRONOUN_CHAIN` sentences back.
    """
    sent = ctx.sent_at[pronoun.i]
    before = {e.text: e for e in sent_ents(ctx, sent)
              if _personal(ctx, e) and e.end <= pronoun.i and gender_fits(ctx, e, pronoun) and not _where(e)
              and not _in_clause_of(e, pronoun)}
    if len(before) == 1:
        return next(iter(before.values()))
    if before:
        return None
    if sent.start == 0:
        return _carried_subject(ctx, pronoun, "PERSON")
    previous = ctx.sent_at[sent.start - 1]
    people = [e for e in sent_ents(ctx, previous)
              if _personal(ctx, e) and gender_fits(ctx, e, pronoun) and not _where(e)]
    subjects = [e for e in people if e.root.dep_ in {"nsubj", "nsubjpass"}
                or (e.root.dep_ == "appos" and e.root.head.dep_ in {"nsubj", "nsubjpass"})]
    if len(subjects) == 1:
        return subjects[0]
    same = _subject_pronoun(previous, pronoun) if hops < PRONOUN_CHAIN else None
    if same is not None:  # the subject goes on being the same one: the persons of its sentence are others
        return _antecedent(ctx, same, hops + 1)
    distinct = {e.text for e in people}
    return people[0] if len(distinct) == 1 else None


def _subject_pronoun(sent: Span, pronoun: Token) -> Token | None:
    """Return the pronoun of `pronoun`'s gender that is, or owns, the subject of `sent`'s main clause ('he' in
    'he was posted', 'his' in 'one of his pupils was X'), else None."""
    gender = _gender(pronoun.text)
    # the main clause: the root, or a verb conjoined to it ('Educated at X, he served in Y', parsed as two verbs)
    main = {sent.root, *(c for c in sent.root.children if c.dep_ == "conj")}
    for subject in (t for t in sent if t.dep_ in {"nsubj", "nsubjpass"} and t.head in main):
        for tok in subject.subtree:
            if (tok == subject and tok.lower_ == pronoun.lower_ or tok.dep_ == "poss" and tok.pos_ == "PRON") \
                    and gender is not None and _gender(tok.text) == gender:
                return tok
    return None


def controlling_verb(head: Token) -> Token | None:
    """Return the verb whose subject is also the unstated subject of the clause `head` heads: an adverbial clause
    or a preposition's clause with no subject of its own ('Commenting on X, Y said', 'After meeting X, Y said' ->
    'said'; rule controlled_clause); None otherwise."""
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
        return None
    if head.dep_ == "advcl":
        return head.head
    if head.dep_ == "pcomp" and head.head.dep_ == "prep":
        return head.head.head
    return None


def _in_clause_of(ent: Span, pronoun: Token) -> bool:
    """Whether a name sits in an opening clause whose unstated subject is the pronoun itself ('Commenting on X's
    case, he said', 'After meeting X, he said': he is not X)."""
    if pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    tok = ent.root
    while tok.head.i != tok.i and tok != pronoun.head:
        if tok.i < pronoun.i and tok.pos_ in {"VERB", "AUX"} and controlling_verb(tok) == pronoun.head:
            return True
        tok = tok.head
    return False


def _where(ent: Span) -> bool:
    """Return True when a name stands where a place does ('Educated at Eton, he ...'): it is no one 'he' refers to."""
    return ent.root.dep_ == "pobj" and ent.root.head.lower_ in {"at", "in", "near"}


def _carried_subject(ctx: SentenceContext, pronoun: Token, label: str) -> Span | None:
    """Return a stand-in for the `label` subject the previous paragraph ended on, or None.

    The pronoun's own token stands in; `arg_for` swaps in the carried name's text and offsets.
    """
    carried = ctx.previous.get(label)
    if carried is None:
        return None
    ctx.stand_ins[pronoun.i] = carried
    return Span(ctx.doc, pronoun.i, pronoun.i + 1, label=label)


def _group_antecedent(ctx: SentenceContext, pronoun: Token) -> Span | None:
    """Return the organisation a subject 'it' stands for: the one organisation subject of the previous
    sentence (or of the previous paragraph's last sentence); an object 'it', the object of the clause it is
    joined to; None when there is none or several."""
    if pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return _conjoined_object(ctx, pronoun)
    return _subject_organisation_before(ctx, pronoun, ctx.sent_at[pronoun.i].start)


def _conjoined_object(ctx: SentenceContext, pronoun: Token) -> Span | None:
    """Return the organisation an object 'it' stands for in a clause joined to one whose object is that
    organisation ('X quit the party and accused it of ...'; rule conjoined_object_it); None otherwise."""
    verb = pronoun.head
    if pronoun.dep_ != "dobj" or verb.dep_ != "conj" or verb.head.i > verb.i:
        return None
    heads = [t for c in verb.head.children if c.dep_ in {"dobj", "prep"}
             for t in ([c] if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"])]
    earlier = [e for t in heads for x in (t, *t.conjuncts) if (e := ctx.ent_at[x.i]) is not None and e.label_ == "ORG"]
    return earlier[0] if len(earlier) == 1 else None


def organisation_in_focus(ctx: SentenceContext, tok: Token) -> Span | None:
    """Return the organisation the text is about when the sentence of `tok` opens: the one organisation that is
    the active subject of the sentence before (or that the previous paragraph ended on, as a stand-in at `tok`);
    None when there is none or several. 'Ovum welcomed the move. "...," director Tony Lavender said.'"""
    start = ctx.sent_at[tok.i].start
    quoted = quotations(ctx.doc)
    for q_start, q_end in quoted:
        if q_start < start <= q_end and q_end <= tok.i:  # a quotation of several sentences: what came before it
            start = ctx.sent_at[max(q_start - 1, 0)].start
            break
    return _subject_organisation_before(  # active, and not a subject inside what that sentence quotes
        ctx, tok, start, lambda e: e.root.dep_ != "nsubjpass" and not any(a <= e.start < b for a, b in quoted))


def _subject_organisation_before(ctx: SentenceContext, tok: Token, start: int,
                                 keep: Callable[[Span], bool] = lambda e: True) -> Span | None:
    """Return the one organisation (among those `keep` accepts) that is a subject of the sentence ending before
    token `start`, or, at the paragraph's start, the one the previous paragraph ended on (a stand-in at `tok`)."""
    if start == 0:
        return _carried_subject(ctx, tok, "ORG")
    previous = ctx.sent_at[start - 1]
    subjects = {e.text: e for e in sent_ents(ctx, previous) if e.label_ == "ORG" and _is_subject(e) and keep(e)}
    return next(iter(subjects.values())) if len(subjects) == 1 else None


def _subject_of(ent: Span) -> Token:
    """Return the verb a subject mention (directly, conjoined or in apposition) is the subject of."""
    tok = ent.root
    while tok.dep_ in {"conj", "appos"} and tok.head.i != tok.i:
        tok = tok.head
    return tok.head


def _clause_argument(ent: Span) -> Token:
    """Return the token that stands for a mention in its clause: its root, or the first of the conjuncts or
    appositions it belongs to ('X and Y met', 'X, the leader, said')."""
    tok = ent.root
    while tok.dep_ in {"conj", "appos"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _main_clause(ent: Span) -> bool:
    """Whether a subject mention is the subject of its sentence's main verb (not of a clause inside it)."""
    return _clause_argument(ent).head.dep_ == "ROOT"


def _is_subject(ent: Span) -> bool:
    """Whether a mention is its clause's subject, directly, conjoined ('X and Y met') or in apposition."""
    return _clause_argument(ent).dep_ in {"nsubj", "nsubjpass"}


def closing_subjects(doc: Doc, offset: int, ctx: SentenceContext | None = None) -> dict[str, Speaker]:
    """Return the one person and the one organisation that are subjects of the span's last sentence, by label,
    with offsets into the article (doc char offsets + `offset`), for a pronoun opening the next paragraph;
    `ctx`, when given, is the doc's context (its sentences and entities made already)."""
    sents = ctx.sentences if ctx is not None else list(doc.sents)
    if not sents:
        return {}
    out: dict[str, Speaker] = {}
    last = sents[-1]
    for label in ("PERSON", "ORG"):
        ents = sent_ents(ctx, last) if ctx is not None else last.ents
        found = {span_text(e): e for e in ents if e.label_ == label and _is_subject(e)}
        if len(found) > 1:  # 'Y welcomed the move, saying Z had ...': the main clause's subject is the one
            found = {text: e for text, e in found.items() if _subject_of(e) == last.root}
        if len(found) == 1:
            e = next(iter(found.values()))
            out[label] = Speaker(e.text, label, e.start_char + offset, e.end_char + offset)
    return out


def closing_pronoun_subject(ctx: SentenceContext, offset: int) -> Speaker | None:
    """Return the person a span's last sentence has as subject by a pronoun ('... But he had grown tired of it.'),
    found as for any 'he' or 'she' (a chain of them included), with offsets into the article (doc char offsets +
    `offset`), for a pronoun opening the next paragraph; None when the subject is no such pronoun or stays
    unresolved."""
    if not ctx.sentences:
        return None
    last = ctx.sentences[-1]
    pronoun = next((t for t in last if t.dep_ in {"nsubj", "nsubjpass"} and t.head == last.root
                    and t.lower_ in PERSONAL_PRONOUNS and _gender(t.text) is not None), None)
    person = _antecedent(ctx, pronoun) if pronoun is not None else None
    if person is None:
        return None
    arg = arg_for(ctx, person)
    return Speaker(arg.text, arg.label, arg.start + offset, arg.end + offset)


def _clause_subjects(tok: Token) -> set[int]:
    """Return the token indexes of the subject(s) of the clause `tok` stands in (conjoined verbs share one)."""
    verb = tok.head
    while verb.dep_ in {"prep", "pobj", "dobj", "dative", "xcomp"} and verb.head.i != verb.i:
        verb = verb.head
    out: set[int] = set()
    for v in (verb, *([verb.head] if verb.dep_ == "conj" else [])):
        for c in v.children:
            if c.dep_ in {"nsubj", "nsubjpass"}:
                out.update(t.i for t in c.subtree)
    return out


def _object_antecedent(ctx: SentenceContext, pronoun: Token) -> Span | None:
    """Return the person a 'him'/'her' refers to: the first person named earlier in its sentence
    who is not the subject of its own clause ('X told them that Y approached him' → X).

    Only the pronoun's own sentence is searched; with no candidate there it stays unresolved.
    """
    subjects = _clause_subjects(pronoun)
    for e in sent_ents(ctx, ctx.sent_at[pronoun.i]):
        if e.end > pronoun.i:
            break
        if _personal(ctx, e) or (e.label_ in {"ORG", "NORP"} and len(e) == 1 and e[0].tag_ == "NNP"
                                 and e.text not in ctx.rules["demonyms"]):
            if e.root.i not in subjects:
                return e
    return None


def sentence_and_previous(ctx: SentenceContext, i: int) -> tuple[Span, ...]:
    """Return the sentence of token `i` and, unless it opens the doc, the sentence before it, in that order."""
    sent = ctx.sent_at[i]
    return (sent, ctx.sent_at[sent.start - 1]) if sent.start > 0 else (sent,)


def definite_antecedent(ctx: SentenceContext, noun: Token) -> Span | None:
    """Return the group 'the force' / 'the militia' refers back to, or None.

    The last organisation named in the main clauses (not inside a relative clause) of this
    sentence before the noun or of the sentence before; used for counts, not for relations.
    """
    if lemma_of(noun) not in ctx.rules["group_nouns"] or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    for span in sentence_and_previous(ctx, noun.i):
        found = [e for e in sent_ents(ctx, span) if e.label_ == "ORG" and e.end <= noun.i
                 and not any(a.dep_ in {"relcl", "acl", "advcl"} for a in e.root.ancestors)]
        if found:
            return found[-1]
    return None


# nationality words that stand, with 'the', for a whole people ('the British', 'the French', 'the Japanese', 'the
# Swiss'): English makes a plural noun of those endings; the others name one person ('the Norwegian')
_COLLECTIVE_ENDINGS = ("sh", "ch", "ese", "ss")


def _demonym_noun(ctx: SentenceContext, ent: Span) -> bool:
    """Whether a nationality word is used as a noun for a person: 'the Norwegian' alone, no noun after it (not
    'the French', the people)."""
    tok = ent.root
    return ent.label_ == "NORP" and len(ent) == 1 and ent.text in ctx.rules["demonyms"] \
        and not ent.text.lower().endswith(_COLLECTIVE_ENDINGS) \
        and tok.dep_ not in {"amod", "compound", "nmod", "poss"} \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


_SOMEONE_DETERMINERS = lexicon.loader.lower("someone_determiner")


def _someone_of_nation(ent: Span) -> bool:
    """Whether a nationality word is a noun for some unnamed person (rule someone_of_nation: 'any Iraqi who had
    been a member of Y', 'an American who joined Y'): no country, nobody to name."""
    tok = ent.root
    return ent.label_ == "NORP" and len(ent) == 1 and tok.dep_ not in {"amod", "compound", "nmod", "poss"} \
        and any(c.dep_ == "det" and c.lower_ in _SOMEONE_DETERMINERS for c in tok.children)


def demonym_antecedent(ctx: SentenceContext, ent: Span) -> Span | None:
    """Return the person 'the Iranian' (the + a singular nationality word used as a noun) refers back to.

    As the subject of a clause of time, the one person its sentence names before it (rule demonym_in_clause);
    else the subject person of the previous sentence's main clause, else that sentence's only person; None
    when there is no such person, when it is ambiguous, or when that person is named again in this
    sentence (then 'the Iranian' is somebody else).
    """
    tok = ent.root
    if not _demonym_noun(ctx, ent):
        return None
    in_clause = _clause_demonym_antecedent(ctx, tok)
    if in_clause is not None:
        return in_clause
    sent = ctx.sent_at[tok.i]
    if sent.start == 0:
        return None
    previous = ctx.sent_at[sent.start - 1]
    subjects = [e for c in previous.root.children if c.dep_ in {"nsubj", "nsubjpass"} for e in ents_for(ctx, c)]
    candidates = subjects or [e for e in sent_ents(ctx, previous) if _personal(ctx, e)]
    named_here = {e.text for e in sent_ents(ctx, sent) if _personal(ctx, e)}
    if len({e.text for e in candidates}) != 1 or not _personal(ctx, candidates[0]) or candidates[0].text in named_here:
        return None
    return candidates[0]


_CLAUSE_OF_TIME = lexicon.loader.lower("clause_of_time")
# 'after', 'before': a time phrase whose gerund the main subject does ('as' of manner is left out: 'identified as
# having ties' is how X was seen, not what X did)
_BEFORE_OR_AFTER = _CLAUSE_OF_TIME & lexicon.loader.lower("date_placing")


def _clause_demonym_antecedent(ctx: SentenceContext, tok: Token) -> Span | None:
    """Return the person a nationality word used as a noun stands for when it is the subject of a clause of time
    ('Police held X as the Norwegian fled', rule demonym_in_clause): the one person the sentence names before it,
    outside that clause; None when there are several or none, or when the clause has a pronoun of a person ('after
    the American shot him': someone else)."""
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.dep_ != "advcl" or not any(
            c.dep_ in {"mark", "advmod"} and c.lower_ in _CLAUSE_OF_TIME for c in verb.children):
        return None
    if any(t.pos_ == "PRON" and t.lower_ in PERSONAL_PRONOUNS | OBJECT_PRONOUNS | {"his", "her"}
           for t in verb.subtree):
        return None
    clause = range(verb.left_edge.i, verb.right_edge.i + 1)
    before = {e.text: e for e in sent_ents(ctx, ctx.sent_at[tok.i])
              if e.end <= tok.i and e.start not in clause and person_like(ctx, e)}
    return next(iter(before.values())) if len(before) == 1 else None


def _speaker_mentions(ctx: SentenceContext, speaker: Token, depth: int = 0) -> list[Span]:
    """Return the one person or group mention a speaker token stands for, or [] when none or several."""
    if depth >= 3 or speaker.lower_ in FIRST_PERSON:
        return []
    found = ents_for(ctx, speaker, depth + 1)
    if len(found) > 1:
        return []  # 'X and Y said'
    found = [e for e in found if e.label_ in {"PERSON", "ORG"} or _personal(ctx, e)]
    if not found and speaker.pos_ == "PROPN" and ctx.ent_at[speaker.i] is None:
        # the model tags a name once and misses it when it comes back ('Khazali continues:')
        name = " ".join(t.text for t in speaker.subtree if t.dep_ == "compound" or t.i == speaker.i)
        found = [e for e in ctx.ents if e.text == name and e.label_ in AGENTIVE][-1:]
    return found if len(found) == 1 else []


def _quoted_speaker(ctx: SentenceContext, pronoun: Token, depth: int) -> list[Span]:
    """Return the speaker mention that a first-person pronoun inside a quotation stands for, or [].

    A speaker carried over from the previous paragraph has no span in this doc: the pronoun itself
    stands in for it (labelled with its type) and `arg_for` swaps in the speaker's text and offsets.
    """
    if pronoun.i not in ctx.speaker_of:
        return []
    speaker = ctx.speaker_of[pronoun.i]
    if speaker is not None:
        return _speaker_mentions(ctx, speaker, depth)
    if ctx.carried is None:
        return []
    ctx.stand_ins[pronoun.i] = ctx.carried
    return [Span(ctx.doc, pronoun.i, pronoun.i + 1, label=ctx.carried.label)]


def closing_speaker(ctx: SentenceContext, offset: int) -> Speaker | None:
    """Return the speaker a span introduces at its very end ('X continues:') for a quotation in the next
    paragraph, with offsets into the article (doc char offsets + `offset`), or None; `ctx` is the context
    the span was read with."""
    doc = ctx.doc
    if not doc_text(doc).rstrip().endswith(":"):
        return None
    tok = closing_frame(doc, ctx.rules["reporting_verbs"])
    found = _speaker_mentions(ctx, tok) if tok is not None else []
    if len(found) != 1:
        return None
    arg = arg_for(ctx, found[0])
    return Speaker(arg.text, arg.label, arg.start + offset, arg.end + offset)


def ents_for(ctx: SentenceContext, tok: Token, depth: int = 0, conj: bool = True) -> list[Span]:
    """Return the entity mentions a dependency argument stands for (following conj, appos, naming)."""
    if depth == 0 and conj:  # the rules ask again and again for the same argument
        key = ("ents_for", tok.i)
        cached = ctx.memo.get(key)
        if cached is None:
            cached = ctx.memo[key] = _ents_for(ctx, tok, depth, conj)
        return list(cached)
    return _ents_for(ctx, tok, depth, conj)


def _elided_possessive(ent: Span) -> bool:
    """Whether a name's possessive ends its noun phrase, the thing owned left unsaid (rule elided_possessive):
    'commandos from X's raided Y' are from X's unit, and X is no argument; 'X's commandos' is not this."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].lower_ not in {"'s", "’s"} or ent.root.dep_ == "poss":
        return False
    after = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
    return after is None or after.pos_ not in {"NOUN", "PROPN", "ADJ", "NUM"}


def modified_names(ctx: SentenceContext, noun: Token) -> list[Span]:
    """Return what a noun with a modifier ('Dubai-based', 'Iran-backed') names: its own name and that name's
    conjuncts ('the Doha-based channels X and Y'), or, for a common noun, the names it stands for without its
    conjuncts ('X, a Dubai-based businessman, and his deputy, Y': the businessman is X, not Y), failing that the
    name it is in apposition with."""
    named = ctx.ent_at[noun.i] is not None
    found = ents_for(ctx, noun, conj=named)
    if not found and noun.dep_ == "appos":
        found = ents_for(ctx, noun.head, conj=False)
    return found


def _ents_for(ctx: SentenceContext, tok: Token, depth: int, conj: bool) -> list[Span]:
    rules = ctx.rules
    found: list[Span] = []
    ent = ctx.ent_at[tok.i]
    anchor = ent.root if ent is not None else tok
    if ent is not None:
        if not _elided_possessive(ent):
            person = demonym_antecedent(ctx, ent)
            if person is not None:
                found.append(person)
            elif not _demonym_noun(ctx, ent) and not _someone_of_nation(ent):
                found.append(ent)  # 'as the Norwegian joined Y' with no one to be, 'any Iraqi who': not the country
    elif tok.pos_ == "PRON" and tok.lower_ in FIRST_PERSON:
        found += _quoted_speaker(ctx, tok, depth)
    elif tok.pos_ == "PRON" and tok.lower_ in GROUP_PRONOUNS:
        antecedent = _group_antecedent(ctx, tok)
        if antecedent is not None:
            found.append(antecedent)
    elif tok.pos_ == "PRON" and (tok.lower_ in PERSONAL_PRONOUNS | OBJECT_PRONOUNS or tok.lower_ == "his"):
        # 'his' / possessive 'her' look back like 'he' / 'she' ('X and his faction of Y')
        possessive = tok.lower_ == "his" or (tok.lower_ == "her" and tok.dep_ == "poss")
        antecedent = (_antecedent(ctx, tok) if tok.lower_ in PERSONAL_PRONOUNS or possessive
                      else _object_antecedent(ctx, tok))
        if antecedent is not None:
            found.append(antecedent)
    elif depth < 3 and tok.pos_ != "PRON" and not any(c.dep_ == "neg" for c in tok.children):
        # ('not all X units', 'not every X member' is not X: rule not_all)
        lemma = lemma_of(tok)
        for c in tok.children:
            if c.dep_ == "appos":
                found += ents_for(ctx, c, depth + 1, conj=False)
            elif c.dep_ == "acl" and lemma_of(c) in rules["naming_verbs"]:
                for g in c.children:
                    if g.dep_ in {"oprd", "attr", "dobj", "xcomp", "npadvmod"}:
                        found += ents_for(ctx, g, depth + 1, conj=False)
                    elif g.dep_ == "prep" and g.lower_ == "as":
                        found += [e for p in g.children if p.dep_ == "pobj" for e in ents_for(ctx, p, depth + 1)]
        if not found and lemma in rules["place_nouns"] and (
                lemma not in rules["relational_place_nouns"] or any(c.dep_ == "poss" for c in tok.children)):
            # 'the village of X', "Y's capital of X" name X ('the capital of Y' alone does not)
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    found += [ctx.ent_at[g.i] for g in c.children if g.dep_ == "pobj" and ctx.ent_at[g.i] is not None
                              and ctx.ent_at[g.i].label_ in {"GPE", "LOC", "FAC"}]
        if not found:
            country = _the_country(ctx, tok)  # rule the_country: 'ruled the country since 2009'
            if country is not None:
                found.append(country)
        if not found and tok.dep_ in {"compound", "nmod"} and ctx.ent_at[tok.head.i] is not None:
            found.append(ctx.ent_at[tok.head.i])  # 'militia' in 'the militia Asaib Ahl al-Haq'
        if not found and tok.dep_ not in {"appos", "compound"} and lemma not in _PERSON_NOUNS:
            # rule name_head: 'The legion's leader ...' is the Southern Legion the article named before
            found += _name_head(ctx, tok)
        if not found and tok.dep_ in {"nsubj", "nsubjpass"} and _bare_definite(tok):
            # 'The cleric later denied ...', 'The group also sent advisers ...': a bare definite subject
            antecedent = description_antecedent(ctx, tok)
            if antecedent is not None:
                found.append(antecedent)
        if not found and tok.dep_ in {"nsubj", "nsubjpass"} and _age_description(tok):
            # rule age_description: 'X became the first victim. The 27-year-old was ...' is X
            antecedent = description_antecedent(ctx, tok)
            if antecedent is not None:
                found.append(antecedent)
        if not found and tok.dep_ != "appos":
            company = _company_in_focus(ctx, tok)
            if company is not None:
                found.append(company)
        if not found and lemma in rules["group_nouns"] and tok.dep_ not in {"appos", "compound", "attr"}:
            sole = _sole_organisation(ctx, tok)  # rule sole_organisation: "the group's spokesman"
            if sole is not None:
                found.append(sole)
        if not found and lemma in _PERSON_NOUNS and tok.dep_ not in {"appos", "compound"}:
            holder = _title_holder(ctx, tok)
            if holder is not None:
                found.append(holder)
        if not found and lemma in rules["group_nouns"] and tok.dep_ == "appos" and ctx.ent_at[tok.head.i] is not None:
            found.append(ctx.ent_at[tok.head.i])  # 'Hezbollah, the Iran-backed militia'
        if not found and lemma in rules["group_nouns"] and tok.dep_ != "appos":
            # the same, hung on the verb: 'moved oil for Y, a group ...' (an apposition of another noun is that noun's)
            name = _second_attribute_name(tok)
            if name is not None and ctx.ent_at[name.i] is not None and ctx.ent_at[name.i].label_ == "ORG":
                found.append(ctx.ent_at[name.i])
        if not found and tok.dep_ == "appos" and ctx.ent_at[tok.head.i] is not None \
                and ctx.ent_at[tok.head.i].label_ == "PERSON" and tok.pos_ == "NOUN" \
                and any(c.dep_ == "relcl" for c in tok.children):
            # rule appositive_relative: 'X, a local banker who founded Y' — the banker the clause describes is X
            found.append(ctx.ent_at[tok.head.i])
        if not found and tok.dep_ == "attr" and tok.pos_ == "NOUN" and lemma_of(tok.head) == "be" \
                and any(c.dep_ == "relcl" for c in tok.children):
            # rule copula_relative: 'X was a priest who founded Y' — the priest the clause describes is X (a person:
            # 'X is a branch of Y, which is ...' may hang the clause on the wrong noun)
            found += [e for c in tok.head.children if c.dep_ == "nsubj" and ctx.ent_at[c.i] is not None
                      for e in ents_for(ctx, c, depth + 1) if e.label_ == "PERSON"]
        if not found and lemma in rules["group_nouns"] and tok.dep_ == "attr" and lemma_of(tok.head) == "be" \
                and any(c.dep_ == "acl" for c in tok.children):
            # rule copula_group: 'X is a militia led by Y' — the militia the clause describes is X
            found += [e for c in tok.head.children if c.dep_ == "nsubj" and ctx.ent_at[c.i] is not None
                      for e in ents_for(ctx, c, depth + 1)]
        if not found and (lemma in rules["group_nouns"] or lemma in rules["partitive_nouns"]):
            for c in tok.children:
                if c.dep_ in {"compound", "nmod"} and ctx.ent_at[c.i] is not None:
                    found.append(ctx.ent_at[c.i])  # 'the Hezbollah militia', 'AAH elements'
        if not found and lemma in rules["area_nouns"]:
            # 'the Lebanon-Israel border area', 'areas on/along the border'
            places = [c for c in tok.children if c.dep_ in {"compound", "nmod"}]
            places += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in {"on", "along", "of", "at"}
                       for g in c.children if g.dep_ == "pobj"]
            found += [ctx.ent_at[t.i] for t in places
                      if ctx.ent_at[t.i] is not None and ctx.ent_at[t.i].label_ in {"GPE", "LOC", "FAC"}]
        if not found and lemma in rules["instrument_nouns"]:
            found += [ctx.ent_at[c.i] for c in tok.children if c.dep_ in {"amod", "compound", "nmod", "poss"}
                      and ctx.ent_at[c.i] is not None and ctx.ent_at[c.i].label_ in {"NORP", "GPE", "ORG"}]
        if not found and lemma in rules["partitive_nouns"]:
            for c in tok.children:
                if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in {"of", "in", "from", "within"}):
                    targets = [c] if c.dep_ == "poss" else [g for g in c.children if g.dep_ == "pobj"]
                    for t in targets:
                        found += ents_for(ctx, t, depth + 1)
    if conj:
        for c in anchor.conjuncts:
            if (anchor.dep_ == "conj" and c.i < anchor.i and _strands(anchor)) or (c.i > anchor.i and _strands(c)):
                continue  # 'X defeated Z and Y became ...': Y is the subject of 'became', no second object
            if ctx.ent_at[c.i] is None or ctx.ent_at[c.i] not in found:
                found += ents_for(ctx, c, depth + 1, conj=False)
        # rule list_after_apposition: 'killed A, the commander of R, and B' — the parser hangs B on A's apposition
        labels = {e.label_ for e in found}
        for a in anchor.children:
            if a.dep_ == "appos" and ctx.ent_at[a.i] is None:
                found += [ctx.ent_at[c.i] for c in a.conjuncts
                          if ctx.ent_at[c.i] is not None and ctx.ent_at[c.i].label_ in labels]
                found += _relative_listed(ctx, ent, a, labels)
            elif a.dep_ == "appos" and ent is not None and _listed_apposition(ctx, ent, a):
                # rule list_as_apposition: 'A, B and C founded Y' — the parser hangs B on A as an apposition
                found += [x for t in (a, *a.conjuncts) if (x := ctx.ent_at[t.i]) is not None]
    unique: list[Span] = []
    for e in found:
        if e not in unique:
            unique.append(e)
    return unique


def _relative_listed(ctx: SentenceContext, ent: Span | None, appos: Token, labels: set[str]) -> list[Span]:
    """Return the names a list goes on with after an apposition like 'his brother B' (rule list_relative_item:
    'detained A, his brother B and C' — A is not his own brother, so B is a second item and C a third), or []: no
    possessive pronoun on the noun, no name of its own, or the name of A itself."""
    if ent is None or not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in appos.children):
        return []
    out: list[Span] = []
    for named in (g for g in appos.children if g.dep_ == "appos" and ctx.ent_at[g.i] is not None):
        if ctx.ent_at[named.i].label_ not in labels or ctx.ent_at[named.i].text == ent.text:
            continue
        out += [x for t in (named, *named.conjuncts) if (x := ctx.ent_at[t.i]) is not None and x.label_ in labels]
    return out


def _listed_apposition(ctx: SentenceContext, ent: Span, appos: Token) -> bool:
    """Whether the apposition `appos` of the mention `ent` is the second item of a list that goes on with
    'and'/'or' ('A, B and C'): a name of the same type, after a comma, with a conjunct of the same type.

    A lone apposition ('X, Y's leader', 'X, Abu Y') is another name or a description of X, no list item."""
    second = ctx.ent_at[appos.i]
    if second is None or second.label_ != ent.label_ or second.start != ent.end + 1 \
            or ctx.doc[ent.end].text != ",":
        return False
    # the list goes on after B with 'and'/'or' and a name of the type, hung on B or (after a comma) on A
    for head in (appos, ent.root):
        if any(c.dep_ == "cc" and c.lower_ in {"and", "or"} and c.i > appos.i for c in head.children) and any(
                c.i > appos.i and (x := ctx.ent_at[c.i]) is not None and x.label_ == ent.label_
                for c in head.children if c.dep_ == "conj"):
            return True
    return False


def clause_agents(ctx: SentenceContext, noun: Token) -> list[Span]:
    """Return the subject mentions of the clause a noun sits in ('X conducted a raid' -> X).

    The way up may cross a noun inside another prepositional phrase only through 'of' ('in a series of
    attacks'): in 'Y pushed for reform as a condition for American support' the support is not Y's,
    while in 'X claimed responsibility for attacks' the attacks are X's.
    """
    cur = noun
    for _ in range(6):
        head = cur.head
        if head.i == cur.i:
            return []
        if cur.dep_ == "pobj" and head.lower_ != "of" and head.head.pos_ in {"NOUN", "PROPN"} \
                and head.head.dep_ == "pobj":
            return []
        if head.pos_ in {"VERB", "AUX"}:
            if cur.dep_ in {"nsubj", "nsubjpass"}:
                return []
            return [e for s in agents(head) for e in ents_for(ctx, s)]
        cur = head
    return []


ACCOMPANIED_PREPS = frozenset({"for", "on", "in", "to", "during"})


def accompanied_party(ctx: SentenceContext, noun: Token) -> list[Span]:
    """Return the mentions a verb of accompanying takes along into the act a noun names (rule accompanied_party).

    'X joined Y for a trip to Z', 'X accompanied him to a meeting with W': Y went to Z and he met W, as X did.
    Only the direct object of such a verb whose phrase holds the noun; [] otherwise.
    """
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ACCOMPANIED_PREPS:
        return []
    verb = prep.head
    if verb.pos_ != "VERB" or lemma_of(verb) not in ctx.rules["accompanying_verbs"]:
        return []
    return [e for c in verb.children if c.dep_ == "dobj" for e in ents_for(ctx, c)]


_FINITE = {"VBD", "VBZ", "VBP"}


def contact_clause(ctx: SentenceContext, noun: Token) -> list[Span] | None:
    """Return the names a contact relative clause gives a role noun, or None when there is no such clause.

    'The Quds Force officer X knew as "Y"' is a relative clause without its pronoun ('the officer [whom] X
    knew'); the small model parses X as the officer's apposition. When the name after the noun stands with no
    comma between them and a finite verb follows it directly that has no object of its own and is a naming
    verb, has an 'as' phrase, or is parsed as a clause subject ('the official X met in Beirut gave ...'),
    X is that verb's subject, not the holder of the role: the result is the names the clause gives the noun
    ('as "Y"' → [Y]), often none.
    """
    for name in noun.children:
        if name.dep_ != "appos" or name.i <= noun.i or any(t.is_punct for t in ctx.doc[noun.i + 1:name.i]):
            continue
        ent = ctx.ent_at[name.i]
        end = ent.end if ent is not None else name.i + 1
        if end >= len(ctx.doc):
            continue
        verb = ctx.doc[end]
        if verb.pos_ != "VERB" or verb.tag_ not in _FINITE or verb.i in {noun.i, name.i}:
            continue
        as_phrases = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]
        objects = {"dobj", "nsubj"} if as_phrases else {"dobj", "nsubj", "ccomp", "xcomp"}
        if any(c.dep_ in objects and c.i != noun.i for c in verb.children):
            continue  # 'the leader X knew the minister': X is the leader
        naming = lemma_of(verb) in ctx.rules["naming_verbs"] | {"know"}
        if not (as_phrases or naming or verb.dep_ == "csubj"):
            continue
        return [e for p in as_phrases for g in p.children if g.dep_ == "pobj" for e in ents_for(ctx, g, conj=False)]
    return None


def person_like(ctx: SentenceContext, ent: Span) -> bool:
    """Whether a mention may name a person: PERSON, or one capitalised word the model called ORG or NORP."""
    return ent.label_ == "PERSON" or (ent.label_ in {"ORG", "NORP"} and len(ent) == 1 and ent[0].tag_ == "NNP"
                                      and ent.text.istitle() and ent.text not in ctx.rules["demonyms"])


def role_possessors(ctx: SentenceContext, noun: Token, holders: list[Span]) -> list[Span]:
    """Return the person a possessive 'his'/'her' before a role noun stands for, never the role's holder.

    'From 2003 until X's capture, Y acted as his handler': a relational noun's possessor is not its
    holder, so 'his' is the nearest person named before it in the sentence other than Y; failing that,
    the one other person the previous sentence names. [] when there is none or the choice is ambiguous.
    """
    pronouns = [c for c in noun.children if c.dep_ == "poss" and c.lower_ in {"his", "her"}]
    if not pronouns:
        return []
    taken = {e.text for e in holders}
    sent = ctx.sent_at[pronouns[0].i]
    before = [e for e in sent_ents(ctx, sent)
              if e.end <= pronouns[0].i and person_like(ctx, e) and e.text not in taken]
    if before:
        return [before[-1]]
    if sent.start == 0:
        return []
    previous = ctx.sent_at[sent.start - 1]
    others = {e.text: e for e in sent_ents(ctx, previous) if person_like(ctx, e) and e.text not in taken}
    return list(others.values()) if len(others) == 1 else []


def whose_owner(ctx: SentenceContext, pronoun: Token) -> Span | None:
    """Return the name a possessive 'whose' stands for: the name its relative clause describes ('X, whose Y Force
    sponsored Z': X's Y Force; 'X, whose leader, Y, said': X's leader), or None."""
    verb = pronoun.head
    for _ in range(3):
        if verb.dep_ == "relcl":
            return ctx.ent_at[verb.head.i]
        verb = verb.head
    return None


def its_owner(ctx: SentenceContext, noun: Token, holders: list[Span]) -> list[Span]:
    """Return the organisation an 'its' before a role noun stands for: the one organisation the sentence names
    before it ('X, who joined Y in 1998, became its chairman' -> Y), counting another name it gives that
    organisation as the same one ('Y, also known as the Z Network after its leader X' -> Y) and leaving out a
    class named with 'a' ('designated Y as a Foreign Terrorist Organization and listed its leader'); when the
    sentence opens with 'Its', the one organisation the previous sentence names as its subject (rule
    its_previous_subject: 'Y was founded in 2006. Its leader, X, ...'); [] when none or several."""
    pronoun = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ == "its"), None)
    if pronoun is None:
        return []
    taken = {e.text for e in holders}
    sent = ctx.sent_at[pronoun.i]
    before = [e for e in sent_ents(ctx, sent) if e.end <= pronoun.i and e.label_ == "ORG" and e.text not in taken
              and not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in e.root.children)]
    names = {e.text: e for e in before if not any(_names_again(e, other) for other in before if other is not e)}
    if names or before or sent.start == 0 or any(t.is_alpha for t in ctx.doc[sent.start:pronoun.i]):
        return list(names.values()) if len(names) == 1 else []
    previous = ctx.sent_at[sent.start - 1]
    subjects = {e.text: e for e in sent_ents(ctx, previous) if e.label_ == "ORG" and e.text not in taken
                and e.root.dep_ in {"nsubj", "nsubjpass"}}
    return list(subjects.values()) if len(subjects) == 1 else []


def _names_again(later: Span, first: Span) -> bool:
    """Return True when `later` is another name the sentence gives `first`: its apposition or parenthesis ('Y
    (YZ)'), an 'or' ('Y, or Z'), or the 'as' phrase of a naming verb about it ('Y, also known as Z')."""
    if later.start < first.end:
        return False
    root = later.root
    if root.dep_ in {"appos", "conj"} and root.head.i in range(first.start, first.end):
        return root.dep_ == "appos" or any(c.lower_ == "or" for c in root.head.children if c.dep_ == "cc")
    if root.dep_ == "pobj" and root.head.lower_ == "as":
        verb = root.head.head
        return (verb.dep_ == "acl" and verb.head.i in range(first.start, first.end)) or any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.i in range(first.start, first.end) for c in verb.children)
    return False


_PERSON_NOUNS = lexicon.roles().nouns


def _bare_definite(noun: Token) -> bool:
    """Whether a singular noun is 'the' + noun with at most adjectives (`name_heads.bare_definite`), not itself
    a possessor ('the group's'); a relative clause set off by a comma adds to it ('The group, which is funded by
    X, ...' still refers back), one without defines another ('the group that attacked the base')."""
    if noun.tag_ != "NN" or any(c.dep_ == "case" for c in noun.children):
        return False
    aside = noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].text == "," and any(
        c.dep_ == "relcl" for c in noun.children)
    if not aside:
        return bare_definite(noun)
    return noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) and all(
        c.dep_ in {"det", "amod", "punct", "relcl"} for c in noun.children)


def _name_head(ctx: SentenceContext, tok: Token) -> list[Span]:
    """Return the organisation a bare definite noun names by its head ('the legion' for the Southern Legion named
    before; `name_heads.name_head_antecedent`): its mention in this doc, or `tok` standing in for its naming in an
    earlier paragraph (`arg_for` swaps it in); [] when there is none or more than one."""
    found = name_head_antecedent(tok, ctx.ents, ctx.rules["place_nouns"])
    if found is None:
        return []
    if isinstance(found, Span):
        return [found]
    _, start, end, text = found
    return [_standing_in(ctx, tok, text, start, end)]


def _age_description(tok: Token) -> bool:
    """Whether `tok` closes 'the 27-year-old' used as a noun: 'old' with 'the' and a 'year(s)' of its own."""
    kids = list(tok.children)
    return tok.lower_ == "old" and any(c.dep_ == "det" and c.lower_ == "the" for c in kids) \
        and any(c.lower_ in {"year", "years"} for c in kids)


def description_antecedent(ctx: SentenceContext, noun: Token) -> Span | None:
    """Return the entity a bare definite subject refers back to ('The cleric later denied ...'), or None.

    A role noun ('cleric', 'commander') takes a person, a group noun ('group', 'movement') an organisation;
    the antecedent is the one entity of that type the previous sentence names, when it is that sentence's
    subject, and never when this sentence names one before the noun. An age ('the 27-year-old', rule
    age_description) takes the one person that is the previous sentence's subject, other persons it names
    aside. Conservative: anything else gives None.
    """
    lemma = lemma_of(noun)
    age = _age_description(noun)
    if age:
        fits = {"PERSON"}
    elif lemma in ctx.rules["group_nouns"]:
        fits = {"ORG"}
    elif lemma in _PERSON_NOUNS:
        fits = {"PERSON"}
    else:
        return None
    sent = ctx.sent_at[noun.i]
    if sent.start == 0:
        return None
    if any(e.label_ in fits and e.end <= noun.i for e in sent_ents(ctx, sent)):
        return None  # 'X met Y. Then X and the commander ...': the commander is someone else
    previous = ctx.sent_at[sent.start - 1]
    distinct = {e.text: e for e in sent_ents(ctx, previous) if e.label_ in fits}
    if age:  # an age restates the subject: 'X became the first Scot to ... The 27-year-old' is X
        distinct = {text: e for text, e in distinct.items() if _is_subject(e)}
    elif len(distinct) > 1 and not any(e.root.dep_ in {"dobj", "dative", "attr"} for e in distinct.values()):
        # the subject of the sentence before is what the text goes on about ('X broke away from Y in 2012. The
        # group ...' is X): of several, the one subject of the main clause, when no other is the verb's object
        # ('X met Y. The group ...' stays open) (rule description_subject)
        distinct = {text: e for text, e in distinct.items() if _is_subject(e) and _main_clause(e)}
    if len(distinct) != 1:
        return None
    antecedent = next(iter(distinct.values()))
    # only the subject of the sentence before: 'Y reorganised X's fighters. The network ...' is not about X
    return antecedent if _is_subject(antecedent) else None


_FOCUS_NOUNS = lexicon.organisations().focus_nouns


def focus_stand_in(ctx: SentenceContext, tok: Token) -> Span | None:
    """Return the organisation the article is about (`focus.focus_near`) for a description at `tok`: its mention
    when this doc names it, else `tok` standing in for its naming in another paragraph (`arg_for` swaps it in;
    `_named_there`); None when the article has no organisation in focus."""
    found = focus_near(ctx.doc)
    if found is None:
        return None
    start, end, text = found
    return _named_there(ctx, tok, text, start, end, "ORG")


def _standing_in(ctx: SentenceContext, tok: Token, text: str, start: int, end: int, label: str = "ORG") -> Span:
    """Return `tok` as a one-token organisation (or `label`) standing in for the naming `text` at [start, end) (doc
    characters, another paragraph's when outside the doc), which `arg_for` swaps in."""
    ctx.stand_ins[tok.i] = Speaker(text, label, start, end)
    return Span(ctx.doc, tok.i, tok.i + 1, label=label)


def _sole_organisation(ctx: SentenceContext, tok: Token) -> Span | None:
    """Return the organisation a bare definite group noun stands for when the article named only one before it
    (`referents.organisation_antecedent`; see `_named_there`); None otherwise."""
    found = organisation_antecedent(tok)
    if found is None:
        return None
    start, end, name = found
    return _named_there(ctx, tok, name, start, end, "ORG")


def _the_country(ctx: SentenceContext, tok: Token) -> Span | None:
    """Return the country 'the country' stands for (`referents.country_antecedent`; see `_named_there`); None
    when the article named none or several."""
    found = country_antecedent(tok)
    if found is None:
        return None
    country, start, end = found
    return _named_there(ctx, tok, country, start, end, "GPE")


def _named_there(ctx: SentenceContext, tok: Token, text: str, start: int, end: int, label: str) -> Span:
    """Return the mention this doc has exactly at [start, end) (doc characters), else `tok` standing in for the
    naming `text` there (another paragraph's when outside the doc)."""
    span = ctx.doc.char_span(start, end) if 0 <= start and end <= len(doc_text(ctx.doc)) else None
    ent = ctx.ent_at[span.start] if span is not None else None
    if ent is not None and (ent.start_char, ent.end_char) == (start, end):
        return ent
    return _standing_in(ctx, tok, text, start, end, label=label)


def _company_in_focus(ctx: SentenceContext, tok: Token) -> Span | None:
    """Return what 'the company' / 'the firm' stands for (rule company_in_focus): the organisation the article is
    about, when the noun has no word of its own but 'the' and adjectives and its sentence names no organisation
    before it ('X took the helm at the company in 2003'); None otherwise."""
    if lemma_of(tok) not in _FOCUS_NOUNS or not _bare_definite(tok):
        return None
    if any(e.label_ == "ORG" and e.end <= tok.i for e in sent_ents(ctx, ctx.sent_at[tok.i])):
        return None  # 'Y bought Z, and the company ...': which one is not said
    return focus_stand_in(ctx, tok)


def _title_holder(ctx: SentenceContext, tok: Token) -> Span | None:
    """Return the person 'the home secretary' stands for (rule title_holder, extract/title_holders.py): the one
    person the article names after that title; None when there is none, or the sentence names that person."""
    title = title_of(tok)
    found = holder_of(ctx.doc, title) if title else None
    if found is None:
        return None
    start, end, text = found
    if any(e.text == text for e in sent_ents(ctx, ctx.sent_at[tok.i])):
        return None  # 'Home Secretary X ... the home secretary' in one sentence: the name says it
    span = ctx.doc.char_span(start, end) if 0 <= start and end <= len(doc_text(ctx.doc)) else None
    if span is not None and ctx.ent_at[span.start] is not None and ctx.ent_at[span.start].text == text:
        return ctx.ent_at[span.start]
    ctx.stand_ins[tok.i] = Speaker(text, "PERSON", start, end)
    return Span(ctx.doc, tok.i, tok.i + 1, label="PERSON")


def evidence_bounds(ctx: SentenceContext, sent: Span, args: tuple[Arg, ...]) -> tuple[int, int]:
    """Return the doc char span of a relation's evidence: its sentence, widened to the sentence of an argument
    found by reference in an earlier sentence of the doc ('X joined. He later ...' keeps both sentences)."""
    start, end = sent.start_char, sent.end_char
    for arg in args:
        if 0 <= arg.start < start:
            span = ctx.doc.char_span(arg.start, arg.end, alignment_mode="expand")
            if span is not None:
                start = min(start, sentence_of(span).start_char)
    return start, end
