"""The small base class every dossier format implements (a dossier is about one entity, so it is not an
`Exporter` of the whole store)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from linkchart.export.report.dossier import Dossier


class ReportError(RuntimeError):
    """A dossier could not be rendered (a renderer it needs is missing); the message says what to install."""


class Report(ABC):
    """Renders a dossier in one file format."""

    name: ClassVar[str]  # the --format value
    suffix: ClassVar[str]  # the usual file name ending
    media_type: ClassVar[str]  # the HTTP Content-Type
    description: ClassVar[str]

    @abstractmethod
    def render(self, dossier: Dossier) -> bytes:
        """Return the dossier in this format."""
