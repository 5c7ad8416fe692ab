"""The name matcher's verdicts: computed by `compare`, or known from an earlier resolution of the same store.

`compare` is a pure function of two names, so a resolution that only adds names need not
compare again two names that an earlier one already judged: it knows the pairs that matched
(`matches`) and that every other pair of `known` names did not.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from linkchart.resolve import names
from linkchart.resolve.compare import clear_pair_caches
from linkchart.resolve.reasons import NameMatch

Pair = tuple[str, str]


def ordered(a: str, b: str) -> Pair:
    """Return the pair of two names in a fixed order (the smaller first)."""
    return (a, b) if a < b else (b, a)


@dataclass
class MatcherMemo:
    """Known verdicts (`known`, `matches`) and what this run saw and found (`surfaces`, `found`, `compared`)."""

    known: set[str] = field(default_factory=set)  # names whose pairs an earlier resolution judged
    matches: dict[Pair, NameMatch] = field(default_factory=dict)  # the pairs of known names that matched
    surfaces: set[str] = field(default_factory=set)  # every name the matcher saw in this run
    found: dict[Pair, NameMatch] = field(default_factory=dict)  # every pair that matched in this run
    compared: int = 0  # pairs `compare` was called on in this run
    judged: dict[Pair, NameMatch | None] = field(default_factory=dict)  # verdicts of this run so far
    # False: `judged` stays empty (a full resolution compares each pair once: nothing would be asked again)
    remember: bool = True

    def verdict(self, a: str, b: str) -> NameMatch | None:
        """Return the evidence that `a` and `b` are one name (a full match), or None: never for a name and its
        plural (`names.plural_pair`), however alike the matcher finds them."""
        if names.plural_pair(a, b):
            return None
        pair = ordered(a, b)
        if a in self.known and b in self.known:
            evidence = self.matches.get(pair)
        elif pair in self.judged and (self.judged[pair] is None or self.judged[pair].names == (a, b)):  # type: ignore[union-attr]
            evidence = self.judged[pair]
        else:  # never judged, or a match judged the other way round (its reasons name the two in that order)
            self.compared += 1
            match = names.compare(a, b)
            evidence = (NameMatch((a, b), match.score, tuple(match.reasons))
                        if match.is_match and not match.partial else None)
            if self.remember:
                self.judged[pair] = evidence
        if evidence is not None:
            self.found[pair] = evidence
        return evidence


def forget_verdicts(memo: MatcherMemo) -> None:
    """Drop what only the name matcher's pass reads: the verdicts of every pair compared (those that matched stay
    in `found`) and the caches of name-part pairs. Nothing a later pass or the stored state reads changes."""
    memo.judged.clear()
    clear_pair_caches()
