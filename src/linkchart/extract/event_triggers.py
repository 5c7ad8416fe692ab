"""Which event a word starts, read from the construction around it rather than from the word alone.

A trigger is a lemma of the event lexicon (`lexicon.events().triggers`); a particle verb is looked up with its
particle ('step down', 'take over'), a noun with the noun before it ('hunger strike'). A frame verb
(`lexicon.event_frames()`) starts an event only with one of its argument nouns: 'posted a loss' and 'returned to
profit' are results ('reported no results' is none), 'shares rose' a market move, 'won the seat' an election,
'signed a deal' a deal, 'published a report' a publication, 'took the helm' an appointment. Then the
construction may change the kind: 'agreed that ...' is a statement, not a deal; 'attacked the plans' (frame
`criticism`) or 'attacked X over Y' a criticism, not an attack; a word of violence under a figurative modifier
('price war', 'legal battle', 'a war of words') is no event.
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from linkchart import lexicon
from linkchart.extract.context import unrelativise

_EVENTS = lexicon.events()
_VERBAL = {"VERB", "AUX"}
# kinds of violence a figurative modifier takes back ('price war', 'legal battle')
_VIOLENT_KINDS = {"attack", "war", "death"}
_REFLEXIVE = {"itself", "themselves", "himself", "herself"}
# object dependencies a frame reads, and the prepositions that carry a frame's noun ('returned to profit')
_OBJECT_DEPS = {"dobj", "attr", "oprd"}
_FRAME_PREPS = {"to", "into", "on", "for", "in"}


def _lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    if tok.tag_ in {"VBD", "VBN"} and tok.lower_.endswith("ed") and lemma == tok.lower_[:-1] \
            and lemma not in _KNOWN_VERBS and tok.lower_[:-2] in _KNOWN_VERBS:
        return tok.lower_[:-2]  # the lemmatizer reads an '-ed' it does not know as a verb in '-e': 'deselecte'
    return lemma


def frame_nouns(verb: Token) -> tuple[list[Token], list[Token]]:
    """Return (object-like nouns, subject nouns) of a verb for the frames: its objects, the objects of its
    prepositions, its passive subject; and its active subject."""
    objects = [c for c in verb.children if c.dep_ in _OBJECT_DEPS or c.dep_ == "nsubjpass"]
    objects += [g for c in verb.children if c.dep_ in {"prep", "dative"} and c.lower_ in _FRAME_PREPS
                for g in c.children if g.dep_ == "pobj"]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in {"NOUN", "PROPN"}:
        objects.append(verb.head)  # 'a study released on Thursday', 'the deal signed in May': what is acted on
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "conj" and verb.head.pos_ in _VERBAL:
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]  # 'shares opened and rose'
    return objects, subjects


@functools.cache
def _frames_by_verb() -> dict[str, list[lexicon.EventFrame]]:
    """Return, for each verb of the event frames, the frames it is the verb of, in file order."""
    out: dict[str, list[lexicon.EventFrame]] = {}
    for frame in lexicon.event_frames():
        for verb in frame.verbs:
            out.setdefault(verb, []).append(frame)
    return out


def frame_kind(tok: Token) -> str | None:
    """Return the kind of the first frame whose verb `tok` is and whose noun it has, else None."""
    frames = _frames_by_verb().get(_lemma(tok))
    if not frames:
        return None
    objects, subjects = frame_nouns(tok)
    objects = [t for t in objects if not any(c.dep_ == "det" and c.lower_ == "no" for c in t.children)
               and not (t.ent_type_ in {"DATE", "TIME"} and t.dep_ == "pobj")]  # 'went there in March': no march
    object_lemmas = {_lemma(t) for t in objects} | {t.lower_ for t in objects} | {
        f"{c.lower_} {_lemma(t)}" for t in objects for c in t.children
        if c.dep_ in {"compound", "amod"} and c.i == t.i - 1}  # 'prison sentence', 'chief executive'
    subject_lemmas = {_lemma(t) for t in subjects} | {t.lower_ for t in subjects}
    # a person as the direct object ('sacked John Roe', 'ousted him'); not a prepositional one ('fired on X')
    direct_labels = {"PERSON" if t.lower_ in _PERSONAL_OBJECTS else t.ent_type_ for t in objects
                     if t.dep_ in {"dobj", "nsubjpass"}}
    for frame in frames:
        if frame.kind == "protest" and any(_lemma(t) == "strike" and labour_strike(t) is False for t in objects):
            continue  # 'staged an air strike on X' is an attack
        if object_lemmas & frame.objects or subject_lemmas & frame.subjects or direct_labels & frame.object_labels:
            return frame.kind
    return None


_PERSONAL_OBJECTS = lexicon.grammar().object_pronouns  # 'him', 'her'; not 'them', which may stand for things


def lookup_kind(tok: Token, kinds: dict[str, str]) -> str | None:
    """Return the kind of event the word `tok` names by itself: its particle verb ('step down'), its noun
    compound ('hunger strike'), its lemma; or None."""
    lemma = _lemma(tok)
    if tok.tag_ == "VBN" and lemma not in kinds and tok.lower_ in kinds and tok.lower_ not in _OTHER_PARTICIPLES:
        return kinds[tok.lower_]  # 'born' (lemma 'bear', which starts nothing: 'bore the brunt'); not 'found' (find)
    if tok.pos_ in _VERBAL:
        for c in tok.children:
            # 'stepped down' is often advmod; 'walked free' an adjectival complement
            if c.dep_ in {"prt", "advmod", "prep", "acomp"} and c.i == tok.i + 1:
                phrasal = kinds.get(f"{lemma} {c.lower_}")
                if phrasal is not None:
                    return phrasal
    else:
        for c in tok.children:
            if c.dep_ == "compound" and c.i == tok.i - 1:
                compound = kinds.get(f"{c.lower_} {lemma}")
                if compound is not None:
                    return compound
    return kinds.get(lemma)


def _possible_lemmas(kinds: dict[str, str]) -> tuple[frozenset[str], frozenset[str]]:
    """Return the lemmas with which a verb, and another word, may start an event under the trigger table `kinds`:
    the table's words, the first words of its particle verbs ('step' of 'step down') for a verb and the last words
    of its noun compounds ('strike' of 'hunger strike') for another word, and for a verb the frame verbs and those
    `trigger_kind` reads in their construction. Worked out once per table."""
    found = _POSSIBLE.get(id(kinds))
    if found is not None and found[0] is kinds:
        return found[1], found[2]
    verbal, other = set(kinds), set(kinds)
    for key in kinds:
        for k, ch in enumerate(key):
            if ch == " ":
                verbal.add(key[:k])
                other.add(key[k + 1 :])
    verbal |= set(_frames_by_verb()) | _CONSTRUCTION_VERBS | set(_EVENTS.travel_verbs)
    _POSSIBLE[id(kinds)] = (kinds, frozenset(verbal), frozenset(other))  # the table is held: its id stays its own
    return frozenset(verbal), frozenset(other)


_POSSIBLE: dict[int, tuple[dict[str, str], frozenset[str], frozenset[str]]] = {}
_KNOWN_VERBS = frozenset(_EVENTS.triggers) | frozenset(_frames_by_verb())  # lemmas a repair may land on
# verbs `trigger_kind` reads before the table
_CONSTRUCTION_VERBS = frozenset({"agree", "rule", "let"}) | lexicon.loader.lower("motion_verb")


def _frees_captives(tok: Token) -> bool:
    """Whether a swap frees captives: a captive noun or a person is what is swapped ('a prisoner exchange', 'an
    exchange of prisoners', 'swapped two hostages', 'X was swapped for Y'; rule captive_swap)."""
    if tok.pos_ in _VERBAL:
        scope = [t for c in tok.children if c.dep_ in {"dobj", "nsubjpass", "prep"} for t in c.subtree]
    else:
        scope = [*tok.subtree, tok.head] if tok.dep_ == "compound" else list(tok.subtree)
    return any(_lemma(t) in _CAPTIVES or t.ent_type_ == "PERSON" and _swapped(t) for t in scope if t.i != tok.i)


def _swapped(tok: Token) -> bool:
    """Whether a person token is what is swapped: the object, the passive subject, or in a 'for'/'of' phrase (not
    a party to the swap: 'a swap with X')."""
    if tok.dep_ == "compound":
        tok = tok.head
    return tok.dep_ in {"dobj", "nsubjpass"} or tok.dep_ == "pobj" and tok.head.lower_ in {"for", "of"}


_CAPTIVE_SWAPS = lexicon.loader.lower("captive_swap")
_OTHER_PARTICIPLES = lexicon.loader.lower("other_participle")
_CAPTIVES = lexicon.loader.lower("captive")


def possible_trigger(tok: Token, kinds: dict[str, str]) -> bool:
    """Return False when `trigger_kind(tok, kinds)` is sure to be None: the word's lemma can start no event (a
    cheap test on the lemma alone, for the many words of a sentence that are no trigger)."""
    verbal, other = _possible_lemmas(kinds)
    return _lemma(tok) in (verbal if tok.pos_ in _VERBAL else other) or tok.tag_ == "VBN" and tok.lower_ in kinds


def trigger_kind(tok: Token, kinds: dict[str, str]) -> str | None:
    """Return the kind of event `tok` starts in its construction, or None when it starts none (see the module)."""
    if not possible_trigger(tok, kinds):
        return None
    if tok.pos_ in _VERBAL:
        framed = frame_kind(tok)
        if framed == "visit" and not _at_place(tok):
            return None  # 'spent five days in custody': no place is visited
        if framed is not None:
            return framed
        if _lemma(tok) == "agree" and any(c.dep_ == "ccomp" for c in tok.children):
            return "statement"  # 'agreed that X'; 'agreed to a contract' is a deal (frame agreement_made)
        if _lemma(tok) == "let" and _lets_go(tok):
            return "release"  # 'a court let him go'
        if _lemma(tok) == "rule" and _ruling(tok):
            return "verdict"  # 'the court ruled that', 'ruled it illegal', 'ruled against X'; not 'ruled the country'
        if _lemma(tok) in _MOTION_VERBS and _into_place(tok):
            return "entry"  # 'gunmen drove into the compound'
        if _lemma(tok) in _EVENTS.travel_verbs and _to_place(tok):
            # 'flew to X', 'dispatched him to X'; 'sent troops to X' moves a force; not 'went to court'
            return "deployment" if _sends_things(tok) else "visit"
    kind = lookup_kind(tok, kinds)
    if kind is None:
        return None
    if kind == "release" and _lemma(tok) in _CAPTIVE_SWAPS and not _frees_captives(tok):
        return None  # 'a currency exchange', 'exchanged letters', 'a debt swap': no one is freed
    if kind == "joining" and not _joins_body(tok):
        return None  # 'joined the KGB', 'joined the Red Party'; not 'joined the talks', 'joined forces'
    if kind == "visit" and _lemma(tok) in _ARRIVING and not _at_place(tok):
        return None  # 'arrived in X'; not 'arrived at a decision'
    if kind == "birth" and not _born_one(tok):
        return None  # 'the idea was born in 2004', 'a movement born of the protests': no person is born
    entered = next((c for c in tok.children if c.dep_ == "dobj"), None)  # a second 'dobj' is a misparse
    if kind == "entry" and entered is not None and not _a_place(entered):
        if _a_body(entered):
            return "appointment"  # 're-entered Parliament', 'entered the cabinet': took a seat in a body
        return None  # 'entered its seventh week', 'entered politics', 'crossed the line': no place is entered
    if kind == "publication" and tok.pos_ in _VERBAL and _out_of_state(tok):
        return None  # 'emerged from bankruptcy', 'emerged from hiding': no publication
    if kind in _VIOLENT_KINDS and figurative(tok):
        return None
    if kind == "founding" and (figurative(tok) or any(c.lower_ in _REFLEXIVE for c in tok.children)
                               or _abstract_founded(tok)):
        return None  # 'form the backbone of', 'is establishing itself as', 'established the policy'
    if kind == "deal" and tok.pos_ in _VERBAL and _lemma(tok) == "deal":
        return None  # 'dealing with X' handles it
    if kind == "deal" and _lemma(tok) == "settle" and not any(c.dep_ == "dobj" for c in tok.children):
        return None  # 'settled in Baghdad' moved there; 'settled the dispute' is a deal
    if kind == "meeting" and _lemma(tok) == "host" and not _hosts_someone(tok):
        return None  # 'the country hosts a vast majority', 'the city hosted the games'
    if kind == "expulsion" and tok.pos_ not in _VERBAL and tok.dep_ == "pobj" and tok.head.lower_ == "in":
        return None  # 'lived in exile': a state; 'went into exile' is the happening
    if kind == "attack" and tok.pos_ in _VERBAL and _verbal_attack(tok):
        return "statement"
    if kind == "attack" and tok.pos_ not in _VERBAL and _lemma(tok) == "strike" and labour_strike(tok):
        return "protest"  # 'teachers went on strike', 'a one-day strike': work stopped, nobody attacked
    return kind


_LABOUR = lexicon.loader.lower("labour_strike")
_MILITARY = lexicon.loader.lower("military_strike") | lexicon.loader.lower("instrument")
_STRETCHES = lexicon.loader.lower("time_stretch")  # 'a 24-hour strike', 'a one-day strike'


def labour_strike(noun: Token) -> bool | None:
    """Return True when a 'strike' is a stoppage of work, by its modifiers ('a one-day strike', 'a teachers'
    strike'), an 'over' phrase ('a strike over pay'), 'on strike' or who stages it ('workers staged a strike', 'the
    union called a strike'); False when it is an act of war ('an air strike', 'a drone strike', 'a strike on X');
    None when its words say neither."""
    mods = [t for c in noun.children if c.dep_ in {"compound", "amod", "nmod", "poss", "npadvmod"} for t in c.subtree]
    mods += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "over" for g in c.subtree]
    if _cued(mods, _MILITARY) or any(c.dep_ == "prep" and c.lower_ in {"on", "against"} for c in noun.children):
        return False
    if _cued(mods, _LABOUR | _STRETCHES):
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "on" and not any(c.dep_ in {"det", "poss"} for c in noun.children):
        return True  # 'went on strike', 'are on strike'
    verb = noun.head if noun.dep_ == "dobj" else None
    if verb is not None and verb.pos_ in _VERBAL:
        return _cued([t for c in verb.children if c.dep_ == "nsubj" for t in c.subtree], _LABOUR) or None
    return None


