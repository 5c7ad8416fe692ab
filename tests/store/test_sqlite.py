import random
import re
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from linkchart.ingest.dedupe import article_fingerprint
from linkchart.models import (
    AliasStatement,
    Article,
    Claim,
    Document,
    Event,
    Extraction,
    Mention,
    OffsetMap,
    Paragraph,
    Relation,
)
from linkchart.resolve.names import name_key
from linkchart.store.base import EntityAliasRow, EntityRow, Store, StoreError
from linkchart.store.migrate import Migration, SchemaVersionError, available, latest_version, migrate
from linkchart.store.open import open_store
from linkchart.store.sqlite import SQLiteStore

KHAZALI = (
    "Qais al-Khazali, the leader of Asaib Ahl al-Haq (AAH), was released in 2010. "
    'He said the group had "over 10,000 fighters".'
)


def make_doc(source: str, text: str, sha: str | None = None) -> Document:
    return Document(source=source, text=text, sha256=sha or f"sha-{hash(text)}", kind="txt")


def make_article(source: str, text: str, index: int = 0, base: int = 0, **kw: object) -> Article:
    return Article(
        source=source,
        index=index,
        text=text,
        offsets=OffsetMap.identity(len(text), base),
        start=base,
        end=base + len(text),
        **kw,  # type: ignore[arg-type]
    )


def add_plain(store: Store, source: str, text: str, **kw: object) -> int:
    """Store a one-article document without extractions; return the document id."""
    doc = make_doc(source, text)
    return store.add_document(doc, [make_article(source, text, **kw)], [None], [article_fingerprint(text)])


def random_text(seed: int, n: int = 300) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice([f"term{i}" for i in range(400)]) for _ in range(n))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """Return a new, empty store of each back end (tests/conftest.py's `store_url`)."""
    with open_store(store_url) as s:
        yield s


# --- schema and migrations ---------------------------------------------------------


def test_new_database_is_migrated_and_reopening_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "lc.db"
    with SQLiteStore(path) as s:
        assert s.pragma("user_version") == latest_version() >= 1
        add_plain(s, "a.txt", "hello world")
    with SQLiteStore(path) as s:
        assert s.pragma("user_version") == latest_version()
        assert [r.source for r in s.documents()] == ["a.txt"]
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn) == []
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    for table in (
        "documents",
        "articles",
        "article_bands",
        "articles_fts",
        "mentions",
        "alias_statements",
        "relations",
        "events",
        "claims",
        "entities",
        "entity_aliases",
        "mention_entity",
        "decisions",
        "meta",
    ):
        assert table in tables


@pytest.mark.sqlite_only(reason="WAL, foreign keys and synchronous are SQLite pragmas")
def test_pragmas_wal_and_foreign_keys(store: SQLiteStore) -> None:
    assert store.pragma("journal_mode") == "wal"
    assert store.pragma("foreign_keys") == 1
    assert store.pragma("synchronous") == 1  # NORMAL


def test_shipped_migrations_are_numbered_from_one() -> None:
    migrations = available()
    versions = [m.version for m in migrations]
    assert versions[0] == 1 and versions == sorted(set(versions))  # rising; a number reserved elsewhere may be skipped
    assert migrations[0].name == "initial"


def test_older_database_is_migrated_forward_in_order(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    steps = available()
    last = latest_version(steps)
    assert migrate(conn, steps) == [m.version for m in steps]
    extra = [
        Migration(last + 1, "notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"),
        Migration(last + 2, "notes_index", "CREATE INDEX notes_body ON notes (body);"),
    ]
    assert migrate(conn, steps + extra) == [last + 1, last + 2]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == last + 2
    conn.execute("INSERT INTO notes (body) VALUES ('x')")
    conn.close()


def test_failed_migration_leaves_previous_version(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    steps = available()
    migrate(conn, steps)
    bad = Migration(latest_version(steps) + 1, "bad", "CREATE TABLE half (x);\nCREATE TABLE documents (x);\n")
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, [*steps, bad])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version(steps)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half'").fetchone()[0] == 0
    conn.close()


def test_newer_database_raises_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    SQLiteStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 5}")
    conn.close()
    with pytest.raises(SchemaVersionError, match="newer than this linkchart supports"):
        SQLiteStore(path)


