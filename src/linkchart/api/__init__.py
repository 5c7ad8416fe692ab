"""The Python API of linkchart: the CLI, the web app and the tests all go through it.

    from linkchart.api import Workspace
    with Workspace("linkchart.db") as ws:
        report = ws.ingest(["reports/"])
        for hit in ws.search("Khazali"):
            print(hit.source, hit.snippet)

`workspace` holds `Workspace`, `pipeline` runs the ingest stages in order.
"""

from linkchart.api.workspace import (
    DEFAULT_DB,
    EntityProfile,
    EntitySummary,
    MentionView,
    NotFound,
    Workspace,
    sample_corpus_path,
)

__all__ = [
    "DEFAULT_DB",
    "EntityProfile",
    "EntitySummary",
    "MentionView",
    "NotFound",
    "Workspace",
    "sample_corpus_path",
]
