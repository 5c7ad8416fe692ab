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


def parse_yaml(text: str) -> Any:
    """Return the parsed YAML `text`, safely (no Python objects); a key given twice in one mapping is an error."""
    return yaml.load(text, Loader=_UniqueKeyLoader)  # a safe loader with one more check


def load_yaml(package: str, name: str) -> Any:
    """Return the parsed YAML file `name` packaged in `package` (see `parse_yaml`)."""
    return parse_yaml((resources.files(package) / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Entry:
    """One word of a word table: the word as written, its classes, and the file it is in."""

    word: str
    classes: tuple[str, ...]
    file: str


def lexicon_files() -> list[str]:
    """Return the names of the lexicon's YAML files, alphabetically."""
    return sorted(p.name for p in resources.files(PACKAGE).iterdir() if p.name.endswith(".yaml"))


def read_word_table(stem: str, words: Any) -> tuple[Entry, ...]:
    """Return the entries of the `words:` mapping of file `stem`; TypeError when a key or a class is not a string."""
    if not isinstance(words, dict):
        raise TypeError(f"{stem}.yaml: `words` must map each word to its classes")
    entries = []
    for word, classes in words.items():
        if not isinstance(word, str) or not isinstance(classes, list) or not all(isinstance(c, str) for c in classes):
            # YAML reads unquoted on/off/yes/no/true/false as booleans and 1, 2 as numbers
            raise TypeError(f"{stem}.yaml: {word!r} must be a word (quote 'on', 'no', ...) with a list of classes")
        entries.append(Entry(word, tuple(classes), stem))
    return tuple(entries)


@cache
def word_tables() -> dict[str, tuple[Entry, ...]]:
    """Return every word table: file stem → its entries in file order."""
    out: dict[str, tuple[Entry, ...]] = {}
    for name in lexicon_files():
        data = load_yaml(PACKAGE, name)
        if isinstance(data, dict) and "words" in data:
            stem = name.removesuffix(".yaml")
            out[stem] = read_word_table(stem, data["words"])
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