# --- documents, articles, extractions ----------------------------------------------


def test_add_document_maps_extraction_spans_to_the_original(store: Store) -> None:
    header = "HEADER\n\n"
    original = header + KHAZALI
    base = len(header)
    doc = make_doc("news/aah.html", original, sha="abc")
    doc.kind = "html"
    article = make_article(
        doc.source,
        KHAZALI,
        base=base,
        title="AAH leader",
        date="2010-01-05",
        language="en",
        paragraphs=[Paragraph(0, len(KHAZALI), "en")],
    )
    t = KHAZALI
    q = t.index("Qais al-Khazali")
    aah = t.index("Asaib Ahl al-Haq")
    sent_end = t.index("2010.") + 5
    ex = Extraction(
        mentions=[
            Mention(q, q + 15, "Qais al-Khazali", "PERSON", 0, sent_end, role="leader"),
            Mention(aah, aah + 16, "Asaib Ahl al-Haq", "ORG", 0, sent_end),
        ],
        aliases=[AliasStatement("Asaib Ahl al-Haq", "AAH", "acronym", 0, sent_end, (aah, aah + 16), None)],
        relations=[
            Relation(
                "Qais al-Khazali",
                "leader_of",
                "Asaib Ahl al-Haq",
                (q, q + 15),
                (aah, aah + 16),
                0,
                sent_end,
                "appos_leader_of",
            )
        ],
        events=[Event("release", "Khazali released", "2010", [(q, q + 15)], 0, sent_end),
                Event("statement", "Khazali said", "2010-01-05", [(q, q + 15)], 0, sent_end, date_source="article")],
        claims=[
            Claim(
                "the group",
                (t.index("the group"), t.index("the group") + 9),
                "fighters",
                10000.0,
                "fighters",
                "over",
                sent_end + 1,
                len(t),
                attributed_to="He",
            )
        ],
    )
    doc_id = store.add_document(doc, [article], [ex], [article_fingerprint(KHAZALI)])

    row = store.document_by_hash("abc")
    assert row is not None and row.id == doc_id and row.source == "news/aah.html" and row.articles == 1
    assert store.document_by_source("news/aah.html") == row
    assert store.document_by_source("missing") is None
    assert store.document_text("news/aah.html") == original

    (listed,) = store.documents()
    assert (listed.title, listed.date, listed.language, listed.words) == ("AAH leader", "2010-01-05", "en", 21)
    assert (listed.start, listed.end) == (base, len(original))
    full = store.article(listed.id)
    assert full.text == KHAZALI and full.original == original
    assert full.offsets is not None and full.offsets.span(q, q + 15) == (base + q, base + q + 15)
    assert full.paragraphs == [Paragraph(0, len(KHAZALI), "en")]

    mentions = store.mentions(listed.id)
    assert [original[m.start : m.end] for m in mentions] == ["Qais al-Khazali", "Asaib Ahl al-Haq"]
    assert (mentions[0].clean_start, mentions[0].role) == (q, "leader")
    assert original[mentions[0].sentence_start : mentions[0].sentence_end].endswith("released in 2010.")
    (alias,) = store.alias_statements()
    assert (alias.name, alias.alias, alias.kind) == ("Asaib Ahl al-Haq", "AAH", "acronym")
    assert alias.sentence == original[alias.start : alias.end] and alias.sentence.startswith("Qais")
    assert alias.name_span == (base + aah, base + aah + 16) and alias.alias_span is None
    (rel,) = store.relations()
    assert original[rel.subject_span[0] : rel.subject_span[1]] == "Qais al-Khazali"
    assert original[rel.object_span[0] : rel.object_span[1]] == "Asaib Ahl al-Haq"
    assert rel.evidence == original[rel.evidence_start : rel.evidence_end] and not rel.negated
    event, said = store.events()
    assert event.kind == "release" and [original[s:e] for s, e in event.participants] == ["Qais al-Khazali"]
    assert (event.date_source, said.date, said.date_source) == (None, "2010-01-05", "article")
    (claim,) = store.claims()
    assert (claim.value, claim.approx, claim.attributed_to) == (10000.0, "over", "He")
    assert claim.evidence.startswith("He said") and claim.source == "news/aah.html"

    stats = store.stats()
    assert stats["documents"] == 1 and stats["articles"] == 1 and stats["languages"] == {"en": 1}
    assert stats["mentions"] == 2 and stats["relations"] == 1 and stats["duplicates"] == 0


