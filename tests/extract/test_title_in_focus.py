"""A speaker's bare company title is held in the organisation the sentence before is about (rule suffix
`_in_focus`): 'The Brenlow Group backed the plan. "...," chief executive X said.' Invented names."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def relations(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    """Return the (subject, predicate, object) triples extracted from `text`, a paragraph a line."""
    found = extract_article(text, [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)], "2020-01-01", nlp)
    return {(r.subject, r.predicate, r.object) for r in found.relations}


@pytest.mark.parametrize("text,predicate", [
    ('The Brenlow Group also backed the proposals. "We are happy," chief executive Lee Strafe said.', "leads"),
    ('The Brenlow Group backed the plan. Managing director Lee Strafe said it would help.', "leads"),
    ('The Brenlow Group rejected the offer. "It is too low," spokesman Lee Strafe told reporters.',
     "spokesperson_of"),
    # a quotation of several sentences: the organisation of the sentence before it
    ('The Brenlow Group also backed the proposals, saying "we are happy if the Acme Group accepts them". '
     '"The firm has been challenged to play fair. The question now is how well people execute their plans," '
     'chief executive Lee Strafe said.', "leads"),
    # an organisation the speaker only names inside the quotation is not the one the title is held in
    ('The Brenlow Group welcomed the move. "The question is whether the Acme Group agrees," managing director '
     'Lee Strafe said.', "leads"),
    # a department's head is on the staff of the organisation in focus
    ('The Brenlow Group said it was not sure what the change would do. Road safety head Lee Strafe said: '
     '"It remains to be seen."', "employed_by"),
    ('The Brenlow Group doubted the figures. "We need more data," research head Lee Strafe said.', "employed_by"),
    ('The Brenlow Group said the bill was an important contribution. "We believe it is detailed enough," said '
     'co-ordinator Lee Strafe.', "leads"),
    # a title and its portfolio the parser tore apart, right before the name
    ('The Brenlow Group doubted the figures. "We need more data," director of telecoms research Lee Strafe said.',
     "employed_by"),
    # the organisation the paragraph before ended on as its main clause's subject, not the one it quotes
    ('The Brenlow Group welcomed the move, saying the Acme Group had "given a lot of ground".\n\n'
     '"The question now is whether the regulator agrees," head of communications Lee Strafe said.', "employed_by"),
])
def test_a_bare_title_of_a_speaker_is_held_in_the_organisation_in_focus(nlp: Language, text: str,
                                                                         predicate: str) -> None:
    assert ("Lee Strafe", predicate, "Brenlow Group") in relations(nlp, text)


@pytest.mark.parametrize("text", [
    # two organisations before: which one is not said
    'The Acme Group and the Brenlow Group agreed a merger. "It is good," chairman Lee Strafe said.',
    # the organisation was acted on, not the one speaking
    'The Brenlow Group was fined by the regulator. Chief executive Lee Strafe said it was unfair.',
    # a title that is no company's
    'The Brenlow Group welcomed the ruling. President Lee Strafe said it was fair.',
    # the holder does not speak
    'The Brenlow Group welcomed the ruling. Chief executive Lee Strafe met the minister.',
])
def test_no_organisation_in_focus_no_role(nlp: Language, text: str) -> None:
    assert not {r for r in relations(nlp, text) if r[0] == "Lee Strafe" and r[2] == "Brenlow Group"}
