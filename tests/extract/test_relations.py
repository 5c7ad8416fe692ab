"""Relation rules over small hand-made sentences (entity mentions set by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest
from parsed_text import parse
from spacy.tokens import Doc

from linkchart.extract.facts import SpanFacts, fact_reader
from linkchart.extract.nlp import load_pipeline
from linkchart.extract.relations import load_predicates, load_rules

CORPUS = Path("/work/shared/corpus")


def read(doc: Doc, offset: int = 0, date: str | None = None) -> SpanFacts:
    """Return what the pipeline's ``linkchart_facts`` component reads in `doc`."""
    return fact_reader(load_pipeline()).read(doc, offset, date)


def triples(doc: Doc, date: str | None = None) -> set[tuple[str, str, str]]:
    rels = read(doc, 0, date).relations
    return {(r.subject, r.predicate, r.object) for r in rels}


def test_vocabulary_and_rules_agree() -> None:
    vocab = load_predicates()
    assert {"leads", "split_from", "backed_by", "exchanged_for", "handler_of"} <= set(vocab)
    assert vocab["met_with"].symmetric and not vocab["leads"].symmetric
    rules = load_rules()
    names = [r["name"] for kind in ("verb_rules", "role_rules", "possessive_rules", "modifier_rules",
                                    "noun_rules") for r in rules[kind]]
    assert len(names) == len(set(names))
    for kind in ("verb_rules", "role_rules", "possessive_rules", "modifier_rules", "noun_rules"):
        assert all(r["predicate"] in vocab for r in rules[kind])


def test_appositive_role_and_led_by(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Omar Haddad, the leader of the Crescent Brigade, spoke in Valdora.",
                [("Omar Haddad", "PERSON"), ("Crescent Brigade", "ORG"), ("Valdora", "GPE")])
    assert ("Omar Haddad", "leads", "Crescent Brigade") in triples(doc)
    doc = parse(nlp, "The other group is the Falcon Movement, led by Samir Kassem.",
                [("Falcon Movement", "ORG"), ("Samir Kassem", "PERSON")])
    assert ("Samir Kassem", "leads", "Falcon Movement") in triples(doc)


def test_copula_role_and_part_of(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Samir Kassem is the spokesman of the Falcon Movement.",
                [("Samir Kassem", "PERSON"), ("Falcon Movement", "ORG")])
    assert ("Samir Kassem", "spokesperson_of", "Falcon Movement") in triples(doc)
    doc = parse(nlp, "The Falcon Movement is a key component of the Northern Front.",
                [("Falcon Movement", "ORG"), ("Northern Front", "ORG")])
    assert ("Falcon Movement", "part_of", "Northern Front") in triples(doc)


def test_split_from_with_date(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "The Crescent Brigade split from the Northern Front in 2004.",
                [("Crescent Brigade", "ORG"), ("Northern Front", "ORG")])
    rels = read(doc, 100, None).relations
    rel = next(r for r in rels if r.predicate == "split_from")
    assert (rel.subject, rel.object, rel.date, rel.rule) == ("Crescent Brigade", "Northern Front", "2004",
                                                              "verb_split_from")
    assert rel.subject_span == (104, 120) and rel.start == 100


def test_passive_arrest_and_exchange(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Omar Haddad was arrested by the Border Guard.",
                [("Omar Haddad", "PERSON"), ("Border Guard", "ORG")])
    assert ("Border Guard", "arrested", "Omar Haddad") in triples(doc)
    doc = parse(nlp, "Border troops captured Omar Haddad along with Samir Kassem.",
                [("Border troops", "ORG"), ("Omar Haddad", "PERSON"), ("Samir Kassem", "PERSON")])
    assert {("Border troops", "arrested", "Omar Haddad"), ("Border troops", "arrested", "Samir Kassem")} \
        <= triples(doc)
    doc = parse(nlp, "Omar Haddad was released in exchange for John Carter.",
                [("Omar Haddad", "PERSON"), ("John Carter", "PERSON")])
    assert ("Omar Haddad", "exchanged_for", "John Carter") in triples(doc)


def test_backed_modifier_maps_demonym(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "The Iranian-backed Crescent Brigade attacked the base.",
                [("Iranian", "NORP"), ("Crescent Brigade", "ORG")])
    assert ("Crescent Brigade", "backed_by", "Iran") in triples(doc)


