"""Fixtures shared by the extraction tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.nlp import load_pipeline


@pytest.fixture(scope="session")
def nlp() -> Language:
    """Return the linkchart pipeline (loaded once per process)."""
    return load_pipeline()
