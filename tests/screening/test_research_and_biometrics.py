"""Research and records writing (session 18): a participant or subject is one particular person, so a date
of their enrolment is held; a biometric record named in a sentence about one person is held, the same
words in a policy for everyone are not."""

from __future__ import annotations

import pytest

from bot.screening import Screener


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener()


def _phi(screener: Screener, text: str) -> set[str]:
    return {f.kind for f in screener.screen(text).findings if f.category == "phi"}


@pytest.mark.parametrize("text", [
    "The third participant, randomised on 14 February 2022, stopped the study drug after a rash.",
    "Subject 2207 was consented October 9th, 2023 and had a syncopal episode at week four.",
    "One enrollee, screened 2/11/2021, was excluded for an eGFR under 30.",
])
def test_a_participants_dates_are_held(screener: Screener, text: str) -> None:
    assert "date" in _phi(screener, text)


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
    assert "biometric" in _phi(screener, text)


@pytest.mark.parametrize("text", [
    "Biometric check-in with a palm scan is optional, and anyone can ask for a paper form instead.",
    "Fingerprint scanners at registration speed up check-in for patients.",
    "Most people with an eye infection do not need antibiotic drops.",
])
def test_biometric_words_in_policy_or_education_are_not(screener: Screener, text: str) -> None:
    assert "biometric" not in _phi(screener, text)
