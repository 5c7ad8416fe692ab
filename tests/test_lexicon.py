"""The lexicon holds every word list: no word list is left in the code, and the word tables load and agree."""

from __future__ import annotations

import ast
import dataclasses
import re
import typing
from importlib import resources
from pathlib import Path

import pytest
import yaml

from linkchart import lexicon
from linkchart.lexicon import loader

SRC = Path(lexicon.__file__).resolve().parents[2]
MAX_STRINGS = 5
# Vocabularies that are not English words (labels, tags, element names, rule names): a word of theirs may
# also be an English word of another file ('a' the article and <a> the element).
OTHER_VOCABULARIES = {"labels", "syntax", "documents", "mention_cues"}
# A regex alternation of more than five plain words, '(?:jan|feb|mar|apr|may|jun)'.
WORD_ALTERNATION = re.compile(r"\((?:\?:)?(?:[A-Za-z][a-z]*\|){5,}[A-Za-z][a-z]*\)")
CONCEPTS = [
    lexicon.titles, lexicon.roles, lexicon.organisations, lexicon.national_bodies, lexicon.countries,
    lexicon.places, lexicon.particles, lexicon.grammar, lexicon.verbs, lexicon.events, lexicon.dates,
    lexicon.quantities, lexicon.publications, lexicon.languages, lexicon.not_entities, lexicon.labels,
    lexicon.syntax, lexicon.documents, lexicon.mention_cues, lexicon.boilerplate,
]


def word_list_literals(path: Path, root: Path = SRC / "linkchart") -> list[str]:
    """Return 'file:line what' for each list, set or tuple of more than five strings, each '"...".split()' of
    more than five words and each string holding a regex alternation of more than five plain words."""
    rel = path.relative_to(root).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    # a class's `__slots__` names its attributes, not words
    slots = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Assign)
             and any(isinstance(t, ast.Name) and t.id == "__slots__" for t in n.targets)}
    found = []
    for node in ast.walk(tree):
        what = None
        if id(node) in slots:
            continue
        if isinstance(node, ast.List | ast.Set | ast.Tuple):
            strings = sum(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts)
            if strings > MAX_STRINGS:
                what = f"{type(node).__name__.lower()} of {strings} strings"
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split"
              and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)
              and len(node.func.value.value.split()) > MAX_STRINGS):
            what = f"split() of {len(node.func.value.value.split())} words"
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and WORD_ALTERNATION.search(node.value):
            what = f"regex alternation {WORD_ALTERNATION.search(node.value).group(0)[:40]}"
        if what:
            found.append(f"{rel}:{node.lineno} {what}")
    return found


def test_no_word_list_is_left_in_the_code() -> None:
    found = [hit for path in sorted((SRC / "linkchart").rglob("*.py")) for hit in word_list_literals(path)]
    assert not found, "word lists belong in src/linkchart/lexicon/*.yaml:\n" + "\n".join(found)


def test_the_scan_finds_word_lists(tmp_path: Path) -> None:
    module = tmp_path / "probe.py"
    module.write_text('A = {"a", "b", "c", "d", "e", "f"}\nB = "a b c d e f".split()\n'
                      'C = r"\\b(?:jan|feb|mar|apr|may|jun)"\nD = ("a", "b", "c", "d", "e")\n', encoding="utf-8")
    found = word_list_literals(module, tmp_path)
    assert [f.split()[0] for f in found] == ["probe.py:1", "probe.py:2", "probe.py:3"]


@pytest.mark.parametrize("concept", CONCEPTS, ids=lambda f: f.__name__)
def test_each_concept_loads_with_its_types(concept: typing.Callable[[], object]) -> None:
    table = concept()
    assert dataclasses.is_dataclass(table) and type(table).__dataclass_params__.frozen  # type: ignore[attr-defined]
    hints = typing.get_type_hints(type(table))
    for field in dataclasses.fields(table):
        value, hint = getattr(table, field.name), hints[field.name]
        origin = typing.get_origin(hint) or hint
        assert isinstance(value, origin), (field.name, hint)
        if origin is frozenset or (origin is tuple and typing.get_args(hint)[1:] == (Ellipsis,)):
            assert value, f"{type(table).__name__}.{field.name} is empty"
            item = typing.get_args(hint)[0]
            assert all(isinstance(v, typing.get_origin(item) or item) for v in value), field.name
        elif origin is dict:
            assert value and all(isinstance(k, str) for k in value), field.name


