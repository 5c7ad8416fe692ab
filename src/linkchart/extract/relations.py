"""Relations from the dependency parse: verb frames, role nouns, possessives, modifiers, event nouns.

The rules are data (`rules.yaml`); this module is the small engine that reads them. Each rule kind has
one matcher: it finds the frame's anchor token, the tokens of its two arguments, and maps each argument
to entity mentions through the sentence context (`context.ents_for`: conjunctions, appositions, 'a force
called X', 'members of X', pronouns). Argument types are checked against the predicate vocabulary
(`lexicon.predicates()`); the word classes the rules name (group nouns, reporting verbs, demonyms,
...) come from `linkchart.lexicon`. Negation, attribution and hedging come from `modality`; the
sentence's date is given by the caller (`facts`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from spacy.tokens import Span, Token

from linkchart import lexicon
from linkchart.extract.clauses import clause_pairs
from linkchart.extract.context import (
    AGENTIVE,
    Arg,
    SentenceContext,
    accompanied_party,
    agents,
    arg_for,
    clause_agents,
    contact_clause,
    ents_for,
    evidence_bounds,
    focus_stand_in,
    is_passive,
    its_owner,
    lemma_of,
    modified_names,
    organisation_in_focus,
    patients,
    person_like,
    role_possessors,
    sent_ents,
    sent_tokens,
    sentence_and_previous,
    unrelativise,
    whose_owner,
)
from linkchart.extract.doctext import doc_text, span_text
from linkchart.extract.focus import focus_acts
from linkchart.extract.founders import founders_join
from linkchart.extract.governments import government_near
from linkchart.extract.locations import (
    adjacent_in_pairs,
    bracketed_country_pairs,
    example_place_pairs,
    listed_places,
    place_noun_pairs,
    place_trail,
    places_listed_before,
    site_named,
    trail_nesting,
)
from linkchart.extract.mentions import REFERS_ATTR, demonym_shaped, honorific_text
from linkchart.extract.modality import STATE_OVER, modality_memo, told_as_over
from linkchart.extract.name_lists import listed_after
from linkchart.extract.pages import organisation_named
from linkchart.extract.speakers import Speaker, quotations
from linkchart.extract.teachers import teachers_at
from linkchart.extract.title_holders import title_before
from linkchart.lexicon import Predicate
from linkchart.lexicon.loader import parse_yaml
from linkchart.models import Relation

_HONORIFICS = lexicon.titles().honorifics
_BODY_PREPS = frozenset({"of", "for", "to", "at"})  # 'the leader of X', 'the spokesman for X', 'adviser to X'

RULES_PATH = Path(__file__).with_name("rules.yaml")
_SYNTAX = lexicon.syntax()


def load_predicates(path: str | Path | None = None) -> dict[str, Predicate]:
    """Return the predicate vocabulary keyed by predicate name: the lexicon's, or the one in the file `path`."""
    return lexicon.predicates() if path is None else lexicon.read_predicates(parse_yaml(Path(path).read_text("utf-8")))


def _no_booleans(node: Any, where: str) -> None:
    """Raise ValueError when a rule list holds a boolean: YAML reads a bare on/off/yes/no as one ('preps: [on]')."""
    if isinstance(node, dict):
        for key, value in node.items():
            _no_booleans(value, f"{where}: {key}")
    elif isinstance(node, list):
        for item in node:
            if isinstance(item, bool):
                raise ValueError(f"{where}: a bare on/off/yes/no read as {item}; quote the word")
            _no_booleans(item, where)


@functools.lru_cache(maxsize=4)
def load_rules(path: str | Path | None = None) -> dict[str, Any]:
    """Return the relation rule tables from `path` (default `rules.yaml`), with lemma lists turned into sets, and
    the lexicon's word classes the rules read under their rule-table names ('group_nouns', 'reporting_verbs', ...)."""
    data = parse_yaml(Path(path or RULES_PATH).read_text(encoding="utf-8"))
    _no_booleans(data, str(path or RULES_PATH))
    places, verbs = lexicon.places(), lexicon.verbs()
    data.update(
        group_nouns=lexicon.organisations().group_nouns, partitive_nouns=lexicon.roles().partitives,
        area_nouns=places.areas, instrument_nouns=lexicon.national_bodies().instruments, naming_verbs=verbs.naming,
        place_nouns=places.of_nouns, relational_place_nouns=places.relational, reporting_verbs=verbs.speech,
        giving_verbs=verbs.giving, demonyms=lexicon.countries().demonyms, capitals=lexicon.countries().capitals,
        companion_preps=list(lexicon.grammar().companions), stance_nouns=lexicon.stance_nouns(),
        site_nouns=lexicon.roles().classes.get("site", frozenset()),
        site_openers=lexicon.site_openers(),
        trail_nouns=places.trail_nouns | places.nouns | places.compass,
        left_post_verbs=frozenset(data.get("leaving_verbs", ())) | frozenset(data.get("removal_verbs", ())),
        succession_verbs=frozenset(data.get("succession_verbs", ())), accompanying_verbs=verbs.accompanying,
        state_predicates=frozenset(data.get("state_predicates", ())),
        described_of_nouns=lexicon.described_of_nouns(),
    )
    cameo = lexicon.cameo().predicates
    for kind in ("verb_rules", "modifier_rules"):
        for rule in data.get(kind, []):
            # `lexicon: P` adds the CAMEO verbs that state predicate P: single words, and a verb with its particle
            # ('blow up', matched on a verb with that particle)
            extra = {v for v in cameo.get(rule.get("lexicon", ""), ()) if v.count(" ") <= 1}
            rule["lemma"] = frozenset(rule["lemma"]) | extra
            for key in ("dobj", "advmod"):
                if key in rule:
                    rule[key] = frozenset(rule[key])
    role_classes = lexicon.roles().classes
    for kind in ("role_rules", "noun_rules"):
        for rule in data.get(kind, []):
            nouns = set(rule["nouns"])
            for cls in rule.get("classes", ()):
                nouns |= role_classes[cls]
            rule["nouns"] = frozenset(nouns)
    # every role noun and phrase, for finding the longest one before a name ('prime minister', not 'minister')
    data["role_phrases"] = frozenset(n for rule in data.get("role_rules", []) for n in rule["nouns"])
    data["role_phrase_words"] = max((n.count(" ") + 1 for n in data["role_phrases"]), default=1)
    data["role_last_words"] = frozenset(n.rsplit(" ", 1)[-1] for n in data["role_phrases"])
    # every noun of a noun rule: a word none names is read by none ('_noun_candidates' spares the rule loop)
    data["noun_rule_nouns"] = frozenset(n for rule in data.get("noun_rules", []) for n in rule["nouns"])
    return data


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


_CONTRARY = lexicon.loader.lower("contrary")


def _follow(tok: Token, path: str) -> list[Token]:
    """Return the tokens reached from `tok` by an argument path ('dobj', 'prep:from', 'prep:in>exchange>...')."""
    if path == "agent":
        return agents(tok)
    if path == "patient":
        return patients(tok)
    if path == "dobj":
        return [unrelativise(c, tok) for c in tok.children if c.dep_ == "dobj"]
    if path == "dative":  # 'paid Y two million dollars': the indirect object
        return [c for c in tok.children if c.dep_ == "dative" and c.pos_ in {"PROPN", "NOUN", "PRON"}]
    current = [tok]
    for step in path.split(">"):
        nxt: list[Token] = []
        for t in current:
            if step.startswith("obj:"):  # 'obj:office|base' — a direct object with one of these lemmas
                nxt.extend(c for c in t.children if c.dep_ == "dobj" and lemma_of(c) in step[4:].split("|"))
            elif step.startswith("advmod:"):  # 'advmod:here' — an adverb with this lemma ('here with Y')
                nxt.extend(c for c in t.children if c.dep_ == "advmod" and lemma_of(c) in step[7:].split("|"))
            elif step.startswith("acomp:"):  # 'acomp:married' — an adjective complement ('is married to Y')
                nxt.extend(c for c in t.children if c.dep_ == "acomp" and c.lower_ in step[6:].split("|"))
            elif step == "dobj":  # 'dobj>prep:at' — the direct object, then its own phrase ('showed X at Y')
                nxt.extend(c for c in t.children if c.dep_ == "dobj")
            elif step == "poss":  # 'obj:brigade>poss' — the object's possessor ("commands Y's eastern brigade")
                nxt.extend(c for c in t.children if c.dep_ == "poss")
            elif step.startswith("prep:"):
                for p in _preps(t, step[5:]):
                    objs = [g for g in p.children if g.dep_ == "pobj"]
                    nxt.extend(objs if objs else [p])  # 'away' leads on to its own 'from'
            elif lemma_of(t) in step.split("|") or t.lower_ in step.split("|"):  # 'strike|raid': one of these
                if not any(c.dep_ == "amod" and c.lower_ in _CONTRARY for c in t.children):
                    nxt.append(t)  # 'on the other side of Y' is not on Y's side
        current = nxt
    return [t for t in current if t.dep_ in _SYNTAX.argument_deps
            or t.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}]



def _companions(ctx: SentenceContext, verb: Token) -> list[Span]:
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
    subject: Arg
    object: Arg
    anchor: Token


def _pairs(ctx: SentenceContext, rule: dict[str, Any], anchor: Token, subjects: list[Span], objects: list[Span],
           swap: bool = False) -> Iterator[_Candidate]:
    for subject in subjects:
        for obj in objects:
            s, o = arg_for(ctx, subject), arg_for(ctx, obj)
            predicate = rule["predicate"]
            if "persons_predicate" in rule and person_like(ctx, subject) and person_like(ctx, obj):
                predicate = rule["persons_predicate"]
            elif "groups_predicate" in rule and s.label == "ORG" and o.label == "ORG":
                predicate = rule["groups_predicate"]
            if swap:
                yield _Candidate(rule["name"], predicate, o, s, anchor)
            else:
                yield _Candidate(rule["name"], predicate, s, o, anchor)


def _verb_rules_by_lemma(rules: list[dict[str, Any]]) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]]]:
    """Return the verb rules that apply to each lemma, and those for any verb ('*'), each in table order."""
    wildcard = [rule for rule in rules if "*" in rule["lemma"]]
    lemmas = {lemma for rule in rules for lemma in rule["lemma"]} - {"*"}
    by_lemma = {lemma: [rule for rule in rules if lemma in rule["lemma"] or "*" in rule["lemma"]] for lemma in lemmas}
    return by_lemma, wildcard


def _ranked(verb: Token) -> bool:
    """Return True when a verb states a rank ('came second', 'came in first', 'finished in last place'): an
    ordinal among its complements or in its 'in' phrase."""
    near = [c for c in verb.children if c.dep_ in {"advmod", "npadvmod", "oprd", "acomp", "dobj"}]
    near += [g for c in verb.children if c.dep_ in {"prep", "prt"} and c.lower_ == "in" for g in c.children
             if g.dep_ in {"pobj", "amod"}]
    return any(_ordinal(t) or any(_ordinal(g) and g.dep_ == "amod" for g in t.children) for t in near)


_ORDINALS = lexicon.quantities().ordinals


def _ordinal(tok: Token) -> bool:
    """Return True for a rank word: 'second', '3rd', or a token the model tags ORDINAL."""
    return tok.ent_type_ == "ORDINAL" or tok.lower_ in _ORDINALS or bool(re.fullmatch(r"\d+(st|nd|rd|th)", tok.lower_))


