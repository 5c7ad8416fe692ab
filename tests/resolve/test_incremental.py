"""Incremental resolution (`resolve.incremental`): after articles are added it gives the entities a full
resolution of the same store gives, touching only the clusters the new names reach."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from linkchart.api import Workspace
from linkchart.api.workspace import sample_corpus_path
from linkchart.ingest.dedupe import article_fingerprint
from linkchart.models import AliasStatement, Article, Document, Extraction, Mention, OffsetMap
from linkchart.resolve.runner import resolve_store
from linkchart.store.base import Store
from linkchart.store.open import open_store

Clusters = set[frozenset[int]]


def clusters(store: Store) -> Clusters:
    """Return the stored entities as sets of mention ids."""
    by_entity: dict[int, set[int]] = {}
    for mention, entity in store.mention_links():
        by_entity.setdefault(entity, set()).add(mention)
    return {frozenset(v) for v in by_entity.values()}


def ids_by_cluster(store: Store) -> dict[frozenset[int], int]:
    """Return each stored entity's id by its set of mention ids."""
    by_entity: dict[int, set[int]] = {}
    for mention, entity in store.mention_links():
        by_entity.setdefault(entity, set()).add(mention)
    return {frozenset(v): k for k, v in by_entity.items()}


def add_article(store: Store, source: str, sentences: list[tuple[str, list[tuple[str, str]]]],
                statements: list[tuple[str, str, str]] = ()) -> None:
    """Store a one-article document of `sentences`, each (text, [(name, label)...]) naming those mentions,
    with alias statements (name, alias, kind) over the whole text."""
    text = " ".join(s for s, _ in sentences)
    mentions = []
    offset = 0
    for sentence, named in sentences:
        for name, label in named:
            i = sentence.index(name)
            mentions.append(Mention(offset + i, offset + i + len(name), name, label, offset, offset + len(sentence)))
        offset += len(sentence) + 1
    said = [AliasStatement(n, a, k, 0, len(text)) for n, a, k in statements]
    store.add_document(Document(source=source, text=text, sha256=f"sha-{source}", kind="txt"),
                       [Article(source=source, index=0, text=text, offsets=OffsetMap.identity(len(text), 0),
                                start=0, end=len(text))],
                       [Extraction(mentions=mentions, aliases=said)], [article_fingerprint(text)])


FIRST = [
    ("a1", [("Karim Dawali met Nadia Qasimi in Tal Sabr.", [("Karim Dawali", "PERSON"), ("Nadia Qasimi", "PERSON"),
                                                           ("Tal Sabr", "GPE")]),
            ("Dawali leads the Velmora Liberation Front (VLF).", [("Dawali", "PERSON"),
                                                                 ("Velmora Liberation Front", "ORG"),
                                                                 ("VLF", "ORG")])],
     [("Velmora Liberation Front", "VLF", "acronym")]),
    ("a2", [("Nadia Qasimi spoke for the Orsk Council.", [("Nadia Qasimi", "PERSON"), ("Orsk Council", "ORG")]),
            ("Qasimi denied it.", [("Qasimi", "PERSON")])], []),
    ("a3", [("Omar Jaber visited Lake Perun.", [("Omar Jaber", "PERSON"), ("Lake Perun", "LOC")])], []),
]
SECOND = [
    ("b1", [("Kareem Dawali returned to Tal Sabr.", [("Kareem Dawali", "PERSON"), ("Tal Sabr", "GPE")]),
            ("The VLF said Dawali was safe.", [("VLF", "ORG"), ("Dawali", "PERSON")])], []),
    ("b2", [("Sami Dawali, his brother, joined the Orsk Council.", [("Sami Dawali", "PERSON"),
                                                                    ("Orsk Council", "ORG")]),
            ("Dawali was seen in Tal Sabr.", [("Dawali", "PERSON"), ("Tal Sabr", "GPE")])], []),
    ("b3", [("Rami Saleh, known as Abu Tarik, met Omar Jaber.", [("Rami Saleh", "PERSON"), ("Omar Jaber", "PERSON")]),
            ("Abu Tarik left.", [("Abu Tarik", "PERSON")])], [("Rami Saleh", "Abu Tarik", "known_as")]),
]