@pytest.mark.parametrize("concept", [*CONCEPTS, lexicon.predicates], ids=lambda f: f.__name__)
def test_each_concept_is_built_once(concept: typing.Callable[[], object]) -> None:
    assert concept() is concept()


def test_every_lexicon_file_opens_with_a_comment() -> None:
    for name in loader.lexicon_files():
        first = (resources.files(loader.PACKAGE) / name).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# ") and len(first) > 20, f"{name} must open with what it is for and its sources"


def test_every_class_of_a_file_is_explained_in_its_header() -> None:
    for stem, entries in loader.word_tables().items():
        text = (resources.files(loader.PACKAGE) / f"{stem}.yaml").read_text(encoding="utf-8")
        header = text.split("\nwords:", 1)[0]
        used = {c.split("=", 1)[0] + ("=" if "=" in c else "") for e in entries for c in e.classes}
        missing = sorted(c for c in used if not re.search(rf"^#\s+{re.escape(c)}\s", header, re.M))
        assert not missing, f"{stem}.yaml: classes not explained in its header: {missing}"


def test_a_word_is_written_in_one_file_only() -> None:
    home: dict[str, str] = {}
    twice = []
    for stem, entries in loader.word_tables().items():
        for entry in entries:
            key = (stem if stem in OTHER_VOCABULARIES else "") + "|" + entry.word.casefold()
            if key in home:
                twice.append(f"{entry.word!r} in {home[key]}.yaml and {stem}.yaml")
            home[key] = stem
    assert not twice, twice


def test_the_loader_refuses_a_key_written_twice() -> None:
    with pytest.raises(yaml.constructor.ConstructorError, match="duplicate key"):
        loader.parse_yaml("words:\n  militia: [org_head]\n  militia: [org_noun]\n")


def test_the_loader_refuses_a_word_yaml_reads_as_something_else() -> None:
    with pytest.raises(TypeError, match="quote"):
        loader.read_word_table("grammar", loader.parse_yaml("on: [locative_prep]\n"))
    assert loader.read_word_table("grammar", loader.parse_yaml('"on": [locative_prep]\n'))[0].word == "on"


def test_classes_gather_words_across_files_and_values() -> None:
    assert {"january", "monday", "north", "god", "i"} <= lexicon.not_entities().places  # from five files
    assert lexicon.dates().months["sept"] == 9
    assert lexicon.countries().names["usa"] == "United States"
    assert lexicon.countries().demonyms["Iranian"] == "Iran"
    assert lexicon.organisations().kinds["units"] == "force"
    with pytest.raises(KeyError, match="no lexicon word has class"):
        loader.words("no_such_class")


def test_predicates_link_known_entity_labels() -> None:
    labels = set(lexicon.labels().actors) | lexicon.labels().arguments
    for predicate in lexicon.predicates().values():
        assert predicate.subject <= labels and predicate.object <= labels, predicate.name


def test_boilerplate_patterns_compile() -> None:
    patterns = lexicon.boilerplate()
    for pattern in [c.pattern for c in patterns.line_cues] + [patterns.list_cue, patterns.signature]:
        re.compile(pattern)
    assert "{" not in patterns.signature.split("{0,")[0]  # the role slot was filled


def test_a_country_name_with_a_possessive_is_found_as_the_resolver_writes_it() -> None:
    # the resolver's surfaces drop a possessive inside a name ("X's Republic" → 'X Republic'): the gazetteer knows
    # each of its names in that form too, for the same country
    from linkchart.resolve.surfaces import clean_surface

    gazetteer = lexicon.countries().names
    with_possessive = [(w, v) for w, v in lexicon.values("country").items() if "'s " in w]
    assert with_possessive
    for written, country in with_possessive:
        for form in (written, written.replace("'s ", " 's ")):
            assert gazetteer[clean_surface(form).replace(".", "").casefold()] == country