def test_negation_and_attribution(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Omar Haddad did not meet Samir Kassem.",
                [("Omar Haddad", "PERSON"), ("Samir Kassem", "PERSON")])
    rels = read(doc, 0, None).relations
    assert [r.negated for r in rels if r.predicate == "met_with"] == [True]
    doc = parse(nlp, "Lina Farah told investigators that Omar Haddad met with Samir Kassem.",
                [("Lina Farah", "PERSON"), ("Omar Haddad", "PERSON"), ("Samir Kassem", "PERSON")])
    rels = read(doc, 0, None).relations
    met = [r for r in rels if r.predicate == "met_with"]
    assert met and met[0].attributed_to == "Lina Farah told investigators" and not met[0].negated


def test_types_block_nonsense(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Valdora visited Omar Haddad.", [("Valdora", "GPE"), ("Omar Haddad", "PERSON")])
    assert not any(p == "visited" for _, p, _ in triples(doc))


@pytest.mark.skipif(not CORPUS.exists(), reason="sample corpus absent")
def test_corpus_document_yields_relations(nlp) -> None:  # noqa: ANN001
    path = sorted(CORPUS.glob("004_*.txt"))[0]
    text = path.read_text(encoding="utf-8")[:4000]
    rels = read(nlp(text), 0, None).relations
    assert len(rels) >= 5
    demonyms = load_rules()["demonyms"]
    for r in rels:  # spans point at the mention (a nationality adjective stands for its country)
        for surface, (start, end) in ((r.subject, r.subject_span), (r.object, r.object_span)):
            assert text[start:end] == surface or demonyms.get(text[start:end]) == surface


def test_phrase_hung_on_the_wrong_noun_still_reaches_the_verb(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "During the trip, Farid met for the first time with Karim Nouri.",
                [("Farid", "PERSON"), ("Karim Nouri", "PERSON")])
    assert ("Farid", "met_with", "Karim Nouri") in triples(doc)
    doc = parse(nlp, "Badr fighters took part in the 2016 offensive, alongside the Peshmerga.",
                [("Badr", "ORG"), ("Peshmerga", "ORG")])
    assert ("Badr", "allied_with", "Peshmerga") in triples(doc)


def test_subject_pronoun_takes_the_previous_subject_person(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Samir Haddad spent two years in custody. He later founded the Unity Front.",
                [("Samir Haddad", "PERSON"), ("Unity Front", "ORG")])
    assert ("Samir Haddad", "founded", "Unity Front") in triples(doc)
    doc = parse(nlp, "While Omar Saleh trained the recruits, he never joined the Unity Front.",
                [("Omar Saleh", "PERSON"), ("Unity Front", "ORG")])
    rels = read(doc, 0, None).relations
    joined = [r for r in rels if (r.subject, r.object) == ("Omar Saleh", "Unity Front")]
    assert joined and all(r.negated for r in joined)


def test_object_pronoun_is_left_unresolved(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Samir Haddad trusted his aide. The cleric dispatched him to Mosul.",
                [("Samir Haddad", "PERSON"), ("Mosul", "GPE")])
    assert ("Samir Haddad", "visited", "Mosul") not in triples(doc)


def test_adjectival_participle_has_no_clause_agent(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Samir Haddad, the chief of the Iran-backed Unity Front, spoke in Mosul.",
                [("Samir Haddad", "PERSON"), ("Unity Front", "ORG"), ("Iran", "GPE"), ("Mosul", "GPE")])
    found = triples(doc)
    assert ("Unity Front", "backed_by", "Samir Haddad") not in found
    assert ("Unity Front", "backed_by", "Iran") in found


def test_object_control_gives_the_infinitive_its_subject(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Omar Haddad ordered his deputy to work with Samir Kassem.",
                [("Omar Haddad", "PERSON"), ("Samir Kassem", "PERSON")])
    assert ("Omar Haddad", "allied_with", "Samir Kassem") not in triples(doc)


def test_support_for_an_unnamed_beneficiary_is_not_the_clause_subject(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Lina Farah went to Valdora to seek Valdoran support for the young preacher.",
                [("Lina Farah", "PERSON"), ("Valdora", "GPE"), ("Valdoran", "GPE")])
    assert not any(p == "backed_by" for _, p, _ in triples(doc))


def test_pronoun_takes_a_subject_surname_the_model_called_an_organisation(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Haddad stayed in prison until 2012. He then founded the Unity Front.",
                [("Haddad", "ORG"), ("Unity Front", "ORG")])
    assert ("Haddad", "founded", "Unity Front") in triples(doc)
    doc = parse(nlp, "The family received threats from Karvan. He later moved to Mosul.",
                [("Karvan", "ORG"), ("Mosul", "GPE")])
    assert ("Karvan", "visited", "Mosul") not in triples(doc)


def test_unnamed_subject_that_became_a_named_group(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "He built a network of fighters, which broke away from the Unity Front in 2009 to become "
                     "the Crescent Brigade.",
                [("Unity Front", "ORG"), ("Crescent Brigade", "ORG")])
    assert ("Crescent Brigade", "split_from", "Unity Front") in triples(doc)


def test_seen_in_a_place_and_conjoined_passive(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Omar Haddad was photographed in Valdora last month.",
                [("Omar Haddad", "PERSON"), ("Valdora", "GPE")])
    assert ("Omar Haddad", "visited", "Valdora") in triples(doc)
    doc = parse(nlp, "Omar Haddad quit his post, and was seen in Valdora a week later.",
                [("Omar Haddad", "PERSON"), ("Valdora", "GPE")])
    assert ("Omar Haddad", "visited", "Valdora") in triples(doc)
    doc = parse(nlp, "Analysts see Valdora in a difficult position.", [("Valdora", "GPE")])
    assert not triples(doc)


def test_place_nouns_locate_their_holder(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "The talks took place in Mirat, a town in northern Valdora.",
                [("Mirat", "GPE"), ("northern Valdora", "LOC")])
    assert ("Mirat", "located_in", "northern Valdora") in triples(doc)
    doc = parse(nlp, "The envoy moved to Valdora's capital of Mirat.", [("Valdora", "GPE"), ("Mirat", "GPE")])
    assert ("Mirat", "located_in", "Valdora") in triples(doc)
    doc = parse(nlp, "The envoy moved to the capital of Valdora.", [("Valdora", "GPE")])
    assert not triples(doc)


def test_resident_and_office_locate(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "The Unity Front opened an office in Mirat.", [("Unity Front", "ORG"), ("Mirat", "GPE")])
    assert ("Unity Front", "located_in", "Mirat") in triples(doc)
    doc = parse(nlp, "The Unity Front opened fire in Mirat.", [("Unity Front", "ORG"), ("Mirat", "GPE")])
    assert ("Unity Front", "located_in", "Mirat") not in triples(doc)
    doc = parse(nlp, "The Karvan Group, a long-time resident of Mirat, sued.",
                [("Karvan Group", "ORG"), ("Mirat", "GPE")])
    assert ("Karvan Group", "located_in", "Mirat") in triples(doc)


def test_object_pronoun_takes_the_first_person_who_is_not_its_own_subject(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Despite Farid Haddad's quarrel with Omar Saleh, the cleric sent him to Mosul in 2004.",
                [("Farid Haddad", "PERSON"), ("Omar Saleh", "PERSON"), ("Mosul", "GPE")])
    assert ("Farid Haddad", "visited", "Mosul") in triples(doc)
    doc = parse(nlp, "Farid Haddad told investigators that Omar Saleh approached him in Basra.",
                [("Farid Haddad", "PERSON"), ("Omar Saleh", "PERSON"), ("Basra", "GPE")])
    found = triples(doc)
    assert ("Omar Saleh", "met_with", "Farid Haddad") in found or ("Farid Haddad", "met_with", "Omar Saleh") in found
    assert ("Omar Saleh", "met_with", "Omar Saleh") not in found


def test_whose_clause_is_about_the_possessed_group(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Omar Saleh, whose Unity Front is backed by Valdora, appears in the footage.",
                [("Omar Saleh", "PERSON"), ("Unity Front", "ORG"), ("Valdora", "GPE")])
    found = triples(doc)
    assert ("Unity Front", "backed_by", "Valdora") in found
    assert ("Omar Saleh", "backed_by", "Valdora") not in found


def test_giving_support_runs_from_giver_to_receiver(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Karim Nouri offered Omar Saleh support in Mosul.",
                [("Karim Nouri", "PERSON"), ("Omar Saleh", "PERSON"), ("Mosul", "GPE")])
    found = triples(doc)
    assert ("Omar Saleh", "backed_by", "Karim Nouri") in found
    assert ("Karim Nouri", "backed_by", "Omar Saleh") not in found


def test_the_namer_of_a_role_holder_does_not_hold_the_role(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Their guide was a Unity Front official Omar Saleh called Abu Fadi.",
                [("Unity Front", "ORG"), ("Omar Saleh", "PERSON"), ("Abu Fadi", "PERSON")])
    found = triples(doc)
    assert ("Omar Saleh", "member_of", "Unity Front") not in found


def test_standing_with_a_group_is_an_alliance(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Omar Saleh stands with the Unity Front.", [("Omar Saleh", "PERSON"), ("Unity Front", "ORG")])
    assert ("Omar Saleh", "allied_with", "Unity Front") in triples(doc)


def test_first_person_in_a_quotation_is_its_speaker(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "“We stand with the Unity Front,” Karim Nouri said.",
                [("Unity Front", "ORG"), ("Karim Nouri", "PERSON")])
    assert ("Karim Nouri", "allied_with", "Unity Front") in triples(doc)
    doc = parse(nlp, "Karim Nouri said: “Our brothers in the Unity Front are ready to fight.”",
                [("Karim Nouri", "PERSON"), ("Unity Front", "ORG")])
    assert ("Karim Nouri", "allied_with", "Unity Front") in triples(doc)
    doc = parse(nlp, "“We here with the Unity Front declare our readiness,” Karim Nouri is heard saying in a clip.",
                [("Unity Front", "ORG"), ("Karim Nouri", "PERSON")])
    assert ("Karim Nouri", "allied_with", "Unity Front") in triples(doc)


def test_first_person_without_a_single_named_speaker_stays_unresolved(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "“I met Omar Saleh in Basra,” Karim Nouri and Samir Haddad said.",
                [("Omar Saleh", "PERSON"), ("Basra", "GPE"), ("Karim Nouri", "PERSON"), ("Samir Haddad", "PERSON")])
    assert not {t for t in triples(doc) if t[1] == "met_with"}
    doc = parse(nlp, "“We stand with the Unity Front,” the officials said.", [("Unity Front", "ORG")])
    assert triples(doc) == set()
    doc = parse(nlp, "Karim Nouri arrived. We stand with the Unity Front.",
                [("Karim Nouri", "PERSON"), ("Unity Front", "ORG")])
    assert triples(doc) == set()  # no quotation, no speaker


def test_company_is_not_an_alliance(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Omar Saleh was with the Unity Front commander when he was arrested.",
                [("Omar Saleh", "PERSON"), ("Unity Front", "ORG")])
    assert not {t for t in triples(doc) if t[1] == "allied_with"}
    doc = parse(nlp, "Police arrested Omar Saleh with weapons from the Unity Front.",
                [("Omar Saleh", "PERSON"), ("Unity Front", "ORG")])
    assert not {t for t in triples(doc) if t[1] == "allied_with"}
    doc = parse(nlp, "Omar Saleh is here with his brother from Basra.", [("Omar Saleh", "PERSON"), ("Basra", "GPE")])
    assert triples(doc) == set()


def test_being_here_with_a_group_is_an_alliance(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Omar Saleh is here with the Unity Front.", [("Omar Saleh", "PERSON"), ("Unity Front", "ORG")])
    assert ("Omar Saleh", "allied_with", "Unity Front") in triples(doc)
    doc = parse(nlp, "Omar Saleh’s comrades in the Unity Front left the city.",
                [("Omar Saleh", "PERSON"), ("Unity Front", "ORG")])
    assert ("Omar Saleh", "allied_with", "Unity Front") in triples(doc)


def test_the_demonym_takes_the_previous_subject_person(nlp) -> None:  # noqa: ANN001
    ents = [("Karim Nouri", "PERSON"), ("Basra", "GPE"), ("Samir Haddad", "PERSON"), ("Iranian", "NORP")]
    doc = parse(nlp, "Karim Nouri arrived in Basra. Samir Haddad later met with the Iranian.", ents)
    assert ("Samir Haddad", "met_with", "Karim Nouri") in triples(doc)
    doc = parse(nlp, "Karim Nouri and Omar Saleh arrived in Basra. Samir Haddad later met with the Iranian.",
                ents + [("Omar Saleh", "PERSON")])
    assert not {t for t in triples(doc) if t[1] == "met_with"}  # two people came: which one?
    doc = parse(nlp, "Karim Nouri arrived in Basra. Karim Nouri later met with the Iranian.",
                [("Karim Nouri", "PERSON"), ("Basra", "GPE"), ("Iranian", "NORP")])
    assert not {t for t in triples(doc) if t[1] == "met_with"}  # the Iranian is somebody else
    doc = parse(nlp, "Karim Nouri arrived in Basra. Samir Haddad later met with the Iranian envoy.", ents)
    assert not {t for t in triples(doc) if t[1] == "met_with"}  # an adjective, not a person


def test_taking_orders_from_someone_is_being_commanded(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "The Valley Brigade takes its orders from General Omar Haddad.",
                [("Valley Brigade", "ORG"), ("Omar Haddad", "PERSON")])
    assert ("Omar Haddad", "commands", "Valley Brigade") in triples(doc)
    doc = parse(nlp, "The Valley Brigade took control from Omar Haddad.",
                [("Valley Brigade", "ORG"), ("Omar Haddad", "PERSON")])
    assert not any(p == "commands" for _, p, _ in triples(doc))


def test_a_nouns_infinitive_takes_its_owner_or_the_clause_subject(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Norway's decision to fund the Harbour Council surprised nobody.",
                [("Norway", "GPE"), ("Harbour Council", "ORG")])
    assert ("Norway", "funds", "Harbour Council") in triples(doc)
    # an intention or a plan is not a fact
    doc = parse(nlp, "Omar Haddad declared his intention to stand with the Valley Front.",
                [("Omar Haddad", "PERSON"), ("Valley Front", "ORG")])
    assert triples(doc) == set()
    doc = parse(nlp, "The Valley Front announced plans to attack the Harbour Council.",
                [("Valley Front", "ORG"), ("Harbour Council", "ORG")])
    assert triples(doc) == set()


def test_a_group_noun_in_apposition_stands_for_the_group(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "The Valley Front, the Norway-backed militia, fired rockets.",
                [("Valley Front", "ORG"), ("Norway", "GPE")])
    assert ("Valley Front", "backed_by", "Norway") in triples(doc)


def test_areas_on_a_border_are_the_border(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Omar Haddad toured areas on the Chilean border with Peru.",
                [("Omar Haddad", "PERSON"), ("Chilean border with Peru", "LOC")])
    assert ("Omar Haddad", "visited", "Chilean border with Peru") in triples(doc)


def test_a_hyphenated_role_is_one_role(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "A warning came from Valley Front Secretary-General Omar Haddad on Monday.",
                [("Valley Front", "ORG"), ("Omar Haddad", "PERSON")])
    assert ("Omar Haddad", "leads", "Valley Front") in triples(doc)


def test_a_participle_claim_is_attributed_to_the_main_subject(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Omar Haddad, a prosecutor, confirmed the verdict, claiming Ali Nouri had met the Valley Front.",
                [("Omar Haddad", "PERSON"), ("Ali Nouri", "PERSON"), ("Valley Front", "ORG")])
    rels = read(doc, 0, None).relations
    met = [r for r in rels if r.predicate == "met_with"]
    assert met and met[0].attributed_to and met[0].attributed_to.startswith("Omar Haddad")


def test_a_fronted_participle_with_by_applies_to_the_main_subject(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Backed by Norway, the Valley Front formed in 2006.", [("Norway", "GPE"), ("Valley Front", "ORG")])
    assert ("Valley Front", "backed_by", "Norway") in triples(doc)
    doc = parse(nlp, "Arrested by the Harbour Council in 2007, Omar Haddad spent years in prison.",
                [("Harbour Council", "ORG"), ("Omar Haddad", "PERSON")])
    assert ("Harbour Council", "arrested", "Omar Haddad") in triples(doc)


def test_a_splinter_group_split_from_its_parent(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "The Valley Front, a splinter group of the Harbour Council, was formed in 2006.",
                [("Valley Front", "ORG"), ("Harbour Council", "ORG")])
    assert ("Valley Front", "split_from", "Harbour Council") in triples(doc)


def test_belonging_defeating_and_editing(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Omar Haddad belonged to the Valley Front.", [("Omar Haddad", "PERSON"), ("Valley Front", "ORG")])
    assert ("Omar Haddad", "member_of", "Valley Front") in triples(doc)
    doc = parse(nlp, "The Valley Front defeated the Harbour Council in May.",
                [("Valley Front", "ORG"), ("Harbour Council", "ORG")])
    assert ("Valley Front", "opposes", "Harbour Council") in triples(doc)
    doc = parse(nlp, "Ali Nouri is editor of the Harbour Review.", [("Ali Nouri", "PERSON"), ("Harbour Review", "ORG")])
    assert ("Ali Nouri", "employed_by", "Harbour Review") in triples(doc)


def test_a_role_named_inside_a_promise_still_holds(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "The campaign began with a promise from Valley Front leader Omar Haddad to build houses.",
                [("Valley Front", "ORG"), ("Omar Haddad", "PERSON")])
    assert ("Omar Haddad", "leads", "Valley Front") in triples(doc)


def test_a_noun_deep_in_another_phrase_is_not_the_subjects(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Omar Haddad pushed for reform as a condition for renewed Norwegian support.",
                [("Omar Haddad", "PERSON"), ("Norwegian", "NORP")])
    assert not any(p == "backed_by" for _, p, _ in triples(doc))
    doc = parse(nlp, "The Valley Front claimed responsibility for attacks on the Harbour Council.",
                [("Valley Front", "ORG"), ("Harbour Council", "ORG")])
    assert ("Valley Front", "attacked", "Harbour Council") in triples(doc)


def test_it_stands_for_the_one_organisation_subject_just_before(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "The Valley Front was formed in 2006. It attacked the Harbour Council in May.",
                [("Valley Front", "ORG"), ("Harbour Council", "ORG")])
    assert ("Valley Front", "attacked", "Harbour Council") in triples(doc)
    doc = parse(nlp, "The Valley Front and the River League met in 2006. It attacked the Harbour Council in May.",
                [("Valley Front", "ORG"), ("River League", "ORG"), ("Harbour Council", "ORG")])
    assert not any(p == "attacked" for _, p, _ in triples(doc))  # two candidates: 'it' stays open


def test_residents_and_operations_place_a_person(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Omar Haddad, a long-time resident of Norway, was designated in 2019.",
                [("Omar Haddad", "PERSON"), ("Norway", "GPE")])
    assert ("Omar Haddad", "located_in", "Norway") in triples(doc)
    doc = parse(nlp, "Meanwhile, Omar Haddad set up operations in Bergen.",
                [("Omar Haddad", "PERSON"), ("Bergen", "GPE")])
    assert ("Omar Haddad", "located_in", "Bergen") in triples(doc)


def test_leading_a_unit_of_a_group_is_membership(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Omar Haddad, who led a brigade in the Valley Front, fought on.",
                [("Omar Haddad", "PERSON"), ("Valley Front", "ORG")])
    assert ("Omar Haddad", "member_of", "Valley Front") in triples(doc)


def test_his_faction_of_a_party_is_membership(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "The group works with Omar Haddad and his faction of the Unity Party.",
                [("Omar Haddad", "PERSON"), ("Unity Party", "ORG")])
    assert ("Omar Haddad", "member_of", "Unity Party") in triples(doc)


def test_craft_stand_for_the_nation_on_them(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "The depot at Bergen, south of Oslo, was bombed by Swedish aircraft on May 2.",
                [("Bergen", "GPE"), ("Oslo", "GPE"), ("Swedish", "NORP")])
    assert ("Sweden", "attacked", "Bergen") in triples(doc)


def test_welcoming_is_meeting_and_living_somewhere_places_a_person(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Ali Nouri, then the minister, welcomed General Omar Haddad to his office.",
                [("Ali Nouri", "PERSON"), ("Omar Haddad", "PERSON")])
    assert ("Ali Nouri", "met_with", "Omar Haddad") in triples(doc)
    doc = parse(nlp, "Omar Haddad, who had lived in exile in Norway in the 1980s, returned.",
                [("Omar Haddad", "PERSON"), ("Norway", "GPE")])
    assert ("Omar Haddad", "located_in", "Norway") in triples(doc)
    doc = parse(nlp, "Ali Nouri lives in fear of the Valley Front.", [("Ali Nouri", "PERSON"), ("Valley Front", "ORG")])
    assert triples(doc) == set()


def test_a_country_owning_the_group_is_not_what_its_chief_leads(nlp) -> None:  # noqa: ANN001
    doc = parse(nlp, "Oslo sent in Norway’s Harbour Guards chief, Omar Haddad, to oversee things.",
                [("Oslo", "GPE"), ("Norway", "GPE"), ("Harbour Guards", "ORG"), ("Omar Haddad", "PERSON")])
    found = triples(doc)
    assert ("Omar Haddad", "leads", "Harbour Guards") in found and ("Omar Haddad", "leads", "Norway") not in found


@pytest.mark.parametrize("text,triple", [
    ("The house was built by Otis Brand, a local banker who founded Orla Bank in 1890.",
     ("Otis Brand", "founded", "Orla Bank")),
    ("Karl Dent, a retired officer who once commanded the Harbour Brigade, died.",
     ("Karl Dent", "commands", "Harbour Brigade")),
    ("Jane Roe met Karl Dent, a businessman who funds the Harbour Party.", ("Karl Dent", "funds", "Harbour Party")),
])
def test_a_relative_clause_on_an_apposition_describes_the_person(nlp, text: str, triple) -> None:  # noqa: ANN001
    s, _, o = triple
    ents = [(s, "PERSON"), (o, "ORG")] + ([("Jane Roe", "PERSON")] if "Jane Roe" in text else [])
    assert triple in triples(parse(nlp, text, ents))


def test_a_relative_clause_on_another_noun_is_not_the_persons(nlp) -> None:  # noqa: ANN001
    text = "Karl Dent, the head of a firm that funds the Harbour Party, died."
    got = triples(parse(nlp, text, [("Karl Dent", "PERSON"), ("Harbour Party", "ORG")]))
    assert ("Karl Dent", "funds", "Harbour Party") not in got


@pytest.mark.parametrize("text,triple", [
    ("Lea Marsh also worked at Orla Bank, where she was a treasurer.", ("Lea Marsh", "employed_by", "Orla Bank")),
    ("Lea Marsh taught at the Harbour Institute for a decade.", ("Lea Marsh", "employed_by", "Harbour Institute")),
    ("Lea Marsh served in the Harbour Guards from 1941 to 1945.", ("Lea Marsh", "member_of", "Harbour Guards")),
    ("Lea Marsh served with the Harbour Brigade in the war.", ("Lea Marsh", "member_of", "Harbour Brigade")),
])
def test_work_at_and_serve_in(nlp, text: str, triple) -> None:  # noqa: ANN001
    assert triple in triples(parse(nlp, text, [(triple[0], "PERSON"), (triple[2], "ORG")]))


def test_serving_in_a_place_is_no_membership(nlp) -> None:  # noqa: ANN001
    ents = [("Lea Marsh", "PERSON"), ("Brennick", "GPE")]
    got = triples(parse(nlp, "Lea Marsh served in Brennick for two years.", ents))
    assert not any(p == "member_of" for _, p, _ in got)


@pytest.mark.parametrize("text", [
    "The Harbour Party's Robin Vale said the vote was rigged.",
    "The group includes the Harbour Party's Jane Roe and Robin Vale.",
])
def test_a_person_named_as_a_groups_own_is_its_member(nlp, text: str) -> None:  # noqa: ANN001
    ents = [("Harbour Party", "ORG"), ("Robin Vale", "PERSON")] + ([("Jane Roe", "PERSON")] if "Jane" in text else [])
    got = triples(parse(nlp, text, ents))
    assert ("Robin Vale", "member_of", "Harbour Party") in got


def test_a_persons_group_is_not_its_member(nlp) -> None:  # noqa: ANN001
    got = triples(parse(nlp, "Robin Vale's Harbour Party won.", [("Robin Vale", "PERSON"), ("Harbour Party", "ORG")]))
    assert ("Robin Vale", "member_of", "Harbour Party") not in got


@pytest.mark.parametrize("text", [
    "The Harbour Brigade shelled the town on the orders of Karl Dent.",
    "The Harbour Brigade acted on the instructions of Karl Dent, officials said.",
    "The Harbour Brigade moved north at the behest of Karl Dent.",
])
def test_acting_on_someones_orders(nlp, text: str) -> None:  # noqa: ANN001
    got = triples(parse(nlp, text, [("Harbour Brigade", "ORG"), ("Karl Dent", "PERSON")]))
    assert ("Karl Dent", "commands", "Harbour Brigade") in got


def test_orders_about_someone_are_no_command(nlp) -> None:  # noqa: ANN001
    got = triples(parse(nlp, "The Harbour Brigade spoke on the orders given to Karl Dent.",
                        [("Harbour Brigade", "ORG"), ("Karl Dent", "PERSON")]))
    assert ("Karl Dent", "commands", "Harbour Brigade") not in got


def test_a_person_of_a_group_is_its_member(nlp) -> None:  # noqa: ANN001
    got = triples(parse(nlp, "Roger Vale of the Harbour Party said the vote was rigged.",
                        [("Roger Vale", "PERSON"), ("Harbour Party", "ORG")]))
    assert ("Roger Vale", "member_of", "Harbour Party") in got
    got = triples(parse(nlp, "Roger Vale of Brennick said the vote was rigged.",
                        [("Roger Vale", "PERSON"), ("Brennick", "GPE")]))
    assert not got


def test_an_of_phrase_after_two_people_is_the_second_ones(nlp) -> None:  # noqa: ANN001
    text = "Nobody can replace his authority over commanders such as Varga and Hadi al-Rawi of the Dawn Army."
    got = triples(parse(nlp, text, [("Varga", "PERSON"), ("Hadi al-Rawi", "PERSON"), ("Dawn Army", "ORG")]))
    assert ("Hadi al-Rawi", "member_of", "Dawn Army") in got
    assert ("Varga", "member_of", "Dawn Army") not in got


def test_a_conjunct_with_its_own_modifier_is_not_the_possessors(nlp) -> None:  # noqa: ANN001
    text = "The group includes the Harbour Party's Jane Roe and Robin Vale and Liberal Democrat Karl Dent."
    ents = [("Harbour Party", "ORG"), ("Jane Roe", "PERSON"), ("Robin Vale", "PERSON"), ("Karl Dent", "PERSON")]
    got = triples(parse(nlp, text, ents))
    assert ("Robin Vale", "member_of", "Harbour Party") in got
    assert ("Karl Dent", "member_of", "Harbour Party") not in got


def test_a_name_where_a_place_stands_is_no_antecedent_of_he(nlp) -> None:  # noqa: ANN001
    text = "Karl Dent was born in 1920. Educated at Brennick, he served in the Harbour Guards."
    # the place mislabelled as a person, as the model does with some school names
    got = triples(parse(nlp, text, [("Karl Dent", "PERSON"), ("Brennick", "PERSON"), ("Harbour Guards", "ORG")]))
    assert ("Brennick", "member_of", "Harbour Guards") not in got
    assert ("Karl Dent", "member_of", "Harbour Guards") in got
    text = "Educated at Brennick, he served in the Harbour Guards. He worked at the Orla Bank."
    got = triples(parse(nlp, text, [("Brennick", "PERSON"), ("Harbour Guards", "ORG"), ("Orla Bank", "ORG")]))
    assert not any(s == "Brennick" for s, _, _ in got)


def test_a_bare_on_in_the_rules_is_an_error(tmp_path) -> None:  # noqa: ANN001
    from linkchart.extract.relations import RULES_PATH, load_rules
    bad = tmp_path / "rules.yaml"
    bad.write_text(RULES_PATH.read_text("utf-8").replace('preps: [in, of, "on"]', "preps: [in, of, on]"), "utf-8")
    with pytest.raises(ValueError, match="quote the word"):
        load_rules(bad)
