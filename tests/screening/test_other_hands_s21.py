"""Session 21: replies, posts and advice by other writers: what is held, warned and passed.

Each line is shaped like a case a writer with no sight of the code wrote for the tuning sets; the
mechanism it pins is named beside it.
"""

from __future__ import annotations

import pytest

from bot.screening import AllowList, Screener

ALLOW = AllowList(names=frozenset({"Lakeshore Regional Medical Center", "Dr. Selena Franco"}))

CLEAN = [
    # a greeting after an interjection, or with 'beaucoup' / 'mucho' between the thanks and the name
    "haha thank you Renata!! the new coffee cart by the lobby is a hit with us too",
    "Merci beaucoup, Anaïs ! Le parking visiteurs est gratuit le dimanche.",
    # gladness or sympathy about the hospital's service, a comment or an event is no one's care
    "Hi Tobias, so sorry about the wait at the parking garage gate! Our security desk can validate your ticket.",
    "¡Gracias, Rocío! Nos alegra mucho leer tus palabras, se las pasaremos al equipo.",
    "Obrigado, Caio! Ficamos felizes que a caminhada tenha sido um sucesso.",
]

HELD = [
    # gladness or sympathy about a care matter still knows the reader's care
    "Thanks, Renata! So glad your scan came back clear.",
    "Hi Tobias, so sorry about your dad's fall, we hope he is home soon.",
    "¡Gracias, Rocío! Nos alegra que tu mamá ya esté en casa después de la operación.",
]

WARNED = [
    # 'and call your OB' comes on top of an order already given; it hands nothing back
    "Since you're pregnant, stop the isotretinoin immediately and call your OB.",
    "Stop the ibuprofen today and then see your doctor about those black stools.",
]

GENERAL = [
    # 'you' after 'if' in the other languages is anyone who fits
    "Si usted tiene dolor de pecho fuerte, llame al 911 de inmediato.",
    "Wenn Sie Brustschmerzen haben, rufen Sie sofort 112 an.",
    # a deferral still holds back general text
    "Before you stop any blood pressure pill, talk to your doctor.",
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(ALLOW)


@pytest.mark.parametrize("text", CLEAN)
def test_passes(screener: Screener, text: str) -> None:
    verdict = screener.screen(text)
    assert verdict.verdict == "ok", [(f.kind, text[f.start : f.end]) for f in verdict.findings]


@pytest.mark.parametrize("text", HELD)
def test_held(screener: Screener, text: str) -> None:
    verdict = screener.screen(text)
    assert verdict.verdict == "block", [(f.kind, text[f.start : f.end]) for f in verdict.findings]


@pytest.mark.parametrize("text", WARNED)
def test_warned(screener: Screener, text: str) -> None:
    verdict = screener.screen(text)
    assert verdict.verdict == "warn", [(f.kind, text[f.start : f.end]) for f in verdict.findings]


@pytest.mark.parametrize("text", GENERAL)
def test_general_is_not_advice(screener: Screener, text: str) -> None:
    verdict = screener.screen(text)
    found = [(f.kind, text[f.start : f.end]) for f in verdict.findings]
    assert not any(kind == "advice" for kind, _ in found), found