def _cued(tokens: list[Token], words: frozenset[str]) -> bool:
    return any(_lemma(t) in words or t.lower_ in words for t in tokens)


_PLACES = {"GPE", "LOC", "FAC"}


def _to_place(verb: Token) -> bool:
    """Return True when a verb has a 'to' phrase naming a place ('flew to X', 'sent him to X')."""
    return any(c.dep_ in {"prep", "dative"} and c.lower_ == "to" and any(
        g.dep_ == "pobj" and g.ent_type_ in _PLACES for g in c.children) for c in verb.children)


def _into_place(verb: Token) -> bool:
    """Return True when a verb has an 'into' phrase naming a place, site or organisation's building ('drove into
    the compound', 'burst into the Finance Ministry'); not 'walked into a trap'."""
    return any(c.dep_ == "prep" and c.lower_ == "into" and any(
        g.dep_ == "pobj" and (_a_place(g) or g.ent_type_ == "ORG") for g in c.children) for c in verb.children)


_MOTION_VERBS = lexicon.loader.lower("motion_verb")
_PEOPLE = {"PERSON", "ORG", "NORP"}
_ARRIVING = {"arrive", "arrival"}
# nouns for a place or a site one can enter ('the town', 'the compound', 'the border area')
_PLACE_WORDS = lexicon.places()
_PLACE_NOUNS = _PLACE_WORDS.nouns | _PLACE_WORDS.fac_heads | _PLACE_WORDS.gpe_heads | _PLACE_WORDS.loc_heads \
    | _PLACE_WORDS.areas | lexicon.loader.lower("frontier")


