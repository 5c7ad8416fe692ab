"""The Python API of linkchart: the CLI, the web app and the tests all go through it.

    from linkchart.api import Workspace
    with Workspace("linkchart.db") as ws:
        report = ws.ingest(["reports/"])
        for hit in ws.search("Khazali"):
            print(hit.source, hit.snippet)

`workspace` holds `Workspace`; `views` the shapes it answers with (facts with their entities
named); `pipeline` runs the ingest stages in order. The store's row types a `Workspace`
passes through are re-exported here, so callers need not import the store.
"""

from linkchart.api.views import (
    ArticleText,
    ClaimView,
    ConflictView,
    DocumentRef,
    EntityProfile,
    EntityRef,
    EntitySuggestion,
    EventView,
    GraphView,
    HopView,
    MentionSpan,
    MentionView,
    PathView,
    RelationView,
    Suggestions,
)
from linkchart.api.workspace import DEFAULT_DB, NotFound, Workspace, sample_corpus_path
from linkchart.models import Evidence, IngestReport
from linkchart.store.base import ArticleRow, EntityAliasRow, EntityRow, EntitySummary, SearchHit

__all__ = [
    "DEFAULT_DB",
    "ArticleRow",
    "ArticleText",
    "ClaimView",
    "ConflictView",
    "DocumentRef",
    "EntityAliasRow",
    "EntityProfile",
    "EntityRef",
    "EntityRow",
    "EntitySuggestion",
    "EntitySummary",
    "EventView",
    "Evidence",
    "GraphView",
    "HopView",
    "IngestReport",
    "MentionSpan",
    "MentionView",
    "NotFound",
    "PathView",
    "RelationView",
    "SearchHit",
    "Suggestions",
    "Workspace",
    "sample_corpus_path",
]
