"""FollowTheMoney export: every entity is valid FtM (checked by the followthemoney library), and cites its sources."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from linkchart.api import Workspace
from linkchart.export.ftm import LINKS, UNKNOWN, link_schema, make_id

# skipped only where the optional extra is absent: pip install -e ".[ftm]" (it is in the test extra)
ftm = pytest.importorskip("followthemoney", reason="the optional 'ftm' extra (followthemoney) is not installed")


@pytest.fixture(scope="module")
def entities(sample_db: Path) -> list[dict[str, Any]]:
    """Return the sample store's FtM export, one dict per line."""
    with Workspace(sample_db, extract=False) as ws:
        text = ws.export("ftm")
    return [json.loads(line) for line in text.splitlines()]


def test_every_entity_is_valid_followthemoney(entities: list[dict[str, Any]]) -> None:
    from followthemoney import model, registry

    by_id = {e["id"]: e for e in entities}
    assert len(by_id) == len(entities), "ids are unique"
    for data in entities:
        schema = model.get(data["schema"])
        assert schema is not None and not schema.abstract, data["schema"]
        proxy = model.get_proxy(data, cleaned=False)  # the library cleans every value
        cleaned = proxy.to_dict()["properties"]
        for name, values in data["properties"].items():
            prop = schema.get(name)
            assert prop is not None, f"{schema.name} has no property {name}"
            assert sorted(cleaned.get(name, [])) == sorted(values), f"{schema.name}.{name} did not survive cleaning"
            if prop.type == registry.entity:
                for ref in values:
                    assert ref in by_id, f"{schema.name}.{name} points at a missing entity"
                    assert model.get(by_id[ref]["schema"]).is_a(prop.range), f"{schema.name}.{name} out of range"
        for required in schema.required:
            assert proxy.get(required), f"{schema.name} lacks {required}"
        assert proxy.caption


def test_schemata_cover_people_organisations_places_events_and_links(entities: list[dict[str, Any]]) -> None:
    schemata = {e["schema"] for e in entities}
    assert {"Person", "Organization", "Address", "Event", "Directorship", "Membership", "Associate",
            "UnknownLink", "Article"} <= schemata


def test_links_cite_quoted_evidence_source_urls_and_dated_articles(entities: list[dict[str, Any]]) -> None:
    by_id = {e["id"]: e for e in entities}
    name = {e["id"]: e["properties"].get("name", [""])[0] for e in entities}
    leads = [e for e in entities if e["schema"] == "Directorship"
             and name[e["properties"]["director"][0]] == "Qais al-Khazali"
             and name[e["properties"]["organization"][0]] == "Asaib Ahl al-Haq"]
    assert len(leads) == 1
    props = leads[0]["properties"]
    assert props["role"] == ["leader"]
    assert "“" in props["description"][0] and "Khaza" in props["description"][0]
    assert any(url.startswith("https://easternmedwire.example/") for url in props["sourceUrl"])
    articles = [by_id[p] for p in props["proof"]]
    assert all(a["schema"] == "Article" for a in articles)
    assert any(a["properties"].get("publishedAt") == ["2017-12-09"] for a in articles)
    assert "independent sources" in props["summary"][0]


def test_negated_relations_are_left_out(sample_ws: Workspace, entities: list[dict[str, Any]]) -> None:
    negated = [r for r in sample_ws.relations() if r.negated]
    assert negated, "the sample has a negated relation"
    summaries = {e["properties"].get("summary", [""])[0] for e in entities}
    for r in negated:
        label = f"{r.subject.name} {r.predicate.replace('_', ' ')} {r.object.name} "
        assert not any(s.startswith(label) for s in summaries if s)


def test_link_schemata_fall_back_to_unknown_link_outside_their_ranges() -> None:
    assert link_schema("member_of", "Person", "Organization") is LINKS["member_of"]
    assert link_schema("leads", "Person", "Address") is UNKNOWN  # a country is not an Organization
    assert link_schema("met_with", "Person", "Organization") is UNKNOWN  # Associate links two people
    assert link_schema("visited", "Person", "Address") is UNKNOWN
    assert make_id("entity", "Person", "A") == make_id("entity", "Person", "A") != make_id("entity", "Person", "B")


def test_kinship_is_a_family_link_whose_properties_followthemoney_knows() -> None:
    family = link_schema("relative_of", "Person", "Person")
    assert family.schema == "Family" and link_schema("relative_of", "Person", "Organization") is UNKNOWN
    ftm = pytest.importorskip("followthemoney")
    schema = ftm.model.get(family.schema)
    for prop in (family.subject, family.object, "relationship"):
        assert schema.get(prop) is not None, prop