def test_an_inferred_article_date_keeps_its_reason(store: Store) -> None:
    doc = make_doc("compilation.txt", "First.\n\nSecond.", sha="inferred")
    stated = make_article(doc.source, "First.", date="2021-03-03")
    inferred = make_article(doc.source, "Second.", index=1, base=8, date="2021-03",
                            date_inferred="between articles dated 2021-03-03 and 2021-03-19")
    store.add_document(doc, [stated, inferred], [Extraction(), Extraction()], [None, None])
    listed = store.documents()
    assert [(a.date, a.date_inferred) for a in listed] == [
        ("2021-03-03", None), ("2021-03", "between articles dated 2021-03-03 and 2021-03-19")]
    assert store.article(listed[1].id).date_inferred == listed[1].date_inferred


def test_article_and_document_text_of_unknown_raise_key_error(store: Store) -> None:
    with pytest.raises(KeyError):
        store.article(99)
    with pytest.raises(KeyError):
        store.document_text("nope.txt")


def test_failing_article_leaves_no_partial_rows(store: Store) -> None:
    add_plain(store, "keep.txt", "Hadi al-Amiri leads the Badr Organization.")
    version = store.version()
    text1, text2 = "Zebulon went to Basra.", "Zebulon came back."
    doc = make_doc("broken.txt", text1 + " " + text2)
    good = make_article(doc.source, text1)
    bad = make_article(doc.source, text2, index=1, base=len(text1) + 1, language="")  # CHECK fails
    with pytest.raises(StoreError, match="broken.txt"):
        store.add_document(
            doc,
            [good, bad],
            [Extraction(mentions=[Mention(0, 7, "Zebulon", "PERSON")]), None],
            [article_fingerprint(text1), article_fingerprint(text2)],
        )
    assert store.document_by_source("broken.txt") is None
    assert [r.source for r in store.documents()] == ["keep.txt"]
    assert store.mentions() == [] and store.search("Zebulon") == []
    assert store.find_near_duplicate(article_fingerprint(text1)) is None
    assert store.version() == version
    assert [h.source for h in store.search("Badr")] == ["keep.txt"]


def test_failing_extraction_keeps_the_previous_version_of_a_document(store: Store) -> None:
    add_plain(store, "a.txt", "The old text about Muhandis.")
    text = "The new text about Soleimani."
    doc = make_doc("a.txt", text)
    broken = Extraction(mentions=[Mention(19, 28, "Soleimani", None)])  # type: ignore[arg-type]
    with pytest.raises(StoreError):
        store.add_document(doc, [make_article("a.txt", text)], [broken], [None])
    assert store.document_text("a.txt") == "The old text about Muhandis."
    assert [h.source for h in store.search("Muhandis")] == ["a.txt"]
    assert store.search("Soleimani") == []


def test_mismatched_lists_are_refused(store: Store) -> None:
    doc = make_doc("a.txt", "x y")
    with pytest.raises(ValueError):
        store.add_document(doc, [make_article("a.txt", "x y")], [], [None])
    with pytest.raises(StoreError):  # not a fingerprint
        store.add_document(doc, [make_article("a.txt", "x y")], [None], [b"12345"])
    assert store.documents() == []