def _a_body(noun: Token) -> bool:
    """Return True when a noun names a body one sits in: an organisation mention or an organisation noun."""
    return noun.ent_type_ == "ORG" or _lemma(noun) in _BODY_NOUNS


def _a_place(noun: Token) -> bool:
    """Return True when a noun names a place or site: a place mention, a place noun ('the town', 'the compound') or
    a name the model took for no organisation (the model's label of a town may be wrong; the mention's is not known
    here)."""
    return noun.ent_type_ in _PLACES or _lemma(noun) in _PLACE_NOUNS or noun.pos_ == "PROPN" and noun.ent_type_ != "ORG"
_BODY_NOUNS = lexicon.organisations().nouns | lexicon.organisations().heads


def _joins_body(verb: Token) -> bool:
    """Return True when what a verb of joining takes is a body: an organisation mention or a determined organisation
    noun ('joined the KGB', 'joined the army'; not the idiom 'joined forces')."""
    return any(c.dep_ == "dobj" and _a_body(c) and (c.ent_type_ == "ORG" or any(
        d.dep_ in {"det", "poss", "amod", "compound"} for d in c.children)) for c in verb.children)


def _born_one(verb: Token) -> bool:
    """Return True when who is born is a person: a PERSON mention or a personal pronoun as the passive subject, the
    noun a participle or relative clause describes ('X (born 1950)', 'X, who was born in Y'), or the subject of the
    clause a fronted participle opens ('Born in Y, X served ...')."""
    born = [unrelativise(c, verb) for c in verb.children if c.dep_ == "nsubjpass"]  # 'X, who was born': X
    if not born and verb.dep_ in {"acl", "relcl", "appos"}:
        born = [verb.head]
    if not born and verb.dep_ == "advcl":
        born = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(t.ent_type_ == "PERSON" or t.lower_ in _PERSONAL_SUBJECTS for t in born)