def test_adding_invented_articles_gives_the_entities_of_a_full_resolution(store_url: str) -> None:
    with open_store(store_url) as store:
        for source, sentences, said in FIRST:
            add_article(store, source, sentences, said)
        resolve_store(store)
        before = ids_by_cluster(store)
        untouched = {c: i for c, i in before.items() if any(m in c for m in _mentions_of(store, "Lake Perun"))}
        for source, sentences, said in SECOND:
            add_article(store, source, sentences, said)
        start = store.incremental_input()
        assert start is not None and len(start.articles) == len(SECOND)
        resolved = resolve_store(store, force=False)
        assert resolved is not None and len(resolved) < len(store.entities())  # not every entity was resolved again
        incremental = clusters(store)
        after = ids_by_cluster(store)
        assert all(after.get(c) == i for c, i in untouched.items())  # an unchanged cluster keeps its id
        resolve_store(store, full=True)
        assert incremental == clusters(store)
        assert not store.resolution_due()


def _mentions_of(store: Store, text: str) -> set[int]:
    return {m.id for m in store.mentions() if m.text == text}


def test_decisions_still_apply_after_articles_are_added(store_url: str) -> None:
    with open_store(store_url) as store:
        for source, sentences, said in FIRST:
            add_article(store, source, sentences, said)
        resolve_store(store)
        store.add_decision("merge", {"a": "Omar Jaber", "b": "Orsk Council"})
        store.add_decision("reject", {"entity": "Lake Perun"})
        resolve_store(store, force=False)
        for source, sentences, said in SECOND:
            add_article(store, source, sentences, said)
        resolve_store(store, force=False)
        incremental = clusters(store)
        perun = _mentions_of(store, "Lake Perun")
        assert not any(perun & c for c in incremental)  # still rejected
        jaber, orsk = _mentions_of(store, "Omar Jaber"), _mentions_of(store, "Orsk Council")
        assert any(jaber | orsk <= c for c in incremental)  # still merged, with the new articles' mentions
        resolve_store(store, full=True)
        assert incremental == clusters(store)


def test_the_sample_corpus_in_two_batches_resolves_as_in_one(store_url: str, tmp_path: Path) -> None:
    files = sorted(sample_corpus_path().iterdir())
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, part in ((first, files[::2]), (second, files[1::2])):
        folder.mkdir()
        for f in part:
            shutil.copy(f, folder / f.name)
    with Workspace(store_url, processes=1) as ws:
        assert ws.ingest([str(first)]).ok
        assert ws.store.incremental_input() is not None  # the first batch was resolved in full
        assert ws.ingest([str(second)]).ok  # resolved incrementally
        incremental = clusters(ws.store)
        ws.resolve(full=True)
        assert incremental == clusters(ws.store)


def test_a_deleted_document_makes_the_next_resolution_full(store_url: str) -> None:
    with open_store(store_url) as store:
        for source, sentences, said in FIRST:
            add_article(store, source, sentences, said)
        resolve_store(store)
        assert store.incremental_input() is not None
        store.delete_document("a3")
        assert store.incremental_input() is None
        resolve_store(store, force=False)
        assert store.incremental_input() is not None and "Omar Jaber" not in {e.name for e in store.entities()}


def _entity_view(store: Store) -> set[tuple[frozenset[int], str, str, frozenset[tuple[str, int]]]]:
    """Return each stored entity as its mentions, name, type and aliases with their counts."""
    by_entity: dict[int, set[int]] = {}
    for mention, entity in store.mention_links():
        by_entity.setdefault(entity, set()).add(mention)
    out = set()
    for e in store.entities():
        aliases = frozenset((a.alias, a.count) for a in store.entity_aliases(e.id))
        out.add((frozenset(by_entity.get(e.id, ())), e.name, e.type, aliases))
    return out


