"""A faster stand-in for the model's ``attribute_ruler``: the same patterns, the same token attributes.

spaCy's AttributeRuler runs its patterns (the tag map: a tag gives a coarse part of speech and features; a few
words' lemmas and features; a few dependency fixes) through a general Matcher, which costs about a seventh of
the whole parse. The model's patterns are fixed runs of one or two tokens, each token tested for equality with,
membership in, or a regular expression over a few of its attributes (tag, lower case, dependency, is-space). So
which patterns hold at a token depends only on what those attributes are: ``AttributeRules`` works that out once
per distinct combination (a word that no pattern names counts as any other such word) and keeps it, then gives
each token the attributes of its matching patterns in the ruler's own order (a later pattern's value wins, as in
spaCy's). A ruler with a pattern of another kind (an operator such as 'OP' or '>=', an extension attribute) runs
as it is. The component saves and loads as the model's ruler does (its patterns), so a saved pipeline keeps it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

ATTRIBUTE_RULES_PIPE = "linkchart_attribute_rules"
MODEL_RULER = "attribute_ruler"
_STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "DEP"})  # compared by their string's hash
_FLAG_ATTRS = frozenset({"IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT"})  # compared as 0 or 1
_MAX_KNOWN = 200_000  # combinations kept before the table starts again (memory stays bounded on any input)

Attrs = dict[int, int]  # attribute id -> value, as the ruler keeps them (spaCy's `normalize_token_attrs`)


@dataclass(frozen=True)
class _Test:
    """One condition on one attribute of a token: its column in the token rows, and what must hold."""

    column: int
    equal: int | None = None
    within: frozenset[int] | None = None
    outside: frozenset[int] | None = None
    regex: int | None = None  # index of the column's regular expression in that column's list

    def holds(self, value: int | None, found: tuple[bool, ...]) -> bool:
        """Return whether the condition holds for a token whose attribute is `value` (None: a value no pattern
        names) and whose regular expressions on the column gave `found`."""
        if self.equal is not None:
            return value == self.equal
        if self.within is not None:
            return value in self.within
        if self.outside is not None:
            return value not in self.outside
        return self.regex is not None and found[self.regex]


@dataclass(frozen=True)
class _Pattern:
    """One pattern of the ruler: its place in the ruler's order, its tests token by token, the token (0-based)
    that takes its attributes, and those attributes."""

    order: int
    tokens: tuple[tuple[_Test, ...], ...]
    target: int
    attrs: Attrs


# a token's class, the attributes its one-token patterns give it, those patterns, the longer patterns it may open
_Known = tuple[tuple[Any, ...], "Attrs", list[_Pattern], list[_Pattern]]


class _Unsupported(Exception):
    """A pattern uses something `AttributeRules` does not read: the model's ruler runs instead."""


