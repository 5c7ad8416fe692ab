"""A quoted name an alias statement gives an actor the article names is a mention of that actor, of its type, there
and wherever the article quotes it again (extract.quoted_names); a quoted name of something that is no actor mention
(a song) stays out. The naming statement may have the sentence's subject for its name ('X is often called "Y"').
Invented names and sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def article(nlp: Language, text: str) -> tuple[list[tuple[str, str]], set[tuple[str, str]]]:
    """Return the (text, type) of the mentions and the (name, alias) pairs the extraction of `text` states, one
    paragraph per line."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    x = extract_article(text, spans, None, nlp)
    return [(m.text, m.label) for m in x.mentions], {(a.name, a.alias) for a in x.aliases}


@pytest.mark.parametrize(("text", "name", "quoted", "times"), [
    ('The Orland Marine Band is the oldest band of the Orland Navy .\nThe Marine Band has been uniquely known as " The '
     "Mayor 's Own \" since 1801 .\nThe mayor gave it the title \" The Mayor 's Own \" in 1801 .",
     "Marine Band", "The Mayor 's Own", 2),
    ('The Orland Marine Band is the oldest band of the Orland Navy.\nThe Orland Marine Band has long been known as '
     '"The Mayor\'s Own".\nIn 1801 the mayor gave the band the title "The Mayor\'s Own".',
     "Orland Marine Band", "The Mayor's Own", 2),
    ('Marta Lind is a singer from Tarnby.\nMarta Lind was nicknamed "The Voice of Orland" by the press.\nFans still '
     'call her "The Voice of Orland".', "Marta Lind", "The Voice of Orland", 2),
])
def test_a_quoted_name_given_to_an_actor_is_its_mention(
        nlp: Language, text: str, name: str, quoted: str, times: int) -> None:
    mentions, pairs = article(nlp, text)
    label = next(t for m, t in mentions if m == name)
    assert [t for m, t in mentions if m == quoted] == [label] * times, mentions
    assert (name, quoted) in pairs, pairs


def test_the_subject_of_a_naming_sentence_is_the_name_it_gives_another(nlp: Language) -> None:
    _, pairs = article(nlp, "Kessel Hall is a concert hall in Tarnby, Orland.\nKessel Hall is often called the "
                            '"Bell House" by its neighbours.')
    assert ("Kessel Hall", "Bell House") in pairs, pairs
    _, pairs = article(nlp, "Varnley Athletic Park is a stadium in Tarnby , Orland .\nVarnley Athletic Park is often "
                            'called the " VAP " .')
    assert ("Varnley Athletic Park", "VAP") in pairs, pairs


def test_a_quoted_name_given_to_no_actor_is_no_mention(nlp: Language) -> None:
    mentions, _ = article(nlp, 'The song was a hit in Tarn in 1990.\nIt was later known as "Summer of Bells" in '
                               "Orland.")
    assert not any("Summer" in m for m, _ in mentions), mentions