def test_an_article_of_known_names_joins_their_big_clusters_as_a_full_resolution_would(store_url: str) -> None:
    from linkchart.resolve.cluster import LAST_RUN

    with open_store(store_url) as store:
        for i in range(40):
            add_article(store, f"big{i}", [
                ("General Karim Dawali spoke for the Velmora Liberation Front (VLF) in Tal Sabr.",
                 [("Karim Dawali", "PERSON"), ("Velmora Liberation Front", "ORG"), ("VLF", "ORG"),
                  ("Tal Sabr", "GPE")]),
                ("Dawali met Nadia Qasimi.", [("Dawali", "PERSON"), ("Nadia Qasimi", "PERSON")])],
                [("Velmora Liberation Front", "VLF", "acronym")])
        resolve_store(store)
        add_article(store, "new", [
            ("Minister Karim Dawali left Tal Sabr with the Velmora Liberation Front (VLF).",
             [("Karim Dawali", "PERSON"), ("Tal Sabr", "GPE"), ("Velmora Liberation Front", "ORG"), ("VLF", "ORG")]),
            ("Dawali was seen there.", [("Dawali", "PERSON")])],
            [("Velmora Liberation Front", "VLF", "acronym")])
        LAST_RUN.clear()
        assert resolve_store(store, force=False) is not None
        assert LAST_RUN["kind"] == "attach"  # joined from the kept names, no cluster re-read
        incremental = _entity_view(store)
        assert any(len(c) == 82 and name == "Karim Dawali" for c, name, _t, _a in incremental)
        resolve_store(store, full=True)
        assert incremental == _entity_view(store)
        add_article(store, "newer", [("Karim Dawali met Omar Jaber.", [("Karim Dawali", "PERSON"),
                                                                        ("Omar Jaber", "PERSON")])])
        LAST_RUN.clear()
        resolve_store(store, force=False)
        assert LAST_RUN["kind"] == "split" and "Omar Jaber" in LAST_RUN["declined"]  # a new name
        assert LAST_RUN["mentions"] == 1 and LAST_RUN["attached"] == 1  # Karim Dawali's cluster was not read
        incremental = _entity_view(store)
        resolve_store(store, full=True)
        assert incremental == _entity_view(store)


def _reasoned_view(store: Store) -> set[tuple[frozenset[int], str, str, frozenset[tuple[str, int, str]]]]:
    """Return each stored entity as its mentions, name, type and aliases with their counts and reasons."""
    by_entity: dict[int, set[int]] = {}
    for mention, entity in store.mention_links():
        by_entity.setdefault(entity, set()).add(mention)
    return {(frozenset(by_entity.get(e.id, ())), e.name, e.type,
             frozenset((a.alias, a.count, a.reason) for a in store.entity_aliases(e.id))) for e in store.entities()}


def _big_store(store: Store) -> None:
    """Store 30 articles naming Karim Dawali, the Velmora Liberation Front and Nadia Qasimi, and resolve them."""
    for i in range(30):
        add_article(store, f"big{i}", [
            ("General Karim Dawali spoke for the Velmora Liberation Front in Tal Sabr.",
             [("Karim Dawali", "PERSON"), ("Velmora Liberation Front", "ORG"), ("Tal Sabr", "GPE")]),
            ("Dawali met Nadia Qasimi.", [("Dawali", "PERSON"), ("Nadia Qasimi", "PERSON")])])
    resolve_store(store)


def test_a_new_spelling_of_a_known_name_joins_its_cluster_as_a_full_resolution_would(store_url: str) -> None:
    from linkchart.resolve.cluster import LAST_RUN

    with open_store(store_url) as store:
        _big_store(store)
        add_article(store, "variant", [
            ("Kerim Dawalli met Omar Jaber in Tal Sabr.", [("Kerim Dawalli", "PERSON"), ("Omar Jaber", "PERSON"),
                                                          ("Tal Sabr", "GPE")]),
            ("Nadya Qaseemi spoke for the Velmora Liberation Front.", [("Nadya Qaseemi", "PERSON"),
                                                                       ("Velmora Liberation Front", "ORG")])])
        LAST_RUN.clear()
        assert resolve_store(store, force=False) is not None
        assert LAST_RUN["kind"] == "split"
        incremental = _reasoned_view(store)
        variant = {m.id for m in store.mentions() if m.text in ("Kerim Dawalli", "Karim Dawali")}
        assert any(variant <= c for c, *_ in incremental)  # the new spelling joined the known name's entity
        resolve_store(store, full=True)
        assert incremental == _reasoned_view(store)


def test_a_wholly_new_name_makes_an_entity_of_its_own_as_a_full_resolution_would(store_url: str) -> None:
    from linkchart.resolve.cluster import LAST_RUN

    with open_store(store_url) as store:
        _big_store(store)
        add_article(store, "new", [
            ("Karim Dawali met Tovin Hasselgrund in Tal Sabr.", [("Karim Dawali", "PERSON"),
                                                                ("Tovin Hasselgrund", "PERSON"), ("Tal Sabr", "GPE")]),
            ("Hasselgrund left the Velmora Liberation Front.", [("Hasselgrund", "PERSON"),
                                                               ("Velmora Liberation Front", "ORG")])])
        LAST_RUN.clear()
        assert resolve_store(store, force=False) is not None
        assert LAST_RUN["kind"] == "split" and LAST_RUN["mentions"] == 2  # only the new name's mentions were read
        incremental = _reasoned_view(store)
        new = {m.id for m in store.mentions() if "Hasselgrund" in m.text}
        assert new in {c for c, *_ in incremental}  # one entity of its own
        resolve_store(store, full=True)
        assert incremental == _reasoned_view(store)


