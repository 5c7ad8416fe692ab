"""Tests for linkchart.ingest.boilerplate: each kind of page furniture, and what must stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from linkchart.ingest.boilerplate import boilerplate_lines, split_lines
from linkchart.ingest.clean import clean_region

CORPUS = Path("/work/shared/corpus")

BODY_1 = "The port authority confirmed on Monday that the northern terminal would close for repairs."
BODY_2 = "Workers at the terminal said they had not been told how long the closure would last."


def _dropped(text: str) -> list[str]:
    """Return the stripped text of the lines judged boilerplate, in order."""
    starts = boilerplate_lines(text, 0, len(text))
    return [text[ln.start : ln.end].strip() for ln in split_lines(text, 0, len(text)) if ln.start in starts]


def _page(*middle: str) -> str:
    return "\n\n".join([BODY_1, *middle, BODY_2]) + "\n"


def _assert_only_furniture_dropped(text: str, furniture: list[str]) -> None:
    dropped = _dropped(text)
    assert dropped == furniture
    clean, _ = clean_region(text, 0, len(text))
    assert BODY_1 in clean and BODY_2 in clean
    assert all(line not in clean for line in furniture)


def test_subscription_pitch_block_is_dropped() -> None:
    pitch = [
        "Dear Reader,",
        "Our newsroom depends on people like you, and we never put our journalism behind a paywall.",
        "For $4 a month you will receive access to the following:",
        "• An ad-light reading experience",
        "• The weekly digital edition",
        "Thank you,",
        "Jane Example, Publisher, Harbour Media Group",
        "John Sample, Editor-in-Chief",
    ]
    _assert_only_furniture_dropped(_page(*pitch), pitch)


def test_single_line_pitch_is_dropped() -> None:
    pitch = ["Become a member today for just $3 and enjoy an ads-free site. Click here>>"]
    _assert_only_furniture_dropped(_page(*pitch), pitch)


def test_paragraph_mentioning_subscribe_is_kept() -> None:
    real = (
        "Thousands of viewers subscribe to the channel, which the ministry says spreads propaganda "
        "and which was taken off the air last year."
    )
    cookies = "The regulator said that the site uses cookies to track visitors, which breaks the privacy law."
    assert _dropped(_page(real, cookies)) == []


def test_cookie_banner_and_language_picker_are_dropped() -> None:
    furniture = [
        "We use cookies to improve your experience on our site.",
        "Accept all",
        "Select Language:",
        "English",
        "Français",
        "Cookie Settings",
    ]
    _assert_only_furniture_dropped(_page(*furniture), furniture)


def test_author_link_share_buttons_and_ads_are_dropped() -> None:
    furniture = ["See more from this Author", "Share", "Tweet", "Email", "Print", "Advertisement", "ADVERTISEMENT"]
    _assert_only_furniture_dropped(_page(*furniture), furniture)


def test_reading_time_is_dropped() -> None:
    furniture = ["4 minute read.", "7 min read"]
    _assert_only_furniture_dropped(_page(*furniture), furniture)


def test_related_list_is_dropped() -> None:
    furniture = [
        "You may also like",
        "Flooding closes the coastal highway for a second week",
        "March 3, 2021",
        "Fishermen protest new quotas outside parliament",
    ]
    _assert_only_furniture_dropped(_page(*furniture), furniture)
    inline = ["Related: Dock workers vote to strike"]
    _assert_only_furniture_dropped(_page(*inline), inline)


def test_captions_with_an_unlabelled_credit_are_dropped() -> None:
    furniture = [
        "Cranes stand idle at the northern dock. Sam Example/ The Coast Herald",
        "Dock workers leave the site. Reuters",
    ]
    _assert_only_furniture_dropped(_page(*furniture), furniture)


def test_a_caption_ending_in_a_labelled_credit_stays_for_its_names() -> None:
    kept = ["The harbour master at the closed terminal. Image Credit: AP",
            "The closed terminal. (photo credit: HARBOUR AUTHORITY)"]
    _assert_only_furniture_dropped(_page(*kept), [])


def test_a_picture_credit_on_its_own_line_stays_for_its_names() -> None:
    kept = ["Photo: Reuters", "Image Credit: Sam Example", "Image Credit: AP"]
    _assert_only_furniture_dropped(_page(*kept, *kept, *kept), [])  # printed three times, still kept


def test_far_right_credit_takes_its_caption_lines() -> None:
    text = (
        "last line of the story.\n"
        "\n"
        "Idle cranes. The northern dock, seen from the \n"
        "harbour wall on Sunday.                    (AFP)\n"
        "\n"
        "Next story starts here.\n"
    )
    assert _dropped(text) == [
        "Idle cranes. The northern dock, seen from the",
        "harbour wall on Sunday.                    (AFP)",
    ]


def test_repeated_tag_lines_are_dropped() -> None:
    tags = ["Port Authority", "Port Authority", "Harbour Police", "Harbour Police"]
    _assert_only_furniture_dropped(_page(*tags), tags)


def test_heading_printed_twice_keeps_first_copy() -> None:
    text = _page("Terminal Closure", "Terminal Closure")
    assert _dropped(text) == ["Terminal Closure"]
    clean, _ = clean_region(text, 0, len(text))
    assert clean.count("Terminal Closure") == 1


def test_short_line_seen_three_times_is_dropped() -> None:
    text = _page("Back to menu", BODY_1, "Back to menu", BODY_2, "Back to menu")
    assert _dropped(text) == ["Back to menu"] * 3


def test_offsets_are_absolute_within_region() -> None:
    text = "Advertisement\n\n" + BODY_1 + "\nAdvertisement\n"
    start = text.index(BODY_1)
    assert boilerplate_lines(text, start, len(text)) == {start + len(BODY_1) + 1}


def _corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(CORPUS.glob("*.txt"))


@pytest.mark.parametrize("path", _corpus_files() or [None])
def test_corpus_boilerplate_is_a_small_set_of_line_starts(path: Path | None) -> None:
    if path is None:
        pytest.skip("corpus not available")
    text = path.read_text(encoding="utf-8")
    starts = {ln.start for ln in split_lines(text, 0, len(text))}
    dropped = boilerplate_lines(text, 0, len(text))
    assert dropped <= starts
    dropped_chars = sum(len(text[s : text.find("\n", s) if "\n" in text[s:] else len(text)]) for s in dropped)
    assert dropped_chars < 0.5 * len(text)  # furniture never outweighs the reporting


def test_related_list_stops_at_a_short_sentence() -> None:
    text = _page("Read more", "Dock workers vote to strike", "He declined to comment.")
    assert _dropped(text) == ["Read more", "Dock workers vote to strike"]


def test_page_numbers_are_dropped_but_subheadings_kept() -> None:
    text = _page("12", "More from the interview", "Page 3 of 9")
    assert _dropped(text) == ["12", "Page 3 of 9"]


def test_author_link_list_with_headline_case_titles_is_dropped() -> None:
    furniture = [
        "See more from this Author",
        "Why the Harbour Dispute Between the Two Port Authorities Matters for the Whole Region and Its Trade",
        "Dock Workers Vote to Strike as Talks Stall",
    ]
    text = "\n\n".join([BODY_1, BODY_2, *furniture]) + "\n"
    assert _dropped(text) == furniture


@pytest.mark.parametrize("cue", ["See more from this Author", "Read more on this topic:",
                                 "More stories from The Coast Herald"])
def test_a_cue_closing_the_page_drops_the_teasers_after_it(cue: str) -> None:
    teasers = [
        cue,
        "Ferry Operators Warn of Summer Delays",
        "I rarely see a harbour this quiet. On Friday, August 2, 2024, the last trawler left port before dawn.",
    ]
    text = "\n\n".join([BODY_1, BODY_2, *teasers]) + "\n"
    assert _dropped(text) == teasers
    clean, _ = clean_region(text, 0, len(text))
    assert BODY_2 in clean and "2024" not in clean


def test_a_page_closing_cue_in_the_first_half_drops_only_its_list() -> None:
    text = "\n\n".join([BODY_1, "See more from this Author", "Dock Workers Vote to Strike as Talks Stall",
                         BODY_2, BODY_1.replace("Monday", "Tuesday"), BODY_2.replace("told", "informed")]) + "\n"
    assert _dropped(text) == ["See more from this Author", "Dock Workers Vote to Strike as Talks Stall"]


def test_strong_pitch_prefilter_agrees_with_the_regex() -> None:
    from linkchart.ingest.boilerplate import PITCH_STRONG, _strong_pitch

    lines = [
        "Subscribe now for just $5 a month", "for only €3.99 per month", "£10/year", "subscribe to our newsletter",
        "Subscribe", "Support our journalism", "fund independent reporting", "Become a member today",
        "Sign up for our free newsletter", "Click here", "Go ad-free", "Already a subscriber? Log in",
        "Donate now", "Make a donation", "You will receive access to everything", "Upgrade your subscription",
        "SUPPORT OUR JOURNALISM", "ſubscribe now", "The militia was funded by Iran.", "He said they will fight.",
    ]
    for line in lines:
        assert _strong_pitch(line) == (PITCH_STRONG.search(line) is not None), line


def test_a_page_closing_cue_in_a_whole_document_closes_only_its_list() -> None:
    # the splitter asks about a whole document, which may hold the next article after the cue
    text = "\n\n".join([BODY_1, BODY_2, "See more from this Author", "Dock Workers Vote to Strike as Talks Stall",
                        BODY_1.replace("Monday", "Tuesday")]) + "\n"
    starts = boilerplate_lines(text, 0, len(text), one_article=False)
    dropped = [text[ln.start : ln.end].strip() for ln in split_lines(text, 0, len(text)) if ln.start in starts]
    assert dropped == ["See more from this Author", "Dock Workers Vote to Strike as Talks Stall"]
