"""The alias statements a region's resolution uses (`resolve.statements`): leaving the others out joins the same."""

from __future__ import annotations

from dataclasses import dataclass

from mention_rows import M

from linkchart.resolve.cluster import Clustering, _local_surfaces, cluster_locals, cluster_surfaces
from linkchart.resolve.statements import used_statements


@dataclass
class S:
    article_id: int
    name: str
    alias: str
    kind: str
    sentence: str = ""


MENTIONS = [M(i, art, text, label) for i, (art, text, label) in enumerate([
    (1, "Velmora Liberation Front", "ORG"), (1, "VLF", "ORG"),
    (2, "Orsk Council", "ORG"),
    (3, "KDP", "ORG"), (4, "KDP", "ORG"),
    (5, "Tal Sabr", "GPE"),
], start=1)]
STATEMENTS = [
    S(1, "Velmora Liberation Front", "VLF", "acronym"),
    S(1, "Nadia Qasimi", "Umm Tarik", "known_as"),  # names no name of the region: left out
    S(2, "Orsk Council", "the Council of Orsk", "known_as"),  # adds 'Council of Orsk' to article 2 ...
    S(2, "Council of Orsk", "Orsk Hall", "known_as"),  # ... which this one then finds
    S(6, "Kordavan Democratic Party", "KDP", "acronym"),  # articles outside the region defining the region's
    S(7, "Kuresh Development Platform", "KDP", "acronym"),  # 'KDP' as two things: it joins only within articles
    S(8, "Omar Jaber", "Abu Zaid", "known_as"),  # an article outside the region, about other names: left out
]


def _clusters(clustering: Clustering) -> set[frozenset[tuple[int, str]]]:
    return {frozenset(ls.key for ls in members) for members in clustering.clusters().values()}


def test_a_region_resolved_with_the_statements_it_uses_is_resolved_as_with_all() -> None:
    locals_ = _local_surfaces(MENTIONS)
    used = used_statements(locals_, STATEMENTS)
    assert [st.name for st in used] == ["Velmora Liberation Front", "Orsk Council", "Council of Orsk",
                                        "Kordavan Democratic Party", "Kuresh Development Platform"]
    whole = cluster_surfaces(MENTIONS, STATEMENTS, [])
    some = cluster_locals(locals_, used, [])
    assert _clusters(some) == _clusters(whole)
    assert {(2, "Orsk Council"), (2, "Orsk Hall")} <= next(c for c in _clusters(some) if (2, "Orsk Hall") in c)
    assert (3, "KDP") not in next(c for c in _clusters(some) if (4, "KDP") in c)  # ambiguous: kept apart
    assert "kdp" in some.ambiguous and some.ambiguous <= whole.ambiguous