def test_reingest_of_changed_file_replaces_old_rows(store: Store) -> None:
    old = "Muhandis commanded Kataib Hezbollah."
    first = store.add_document(
        make_doc("a.txt", old, sha="v1"),
        [make_article("a.txt", old)],
        [Extraction(mentions=[Mention(0, 8, "Muhandis", "PERSON")])],
        [article_fingerprint(old)],
    )
    entity = EntityRow(1, "Abu Mahdi al-Muhandis", "PERSON")
    store.replace_entities([entity], [], [(store.mentions()[0].id, 1)])
    store.add_decision("rename", {"entity": 1, "name": "Abu Mahdi al-Muhandis"})
    new = "Hadi al-Amiri leads the Badr Organization. Badr fought in Diyala."
    second = store.add_document(
        make_doc("a.txt", new, sha="v2"),
        [make_article("a.txt", new[:42]), make_article("a.txt", new[43:], index=1, base=43)],
        [Extraction(mentions=[Mention(0, 13, "Hadi al-Amiri", "PERSON")]), None],
        [article_fingerprint(new[:42]), article_fingerprint(new[43:])],
    )
    assert second != first
    assert store.document_by_hash("v1") is None
    row = store.document_by_source("a.txt")
    assert row is not None and row.sha256 == "v2" and row.articles == 2
    assert store.document_text("a.txt") == new
    assert [m.text for m in store.mentions()] == ["Hadi al-Amiri"]
    assert store.search("Kataib") == [] and len(store.search("Badr")) == 2
    assert store.mention_links() == []  # links to deleted mentions go with them
    assert store.entities() == [entity]  # entities wait for the resolver
    assert [d.kind for d in store.decisions()] == ["rename"]  # curation is never deleted
    assert store.stats()["documents"] == 1


def test_delete_document(store: Store) -> None:
    add_plain(store, "a.txt", "Kataib Sayyid al-Shuhada")
    assert store.delete_document("a.txt") is True
    assert store.delete_document("a.txt") is False
    assert store.documents() == [] and store.search("Shuhada") == []


# --- search ------------------------------------------------------------------------


def test_search_hyphenated_name_highlights_and_maps_to_original(store: Store) -> None:
    original = "PREAMBLE " + KHAZALI
    doc = make_doc("aah.txt", original)
    store.add_document(doc, [make_article("aah.txt", KHAZALI, base=9, title="Profile")], [None], [None])
    add_plain(store, "other.txt", "Nothing about him here.")
    (hit,) = store.search("al-Khazali")
    assert hit.source == "aah.txt" and hit.title == "Profile"
    assert "[al-Khazali]" in hit.snippet
    assert "[" not in hit.snippet_text and "al-Khazali" in hit.snippet_text
    (s, e), *_ = hit.highlights
    assert hit.snippet_text[s:e] == "al-Khazali"
    assert hit.start is not None and hit.end is not None
    assert original[hit.start : hit.end] == "al-Khazali"


@pytest.mark.parametrize(
    "query",
    [
        '"over 10,000',
        'said "over',
        "Asaib (AAH)",
        "al-Haq)",
        "AND",
        "NEAR(",
        "title:x",
        "*",
        "-",
        "'",
        '"',
        "^a",
        "",
        "a\x00b",
        "x\udcffy",
    ],
)
def test_search_never_raises_on_fts_syntax(store: Store, query: str) -> None:
    add_plain(store, "aah.txt", KHAZALI)
    hits = store.search(query)
    assert all(h.source == "aah.txt" for h in hits)


