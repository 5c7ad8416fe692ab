"""Where a name ends: a spaced dash opens a gloss ('Veritas - Latin for truth') but may join a name whose hyphens
were spaced out ('North Rhine - Westphalia'); a programme named before its noun ("the network's Nightline
programme"). Invented names."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from linkchart.extract.mentions import mentions_from_doc


def labels(nlp: Language, text: str) -> dict[str, str]:
    """Return each mention's type by its text."""
    return {m.text: m.label for m in mentions_from_doc(nlp(text))}


def test_a_gloss_after_a_spaced_dash_is_not_in_the_name(nlp: Language) -> None:
    found = labels(nlp, "He is setting up a new political party called Veritas - Latin for truth.")
    assert "Veritas" in found and not any("Latin" in t for t in found), found


def test_a_spaced_dash_between_capitalised_words_stays_in_the_name(nlp: Language) -> None:
    found = labels(nlp, "The plant lies in North Brenland - Westmark, the largest state.")  # hyphens spaced out
    assert any("-" in t for t in found), found


def test_a_programme_named_before_its_noun_is_a_name(nlp: Language) -> None:
    found = labels(nlp, "Mr Dalby told the Brenlow Corporation's Nightline programme that he would stay.")
    assert found.get("Nightline") == "ORG", found


def test_a_programme_named_after_a_person_leaves_the_person(nlp: Language) -> None:
    found = labels(nlp, "Mr Dalby told the Brenlow Corporation's Tom Verrel programme that he would stay.")
    assert found.get("Tom Verrel") == "PERSON", found


def test_a_programme_is_typed_a_group_not_a_person() -> None:
    from collections import Counter

    from linkchart.resolve.typing import vote_type
    assert vote_type("Nightline", Counter({"ORG": 1}), Counter({"programme": 1})) == "ORG"


def test_a_weekday_after_the_opens_a_title(nlp: Language) -> None:
    for text, name in [("A report in the Sunday Courier claimed the deal was off.", "Sunday Courier"),
                       ("But another report in the Sunday Brenland said so.", "Sunday Brenland"),
                       ("He joined the Monday Circle in 1990.", "Monday Circle")]:
        found = labels(nlp, text)
        assert found.get(name) == "ORG", (text, found)


def test_a_weekday_without_the_stays_a_date(nlp: Language) -> None:
    for text in ["On Sunday Tom Verrel left the party.", "The vote on Sunday Tom Verrel called was lost.",
                 "On the Sunday Tom Verrel left."]:
        found = labels(nlp, text)
        assert not any(t.startswith("Sunday") for t in found), (text, found)


def test_a_byname_after_the_is_part_of_a_persons_name(nlp: Language) -> None:
    for text, name in [("Mr Dalby wrote a life of Tom Verrel the Younger last year.", "Tom Verrel the Younger"),
                       ("Tom Verrel the Elder built the first mill.", "Tom Verrel the Elder"),
                       ("The chronicle praises Oskar the Great and his sons.", "Oskar the Great")]:
        found = labels(nlp, text)
        assert found.get(name) == "PERSON", (text, found)


def test_a_persons_name_does_not_run_into_the_words_after_it(nlp: Language) -> None:
    found = labels(nlp, "Mr Dalby met Tom Verrel the next day.")
    assert "Tom Verrel" in found, found


def test_a_place_keeps_its_lower_case_head_noun(nlp: Language) -> None:
    for text, name, label in [("Fighters attacked a base in Velmar province on Monday.", "Velmar province", "GPE"),
                              ("The plane landed at Velmar airport after midnight.", "Velmar airport", "FAC"),
                              ("The council met in Dorin district last week.", "Dorin district", "GPE")]:
        found = labels(nlp, text)
        assert found.get(name) == label, (text, found)


def test_a_head_noun_that_qualifies_another_noun_stays_out(nlp: Language) -> None:
    found = labels(nlp, "Velmar airport security was tightened on Monday.")
    assert not any(t.endswith("airport") for t in found), found


def test_a_number_after_a_numbered_head_stays_in_the_name(nlp: Language) -> None:
    for text, name in [("The diner sits on Velin Route 36 near the creek.", "Route 36"),
                       ("Fighters of Velin Unit 2800 crossed the river.", "Unit 2800")]:
        found = labels(nlp, text)
        assert any(t.endswith(name) for t in found), (text, found)


def test_a_place_and_the_larger_place_after_a_comma_are_two_places(nlp: Language) -> None:
    from linkchart.extract.mentions import MentionFixer

    fixer = next(c for _, c in nlp.pipeline if isinstance(c, MentionFixer))
    doc = nlp("She lived in Anstey , Velinshire for years.")
    from linkchart.extract.mentions import _Cand

    spans = fixer._normalise(doc, _Cand(3, 6, "GPE"))
    assert [doc[c.start:c.end].text for c in spans] == ["Anstey", "Velinshire"]