def _verb_candidates(ctx: SentenceContext, sent: Span, rules: RelationRules) -> Iterator[_Candidate]:
    by_lemma, wildcard = rules.verb_rules, rules.any_verb_rules
    may_match: dict[int, bool] = ctx.memo.setdefault(("rules_may_match", sent.start), {})  # by rule, in `sent`
    for tok in sent_tokens(ctx, sent):
        if ctx.pos[tok.i] not in {"VERB", "AUX"} and tok.tag_ not in _SYNTAX.verb_tags:
            continue
        lemma = lemma_of(tok)
        particle = next((c.lower_ for c in tok.children if c.dep_ == "prt" or (
            c.dep_ == "advmod" and c.i == tok.i + 1 and f"{lemma} {c.lower_}" in by_lemma)), None) \
            if lemma in rules.phrasal_firsts else None  # no rule for the verb with a particle: none looked for
        phrasal = by_lemma.get(f"{lemma} {particle}", []) if particle else []  # 'set up', 'blow up'
        bare = by_lemma.get(lemma, wildcard)
        passive: bool | None = None  # worked out for the first rule that asks
        for rule in phrasal + [r for r in bare if all(r is not p for p in phrasal)] if phrasal else bare:
            may = may_match.get(id(rule))
            if may is None:
                may = may_match[id(rule)] = _rule_may_match(ctx, sent, rules.needs[id(rule)])
            if not may:
                continue  # a word its paths need is not in the sentence: most rules of a verb
            if rule.get("passive"):
                if passive is None:
                    passive = is_passive(tok) or (tok.dep_ == "acl" and tok.tag_ == "VBN")
                if not passive:
                    continue
            if rule.get("dobj") and not any(c.dep_ == "dobj" and lemma_of(c) in rule["dobj"] for c in tok.children):
                continue
            if rule.get("not_dobj") and any(c.dep_ == "dobj" and lemma_of(c) in rule["not_dobj"] for c in tok.children):
                continue  # 'X were founding members of Y': the parser's verb is an adjective of the noun
            if rule.get("intransitive") and any(c.dep_ == "dobj" for c in tok.children):
                continue
            if rule.get("locative_only") and not _locative_copula(ctx, tok):
                continue  # 'X was in power in Y', 'X is a lawyer in Y': a state or a post, not being somewhere
            if rule.get("advmod") and not any(c.dep_ == "advmod" and lemma_of(c) in rule["advmod"]
                                              for c in tok.children):
                continue
            if rule.get("stance_only") and not any(lemma_of(p) in ctx.rules["stance_nouns"] for p in patients(tok)):
                continue  # 'X welcomed the move' backs it; 'X welcomed Y' is a host's greeting
            if rule.get("not_ranked") and _ranked(tok):
                continue  # 'came in second in Iowa', 'finished third': a result, not a journey
            objects: list[Span] = []
            for path in rule["object"]:
                objects += [e for t in _arg_tokens(ctx, rule, tok, path) for e in _arg_ents(ctx, rule, tok, t)]
                if objects:
                    break
            if not objects and not rule.get("pair_conjoined_subjects"):
                continue  # no pair without an object: spare the subject search
            subj_tokens = _arg_tokens(ctx, rule, tok, rule["subject"])
            if rule.get("named_subject"):  # 'made up of the town of X and other towns': a place, not a member
                subj_tokens = [t for t in subj_tokens if _bare_name(ctx, t)]
            subjects = [e for t in subj_tokens for e in _arg_ents(ctx, rule, tok, t)]
            if not subjects and rule["subject"] == "agent":
                subjects = _became(ctx, tok)
                if not subjects and (subjects := _agent_of_fellow(ctx, tok, rule, by_lemma)):
                    rule = {**rule, "name": f"{rule['name']}_fellow"}
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
            if subjects and rule.get("fellows"):
                subjects += [e for e in _fellows(ctx, tok, rule["fellows"]) if e not in subjects]
            if rule.get("subject_labels"):
                subjects = [e for e in subjects if e.label_ in rule["subject_labels"]]
            if rule.get("object_labels"):
                objects = [e for e in objects if e.label_ in rule["object_labels"]]
            yield from _pairs(ctx, rule, tok, subjects, objects)


def _bare_name(ctx: SentenceContext, tok: Token) -> bool:
    """Whether `tok` is a name itself, not a noun that names one ('the town of X'), nor a person's name under an
    article, which modifies a noun the parser missed ('included the 1939 X recording')."""
    ent = ctx.ent_at[tok.i]
    return ent is not None and not (ent.label_ == "PERSON" and any(c.dep_ == "det" for c in tok.children))


