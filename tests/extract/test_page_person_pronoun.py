"""On a page about a person, a pronoun opening a paragraph with no one named before it is the page's person
(rule page_person_pronoun, extract/pipeline.py): 'Tomas Verrel is a composer.' / 'His early teachers included ...'
/ 'He has taught at Orlin University.' A paragraph that ends on another person as subject still passes that person
on. Invented names; real pipeline, one span per paragraph as ingest reads them."""

from __future__ import annotations

from spacy.language import Language

from linkchart.extract.pipeline import extract_article


def _by_paragraph(nlp: Language, paragraphs: list[str]) -> set[tuple[str, str, str]]:
    text = "\n".join(paragraphs)
    spans, pos = [], 0
    for p in paragraphs:
        spans.append((pos, pos + len(p)))
        pos += len(p) + 1
    found = extract_article(text, spans, None, nlp)
    return {(r.subject, r.predicate, r.object) for r in found.relations}


def test_a_pronoun_after_a_paragraph_with_no_named_subject_is_the_page_person(nlp: Language) -> None:
    got = _by_paragraph(nlp, [
        "Tomas Verrel ( born 1951 ) is a Varnish composer of classical music .",
        "His early teachers included the Reverend Paul Okram at the Orlin Conservatory .",
        "He has taught at Dunmore University since 1990 .",
    ])
    assert ("Tomas Verrel", "employed_by", "Dunmore University") in got


def test_a_paragraph_ending_on_another_person_passes_that_one_on(nlp: Language) -> None:
    got = _by_paragraph(nlp, [
        "Tomas Verrel ( born 1951 ) is a Varnish composer of classical music .",
        "In 1980 Paul Okram moved to Tull .",
        "He has taught at Dunmore University since 1990 .",
    ])
    assert ("Paul Okram", "employed_by", "Dunmore University") in got
    assert ("Tomas Verrel", "employed_by", "Dunmore University") not in got


def test_it_opening_a_paragraph_on_a_page_about_a_company_is_the_company(nlp: Language) -> None:
    got = _by_paragraph(nlp, [
        "Verrel Film was a Varnish film production company established in 1929 .",
        "The studio produced many films in the 1930s .",
        "It was acquired by the Dunmore Media Group in 1984 .",
    ])
    assert ("Verrel Film", "part_of", "Dunmore Media Group") in got
