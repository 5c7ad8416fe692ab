"""The web's JSON models are derived from the API's dataclasses, never written twice."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from linkchart import api
from linkchart.web import schemas as s


@dataclass
class Inner:
    """An inner thing."""

    value: int


@dataclass
class Outer:
    """An outer thing."""

    id: int
    secret: str
    items: list[Inner] = field(default_factory=list, metadata={"description": "the inner things"})
    label: str | None = None


def test_derive_leaves_out_renames_reorders_and_nests() -> None:
    inner = s.derive(Inner)
    outer = s.derive(Outer, "OuterOut", exclude=("secret",), rename={"id": "outer_id"}, first=("label",))
    assert list(outer.model_fields) == ["label", "outer_id", "items"]
    assert outer.model_fields["items"].description == "the inner things"
    assert outer.__doc__ == "An outer thing."
    dumped = outer.model_validate(Outer(7, "hidden", [Inner(1)], "x")).model_dump()
    assert dumped == {"label": "x", "outer_id": 7, "items": [{"value": 1}]}
    assert outer.model_fields["items"].annotation == list[inner]


def test_response_models_have_the_fields_of_their_api_dataclasses() -> None:
    for model, source in ((s.EntitySummary, api.EntitySummary), (s.Relation, api.RelationView),
                          (s.Profile, api.EntityProfile), (s.TimelineEvent, api.EventView),
                          (s.Graph, api.GraphView), (s.DocumentText, api.ArticleText)):
        assert list(model.model_fields) == [f.name for f in dataclasses.fields(source)], model.__name__
