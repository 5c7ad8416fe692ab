"""Read the lexicon's YAML files: word tables, where each word lists the classes it belongs to.

A word table is a YAML mapping under `words:` from a word (or a phrase) to the list of its
classes. A class is a plain name (`honorific`) or a name with a value (`month=5`,
`country=United States`). A class gathers its words from every lexicon file, so a word is
written once, in the file of its concept, with every use it has. The order of a class's words
is the order of the files (alphabetical) and of the words in them.

`load_yaml` is the one YAML reader of the package (the rule files of `extract` use it too): it
refuses a key written twice in one mapping, which plain PyYAML would let the second silently win.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

PACKAGE = "linkchart.lexicon"
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe YAML loader that raises on a key given twice in one mapping."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _value in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(package: str, name: str) -> Any:
    """Return the parsed YAML file `name` packaged in `package` (duplicate keys are an error)."""
    text = (resources.files(package) / name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 — a safe loader


@dataclass(frozen=True)
class Entry:
    """One word of a word table: the word as written, its classes, and the file it is in."""

    word: str
    classes: tuple[str, ...]
    file: str


def lexicon_files() -> list[str]:
    """Return the names of the lexicon's YAML files, alphabetically."""
    return sorted(p.name for p in resources.files(PACKAGE).iterdir() if p.name.endswith(".yaml"))


@cache
def word_tables() -> dict[str, tuple[Entry, ...]]:
    """Return every word table: file stem → its entries in file order."""
    out: dict[str, tuple[Entry, ...]] = {}
    for name in lexicon_files():
        data = load_yaml(PACKAGE, name)
        if not isinstance(data, dict) or "words" not in data:
            continue
        stem = name.removesuffix(".yaml")
        entries = []
        for word, classes in data["words"].items():
            if not isinstance(word, str) or not isinstance(classes, list) or not all(
                    isinstance(c, str) for c in classes):
                raise TypeError(f"{name}: {word!r} must be a word with a list of class names (quote 'on', 'no', ...)")
            entries.append(Entry(word, tuple(classes), stem))
        out[stem] = tuple(entries)
    return out


@cache
def _by_class() -> dict[str, tuple[Entry, ...]]:
    """Return class → its entries; a valued class is indexed whole ('month=5') and by its name ('month=')."""
    index: dict[str, list[Entry]] = {}
    for entries in word_tables().values():
        for entry in entries:
            for cls in entry.classes:
                keys = [cls] if "=" not in cls else [cls, cls.split("=", 1)[0] + "="]
                for key in keys:
                    bucket = index.setdefault(key, [])
                    if not bucket or bucket[-1] is not entry:
                        bucket.append(entry)
    return {cls: tuple(entries) for cls, entries in index.items()}


def entries(cls: str) -> tuple[Entry, ...]:
    """Return the entries of class `cls` ('honorific', 'month=5', or 'month=' for every month); unknown: KeyError."""
    try:
        return _by_class()[cls]
    except KeyError:
        raise KeyError(f"no lexicon word has class {cls!r}") from None


def ordered(cls: str) -> tuple[str, ...]:
    """Return the words of class `cls` as written, in file order."""
    return tuple(e.word for e in entries(cls))


def words(cls: str) -> frozenset[str]:
    """Return the words of class `cls` as written."""
    return frozenset(ordered(cls))


def lower(cls: str) -> frozenset[str]:
    """Return the words of class `cls`, lower-cased."""
    return frozenset(w.lower() for w in ordered(cls))


def values(name: str) -> dict[str, str]:
    """Return word → value of its first `name=value` class, for every word with one, in file order."""
    prefix = name + "="
    out: dict[str, str] = {}
    for entry in entries(prefix):
        out[entry.word] = next(c[len(prefix):] for c in entry.classes if c.startswith(prefix))
    return out