def test_new_initials_of_an_acronym_other_texts_use_undo_its_join_as_a_full_resolution_would(store_url: str) -> None:
    with open_store(store_url) as store:
        _big_store(store)
        for i in range(3):
            add_article(store, f"acr{i}", [("The VLF met in Orsk.", [("VLF", "ORG"), ("Orsk", "GPE")])])
        add_article(store, "initials", [("Karim Kadir met Omar Jaber.", [("Karim Kadir", "PERSON"),
                                                                         ("Omar Jaber", "PERSON")])])
        resolve_store(store)
        vlf = {m.id for m in store.mentions() if m.text == "VLF"}
        front = {m.id for m in store.mentions() if m.text == "Velmora Liberation Front"}
        assert any(vlf | front <= c for c in clusters(store))  # the acronym no text defined joins its one expansion
        add_article(store, "new", [
            ("Karim Dawali praised the Vardan Lumen Foundation and Kamal Kuzan.",
             [("Karim Dawali", "PERSON"), ("Vardan Lumen Foundation", "ORG"), ("Kamal Kuzan", "PERSON")])])
        assert resolve_store(store, force=False) is not None
        incremental = _reasoned_view(store)
        assert not any(vlf & c and front & c for c, *_ in incremental)  # two expansions now: not joined
        resolve_store(store, full=True)
        assert incremental == _reasoned_view(store)


def _described(store: Store, source: str, description: str | None) -> None:
    """Store a one-article document naming Karim Dawali once, with that appositive description."""
    text = "Karim Dawali spoke in Tal Sabr."
    mentions = [Mention(0, 12, "Karim Dawali", "PERSON", 0, len(text), description=description),
                Mention(22, 30, "Tal Sabr", "GPE", 0, len(text))]
    store.add_document(Document(source=source, text=text, sha256=f"sha-{source}", kind="txt"),
                       [Article(source=source, index=0, text=text, offsets=OffsetMap.identity(len(text), 0),
                                start=0, end=len(text))],
                       [Extraction(mentions=mentions)], [article_fingerprint(text + source)])


def _descriptions(store: Store) -> dict[frozenset[int], str | None]:
    """Return each stored entity's description by its mentions."""
    by_entity: dict[int, set[int]] = {}
    for mention, entity in store.mention_links():
        by_entity.setdefault(entity, set()).add(mention)
    return {frozenset(by_entity.get(e.id, ())): e.description for e in store.entities()}


def test_tied_descriptions_are_picked_as_a_full_resolution_picks_them(store_url: str) -> None:
    from linkchart.resolve.cluster import LAST_RUN

    with open_store(store_url) as store:
        for i in range(6):
            _described(store, f"c{i}", "a commander of the Orsk Council")
            _described(store, f"l{i}", "the leader of the Velmora Liberation Front")
        resolve_store(store)
        kinds = []
        for source, description in (("none", None), ("other", "an envoy of Orsk"),
                                    ("leader", "the leader of the Velmora Liberation Front"),
                                    ("commander", "a commander of the Orsk Council"),
                                    ("commander2", "a commander of the Orsk Council"),
                                    ("leader2", "the leader of the Velmora Liberation Front")):
            _described(store, source, description)
            LAST_RUN.clear()
            assert resolve_store(store, force=False) is not None
            kinds.append(LAST_RUN["kind"])
            incremental = _reasoned_view(store), _descriptions(store)
            resolve_store(store, full=True)
            assert incremental == (_reasoned_view(store), _descriptions(store))
        # the tie stands and its pick is kept; a description below it changes nothing; one breaking it wins; one
        # growing into a tie wins when first given in an earlier article (the store tells which), else loses
        assert kinds == ["attach"] * 6
        assert [e.description for e in store.entities() if e.name == "Karim Dawali"] == [
            "a commander of the Orsk Council"]


