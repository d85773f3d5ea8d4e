"""Advice is recognised by its shape (a command, a plan, a dose, a diagnosis aimed at the reader),
not by a list of verbs or drugs: made-up drug names and verbs no list holds still count, and
general education with the same words stays clean."""

from __future__ import annotations

import pytest

from bot.screening import Screener
from bot.screening.advice import defers
from bot.screening.clauses import commands
from tests.screening.helpers import kinds


@pytest.mark.parametrize(
    "text",
    [
        "double the Zorvatrel tonight and see how you sleep",
        "fetch some Quivanex from the pharmacy and use it twice a day",
        "we'd suggest you pause the Lumidra until Monday",
        "alright, we're gonna bump the Synthroid from 75 to 88 micrograms",
        "tómese el antibiótico cada ocho horas",
        "no need to call your doctor, just halve the metoprolol",
    ],
)
def test_advice_by_shape(screener: Screener, text: str) -> None:
    assert "advice" in kinds(screener, text)


@pytest.mark.parametrize(
    "text",
    [
        "floss every day and wear a helmet on every ride",
        "if you smoke, your risk of a stroke is higher",
        "you should see a doctor if the rash spreads or you get a fever",
        "most people can stop physical therapy once they reach their goals",
        "talk to your doctor before you stop the metoprolol",
        "metoprolol is usually taken twice a day",
    ],
)
def test_general_education_is_not_advice(screener: Screener, text: str) -> None:
    assert "advice" not in kinds(screener, text)


def test_command_shapes() -> None:
    assert commands("double the carvedilol tonight") == "command"
    assert commands("we'd suggest you stop the Lumidra") == "told"
    assert commands("pt advised to stop the Januvia") == "told"
    assert commands("we take a tendon from the wrist and rebuild the ligament") is None
    assert commands("Thanks for writing, our team will call you") is None


def test_dismissing_the_doctor_is_not_deferring() -> None:
    text = "no need to check with your OB"
    assert not defers(text, 0, len(text))
    text = "check with your OB first"
    assert defers(text, 0, len(text))


@pytest.mark.parametrize(
    "text",
    [
        "Handout: keep your inhaler with you and use it as your plan says.",
        "Take the antacid no more than 4 times a day unless instructed otherwise.",
    ],
)
def test_labelled_education_and_deferral_stay_clean(screener: Screener, text: str) -> None:
    assert "advice" not in kinds(screener, text)