def _fellows(ctx: SentenceContext, verb: Token, preps: Collection[str]) -> list[Span]:
    """Return the persons a phrase of `preps` names as sharing the subject's place ('X was holidaying on the island
    of Y with Z', 'X travelled to Y with Z', 'X worked under Z at Y'): on the verb, or hung by the parser on its
    place phrase."""
    heads, frontier = [verb], [verb]
    for _ in range(3):  # 'on' > 'island' > 'of' > 'Y': the place phrase, a few steps down
        frontier = [g for t in frontier for c in t.children if c.dep_ == "prep" and c.lower_ not in preps
                    for g in c.children if g.dep_ == "pobj"]
        heads += frontier
    return [e for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj" for e in ents_for(ctx, g) if e.label_ == "PERSON"]


def _arg_tokens(ctx: SentenceContext, rule: dict[str, Any], verb: Token, path: str) -> list[Token]:
    """Return the argument tokens of `path`; in a stance rule a plan or act with a possessor and no name of
    its own stands for the possessor ("backed Y's proposals", "Y's plans were criticised by X")."""
    stance = bool(rule.get("stance_possessor"))
    key = ("arg_tokens", verb.i, path, stance)  # many rules of one verb share a path ('agent', 'dobj')
    cached = ctx.memo.get(key)
    if cached is None:
        if not _may_follow(ctx, verb, path):
            cached = ctx.memo[key] = []
        else:
            cached = ctx.memo[key] = _possessor_args(ctx, _follow(verb, path)) if stance else _follow(verb, path)
    return list(cached)


@functools.cache
def _path_words(path: str) -> tuple[frozenset[str], ...]:
    """Return, for each step of an argument path, the words one of which the step needs to match (its
    preposition, its lemma, its object's or adverb's lemmas); none for 'agent', 'patient' and 'dobj'."""
    if path in {"agent", "patient", "dobj", "dative"}:
        return ()
    out = []
    for step in path.split(">"):
        if step in {"dobj", "poss"}:
            continue  # any direct object or possessor: no word to look for
        for head in ("obj:", "advmod:", "acomp:", "prep:"):
            if step.startswith(head):
                out.append(frozenset(step[len(head):].split("|") if head != "prep:" else [step[len(head):]]))
                break
        else:
            out.append(frozenset(step.split("|")))
    return tuple(out)


def _may_follow(ctx: SentenceContext, verb: Token, path: str) -> bool:
    """Return False when `_follow(verb, path)` is sure to find nothing: a step needs a word that is nowhere in
    the verb's sentence (a verb's dependents stay in its sentence), as most rules of a verb do."""
    return _sentence_may_follow(ctx, ctx.sent_at[verb.i], path)


def _sentence_may_follow(ctx: SentenceContext, sent: Span, path: str) -> bool:
    """Return False when `_follow` from any verb of `sent` along `path` is sure to find nothing (see `_may_follow`)."""
    needed = _path_words(path)
    if not needed:
        return True
    words = _sentence_words(ctx, sent)
    return all(not options.isdisjoint(words) for options in needed)


def _sentence_words(ctx: SentenceContext, sent: Span) -> set[str]:
    """Return the words of `sent` in lower case and their lemmas, worked out once per sentence."""
    key = ("words", sent.start)
    words = ctx.memo.get(key)
    if words is None:
        words = ctx.memo[key] = set()
        for t in sent_tokens(ctx, sent):
            words.add(t.lower_)
            words.add(lemma_of(t))
    return words


_Needs = tuple[frozenset[str], ...]  # for each step of a path, the words one of which it needs (`_path_words`)


def _rule_needs(rule: dict[str, Any]) -> tuple[_Needs, tuple[_Needs, ...] | None]:
    """Return what a verb rule's paths need of a sentence: its subject path's words, and its object paths' (None
    when an object path needs no word or the rule pairs conjoined subjects: no object path can be ruled out)."""
    objects = tuple(_path_words(p) for p in rule["object"])
    if rule.get("pair_conjoined_subjects") or any(not needs for needs in objects):
        return _path_words(rule["subject"]), None
    return _path_words(rule["subject"]), objects


def _rule_may_match(ctx: SentenceContext, sent: Span, needs: tuple[_Needs, tuple[_Needs, ...] | None]) -> bool:
    """Return False when a verb rule is sure to find no pair in `sent`: its subject path, or each of its object
    paths (unless it pairs conjoined subjects), needs a word the sentence lacks; `needs` is `_rule_needs(rule)`."""
    subject, objects = needs
    if not subject and objects is None:
        return True
    words = _sentence_words(ctx, sent)
    for options in subject:  # loops, not generators: asked for most rules of every verb
        if options.isdisjoint(words):
            return False
    if objects is None:
        return True
    for path in objects:
        for options in path:
            if options.isdisjoint(words):
                break
        else:
            return True
    return False


def _arg_ents(ctx: SentenceContext, rule: dict[str, Any], verb: Token, tok: Token) -> list[Span]:
    """Return the mentions an argument token stands for (`ents_for`); in a stance rule, a plan or act of no one
    named ('backed the proposals', 'welcomed the move') stands for the organisation the article is about. A
    participle set after the last of a list qualifies that one only (rule participle_last_conjunct: 'A under X,
    and B, commanded by Y': Y commands B, not A); after the list's head it qualifies them all."""
    modified = verb.dep_ == "acl" and tok.i == verb.head.i and tok.dep_ == "conj"
    found = ents_for(ctx, tok, conj=not modified)
    if not found and rule.get("described") and verb.dep_ == "acl" and tok.i == verb.head.i:
        return _described(ctx, tok)
    if found or not rule.get("stance_possessor") or not _plan_in_focus(ctx, verb, tok):
        return found
    focus = focus_stand_in(ctx, tok)
    return [focus] if focus is not None else []


def _described(ctx: SentenceContext, noun: Token) -> list[Span]:
    """Return the names a predicate noun or an appositive describes, where a participle hangs on the noun and not on
    the name (rule described_by_participle): 'X is a club based in Y', 'X is an American chain of stores
    headquartered in Y' (the 'of' phrase of a predicate noun of `described_of_nouns`), 'X, a firm founded by Y';
    [] otherwise."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ in {"attr", "appos"} \
            and lemma_of(noun.head.head) in ctx.rules["described_of_nouns"]:
        noun = noun.head.head  # 'a chain of stores headquartered in Y': the chain is X ('the son of a man based in
        # Y' is not)
    if noun.dep_ == "appos" and noun.head.dep_ == "attr" and ctx.ent_at[noun.head.i] is None:
        noun = noun.head  # 'X were a new wave British group formed by Y': the parser makes 'group' an appositive
    if noun.dep_ == "attr" and lemma_of(noun.head) == "be":
        return [e for c in noun.head.children if c.dep_ == "nsubj" for e in ents_for(ctx, c, conj=False)]
    if noun.dep_ == "appos":
        return ents_for(ctx, noun.head, conj=False)
    return []


def _plan_in_focus(ctx: SentenceContext, verb: Token, noun: Token) -> bool:
    """Whether a stance noun is the plan of the organisation the article is about (rule plan_in_focus): 'the
    proposals', 'the price cuts', with no owner, name or phrase of its own, in a sentence that names no
    organisation before it but the verb's own subject ('Y also backed the proposals'), in an article whose focus
    acts where first named ('BT has moved to ...'; not 'X sanctioned those who funded Y': 'the move' is X's)."""
    if lemma_of(noun) not in ctx.rules["stance_nouns"] or lemma_of(noun) in ctx.rules["group_nouns"]:
        return False
    if not focus_acts(ctx.doc):
        return False
    # 'backed the proposals saying "..."': the parser hangs the subject's reporting participle on the noun
    kids = [c for c in noun.children if not (c.dep_ == "acl" and lemma_of(c) in ctx.rules["reporting_verbs"])]
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids) or any(
            c.dep_ in {"poss", "prep", "acl", "relcl", "appos"} or ctx.ent_at[c.i] is not None for c in kids):
        return False
    own = {e.start for s in agents(verb) for e in ents_for(ctx, s)}
    return not any(e.label_ == "ORG" and e.end <= noun.i and e.start not in own
                   for e in sent_ents(ctx, ctx.sent_at[noun.i]))


def _possessor_args(ctx: SentenceContext, tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in tokens:
        owners = [c for c in t.children if c.dep_ == "poss"]
        if owners and lemma_of(t) in ctx.rules["stance_nouns"] and not ents_for(ctx, t):
            out += owners
        else:
            out.append(t)
    return out


def _became(ctx: SentenceContext, verb: Token) -> list[Span]:
    """Return what an unnamed subject went on to become: 'the network, which split from Y in 2006 to
    become Z' / '... split from Y and became Z' -> Z."""
    out: list[Span] = []
    for c in verb.children:
        if c.dep_ in {"advcl", "xcomp", "conj"} and lemma_of(c) == "become" and not any(
                g.dep_ in {"nsubj", "nsubjpass"} for g in c.children):
            out += [e for g in c.children if g.dep_ in {"attr", "oprd"} for e in ents_for(ctx, g)]
    return out


def _agent_of_fellow(ctx: SentenceContext, verb: Token, rule: dict[str, Any],
                     by_lemma: dict[str, list[dict[str, Any]]]) -> list[Span]:
    """Return who did to a fellow what a passive verb with no agent says was done 'with' that fellow (rule suffix
    `_fellow`): 'X was arrested by Y. Z was detained with him.' — Y detained Z. The act must be one of the
    same rule, done to the person named (or, for 'him'/'her', to the one person) in this or the sentence before."""
    if not is_passive(verb):
        return []
    fellows = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
               if g.dep_ == "pobj"]
    if len(fellows) != 1:
        return []
    pronoun = fellows[0].pos_ == "PRON"
    names = set() if pronoun else {e.text for e in ents_for(ctx, fellows[0])}
    if not pronoun and not names:
        return []
    for span in sentence_and_previous(ctx, verb.i):
        for other in span:
            if other.i == verb.i or other.pos_ != "VERB" or rule not in by_lemma.get(lemma_of(other), ()):
                continue
            done_to = [e for t in _follow(other, "patient") for e in ents_for(ctx, t)]
            if pronoun and len(done_to) == 1 and done_to[0].label_ in {"PERSON", "ORG"} or (
                    names and any(e.text in names for e in done_to)):
                return [e for t in _follow(other, "agent") for e in ents_for(ctx, t)]
    return []


def _named_by(ctx: SentenceContext, tok: Token) -> list[Span]:
    """Return the names a reduced relative gives after `tok` ('X called "Y"', 'X knew as "Y"'), or []."""
    out: list[Span] = []
    for c in tok.children:
        if c.dep_ in {"acl", "relcl"} and lemma_of(c) in ctx.rules["naming_verbs"] | {"know"}:
            for g in c.children:
                if g.dep_ in {"oprd", "xcomp", "dobj"}:
                    out += ents_for(ctx, g, conj=False)
                elif g.dep_ == "prep" and g.lower_ == "as":
                    out += [e for p in g.children if p.dep_ == "pobj" for e in ents_for(ctx, p, conj=False)]
    return out


_VAGUE_AMOUNTS = lexicon.loader.lower("vague")  # 'dozens', 'hundreds'


def _role_holders(ctx: SentenceContext, role: Token, depth: int = 0) -> list[Span]:
    """Return who holds the role a noun names: 'X, the leader of', 'the leader of Y, X', 'X is the leader'."""
    if role.dep_ == "pobj" and role.head.lower_ == "of" and depth < 3 and (
            role.head.head.lower_ == "one" or role.head.head.lower_ in _VAGUE_AMOUNTS):
        # rule one_of_role: 'X, one of the founders of Y', 'X is one of Y's constituent colleges': X holds it; so
        # is 'one of dozens of units' ('dozens' in turn is one's)
        return _role_holders(ctx, role.head.head, depth + 1)
    if role.dep_ == "appos":
        return ents_for(ctx, role.head, conj=False) or _named_after_portfolio(ctx, role)
    contact = contact_clause(ctx, role)
    if contact is not None:
        return contact  # 'the officer X knew as "Y"': Y holds the role, X only knew him
    if role.dep_ == "conj" and role.head.pos_ == "NOUN" and ctx.ent_at[role.head.i] is None and depth < 3:
        return _role_holders(ctx, role.head, depth + 1)  # 'X, an author and lecturer at Y': X is the lecturer
    named = _named_by(ctx, role)
    if named:
        return named  # 'an official (X) called "Y"': the official is Y
    holders: list[Span] = []
    for c in role.children:
        if c.dep_ == "appos":
            if not _listed(role, c):
                holders += ents_for(ctx, c)
        elif c.dep_ == "acl" and lemma_of(c) in ctx.rules["naming_verbs"]:
            holders += ents_for(ctx, role, conj=False)
        elif c.dep_ == "prep" and c.lower_ == "of":
            # 'the director of planning, X': the name hangs on the portfolio, not on the role
            holders += [e for g in c.children if g.dep_ == "pobj" and ctx.ent_at[g.i] is None
                        for a in g.children if a.dep_ == "appos" for e in ents_for(ctx, a)
                        if e.label_ == "PERSON"]  # 'the vocalist of the band X': X is the band, not the holder
        if c.dep_ == "prep" and c.lower_ in _BODY_PREPS:
            holders += _person_beside_body(ctx, c)
    if holders:
        return holders
    head = role.head
    if role.dep_ in {"attr", "acomp", "oprd"} and head.pos_ in {"AUX", "VERB"}:
        if is_passive(head):  # rule passive_complement: 'X was named head of Y' — the role is X's, not the namer's
            return [e for s in patients(head) for e in ents_for(ctx, s)]
        return [e for s in agents(head) for e in ents_for(ctx, s)]
    if role.dep_ == "pobj" and head.lower_ == "as":
        verb = _as_phrase_verb(role, climb=True)
        if lemma_of(verb) in ctx.rules["succession_verbs"]:
            # 'X succeeded Y as chairman', 'Y was replaced as chairman by X': the role is X's now (Y's before it)
            return [e for s in agents(verb) for e in ents_for(ctx, s)]
        # 'they named X as head of Y', 'oust X as Y's leader': the 'as' phrase is the object's (a name the parser
        # reads as the verb's predicate complement too: 'Y named X as its chairman')
        objects = [e for c in verb.children if c.dep_ in {"dobj", "oprd"} for e in ents_for(ctx, c)]
        if objects:
            return objects
        if is_passive(verb):  # 'X was appointed as head of Y'
            return [e for s in patients(verb) for e in ents_for(ctx, s)]
        return [e for s in agents(verb) for e in ents_for(ctx, s)]
    if role.dep_ in {"nsubj", "nsubjpass"} and lemma_of(head) in {"be", "remain", "become"}:
        return [e for c in head.children if c.dep_ == "attr" for e in ents_for(ctx, c)]
    while role.dep_ in {"compound", "nmod", "amod"} and ctx.ent_at[head.i] is None and head.i > role.i \
            and head.dep_ in {"compound", "nmod"} and honorific_text(head.text, _HONORIFICS):
        head = head.head  # 'VDF Chief of Staff Lt.-Gen. X': the rank between the role and the name
    if role.dep_ in {"compound", "nmod", "amod"} and ctx.ent_at[head.i] is not None and head.i > role.i:
        named = _named_by(ctx, head)
        if named:
            return named  # 'the Hezbollah official X called "Y"': the official is Y, X only named him
        return [ctx.ent_at[head.i]]  # 'Qods Force chief Qassem Soleimani'
    return _named_after_portfolio(ctx, role)


_PORTFOLIO_WORDS = 4  # the most lower-case words of a portfolio between a title and the name after it


def _named_after_portfolio(ctx: SentenceContext, role: Token) -> list[Span]:
    """Return the person named right after a title and its portfolio, which the parser tore apart ('director of
    telecoms research X said': 'research' taken for part of the name; rule portfolio_title), else []."""
    doc = ctx.doc
    if role.i + 2 >= len(doc) or doc[role.i + 1].lower_ != "of":
        return []
    i = role.i + 2
    while i < len(doc) and i - role.i - 2 < _PORTFOLIO_WORDS and doc[i].is_lower and doc[i].is_alpha \
            and ctx.ent_at[i] is None:
        i += 1
    person = ctx.ent_at[i] if role.i + 2 < i < len(doc) else None
    return [person] if person is not None and person.label_ == "PERSON" and person.start == i else []


def _person_beside_body(ctx: SentenceContext, prep: Token) -> list[Span]:
    """Return the person the parser hung on the body of a role's phrase instead of on the role: 'the leader
    of the Blue Party, Ann Roe, resigned' (rule body_appositive_person); a person is no appositive of an
    organisation or place, so a name given only persons there holds the role."""
    out: list[Span] = []
    for g in prep.children:
        body = ctx.ent_at[g.i] if g.dep_ == "pobj" else None
        if body is None or body.label_ == "PERSON":
            continue
        for a in g.children:
            if a.dep_ == "appos" and a.i > body.end - 1 and not _listed(g, a):
                named = ents_for(ctx, a, conj=False)
                if named and all(e.label_ == "PERSON" for e in named):
                    out += named
    return out


def _listed(noun: Token, appositive: Token) -> bool:
    """Whether what the parser calls a singular noun's appositive opens a list instead ('the leader of X, the Y
    Front and the Z Army met': three parties, no name of the leader); rule list_not_appositive."""
    return noun.tag_ in {"NN", "NNP"} and any(c.dep_ == "conj" for c in appositive.children)


def _modifier_ents(ctx: SentenceContext, tok: Token, exclude: Iterable[Span] = ()) -> list[Span]:
    """Return mentions among a noun's left modifiers (compound, nmod, amod, poss): 'Hezbollah adviser'."""
    out: list[Span] = []
    for c in tok.children:
        if c.i < tok.i and c.dep_ in {"compound", "nmod", "amod", "poss"} and c.pos_ != "PRON":
            for e in ents_for(ctx, c, conj=True):
                if e not in exclude and e not in out:
                    out.append(e)
    return out


def _role_phrase(ctx: SentenceContext, tok: Token, lemma: str, lower: str) -> str | None:
    """Return the longest role noun or phrase that ends at `tok` ('prime minister', 'chief executive',
    'minister'), or None when `tok` ends none."""
    doc, phrases, last_words = ctx.doc, ctx.rules["role_phrases"], ctx.rules["role_last_words"]
    if lower not in last_words and lemma not in last_words:
        return None  # most nouns end no role: spare the phrase search
    for n in range(ctx.rules["role_phrase_words"], 1, -1):
        start = tok.i - n + 1
        if start < ctx.sent_at[tok.i].start or any(ctx.ent_at[i] is not None for i in range(start, tok.i)):
            continue
        words = [doc[i].lower_ for i in range(start, tok.i)]
        for last in (lower, lemma):
            phrase = " ".join([*words, last])
            if phrase in phrases:
                return phrase
    for key in (lower, lemma):
        if key in phrases:
            return key
    return None


def _rank_and_time(ctx: SentenceContext, first: int) -> tuple[bool, bool]:
    """Return (deputy, former) read from the words right before a role that opens at token `first`:
    'the former prime minister', 'ex-minister', 'deputy head', 'vice-president', 'a then-deputy leader'."""
    roles, doc = lexicon.roles(), ctx.doc
    deputy = former = False
    i = first - 1
    while i >= ctx.sent_at[first].start and first - i <= 4:
        t, ent = doc[i], ctx.ent_at[i]
        if ent is not None and (ent.label_ in {"NORP", "GPE"} and lexicon.nation_of(ent.text)
                                or ent.end == i + 1 and first <= ent.root.head.i <= first + 4):
            # 'former Chilean President X': the nationality, then the role's time; 'the former Green Party leader
            # X', 'ex-Varn Bank chairman X': the body the role is of, then its time
            i = ent.start - 1
            continue
        if ent is not None or not (t.pos_ in {"NOUN", "PROPN", "ADJ", "ADV", "NUM"} or t.text in {"-", "–"}):
            break  # only the role's own modifiers: 'the former deputy', 'ex-', not the words of the clause before
        deputy = deputy or t.lower_ in roles.deputy
        former = former or t.lower_ in roles.former
        i -= 1
    return deputy, former


def _portfolio(ctx: SentenceContext, tok: Token, first: int, phrase: str) -> bool:
    """Return True when the role at `tok` (its phrase opening at token `first`) heads only a portfolio of its
    body: a lower-case noun before it ('the party's election chief', 'road safety head') or a bare 'of' phrase
    ('director of commercial planning'). Group nouns ('party leader') and role phrases ('head of state') are
    no portfolio."""
    orgs, roles = lexicon.organisations(), lexicon.roles()
    skip = ctx.rules["group_nouns"] | orgs.nouns | orgs.armed | roles.nouns | roles.former | roles.deputy
    for c in tok.children:
        if c.i >= first or c.dep_ != "compound" or c.pos_ != "NOUN" or not c.is_lower:
            continue
        if ctx.ent_at[c.i] is None and lemma_of(c) not in skip and c.lower_ not in skip:
            return True
    for p in tok.children:
        if p.dep_ != "prep" or p.lower_ not in {"of", "for"}:
            continue
        for g in p.children:
            if g.dep_ != "pobj" or g.pos_ != "NOUN" or not g.is_lower or ctx.ent_at[g.i] is not None:
                continue
            if any(d.dep_ in {"det", "poss"} for d in g.children) or lemma_of(g) in skip:
                continue
            if f"{phrase} {p.lower_} {g.lower_}" not in ctx.rules["role_phrases"]:
                return True
    return False


def _role_objects(ctx: SentenceContext, tok: Token, rule: dict[str, Any], holders: list[Span]) -> list[Span]:
    """Return what the role `tok` is a role in: its 'of/at/...' phrase (one level down for `deep_preps`, or on a
    coordinated role: 'an author and lecturer at Y'), a possessive or modifier, a name beside a title."""
    objects: list[Span] = []
    title_of = tok.dep_ == "compound" and tok.head.i > tok.i and ctx.ent_at[tok.head.i] is not None
    if rule.get("trail"):
        objects = [e for group in _trail(ctx, tok, rule) for e in group if e not in holders]
    for p in () if rule.get("trail") else rule["preps"]:
        objects += [e for t in _follow(tok, f"prep:{p}") for e in ents_for(ctx, t)]
        if title_of:  # 'Judge X of the Supreme Court': the title's phrase hangs on the name
            objects += [e for t in _follow(tok.head, f"prep:{p}") for e in ents_for(ctx, t)]
    for e in list(objects):  # rule listed_after: 'a member of the A, B, and C', B and C hung elsewhere by the parser
        objects += [n for n in listed_after(ctx, e) if n not in objects]
    if not objects and not rule.get("trail"):
        # 'a researcher on militias at Y' (the 'at' phrase hangs on 'militias'); 'an author and lecturer at Y'
        conjoined = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
        near = [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"] + conjoined
        for p in rule.get("deep_preps", ()):
            heads, p = (conjoined, p[5:]) if p.startswith("conj:") else (near, p)
            objects += [e for n in heads for t in _follow(n, f"prep:{p}") for e in ents_for(ctx, t)]
    modifiers = rule.get("modifiers", "all")
    if modifiers == "possessive":
        objects += [e for c in tok.children if c.dep_ == "poss" for e in ents_for(ctx, c) if e not in holders]
        objects += [e for e in _whose_role(ctx, tok) if e not in holders and e not in objects]
        if lemma_of(tok) in rule.get("staff_nouns", ()):  # 'a Yale historian': an organisation before it employs
            objects += [e for e in _modifier_ents(ctx, tok, exclude=holders) if e.label_ == "ORG" and e not in objects]
        return objects
    if modifiers == "none":
        return objects
    if modifiers == "name":  # 'a Chicago lawyer'; not 'an American lawyer', whose nationality says no place
        return objects + [e for c in tok.children if c.i < tok.i and c.dep_ in {"compound", "nmod"}
                          for e in ents_for(ctx, c) if e not in holders and e not in objects]
    objects += _modifier_ents(ctx, tok, exclude=holders)
    objects += [e for e in role_possessors(ctx, tok, holders) + its_owner(ctx, tok, holders) + _whose_role(ctx, tok)
                if e not in objects and e not in holders]
    if tok.dep_ in {"compound", "amod", "nmod"} and ctx.ent_at[tok.head.i] is not None:
        # 'Qods Force chief Qassem Soleimani': the organisation is a sibling before the title
        for c in tok.head.children:
            e = ctx.ent_at[c.i]
            if c.i < tok.i and e is not None and e not in holders and e not in objects:
                objects.append(e)
    if rule.get("skip_portfolio"):
        # 'Defence Minister X', 'Interior Minister X': a one-word name just before the role is its portfolio
        objects = [e for e in objects if not (len(e) == 1 and e.end == tok.i and e.label_ not in {"NORP", "GPE"})]
    if any(e.label_ == "ORG" for e in objects) or any(
            c.dep_ in {"compound", "nmod"} and c.is_lower and lemma_of(c) in ctx.rules["group_nouns"]
            for c in tok.children):
        # "Iran's Revolutionary Guards chief X": the country qualifies the group X heads; so it does in 'the Iraqi
        # militia leader X', where the group has no name (rule nation_of_unnamed_group); a party's adjective is no
        # nation's ('a Republican member of the Y House' belongs to both)
        objects = [e for e in objects if e.label_ not in {"GPE", "NORP"} or _membership_body(e)]
    return objects


_MEMBERSHIP_HEADS = lexicon.organisations().membership


def _membership_body(ent: Span) -> bool:
    """Return True when a mention names a body whose people are its members, not its staff: a name ending in a
    membership word ('Blue Party', 'Orla Militia') or a party's adjective ('Unity' as NORP)."""
    if ent.label_ == "NORP":
        return party_word(ent.text)
    return ent.label_ == "ORG" and ent[-1].lower_ in _MEMBERSHIP_HEADS


def _trail(ctx: SentenceContext, tok: Token, rule: dict[str, Any]) -> list[list[Span]]:
    """Return the place trail of a place noun (`locations.place_trail`), read once per noun."""
    key = ("trail", tok.i, rule["name"])
    if key not in ctx.memo:
        ctx.memo[key] = place_trail(ctx, tok, rule["trail"], set(rule["trail"]["labels"]))
    return ctx.memo[key]


def _government_of_title(ctx: SentenceContext, tok: Token, rule: dict[str, Any], phrase: str) -> list[Span]:
    """Return the government a minister's title with no body of its own is a role in ('Home Secretary X',
    'the prime minister'): the article's government, as the article names it nearest; [] when it names none."""
    if not (rule.get("government") or phrase in rule.get("government_phrases", ())):
        return []
    if any(c.dep_ in {"prep", "poss"} for c in tok.children):
        return []  # 'a minister in the Blue Party cabinet', "the party's minister": a body of its own, not named
    phrase_tokens = tok.head.subtree if tok.dep_ == "compound" else tok.subtree
    if any(t.i < tok.i and ctx.ent_at[t.i] is not None and ctx.ent_at[t.i].label_ in {"NORP", "GPE", "ORG"}
           for t in phrase_tokens):
        return []  # 'Russian Foreign Minister X': another nation's (or body's) title, whatever the article is about
    found = government_near(ctx.doc, tok.idx)
    if found is None:
        return []
    start, end, text = found
    span = ctx.doc.char_span(start, end) if 0 <= start and end <= len(doc_text(ctx.doc)) else None
    if span is not None and ctx.ent_at[span.start] is not None:
        return [ctx.ent_at[span.start]]
    # named in another paragraph: the title stands in for it, and the evidence shows where it was named
    ctx.stand_ins[tok.i] = Speaker(text, "ORG", start, end)
    return [Span(ctx.doc, tok.i, tok.i + 1, label="ORG")]


def _firm_of_title(ctx: SentenceContext, tok: Token, rule: dict[str, Any], phrase: str,
                   holders: list[Span]) -> list[Span]:
    """Return the organisation a speaker's bare title is held in ('"...," chief executive X said' right after 'Y
    backed the plan'): the organisation the text is about (`organisation_in_focus`), when the title names no body of
    its own, the sentence no other organisation, and its holder speaks; [] otherwise (rule `_in_focus`)."""
    if phrase not in rule.get("firm_phrases", ()) or any(c.dep_ == "poss" for c in tok.children):
        return []
    quoted = quotations(ctx.doc)
    if any(e.label_ in {"ORG", "GPE", "NORP"} and not any(a <= e.start < b for a, b in quoted)
           for e in sent_ents(ctx, ctx.sent_at[tok.i])):
        return []  # 'BT chief executive X', 'X, director of Y', a sentence naming another body (not in the quote)
    speaking = any(h.root.dep_ == "nsubj" and lemma_of(h.root.head) in ctx.rules["reporting_verbs"] for h in holders)
    if not speaking:
        return []
    found = organisation_in_focus(ctx, tok)
    return [found] if found is not None else []


def _ranked_description(tok: Token) -> bool:
    """Whether a noun is a ranked description: a superlative or ordinal before it ("Varnland's largest card
    firm", 'the seventh largest carrier'), or one of a plural ('one of the oldest manufacturers in Y')."""
    if tok.tag_ == "NNS":
        return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "one"
    for c in tok.children:
        if c.dep_ in {"amod", "advmod", "compound"} and c.i < tok.i and (
                c.tag_ == "JJS" or _ordinal(c) or any(g.tag_ == "JJS" or _ordinal(g) for g in c.children)):
            return True
    return False


def _focus_of_description(ctx: SentenceContext, tok: Token, rule: dict[str, Any]) -> list[Span]:
    """Return the organisation the article is about (`focus.focus_near`) as what a ranked firm description with
    no name of its own stands for ("Varnland's largest card firm has averted collapse", 'the seventh largest
    carrier in Y sought protection'; rule suffix `_described`), when its sentence names no organisation; [] else."""
    if not rule.get("focus_description") or tok.pos_ != "NOUN" or not _ranked_description(tok):
        return []
    sent = ctx.sent_at[tok.i]
    if any(e.label_ == "ORG" and e.text[:1].isupper() for e in sent_ents(ctx, sent)):
        return []  # 'X, Varnland's largest firm', or another organisation the description may be ('the government'
        # stands for a nation's, extract/governments)
    found = focus_stand_in(ctx, tok)
    return [found] if found is not None else []


def _as_phrase_verb(role: Token, climb: bool = False) -> Token | None:
    """Return the verb whose 'as' phrase the role noun is ('resigned as chairman', 'hired X as its director'), or
    None. With `climb`, an 'as' phrase the parser hung on a noun is the first verb above it (or the root)."""
    if role.dep_ != "pobj" or role.head.lower_ != "as":
        return None
    verb = role.head.head
    while climb and verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return verb if climb or verb.pos_ in {"VERB", "AUX"} else None


def _phrase_over(role: Token) -> bool:
    """Whether the noun phrase holding a role tells it as over ('X, once one of Y's aides', 'X, formerly head of Y';
    rule state_over): an adverb of STATE_OVER on the role or on the phrase it hangs in, below any verb."""
    cur = role
    for _ in range(4):
        if any(c.dep_ == "advmod" and c.lower_ in STATE_OVER for c in cur.children):
            return True
        if cur.dep_ not in {"pobj", "prep", "appos"} or cur.pos_ in {"VERB", "AUX"}:
            return False
        cur = cur.head
    return False


def _left_as(ctx: SentenceContext, role: Token) -> bool:
    """Whether the role is one its holder leaves or is removed from: 'stepped down as chairman of Y' (rule
    role_left_as: the role is a former one)."""
    verb = _as_phrase_verb(role)
    if verb is None:
        return False
    lemma, verbs = lemma_of(verb), ctx.rules["left_post_verbs"]
    # the parser reads the particle of 'stepped down as' as an adverb as often as a particle
    return lemma in verbs or any(c.dep_ in {"prt", "advmod"} and f"{lemma} {c.lower_}" in verbs for c in verb.children)


def _predecessors(ctx: SentenceContext, role: Token) -> list[Span]:
    """Return who held the role before: 'X succeeded Y as chairman', 'Y was replaced as chairman by X' -> Y."""
    verb = _as_phrase_verb(role)
    if verb is None or lemma_of(verb) not in ctx.rules["succession_verbs"]:
        return []
    return [e for s in patients(verb) for e in ents_for(ctx, s)]


def _role_candidates(ctx: SentenceContext, sent: Span) -> Iterator[_Candidate]:
    for tok in sent_tokens(ctx, sent):
        if ctx.ent_at[tok.i] is not None:
            continue
        if ctx.pos[tok.i] not in {"NOUN", "PROPN"} and not (tok.pos_ == "ADJ" and tok.dep_ in {"amod", "compound"}) \
                and not (tok.pos_ == "ADJ" and any(c.dep_ == "poss" for c in tok.children)):
            continue  # a possessive makes a noun of a word tagged adjective: 'his rival X'
        lemma, lower = lemma_of(tok), tok.lower_
        doc = ctx.doc
        first, hyphened = tok.i, False
        if tok.i + 2 < sent.end and doc[tok.i + 1].text in {"-", "–"} and not tok.whitespace_ \
                and not doc[tok.i + 1].whitespace_:
            # 'Secretary-General' is three tokens: the role is the whole word, its place in the parse the part the
            # other hangs on (the last, or the first when the parser made 'general' its modifier)
            lemma = lower = f"{lower}-{doc[tok.i + 2].lower_}"
            hyphened = True
            if doc[tok.i + 2].head.i != tok.i:
                tok = doc[tok.i + 2]
        elif tok.dep_ == "compound" and lemma_of(tok.head) in ctx.rules["group_nouns"] and tok.head.i == tok.i + 1:
            tok = tok.head  # 'a splinter group of Y': the role is 'splinter', its place in the parse 'group'
        phrase = _role_phrase(ctx, tok, lemma, lower) if first == tok.i and not hyphened else lemma
        if phrase is None:
            continue
        if first == tok.i and not hyphened:
            first = tok.i - phrase.count(" ")
        deputy, former = _rank_and_time(ctx, first)
        former = former or _left_as(ctx, tok)
        over = _phrase_over(tok)  # 'X, once one of Y's aides': a tie over, not a place ('Formerly the centre of ...')
        if first < tok.i:
            # the words of the phrase: 'vice' in 'vice president' and 'ex' in 'ex-minister' are rank and time
            roles = lexicon.roles()
            inner = {doc[i].lower_ for i in range(first, tok.i)}
            deputy = deputy or bool(inner & roles.deputy)
            former = former or bool(inner & roles.former)
        for rule in ctx.rules["role_rules"]:
            if phrase not in rule["nouns"]:
                continue
            holders = _role_holders(ctx, tok)
            signed = _signature(ctx, first, tok, sent)
            if signed is not None:  # 'Ann Roe, CEO, Varn Post Group'
                holders = [signed[0]]
            if not holders and rule.get("of_names"):
                # "Y's capital of X": the 'of' phrase names the holder when a possessor names the object
                named = [e for e in ents_for(ctx, tok, conj=False)]
                holders = named if any(c.dep_ == "poss" for c in tok.children) else []
            listed = listed_places(ctx, tok) if rule.get("of_names") else []
            holders = [h for h in holders if h not in listed]  # 'the villages of A and B': a list, no nesting
            described = not holders and bool(holders := _focus_of_description(ctx, tok, rule))
            if rule.get("subject_labels"):
                holders = [h for h in holders if h.label_ in rule["subject_labels"]]
            if not holders:
                if rule.get("trail"):  # 'is a village in the district of A, within B': A is in B, named X or not
                    yield from _trail_nesting_pairs(ctx, tok, rule)
                continue
            objects = [signed[1]] if signed is not None else _role_objects(ctx, tok, rule, holders)
            if rule.get("object_labels"):
                objects = [e for e in objects if e.label_ in rule["object_labels"]]
            people = all(h.label_ == "PERSON" for h in holders)
            if not objects and people:
                objects = _government_of_title(ctx, tok, rule, phrase)
            implied = not objects and people
            if implied:
                objects = _firm_of_title(ctx, tok, rule, phrase, holders)
            name, predicate = rule["name"], rule["predicate"]
            one_of = not former and rule.get("deputy") and any(c.dep_ == "det" and c.lower_ in {"a", "an"}
                                                               for c in tok.children)
            if one_of:
                # rule role_one_of: 'X, a Red Front commander' is one of its commanders, a member; 'X, an Iraqi
                # commander' says where X is from, not whom X leads
                objects = [e for e in objects if not lexicon.nation_of(e.text)]
                if not objects:
                    continue
            if deputy and rule.get("deputy"):
                name, predicate = f"{name}_deputy", rule["deputy"]
            elif one_of:
                name, predicate = f"{name}_one_of", rule["deputy"]
            elif rule.get("deputy") and _portfolio(ctx, tok, first, phrase):
                if phrase in rule.get("portfolio_staff", ()) and not any(_membership_body(e) for e in objects):
                    name, predicate = f"{name}_portfolio_staff", "employed_by"  # 'Y director of planning X'
                else:
                    name, predicate = f"{name}_portfolio", rule["deputy"]  # 'the election chief' is a member
            if former or (over and predicate in ctx.rules["state_predicates"]):
                name += "_former"
            if implied and objects:
                name += "_in_focus"
            if described:
                name += "_described"
            seats = [e for e in objects if e[-1].lower_ in rule.get("member_heads", ())]
            if seats:  # 'a commissioner of the Y Commission' is one of its members
                yield from _pairs(ctx, {**rule, "name": f"{name}_seat", "predicate": rule["deputy"]}, tok, holders,
                                  seats)
                objects = [e for e in objects if e not in seats]
            yield from _pairs(ctx, {**rule, "name": name, "predicate": predicate}, tok, holders, objects,
                              swap=bool(rule.get("swap")))
            if rule.get("mutual"):
                yield from _pairs(ctx, {**rule, "name": f"{name}_mutual", "predicate": predicate}, tok, holders,
                                  objects, swap=not rule.get("swap"))
            if rule.get("trail"):
                yield from _trail_nesting_pairs(ctx, tok, rule)
            before = [e for e in _predecessors(ctx, tok) if e not in holders and e not in objects]
            if before:  # rule role_succession: the one succeeded held the role before
                yield from _pairs(ctx, {**rule, "name": name if former else f"{name}_former", "predicate": predicate},
                                  tok, before, objects, swap=bool(rule.get("swap")))


def _trail_nesting_pairs(ctx: SentenceContext, tok: Token, rule: dict[str, Any]) -> Iterator[_Candidate]:
    """Yield the pairs of rule place_trail: each place of the trail of place noun `tok` inside the next ('a
    village in A, within B': A is in B)."""
    nested = {**rule, "name": rule["trail"]["name"]}
    listed = listed_places(ctx, tok)  # 'the villages of A, B and C': items of one list
    for inner, outer in trail_nesting(_trail(ctx, tok, rule)):
        if not (inner in listed and outer in listed):
            yield from _pairs(ctx, nested, tok, [inner], [outer])


def _signature(ctx: SentenceContext, first: int, tok: Token, sent: Span) -> tuple[Span, Span] | None:
    """Return (person, organisation) of a signature or contact line, a bare role between two commas: 'Ann Roe,
    CEO, Varn Post Group', 'Tom Vale, editor, Dunmore Herald' (rule signature_role); None otherwise."""
    doc = ctx.doc
    if first - 2 < sent.start or tok.i + 2 >= sent.end or doc[first - 1].text != "," or doc[tok.i + 1].text != ",":
        return None
    person, body = ctx.ent_at[first - 2], ctx.ent_at[tok.i + 2]
    if person is None or body is None or person.end != first - 1 or body.start != tok.i + 2:
        return None
    if person.label_ != "PERSON" or body.label_ != "ORG":
        return None
    return person, body


def _possessive_candidates(ctx: SentenceContext, sent: Span) -> Iterator[_Candidate]:
    for tok in sent_tokens(ctx, sent):
        if tok.dep_ != "poss":
            continue
        if tok.lower_ == "whose":
            owner, suffix = whose_owner(ctx, tok), "_whose"
        elif tok.pos_ == "PRON":
            owner, suffix = _its_owner(ctx, tok), "_its"
        else:
            owner, suffix = ctx.ent_at[tok.i], ""
        if owner is None:
            continue
        head = tok.head
        lemma = lemma_of(head)
        if ctx.ent_at[head.i] is None and any(lemma in r["nouns"] for r in ctx.rules["role_rules"]):
            continue  # "the Blue Party's pointman" is a role, not ownership ("Y's Unit 2" is a name)
        if lemma in ctx.rules["stance_nouns"] and lemma not in ctx.rules["group_nouns"]:
            continue  # "the government's Road Repair Bill" is its act, no part of it (its government is)
        if ctx.ent_at[head.i] is not None:
            # "Y's A and B": both are Y's; not 'and Z's C' or 'and Liberal C', which carry their own modifier
            owned = [e for e in ents_for(ctx, head) if e != owner and (e == ctx.ent_at[head.i] or not any(
                c.dep_ in {"compound", "poss", "amod", "nmod"} and c.i < e.start for c in e.root.children))]
        elif lemma in ctx.rules["group_nouns"]:
            owned = [ctx.ent_at[c.i] for c in head.children
                     if c.dep_ in {"compound", "nmod", "appos"} and ctx.ent_at[c.i] is not None]
        else:
            continue
        for rule in ctx.rules["possessive_rules"]:
            for o in owned:
                if o == owner or owner.label_ not in rule["possessor"] or o.label_ not in rule["possessed"]:
                    continue
                if suffix:
                    rule = {**rule, "name": rule["name"] + suffix}
                if lemma in rule.get("belonging_nouns", ()) and ctx.ent_at[head.i] is None:
                    party = {**rule, "name": "poss_person_party", "predicate": rule["belonging_predicate"]}
                    yield from _pairs(ctx, party, head, [owner], [o])
                elif rule["subject"] == "possessor":
                    yield from _pairs(ctx, rule, head, [owner], [o])
                else:
                    yield from _pairs(ctx, rule, head, [o], [owner])


def _whose_role(ctx: SentenceContext, noun: Token) -> list[Span]:
    """Return the name a 'whose' before a role noun stands for ('X, whose leader, Y, said ...': Y leads X; rule
    whose_role), or []."""
    pronoun = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ == "whose"), None)
    owner = whose_owner(ctx, pronoun) if pronoun is not None else None
    return [owner] if owner is not None else []


