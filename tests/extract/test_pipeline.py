"""Tests of extract_article / extract_many over hand-made articles (and the corpus if present)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language

from linkchart import lexicon
from linkchart.extract.nlp import load_pipeline
from linkchart.extract.pipeline import extract_article, extract_many
from linkchart.models import Extraction

CORPUS = Path("/work/shared/corpus")

ARTICLE = (
    "Militia Chief Visits The Border Again\n\n"
    "Sheikh Karim al-Nouri, the leader of Liwa al-Fajr, visited the town of Kfar Sabt on Friday.\n\n"
    "Nouri told reporters that Liwa al-Fajr (LAF) would stay. Nouri later left for Basra."
)


def para_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of the non-empty lines of `text`."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def test_offsets_point_into_the_article(nlp: Language) -> None:
    ex = extract_article(ARTICLE, para_spans(ARTICLE), "2020-01-01", nlp)
    assert isinstance(ex, Extraction)
    assert ex.mentions
    for m in ex.mentions:
        assert ARTICLE[m.start : m.end] == m.text
        assert m.sentence_start <= m.start < m.end <= m.sentence_end
    for a in ex.aliases:
        assert a.name_span and ARTICLE[a.name_span[0] : a.name_span[1]] == a.name
        assert a.alias_span and ARTICLE[a.alias_span[0] : a.alias_span[1]] == a.alias


def test_article_level_types_and_aliases(nlp: Language) -> None:
    ex = extract_article(ARTICLE, para_spans(ARTICLE), None, nlp)
    labels = {(m.text, m.label) for m in ex.mentions}
    assert ("Karim al-Nouri", "PERSON") in labels
    assert ("Nouri", "PERSON") in labels  # short form of a person's full name
    assert ("Liwa al-Fajr", "ORG") in labels
    assert ("Kfar Sabt", "GPE") in labels
    assert ("Liwa al-Fajr", "LAF", "acronym") in {(a.name, a.alias, a.kind) for a in ex.aliases}


def test_only_the_given_spans_are_read(nlp: Language) -> None:
    spans = para_spans(ARTICLE)[1:2]
    ex = extract_article(ARTICLE, spans, None, nlp)
    assert all(spans[0][0] <= m.start < spans[0][1] for m in ex.mentions)


def test_extract_many_keeps_order_and_equals_single(nlp: Language) -> None:
    other = "Omar Jalil, a British journalist, flew to Amman."
    items = [(ARTICLE, para_spans(ARTICLE), None), (other, [(0, len(other))], None), ("", [], None)]
    many = extract_many(items, nlp, batch_size=2)
    assert len(many) == 3
    assert many[0] == extract_article(ARTICLE, para_spans(ARTICLE), None, nlp)
    assert {m.text for m in many[1].mentions} >= {"Omar Jalil", "Amman"}
    assert many[2] == Extraction()


def test_corpus_documents_have_no_junk_mentions(nlp: Language) -> None:
    files = sorted(CORPUS.glob("00[134]_*.txt"))
    if not files:
        pytest.skip("shared corpus not present")
    items = [(t, para_spans(t), None) for t in (f.read_text() for f in files)]
    collective = lexicon.national_bodies().coalition_words
    for ex in extract_many(items, nlp):
        assert len(ex.mentions) > 50
        for m in ex.mentions:
            # lower case only for the collective nouns that name an actor ('coalition forces')
            assert any(ch.isupper() for ch in m.text) or m.text.split()[0] in collective, m
            assert m.label in {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT"}
            assert m.text.lower() not in {"share", "select language"}


def test_parallel_extraction_equals_serial() -> None:
    from linkchart.extract.pipeline import extract_many

    nlp = load_pipeline()
    names = ["Farid Haddad", "Samir Nouri", "Karim Saleh", "Omar Jaber", "Ali Mansour", "Hadi Rahim"]
    texts = [f"In March 2007, {name} met Colonel Tariq Aziz in Basra. {name} founded the Unity Front in 2008."
             for name in names]
    items = [(t, [(0, len(t))], "2010-01-01") for t in texts]
    serial = extract_many(items, nlp, n_process=1)
    parallel = extract_many(items, nlp, n_process=2)
    assert serial == parallel
    for text, extraction in zip(texts, parallel, strict=True):
        assert extraction.mentions and all(text[m.start:m.end] == m.text for m in extraction.mentions)
        assert extraction.relations and extraction.events


def test_a_block_quote_speaks_for_the_speaker_the_paragraph_before_announced(nlp: Language) -> None:
    intro = "Commander Daniel Brooks addressed the crowd in Riverton on Friday. Brooks continued:"
    quote = "I am here with my brothers from the Red Hand Brigade. We will stay."
    text = f"{intro}\n\n{quote}"
    found = extract_article(text, [(0, len(intro)), (len(intro) + 2, len(text))], None, nlp)
    allied = [r for r in found.relations if r.predicate == "allied_with"]
    assert [(r.subject, r.object) for r in allied] == [("Brooks", "Red Hand Brigade")]
    assert text[slice(*allied[0].subject_span)] == "Brooks" and allied[0].start > len(intro)
    plain = intro.replace("continued:", "smiled.")
    text = f"{plain}\n\n{quote}"
    found = extract_article(text, [(0, len(plain)), (len(plain) + 2, len(text))], None, nlp)
    assert not [r for r in found.relations if r.predicate == "allied_with"]


def test_a_pronoun_opening_a_paragraph_takes_the_previous_paragraphs_subject(nlp: Language) -> None:
    first = "The Valley Front was formed in 2006 by veterans."
    second = "It attacked the Harbour Council in May."
    third = "Omar Haddad became a commander in 2010."
    fourth = "He visited Norway in June."
    text = "\n\n".join([first, second, third, fourth])
    found = extract_article(text, para_spans(text), None, nlp)
    triples = {(r.subject, r.predicate, r.object) for r in found.relations}
    assert ("Valley Front", "attacked", "Harbour Council") in triples
    assert ("Omar Haddad", "visited", "Norway") in triples
    hit = next(r for r in found.relations if r.predicate == "attacked")
    assert text[hit.subject_span[0]:hit.subject_span[1]] == "Valley Front"  # the name, not the pronoun


def test_peoples_and_faiths_are_not_actors(nlp: Language) -> None:
    text = ("The militia killed Iraqis, Britons and Americans, said Iraqi Shias and the Druze, "
            "as The Australian reported.")
    found = extract_article(text, [(0, len(text))], None, nlp)
    names = {m.text for m in found.mentions}
    assert not names & {"Britons", "Iraqi Shias", "Druze", "Shias"}


def test_pieces_cover_a_long_span_exactly_and_cut_at_line_then_sentence_ends() -> None:
    from linkchart.extract.pipeline import pieces

    text = "x" + ("Word word word. " * 40) + "\n" + ("Tail tail. " * 40)  # 1 + 640 + 1 + 440 characters
    assert pieces(text, 1, 100, limit=200) == [(1, 100)]  # within the limit: whole
    cut = pieces(text, 1, len(text), limit=700)
    assert cut == [(1, 642), (642, len(text))]  # after the line end, not after a later sentence
    by_sentence = pieces(text, 1, 641, limit=100)
    assert all(text[e - 2 : e] == ". " for _, e in by_sentence[:-1]) and max(e - s for s, e in by_sentence) <= 100
    solid = "y" * 250  # no place to cut: at the limit
    assert pieces(solid, 0, 250, limit=100) == [(0, 100), (100, 200), (200, 250)]
    for start, end, limit in ((1, len(text), 97), (5, 700, 64), (0, 0, 10)):
        found = pieces(text, start, end, limit)
        assert [s for s, _ in found[1:]] == [e for _, e in found[:-1]]  # consecutive
        assert (found[0][0], found[-1][1]) == (start, end) if found else start == end
        assert all(0 < e - s <= limit for s, e in found)


def test_a_paragraph_longer_than_the_model_takes_is_read_in_pieces(nlp: Language,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    piece = 2_000  # the real bound is 10,000 characters against spaCy's 1,000,000: smaller, the test is quick
    monkeypatch.setattr("linkchart.extract.pipeline.MAX_PIECE", piece)
    monkeypatch.setattr(nlp, "max_length", piece * 2)  # spaCy refuses (E088) a longer text: the paragraph is
    sentence = "Karim Dawali met Hasan Turabi in Basra on Monday. "
    paragraph = "Opening words. " + sentence * (piece * 5 // len(sentence))
    ex = extract_article(paragraph, [(0, len(paragraph))], None, nlp)
    names = [m for m in ex.mentions if m.text == "Karim Dawali"]
    assert len(names) > len(paragraph) // len(sentence) * 0.9  # every piece was read, to the end
    assert names[-1].start > len(paragraph) - 2 * len(sentence)
    assert all(paragraph[m.start : m.end] == m.text for m in ex.mentions)  # offsets into the whole paragraph


def test_a_worker_that_dies_fails_the_batch_instead_of_hanging_it(nlp: Language,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import signal
    from concurrent.futures.process import BrokenProcessPool

    from linkchart.extract import pipeline

    parent = os.getpid()
    serial = pipeline._extract_serial

    def dies_on_poison(items: list[pipeline.Item], nlp: Language, batch_size: int) -> list[Extraction]:
        if os.getpid() != parent and any("Poison" in text for text, _, _ in items):
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer would
        return serial(items, nlp, batch_size)

    monkeypatch.setattr(pipeline, "_extract_serial", dies_on_poison)
    texts = [f"Report {i}: Karim Dawali met Hasan Turabi in Tal Sabr." for i in range(7)] + ["Poison Ivy spoke."]

    def give_up(*_: object) -> None:
        raise TimeoutError("the extraction waits for a dead worker")

    previous = signal.signal(signal.SIGALRM, give_up)  # a hang fails this test, not the suite
    signal.alarm(120)
    try:
        with pytest.raises(BrokenProcessPool):
            extract_many([(t, [(0, len(t))], None) for t in texts], nlp, n_process=2)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_party_adjective_holding_a_membership_names_the_party(nlp: Language) -> None:
    text = ("He was responding to Tory spokesman Tom Reller. Ann Fell, a Labour backbencher, spoke. "
            "Shia cleric Ben Ado spoke.")
    found = extract_article(text, [(0, len(text))], None, nlp)
    labels = {m.text: m.label for m in found.mentions}
    assert labels.get("Tory") == "ORG" and labels.get("Labour") == "ORG"
    assert "Shia" not in labels  # a faith is no party
    got = {(r.subject, r.predicate, r.object) for r in found.relations}
    assert ("Tom Reller", "spokesperson_of", "Tory") in got


def test_a_party_adjective_before_a_name_makes_a_member_and_keeps_its_first_word(nlp: Language) -> None:
    text = ("The panel, including Liberal Democrat Paul Tyne, met. Liberal Democrat transport spokesman Tom Reller "
            "spoke. American Sam Peel, Albanian Tim Ode and Catholic Jo Rand listened. "
            "Former Tory leader Ann Fell left.")
    found = extract_article(text, [(0, len(text))], None, nlp)
    got = {(r.subject, r.predicate, r.object) for r in found.relations}
    assert ("Paul Tyne", "member_of", "Liberal Democrat") in got
    assert ("Tom Reller", "spokesperson_of", "Liberal Democrat") in got
    assert ("Ann Fell", "leads", "Tory") in got  # 'Former' is the role's time, not the party's name
    assert not {r for r in got if r[0] in {"Sam Peel", "Tim Ode", "Jo Rand"}}  # a nation or a faith is no party
    assert "Democrat" not in {m.text for m in found.mentions}