_PERSONAL_SUBJECTS = lexicon.grammar().personal_pronouns  # 'he', 'she'


def _at_place(tok: Token) -> bool:
    """Return True when an arrival has an 'in', 'at' or 'to' phrase naming a place ('arrived in X', 'his arrival
    in X')."""
    return any(c.dep_ == "prep" and c.lower_ in {"in", "at", "to"} and any(
        g.dep_ == "pobj" and g.ent_type_ in _PLACES for g in c.children) for c in tok.children)


def _sends_things(verb: Token) -> bool:
    """Return True when what a verb sends is no named party nor a person ('sent out thousands of soldiers',
    'dispatched aid'), not 'sent him', 'dispatched X'."""
    return any(c.dep_ == "dobj" and c.ent_type_ not in _PEOPLE and c.pos_ != "PRON" for c in verb.children)


def _out_of_state(verb: Token) -> bool:
    """Return True when a publication verb has a 'from' phrase naming no place ('emerged from bankruptcy'): the
    subject leaves a state; nothing is made public ('a video emerged from X' is)."""
    return any(c.dep_ == "prep" and c.lower_ == "from" and any(
        g.dep_ == "pobj" and g.ent_type_ not in _PLACES for g in c.children) for c in verb.children)


def _hosts_someone(verb: Token) -> bool:
    """Return True when a verb of hosting has a named guest or a meeting as its object ('hosted X', 'hosted talks');
    an active 'host' without an object ('X will host') says no more."""
    guests = [c for c in verb.children if c.dep_ == "dobj"]
    if not guests:
        return True
    return any(g.ent_type_ in _PEOPLE or g.ent_type_ == "GPE" or g.lower_ in _PERSONAL_OBJECTS
               or _lemma(g) in _EVENTS.triggers or g.lower_ in _EVENTS.triggers for g in guests)