def _its_owner(ctx: SentenceContext, pronoun: Token) -> Span | None:
    """Return the organisation an 'its' right before a name stands for ('Y, through its X Force, ...': rule
    poss_org_org_its; see `context.its_owner`), or None: another pronoun, no or several organisations before it, or
    a noun between the pronoun and the name ('its ally X' calls X an ally, not a part)."""
    if pronoun.lower_ != "its":
        return None
    named = ctx.ent_at[pronoun.head.i]
    if named is not None and named.start != pronoun.i + 1:
        return None
    owners = its_owner(ctx, pronoun.head, [])
    return owners[0] if len(owners) == 1 else None


def _modifier_candidates(ctx: SentenceContext, sent: Span) -> Iterator[_Candidate]:
    doc = ctx.doc
    for tok in sent_tokens(ctx, sent):
        if tok.dep_ not in {"amod", "compound", "nmod", "acl"} or tok.tag_ not in {"VBN", "JJ"}:
            continue
        if tok.dep_ == "acl" and tok.i > tok.head.i:
            continue  # post-modifiers ('a militia funded by X') are verb frames
        lemma = lemma_of(tok)
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
            heads = [e for e in modified_names(ctx, tok.head) if e not in modifiers]
            if rule["subject"] == "head":
                yield from _pairs(ctx, rule, tok, heads, modifiers)
            else:
                yield from _pairs(ctx, rule, tok, modifiers, heads)




