"""The learned parts: names and places in context, advice without 'you should', reply drafts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.screening import REPLY_KINDS, AllowList, Screener
from bot.screening.learned import load_models
from tests.screening.helpers import kinds

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(AllowList(names=frozenset({"Dr. Cathy Wise", "Lakeshore Regional Medical Center"})))


@pytest.mark.parametrize(
    "text",
    [
        "MRS. POWERS asked if she can drive after the surgery",
        "son don reid asked about the bill",
        "husband jim called about her meds",
        "Sra. Quezada Sato wants to know how long recovery takes",
        "shoutout to Oswaldo Ferreira who finished chemo",
    ],
)
def test_names_in_any_case_are_held(screener: Screener, text: str) -> None:
    assert "name" in kinds(screener, text)


@pytest.mark.parametrize(
    "text",
    [
        "lives with son in Rockville, she asked about flu shots",
        "my pt at Riverside Commons, room 21B, asked about flu shots",
    ],
)
def test_small_places_tied_to_a_person_are_held(screener: Screener, text: str) -> None:
    assert kinds(screener, text) & {"geography", "address"}


@pytest.mark.parametrize(
    "text",
    [
        "stop the ibuprofen, with your kidney numbers it's tylenol only for you",
        "cut the gabapentin back to once at bedtime",
        "we'll increase it from 20 milligrams to 40",
        "that ring on your arm is ringworm",
        "tome la pastilla dos veces al día",
    ],
)
def test_individual_advice_without_you_should(screener: Screener, text: str) -> None:
    verdict = screener.screen(text)
    assert verdict.verdict == "warn" and "advice" in {f.kind for f in verdict.findings}


@pytest.mark.parametrize(
    "text",
    [
        "I'm Dr. Cathy Wise at Lakeshore Regional Medical Center; Parkinson's disease is the #1 question I get.",
        "Tommy John surgery is common in pitchers, and metformin is a first-line drug for diabetes.",
        "Most people in Ohio and Texas get their flu shot in October.",
        "Never stop a blood thinner on your own; talk with your prescriber first.",
    ],
)
def test_allow_lists_and_general_education_stay_clean(screener: Screener, text: str) -> None:
    assert screener.screen(text).verdict == "ok"


@pytest.mark.parametrize(
    "text",
    [
        "you can reach her on 07700 900378",
        "wire it to GB82 WEST 1234 5698 7654 32",
        "the patient wristband said V004552807",
    ],
)
def test_exact_identifiers(screener: Screener, text: str) -> None:
    assert screener.screen(text).verdict == "block"


@pytest.mark.parametrize(
    "text", ["We saw you last week and you looked great!", "As our patient, you can call any time."]
)
def test_published_text_must_not_confirm_a_patient(screener: Screener, text: str) -> None:
    for purpose in ("reply", "answer"):  # a reply and an answer are both posted in public
        verdict = screener.screen(text, purpose=purpose)
        assert verdict.verdict == "block"
        assert {f.kind for f in verdict.findings} & REPLY_KINDS
        assert all(f.reason for f in verdict.findings)
    # A note stays with the team: 'we saw him last week' there is not a disclosure.
    assert not kinds(screener, text, purpose="note") & REPLY_KINDS


def test_reply_drafts_with_general_text_pass(screener: Screener) -> None:
    assert screener.screen("Thanks for asking! Flu shots are on Saturdays.", purpose="reply").verdict == "ok"


def test_unknown_purpose_is_refused(screener: Screener) -> None:
    with pytest.raises(ValueError, match="purpose"):
        screener.screen("hello", purpose="tweet")


def test_models_load_once_and_ship_with_the_package() -> None:
    assert load_models() is load_models()


def test_a_new_screener_has_loaded_what_the_first_answers_would_wait_for() -> None:
    """In a fresh process: after Screener() the lazily read lists are in memory, so no answer pays for them."""
    script = (
        "from bot.screening import Screener\n"
        "from bot.screening import public_figures as p, given_names as g, learned as m\n"
        "Screener()\n"
        "loaders = (p.famous_names, p.known_alone, g.nicknamer, m.load_advice_model)\n"
        "loaded = [f.cache_info().currsize for f in loaders]\n"
        "print(loaded)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[1, 1, 1, 1]"


def test_the_practice_city_is_not_a_patient_place() -> None:
    text = "my patient lives in Rockville now"
    assert Screener().screen(text).verdict == "block"
    assert Screener(AllowList(places=frozenset({"Rockville"}))).screen(text).verdict == "ok"