def _described_in_turn(store: Store, source: str, descriptions: list[str]) -> None:
    """Store a one-article document naming Karim Dawali once per description, in that order."""
    text = " ".join("Karim Dawali spoke." for _ in descriptions)
    mentions = [Mention(20 * i, 20 * i + 12, "Karim Dawali", "PERSON", 20 * i, 20 * i + 19, description=d)
                for i, d in enumerate(descriptions)]
    store.add_document(Document(source=source, text=text, sha256=f"sha-{source}", kind="txt"),
                       [Article(source=source, index=0, text=text, offsets=OffsetMap.identity(len(text), 0),
                                start=0, end=len(text))],
                       [Extraction(mentions=mentions)], [article_fingerprint(text + source)])


@pytest.mark.parametrize("first", ["an envoy of Orsk", "a commander of the Orsk Council"])
def test_a_tie_of_descriptions_first_given_in_one_article_is_settled_by_their_order_there(
        store_url: str, first: str) -> None:
    from linkchart.resolve.cluster import LAST_RUN

    envoy, commander = "an envoy of Orsk", "a commander of the Orsk Council"
    with open_store(store_url) as store:
        # one article gives both, in turn: the commander twice, the envoy once (before or after it)
        _described_in_turn(store, "both", [envoy, commander, commander] if first == envoy
                           else [commander, envoy, commander])
        _described(store, "place", None)  # Tal Sabr known too: the next article only joins known names
        resolve_store(store)
        _described(store, "envoy", envoy)  # a tie, both first given in the same article
        LAST_RUN.clear()
        assert resolve_store(store, force=False) is not None
        assert LAST_RUN["kind"] == "attach"
        incremental = _reasoned_view(store), _descriptions(store)
        resolve_store(store, full=True)
        assert incremental == (_reasoned_view(store), _descriptions(store))
        assert [e.description for e in store.entities() if e.name == "Karim Dawali"] == [first]


def _full_view(store: Store) -> set[tuple[frozenset[int], str, str, str | None, frozenset[tuple[str, int, str]]]]:
    """Return each stored entity as its mentions, name, type, description and aliases with counts and reasons."""
    by_entity: dict[int, set[int]] = {}
    for mention, entity in store.mention_links():
        by_entity.setdefault(entity, set()).add(mention)
    return {(frozenset(by_entity.get(e.id, ())), e.name, e.type, e.description,
             frozenset((a.alias, a.count, a.reason) for a in store.entity_aliases(e.id))) for e in store.entities()}


def _acronym_store(store: Store) -> None:
    """Store 'VLF' defined as two different groups (so joined only within articles) and a third group it abbreviates,
    never defined, beside Karim Dawali; resolve them."""
    _big_store(store)
    for i in range(8):
        add_article(store, f"velmora{i}", [("The Velmora Liberation Front (VLF) met in Orsk.",
                                             [("Velmora Liberation Front", "ORG"), ("VLF", "ORG"), ("Orsk", "GPE")])],
                    [("Velmora Liberation Front", "VLF", "acronym")])
    for i in range(12):
        add_article(store, f"varda{i}", [("The Varda Lumen Force (VLF) met in Tal Sabr.",
                                           [("Varda Lumen Force", "ORG"), ("VLF", "ORG"), ("Tal Sabr", "GPE")])],
                    [("Varda Lumen Force", "VLF", "acronym")])
    for i in range(3):
        add_article(store, f"vesna{i}", [("The Vesna Lake Fighters spoke in Orsk.",
                                           [("Vesna Lake Fighters", "ORG"), ("Orsk", "GPE")])])
    resolve_store(store)


def test_an_acronym_defined_once_more_is_resolved_without_reading_its_other_meanings(store_url: str) -> None:
    from linkchart.resolve.cluster import LAST_RUN

    with open_store(store_url) as store:
        _acronym_store(store)
        varda = {m.id for m in store.mentions() if m.text in ("Varda Lumen Force", "Tal Sabr")}
        add_article(store, "new", [
            ("Karim Dawali said the Vesna Lake Fighters (VLF) left Orsk.",
             [("Karim Dawali", "PERSON"), ("Vesna Lake Fighters", "ORG"), ("VLF", "ORG"), ("Orsk", "GPE")]),
            ("The Lake Fighters denied it.", [("Lake Fighters", "ORG")])],
            [("Vesna Lake Fighters", "VLF", "acronym")])
        LAST_RUN.clear()
        assert resolve_store(store, force=False) is not None
        assert LAST_RUN["kind"] == "split" and LAST_RUN["narrow"]
        assert LAST_RUN["mentions"] < len(varda)  # the other meanings of 'VLF' were not all read
        incremental = _full_view(store)
        vlf = {m.id for m in store.mentions() if m.text in ("VLF", "Vesna Lake Fighters") and m.article_id ==
               max(x.article_id for x in store.mentions())}
        assert any(vlf <= c for c, *_ in incremental)  # the new definition joined its article's group
        resolve_store(store, full=True)
        assert incremental == _full_view(store)


