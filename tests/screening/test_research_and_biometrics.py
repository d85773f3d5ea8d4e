"""Research and records writing (session 18): a participant or subject is one particular person, so a date
of their enrolment is held; a biometric record named in a sentence about one person is held, the same
words in a policy for everyone are not."""

from __future__ import annotations

import pytest

from bot.screening import Screener
from tests.screening.helpers import phi_kinds


@pytest.mark.parametrize("text", [
    "The third participant, randomised on 14 February 2022, stopped the study drug after a rash.",
    "Subject 2207 was consented October 9th, 2023 and had a syncopal episode at week four.",
    "One enrollee, screened 2/11/2021, was excluded for an eGFR under 30.",
])
def test_a_participants_dates_are_held(screener: Screener, text: str) -> None:
    assert "date" in phi_kinds(screener, text)


@pytest.mark.parametrize("text", [
    "Participants were enrolled between March 2019 and June 2021 at four sites.",
    "This protocol is subject to change after the interim analysis.",
])
def test_aggregate_research_text_is_clean(screener: Screener, text: str) -> None:
    assert screener.screen(text).verdict == "ok"


@pytest.mark.parametrize("text", [
    "She was identified at the blood bank by a right thumbprint match before the transfusion.",
    "the voiceprint sample we took from the patient is stored with his chart",
    "Why is my iris scan kept on file after a single visit?",
])
def test_one_persons_biometric_record_is_held(screener: Screener, text: str) -> None:
    assert "biometric" in phi_kinds(screener, text)


@pytest.mark.parametrize("text", [
    "Biometric check-in with a palm scan is optional, and anyone can ask for a paper form instead.",
    "Fingerprint scanners at registration speed up check-in for patients.",
    "Most people with an eye infection do not need antibiotic drops.",
])
def test_biometric_words_in_policy_or_education_are_not(screener: Screener, text: str) -> None:
    assert "biometric" not in phi_kinds(screener, text)


@pytest.mark.parametrize("text", [
    "Mi abuela tiene 94 años y sigue viviendo sola.",
    "O meu pai tem 91 anos e ainda dirige.",
    "Notre patient a 96 ans et marche encore tous les jours.",
])
def test_an_age_over_89_in_spanish_portuguese_or_french(screener: Screener, text: str) -> None:
    assert "age_over_89" in phi_kinds(screener, text)


def test_ages_under_90_in_other_languages_are_not(screener: Screener) -> None:
    text = "La dosis para niños de 8 años es menor; a los 65 años, revísela."
    assert "age_over_89" not in phi_kinds(screener, text)


@pytest.mark.parametrize("text", [
    "doris kowalczyk, 93, still does her home exercises every single day",
    "why i love this job: linda kowalski walked out on her own today",
])
def test_a_lower_case_given_and_family_name_opening_a_sentence(screener: Screener, text: str) -> None:
    assert "name" in phi_kinds(screener, text)


@pytest.mark.parametrize("text", [
    "The parcel for subject 308 went to 14 Larkspur View, Gosford by mistake.",
    "She moved in with her son at 3 Kingfisher Mews last spring.",
])
def test_street_names_outside_the_us(screener: Screener, text: str) -> None:
    assert "address" in phi_kinds(screener, text)


@pytest.mark.parametrize("text", [
    "My patient, 94, was admitted with pneumonia.",
    "A man, 96, came in with chest pain.",
    "At 94, my patient still drives herself to clinic.",
    "la señora tiene noventa y dos años y vive sola",
])
def test_one_persons_age_set_off_by_commas_or_in_words(screener: Screener, text: str) -> None:
    assert "age_over_89" in phi_kinds(screener, text)


@pytest.mark.parametrize("text", ["At 95, the tumor had shrunk.", "Tengo cien razones para vacunarme."])
def test_no_ones_age(screener: Screener, text: str) -> None:
    assert "age_over_89" not in phi_kinds(screener, text)


@pytest.mark.parametrize("text", ["#PrayForMrsOkafor she is recovering well", "#PrayForTeresaNakamura",
                                  "DOB01/02/1950 on the wristband"])
def test_identifiers_run_together(screener: Screener, text: str) -> None:
    assert phi_kinds(screener, text)


def test_hashtags_of_no_one_are_clean(screener: Screener) -> None:
    assert screener.screen("Get your flu shot! #FluSeason #StayHealthy #LakeshoreStrong").verdict == "ok"
