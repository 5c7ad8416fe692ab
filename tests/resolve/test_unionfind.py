"""The union-find keeps, for each name, the most informative reason it was joined by."""

from __future__ import annotations

from linkchart.resolve.reasons import AliasStatement, PartialName, Reason, SameKey, SameName
from linkchart.resolve.unionfind import UnionFind


def _uf(*keys: tuple[int, str]) -> UnionFind:
    uf = UnionFind()
    for k in keys:
        uf.add(k)
    return uf


def test_a_name_keeps_its_most_informative_reason_and_the_first_on_a_tie() -> None:
    a, b = (1, "Qasem Soleimani"), (2, "Qassem Soleimani")
    uf = _uf(a, b)
    assert uf.union(a, b, Reason("same_key", SameName()))
    assert not uf.union(a, b, Reason("same_key", SameKey("Qassem Soleimani", "k")))  # already one set
    assert uf.why[a].evidence == SameKey("Qassem Soleimani", "k")  # a is not quoted: more informative than 'same name'
    assert not uf.union(a, b, Reason("same_key", SameName()))
    assert uf.why[b].evidence == SameName()
    assert uf.find(a) == uf.find(b)


def test_a_reason_naming_one_side_explains_only_the_other_unless_it_is_a_statement() -> None:
    full, part = (1, "Qais al-Khazali"), (1, "Khazali")
    uf = _uf(full, part)
    uf.union(full, part, Reason("partial_names", PartialName("Qais al-Khazali", "article")))
    assert part in uf.why and full not in uf.why
    statement = Reason("alias_statements", AliasStatement("acronym", "AAH", "Qais al-Khazali"), "sentence")
    uf.union(full, part, statement)
    assert uf.why[full] == statement and uf.why[part] == statement


def test_a_join_that_would_mix_two_nations_is_refused_over_the_whole_set() -> None:
    nations = {(1, "Iraqi Army"): "Iraq", (2, "US Army"): "United States"}
    uf = UnionFind(nation_of=nations.get)
    iraqi, bare, us = (1, "Iraqi Army"), (1, "the Army"), (2, "US Army")
    for k in (iraqi, bare, us):
        uf.add(k)
    assert uf.union(iraqi, bare, Reason("head_references", SameName()))
    assert uf.nations_of(bare) == {"Iraq"}
    # 'the Army' has no nation itself, but its set has one: the join is refused, with a reason
    assert not uf.union(bare, us, Reason("same_key", SameKey("the Army", "army")))
    assert uf.find(us) != uf.find(bare) and us not in uf.why
    (refusal,) = uf.refused
    assert refusal.nations_a == {"Iraq"} and refusal.nations_b == {"United States"}
    assert "different nations" in refusal.text and "'US Army'" in refusal.text
    # an analyst's merge is forced through, and the set then carries both nations
    assert uf.union(bare, us, Reason("decisions", SameName()), force=True)
    assert uf.nations_of(us) == {"Iraq", "United States"}


def test_names_without_a_nation_join_freely() -> None:
    uf = UnionFind(nation_of=lambda k: None)
    a, b = (1, "Qods Force"), (2, "Quds Force")
    uf.add(a)
    uf.add(b)
    assert uf.union(a, b, Reason("name_matcher", SameName())) and not uf.refused
