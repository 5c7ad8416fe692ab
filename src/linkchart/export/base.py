"""The small base class every export format implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import ClassVar

from linkchart.store.base import Store


class Exporter(ABC):
    """Writes a whole store in one file format."""

    name: ClassVar[str]  # the --format value
    suffix: ClassVar[str]  # the usual file name ending
    description: ClassVar[str]

    @abstractmethod
    def render(self, store: Store) -> str:
        """Return the store in this format as text."""

    def files(self, store: Store) -> dict[str, str]:
        """Return the files of this format by part name ('' for the one file of a single-file format)."""
        return {"": self.render(store)}

    def pieces(self, store: Store) -> dict[str, Iterable[str]]:
        """Return the files of this format by part name (as `files`), each as pieces of text to write one after
        another: a format that streams computes them as they are written, so the whole text is never held."""
        return {part: (text,) for part, text in self.files(store).items()}

