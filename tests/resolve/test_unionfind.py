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
