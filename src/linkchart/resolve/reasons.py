"""Typed reasons: why a name belongs to its entity.

A join pass that joins two names records a `Reason`: the pass's name and the evidence it
used, one small dataclass per kind of evidence (the acronym and its expansion, the full name
a surname stands for, the matcher's features…). The human text shown by `show`, the profile
page and the API is rendered from it by `Reason.text`; the store keeps the pass name and
`Evidence.as_dict()` beside that text.

Each kind has a rank: how informative it is, lower first. A name joined more than once keeps
its most informative reason (an alias statement beats 'same name'); on equal ranks the first
recorded wins.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, ClassVar

UNRANKED = 15  # kinds that never displace another reason, and the entity builder's own statements


@dataclass(frozen=True)
class Evidence:
    """What a join rested on; subclasses say which kind, how informative it is and how to say it."""

    kind: ClassVar[str]
    rank: ClassVar[int]
    explains_both: ClassVar[bool] = False  # True: the reason explains both names it joins, also one it quotes

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        raise NotImplementedError

    def as_dict(self) -> dict[str, Any]:
        """Return the evidence as JSON-ready data: its kind and its fields."""
        return {"kind": self.kind, **asdict(self)}


@dataclass(frozen=True)
class AnalystMerge(Evidence):
    """An analyst merged entity `b` into entity `a`."""

    kind: ClassVar[str] = "analyst_merge"
    rank: ClassVar[int] = 0
    explains_both: ClassVar[bool] = True
    a: str
    b: str

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return "analyst decision: merge"


@dataclass(frozen=True)
class AnalystSplit(Evidence):
    """An analyst split the mentions named `alias` off `entity`."""

    kind: ClassVar[str] = "analyst_split"
    rank: ClassVar[int] = 0
    explains_both: ClassVar[bool] = True
    entity: str
    alias: str

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return "analyst decision: split"


@dataclass(frozen=True)
class AliasStatement(Evidence):
    """An article said the two names are one thing ('Asaib Ahl al-Haq (AAH)', 'known as')."""

    kind: ClassVar[str] = "alias_statement"
    rank: ClassVar[int] = 1
    explains_both: ClassVar[bool] = True
    statement: str  # the statement's kind: acronym, known_as, former_name, translation, codename, real_name
    alias: str
    name: str

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return f"alias statement ({self.statement}): '{self.alias}' for '{self.name}'"


@dataclass(frozen=True)
class Translation(Evidence):
    """An Arabic organisation name has the same key as an English name once its organisation word is translated."""

    kind: ClassVar[str] = "translation"
    rank: ClassVar[int] = 2
    name: str

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return f"translation of '{self.name}' (Arabic organisation word)"


@dataclass(frozen=True)
class CountryName(Evidence):
    """The country gazetteer lists the name as a variant of a country's."""

    kind: ClassVar[str] = "country_name"
    rank: ClassVar[int] = 3
    country: str

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return f"another name of {self.country} (country gazetteer)"


@dataclass(frozen=True)
class Acronym(Evidence):
    """The name is the initials of the one longer name that abbreviates to it."""

    kind: ClassVar[str] = "acronym"
    rank: ClassVar[int] = 4
    acronym: str
    expansion: str

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return f"acronym of '{self.expansion}' (initials)"


PARTIAL_NAME_SCOPES = {
    "article": "partial name of '{}' in the same article",
    "religious": "partial name of '{}' with a religious title in the corpus",
    "corpus": "partial name of '{}', the person most named with that name in the corpus",
}


@dataclass(frozen=True)
class PartialName(Evidence):
    """A surname alone stands for the one full name found for it, in `scope` (a key of PARTIAL_NAME_SCOPES)."""

    kind: ClassVar[str] = "partial_name"
    rank: ClassVar[int] = 5
    full_name: str
    scope: str

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return PARTIAL_NAME_SCOPES[self.scope].format(self.full_name)


@dataclass(frozen=True)
class ShortForm(Evidence):
    """A one-word name begins the one longer name it may stand for."""

    kind: ClassVar[str] = "short_form"
    rank: ClassVar[int] = 6
    full_name: str

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return f"short form of '{self.full_name}'"


@dataclass(frozen=True)
class LegalForm(Evidence):
    """A company's name with its legal form ('X Corporation') and its article's name without it ('X')."""

    kind: ClassVar[str] = "legal_form"
    rank: ClassVar[int] = 6
    full_name: str

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return f"'{self.full_name}' without its legal form, in the same article"


@dataclass(frozen=True)
class ShortReference(Evidence):
    """A bare head word ('the Forum') names the one organisation of its article with that head."""

    kind: ClassVar[str] = "short_reference"
    rank: ClassVar[int] = 7
    full_name: str

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return f"short reference to '{self.full_name}' in the same article"


