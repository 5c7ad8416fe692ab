"""Tests of alias statements over small hand-made sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from linkchart.extract.aliases import find_aliases, initials_match, other_language_acronym
from linkchart.extract.pipeline import extract_article
from linkchart.models import AliasStatement


def pairs(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    """Return the (name, alias, kind) triples stated in `text`."""
    return {(a.name, a.alias, a.kind) for a in find_aliases(nlp(text))}


@pytest.mark.parametrize(
    ("expansion", "acronym", "ok"),
    [
        ("Kataib Sayyid al-Shuhada", "KSS", True),
        ("National Defence Brigades", "NDB", True),
        ("United Nations Mission in Kosovo", "UNMIK", True),
        ("Islamic State", "ISIS", True),
        ("Badr Organization", "PMU", False),
        ("Nahrain Force", "NDB", False),
    ],
)
def test_initials_match(expansion: str, acronym: str, ok: bool) -> None:
    assert initials_match(expansion, acronym) is ok


def test_parenthesised_acronym(nlp: Language) -> None:
    assert ("Kataib Sayyid al-Shuhada", "KSS", "acronym") in pairs(
        nlp, "Kataib Sayyid al-Shuhada (KSS) sent fighters to the border."
    )


def test_mismatched_acronym_is_not_an_alias(nlp: Language) -> None:
    assert pairs(nlp, "Nahrain Force (NDB) sent fighters to the border.") == set()


def test_parenthesised_translation(nlp: Language) -> None:
    got = pairs(nlp, "He joined Saraya al-Nasr (the Victory Companies) in 2014.")
    assert ("Saraya al-Nasr", "Victory Companies", "translation") in got


def test_lowercase_bracket_is_not_an_alias(nlp: Language) -> None:
    assert pairs(nlp, "Karim Saadi (left) stood next to Omar Jalil.") == set()


def test_also_known_as_for_a_place(nlp: Language) -> None:
    got = pairs(nlp, "They met at the Nasib Bridge, also known as the old Harir Crossing, at dawn.")
    assert ("Nasib Bridge", "Harir Crossing", "known_as") in got


def test_whose_real_name_is(nlp: Language) -> None:
    got = pairs(nlp, "‘Abu Ward,’ whose real name is Sami Kanaan, ran the cell.")
    assert ("Sami Kanaan", "Abu Ward", "real_name") in got


def test_codename_resolved_to_the_real_name(nlp: Language) -> None:
    text = "Known to the prisoners as ‘Hajj Jawad,’ the intelligence officer is Mahmoud Rostami."
    got = find_aliases(nlp(text))
    assert [(a.name, a.alias, a.kind) for a in got] == [("Mahmoud Rostami", "Hajj Jawad", "codename")]
    a: AliasStatement = got[0]
    assert text[a.alias_span[0] : a.alias_span[1]] == "Hajj Jawad"
    assert (a.start, a.end) == (0, len(text))


def test_the_x_or_y(nlp: Language) -> None:
    got = pairs(nlp, "The commanders of the Hashd al-Watani, or National Mobilization, met in Erbil.")
    assert ("Hashd al-Watani", "National Mobilization", "or") in got


def test_dash_apposition(nlp: Language) -> None:
    got = pairs(nlp, "KSS – Kataib Sayyid al-Shuhada")
    assert ("Kataib Sayyid al-Shuhada", "KSS", "acronym") in got


def test_offsets_shift(nlp: Language) -> None:
    text = "Kataib Sayyid al-Shuhada (KSS) sent fighters."
    (a,) = find_aliases(nlp(text), offset=100)
    assert a.name_span == (100, 124)
    assert a.alias_span == (126, 129)


def test_the_man_they_knew_as(nlp: Language) -> None:
    got = pairs(nlp, "The man the recruits knew as “Abu Layth” was Hassan Darwish.")
    assert ("Hassan Darwish", "Abu Layth", "codename") in got


def test_known_as_in_brackets_lists_every_name(nlp: Language) -> None:
    text = "The region suffered from groups like the Valley Front (also known as VF or the Wadi Jabha) for years."
    found = {(name, alias) for name, alias, _kind in pairs(nlp, text)}
    assert ("Valley Front", "VF") in found and ("Valley Front", "Wadi Jabha") in found


@pytest.mark.parametrize(
    "text",
    [
        "4. Femi Adeyemo ( Nigeria ) 11.14\n5. Tovan Brekke ( Denmark ) 11.20\n",
        "1. Kola Bamidele ( Nigeria ) 50.31 seconds\n2. Asel Mirkova ( Belarus ) 50.90\n",
        "Kola Bamidele (Armenia) lifted 160 kg.",
    ],
)
def test_a_country_in_brackets_is_no_other_name(nlp: Language, text: str) -> None:
    assert not any(kind == "translation" for _name, _alias, kind in pairs(nlp, text))


@pytest.mark.parametrize(
    ("expansion", "acronym"),
    [("Vardic Press Club of Ostmark", "VPC"), ("Progress Party of Lower Varnland", "PPLV"),
     ("Union Party of Eastern Kessia", "UPKE")],
)
def test_an_acronym_may_leave_out_the_of_phrase_or_follow_another_word_order(expansion: str, acronym: str) -> None:
    assert initials_match(expansion, acronym)


@pytest.mark.parametrize(
    "text",
    [
        "Ostra Nova (also called Ostra Magna, Neostra, and Ostra II) is a possible future supercontinent.",
        "Ostra Nova (also known as Ostra Magna, Neostra or Ostra II) is a possible future supercontinent.",
        "Ostra Nova (called Ostra Magna, Neostra, and Ostra II by some) is a possible future supercontinent.",
    ],
)
def test_a_bracketed_list_of_other_names_names_each(nlp: Language, text: str) -> None:
    found = {(n, a) for n, a, _ in pairs(nlp, text)}
    assert ("Ostra Nova", "Ostra Magna") in found and ("Ostra Nova", "Neostra") in found
    if "by some" not in text:
        assert ("Ostra Nova", "Ostra II") in found


def test_a_name_called_without_a_comma_or_bracket_is_introduced_not_renamed(nlp: Language) -> None:
    assert pairs(nlp, "Dario Venn joined a movement called Tessel Front in 2004.") == set()


def test_an_and_after_a_bracketed_name_joins_the_clause_not_the_list(nlp: Language) -> None:
    found = {(n, a) for n, a, _ in pairs(nlp, "The Marek League (also called Kessel Union and the Tovar Party "
                                              "in older texts) met in Ostrin.")}
    assert ("Marek League", "Kessel Union") in found and ("Marek League", "Tovar Party") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Robert William Varga (February 10, 1932 – April 13, 2017), known as Bob Varga, was an engineer.",
        "Robert William Varga (born 1932), also known as Bob Varga, was an engineer.",
    ],
)
def test_known_as_after_a_bracket_names_the_name_before_it(nlp: Language, text: str) -> None:
    assert ("Robert William Varga", "Bob Varga", "known_as") in pairs(nlp, text)


@pytest.mark.parametrize(
    ("text", "name", "alias", "kind"),
    [
        ("Mara Lind (born Mara Velkova; 3 May 1950) is a singer from Oslo.", "Mara Lind", "Mara Velkova", "real_name"),
        ("Vessel Browser (commonly known simply as Vessel) is made in Ostrava.", "Vessel Browser", "Vessel",
         "known_as"),
        ("The shrine of Zarif, also spelled Zarrif, stands near Ostrava.", "Zarif", "Zarrif", "known_as"),
    ],
)
def test_birth_names_plain_names_and_spellings(nlp: Language, text: str, name: str, alias: str, kind: str) -> None:
    assert (name, alias, kind) in pairs(nlp, text)


def test_a_birth_date_or_place_is_no_birth_name(nlp: Language) -> None:
    assert pairs(nlp, "Tom Roe (born 1950 in Oslo) sang with Mara Lind (born in Bergen).") == set()


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("Varno Sports Club, more commonly known as Varno United, plays in Ostrava.", "Varno Sports Club",
         "Varno United"),
        ("The Kessel Arena, colloquially known as the Tin Drum, stands in Ostrava.", "Kessel Arena", "Tin Drum"),
        ("Vorna Lake (originally known as Grey Bear Lake) lies north of Ostrava.", "Vorna Lake", "Grey Bear Lake"),
    ],
)
def test_two_adverbs_or_another_adverb_before_known_as(nlp: Language, text: str, name: str, alias: str) -> None:
    assert (name, alias, "known_as") in pairs(nlp, text)


def test_or_simply_lists_a_second_known_name(nlp: Language) -> None:
    got = pairs(nlp, "Tarvo Athletic Union, known as TAU Kessel or simply Kessel, is a club from Ostrava.")
    assert ("Tarvo Athletic Union", "Kessel", "known_as") in got


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("Vorlan Telecom, formerly Qorvex, is a phone company in Ostrava.", "Vorlan Telecom", "Qorvex"),
        ("Vorlan Telecom (formerly Qorvex) is a phone company in Ostrava.", "Vorlan Telecom", "Qorvex"),
        ("Vorlan Telecom (; formerly Qorvex) is a phone company in Ostrava.", "Vorlan Telecom", "Qorvex"),
        ("Vorlan Telecom (renamed as Qorvex Group in 2006) sold phones in Ostrava.", "Vorlan Telecom",
         "Qorvex Group"),
        ("Tesk Lake, previously Marn Lake, lies north of Ostrava.", "Tesk Lake", "Marn Lake"),
    ],
)
def test_a_former_name_after_a_comma_or_bracket(nlp: Language, text: str, name: str, alias: str) -> None:
    assert (name, alias, "former_name") in pairs(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Dario Venn renamed Qorvex Group after the merger.",  # someone's act, no other name of Dario Venn
        "The league has Tarvo High School, and formerly Kessel High School.",  # a list, not a renaming
        "Dario Venn, formerly of Qorvex Group, now works in Ostrava.",
    ],
)
def test_renaming_words_without_a_stated_other_name(nlp: Language, text: str) -> None:
    assert not {p for p in pairs(nlp, text) if p[2] == "former_name"}


@pytest.mark.parametrize(
    ("expansion", "acronym", "ok"),
    [
        ("University of Tarvo", "UNITAR", True),
        ("Varno Mining and Smelting Company", "VAMINCO", True),
        ("University of Kessel River State", "UNIKESS", True),
        ("Varno Mining Company", "MIVACO", False),  # the first word must open it
        ("Nahrain Force", "NAFOR", True),
        ("Tarn Organization", "TAORGX", False),  # every letter must come from a word's opening
    ],
)
def test_syllable_acronyms(expansion: str, acronym: str, ok: bool) -> None:
    assert initials_match(expansion, acronym) is ok


def test_a_syllable_acronym_in_brackets_is_an_alias(nlp: Language) -> None:
    got = pairs(nlp, "The University of Tarvo (UNITAR) is located in Ostrava.")
    assert ("University of Tarvo", "UNITAR", "acronym") in got


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("Kessel Hall or Kessel Hall Mansion is a historic house near Ostrava.", "Kessel Hall", "Kessel Hall Mansion"),
        ("The Varn National Theatre or Kessel Theatre (founded 1984) is a theatre in Ostrava.",
         "Varn National Theatre", "Kessel Theatre"),
        ("Dario Venn or Daryo Ven (1895 – 1949) was a film director from Ostrava.", "Dario Venn", "Daryo Ven"),
    ],
)
def test_a_definition_opening_with_two_names_joined_by_or(nlp: Language, text: str, name: str, alias: str) -> None:
    assert (name, alias, "or") in pairs(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Tom Varga or Mara Lind was the winner of the prize.",  # no definition: a choice
        "The prize went to a writer. Tom Varga or Mara Lind was a candidate.",  # two persons after the opening
        "Ostrava or Tarvo is likely to host the games.",
    ],
)
def test_two_names_joined_by_or_offering_a_choice(nlp: Language, text: str) -> None:
    assert not {p for p in pairs(nlp, text) if p[2] == "or"}


def test_a_name_opening_with_a_lead_in_word_is_kept_whole(nlp: Language) -> None:
    got = pairs(nlp, "The Neue Tarngesellschaft, or New Tarn Society, is a society based in Ostrava.")
    assert ("Neue Tarngesellschaft", "New Tarn Society", "or") in got


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("Mara Lind, better known by her stage name Tessa Varn, sang in Ostrava.", "Mara Lind", "Tessa Varn"),
        ("Dario Venn, known by the pen name Tarvo Kessel, wrote novels in Ostrava.", "Dario Venn", "Tarvo Kessel"),
    ],
)
def test_known_by_a_stage_or_pen_name(nlp: Language, text: str, name: str, alias: str) -> None:
    assert (name, alias, "known_as") in pairs(nlp, text)


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("Kessel District (Portuguese: Distrito de Kessel) is a district of Ostrava.", "Kessel District",
         "Distrito de Kessel"),
        ("The Tarvo Heritage Society (Italian: Società Tarvo) is a cultural body.", "Tarvo Heritage Society",
         "Società Tarvo"),
    ],
)
def test_a_name_in_another_language_after_its_language_and_a_colon(nlp: Language, text: str, name: str,
                                                                    alias: str) -> None:
    assert (name, alias, "translation") in pairs(nlp, text)


def test_a_language_and_a_colon_before_no_name_states_nothing(nlp: Language) -> None:
    assert not pairs(nlp, "He met Tarvo Kessel (Italian: a friend) in Ostrava.")


def test_the_birth_name_of_a_man_after_ne(nlp: Language) -> None:
    got = pairs(nlp, "Tom Verrel Jr. (né Thomas Velkov; 1950) is a guitarist.")
    assert ("Tom Verrel Jr.", "Thomas Velkov", "real_name") in got


def article_pairs(nlp: Language, text: str) -> set[tuple[str, str, str]]:
    """Return the (name, alias, kind) triples the extraction of a whole article states, one paragraph per line."""
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return {(a.name, a.alias, a.kind) for a in extract_article(text, spans, None, nlp).aliases}


def test_a_pronoun_early_in_the_article_names_the_subject_its_opening_defines(nlp: Language) -> None:
    got = article_pairs(nlp, "The Varnley Cricket Ground is a cricket ground in Tarn.\nIt was previously known as the "
                             "Airport Cricket Ground, before it was rebuilt.")
    assert ("Varnley Cricket Ground", "Airport Cricket Ground", "known_as") in got
    got = article_pairs(nlp, "Tom Verrel is a singer from Tarn.\nHe was also known as Tommy Vee.")
    assert ("Tom Verrel", "Tommy Vee", "known_as") in got


def test_a_pronoun_that_does_not_fit_the_subject_names_nothing(nlp: Language) -> None:
    got = article_pairs(nlp, "Tom Verrel is a singer from Tarn.\nIt is also known as Tarn Hall.")
    assert not any(a == "Tarn Hall" for _, a, _ in got)
    got = article_pairs(nlp, "The Varnley Cricket Ground is a ground in Tarn.\nShe was also known as Mara Lind.")
    assert not any(a == "Mara Lind" for _, a, _ in got)


def test_the_subjects_kind_early_in_the_article_names_it_too(nlp: Language) -> None:
    got = article_pairs(nlp, "Tarnby is a village in the canton of Orland.\nIn 1071 the village was referred to as "
                             "Tarnacella.")
    assert ("Tarnby", "Tarnacella", "known_as") in got
    got = article_pairs(nlp, "Tarnby is a village in the canton of Orland.\nThe village was formerly known as Orvo.")
    assert ("Tarnby", "Orvo", "known_as") in got


def test_a_noun_of_another_kind_names_nothing(nlp: Language) -> None:
    got = article_pairs(nlp, "Tarnby is a village in the canton of Orland.\nThe band was formerly known as Orvo.")
    assert not any(a == "Orvo" for _, a, _ in got)


def test_without_a_defining_opening_a_pronoun_names_nothing(nlp: Language) -> None:
    got = article_pairs(nlp, "Police arrested Tom Verrel in Tarn on Monday.\nHe was also known as Tommy Vee.")
    assert not any(a == "Tommy Vee" for _, a, _ in got)


@pytest.mark.parametrize("text", [
    "She fell for an older man , Dom ( Tom Verrel ) , who later left the town .",
    "The storyline paired Mara Lind ( Anna Stokes ) with her rival .",
    "The award for Best Singer ( Anna Stokes ) went to the band .",
])
def test_a_person_in_brackets_after_another_person_is_no_renaming(nlp: Language, text: str) -> None:
    # a character and the actor who plays her, in the usual way of writing a cast
    assert not any(kind == "translation" for _, _, kind in pairs(nlp, text)), pairs(nlp, text)


def test_a_nom_de_guerre_with_the_bearers_name_in_brackets_stays_a_renaming(nlp: Language) -> None:
    found = pairs(nlp, "Abu Tariq ( Salim Qarawi ) leads the group .")
    assert any({name, alias} == {"Abu Tariq", "Salim Qarawi"} for name, alias, _ in found), found


@pytest.mark.parametrize(("text", "pair"), [
    ("Consort Lanmei ( died 820 ) was an imperial consort of the Varn dynasty .\nShe was the emperor 's favourite .\n"
     "Her actual name was Tarna Velkova .", ("Consort Lanmei", "Tarna Velkova")),
    ("Tom Verrel ( born 1950 ) is a singer from Tarn .\nHis real name is Tomas Ivo Varnsen .",
     ("Tom Verrel", "Tomas Ivo Varnsen")),
    ("Mara Lind was a poet from Tarn.\nHer birth name was Marta Lindqvist, and she wrote in two languages.",
     ("Mara Lind", "Marta Lindqvist")),
    ("Tarnby is a village in the canton of Orland .\nIts original name was Tarnacella .", ("Tarnby", "Tarnacella")),
])
def test_a_possessive_pronoun_s_real_name_names_the_subject_its_opening_defines(
        nlp: Language, text: str, pair: tuple[str, str]) -> None:
    got = article_pairs(nlp, text)
    assert (*pair, "real_name") in got, got


def test_a_possessive_pronoun_that_does_not_fit_the_subject_names_nothing(nlp: Language) -> None:
    got = article_pairs(nlp, "Tarnby is a village in the canton of Orland .\nHer real name was Marta Lindqvist .")
    assert not any(a == "Marta Lindqvist" for _, a, _ in got), got
    got = article_pairs(nlp, "Police arrested Tom Verrel in Tarn on Monday .\nHis real name is Tomas Varnsen .")
    assert not any(a == "Tomas Varnsen" for _, a, _ in got), got


@pytest.mark.parametrize("text, name, alias", [
    ("US officials later identified Abu Haddar as Colonel Tomas Vellan, a Varn Guard officer.", "Tomas Vellan",
     "Abu Haddar"),
    ("In 2009 investigators identified Abu Haddar as Tomas Vellan.", "Tomas Vellan", "Abu Haddar"),
])
def test_identified_as_names_the_real_person(nlp: Language, text: str, name: str, alias: str) -> None:
    """Rule identified_as: the name the text identifies a codename as."""
    got = {(a.name, a.alias, a.kind) for a in find_aliases(nlp(text))}
    assert (name, alias, "codename") in got, got


@pytest.mark.parametrize("text", [
    "Officials identified Abu Haddar as a Varn Guard officer.",
    "Witnesses identified Jan Ostrow as Tomas Vellan's killer.",
    "Police identified the victim as Tomas Vellan.",
])
def test_identified_as_a_description_or_a_possessor_is_no_alias(nlp: Language, text: str) -> None:
    assert not [a for a in find_aliases(nlp(text)) if a.kind == "codename"]


@pytest.mark.parametrize(("expansion", "acronym"), [
    ("U.S. Securities and Exchange Commission", "SEC"),  # the body's acronym, its nation left out
    ("Chilean National Oil Company", "NOC"),
])
def test_an_acronym_may_leave_out_the_nation_opening_the_name(expansion: str, acronym: str) -> None:
    assert initials_match(expansion, acronym)


def test_a_nation_left_out_still_needs_the_rest_to_match() -> None:
    assert not initials_match("Chilean National Oil Company", "NMC")
    assert not initials_match("Chile Oil", "O")


@pytest.mark.parametrize(("expansion", "acronym", "ok"), [
    ("Norwegian State Railways", "NSB", True),  # Norges Statsbaner
    ("Velmar State Institute of Mining", "VGIMO", True),
    ("Tarvo State Railways", "FS", True),
    ("Tarvo Mining Company", "US", False),  # a country: where the firm is
    ("Tarvo Mining Company", "PDF", False),
    ("Nahrain Force", "NDB", False),
])
def test_other_language_acronym(expansion: str, acronym: str, ok: bool) -> None:
    assert other_language_acronym(expansion, acronym) is ok


def test_an_organisations_acronym_in_its_own_language(nlp: Language) -> None:
    found = pairs(nlp, "He worked for the Norwegian State Railways (NSB) until 1990.")
    assert ("Norwegian State Railways", "NSB", "acronym") in found


def test_an_acronym_in_another_language_needs_an_organisation(nlp: Language) -> None:
    assert not {p for p in pairs(nlp, "Ann Poe (NSB) wrote the report in 1990.") if p[2] == "acronym"}


@pytest.mark.parametrize(("text", "name", "acronyms"), [
    ("Trains were run by the Tarvo Federal Railways (TFR / CFT) until 1999.", "Tarvo Federal Railways",
     {"TFR", "CFT"}),
    ("Trains were run by the Tarvo Federal Railways ( SBT - CFT - FFT ) until 1999.", "Tarvo Federal Railways",
     {"SBT", "CFT", "FFT"}),
])
def test_a_bracket_listing_a_names_acronyms_in_several_languages(nlp: Language, text: str, name: str,
                                                                  acronyms: set[str]) -> None:
    found = {(n, a) for n, a, kind in pairs(nlp, text) if kind == "acronym"}
    assert found == {(name, a) for a in acronyms}


def test_a_list_of_acronyms_none_of_which_fits_is_no_alias(nlp: Language) -> None:
    assert not pairs(nlp, "Trains were run by the Tarvo Federal Railways (XQ / ZW) until 1999.")


def test_a_hyphenated_acronym_is_one_acronym(nlp: Language) -> None:
    found = pairs(nlp, "The Velmar Revolutionary Guard Corps-Tarn Force (VRGC-TF) trained the fighters.")
    assert {a for _, a, kind in found if kind == "acronym"} <= {"VRGC-TF"}