def _given(ctx: SentenceContext, noun: Token, modifiers: list[Span]) -> tuple[list[Span], list[Span]] | None:
    """Return (givers, receivers) when `noun` is what a giving verb gives ('offered Y support'), else None."""
    verb = noun.head
    if noun.dep_ != "dobj" or lemma_of(verb) not in ctx.rules["giving_verbs"]:
        return None
    givers = [e for t in agents(verb) for e in ents_for(ctx, t)]
    receivers = [e for c in verb.children if c.dep_ == "dative" for e in ents_for(ctx, c)]
    receivers += [e for t in _follow(verb, "prep:to") for e in ents_for(ctx, t)]
    receivers = receivers or modifiers  # the parser often reads 'offered Y support' as 'Y support'
    if not givers or not receivers:
        return None
    return givers, receivers


def _governing_verb(tok: Token) -> Token | None:
    """Return the verb whose object holds the noun, through at most two 'of' phrases ('spent most of his career'),
    or None."""
    head = tok
    for _ in range(3):
        if head.dep_ == "dobj" and head.head.pos_ == "VERB":
            return head.head
        if head.dep_ == "pobj" and head.head.lower_ == "of":
            head = head.head.head
        else:
            return None
    return None


def _noun_candidates(ctx: SentenceContext, sent: Span) -> Iterator[_Candidate]:
    for tok in sent_tokens(ctx, sent):
        if ctx.pos[tok.i] not in {"NOUN", "PROPN"} or ctx.ent_at[tok.i] is not None:
            continue
        lemma = lemma_of(tok)
        hyphened = _hyphened(ctx, tok)  # 'get-together', 'sit-down': the tokenizer splits them at the hyphen
        lower, nouns = tok.lower_, ctx.rules["noun_rule_nouns"]
        if lemma not in nouns and lower not in nouns and hyphened not in nouns:
            continue  # no noun rule names the word: most nouns
        for rule in ctx.rules["noun_rules"]:
            if lemma not in rule["nouns"] and lower not in rule["nouns"] and hyphened not in rule["nouns"]:
                continue
            if lemma in rule.get("singular_only", ()) and tok.tag_ in {"NNS", "NNPS"}:
                continue  # "X's works at Y" are pieces of work, not X working there
            objects: list[Span] = []
            modifiers = [e for e in _modifier_ents(ctx, tok) if not hyphened or e.end <= tok.i - 2]
            given = _given(ctx, tok, modifiers)
            if given is not None:  # 'X offered Y support': X gives, Y receives
                givers, receivers = given
                yield from _pairs(ctx, rule, tok, receivers, givers, swap=bool(rule.get("swap")))
                continue
            if rule.get("given_only"):
                continue  # 'the army seized Iranian rockets' says nothing of who backs whom
            if tok.dep_ == "dobj" and lemma_of(tok.head) in rule.get("ended_by", ()):
                continue  # 'X cut its ties with Y': the tie ends here (rule key ended_by)
            for path in rule["object"]:
                if path == "modifier":
                    objects += modifiers
                elif path.startswith("verb:"):  # 'spent most of his career at Y': the parser hangs it on the verb
                    verb = _governing_verb(tok)
                    objects += [e for t in _follow(verb, path[5:]) for e in ents_for(ctx, t)] if verb else []
                else:
                    reached = _follow(tok, path)
                    if rule.get("stance_possessor"):  # "qualms about Y's plans": about Y
                        reached = _possessor_args(ctx, reached)
                    objects += [e for t in reached for e in ents_for(ctx, t)]
            joined = False
            if not objects and rule.get("joined_verbs") and lemma_of(tok.head) in rule["joined_verbs"] \
                    and tok.dep_ == "dobj" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
                objects = _earlier_meeting(ctx, tok, rule)  # rule suffix _joined: 'Z joined the meeting'
                joined = bool(objects)
            if rule.get("object_labels"):
                objects = [e for e in objects if e.label_ in rule["object_labels"]]
            if not objects:
                continue
            if joined:
                yield from _pairs(ctx, {**rule, "name": f"{rule['name']}_joined"}, tok, clause_agents(ctx, tok),
                                  objects)
                continue
            if rule.get("doer") == "possessor":  # 'my brothers from Y': the possessor (pronouns too) only
                owners = [e for c in tok.children if c.dep_ == "poss" for e in ents_for(ctx, c)]
                yield from _pairs(ctx, rule, tok, owners, objects, swap=bool(rule.get("swap")))
                continue
            if rule.get("doer") == "modifier":  # "X headquarters in Y", "X's base in Y": never the clause's subject
                owners = [e for e in modifiers if e not in objects and e.label_ in rule.get("doer_labels", ("ORG",))]
                yield from _pairs(ctx, rule, tok, owners, objects)
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
            # "the officer's ties to Y": someone unnamed owns them, not the clause's subject ("Iran's support", "his
            # ties" name their owner or let the clause's subject stand for it)
            owned = any(c.dep_ == "poss" and c.pos_ in {"NOUN", "PROPN"} and ctx.ent_at[c.i] is None
                        for c in tok.children)
            if not doers and not phrase and not owned and tok.dep_ not in {"amod", "compound", "nmod"}:
                doers = clause_agents(ctx, tok)  # an adjectival participle ('the Iran- backed militia') has none
                doers += [e for e in accompanied_party(ctx, tok) if e not in doers and e not in objects]
            yield from _pairs(ctx, rule, tok, doers, objects, swap=bool(rule.get("swap")))


