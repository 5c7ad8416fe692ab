"""The organisation an article is about (extract/focus.py), and the ranked firm descriptions that stand for it
("Varnland's largest card firm has averted collapse", 'the seventh largest carrier in Varnland': rule suffix
`_described`). Invented names; mentions set by hand, one doc per paragraph as the pipeline reads them."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from linkchart.extract.facts import fact_reader
from linkchart.extract.focus import focus_organisation, tag_focus


def _parse(nlp: Language, text: str, ents: list[tuple[str, str]]) -> Doc:
    """Return the parsed text with every occurrence of the given (surface, label) mentions as doc.ents."""
    doc = nlp(text)
    spans = [doc.char_span(m.start(), m.end(), label=label, alignment_mode="expand")
             for surface, label in ents for m in re.finditer(re.escape(surface), text)]
    doc.ents = sorted(spans, key=lambda s: s.start)
    return doc


def _article(nlp: Language, paragraphs: list[tuple[str, list[tuple[str, str]]]]) -> list[tuple[Doc, int]]:
    docs, offset = [], 0
    for text, ents in paragraphs:
        docs.append((_parse(nlp, text, ents), offset))
        offset += len(text) + 2
    return docs


def _facts(nlp: Language, paragraphs: list[tuple[str, list[tuple[str, str]]]]) -> set[tuple[str, str, str, str]]:
    docs = _article(nlp, paragraphs)
    tag_focus(docs)
    reader = fact_reader(nlp)
    return {(r.subject, r.predicate, r.object, r.rule) for doc, offset in docs
            for r in reader.read(doc, offset, None).relations}


CARD = [("Orla Card", "ORG"), ("Varnland", "GPE")]


@pytest.mark.parametrize("paragraphs", [
    # the description opens the article, the name comes in the next paragraph
    ["Varnland's largest credit card firm has averted collapse after a bail-out.",
     "Orla Card had been threatened with collapse. Orla Card has seven million customers."],
    # the name first, the description later
    ["Orla Card staff agreed to a pay cut.",
     "The deal will help Orla Card save money. The seventh largest lender in Varnland sought protection last year."],
    ["Orla Card staff agreed to a pay cut. Orla Card will save money.",
     "The biggest card firm in Varnland had been threatened with collapse."],
])
def test_a_ranked_firm_description_stands_for_the_firm_in_focus(nlp: Language, paragraphs: list[str]) -> None:
    got = _facts(nlp, [(p, CARD) for p in paragraphs])
    assert ("Orla Card", "located_in", "Varnland", "role_firm_home_described") in got, got


@pytest.mark.parametrize("paragraphs", [
    # named once only: no firm in focus
    ["Varnland's largest credit card firm has averted collapse.", "Orla Card had been threatened with collapse."],
    # the sentence names another organisation, which the description may be
    ["Orla Card staff agreed to a pay cut. Orla Card will save money.",
     "Brenn Bank, the biggest lender in Varnland, had been threatened with collapse."],
    # no rank: 'a card firm in Varnland' may be any firm
    ["Orla Card staff agreed to a pay cut. Orla Card will save money.",
     "A card firm in Varnland had been threatened with collapse."],
])
def test_no_firm_in_focus_or_no_ranked_description_no_relation(nlp: Language, paragraphs: list[str]) -> None:
    ents = [*CARD, ("Brenn Bank", "ORG")]
    got = _facts(nlp, [(p, ents) for p in paragraphs])
    assert not {f for f in got if f[0] == "Orla Card" and f[2] == "Varnland"}, got


def test_the_focus_is_the_first_organisation_named_again_an_acronym_counting_as_its_name(nlp: Language) -> None:
    ents = [("Harbour Workers Union", "ORG"), ("HWU", "ORG"), ("Brenn Bank", "ORG")]
    docs = _article(nlp, [("The Harbour Workers Union met Brenn Bank.", ents),
                          ("HWU leader Tom Vale said the bank had to pay.", ents)])
    found = focus_organisation(docs)
    assert found is not None and found[2] == "Harbour Workers Union"
    quoted = _article(nlp, [("Brenn Bank hired Tom Vale. Orla Card said so. Brenn Bank agreed.", [*CARD, *ents]),
                            ("Orla Card said it was a good move. Orla Card praised it.", [*CARD, *ents])])
    assert focus_organisation(quoted)[2] == "Brenn Bank"  # a source quoted more often later is no subject
    once = _article(nlp, [("Brenn Bank met Orla Card.", [*CARD, *ents])])
    assert focus_organisation(once) is None


@pytest.mark.parametrize("paragraphs", [
    ["Brenn Sugar returned to the top index. Brenn Sugar shares rose.",
     "Tom Vale took the helm at the company in 2003."],
    ["Brenn Sugar returned to the top index. Brenn Sugar shares rose. Tom Vale has led the firm since 2003."],
    ["Brenn Sugar returned to the top index. Brenn Sugar shares rose.",
     "Tom Vale, who joined in 1990, now runs the company."],
])
def test_the_company_alone_is_the_organisation_in_focus(nlp: Language, paragraphs: list[str]) -> None:
    ents = [("Brenn Sugar", "ORG"), ("Tom Vale", "PERSON")]
    got = _facts(nlp, [(p, ents) for p in paragraphs])
    assert any(s == "Tom Vale" and o == "Brenn Sugar" and p in {"leads", "commands"} for s, p, o, _ in got), got


@pytest.mark.parametrize("paragraphs", [
    # another organisation named before it in the sentence: which one is not said
    ["Brenn Sugar returned to the top index. Brenn Sugar shares rose.",
     "Orla Foods bought a stake, and Tom Vale took the helm at the company in 2003."],
    # a company with a word of its own is another one
    ["Brenn Sugar returned to the top index. Brenn Sugar shares rose.",
     "Tom Vale took the helm at a rival company in 2003."],
])
def test_no_company_in_focus_when_the_sentence_says_another(nlp: Language, paragraphs: list[str]) -> None:
    ents = [("Brenn Sugar", "ORG"), ("Tom Vale", "PERSON"), ("Orla Foods", "ORG")]
    got = _facts(nlp, [(p, ents) for p in paragraphs])
    assert not any(s == "Tom Vale" and o == "Brenn Sugar" for s, _, o, _ in got), got


FIRM = [("Brenn Telecom", "ORG"), ("Orla Net", "ORG"), ("Dunmore Data", "ORG"), ("Varn Watch", "ORG")]
OPENING = "Brenn Telecom offered to cut its prices. Brenn Telecom also plans a new network."


@pytest.mark.parametrize("sentence", [
    "Orla Net also backed the proposals on Monday.",
    "Orla Net backed the price cuts but said more was needed.",
    "Analysts Orla Net welcomed the move, saying the firm had given ground.",
    "Orla Net welcomed the proposals.",
    # the subject's reporting participle, which the parser hangs on the noun, is no phrase of the plan's own
    'Orla Net also backed the proposals saying "we will be happy if they are accepted".',
    'Orla Net welcomed the plans, adding that they were "a good start".',
])
def test_a_plan_of_no_one_named_is_the_plan_of_the_organisation_in_focus(nlp: Language, sentence: str) -> None:
    got = _facts(nlp, [(OPENING, FIRM), (sentence, FIRM)])
    assert ("Brenn Telecom", "backed_by", "Orla Net") in {(s, p, o) for s, p, o, _ in got}, got


@pytest.mark.parametrize("sentence", [
    # the plan of another organisation the sentence names
    "Varn Watch said Dunmore Data had a plan, and Orla Net backed the proposals.",
    # a plan with an owner or a phrase of its own
    "Orla Net backed the proposals of the committee.",
    # welcoming a visitor is no backing
    "Orla Net welcomed Dunmore Data to the talks.",
])
def test_no_plan_in_focus_when_the_sentence_says_whose(nlp: Language, sentence: str) -> None:
    got = _facts(nlp, [(OPENING, FIRM), (sentence, FIRM)])
    assert not {f for f in got if f[1] == "backed_by" and f[0] == "Brenn Telecom"}, got
    assert not {f for f in got if f[1] == "backed_by" and f[0] == "Dunmore Data" and "welcom" in sentence}, got


def test_an_acronym_leaving_out_the_head_word_counts_as_the_name(nlp: Language) -> None:
    ents = [("Public and Civil Services Union", "ORG"), ("PCS", "ORG"), ("Brenn Bank", "ORG")]
    docs = _article(nlp, [("The Public and Civil Services Union met Brenn Bank.", ents),
                          ("PCS leader Tom Vale said the bank had to pay.", ents)])
    found = focus_organisation(docs)
    assert found is not None and found[2] == "Public and Civil Services Union"


@pytest.mark.parametrize("opening", [
    "Varn Watch fined those who sold parts to Brenn Telecom. Brenn Telecom was set up in 2015.",
    "Regulators said they had fined three firms that sold parts to Brenn Telecom. Brenn Telecom denies it.",
])
def test_no_plan_in_focus_when_the_focus_is_acted_on_where_first_named(nlp: Language, opening: str) -> None:
    """The move welcomed is the actor's (a fine), not that of the organisation named most (rule plan_in_focus)."""
    got = _facts(nlp, [(opening, FIRM), ("Orla Net welcomed the move.", FIRM)])
    assert not {f for f in got if f[1] == "backed_by" and f[0] == "Brenn Telecom"}, got
