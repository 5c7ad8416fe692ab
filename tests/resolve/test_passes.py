"""The join passes as a table: order, names, descriptions, and the reasons each records."""

from __future__ import annotations

from dataclasses import dataclass

from mention_rows import M

from linkchart.resolve.cluster import resolve
from linkchart.resolve.passes import PASSES
from linkchart.resolve.reasons import Evidence


@dataclass
class S:
    article_id: int
    name: str
    alias: str
    kind: str
    sentence: str = ""


def test_passes_run_in_the_documented_order() -> None:
    assert [p.name for p in PASSES] == [
        "same_key", "alias_statements", "partial_names", "short_org_names", "legal_forms", "org_cores",
        "head_references",
        "country_names", "descriptions", "national_names", "parent_prefixed", "place_prefixed",
        "lowercase_references",
        "name_matcher", "acronyms", "typos",
    ]


def test_every_pass_has_a_unique_name_a_description_and_the_kinds_it_records() -> None:
    assert len({p.name for p in PASSES}) == len(PASSES)
    for p in PASSES:
        assert p.name.isidentifier() and p.description, p.name
        assert p.records and all(issubclass(kind, Evidence) for kind in p.records), p.name
    kinds = [kind for p in PASSES for kind in p.records]
    assert len(kinds) == len(set(kinds))  # each kind of evidence comes from one pass


def test_each_join_records_its_pass_and_evidence_of_a_kind_that_pass_records() -> None:
    ms = [M(1, 1, "Qais al-Khazali", "PERSON"), M(2, 1, "Khazali", "PERSON"), M(3, 1, "Khazali", "PERSON"),
          M(4, 2, "Qais al-Khazaali", "PERSON"), M(5, 2, "Asaib Ahl al-Haq", "ORG"), M(6, 2, "AAH", "ORG"),
          M(7, 3, "Asaib Ahl al-Haq", "ORG"), M(8, 3, "Asaib Ahl al-Haq", "ORG"), M(9, 3, "Asaib", "ORG"),
          M(10, 4, "United States", "GPE"), M(11, 4, "America", "GPE")]
    statements = [S(2, "Asaib Ahl al-Haq", "AAH", "acronym", "Asaib Ahl al-Haq (AAH) said.")]
    records = {p.name: p.records for p in PASSES}
    seen = {}
    for entity in resolve(ms, statements, []):
        for a in entity.aliases:
            if a.why.pass_name is None:  # the entity builder's own: canonical name, titled form
                continue
            assert isinstance(a.why.evidence, records[a.why.pass_name]), a
            assert a.reason == a.why.evidence.text()
            seen[a.alias] = a.why
    assert seen["Khazali"].pass_name == "partial_names"
    assert seen["Khazali"].evidence.as_dict() == {"kind": "partial_name", "full_name": "Qais al-Khazali",
                                                  "scope": "article"}
    assert seen["AAH"].pass_name == "alias_statements" and seen["AAH"].sentence == "Asaib Ahl al-Haq (AAH) said."
    assert seen["AAH"].evidence.as_dict() == {"kind": "alias_statement", "statement": "acronym", "alias": "AAH",
                                              "name": "Asaib Ahl al-Haq"}
    assert seen["Asaib"].pass_name == "short_org_names"
    assert seen["Qais al-Khazaali"].pass_name == "same_key"
    assert seen["America"].evidence.as_dict() == {"kind": "country_name", "country": "United States"}