def _locative_copula(ctx: SentenceContext, verb: Token) -> bool:
    """Whether a form of 'be' says only where its subject is: no complement ('a lawyer', 'proud') and no phrase of
    a state ('in power', 'in talks', 'at war': a bare noun) beside its place."""
    for c in verb.children:
        if c.dep_ in {"attr", "acomp", "xcomp", "ccomp", "oprd"}:
            return False
        if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.pos_ == "NOUN" and ctx.ent_at[g.i] is None
                                    and not any(d.dep_ in {"det", "poss"} for d in g.children) for g in c.children):
            return False  # a bare noun names a state ('in power'); 'at the border' is a place
    return True


def _hyphened(ctx: SentenceContext, tok: Token) -> str | None:
    """Return the hyphenated word a noun closes ('get-together' for 'together'), or None."""
    i = tok.i
    if i < 2 or ctx.doc[i - 1].text != "-" or ctx.doc[i - 1].whitespace_ or ctx.doc[i - 2].whitespace_:
        return None
    return f"{ctx.doc[i - 2].lower_}-{tok.lower_}"


def _earlier_meeting(ctx: SentenceContext, noun: Token, rule: dict[str, Any]) -> list[Span]:
    """Return who met in the meeting 'the meeting' refers back to: the subject and the 'with' phrase of the last verb
    of meeting (or of a noun of the rule with a 'with' phrase) before `noun`, in its sentence or the one before;
    [] when there is none. 'X met with Y in Beirut. Z joined the get-together' — Z met X and Y."""
    for span in sentence_and_previous(ctx, noun.i):
        for tok in reversed([t for t in span if t.i < noun.i]):
            if tok.pos_ == "VERB" and lemma_of(tok) in rule["joined_verbs_meet"]:
                people = [e for t in agents(tok) for e in ents_for(ctx, t)]
                people += [e for t in _follow(tok, "prep:with") + _follow(tok, "dobj") for e in ents_for(ctx, t)]
            elif tok.pos_ == "NOUN" and tok.i != noun.i and rule["nouns"] & {
                    lemma_of(tok), tok.lower_, _hyphened(ctx, tok)}:
                people = clause_agents(ctx, tok) + [e for t in _follow(tok, "prep:with") for e in ents_for(ctx, t)]
            else:
                continue
            if len(people) >= 2:
                return people
    return []


def _place_chain(ctx: SentenceContext, first: Span, sent: Span, labels: Collection[str] = ()) -> list[Span]:
    """Return the places written one after another from `first`, each after a single comma ('Watts, Los Angeles,
    California'; a place noun may follow a name: 'Ostra district, Tull Province'), `first` included; with `labels`,
    the chain stops before a name of another type ('Hamburg, Germany, Bigpoint keeps ...')."""
    doc, chain = ctx.doc, [first]
    while True:
        j = _after_place_noun(ctx, chain[-1].end, sent)
        if j + 1 >= sent.end or doc[j].text != ",":
            break
        nxt = ctx.ent_at[j + 1]
        if nxt is None or nxt.start != j + 1 or labels and nxt.label_ not in labels:
            break
        if nxt.root.dep_ in {"nsubj", "nsubjpass"} and nxt.root.head.i > nxt.root.i and chain[-1].root.dep_ == "pobj":
            break  # 'In London, Y played ten dates': the name after the phrase's comma opens the clause
        chain.append(nxt)
    return chain


def _after_place_noun(ctx: SentenceContext, i: int, sent: Span) -> int:
    """Return `i`, or the token after it when token `i` is a lower-case place noun ('Ostra district'), or another
    singular noun a comma follows ('Tull mandal, Orla district': a local word for a unit)."""
    tok = ctx.doc[i] if i < sent.end else None
    if tok is None or not tok.is_lower:
        return i
    unit = tok.tag_ == "NN" and i + 1 < sent.end and ctx.doc[i + 1].text == ","
    return i + 1 if tok.lower_ in ctx.rules["place_nouns"] or unit else i


def _list_goes_on(ctx: SentenceContext, i: int, sent: Span) -> bool:
    """Return True when the words from token `i` carry a list on to another name: 'and Y', ', and the Y', 'or Y'."""
    doc = ctx.doc
    if i < sent.end and doc[i].text == ",":
        i += 1
    if i >= sent.end or doc[i].lower_ not in {"and", "or"}:
        return False
    i += 1
    if i < sent.end and doc[i].lower_ == "the":
        i += 1
    return i < sent.end and ctx.ent_at[i] is not None


def _series_end(ctx: SentenceContext, i: int, sent: Span) -> int:
    """Return the token after the names that go on from token `i` one after another with single commas (', Dorn
    Pike, Vell' in 'Tull, Osla, Dorn Pike, Vell and Kest'), or `i` where no name follows a comma there."""
    doc = ctx.doc
    while i + 1 < sent.end and doc[i].text == ",":
        nxt = ctx.ent_at[i + 1]
        if nxt is None or nxt.start != i + 1:
            break
        i = nxt.end
    return i


def _chain_opener(ctx: SentenceContext, ent: Span, rule: dict[str, Any]) -> bool:
    """Return True when `ent` may open a chain of places: a place, or a building or site ('the Orla Museum,
    Ostrava'; an organisation only when its name ends in such a word, 'Brennick University, Varnland', or opens with
    such a word of another language, 'Palais Brenner in Tull')."""
    if ent.label_ in rule["labels"]:
        return True
    first = ent[1] if len(ent) > 2 and ent[0].lower_ == "the" else ent[0]
    site = ent[-1].lower_ in ctx.rules["site_nouns"] or len(ent) > 1 and first.lower_ in ctx.rules["site_openers"]
    return ent.label_ == "FAC" or ent.label_ in rule["site_labels"] and site


def _place_pair_candidates(ctx: SentenceContext, sent: Span) -> Iterator[_Candidate]:
    """'Springfield, Illinois', 'Watts, Los Angeles, California': places named one after another with commas, each
    inside the ones after it. Not in a list ('Lisbon, Madrid and Rome'), and never a country inside another place."""
    doc, rule = ctx.doc, ctx.rules["place_pair_rule"]
    for comma in sent_tokens(ctx, sent):
        if comma.text != "," or comma.i == sent.start or comma.i + 1 >= sent.end:
            continue
        a = ctx.ent_at[comma.i - 1]
        if a is None and comma.i - 2 >= sent.start and _after_place_noun(ctx, comma.i - 1, sent) == comma.i:
            a = ctx.ent_at[comma.i - 2]  # 'Ostra district, Tull Province'
        if a is None or _after_place_noun(ctx, a.end, sent) != comma.i:
            continue
        before = doc[a.start - 1] if a.start > sent.start else None
        if before is not None and before.text == "," and ctx.ent_at[before.i - 1] is not None:
            continue  # inside a chain (read from its first place)
        chain = _place_chain(ctx, a, sent, rule["labels"])
        if before is not None and before.lower_ in {"and", "or"} and not _ends_in_country(chain):
            continue  # at the end of a list ('Lisbon, Madrid and Rome'); 'Tull, Spain and Osla, Italy' pairs each
        # an organisation whose name says so opens a chain too ('the Varn Institute of Music, Tull, Orla': rule
        # place_org_comma); not a force, a party or a bare name (`_stationary_body`)
        body = not _chain_opener(ctx, a, rule) and a.label_ in rule["site_labels"] and _stationary_body(a)
        if len(chain) < 2 or not (body or _chain_opener(ctx, a, rule)):
            continue
        # 'Portugal, Spain, Italy': a country is never inside the place after it; 'Lisbon, Portugal, Tull, Varnland'
        # is two chains, each ending in its country
        segments = _country_segments(chain)
        if any(len(seg) > rule["longest_chain"] for seg in segments):
            continue
        if _list_goes_on(ctx, _series_end(ctx, chain[-1].end, sent), sent) and not (
                _ends_in_country(chain) and all(len(seg) <= 2 for seg in segments)):
            continue  # '..., Lisbon, Madrid and Rome' ends a list, and so do 'Tull, Osla, Dorn Pike and Vell' (the
            # names go on past the places) and 'Lisbon, Tull, Portugal and Rome'; 'Lisbon, Portugal and Tull, Spain'
            # pairs each place with its country
        nxt = doc[chain[-1].end] if chain[-1].end < sent.end else None
        if nxt is not None and not (nxt.is_lower or nxt.text in rule["chain_enders"]):
            continue  # 'Lisbon, Tull - Varn / ...': the names go on in a way a chain of places does not
        if nxt is not None and nxt.tag_ == "POS" and lemma_of(nxt.head) not in ctx.rules["place_nouns"] \
                and nxt.head.lower_ not in lexicon.places().relational:
            continue  # 'X, Valdora's first moon rover': whose thing X is, not where ('Y, Valdora's capital' is)
        for seg in segments:
            if len(segments) > 1 and lexicon.nation_of(seg[-1].text) is None:
                continue  # a tail after the last country ('Lisbon, Portugal, Tull, Orla'): no country says where
            for i, inner in enumerate(seg[:-1]):
                for outer in seg[i + 1:]:
                    name = rule["organisation_name"] if body and inner is a else rule["name"]
                    yield _Candidate(name, rule["predicate"], arg_for(ctx, inner), arg_for(ctx, outer), inner.root)