class AttributeRules:
    """The ``linkchart_attribute_rules`` component: the model ruler's patterns applied by table look-up."""

    def __init__(self, vocab: Vocab, name: str = ATTRIBUTE_RULES_PIPE) -> None:
        self.vocab, self.name = vocab, name
        self.source: AttributeRuler | None = None  # the model's ruler the patterns come from (None: not given yet)
        self.ruler: AttributeRuler | None = None  # the model's ruler, run as it is when its patterns are not read
        self.columns: list[str] = []  # the attributes read from each token, in the order of its row
        self.regexes: list[list[re.Pattern[str]]] = []  # by column, the regular expressions patterns apply to it
        self.named: list[set[int]] = []  # by column, every value a pattern names
        self.patterns: list[_Pattern] = []
        self.known: dict[tuple[Any, ...], tuple[Attrs, list[_Pattern], list[_Pattern]]] = {}  # by token class
        self.by_row: dict[tuple[int, ...], _Known] = {}  # by a token's attribute values: its class and `known[class]`
        self.classes: list[dict[int, Any]] = []  # by column, value -> the class a token with it falls in

    def take(self, ruler: AttributeRuler) -> bool:
        """Read `ruler`'s patterns; return True when this component applies them itself, False when they hold
        something it does not read, and `ruler` runs as it is."""
        self.source = self.ruler = ruler
        try:
            self._compile(ruler)
        except _Unsupported:
            self.patterns = []
            return False
        self.ruler = None
        return True

    def _compile(self, ruler: AttributeRuler) -> None:
        columns: dict[str, int] = {}
        self.regexes, self.named, self.patterns = [], [], []
        for order, (entry, attrs, index) in enumerate(zip(ruler.patterns, ruler.attrs, ruler.indices, strict=True)):
            if "_" in attrs:
                raise _Unsupported("extension attribute")
            for pattern in entry["patterns"]:
                tokens = tuple(tuple(self._tests(spec, columns)) for spec in pattern)
                target = index + len(tokens) if index < 0 else index
                if not 0 <= target < len(tokens):
                    raise _Unsupported("index outside the pattern")  # spaCy raises on it (E1001)
                self.patterns.append(_Pattern(order, tokens, target, dict(attrs)))
        self.columns = list(columns)
        self.classes = [{} for _ in self.columns]
        self.known, self.by_row = {}, {}

    def _tests(self, spec: dict[str, Any], columns: dict[str, int]) -> Iterable[_Test]:
        for key, value in spec.items():
            name = {"TEXT": "ORTH"}.get(key.upper(), key.upper())
            if name not in _STRING_ATTRS and name not in _FLAG_ATTRS:
                raise _Unsupported(name)
            if name not in columns:
                columns[name] = len(columns)
                self.regexes.append([])
                self.named.append(set())
            column = columns[name]
            if not isinstance(value, dict):
                equal = self._value(value)
                self.named[column].add(equal)
                yield _Test(column, equal=equal)
                continue
            for operator, operand in value.items():
                yield self._operator_test(column, name, operator, operand)

    def _operator_test(self, column: int, name: str, operator: str, operand: Any) -> _Test:
        if operator == "REGEX" and name in _STRING_ATTRS and isinstance(operand, str):
            self.regexes[column].append(re.compile(operand))
            return _Test(column, regex=len(self.regexes[column]) - 1)
        if operator in {"IN", "NOT_IN"} and isinstance(operand, list):
            values = frozenset(self._value(v) for v in operand)
            self.named[column] |= values
            return _Test(column, within=values) if operator == "IN" else _Test(column, outside=values)
        raise _Unsupported(operator)

    def _value(self, value: Any) -> int:
        """Return the number a token's row holds for `value`, as the Matcher compares them."""
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, str):
            return self.vocab.strings.add(value)
        if isinstance(value, int):
            return value
        raise _Unsupported(type(value).__name__)

    def __call__(self, doc: Doc) -> Doc:
        """Return `doc` with the attributes of every pattern that holds set on its target token."""
        if self.source is None:
            raise RuntimeError(f"{self.name} was given no patterns: use_attribute_rules(nlp) gives it the model's")
        if self.ruler is not None:
            return self.ruler(doc)
        if not len(doc) or not self.patterns:
            return doc
        rows = map(tuple, doc.to_array([IDS[c] for c in self.columns]).tolist())  # one row of values a token
        if len(self.by_row) > _MAX_KNOWN:
            self.known, self.by_row, self.classes = {}, {}, [{} for _ in self.columns]
        found = [self.by_row.get(row) or self._learn_row(row) for row in rows]
        extra: dict[int, list[tuple[int, Attrs]]] = {}  # token -> what patterns of several tokens give it
        for i, (_key, _merged, _single, longer) in enumerate(found):
            for pattern in longer:
                end = i + len(pattern.tokens)
                if end <= len(found) and all(self._holds(tests, found[j][0])
                                             for tests, j in zip(pattern.tokens[1:], range(i + 1, end), strict=True)):
                    extra.setdefault(i + pattern.target, []).append((pattern.order, pattern.attrs))
        for i, (_key, merged, single, _longer) in enumerate(found):
            if i in extra:
                merged = {}
                for _order, attrs in sorted([(p.order, p.attrs) for p in single] + extra[i], key=lambda x: x[0]):
                    merged.update(attrs)
            if merged:
                set_token_attrs(doc[i], merged)
        return doc

    def _learn_row(self, row: tuple[int, ...]) -> _Known:
        """Return what `_learn` says of a token's class, for a token with attribute values `row`; kept by row."""
        key = self._key(row)
        self.by_row[row] = (key, *(self.known.get(key) or self._learn(key)))
        return self.by_row[row]

    def _key(self, row: tuple[int, ...]) -> tuple[Any, ...]:
        """Return the class of a token with attribute values `row`: per column, the value where a pattern names
        it (else None) and what each of the column's regular expressions says of its string."""
        out = []
        for column, value in enumerate(row):
            cls = self.classes[column].get(value)
            if cls is None:
                regexes = self.regexes[column]
                text = self.vocab.strings[value] if regexes else ""
                cls = self.classes[column][value] = (
                    value if value in self.named[column] else None, tuple(bool(r.search(text)) for r in regexes))
            out.append(cls)
        return tuple(out)

    def _holds(self, tests: tuple[_Test, ...], key: tuple[Any, ...]) -> bool:
        return all(t.holds(*key[t.column]) for t in tests)

    def _learn(self, key: tuple[Any, ...]) -> tuple[Attrs, list[_Pattern], list[_Pattern]]:
        """Return, for a token of class `key`: the attributes its one-token patterns give it (merged in order),
        those patterns, and the longer patterns whose first token it matches; kept for the next such token."""
        single = [p for p in self.patterns if len(p.tokens) == 1 and self._holds(p.tokens[0], key)]
        longer = [p for p in self.patterns if len(p.tokens) > 1 and self._holds(p.tokens[0], key)]
        merged: Attrs = {}
        for p in single:
            merged.update(p.attrs)
        self.known[key] = (merged, single, longer)
        return self.known[key]


    def to_bytes(self, exclude: Iterable[str] = ()) -> bytes:
        """Return the patterns serialised as the model's ruler serialises them."""
        return self._source().to_bytes(exclude=exclude)

    def from_bytes(self, data: bytes, exclude: Iterable[str] = ()) -> AttributeRules:
        """Return this component holding the patterns of a ruler serialised by `to_bytes`."""
        self.take(AttributeRuler(self.vocab).from_bytes(data, exclude=exclude))
        return self

    def to_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> None:
        """Save the patterns in the folder `path` as the model's ruler saves them."""
        self._source().to_disk(path, exclude=exclude)

    def from_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> AttributeRules:
        """Return this component holding the patterns saved in the folder `path` by `to_disk`."""
        self.take(AttributeRuler(self.vocab).from_disk(path, exclude=exclude))
        return self

    def _source(self) -> AttributeRuler:
        if self.source is None:
            raise RuntimeError(f"{self.name} was given no patterns to save")
        return self.source


@Language.factory(ATTRIBUTE_RULES_PIPE, assigns=["token.pos", "token.morph", "token.lemma"])
def make_attribute_rules(nlp: Language, name: str) -> AttributeRules:
    """Return an empty ``linkchart_attribute_rules`` component; `use_attribute_rules` fills it from the model."""
    return AttributeRules(nlp.vocab, name)


def use_attribute_rules(nlp: Language) -> None:
    """Put ``linkchart_attribute_rules`` in place of the model's ``attribute_ruler``, holding its patterns (it
    runs the model's ruler itself when the patterns hold something it does not read)."""
    if MODEL_RULER not in nlp.pipe_names or ATTRIBUTE_RULES_PIPE in nlp.pipe_names:
        return
    rules = nlp.add_pipe(ATTRIBUTE_RULES_PIPE, before=MODEL_RULER)
    _name, ruler = nlp.remove_pipe(MODEL_RULER)
    rules.take(ruler)
