"""Identifiers read aloud in a transcript are found on the spoken words."""

from __future__ import annotations

import pytest

from bot.screening import AllowList, Screener
from bot.screening.spoken import spoken_digits
from tests.screening.helpers import kinds


def test_digit_words_become_grouped_digits() -> None:
    text, where = spoken_digits("the code is six-two-one, double four eight, nine zero.")
    assert text == "the code is 621 448 90."
    assert len(where) == len(text) + 1


def test_ordinary_number_words_are_left_alone() -> None:
    assert spoken_digits("one or two of them, three times a day") is None


@pytest.mark.parametrize(
    ("text", "kind", "spoken"),
    [
        ("ok so my cell is oh-seven-seven-zero-zero, nine double-zero, three seven eight", "phone", "oh-seven"),
        ("the member ID on the card is four four one, two zero nine, seven seven three one", "health_plan", "four"),
        ("my social is five one two, three four, six seven eight nine", "ssn", "five"),
    ],
)
def test_spoken_identifiers_are_held(text: str, kind: str, spoken: str) -> None:
    verdict = Screener().screen(text)
    assert verdict.verdict == "block"
    found = [f for f in verdict.findings if f.kind == kind]
    assert found and text[found[0].start :].startswith(spoken)


def test_plus_before_spoken_digits_is_an_international_number(screener: Screener) -> None:
    text = "her cell is uh plus four four seven seven zero zero nine zero zero one two three, she's visiting"
    assert "phone" in kinds(screener, text)


SPOKEN_HELD = [
    ("PT: my email is t underscore nguyen at hotmail dot com", "email"),
    ("you can reach her at jsmith eighty two at yahoo dot com", "email"),
    ("DR: and your date of birth? PT: nine twelve fifty eight", "date"),
    ("date of birth is oh three slash fourteen slash sixty one", "date"),
    ("PT: I live on twelve forty five Maple Street", "address"),
    ("PT: my zip is four three two one five", "geography"),
    ("PT: it's five two one dash four four dash three nine one two, that's my social", "ssn"),
    ("my social is five two one four four three nine one two", "ssn"),
]


@pytest.mark.parametrize(("text", "kind"), SPOKEN_HELD)
def test_identifiers_read_aloud_are_held(screener: Screener, text: str, kind: str) -> None:
    assert kind in kinds(screener, text)


SPOKEN_CLEAN = [
    "for questions email us at northfield dot org",
    "we post updates at mayoclinic dot org",
    "she was born nineteen fifty two",
    "it is a two hour drive down main street",
]


@pytest.mark.parametrize("text", SPOKEN_CLEAN)
def test_sites_years_and_distances_read_aloud_pass(text: str) -> None:
    screener = Screener(AllowList(urls=frozenset({"https://northfield.org"})))
    assert not kinds(screener, text) & {"email", "date", "address"}
