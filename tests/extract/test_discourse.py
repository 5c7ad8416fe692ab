"""One name, one sense per article: names the model missed in one paragraph are tagged from another."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span

from linkchart.extract.discourse import article_names, tag_known_names
from linkchart.extract.mentions import SPANS_KEY
from linkchart.extract.pipeline import extract_article


def test_article_names_include_surnames_and_skip_tied_types(nlp: Language) -> None:
    docs = [nlp("General Omar Haddad met Ali Nouri in Basra."), nlp("The Harbour Council met in Basra.")]
    names = article_names(docs)
    assert names[("Omar", "Haddad")] == "PERSON" and names[("Haddad",)] == "PERSON"
    assert ("Basra",) not in names  # places keep the model's own reading


def test_a_missed_name_is_tagged_and_a_longer_name_is_not_cut(nlp: Language) -> None:
    names = {("Haddad",): "PERSON"}
    doc = tag_known_names(nlp("Later haddad and Haddad spoke; Haddad Construction Ltd paid."), names)
    tagged = [(s.text, s.start) for s in doc.spans[SPANS_KEY] if s.text == "Haddad"]
    assert len(tagged) == 1  # the lower-case word and the company name are left alone
    assert any(e.text == "Haddad" and e.label_ == "PERSON" for e in doc.ents)


def test_relations_see_names_tagged_from_the_rest_of_the_article(nlp: Language) -> None:
    first = "Karim Hakimi leads the Valley Front."
    second = "Hakimi declared his support for the Harbour Council. Hakimi visited Norway in May."
    assert "Hakimi" not in {e.text for e in nlp(second).ents}  # the model misses him here
    text = f"{first}\n\n{second}"
    found = extract_article(text, [(0, len(first)), (len(first) + 2, len(text))], None, nlp)
    assert sum(m.text == "Hakimi" and m.label == "PERSON" for m in found.mentions) == 2
    assert any(r.subject == "Hakimi" and r.predicate == "visited" and r.object == "Norway" for r in found.relations)


def test_a_person_named_in_full_outweighs_one_other_label_of_the_surname(nlp: Language) -> None:
    doc = nlp("Tomas Verrel was a batsman. Verrel joined the club. Verrel scored twice.")
    doc.spans[SPANS_KEY] = [Span(doc, 0, 2, label="PERSON"), Span(doc, 6, 7, label="ORG")]
    assert article_names([doc])[("Verrel",)] == "PERSON"
    doc.spans[SPANS_KEY] = [Span(doc, 0, 2, label="PERSON"), Span(doc, 6, 7, label="ORG"),
                            Span(doc, 11, 12, label="ORG")]
    assert ("Verrel",) not in article_names([doc])  # two other labels against one full name: left to the model


def test_relations_read_a_surname_the_model_called_an_organisation_as_the_articles_person(nlp: Language) -> None:
    first = "Peter Novak spoke in Varna on Monday."
    second = "Novak's militia, the Dawn Army, fought on."
    assert {e.label_ for e in nlp(second).ents if e.text == "Novak"} == {"ORG"}  # the model's reading alone
    text = f"{first}\n\n{second}"
    found = extract_article(text, [(0, len(first)), (len(first) + 2, len(text))], None, nlp)
    assert any(r.subject == "Novak" and r.predicate == "leads" and r.object == "Dawn Army" for r in found.relations)


def test_a_known_name_the_model_called_a_work_or_product_is_the_articles_name(nlp: Language) -> None:
    doc = nlp("During the 1930s , Varattolo lobbied the government . Later Orvane sold the Tarvo Nine .")
    doc.ents = [Span(doc, 4, 5, label="WORK_OF_ART"), Span(doc, 10, 11, label="PRODUCT"),
                Span(doc, 13, 15, label="PRODUCT")]
    doc = tag_known_names(doc, {("Varattolo",): "PERSON", ("Orvane",): "ORG"})
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Varattolo"] == "PERSON" and labels["Orvane"] == "ORG"
    assert labels["Tarvo Nine"] == "PRODUCT"  # a product the article names nowhere else stays the model's