def _ends_in_country(chain: list[Span]) -> bool:
    """Return True when a comma chain of places opens with a place that is no country and ends in a country ('Tull,
    Portugal'): a pair that says where its place is even as an item of a list ('Tull, Portugal and Osla, Spain')."""
    return len(chain) > 1 and lexicon.nation_of(chain[0].text) is None and lexicon.nation_of(chain[-1].text) is not None


def _country_segments(chain: list[Span]) -> list[list[Span]]:
    """Return a comma chain of places cut after each country it names: 'Lisbon, Portugal, Tull, Varnland' ->
    [[Lisbon, Portugal], [Tull, Varnland]]; 'Portugal, Spain' -> [[Portugal], [Spain]]; a chain naming no country
    before its end is one segment."""
    segments: list[list[Span]] = [[]]
    for place in chain:
        segments[-1].append(place)
        if lexicon.nation_of(place.text) is not None:
            segments.append([])
    return [seg for seg in segments if seg]


_ARMED = lexicon.organisations().armed


def _stationary_body(ent: Span) -> bool:
    """Whether an organisation's 'in' phrase says where it is: a name that says it names an organisation
    (`pages.organisation_named`: 'the Orla Press', 'the Varn Institute of Music'), its last word capitalised and no
    armed force ('Varnish forces in Y', 'the Orla Army in Y' are sent there, they are not based there); a bare name the
    model calls an organisation may be a person's ('X (1927 in Y - 2008)'), and a party's 'in' phrase names its
    members there."""
    last = ent[-1]
    if _membership_body(ent):
        return False  # 'the Harbour Party in Varnland': its members there, not its seat
    return organisation_named(ent.text) and last.text[:1].isupper() and lemma_of(last).lower() not in _ARMED \
        and last.lower_ not in _ARMED


def _place_in_candidates(ctx: SentenceContext, sent: Span) -> Iterator[_Candidate]:
    """'Hamburg in northern Germany', 'the Orla River in Varn District': a place with an 'in' phrase naming a place is
    inside it. Never a country inside another place; not after 'from' ('officials from X in Y' met in Y)."""
    rule = ctx.rules["place_in_rule"]
    seen: set[int] = set()
    for tok in sent_tokens(ctx, sent):
        ent = ctx.ent_at[tok.i]
        if ent is None or ent.start in seen or tok.i != ent.root.i:
            continue
        # a place, a building, or an organisation named by a site word ('Arnold School in Y'); any other
        # organisation whose own 'in' phrase names a place is there too ('the Orla Press in Tull': rule place_org_in)
        name = rule["name"] if _chain_opener(ctx, ent, rule) else rule["organisation_name"] \
            if ent.label_ in rule["organisation_labels"] and _stationary_body(ent) else None
        if name is None:
            continue
        seen.add(ent.start)
        if lexicon.nation_of(ent.text) is not None or tok.dep_ == "pobj" and tok.head.lower_ in rule["not_after"] \
                and lemma_of(tok.head.head) not in rule["near_words"] and not site_named(ctx, ent):
            continue  # 'close to X in Y' is X in Y, and so is 'graduated from X Academy in Y': a site stays put
        for p in tok.children:
            if p.dep_ != "prep" or p.lower_ != "in":
                continue
            for g in p.children:
                outer = ctx.ent_at[g.i] if g.dep_ == "pobj" else None
                if outer is not None and outer != ent and outer.label_ in rule["container_labels"] and not (
                        name != rule["name"] and outer.text in ctx.rules["page_country_rule"]["larger"]):
                    for inner in [ent, *places_listed_before(ctx, ent, rule["labels"])]:
                        yield _Candidate(name, rule["predicate"], arg_for(ctx, inner), arg_for(ctx, outer), tok)
    for inner, outer, word in adjacent_in_pairs(ctx, sent, lambda e: _chain_opener(ctx, e, rule), rule):
        name = rule["comma_name"] if word.i > inner.end else rule["adjacent_name"]
        yield _Candidate(name, rule["predicate"], arg_for(ctx, inner), arg_for(ctx, outer), word)


def _person_of_candidates(ctx: SentenceContext, sent: Span) -> Iterator[_Candidate]:
    """'Roger Vale of the Harbour Party said ...': a person's name with an 'of' phrase naming a group is a member."""
    rule = ctx.rules["person_of_rule"]
    for tok in sent_tokens(ctx, sent):
        ent = ctx.ent_at[tok.i]
        if ent is None or ent.label_ != "PERSON" or tok.i != ent.root.i:
            continue
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                # 'X and Y of Z': the phrase after Y is Y's, though the parser hangs it on X
                between = [ctx.ent_at[c.i] for c in tok.conjuncts if tok.i < c.i < p.i]
                member = between[-1] if between else ent
                if member is None or member.label_ != "PERSON":
                    continue
                for g in p.children:
                    group = ctx.ent_at[g.i] if g.dep_ == "pobj" else None
                    if group is not None and group.label_ in rule["object_labels"]:
                        yield _Candidate(rule["name"], rule["predicate"], arg_for(ctx, member), arg_for(ctx, group),
                                         tok)


def _group_of_person_candidates(ctx: SentenceContext, sent: Span) -> Iterator[_Candidate]:
    """'the militia of the cleric X', 'the Blue Army of X', 'the Red Front under X', 'Ostria under X': a group
    (a name, or a group noun standing for one) with an 'of' or 'under' phrase naming a person is led by that
    person. The 'of' phrase of a name needs a person named in full (not 'the Society of Jesus')."""
    rule = ctx.rules["group_of_person_rule"]
    for tok in sent_tokens(ctx, sent):
        ent = ctx.ent_at[tok.i]
        named = ent is not None and tok.i == ent.root.i and ent.label_ in rule["group_labels"]
        if not named and not (ent is None and lemma_of(tok) in ctx.rules["group_nouns"] and tok.pos_ == "NOUN"):
            continue
        for p in tok.children:
            if p.dep_ != "prep" or p.lower_ not in rule["preps"]:
                continue
            if named and ent.label_ not in rule["labels_by_prep"][p.lower_]:
                continue
            people = [e for g in p.children if g.dep_ == "pobj" for e in ents_for(ctx, g, conj=False)
                      if e.label_ == "PERSON"]
            if named and p.lower_ == "of":
                people = [e for e in people if len(e) > 1]
            if len(people) > 1:
                continue  # 'an alliance of X and Y': its members, not a leader
            groups = [ent] if named else [e for e in ents_for(ctx, tok, conj=False)
                                          if e.label_ in rule["group_labels"]]
            for person in people:
                for group in groups:
                    yield _Candidate(rule["name"], rule["predicate"], arg_for(ctx, person), arg_for(ctx, group), p)


def _unit_of_candidates(ctx: SentenceContext, sent: Span) -> Iterator[_Candidate]:
    """'the Ostra Brigade of the Red Front', 'the Harbour Unit of the Blue Guard': an organisation named with
    'the' and an 'of' phrase naming one other organisation is a unit of it (rule unit_of_body)."""
    rule = ctx.rules["unit_of_rule"]
    for ent in sent_ents(ctx, sent):
        root = ent.root
        if ent.label_ != "ORG" or not any(c.dep_ == "det" and c.lower_ == "the" for c in root.children):
            continue
        for p in root.children:
            if p.dep_ != "prep" or p.lower_ != "of":
                continue
            bodies = [ctx.ent_at[g.i] for g in p.children if g.dep_ == "pobj" and ctx.ent_at[g.i] is not None]
            listed = bodies and any(c.dep_ == "conj" for c in bodies[0].root.children)
            if len(bodies) == 1 and bodies[0].label_ == "ORG" and not listed:
                yield _Candidate(rule["name"], rule["predicate"], arg_for(ctx, ent), arg_for(ctx, bodies[0]), p)



def _unit_comma_candidates(ctx: SentenceContext, sent: Span) -> Iterator[_Candidate]:
    """'the Faculty of Economics, University of Tull', 'Department of Physics, Orla College': an organisation whose
    name opens with a unit word, then a comma and an organisation whose name does not, is a unit of it (rule
    unit_comma_body); not in a list ('the Faculty of Law, the Faculty of Arts and the School of X')."""
    rule = ctx.rules["unit_comma_rule"]
    units = rule["unit_words"]
    ents = [e for e in sent_ents(ctx, sent) if e.label_ == "ORG"]
    doc = ctx.doc
    for unit, body in zip(ents, ents[1:], strict=False):
        if unit[0].text not in units or body[0].text in units or body.start != unit.end + 1 \
                or doc[unit.end].text != ",":
            continue
        after = doc[body.end] if body.end < sent.end else None
        if after is not None and (after.dep_ == "cc" or after.text == "," and any(
                t.dep_ == "cc" for t in doc[body.end: min(sent.end, body.end + 6)])):
            continue  # the list goes on
        yield _Candidate(rule["name"], rule["predicate"], arg_for(ctx, unit), arg_for(ctx, body), doc[unit.end])


def party_word(text: str) -> bool:
    """Return True when a capitalised NORP span may name a party or movement ('Tory', 'Liberal Democrat'): it
    names no nation and no people or faith."""
    singular = text.removesuffix("s")  # 'Americans', 'Albanians': the people of a nation
    if lexicon.nation_of(text) is not None or lexicon.nation_of(singular) is not None \
            or demonym_shaped(singular):
        return False
    peoples = lexicon.not_entities().peoples
    return not any(w.lower() in peoples or w.lower().rstrip("s") in peoples for w in text.split())


def _party_before(ctx: SentenceContext, ent: Span, sent: Span) -> tuple[Span | None, str]:
    """Return the span right before a person's name, or before the title that opens it when that title ends in a
    noun of the rule's `spoken_for_class` ('Liberal Democrat transport spokesman X'), and the rule suffix to use."""
    party = ctx.ent_at[ent.start - 1]
    if party is not None:
        return party, ""
    title = title_before(ent)
    nouns = lexicon.roles().classes.get(ctx.rules["party_person_rule"]["spoken_for_class"], frozenset())
    first = ent.start - 1 - title.count(" ") if title else ent.start
    if title is None or title.rsplit(" ", 1)[-1] not in nouns or first - 1 < sent.start:
        return None, ""
    return ctx.ent_at[first - 1], "_spokesperson"


def _party_person_candidates(ctx: SentenceContext, sent: Span) -> Iterator[_Candidate]:
    """'Liberal Democrat Ann Fell said ...': a party's adjective right before a person's name makes a member; so
    does one before a party spokesperson's title ('Liberal Democrat transport spokesman Ann Fell')."""
    rule = ctx.rules["party_person_rule"]
    for ent in sent_ents(ctx, sent):
        if ent.label_ != "PERSON" or ent.start <= sent.start:
            continue
        party, suffix = _party_before(ctx, ent, sent)
        if party is None or party.label_ not in rule["object_labels"] or not party.text[:1].isupper():
            continue
        if not party_word(party.text):
            continue
        members = [ent]
        if party.text.endswith("s"):
            # 'including Greens Tom Vale and Ann Roe': a party's plural names every person of the list it opens
            members += [e for e in ents_for(ctx, ent.root) if e != ent and e.label_ == "PERSON"]
        for member in members:
            yield _Candidate(rule["name"] + suffix, rule["predicate"], arg_for(ctx, member), arg_for(ctx, party),
                             ent.root)


def _clause_candidates(ctx: SentenceContext, sent: Span) -> Iterator[_Candidate]:
    """Candidates of the clause rules (extract/clauses.py): 'X is close to Y', 'talks between X and Y'."""
    for rule, subjects, objects, anchor in clause_pairs(ctx, sent):
        yield from _pairs(ctx, rule, anchor, subjects, objects)


def _place_noun_candidates(ctx: SentenceContext, sent: Span) -> Iterator[_Candidate]:
    """'the Ostra region of Varnland', "Varnland's Ostra district" (extract/locations.py)."""
    rule = ctx.rules["place_noun_rule"]
    for inner, outer, noun in place_noun_pairs(ctx, sent):
        if inner.label_ in rule["labels"] and outer.label_ in rule["container_labels"]:
            yield _Candidate(rule["name"], rule["predicate"], arg_for(ctx, inner), arg_for(ctx, outer), noun)