def test_a_first_definition_of_an_acronym_is_resolved_with_every_cluster_using_it(store_url: str) -> None:
    from linkchart.resolve.cluster import LAST_RUN

    with open_store(store_url) as store:
        _big_store(store)
        for i in range(4):
            add_article(store, f"acr{i}", [("The VLF met in Orsk.", [("VLF", "ORG"), ("Orsk", "GPE")])])
        add_article(store, "front", [("The Velmora Liberation Front met.", [("Velmora Liberation Front", "ORG")])])
        resolve_store(store)
        add_article(store, "new", [
            ("Karim Dawali joined the Vardan Lumen Foundation (VLF).",
             [("Karim Dawali", "PERSON"), ("Vardan Lumen Foundation", "ORG"), ("VLF", "ORG")])],
            [("Vardan Lumen Foundation", "VLF", "acronym")])
        LAST_RUN.clear()
        assert resolve_store(store, force=False) is not None
        incremental = _full_view(store)
        resolve_store(store, full=True)
        assert incremental == _full_view(store)


def test_alias_meanings_gives_one_statement_of_each_meaning_of_an_alias(store_url: str) -> None:
    with open_store(store_url) as store:
        for i, name in enumerate(["Velmora Liberation Front", "Velmora Liberation Front", "Varda Lumen Force"]):
            add_article(store, f"m{i}", [(f"The {name} (VLF) met.", [(name, "ORG"), ("VLF", "ORG")])],
                        [(name, "VLF", "acronym")])
        add_article(store, "other", [("The Orsk Council (OC) met.", [("Orsk Council", "ORG"), ("OC", "ORG")])],
                    [("Orsk Council", "OC", "acronym")])
        found = store.alias_meanings(["VLF", "V.L.F."])
        assert sorted((st.name, st.alias, st.kind) for st in found) == [
            ("Varda Lumen Force", "VLF", "acronym"), ("Velmora Liberation Front", "VLF", "acronym")]
        first = min(st.id for st in store.alias_statements() if st.name == "Velmora Liberation Front")
        assert first in {st.id for st in found}
        assert store.alias_meanings([]) == []


def test_a_new_spelling_of_a_known_name_joins_from_the_kept_names_as_a_full_resolution_would(store_url: str) -> None:
    from linkchart.resolve.cluster import LAST_RUN

    with open_store(store_url) as store:
        _big_store(store)
        for source in ("variant", "again"):  # the second time the spelling is known
            add_article(store, source, [
                ("Minister Kareem Dawaali met Nadia Qasimi in Tal Sabr.",
                 [("Kareem Dawaali", "PERSON"), ("Nadia Qasimi", "PERSON"), ("Tal Sabr", "GPE")]),
                ("Dawaali spoke for the Velmora Liberation Front.", [("Dawaali", "PERSON"),
                                                                      ("Velmora Liberation Front", "ORG")])])
            LAST_RUN.clear()
            assert resolve_store(store, force=False) is not None
            assert LAST_RUN["kind"] == "attach"  # joined from the kept names: Karim Dawali's mentions not read
            incremental = _full_view(store)
            variant = {m.id for m in store.mentions() if "Dawa" in m.text}
            assert any(variant <= c for c, *_ in incremental)
            resolve_store(store, full=True)
            assert incremental == _full_view(store)


def test_a_new_spelling_beside_a_new_name_joins_apart_from_it(store_url: str) -> None:
    from linkchart.resolve.cluster import LAST_RUN

    with open_store(store_url) as store:
        _big_store(store)
        add_article(store, "variant", [
            ("Kareem Dawaali met Tovin Hasselgrund in Tal Sabr.",
             [("Kareem Dawaali", "PERSON"), ("Tovin Hasselgrund", "PERSON"), ("Tal Sabr", "GPE")]),
            ("Dawaali left the Velmora Liberation Front.", [("Dawaali", "PERSON"),
                                                             ("Velmora Liberation Front", "ORG")])])
        LAST_RUN.clear()
        assert resolve_store(store, force=False) is not None
        assert LAST_RUN["kind"] == "split" and LAST_RUN["mentions"] == 1  # only the new name was read with its reach
        incremental = _full_view(store)
        resolve_store(store, full=True)
        assert incremental == _full_view(store)


