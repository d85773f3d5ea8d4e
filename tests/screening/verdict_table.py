"""The four checks a table of other writers' cases runs: passed, held, warned, and general text that is no advice.

A session's table module calls `verdict_table` with its lists and binds the returned tests at module level, so
pytest collects them there (`test_passes, test_held, ... = verdict_table(...)`).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.screening import AllowList, Screener


def verdict_table(
    allow: AllowList, clean: list[str], held: list[str], warned: list[str], general: list[str]
) -> tuple[Callable[..., None], ...]:
    """(test_passes, test_held, test_warned, test_general_is_not_advice) over the given lists, one screener."""
    screener = Screener(allow)

    def seen(text: str) -> tuple[str, list[tuple[str, str]]]:
        verdict = screener.screen(text)
        return verdict.verdict, [(f.kind, text[f.start : f.end]) for f in verdict.findings]

    @pytest.mark.parametrize("text", clean)
    def test_passes(text: str) -> None:
        verdict, found = seen(text)
        assert verdict == "ok", found

    @pytest.mark.parametrize("text", held)
    def test_held(text: str) -> None:
        verdict, found = seen(text)
        assert verdict == "block", found

    @pytest.mark.parametrize("text", warned)
    def test_warned(text: str) -> None:
        verdict, found = seen(text)
        assert verdict == "warn", found

    @pytest.mark.parametrize("text", general)
    def test_general_is_not_advice(text: str) -> None:
        _, found = seen(text)
        assert not any(kind == "advice" for kind, _ in found), found

    return test_passes, test_held, test_warned, test_general_is_not_advice
