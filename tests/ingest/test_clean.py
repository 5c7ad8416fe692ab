"""Tests for linkchart.ingest.clean: wrap joining, hyphen repair, Unicode repair, offsets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from linkchart.ingest.clean import clean_region, detect_layout, hyphen_kept
from linkchart.models import OffsetMap

CORPUS = Path("/work/shared/corpus")
TOKEN = re.compile(r"\w+(?:[-’']\w+)*")

# A narrow newspaper column: short lines broken mid-sentence, blank lines between paragraphs.
WRAPPED = (
    " The envoy from the \n"
    "coastal province met \n"
    "Colonel Ahmad Qas-\n"
    "sem near the bor-\n"
    "der post, a meeting \n"
    "few observers un-\n"
    "derstood at the time. \n"
    "It was a Tehran-\n"
    "backed initiative led \n"
    "by Karim al-\n"
    "Rashid, the Deputy \n"
    "Secretary-\n"
    "General of a group \n"
    "that is openly anti-\n"
    "Western in outlook.\n"
    "\n"
    "Two weeks later the \n"
    "talks collapsed over \n"
    "the question of the \n"
    "\n"
    "river crossing and \n"
    "its customs revenue.\n"
)

PROSE = (
    "Harbour Talks Stall Over Customs Revenue\n"
    "\n"
    "The negotiations between the two port authorities broke down on Tuesday after a dispute over fees.\n"
    "\n"
    "Officials said the talks would resume next month, although neither side set a date.\n"
    "A third delegation is expected to attend the next round of meetings in the capital.\n"
)


def _check_round_trip(original: str, clean: str, offsets: OffsetMap) -> None:
    """Assert every word token of `clean` maps back to the same word in `original`."""
    assert len(offsets) == len(clean)
    for match in TOKEN.finditer(clean):
        start, end = offsets.span(match.start(), match.end())
        source = original[start:end]
        candidates = {source.replace("\n", ""), source.replace("-\n", "").replace("\n", ""),
                      source.replace("- ", "-")}  # 'Iranian- backed' closed up
        assert match.group() in candidates, (match.group(), source)


def test_compound_broken_by_a_stray_space_is_closed_up() -> None:
    text = "The Iran- backed group and the US- led coalition - a loose alliance - met.\n"
    clean, offsets = clean_region(text, 0, len(text))
    assert "Iran-backed" in clean and "US-led" in clean and " - a loose alliance - " in clean
    _check_round_trip(text, clean, offsets)


def test_wrapped_column_joins_into_paragraphs() -> None:
    clean, _ = clean_region(WRAPPED, 0, len(WRAPPED))
    paragraphs = clean.split("\n\n")
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("The envoy from the coastal province met Colonel")
    assert "\n" not in paragraphs[0] and "  " not in paragraphs[0]


def test_column_break_inside_sentence_is_joined() -> None:
    clean, _ = clean_region(WRAPPED, 0, len(WRAPPED))
    assert "over the question of the river crossing and its customs revenue." in clean


@pytest.mark.parametrize(
    "word",
    ["Qassem", "border", "understood", "Tehran-backed", "al-Rashid", "Secretary-General", "anti-Western"],
)
def test_hyphenation_across_line_breaks(word: str) -> None:
    clean, _ = clean_region(WRAPPED, 0, len(WRAPPED))
    assert re.search(rf"\b{word}\b", clean), clean


def test_rejoined_word_span_covers_the_break() -> None:
    clean, offsets = clean_region(WRAPPED, 0, len(WRAPPED))
    pos = clean.index("Qassem")
    start, end = offsets.span(pos, pos + len("Qassem"))
    assert WRAPPED[start:end] == "Qas-\nsem"


def test_round_trip_on_fixtures() -> None:
    for text in (WRAPPED, PROSE):
        clean, offsets = clean_region(text, 0, len(text))
        _check_round_trip(text, clean, offsets)


def test_prose_lines_are_not_joined() -> None:
    clean, _ = clean_region(PROSE, 0, len(PROSE))
    paragraphs = clean.split("\n\n")
    assert paragraphs[0] == "Harbour Talks Stall Over Customs Revenue"
    assert len(paragraphs) == 4  # the two adjacent sentence lines stay separate paragraphs


def test_layout_detection() -> None:
    assert detect_layout(WRAPPED).wrapped
    assert not detect_layout(PROSE).wrapped


def test_prose_line_ending_mid_sentence_joins_lowercase_continuation() -> None:
    text = "The minister said that the\nagreement would be signed soon.\n"
    clean, _ = clean_region(text, 0, len(text))
    assert clean == "The minister said that the agreement would be signed soon."


def test_hyphen_rule() -> None:
    assert not hyphen_kept("bor", "der")
    assert not hyphen_kept("Leba", "nese")
    assert not hyphen_kept("mis", "led")
    assert hyphen_kept("Iran", "backed")
    assert hyphen_kept("state", "run")
    assert hyphen_kept("al", "Rashid")
    assert hyphen_kept("Secretary", "General")
    assert hyphen_kept("self", "styled")
    assert hyphen_kept("UN", "brokered")
    assert hyphen_kept("120", "strong")
    # document evidence overrides the rules both ways
    assert hyphen_kept("so", "called", pairs=frozenset({"so-called"}))
    assert not hyphen_kept("Iran", "backed", words=frozenset({"iranbacked"}))


def test_document_evidence_keeps_known_compound() -> None:
    text = "The so-called council met on a \nregular basis, and the so-\ncalled envoys went home.\n"
    clean, _ = clean_region(text, 0, len(text))
    assert "the so-called envoys" in clean


def test_drop_capital_joins_its_word() -> None:
    text = "Short line here.\n R\nivers flooded the lower \nvalley again this spring \nafter the heavy rains.\n"
    clean, _ = clean_region(text, 0, len(text))
    assert "Rivers flooded the lower valley" in clean


def test_unicode_repair_and_mapping() -> None:
    text = "The caf\u00c3\u00a9 owner met\u00a0the  mayor.\n"
    clean, offsets = clean_region(text, 0, len(text))
    assert clean == "The café owner met the mayor."
    pos = clean.index("mayor")
    start, end = offsets.span(pos, pos + 5)
    assert text[start:end] == "mayor"
    start, _ = offsets.span(clean.index("café"), clean.index("café") + 4)
    assert text[start:].startswith("caf\u00c3")  # a repaired span starts at the original word


def test_curly_quotes_are_kept() -> None:
    text = "The group’s leader said “no”.\n"
    clean, _ = clean_region(text, 0, len(text))
    assert clean == "The group’s leader said “no”."


def test_skip_lines_and_region_offsets() -> None:
    prefix = "Earlier text that is outside the region.\n\n"
    body = "Headline Of The Piece\nBy A. Writer\n\nThe first paragraph of the piece is here.\n"
    text = prefix + body
    start = len(prefix)
    skip = {start, text.index("By A.")}
    clean, offsets = clean_region(text, start, len(text), skip_lines=skip)
    assert clean == "The first paragraph of the piece is here."
    s, e = offsets.span(0, 3)
    assert text[s:e] == "The"


def test_crlf_and_empty_region() -> None:
    text = "First line of text.\r\n\r\nSecond line of text.\r\n"
    clean, offsets = clean_region(text, 0, len(text))
    assert clean == "First line of text.\n\nSecond line of text."
    _check_round_trip(text, clean, offsets)
    empty, empty_map = clean_region(text, 0, 0)
    assert empty == "" and len(empty_map) == 0


def test_paragraph_break_maps_into_original() -> None:
    clean, offsets = clean_region(PROSE, 0, len(PROSE))
    pos = clean.index("\n\n")
    start, _ = offsets.span(pos, pos + 2)
    assert PROSE[start] == "\n"


def _corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(CORPUS.glob("*.txt"))


@pytest.mark.parametrize("path", _corpus_files() or [None])
def test_corpus_round_trip(path: Path | None) -> None:
    if path is None:
        pytest.skip("corpus not available")
    text = path.read_text(encoding="utf-8")
    clean, offsets = clean_region(text, 0, len(text))
    assert clean and not clean.startswith("\n") and not clean.endswith("\n")
    assert "\n\n\n" not in clean
    _check_round_trip(text, clean, offsets)


PDF_PAGE = (
    "Port Talks Collapse\n"
    "The negotiations between the two port authorities broke down on Tuesday after a long\n"
    "dispute over the fees charged to foreign vessels, officials from both sides said in\n"
    "separate statements released late in the evening.\n"
    "A spokesman for the northern authority said the talks could resume next month if the\n"
    "southern side withdrew its demand for a share of the customs revenue collected at the\n"
    "border crossing.\n"
)


def test_pdf_page_splits_paragraphs_at_short_last_lines() -> None:
    clean, offsets = clean_region(PDF_PAGE, 0, len(PDF_PAGE))
    paragraphs = clean.split("\n\n")
    assert paragraphs[0] == "Port Talks Collapse"
    assert len(paragraphs) == 3
    assert paragraphs[1].endswith("released late in the evening.")
    assert paragraphs[2].startswith("A spokesman") and paragraphs[2].endswith("at the border crossing.")
    _check_round_trip(PDF_PAGE, clean, offsets)


def test_lines_ftfy_is_skipped_on_come_out_of_it_unchanged() -> None:
    import ftfy

    from linkchart.ingest.clean import _FTFY, _ftfy_may_change

    lines = [
        "Plain ASCII line.", "Curly “quotes” and ’apostrophes’ — dashes…", "Ahmet Yılmaz in Ankara",
        "Hezbollahâ€™s man", "caf\u0065\u0301 (decomposed)", "ﬁnancial ﬂows", "ＦＵＬＬ width", "AT&amp;T",
        "tab\there", "soft\u00adhyphen", "bom\ufeff", "c1 \x85 control", "این یک متن است", "Ã©tÃ©",
    ]
    for line in lines:
        if not _ftfy_may_change(line):
            assert ftfy.fix_text(line, _FTFY) == line, line
    assert _ftfy_may_change("Hezbollahâ€™s man") and _ftfy_may_change("ﬁnancial") and _ftfy_may_change("AT&amp;T")


def test_normalise_space_matches_a_character_walk() -> None:
    from linkchart.ingest.clean import _DROPPED_CHARS, _normalise_space

    def walk(text: str, origs: list[int]) -> tuple[str, list[int]]:
        chars: list[str] = []
        out: list[int] = []
        for ch, o in zip(text, origs, strict=True):
            if ch in _DROPPED_CHARS:
                continue
            if ch.isspace():
                if chars and chars[-1] != " ":
                    chars.append(" ")
                    out.append(o)
                continue
            chars.append(ch)
            out.append(o)
        while chars and chars[-1] == " ":
            chars.pop()
            out.pop()
        return "".join(chars), out

    samples = ["a b", "  a\t\tb  ", "a\u200b b", "a \u200bb", "\u00ad a", "a \u200b", "x\u00a0\u2009y", "", "\u200b"]
    for text in samples:
        origs = list(range(10, 10 + len(text)))
        got_text, got_origs = _normalise_space(text, range(10, 10 + len(text)))
        assert (got_text, list(got_origs)) == walk(text, origs), repr(text)


def test_long_line_repair_is_linear_and_maps_back() -> None:
    import time

    unit = "The envoy saidâ€™ AT&amp;T and the ﬁnancial office met again. "
    line = unit * 4000  # 260,000 characters on one line
    started = time.perf_counter()
    clean, offsets = clean_region(line, 0, len(line))
    assert time.perf_counter() - started < 20  # was minutes: the alignment was quadratic or worse
    assert "â€" not in clean and "&amp;" not in clean and "ﬁ" not in clean
    assert clean.startswith("The envoy said’ AT&T and the financial office met again. The envoy")
    mapped = [offsets.char(i) for i in range(0, len(clean), 97)]
    assert mapped == sorted(mapped) and mapped[-1] < len(line)
    k = clean.index("office", 100_000)
    s, e = offsets.span(k, k + len("office"))
    assert line[s:e] == "office"


def test_rows_of_a_table_are_not_joined_as_wrapped_lines() -> None:
    text = ("Results of the regional league matches played on\n"
            "Saturday , with the standings after four games :\n"
            "Velin Rovers 1 Kordavia City 0\n"
            "Port Velin 2 Osterby 2\n"
            "Brekka 0 Halden Athletic 3\n"
            "The next round is played on the coming weekend in the\n"
            "northern towns of the region .\n")
    clean, offsets = clean_region(text, 0, len(text))
    paragraphs = clean.split("\n\n")
    assert "Velin Rovers 1 Kordavia City 0" in paragraphs and "Port Velin 2 Osterby 2" in paragraphs
    assert paragraphs[0].startswith("Results of the regional league matches played on Saturday")
    _check_round_trip(text, clean, offsets)


def test_a_wrapped_sentence_ending_in_a_year_is_no_table_row() -> None:
    text = ("The group was founded by the port's militia and took its present form in 2006. The\n"
            "neighbouring party was involved from the beginning, and one of its officers, who ran\n"
            "the party's portfolio, offered the commander support in the capital, and a veteran\n"
            "reorganised the fighters into cells. The veteran was captured with his aide in\n"
            "Velin in March 2007.\n"
            "The relationship outlived the occupation. The group set up an office in the capital, and\n"
            "in December 2017 its leader appeared in uniform at the gate on the border.\n")
    clean, _ = clean_region(text, 0, len(text))
    assert "captured with his aide in Velin in March 2007." in clean


def test_a_list_of_items_one_a_line_is_not_joined_as_wrapped_lines() -> None:
    text = ("This is a list of painters who were born in Varnland or who worked there .\n"
            "Tom Vell ( 1903 – 1987 ) , painter , engraver , moved to Dorin\n"
            "Ann Roe ( born 1939 ) , painter , teacher of children and adults\n"
            "Mara Lind ( born 1944 ) , sculptor , writer , lives in Velin City\n"
            "Ivo Pesh ( 1919 – 2005 ) , painter , critic , illustrator of books\n"
            "Lena Brekk ( 1926 – 2014 ) , painter , teacher , printmaker\n")
    assert not detect_layout(text).wrapped
    clean, offsets = clean_region(text, 0, len(text))
    assert "moved to Dorin\n\nAnn Roe" in clean and "Velin City\n\nIvo Pesh" in clean
    _check_round_trip(text, clean, offsets)