def test_search_survives_random_punctuation(store: Store) -> None:
    add_plain(store, "aah.txt", KHAZALI)
    rng = random.Random(0)
    alphabet = list("\"()-*:^{}+'., ") + ["AND", "OR", "NOT", "NEAR", "al", "Haq", "\x00", "\udcff"]
    for _ in range(300):
        store.search("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))))


def test_search_with_quotes_finds_the_phrase(store: Store) -> None:
    add_plain(store, "aah.txt", KHAZALI)
    (hit,) = store.search('"over 10,000')
    assert hit.start is not None and KHAZALI[hit.start : hit.end] == "over"
    assert len(store.search("Asaib (AAH)")) == 1
    assert store.search("Asaib Hezbollah") == []  # every term must match


def test_search_ignores_case_and_diacritics_and_matches_prefixes(store: Store) -> None:
    add_plain(store, "fr.txt", "Les élections irakiennes à Bagdad ont été reportées.", language="fr")
    (hit,) = store.search("ELECTIONS bagdad")
    assert hit.start is not None
    assert store.document_text("fr.txt")[hit.start : hit.end] == "élections"
    (prefix,) = store.search("irak*")
    assert prefix.start is not None and prefix.end is not None
    assert store.document_text("fr.txt")[prefix.start : prefix.end] == "irakiennes"


def test_search_non_latin_text(store: Store) -> None:
    text = "قال قيس الخزعلي إن عصائب أهل الحق لن تنسحب."
    add_plain(store, "ar.txt", text, language="ar")
    (hit,) = store.search("الخزعلي")
    assert hit.start is not None and text[hit.start : hit.end] == "الخزعلي"
    assert "[الخزعلي]" in hit.snippet
    assert store.stats()["languages"] == {"ar": 1}


def test_search_title_only_match_has_no_offsets(store: Store) -> None:
    add_plain(store, "t.txt", "Body text without the word.", title="Fallujah")
    (hit,) = store.search("Fallujah")
    assert hit.start is None and hit.end is None and hit.title == "Fallujah"


def test_search_ranks_and_limits(store: Store) -> None:
    for i in range(5):
        add_plain(store, f"{i}.txt", "Badr " * (i + 1) + "filler text here")
    hits = store.search("badr", limit=3)
    assert len(hits) == 3
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)
    assert hits[0].source == "4.txt"


# --- near duplicates ---------------------------------------------------------------


def test_near_duplicate_is_linked_not_dropped(store: Store) -> None:
    text = random_text(1)
    words = text.split()
    words[50] = "different"
    words[220] = "words"
    edited = " ".join(words)
    add_plain(store, "first.txt", text)
    add_plain(store, "second.txt", edited)
    add_plain(store, "unrelated.txt", random_text(2))
    rows = {r.source: r for r in store.documents()}
    assert rows["first.txt"].duplicate_of is None
    assert rows["second.txt"].duplicate_of == rows["first.txt"].id
    assert rows["second.txt"].similarity is not None and rows["second.txt"].similarity >= 0.8
    assert rows["unrelated.txt"].duplicate_of is None and rows["unrelated.txt"].similarity is None
    assert store.stats()["duplicates"] == 1
    assert store.find_near_duplicate(article_fingerprint(random_text(3))) is None
    found = store.find_near_duplicate(article_fingerprint(text))
    assert found is not None and found[0] == rows["first.txt"].id and found[1] == 1.0
    assert store.find_near_duplicate(article_fingerprint(text), exclude={rows["first.txt"].id}) == (
        rows["second.txt"].id,
        rows["second.txt"].similarity,
    )


def test_near_duplicates_within_one_document(store: Store) -> None:
    a, b = random_text(4), random_text(5)
    doc = make_doc("compilation.txt", a + "\n" + a + "\n" + b)
    articles = [
        make_article(doc.source, a),
        make_article(doc.source, a, 1, len(a) + 1),
        make_article(doc.source, b, 2, 2 * len(a) + 2),
    ]
    store.add_document(doc, articles, [None] * 3, [article_fingerprint(t) for t in (a, a, b)])
    rows = store.documents()
    assert [r.duplicate_of for r in rows] == [None, rows[0].id, None]
    assert rows[1].similarity == 1.0


def test_deleting_the_original_clears_duplicate_links(store: Store) -> None:
    text = random_text(6)
    add_plain(store, "first.txt", text)
    add_plain(store, "copy.txt", text)
    store.delete_document("first.txt")
    (row,) = store.documents()
    assert row.source == "copy.txt" and row.duplicate_of is None and row.similarity is None


# --- entities, decisions, version --------------------------------------------------


