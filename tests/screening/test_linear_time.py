"""The screen takes time in proportion to the text, whatever its shape (a quadratic step stalls the server)."""

from __future__ import annotations

import time

import pytest

from bot.screening import Screener

LENGTH = 50_000
# Ordinary prose sets the pace on this machine; a quadratic step on 50,000 characters is hundreds of
# times slower than that, a linear one a few times at most.
MAX_RATIO = 30
_PROSE = (
    "Our clinic is open late on Thursdays, and flu shots arrive next week for everyone. "
    "Dr. Lee reminds families that sunscreen matters even on cloudy days in spring. "
)
_UNITS = [
    "x",
    "X",
    "7",
    ".",
    "-",
    "\t",
    "a.",
    "1-",
    "a1",
    "aA",
    "Ab ",
    "A-",
    "a, ",
    "1/1 ",
    "1. ",
    "a. A. ",
    "Mr. ",
    "Mrs. Alvarez ",
    "Dr. X ",
    "He 1-1. ",
    "MRN 12 ",
    "5551234567 ",
    "x@y.co ",
    "He saw www.a.com ",
    "Room 1 ",
    "you take 5 mg. ",
    # Dose orders in one long sentence of short clauses (a black-box tester's: 48 s at 45,000 characters).
    "use 5 ml, ",
    "take 400 mg and ",
    # Short names in a comma list: each joined a growing 'Last, First' (19 s at 45,000 characters).
    "Li,",
    "Jane Doe, ",
    # Great ages in one long sentence: what the sentence says was asked once per age (a black-box tester's: 64 s
    # at 40,000 characters), and the session's signatures, kin and contact lines.
    "my grandma is 94 ",
    "she is 95 ",
    "age 97 ",
    "his wife Susan ",
    "- Maria Lopez ",
    "'quote' — Maya Angelou. ",
    "222 5th Ave, Suite 4, (555) 017-4400. ",
    "he was seen 1/2, ",
    "stop it - ",
    "my son in Austin; ",
    "my son Bob and ",
    # Lower-case names with their own care after them: the text's capitals were counted once per name (a
    # black-box tester's: 21 s at 100,000 characters).
    "efua's glucose, ",
    "goran brought ",
    # One long word: look-alike letters were looked for from each of its letters (81 s for 100,000 'é'), and so were
    # a web address's and a glued full stop's ends inside a long name run (37 s for 200,000 'a').
    "é",
    "a",
    "ab",
    "la",
    # (session 26) a run of German commands, each a clause's start: the sentence's function words were counted
    # again for every run; a dash between many short clauses: the text was lower-cased again for every clause
    "geh, ",
    "x — ",
]


def _fill(unit: str) -> str:
    return (unit * (LENGTH // len(unit) + 1))[:LENGTH]


def _seconds(screener: Screener, text: str, runs: int = 1) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        screener.screen(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.fixture(scope="module")
def pace() -> tuple[Screener, float]:
    screener = Screener()
    screener.screen(_PROSE)  # load the models before timing
    return screener, _seconds(screener, _fill(_PROSE), runs=3)


@pytest.mark.parametrize("unit", _UNITS, ids=repr)
def test_long_repetitive_text_screens_about_as_fast_as_prose(pace: tuple[Screener, float], unit: str) -> None:
    screener, prose = pace
    text = _fill(unit)
    seconds = _seconds(screener, text)
    if seconds > MAX_RATIO * prose:  # a busy moment, or really slow: measure again before failing
        seconds = _seconds(screener, text, runs=2)
    assert seconds <= MAX_RATIO * prose, f"{seconds:.2f}s vs {prose:.3f}s for the same length of prose"
