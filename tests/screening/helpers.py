"""What one screen of a text found, in the forms these tests assert on."""

from __future__ import annotations

from bot.screening import Screener


def kinds(screener: Screener, text: str, purpose: str = "answer") -> set[str]:
    """Every kind found, PHI and advice alike."""
    return {f.kind for f in screener.screen(text, purpose=purpose).findings}


def phi_kinds(screener: Screener, text: str, purpose: str = "answer") -> set[str]:
    """The kinds that hold (identifiers, stories, confirmations): everything but advice."""
    return {f.kind for f in screener.screen(text, purpose=purpose).findings if f.category == "phi"}


def phi(screener: Screener, text: str) -> list[tuple[str, str]]:
    """Each PHI finding as (kind, the words it covers): what a failing assertion should show."""
    return [(f.kind, text[f.start : f.end]) for f in screener.screen(text).findings if f.category == "phi"]


def spans(screener: Screener, text: str, kind: str) -> list[str]:
    """The words each finding of one kind covers."""
    return [text[f.start : f.end] for f in screener.screen(text).findings if f.kind == kind]