def test_replace_entities_and_decisions(store: Store) -> None:
    store.add_document(
        make_doc("a.txt", KHAZALI),
        [make_article("a.txt", KHAZALI)],
        [
            Extraction(
                mentions=[Mention(0, 15, "Qais al-Khazali", "PERSON"), Mention(31, 47, "Asaib Ahl al-Haq", "ORG")]
            )
        ],
        [None],
    )
    m1, m2 = (m.id for m in store.mentions())
    people = [EntityRow(10, "Qais al-Khazali", "PERSON"), EntityRow(11, "Asaib Ahl al-Haq", "ORG", "militia")]
    aliases = [EntityAliasRow(11, "AAH", 3, "acronym", "Asaib Ahl al-Haq (AAH)"), EntityAliasRow(11, "Asaib", 1)]
    store.replace_entities(people, aliases, [(m1, 10), (m2, 11)])
    assert store.entities() == people
    assert [a.alias for a in store.entity_aliases(11)] == ["AAH", "Asaib"]
    assert store.mention_links() == [(m1, 10), (m2, 11)]
    with pytest.raises(StoreError):
        store.replace_entities([EntityRow(1, "X", "ORG")], [], [(m1, 999)])  # unknown entity
    assert store.entities() == people  # the failed replace changed nothing
    store.replace_entities([EntityRow(1, "X", "ORG")], [], [])
    assert store.entities() == [EntityRow(1, "X", "ORG")] and store.mention_links() == []

    d = store.add_decision("merge", {"entities": [10, 11], "by": "analyst é"})
    (row,) = store.decisions()
    assert row.id == d and row.kind == "merge" and row.args == {"entities": [10, 11], "by": "analyst é"}
    with pytest.raises(ValueError):
        store.add_decision("explode", {})


def _two_documents_with_entities(store: Store) -> dict[str, int]:
    """Store two documents naming Khazali, AAH and Iraq, link them to entities; return mention ids by text."""
    second = "Khazali was freed. Khazali's group, the AAH, grew in Iraq."
    header = "HEADER\n\n"

    def mention(text: str, surface: str, label: str, nth: int = 0) -> Mention:
        """Return the nth mention of `surface` in `text`, its sentence the one ending at the next '. '."""
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        sent_start = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
        sent_end = text.find(". ", start) + 1 or len(text)
        return Mention(start, start + len(surface), surface, label, sent_start, sent_end)

    store.add_document(
        make_doc("b.txt", KHAZALI),
        [make_article("b.txt", KHAZALI)],
        [Extraction(mentions=[mention(KHAZALI, "Qais al-Khazali", "PERSON"), mention(KHAZALI, "AAH", "ORG")])],
        [None],
    )
    store.add_document(
        make_doc("a.txt", header + second),
        [make_article("a.txt", second, base=len(header))],
        [
            Extraction(
                mentions=[
                    mention(second, "Khazali", "PERSON"),
                    mention(second, "Khazali", "PERSON", 1),
                    mention(second, "AAH", "ORG"),
                    mention(second, "Iraq", "GPE"),
                ]
            )
        ],
        [None],
    )
    ids: dict[str, int] = {}
    for m in store.mentions():
        ids[f"{m.source}:{m.text}:{m.start}"] = m.id
    links = [(mid, 1 if "Khazali" in key else 2 if "AAH" in key else 3) for key, mid in ids.items()]
    store.replace_entities(
        [
            EntityRow(1, "Qais al-Khazali", "PERSON"),
            EntityRow(2, "Asaib Ahl al-Haq", "ORG", "militia"),
            EntityRow(3, "Iraq", "GPE"),
            EntityRow(4, "Kataib Hezbollah", "ORG"),  # named nowhere
        ],
        keyed([
            EntityAliasRow(1, "Qais al-Khazali", 1),
            EntityAliasRow(1, "Khazali", 2),
            EntityAliasRow(2, "AAH", 2, "acronym", "Asaib Ahl al-Haq (AAH)"),
            EntityAliasRow(2, "Asaib Ahl al-Haq", 1),
            EntityAliasRow(3, "Iraq", 1),
            EntityAliasRow(4, "KH", 1),
            EntityAliasRow(4, "Khazaali", 1),  # same name key as 'Khazali'
        ]),
        links,
    )
    return ids