def test_a_described_new_spelling_gives_its_entity_the_description_a_full_resolution_gives(store_url: str) -> None:
    from linkchart.resolve.cluster import LAST_RUN

    with open_store(store_url) as store:
        _described(store, "d1", "the envoy of the council")
        _big_store(store)
        for source in ("d2", "d3"):  # the second ties the stored description, then outnumbers it
            text = "Kareem Dawaali spoke in Tal Sabr."
            mentions = [Mention(0, 14, "Kareem Dawaali", "PERSON", 0, len(text), description="the head of the front"),
                        Mention(24, 32, "Tal Sabr", "GPE", 0, len(text))]
            store.add_document(Document(source=source, text=text, sha256=f"sha-{source}", kind="txt"),
                               [Article(source=source, index=0, text=text, offsets=OffsetMap.identity(len(text), 0),
                                        start=0, end=len(text))],
                               [Extraction(mentions=mentions)], [article_fingerprint(text + source)])
            LAST_RUN.clear()
            assert resolve_store(store, force=False) is not None
            assert LAST_RUN["kind"] == "attach"
            incremental = _full_view(store)
            resolve_store(store, full=True)
            assert incremental == _full_view(store)


def test_a_new_full_name_does_not_read_the_people_its_surname_alone_stands_for_in_their_articles(
        store_url: str) -> None:
    from linkchart.resolve.cluster import LAST_RUN

    with open_store(store_url) as store:
        _big_store(store)  # 'Dawali' alone stands for Karim Dawali in each of its articles
        add_article(store, "new", [
            ("Omar Dawali met Nadia Qasimi in Tal Sabr.", [("Omar Dawali", "PERSON"), ("Nadia Qasimi", "PERSON"),
                                                          ("Tal Sabr", "GPE")])])
        LAST_RUN.clear()
        assert resolve_store(store, force=False) is not None
        assert LAST_RUN["kind"] == "split" and LAST_RUN["mentions"] == 1  # Karim Dawali's cluster was not read
        incremental = _full_view(store)
        resolve_store(store, full=True)
        assert incremental == _full_view(store)


def test_a_name_only_an_alias_statement_gives_does_not_stop_new_mentions_joining(store_url: str) -> None:
    from linkchart.resolve.cluster import LAST_RUN

    with open_store(store_url) as store:
        for i in range(3):  # 'VLF' is defined, never written alone: an alias of no mention
            add_article(store, f"front{i}", [("The Velmora Liberation Front (VLF) met.",
                                              [("Velmora Liberation Front", "ORG")])],
                        [("Velmora Liberation Front", "VLF", "acronym")])
        resolve_store(store)
        add_article(store, "again", [("The Velmora Liberation Front met again.",
                                      [("Velmora Liberation Front", "ORG")])])
        LAST_RUN.clear()
        assert resolve_store(store, force=False) is not None
        assert LAST_RUN["kind"] == "attach"
        incremental = _reasoned_view(store)
        assert any(("VLF", 0) in {(a, n) for a, n, _ in aliases} for *_, aliases in incremental)
        resolve_store(store, full=True)
        assert incremental == _reasoned_view(store)


@pytest.mark.parametrize(("a", "b"), [("Varnish Football League", "Varnish Professional Football League"),
                                      ("Varnish Professional Football League", "Varnish Football League"),
                                      ("Ossangena District", "Ossingir District"), ("Tarn River", "Tarn Station")])
def test_two_known_names_an_article_writes_side_by_side_part_as_a_full_resolution_parts_them(
        store_url: str, a: str, b: str) -> None:
    with open_store(store_url) as store:
        add_article(store, "first", [(f"Orla joined the {a}.", [(a, "ORG")])])
        add_article(store, "second", [(f"Orla left the {b}.", [(b, "ORG")])])
        resolve_store(store)
        add_article(store, "both", [(f"Orla played in the {a} and then in the {b}.", [(a, "ORG"), (b, "ORG")])])
        resolve_store(store, force=False)
        incremental = _reasoned_view(store)
        resolve_store(store, full=True)
        assert incremental == _reasoned_view(store)
