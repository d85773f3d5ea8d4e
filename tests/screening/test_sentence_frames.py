"""Sentence-side shapes: a dose stated for a population, a note's plan or lab line, an anonymous story are no
advice or story; a heading that names its reader, a unique role in a note, care a public reply knows are."""

from __future__ import annotations

import pytest

from bot.screening import Screener
from tests.screening.helpers import kinds

CLEAN = [
    "A typical adult dose of ibuprofen is 400 mg every 6 hours with food.",
    "Most adults take 81 mg of aspirin for prevention, though the guidelines have shifted.",
    "The usual starting dose of amlodipine is 5 mg once daily.",
    "Standard dosing for amoxicillin in adults is 500 mg three times a day.",
    "Adults with normal kidneys typically take 500 mg twice daily to start.",
    "Many patients take 20 mg of omeprazole daily for years without trouble.",
    "Labs: WBC 11.2 K/uL, Hgb 12.8 g/dL, plt 245. Will trend in AM.",
    "PHQ-9 of 14, moderate. Plan: start sertraline 50 mg, follow up 4 weeks.",
    "Hx Hashimoto thyroiditis. Plan: continue levothyroxine 75 mcg, TSH in 6 wks.",
    "GCS 15. Plan: discharge home with ibuprofen 600 mg as needed.",
    "A patient once told me the hardest part of quitting smoking was the morning coffee.",
    "Folks ask if sertraline is addictive. It's not, but stopping suddenly hurts, so taper with your prescriber.",
    "Dr. Lee is the only dermatologist in town, so patients wait months to be seen.",
    "When you have a sinus infection, saline rinses help most people.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_general_statements_are_clean(screener: Screener, text: str) -> None:
    assert screener.screen(text).verdict == "ok", text


ADVICE = [
    "Most adults take 81 mg, but you should be on 325 mg after your stent.",
    "The usual starting dose is 5 mg, so start yours at 5 mg tonight.",
    "Dx for you: strep throat. Amoxicillin 500 mg twice daily for 10 days.",
    "Your K is 3.2 and Mg 1.6 - take the potassium 20 mEq twice a day this week.",
    "Assessment: your chest pain is from reflux. Take omeprazole 20 mg every morning for 8 weeks.",
    "Reply to u/kneepain22: you have patellofemoral syndrome. Start quad strengthening and skip running for 6 weeks.",
]


@pytest.mark.parametrize("text", ADVICE)
def test_advice_to_one_reader_still_warns(screener: Screener, text: str) -> None:
    assert "advice" in kinds(screener, text), text


STORIES = [
    "Seen in ED: the county's longest-serving sheriff, presenting with chest pain after the parade.",
    "HPI: the town's only veterinarian, injured in the grain elevator explosion on Tuesday.",
]


@pytest.mark.parametrize("text", STORIES)
def test_unique_role_in_a_note_is_a_story(screener: Screener, text: str) -> None:
    assert "patient_story" in kinds(screener, text), text


CONFIRMATIONS = [
    "Thanks for the kind words about your knee replacement - so glad you're walking again!",
    "Hope the new CPAP mask we fitted is more comfortable than the last one.",
]


@pytest.mark.parametrize("text", CONFIRMATIONS)
def test_reply_that_knows_the_care_confirms(screener: Screener, text: str) -> None:
    assert "patient_confirmation" in kinds(screener, text, purpose="reply"), text


def test_reply_about_a_procedure_in_general_is_clean(screener: Screener) -> None:
    text = "Thanks for the kind words! Our knee replacement class meets every Tuesday at 6 pm."
    assert screener.screen(text, purpose="reply").verdict == "ok"
