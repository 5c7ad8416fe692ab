"""A full resolution reads the mentions streamed (`Store.read_resolution`) into local surfaces, never a row per
mention held: it must store what clustering the stored mention rows gives, on both back ends."""

from __future__ import annotations

from linkchart.ingest.dedupe import article_fingerprint
from linkchart.models import AliasStatement, Article, Document, Extraction, Mention, OffsetMap
from linkchart.resolve.cluster import entity_rows, resolve
from linkchart.resolve.runner import resolve_store
from linkchart.store.base import Store
from linkchart.store.open import open_store

# invented names; the second article names the same people partly, with a title and a description
ARTICLES = [
    ("Karim Dawali met Nadia Qasimi in Tal Sabr. Dawali leads the Verdant Harbour Union (VHU).",
     [("Karim Dawali", "PERSON", None, None), ("Nadia Qasimi", "PERSON", None, None), ("Tal Sabr", "GPE", None, None),
      ("Dawali", "PERSON", "leader", None), ("Verdant Harbour Union", "ORG", None, None), ("VHU", "ORG", None, None)],
     [AliasStatement("Verdant Harbour Union", "VHU", "acronym", 0, 0)]),
    ("Minister Qasimi told the VHU that Karim Dawali, head of the union, would return to Tal Sabr.",
     [("Qasimi", "PERSON", "Minister", None), ("VHU", "ORG", None, None),
      ("Karim Dawali", "PERSON", None, "head of the union"), ("Tal Sabr", "GPE", None, None)], []),
    ("The government of Tal Sabr thanked Nadia Qasimi and Karim Dawali; Dawali left.",
     [("government", "ORG", None, "Tal Sabr government"), ("Tal Sabr", "GPE", None, None),
      ("Nadia Qasimi", "PERSON", None, None), ("Karim Dawali", "PERSON", None, None), ("Dawali", "PERSON", None, None)],
     []),
]


def fill(store: Store) -> None:
    """Store the three invented articles, each mention at its first place after the previous one."""
    for n, (text, found, aliases) in enumerate(ARTICLES):
        mentions, at = [], 0
        for name, label, role, extra in found:
            start = text.index(name, at)
            at = start + len(name)
            refers_to = extra if name == "government" else None
            description = None if refers_to else extra
            mentions.append(Mention(start, at, name, label, 0, len(text), role, description, refers_to))
        source = f"a{n}.txt"
        store.add_document(Document(source=source, text=text, sha256=f"sha-{n}", kind="txt"),
                           [Article(source=source, index=0, text=text, offsets=OffsetMap.identity(len(text), 0),
                                    start=0, end=len(text))],
                           [Extraction(mentions=mentions, aliases=aliases)], [article_fingerprint(text)])


def test_streamed_mentions_are_the_mention_rows_in_their_order(store_url: str) -> None:
    with open_store(store_url) as store:
        check_streamed(store)


def check_streamed(store: Store) -> None:
    """Check `read_resolution` against the stored mention rows."""
    fill(store)
    rows, snapshot = store.read_resolution(list)
    assert [tuple(r) for r in rows] == [(m.id, m.article_id, m.text, m.label, m.role, m.description, m.refers_to)
                                        for m in store.mentions()]
    assert snapshot.mentions == [] and snapshot.is_due
    assert [tuple(st) for st in snapshot.alias_statements] == [(st.id, st.article_id, st.name, st.alias, st.kind,
                                                                 st.sentence) for st in store.alias_statements()]
    assert snapshot.alias_statements and snapshot.decisions == store.decisions()


def test_a_full_resolution_stores_what_the_mention_rows_resolve_to(store_url: str) -> None:
    with open_store(store_url) as store:
        check_full(store)


def check_full(store: Store) -> None:
    """Check a full resolution's stored rows against clustering the mention rows, and its clusters."""
    fill(store)
    store.add_decision("rename", {"entity": "Tal Sabr", "name": "Tal Sabr City"})
    resolve_store(store, full=True)
    expected = resolve(store.mentions(), store.alias_statements(), store.decisions())
    rows, aliases, links = entity_rows(expected, {e.root: i for i, e in enumerate(expected, start=1)})
    assert store.entities() == rows
    assert sorted(store.mention_links()) == sorted(links)
    stored = {(a.entity_id, a.alias, a.count, a.reason, a.reason_pass) for a in store.entity_aliases()}
    assert stored == {(a.entity_id, a.alias, a.count, a.reason, a.reason_pass) for a in aliases}
    # the clusters themselves, by the names of their mentions
    names = {m.id: m.text for m in store.mentions()}
    by_entity: dict[int, set[str]] = {}
    for mention, entity in store.mention_links():
        by_entity.setdefault(entity, set()).add(names[mention])
    assert sorted(map(sorted, by_entity.values())) == [
        ["Dawali", "Karim Dawali"], ["Nadia Qasimi", "Qasimi"], ["Tal Sabr"], ["VHU", "Verdant Harbour Union"],
        ["government"]]
    assert ("Minister Qasimi", "written with a title") in {(a.alias, a.reason) for a in store.entity_aliases()}
    assert any(e.name == "Tal Sabr City" for e in store.entities())
    assert {e.description for e in store.entities() if e.name == "Karim Dawali"} == {"head of the union"}
