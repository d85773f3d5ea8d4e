"""A diagnosis told to the reader lends its weight to the command after it; 'do' before an object, closed by a
full stop, instructs rather than asks; 'you gotta' obliges like 'you have to'. Examples written for this change."""

from __future__ import annotations

import pytest

from bot.screening import Screener
from tests.screening.helpers import kinds

ADVICE = [
    "That's tennis elbow. Start a forearm brace and ice it, and use ibuprofen 400 mg for a week.",
    "Sounds like plantar fasciitis to me. Grab some night splints and take naproxen with food.",
    "Discharge instructions: You were treated for cellulitis. Do the dressing changes twice daily and finish "
    "the cephalexin 500 mg four times a day.",
    "that's De Quervain's, classic. Get a thumb spica splint and ask about a steroid shot.",
    "Ok so, that's reflux. Honestly. You gotta cut out the late coffee and take the omeprazole before breakfast.",
]

CLEAN = [
    "That's a great question. Call our office at the main number to book a flu shot.",
    "That's a common myth. Most people with a cold don't need antibiotics.",
    "Do the stretches help? Many runners say they do.",
    "That's why we love our nurses. Take a moment to thank one today.",
    "That is the most common reason for a visit. Book online to skip the wait.",
    "It's flu season again. Get your flu shot at any of our clinics this month.",
]


@pytest.mark.parametrize("text", ADVICE)
def test_command_after_a_told_diagnosis_warns(screener: Screener, text: str) -> None:
    assert "advice" in kinds(screener, text), text


@pytest.mark.parametrize("text", CLEAN)
def test_general_text_stays_clean(screener: Screener, text: str) -> None:
    assert screener.screen(text).verdict == "ok", text


REMEMBERED = [
    "We all still remember your twins, hope they are thriving!",
    "lol we sure remember you, welcome back anytime",
]
NOT_REMEMBERED = [
    "We remember how hard flu season was last year, so get your shot early.",
    "Thanks! Remember you can book online anytime.",
]


@pytest.mark.parametrize("text", REMEMBERED)
def test_reply_remembering_the_reader_confirms(screener: Screener, text: str) -> None:
    assert "patient_confirmation" in kinds(screener, text, purpose="reply"), text


@pytest.mark.parametrize("text", NOT_REMEMBERED)
def test_reply_reminding_is_clean(screener: Screener, text: str) -> None:
    assert screener.screen(text, purpose="reply").verdict == "ok", text


PAST_THE_DEFERRAL = ["Talk to your GP about the rash — in the meantime, use hydrocortisone 1% twice a day for a week."]
DEFERRED = [
    "Stop the ibuprofen — and check with your doctor before you take 400 mg again.",
    "Most adults take 400 mg — but ask your pharmacist what fits you.",
]


@pytest.mark.parametrize("text", PAST_THE_DEFERRAL)
def test_dose_commanded_after_a_dash_goes_past_the_deferral(screener: Screener, text: str) -> None:
    assert "advice" in kinds(screener, text), text


@pytest.mark.parametrize("text", DEFERRED)
def test_deferral_in_or_after_the_clause_still_holds(screener: Screener, text: str) -> None:
    assert screener.screen(text).verdict == "ok", text
