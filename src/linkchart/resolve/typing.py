"""Decide an entity's type by voting over all its mentions, weighted by evidence.

spaCy's label is a weak vote; a title or role noun next to a mention ('General',
'leader') and an organisation head word inside the name ('Force', 'Brigades') are strong
votes. Every mention of an entity votes, so one mislabelled sentence does not decide.
"""

from __future__ import annotations

from collections import Counter

from linkchart import lexicon
from linkchart.resolve import names

VALID_TYPES = lexicon.labels().actors

_ORGS, _PLACES = lexicon.organisations(), lexicon.places()
ORG_HEADS = _ORGS.type_heads
FAC_HEADS = _PLACES.fac_type_heads
LOC_HEADS = _PLACES.loc_type_heads
GIVEN_NAMES = lexicon.given_names()
THING_WORDS = lexicon.thing_words()

# Role nouns that describe a place or a group rather than a person ('X, a dusty town', 'the X militia')
ROLE_TYPES = lexicon.roles().describes

# Arabic words that open an organisation's name: brigades, companies, movement, army, banner, leagues
ARABIC_ORG_OPENERS = _ORGS.type_openers

# A tie in the vote goes to the first type of this order, whatever order the mentions came in. A place's name
# stands for a team or a firm as often as for the place ('Tull beat Orla 2-1'), so a tie with an organisation is
# the organisation; a place label against a person's is the model's surer call ('Tull' once a place, once a
# person is a town).
TIE_ORDER = ("ORG", "GPE", "LOC", "FAC", "PERSON")

PERSON_ROLE_WEIGHT = 3.0
NAME_SHAPE_WEIGHT = 1.5
HEAD_WEIGHT = 3.0
LABEL_WEIGHT = 1.0


def head_type(surface: str) -> str | None:
    """Return the type a name's head word implies ('Qods Force' → ORG), or None."""
    words = [w.strip(".,’'").lower() for w in names.normalize(surface).replace("-", " ").split()]
    if len(words) < 2:
        return None
    if "of" in words[1:-1]:
        # 'X of the Y': the word before 'of' heads the name ('University of Tull', 'Gulf of Orla'); 'Sons of the
        # River' is no river (rule of_head)
        words = words[:words.index("of", 1)]
        if len(words) == 1:
            words = ["", words[0]]
    last = words[-1]
    if last in LOC_HEADS and last in ORG_HEADS:  # 'bank': 'West Bank' is a place, 'Eldoria Development Bank' a bank
        return "LOC" if words[0] in _PLACES.compass else "ORG"
    if last in FAC_HEADS:
        return "FAC"
    if last in LOC_HEADS:
        return "LOC"
    if last in ORG_HEADS or words[0] in ARABIC_ORG_OPENERS or words[0].startswith("hizb"):
        return "ORG"
    return None


_DEMONYMS = frozenset(a.casefold() for a in lexicon.countries().demonyms)


def _country_name(surface: str) -> bool:
    """Whether a name is a country's ('Mozambique', 'U.S.'), not its adjective ('Mozambican')."""
    return lexicon.nation_of(surface) is not None and surface.strip().casefold() not in _DEMONYMS


def _opener_type(surface: str) -> str | None:
    """Return the type the first word of a name of two capitalised words or more says ('Lake Orla' → LOC, 'North
    Varnshire' → GPE: lexicon class name_opener), or None."""
    words = names.normalize(surface).split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return lexicon.place_name_openers().get(words[0].lower())


def _given_name_shape(surface: str) -> str:
    """Return 'person' for a name of two or three words opening with a common given name ('Alan Shearer'), else ''."""
    words = names.normalize(surface).split()
    if not 2 <= len(words) <= 3 or head_type(surface) is not None or not all(w[:1].isupper() for w in words):
        return ""
    if words[-1].lower() in THING_WORDS or words[-1].lower().rstrip("s") in THING_WORDS:
        return ""  # 'Mitchell School', 'Joyce Wars': a given name opens many names of things
    return "person" if words[0].lower() in GIVEN_NAMES else ""


def described_type(role: str) -> str:
    """Return the type a role noun describes ('town' → GPE, 'militia' → ORG, 'leader' → PERSON), reading a plural as
    its singular ('the islands X and Y', 'capitals')."""
    word = role.lower()
    for singular in (word, word[:-3] + "y" if word.endswith("ies") else "", word[:-2] if word.endswith("es") else "",
                     word[:-1] if word.endswith("s") else ""):
        if singular and singular in ROLE_TYPES:
            return ROLE_TYPES[singular]
    return "PERSON"


def _winner(votes: Counter[str]) -> str:
    """Return the type with the most votes; of tied types, the first of `TIE_ORDER`."""
    best = max(votes.values())
    tied = [t for t, v in votes.items() if v == best]
    return min(tied, key=lambda t: TIE_ORDER.index(t) if t in TIE_ORDER else len(TIE_ORDER))


def vote_type(surface: str, labels: Counter[str], roles: Counter[str]) -> str:
    """Return the winning type for a name given its mentions' labels and role evidence."""
    votes: Counter[str] = Counter()
    opened = _opener_type(surface)  # 'Lake Orla', 'North Varnshire': no person's name, whatever the model says
    for label, n in labels.items():
        if label in VALID_TYPES:
            votes[opened if opened and label == "PERSON" else label] += LABEL_WEIGHT * n
    for role, n in roles.items():
        if role:  # 'a dusty town' votes for a place, 'the militia' for a group, 'leader' for a person
            votes[described_type(role)] += PERSON_ROLE_WEIGHT * n
    shape = names.name_kind(surface) or _given_name_shape(surface)
    n = max(1, sum(labels.values()))
    if shape == "person":
        votes["PERSON"] += NAME_SHAPE_WEIGHT * n
    elif shape == "place":
        votes["GPE"] += NAME_SHAPE_WEIGHT * n
    implied = "GPE" if _country_name(surface) else head_type(surface)
    if implied:
        votes[implied] += HEAD_WEIGHT * n
    elif shape == "org":
        votes["ORG"] += HEAD_WEIGHT * n
    if names.is_acronym(surface) and votes["GPE"] == 0:
        votes["ORG"] += LABEL_WEIGHT * n
    if not votes:
        return "ORG"
    return _winner(votes)