def test_a_score_in_a_line_of_results_closes_no_name(nlp: Language) -> None:
    found = labels(nlp, "Velinshire 238 and 133-5 , Dorinshire 471 ( T. Brekke 123 , A. Verrel 61 ) .")
    assert not any(t[-1:].isdigit() for t in found), found


def test_a_number_in_a_running_sentence_may_close_a_name(nlp: Language) -> None:
    found = labels(nlp, "The diner sits on Velin Route 36 near the creek, 12 miles from the coast, since 1990.")
    assert any(t.endswith("Route 36") for t in found), found


def test_a_name_with_and_before_its_head_word_is_one_name(nlp: Language) -> None:
    for text, name in [("The Public and Commercial Services Union will co-ordinate any action.",
                        "Public and Commercial Services Union"),
                       ("The Arts and Humanities Research Council gave money.", "Arts and Humanities Research Council"),
                       ("Members of the Fire and Rescue Service were called.", "Fire and Rescue Service")]:
        found = labels(nlp, text)
        assert found.get(name) == "ORG", found


def test_a_name_before_and_stays_a_name_of_its_own(nlp: Language) -> None:
    found = labels(nlp, "Talks between Labour and the Orla Workers Union failed.")
    assert "Orla Workers Union" in found and not any(t.startswith("Labour and") for t in found), found


def test_a_capitalised_the_inside_a_sentence_opens_the_name(nlp: Language) -> None:
    found = labels(nlp, "The tribunal sat at The Varnhague for two years.")
    assert "The Varnhague" in found, found
    found = labels(nlp, "He wrote for The Brenlow Courier, a weekly paper.")
    assert "The Brenlow Courier" in found, found


def test_a_lower_case_the_or_a_sentence_opening_the_stays_out_of_the_name(nlp: Language) -> None:
    found = labels(nlp, "He wrote for the Brenlow Courier, a weekly paper.")
    assert "Brenlow Courier" in found, found
    found = labels(nlp, "The Brenlow Courier closed in 1990.")
    assert not any(t.startswith("The ") for t in found), found


def test_a_name_opening_with_an_administrative_unit_is_a_place(nlp: Language) -> None:
    found = labels(nlp, "Born in Abbeydale , County Laoran , McEvan first played competitive hurling .")
    assert found.get("County Laoran") == "GPE", found  # the model calls it a person


def test_a_title_word_before_an_organisation_or_a_country_is_part_of_the_name(nlp: Language) -> None:
    found = labels(nlp, "She worked for General Motors in Tarnley for ten years.")
    assert found.get("General Motors") == "ORG", found
    found = labels(nlp, "He played in Major League Varnball for ten years.")
    assert any(t.startswith("Major League") for t in found), found
    found = labels(nlp, "General Tom Verrel led the Varn Brigade.")
    assert "Tom Verrel" in found, found  # a person's title still goes to the role


def _parsed(nlp: Language, words: list[str], heads: list[int], deps: list[str], pos: list[str],
            ents: list[tuple[int, str]]) -> Doc:
    """Return a doc with the given parse and one-word mentions, read by the mentions component: the model's
    parse of such sentences depends on the very names, so the test states the parse it reads."""
    tags = {"PRON": "PRP", "VERB": "VBD", "ADP": "IN", "DET": "DT", "NOUN": "NN", "PROPN": "NNP", "PUNCT": ",",
            "NUM": "CD"}
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=[tags[p] for p in pos],
              lemmas=[w.lower() for w in words])
    doc.ents = [Span(doc, i, i + 1, label=label) for i, label in ents]
    return nlp.get_pipe("linkchart_mentions")(doc)


def test_one_word_after_a_place_in_a_role_phrase_is_a_place_not_the_holder(nlp: Language) -> None:
    # 'He served as a selectman of the town of Tullby, Varmont from 1935': the parser hung 'Varmont' on the role
    words = ["He", "served", "as", "a", "selectman", "of", "the", "town", "of", "Tullby", ",", "Varmont", "from",
             "1935"]
    heads = [1, 1, 1, 4, 2, 4, 7, 5, 7, 8, 4, 4, 1, 12]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "prep", "det", "pobj", "prep", "pobj", "punct", "appos", "prep",
            "pobj"]
    pos = ["PRON", "VERB", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "ADP", "NUM"]
    found = {m.text: m.label for m in mentions_from_doc(_parsed(nlp, words, heads, deps, pos,
                                                                [(9, "GPE"), (11, "PERSON")]))}
    assert found["Varmont"] == "GPE"


def test_a_full_name_after_a_place_in_a_role_phrase_is_the_holder(nlp: Language) -> None:
    assert labels(nlp, "He met the mayor of Paris, Anne Varga, on Monday.").get("Anne Varga") == "PERSON"


def test_a_decimal_number_after_a_place_is_no_part_of_its_name(nlp: Language) -> None:
    found = labels(nlp, "The population density of Varnala District 2.1 residents per square kilometers .")
    assert "Varnala District" in found and not any("2.1" in t for t in found), found