def keyed(aliases: list[EntityAliasRow]) -> list[EntityAliasRow]:
    """Return the aliases with the name keys the resolver gives them."""
    return [replace(a, name_key=name_key(a.alias)) for a in aliases]


def test_alias_reason_keeps_its_pass_and_evidence(store: Store) -> None:
    evidence = {"kind": "acronym", "acronym": "AAH", "expansion": "Asaib Ahl al-Haq"}
    aliases = [EntityAliasRow(1, "AAH", 2, "acronym of 'Asaib Ahl al-Haq' (initials)", None,
                              reason_pass="acronyms", reason_evidence=evidence),
               EntityAliasRow(1, "Asaib Ahl al-Haq", 1, "canonical name")]
    store.replace_entities([EntityRow(1, "Asaib Ahl al-Haq", "ORG")], aliases, [])
    assert store.entity_aliases(1) == aliases


def test_entity_lookups_by_id_name_alias_and_name_key(store: Store) -> None:
    _two_documents_with_entities(store)
    assert store.entity(2) == EntityRow(2, "Asaib Ahl al-Haq", "ORG", "militia")
    assert store.entity(99) is None
    assert store.entities_named("asaib ahl AL-HAQ") == [store.entity(2)]
    assert store.entities_named("AAH") == []
    assert store.entity_by_alias("khazali") == [(1, 2)]
    assert store.entity_by_alias("aah") == [(2, 2)]
    assert store.entity_by_alias("Khazal") == []
    key = name_key("Khazali")
    assert key and store.entity_by_name_key(key) == [(1, 2), (4, 1)]
    assert store.entity_by_name_key("") == []


def test_entity_lookups_fold_case_beyond_ascii(store: Store) -> None:
    store.replace_entities([EntityRow(1, "ÉMILE Hadi", "PERSON")], [EntityAliasRow(1, "ÉMILE", 1)], [])
    assert [e.id for e in store.entities_named("émile hadi")] == [1]
    assert store.entity_by_alias("émile") == [(1, 1)]


def test_entity_summaries_count_mentions_and_documents(store: Store) -> None:
    _two_documents_with_entities(store)
    rows = store.entity_summaries()
    assert [(r.id, r.mentions, r.documents) for r in rows] == [(1, 3, 2), (2, 2, 2), (3, 1, 1), (4, 0, 0)]
    assert rows[0].aliases == ["Khazali", "Qais al-Khazali"]  # most frequent first
    assert [r.id for r in store.entity_summaries(limit=2)] == [1, 2]
    assert [r.id for r in store.entity_summaries(limit=0)] == [1, 2, 3, 4]  # no limit
    assert [r.id for r in store.entity_summaries("ORG")] == [2, 4]
    assert [r.id for r in store.entity_summaries(ids=[3, 1, 99])] == [1, 3]
    assert store.entity_summaries(ids=[]) == []
    # the counts follow when a document goes, and when entities are replaced
    store.delete_document("a.txt")
    assert [(r.id, r.mentions, r.documents) for r in store.entity_summaries()] == [
        (2, 1, 1), (1, 1, 1), (3, 0, 0), (4, 0, 0)  # ties go by name
    ]
    store.replace_entities([EntityRow(5, "X", "ORG")], [], [])
    assert [(r.id, r.mentions, r.documents, r.aliases) for r in store.entity_summaries()] == [(5, 0, 0, [])]


def test_entity_mentions_are_ordered_by_source_with_sentences(store: Store) -> None:
    _two_documents_with_entities(store)
    found = store.entity_mentions(1)
    assert [(m.source, m.text) for m in found] == [
        ("a.txt", "Khazali"), ("a.txt", "Khazali"), ("b.txt", "Qais al-Khazali")
    ]
    assert [m.start for m in found[:2]] == sorted(m.start for m in found[:2])
    text = store.document_text("a.txt")
    for m in found:
        assert store.document_text(m.source)[m.start : m.end] == m.text
        assert m.sentence == store.document_text(m.source)[m.sentence_start : m.sentence_end]
    assert found[0].sentence == "Khazali was freed." and text.startswith("HEADER")
    assert [m.id for m in store.entity_mentions(1, limit=1)] == [found[0].id]
    assert store.entity_mentions(1, limit=0) == []
    assert store.entity_mentions(4) == [] and store.entity_mentions(99) == []
    assert {m.id for m in store.entity_mentions(2)} == {mid for mid, e in store.mention_links() if e == 2}


