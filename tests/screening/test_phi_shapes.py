"""PHI found by shape and context rather than by a list, and the look-alikes that are not PHI."""

from __future__ import annotations

import pytest

from bot.screening import AllowList, Screener
from tests.screening.helpers import spans

PRACTICE = AllowList(
    names=frozenset({"Harborview Pediatrics", "Priya Patel"}),
    urls=frozenset({"https://www.harborviewpeds.org"}),
)


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(PRACTICE)


def test_a_handle_is_an_identifier(screener: Screener) -> None:
    assert spans(screener, "congrats @runner_k88 on the new knee!", "other_id") == ["@runner_k88"]
    text = "congrats @tina_k88 on the new knee!"
    verdict = screener.screen(text)
    at = text.index("@")
    assert verdict.verdict == "block" and any(f.start <= at + 1 < f.end for f in verdict.findings)


def test_the_practices_own_handle_is_public(screener: Screener) -> None:
    assert screener.screen("Follow @harborviewpeds for flu clinic dates").verdict == "ok"


@pytest.mark.parametrize("mention", ["@channel", "@here", "@everyone"])
def test_a_chat_wide_mention_is_not_a_handle(screener: Screener, mention: str) -> None:
    """A physician who writes '@here' in an answer names nobody: it must not hold the answer."""
    assert screener.screen(f"{mention} flu shots are in, book yours this week").verdict == "ok"


def test_an_email_is_not_a_handle(screener: Screener) -> None:
    assert spans(screener, "write to jo.smith@example.com", "other_id") == []


@pytest.mark.parametrize(
    "text",
    [
        "Healing usually takes 6-8 weeks, sometimes 10-12 weeks for smokers.",
        "Clinic hours are 8am-5pm on weekdays.",
        "Signed: Marcus Bell, MD. Handout on sprained ankles for parents.",
        "Most people with GERD or IBS do well with small changes.",
    ],
)
def test_look_alikes_are_clean(screener: Screener, text: str) -> None:
    assert screener.screen(text).verdict == "ok"


def test_an_inverted_name_is_one_name(screener: Screener) -> None:
    text = "Okonkwo, Adaeze - follow-up in two weeks"
    assert any("Okonkwo" in f and "Adaeze" in f for f in spans(screener, text, "name"))


@pytest.mark.parametrize(
    "text",
    [
        "Wound care info: keep it dry for 48 hours, then wash gently.",
        "Newer options like CGM and SGLT2 drugs changed diabetes care.",
        "isotretinoin (Accutane) needs monthly pregnancy tests.",
        "so acne comes from hormones, oil, bacteria, and clogged pores",
    ],
)
def test_headings_acronyms_brands_and_lists_are_not_names(screener: Screener, text: str) -> None:
    assert spans(screener, text, "name") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("PT: NAKASHIMA, Reiko. Seen for knee pain.", "NAKASHIMA"),
        ("my daughter ifeoma drove me to the visit", "ifeoma"),
        ("okay so corporal brandt, you said the ringing started last year", "brandt"),
    ],
)
def test_names_in_notes_chat_and_transcripts(screener: Screener, text: str, name: str) -> None:
    assert any(name in f for f in spans(screener, text, "name"))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Pt: Doe, Jane. 93F. Here with her son.", "age_over_89"),
        ("okay, and you're ninety-four now, is that right?", "age_over_89"),
    ],
)
def test_ages_in_note_shorthand_and_in_words(screener: Screener, text: str, kind: str) -> None:
    assert spans(screener, text, kind)


def test_a_temperature_is_not_an_age(screener: Screener) -> None:
    assert spans(screener, "Tmax 99 F overnight, no chills", "age_over_89") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("my mom lives with my brother in grovetown now", "grovetown"),
        ("she drove in from new hartwell for the visit", "hartwell"),
        ("Patients from North Amberly ask about parking; she moved from North Amberly last year", "Amberly"),
    ],
)
def test_towns_in_lower_case_and_with_a_compass_word(screener: Screener, text: str, place: str) -> None:
    assert any(place in f for f in spans(screener, text, "geography"))


@pytest.mark.parametrize("text", ["she lives in ohio now", "he is staying at home this week", "transferred to icu"])
def test_states_homes_and_units_are_not_towns(screener: Screener, text: str) -> None:
    assert spans(screener, text, "geography") == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("her knee scope got moved to thursday", "thursday"),
        ("her biopsy from november fourth was normal", "november fourth"),
        ("she fell on the 3rd of May at home", "3rd of May"),
    ],
)
def test_dates_tied_to_someone_in_words(screener: Screener, text: str, date: str) -> None:
    assert any(date in f for f in spans(screener, text, "date"))
    assert spans(screener, text, "geography") == []


@pytest.mark.parametrize("text", ["the clinic is closed until Monday", "we close early on fridays"])
def test_weekdays_of_the_practice_are_not_dates(screener: Screener, text: str) -> None:
    assert screener.screen(text).verdict == "ok"


def test_last_digits_of_a_named_account(screener: Screener) -> None:
    assert spans(screener, "and the card on file, the one ending in 8812, was declined", "account") == ["8812"]


def test_a_town_with_a_head_word_in_lower_case(screener: Screener) -> None:
    text = "he was stationed at fort larkin for two years before the injury"
    assert any("fort larkin" in f for f in spans(screener, text, "geography"))


def test_a_bracket_around_a_phone_is_not_part_of_it(screener: Screener) -> None:
    """The physician is shown the number that was flagged, not the bracket the sentence put around it."""
    assert spans(screener, "Mr. Smith (617-555-0123) asked about it", "phone") == ["617-555-0123"]
    assert spans(screener, "call (617) 555-0123 tonight", "phone") == ["(617) 555-0123"]
