"""A famous person named in general education is public knowledge, not a patient's name, unless care
given sits in the same sentence; one person's age of 90 or more is held when it follows a relative
('my dad is 94') or a decade of their life ('in her late nineties'), not a population's."""

from __future__ import annotations

import pytest

from bot.screening import AllowList, Screener
from tests.screening.helpers import phi, phi_kinds

PUBLIC = [
    "Halle Berry has spoken openly about living with type 1 diabetes since her twenties.",
    "Just like Magic Johnson, many people with HIV now live a normal lifespan on treatment.",
    "Selena Gomez went public with her lupus and kidney transplant, which got people talking.",
    "The actor Val Kilmer wrote about his throat cancer in his memoir, and it helped others get checked.",
    "Former First Lady Betty Ford gave her name to a whole model of addiction treatment.",
    "Senator Bob Dole talked publicly about his prostate cancer in the nineties.",
    "Mary J. Blige started a foundation for girls after talking about her depression.",
]
PATIENTS = [
    "My patient Jeremy Castillo has talked about his diabetes with me for years.",
    "Like Rosalind Whitaker, whom I treated last spring, many people ignore chest pain.",
    "Emmett Fairbanks came in today and spoke openly about his drinking.",
]
OLD = [
    "My grandpa is 96 and still drives to his appointments.",
    "Our neighbor just turned ninety-four and her knees are shot.",
    "The patient is ninety-one, lives with her son.",
    "My aunt is in her mid nineties and lives alone.",
    "DR: and how old is your father now? PT: uh he's ninety-eight.",
]
NOT_OLD = [
    "We see plenty of people in their nineties who do well after hip surgery.",
    "My dad is 90 minutes away from the nearest hospital.",
    "The patient is 95 percent better after the antibiotics.",
    "Supercentenarians are studied for clues about healthy aging.",
    # the writer's own elder, with no health or care told (a set by other hands labels it clean; session 32)
    "My grandma is gonna be 95 in May and wants a big party.",
]


@pytest.mark.parametrize("text", PUBLIC)
def test_public_figure_in_general_education_is_no_name(screener: Screener, text: str) -> None:
    # Only the name is judged here: whether the sentence tells a story is the sentence side's call.
    assert "name" not in phi_kinds(screener, text)


@pytest.mark.parametrize("text", PATIENTS)
def test_care_given_keeps_the_name(screener: Screener, text: str) -> None:
    assert "name" in phi_kinds(screener, text)


@pytest.mark.parametrize("text", OLD)
def test_one_persons_age_over_89(screener: Screener, text: str) -> None:
    assert "age_over_89" in phi_kinds(screener, text)


@pytest.mark.parametrize("text", NOT_OLD)
def test_no_age_of_one_person(screener: Screener, text: str) -> None:
    assert "age_over_89" not in phi_kinds(screener, text)


# Identifiers read out in letters and digit words, and public numbers read with 'hundred' or in pairs.
SPOKEN_IDS = [
    "PT: my plan id is k r two nine four four one zero seven",
    "PT: the number on the back of the monitor says d as in dog x seven seven one three five",
    "PT: my medicaid number is three three b seven nine one four q",
]
SPOKEN_PUBLIC = [
    "so the line for the hospital operator is six one four, five five five, zero one hundred",
    "and the crisis line is one eight hundred, two two two, twelve twenty-two, put that on the slide",
]


@pytest.mark.parametrize("text", SPOKEN_IDS)
def test_identifiers_spelt_in_letters_and_digits(screener: Screener, text: str) -> None:
    assert phi(screener, text)


@pytest.mark.parametrize("text", SPOKEN_PUBLIC)
def test_public_numbers_read_aloud(text: str) -> None:
    allowed = Screener(AllowList(phones=frozenset({"(614) 555-0100", "1-800-222-1222"})))
    assert phi(allowed, text) == []


PHOTO_DATES = [
    "Rash photo taken 11/03/2024 filed under media.",
    "Pictures of the burn from 7/9/2025 show blistering.",
]


@pytest.mark.parametrize("text", PHOTO_DATES)
def test_a_dated_photo_of_a_wound_or_rash_is_someones_date(screener: Screener, text: str) -> None:
    assert "date" in phi_kinds(screener, text)


def test_photos_of_a_public_event_are_no_ones_date(screener: Screener) -> None:
    assert phi(screener, "Photos from the 5K fun run on 9/21/2025 are up on the website.") == []


def test_a_public_web_address_is_no_place(screener: Screener) -> None:
    text = (
        "Written by Dr. Erica Valenzuela of Northfield Clinic. Book at northfieldfamilyhealth.org or "
        "read more at lakeshoreregional.org/heart about blood pressure and salt."
    )
    assert not phi_kinds(screener, text) & {"geography", "name"}


def test_our_daughter_is_one_person(screener: Screener) -> None:
    text = "Our mom in Zanesville has a new heart murmur."
    assert "geography" in phi_kinds(screener, text)


def test_visiting_the_practice_site_is_no_visit(screener: Screener) -> None:
    text = "Call the office or visit northfieldclinic.org for flu shots on Saturday."
    assert "date" not in phi_kinds(screener, text)


def test_a_given_name_the_tagger_left_out_still_makes_a_public_figure(screener: Screener) -> None:
    text = "Like Serena Williams, some athletes have had blood clots after giving birth."
    assert "name" not in phi_kinds(screener, text)