def let_go(verb: Token) -> list[Token]:
    """Return who a 'let' lets go ('the court let him go': 'him', the subject of 'go'; 'let Ali Roe go': the name
    the parser often makes the object of 'let'), or [] when it lets nothing go ('let prices rise')."""
    goers = [g for c in verb.children if c.dep_ in {"ccomp", "xcomp"} and _lemma(c) == "go" for g in c.children
             if g.dep_ == "nsubj"]
    return goers + [c for c in verb.children if c.dep_ == "dobj"] if goers else []


def _lets_go(verb: Token) -> bool:
    """Return True when 'let' lets a person go: a release; not 'let the matter go'."""
    return any(g.ent_type_ == "PERSON" or g.lower_ in _PERSONAL_OBJECTS for g in let_go(verb))


def _ruling(verb: Token) -> bool:
    """Return True when 'rule' gives a judgment: a clause ('ruled that ...'), a predicate ('ruled it illegal') or
    'against' or 'on' a party or case; 'ruled the country', 'ruled out' are no verdicts."""
    if any(c.dep_ == "prt" for c in verb.children):
        return False
    return any(c.dep_ in {"ccomp", "oprd", "xcomp"} or (c.dep_ == "prep" and c.lower_ in {"against", "on"})
               for c in verb.children)


def _abstract_founded(tok: Token) -> bool:
    """Return True when what a founding word brings about is abstract, no body or place: its object, passive subject
    or 'of' phrase ('established the country's policy', 'the principle was established', 'the establishment of
    ties')."""
    things = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
    if tok.pos_ not in _VERBAL:
        things += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                   if g.dep_ == "pobj"]
    if tok.dep_ == "relcl" and tok.head.pos_ == "NOUN" and any(c.dep_ == "nsubjpass" for c in tok.children):
        things.append(tok.head)  # 'the policy, which was established in 1990'
    return any(_lemma(t) in _EVENTS.not_founded or t.lower_ in _EVENTS.not_founded for t in things)


def figurative(tok: Token) -> bool:
    """Return True when a word of violence is used figuratively: a figurative modifier before it ('price war',
    'legal battle'), a figurative object ('struck a cautious note') or an 'of' phrase naming one ('a war of
    words')."""
    for c in tok.children:
        if c.dep_ in {"compound", "amod", "nmod", "dobj"} and c.lower_ in _EVENTS.figurative:
            return True  # 'price war', 'struck a note'

        if c.dep_ == "prep" and c.lower_ == "of" and any(
                g.lower_ in _EVENTS.figurative for g in c.children if g.dep_ == "pobj"):
            return True
    return False


def _verbal_attack(verb: Token) -> bool:
    """Return True when 'attack' goes on 'over' or 'for' a reason ('attacked the minister over the cuts'): a
    criticism (an object that is a thing said or decided, 'attacked the plans', is the frame `criticism`)."""
    return any(c.dep_ == "prep" and c.lower_ in {"over", "for"} for c in verb.children)
