"""The Python API of linkchart: the CLI, the web app and the tests all go through it.

    from linkchart.api import Workspace
    with Workspace("linkchart.db") as ws:
        report = ws.ingest(["reports/"])
        for hit in ws.search("Khazali"):
            print(hit.source, hit.snippet)

`workspace` holds `Workspace`; `views` the shapes it answers with (facts with their entities
named); `pipeline` runs the ingest stages in order. The store's row types a `Workspace`
passes through are re-exported here (`import X as X`), so callers need not import the store.
"""

from linkchart.api.checks import InvalidInput as InvalidInput
from linkchart.api.checks import entity_types as entity_types
from linkchart.api.engines import ENGINES as ENGINES
from linkchart.api.engines import EngineUnavailable as EngineUnavailable
from linkchart.api.stores import StoreNotFound as StoreNotFound
from linkchart.api.stores import StoreUnavailable as StoreUnavailable
from linkchart.api.stores import UnsupportedStore as UnsupportedStore
from linkchart.api.stores import open_store as open_store
from linkchart.api.stores import register_backend as register_backend
from linkchart.api.views import (
    ArticleText as ArticleText,
)
from linkchart.api.views import (
    ClaimView as ClaimView,
)
from linkchart.api.views import (
    ConflictView as ConflictView,
)
from linkchart.api.views import (
    DocumentRef as DocumentRef,
)
from linkchart.api.views import (
    EntityProfile as EntityProfile,
)
from linkchart.api.views import (
    EntityRef as EntityRef,
)
from linkchart.api.views import (
    EntitySuggestion as EntitySuggestion,
)
from linkchart.api.views import (
    EventView as EventView,
)
from linkchart.api.views import (
    EvidencePage as EvidencePage,
)
from linkchart.api.views import (
    GraphMetricsView as GraphMetricsView,
)
from linkchart.api.views import (
    GraphNode as GraphNode,
)
from linkchart.api.views import (
    GraphView as GraphView,
)
from linkchart.api.views import (
    HopView as HopView,
)
from linkchart.api.views import (
    ListingView as ListingView,
)
from linkchart.api.views import (
    MentionSpan as MentionSpan,
)
from linkchart.api.views import (
    MentionView as MentionView,
)
from linkchart.api.views import (
    NodeMetricsView as NodeMetricsView,
)
from linkchart.api.views import (
    PathView as PathView,
)
from linkchart.api.views import (
    RelationView as RelationView,
)
from linkchart.api.views import (
    ScreenView as ScreenView,
)
from linkchart.api.views import (
    Suggestions as Suggestions,
)
from linkchart.api.workspace import DEFAULT_DB as DEFAULT_DB
from linkchart.api.workspace import Ambiguous as Ambiguous
from linkchart.api.workspace import EntityMatch as EntityMatch
from linkchart.api.workspace import NotFound as NotFound
from linkchart.api.workspace import Workspace as Workspace
from linkchart.api.workspace import render_dossier as render_dossier
from linkchart.api.workspace import report_media_type as report_media_type
from linkchart.api.workspace import sample_corpus_path as sample_corpus_path
from linkchart.models import Evidence as Evidence
from linkchart.models import IngestReport as IngestReport
from linkchart.store.base import ArticleRow as ArticleRow
from linkchart.store.base import EntityAliasRow as EntityAliasRow
from linkchart.store.base import EntityRow as EntityRow
from linkchart.store.base import EntitySummary as EntitySummary
from linkchart.store.base import SearchHit as SearchHit
