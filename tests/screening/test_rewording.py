"""suggest_rewording turns individual advice into general education, leaving the rest alone."""

from __future__ import annotations

from bot.screening import Screener, suggest_rewording


def _reword(text: str) -> str:
    return suggest_rewording(text, Screener().screen(text).findings)


def test_dose_change_becomes_talk_to_your_doctor() -> None:
    assert _reword("You should double your dose.") == ("Dose changes are something to discuss with your own doctor.")


def test_other_sentences_are_kept() -> None:
    text = "Flu season is here. Stop taking your metformin before the shot. Wash your hands."
    result = _reword(text)
    assert result.startswith("Flu season is here. ")
    assert result.endswith(" Wash your hands.")
    assert "metformin" not in result and "your own doctor" in result


def test_skipping_care_points_to_911() -> None:
    result = _reword("If you have chest pain take two aspirin and skip the ER.")
    assert "911" in result and "aspirin" not in result


def test_no_advice_means_no_change() -> None:
    text = "Talk to your doctor about your dose."
    assert _reword(text) == text
    assert suggest_rewording(text, []) == text
