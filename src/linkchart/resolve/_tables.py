"""Reading the YAML tables of `linkchart/lexicon/` (a stand-in until the lexicon package's own loader)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def lexicon_table(name: str) -> Any:
    """Return the parsed YAML table `linkchart/lexicon/<name>.yaml` (cached; callers must not mutate it)."""
    path = resources.files("linkchart") / "lexicon" / f"{name}.yaml"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when libyaml is there: same safe subset
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