def test_entity_articles_lists_each_article_once(store: Store) -> None:
    _two_documents_with_entities(store)
    a = store.documents()
    article = {row.source: row.id for row in a}
    assert store.entity_articles(1) == [("a.txt", article["a.txt"]), ("b.txt", article["b.txt"])]
    assert store.entity_articles(3) == [("a.txt", article["a.txt"])]
    assert store.entity_articles(4) == []


def test_schema_1_database_gets_entity_keys_and_counts_on_open(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    with SQLiteStore(path) as s:
        _two_documents_with_entities(s)
    conn = sqlite3.connect(path, isolation_level=None)  # back to schema 1: drop what 0002 to 0004 added
    for index in ("entities_folded", "entities_rank", "entity_aliases_folded", "entity_aliases_name_key"):
        conn.execute(f"DROP INDEX {index}")
    for table, column in (("entities", "folded"), ("entities", "mentions"), ("entities", "documents"),
                          ("entity_aliases", "folded"), ("entity_aliases", "name_key"),
                          ("entity_aliases", "reason_pass"), ("entity_aliases", "reason_evidence")):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    for later in available():  # and the tables and columns of every migration after 0003
        for table in re.findall(r"CREATE TABLE (\w+)", later.sql) if later.version > 3 else []:
            conn.execute(f"DROP TABLE {table}")
        for table, column in re.findall(r"ALTER TABLE (\w+) ADD COLUMN (\w+)", later.sql) if later.version > 3 else []:
            conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    with SQLiteStore(path) as s:
        assert s.pragma("user_version") == latest_version()
        assert s.resolution_due()  # it may have been cut short before resolving: resolve once
        assert [(r.id, r.mentions, r.documents) for r in s.entity_summaries(limit=2)] == [(1, 3, 2), (2, 2, 2)]
        assert s.entity_by_alias("KHAZALI") == [(1, 2)] and s.entities_named("iraq") == [s.entity(3)]
        # name keys are the resolver's to compute: the store lists the aliases that lack one
        missing = s.aliases_without_name_key()
        assert missing == sorted({a.alias for a in s.entity_aliases()})
        assert s.entity_by_name_key(name_key("Khazali")) == []
        version = s.version()
        s.set_alias_name_keys({alias: name_key(alias) for alias in missing})
        assert s.aliases_without_name_key() == [] and s.version() == version
        assert s.entity_by_name_key(name_key("Khazali")) == [(1, 2), (4, 1)]


def test_version_counter_bumps_on_every_write_only(store: Store) -> None:
    v0 = store.version()
    add_plain(store, "a.txt", "text")
    v1 = store.version()
    store.add_decision("reject", {"entity": 1})
    v2 = store.version()
    store.replace_entities([], [], [])
    v3 = store.version()
    store.search("text")
    store.documents()
    assert v0 < v1 < v2 < v3 == store.version()


def test_store_is_usable_from_several_threads(store: Store) -> None:
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            add_plain(store, f"t{i}.txt", f"Thread number {i} wrote about Basra.")
            store.search("Basra")
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(store.search("Basra")) == 8


def test_a_store_without_a_kept_graph_version_reads_it_as_never_kept(tmp_path: Path) -> None:
    path = tmp_path / "lc.db"
    with SQLiteStore(path) as s:
        assert s.graph_version() == -1
    conn = sqlite3.connect(path, isolation_level=None)  # as a database migrated out of order may be
    conn.execute("DELETE FROM meta WHERE key = 'graph_version'")
    conn.close()
    with SQLiteStore(path) as s:
        assert s.graph_version() == -1