@dataclass(frozen=True)
class SameOrganisation(Evidence):
    """Two organisation names share a core once qualifiers and head words are set aside."""

    kind: ClassVar[str] = "same_organisation"
    rank: ClassVar[int] = 8
    name: str
    core: str

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return f"same organisation as '{self.name}' (qualifiers aside)"


@dataclass(frozen=True)
class SameDescription(Evidence):
    """Two descriptions differ only by lower-case modifiers."""

    kind: ClassVar[str] = "same_description"
    rank: ClassVar[int] = 9
    name: str

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return f"the same description as '{self.name}'"


@dataclass(frozen=True)
class LikelyTypo(Evidence):
    """A rarer spelling a letter or two from a name of the same article."""

    kind: ClassVar[str] = "likely_typo"
    rank: ClassVar[int] = 10
    name: str

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return f"likely typo of '{self.name}' in the same article"


@dataclass(frozen=True)
class NameMatch(Evidence):
    """The name matcher (`names.compare`) found two spellings of one name; `features` are its reasons."""

    kind: ClassVar[str] = "name_match"
    rank: ClassVar[int] = 11
    names: tuple[str, str]
    score: float
    features: tuple[str, ...]

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return "name matcher: " + "; ".join(self.features)


@dataclass(frozen=True)
class SameKey(Evidence):
    """Two spellings with the same transliteration key (`names.name_key`)."""

    kind: ClassVar[str] = "same_key"
    rank: ClassVar[int] = 12
    name: str
    key: str

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return f"same transliteration key as '{self.name}'"


@dataclass(frozen=True)
class SameSurname(Evidence):
    """The same surname, alone in several articles and claimed by no full name."""

    kind: ClassVar[str] = "same_surname"
    rank: ClassVar[int] = 13
    name: str

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return f"same surname as '{self.name}' (no full name in context)"


@dataclass(frozen=True)
class SameName(Evidence):
    """The same name, written the same way."""

    kind: ClassVar[str] = "same_name"
    rank: ClassVar[int] = 14

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return "same name"


@dataclass(frozen=True)
class NationalBody(Evidence):
    """One nation's body or one frontier: the same nations and the same class of noun (`national.national_key`)."""

    kind: ClassVar[str] = "national_body"
    rank: ClassVar[int] = UNRANKED
    name: str
    key: str

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return f"the same national body or frontier as '{self.name}'"


@dataclass(frozen=True)
class ParentPrefixed(Evidence):
    """A unit named after its parent, both of which are named on their own."""

    kind: ClassVar[str] = "parent_prefixed"
    rank: ClassVar[int] = UNRANKED
    unit: str
    parent: str

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return f"'{self.unit}' named with its parent '{self.parent}'"


@dataclass(frozen=True)
class PlacePrefixed(Evidence):
    """A name its article first wrote after a place it is named for ('Tull Rovers' ... 'the Rovers')."""

    kind: ClassVar[str] = "place_prefixed"
    rank: ClassVar[int] = UNRANKED
    full_name: str
    place: str

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return f"'{self.full_name}' without its place '{self.place}'"


@dataclass(frozen=True)
class LowercaseReference(Evidence):
    """A lower-case reference held by the one capitalised organisation name of its article."""

    kind: ClassVar[str] = "lowercase_reference"
    rank: ClassVar[int] = UNRANKED
    name: str

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return f"lower-case reference to '{self.name}' in the same article"


@dataclass(frozen=True)
class SameEntity(Evidence):
    """Joined, but every join that reached this name explained the other name only."""

    kind: ClassVar[str] = "same_entity"
    rank: ClassVar[int] = UNRANKED

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return "same entity"


@dataclass(frozen=True)
class CanonicalName(Evidence):
    """The name chosen for the entity."""

    kind: ClassVar[str] = "canonical_name"
    rank: ClassVar[int] = UNRANKED

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return "canonical name"


@dataclass(frozen=True)
class WrittenWithTitle(Evidence):
    """A form of one of the entity's names written with a title ('Mr. Spyer')."""

    kind: ClassVar[str] = "written_with_title"
    rank: ClassVar[int] = UNRANKED

    def text(self) -> str:
        """Return the evidence as one line of prose."""
        return "written with a title"


@dataclass(frozen=True)
class Reason:
    """Why a name belongs to its entity: the pass that said so, its evidence, and the sentence stating it.

    `pass_name` is a join pass of `passes.PASSES`, "decisions" for the analysts', or None for
    what the entity builder says itself (the canonical name, a titled form, 'same entity').
    """

    pass_name: str | None
    evidence: Evidence
    sentence: str | None = None

    @property
    def text(self) -> str:
        """Return the reason as shown to a reader."""
        return self.evidence.text()

    @property
    def rank(self) -> int:
        """Return how informative the reason is (lower is more)."""
        return self.evidence.rank

    def quotes(self, surface: str) -> bool:
        """Return True when the reason's text quotes `surface` (it names that side as the other one)."""
        return f"'{surface}'" in self.text
