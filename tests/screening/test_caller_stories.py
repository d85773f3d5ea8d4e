"""A caller's own identifying story: a role only they hold in a named town with their own complaint, news coverage
by a paper's name, 'everybody knows me'. Examples written for this change."""

from __future__ import annotations

import pytest

from bot.screening import Screener

STORIES = [
    "Hi, um, I'm the only dentist in Millersburg, everybody knows me, and I've been having palpitations at night.",
    "My brother, uh, he's the guy the boat capsized on last spring, it was in the Courier, and he still can't "
    "breathe right.",
]

CLEAN = [
    "I'm the only pediatrician in Millersburg, so I see a lot of croup this time of year.",
    "My kid was the one who asked me to write about sunscreen this summer.",
    "Everyone knows me as the flu-shot nagger at our clinic.",
    "The study was in the Lancet last year and it changed how we treat sepsis.",
    "Our clinic was in the Dispatch last week for the new walk-in hours.",
]


@pytest.mark.parametrize("text", STORIES)
def test_caller_story_holds(screener: Screener, text: str) -> None:
    assert screener.screen(text).verdict == "block", text


@pytest.mark.parametrize("text", CLEAN)
def test_general_text_stays_clean(screener: Screener, text: str) -> None:
    assert screener.screen(text).verdict == "ok", text
