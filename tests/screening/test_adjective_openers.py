"""An adjective by its ending ('typical', 'topical', 'generous') opens a noun phrase, not a command: general
dosing stated that way is no advice. Examples written for this change."""

from __future__ import annotations

import pytest

from bot.screening import Screener
from bot.screening.clauses import commands

CLEAN = [
    "Typical ibuprofen dosing for adults is 400 mg every six hours, but kidneys matter.",
    "Topical hydrocortisone twice a day for a week usually settles eczema flares.",
    "Usual pediatric amoxicillin dose is 45 mg/kg/day split in two.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_general_dosing_is_clean(screener: Screener, text: str) -> None:
    assert screener.screen(text).verdict == "ok", text


def test_adjective_opens_no_command_but_a_verb_does() -> None:
    assert commands("typical amoxicillin dosing is 500 mg") is None
    assert commands("grab some ibuprofen tonight") == "command"