def _bracket_country_candidates(ctx: SentenceContext, sent: Span) -> Iterator[_Candidate]:
    """'the Labour Party (Varnland)', 'Orla Station (Varnish)': a name's country in brackets (extract/locations.py)."""
    rule = ctx.rules["bracket_country_rule"]
    for inner, country, bracket in bracketed_country_pairs(ctx, sent, rule["labels"]):
        yield _Candidate(rule["name"], rule["predicate"], arg_for(ctx, inner), arg_for(ctx, country), bracket)


def _example_place_candidates(ctx: SentenceContext, sent: Span) -> Iterator[_Candidate]:
    """'buildings in Tull, such as the Orla Museum and the Varn Palace': the examples are in Tull (rule
    place_examples_in, extract/locations.py)."""
    rule = ctx.rules["example_place_rule"]
    for example, place, noun in example_place_pairs(ctx, sent, rule):
        yield _Candidate(rule["name"], rule["predicate"], arg_for(ctx, example), arg_for(ctx, place), noun)


def _demonym_place_candidates(ctx: SentenceContext, sent: Span) -> Iterator[_Candidate]:
    """'the Varnian city of Osla', 'the Varnian towns of Tull and Brenna': the places a place noun
    qualified by a nationality word names in its 'of' phrase are in that nation (rule demonym_place_of)."""
    rule = ctx.rules["demonym_place_rule"]
    nouns = lexicon.places().nouns
    for tok in sent_tokens(ctx, sent):
        if not tok.is_lower or lemma_of(tok) not in nouns or ctx.ent_at[tok.i] is not None:
            continue
        nations = [ctx.ent_at[c.i] for c in tok.children if c.dep_ in {"amod", "compound"}
                   and ctx.ent_at[c.i] is not None and ctx.ent_at[c.i].label_ in {"GPE", "NORP"}
                   and lexicon.nation_of(ctx.ent_at[c.i].text)]
        if len(nations) != 1:
            continue
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                places = [e for g in p.children if g.dep_ == "pobj" for e in ents_for(ctx, g)
                          if e.label_ in rule["labels"] and e != nations[0]]
                for place in places:
                    yield _Candidate(rule["name"], rule["predicate"], arg_for(ctx, place), arg_for(ctx, nations[0]),
                                     tok)


_NATION_BODIES = lexicon.national_bodies().nation_bodies


def _national_body_candidates(ctx: SentenceContext, sent: Span) -> Iterator[_Candidate]:
    """'Chile faces a bill, its central bank says', "Chile's foreign ministry": a national body written without
    its nation (extract/governments.py) is in that nation when its sentence names the nation (rule
    national_body_home); a government is not: it is the nation's own."""
    rule = ctx.rules["national_body_rule"]
    ents = sent_ents(ctx, sent)
    for body in ents:
        refers = body._.get(REFERS_ATTR) if body.label_ == "ORG" else None
        wording = next((w for w in _NATION_BODIES if refers and refers.endswith(f" {w}")), None)
        if wording is None:
            continue
        nation = refers[: -len(wording) - 1]
        for place in ents:
            # the model writes a country's name as a person's now and then ('Sri Lanka faces ...' as PERSON)
            if lexicon.nation_of(place.text) == nation and (place.label_ in rule["object_labels"] or len(place) > 1):
                where = Arg(place.text, place.start_char, place.end_char, "GPE")
                yield _Candidate(rule["name"], rule["predicate"], arg_for(ctx, body), where, body.root)
                break


def _teacher_candidates(ctx: SentenceContext, sent: Span) -> Iterator[_Candidate]:
    """'X studied under Z at Y', 'Y, where he was a pupil of Z': Z taught at Y (rule teacher_at, extract/teachers)."""
    rule = ctx.rules["teacher_rule"]
    for teacher, school, verb in teachers_at(ctx, sent, rule):
        yield _Candidate(rule["name"], rule["predicate"], arg_for(ctx, teacher), arg_for(ctx, school), verb)


# the matchers that need only the sentence context; verb frames, matched first, also need the verb rule index
MATCHERS = (_role_candidates, _possessive_candidates, _modifier_candidates, _noun_candidates,
            _place_pair_candidates, _place_in_candidates, _person_of_candidates, _group_of_person_candidates,
            _unit_of_candidates, _unit_comma_candidates, _party_person_candidates, _clause_candidates,
            _place_noun_candidates, _demonym_place_candidates, _national_body_candidates,
            _bracket_country_candidates, _example_place_candidates, _teacher_candidates)


def _label_ok(label: str, allowed: frozenset[str]) -> bool:
    if label in allowed:
        return True
    # persons are labelled well (titles, full names, article-wide votes); it is names of people
    # that get ORG or NORP, so those may stand in for a person but a person never for a group
    return label in AGENTIVE and label != "PERSON" and bool(allowed & {"PERSON", "ORG"})


def _type_ok(pred: Predicate | None, cand: _Candidate) -> bool:
    if pred is None:
        return True
    return _label_ok(cand.subject.label, pred.subject) and _label_ok(cand.object.label, pred.object)


# rule kinds that name a standing tie ('Asaib's leader X'), true even inside a plan or an offer
_STATE_RULES = ("role_", "poss_", "mod_")
# rules that read where a place is from how it is written ('X, Y', 'X in Y'): the clause around it may be denied
# ('halted flights to X in Y') or planned, the place stays where it is
_PLACE_RULES = ("place_",)


@dataclass(frozen=True)
class RelationRules:
    """What the engine reads besides the sentence context, prepared once per rule file: the predicate
    vocabulary, and the verb rules indexed by lemma."""

    predicates: dict[str, Predicate]
    verb_rules: dict[str, list[dict[str, Any]]]  # lemma -> the rules for it and for any verb, in table order
    any_verb_rules: list[dict[str, Any]]  # the rules for any verb ('*'), for lemmas no rule names
    # id of each verb rule -> the words its paths need of a sentence (`_rule_needs`)
    needs: dict[int, tuple[_Needs, tuple[_Needs, ...] | None]]
    phrasal_firsts: frozenset[str]  # what a verb's lemma is before a particle in a rule's lemma ('set' of 'set up')

    @classmethod
    def build(cls, tables: dict[str, Any], predicates: dict[str, Predicate]) -> RelationRules:
        """Return the engine's tables for the rule tables `tables` (from `load_rules`) and `predicates`."""
        by_lemma, wildcard = _verb_rules_by_lemma(tables["verb_rules"])
        needs = {id(rule): _rule_needs(rule) for rule in tables["verb_rules"]}
        firsts = frozenset(lemma[:k] for lemma in by_lemma for k, ch in enumerate(lemma) if ch == " ")
        return cls(predicates, by_lemma, wildcard, needs, firsts)


def _candidates(ctx: SentenceContext, sent: Span, rules: RelationRules) -> Iterator[_Candidate]:
    """Yield what every matcher finds in `sent`, verb frames first."""
    yield from _verb_candidates(ctx, sent, rules)
    for matcher in MATCHERS:
        yield from matcher(ctx, sent)


def _based_places(ctx: SentenceContext, sent: Span) -> set[int]:
    """Return the start tokens of the places written as '<place>-based' in `sent` ('the Doha-based channel')."""
    doc, out = ctx.doc, set()
    lowered = span_text(sent).lower()
    if "based" not in lowered and "headquartered" not in lowered:
        return out  # neither word is in the sentence
    for tok in sent_tokens(ctx, sent):
        if tok.lower_ not in {"based", "headquartered"} or tok.i == sent.start:
            continue
        j = tok.i - 1
        if doc[j].text in {"-", "–"} and not doc[j].whitespace_ and j > sent.start:
            j -= 1
        elif doc[j].whitespace_:
            continue
        ent = ctx.ent_at[j]
        if ent is not None and ent.end == j + 1 and not doc[j].whitespace_:
            out.add(ent.start_char)
    return out


def _as_state(ctx: SentenceContext, arg: Arg) -> Arg:
    """Return the country a capital stands for as an actor ('Moscow' -> Russia, its span kept), else `arg`."""
    country = ctx.rules["capitals"].get(arg.text) if arg.label in {"GPE", "LOC"} else None
    return Arg(country, arg.start, arg.end, "GPE") if country else arg


def relations_in_sentence(ctx: SentenceContext, sent: Span, offset: int, date: str | None,
                          rules: RelationRules) -> list[Relation]:
    """Return the relations one sentence states (offsets are doc char offsets + `offset`)."""
    vocab = rules.predicates
    out: list[Relation] = []
    seen: set[tuple[int, int, str, int, int]] = set()
    based = _based_places(ctx, sent)
    as_state = ctx.rules.get("capital_as_state", {})
    for cand in _candidates(ctx, sent, rules):
        s, o = cand.subject, cand.object
        place_only = ctx.rules["based_place_predicates"]
        if based and (s.start in based or o.start in based) and cand.predicate not in place_only:
            continue  # 'the Doha-based channel': Doha says where the channel is, it does nothing
        if "subject" in as_state.get(cand.predicate, ()):
            s = _as_state(ctx, s)
        if "object" in as_state.get(cand.predicate, ()):
            o = _as_state(ctx, o)
        if (s.start, s.end) == (o.start, o.end) or s.text.lower() == o.text.lower():
            continue
        if not _type_ok(vocab.get(cand.predicate), cand):
            continue
        key = (s.start, s.end, cand.predicate, o.start, o.end)
        if key in seen:
            continue
        mod = modality_memo(ctx.memo, cand.anchor)
        if mod.irrealis and not mod.negated and not cand.rule.startswith(_STATE_RULES + _PLACE_RULES):
            continue  # an offer or a plan is not a fact; a role named inside one still holds
        negated = mod.negated and not cand.rule.startswith(_PLACE_RULES)
        rule = cand.rule
        if not rule.endswith("_former") and cand.predicate in ctx.rules["state_predicates"] \
                and told_as_over(cand.anchor):
            rule += "_former"  # rule state_over: 'X no longer leads Y', 'X, who once led Y'
        seen.add(key)
        start, end = evidence_bounds(ctx, sent, (s, o))  # a reference keeps its antecedent's sentence too
        out.append(Relation(
            subject=s.text, predicate=cand.predicate, object=o.text,
            subject_span=(s.start + offset, s.end + offset), object_span=(o.start + offset, o.end + offset),
            start=start + offset, end=end + offset, rule=rule,
            negated=negated, attributed_to=mod.attributed_to, hedged=mod.hedged,
            date=None if rule.endswith("_former") else date,  # a former role is not of the sentence's day
        ))
        if cand.predicate == "founded" and s.label == "PERSON" and not negated and _founders_join(ctx, o):
            key = (s.start, s.end, "member_of", o.start, o.end)
            if key not in seen:
                seen.add(key)
                out.append(replace(out[-1], predicate="member_of", rule=cand.rule + "_member"))
    return out + _within(out, ctx.rules["within_rule"])


def _founders_join(ctx: SentenceContext, arg: Arg) -> bool:
    """Return True when the organisation `arg` names counts its founders among its members (extract/founders.py)."""
    name = ctx.doc.char_span(arg.start, arg.end, alignment_mode="expand")
    return name is not None and founders_join(name)


def _within(found: list[Relation], rule: dict[str, Any]) -> list[Relation]:
    """Return the relations to the larger places of `found`'s objects: a visit to a place the sentence puts in
    another ('X was at the Blue Gate in Tull': Blue Gate located_in Tull) is a visit to that place too."""
    outer_of: dict[tuple[int, int], list[Relation]] = {}
    for r in found:
        if r.predicate == "located_in" and not r.negated:
            outer_of.setdefault(r.subject_span, []).append(r)
    if not outer_of:
        return []
    have = {(r.subject_span, r.predicate, r.object_span) for r in found}
    out: list[Relation] = []
    for r in found:
        if r.predicate not in rule["predicates"] or r.negated:
            continue
        for place in outer_of.get(r.object_span, ()):
            key = (r.subject_span, r.predicate, place.object_span)
            if key in have or place.object_span == r.subject_span:
                continue
            have.add(key)
            out.append(replace(r, object=place.object, object_span=place.object_span, rule=r.rule + rule["suffix"]))
    return out
