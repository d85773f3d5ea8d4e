"""`Lowered` matches exactly what its pattern as written matches, on any text, and refuses what it cannot match."""

from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path

import pytest

import bot.screening
from bot.screening.lowered import Lowered, lower_of

DEV = Path(__file__).resolve().parents[1] / "data" / "eval" / "dev.jsonl"


def _every_lowered() -> list[tuple[str, Lowered]]:
    found = []
    for info in pkgutil.iter_modules(bot.screening.__path__):
        module = importlib.import_module(f"bot.screening.{info.name}")
        found += [(f"{info.name}.{name}", value) for name, value in vars(module).items() if isinstance(value, Lowered)]
    return found


def _texts() -> list[str]:
    texts = [json.loads(line)["text"] for line in DEV.read_text("utf-8").splitlines() if line.strip()]
    # the same words in capitals and in title case, and text whose lower case is longer ('İ' lower-cases to two)
    return (
        texts
        + [t.upper() for t in texts[::3]]
        + [t.title() for t in texts[1::3]]
        + ["İstanbul: " + t for t in texts[::7]]
    )


@pytest.mark.parametrize(
    ("name", "pattern"), _every_lowered(), ids=lambda value: value if isinstance(value, str) else ""
)
def test_the_same_spans_as_the_pattern_as_written(name: str, pattern: Lowered) -> None:
    for text in _texts():
        fast = [m.span() for m in pattern.finditer(text)]
        written = [m.span() for m in pattern._as_written.finditer(text)]
        assert fast == written, (name, text)
        middle = len(text) // 3
        assert (pattern.search(text, middle) is None) == (pattern._as_written.search(text, middle) is None)


def test_the_screen_uses_it_for_its_costliest_word_lists() -> None:
    names = {name for name, _ in _every_lowered()}
    assert {"context._CARE_WORD", "context.PERSON_CUE", "aimed.PARTICULAR", "treatments._TREATMENT"} <= names


def test_capitals_in_a_case_insensitive_pattern_are_its_lower_case() -> None:
    assert [m.span() for m in Lowered(r"(?i:\b(?:ER|icu)\b)").finditer("the er, the ICU, the Er")] == [
        (4, 6),
        (12, 15),
        (21, 23),
    ]
    assert Lowered(r"\bI saw\b", 2).search("yesterday i SAW him") is not None  # re.IGNORECASE as a flag
    assert Lowered(r"(?i:\W+)").search("abc") is None  # an escape keeps its case


@pytest.mark.parametrize(
    "pattern", [r"(?i:a)(?-i:B)", r"(?i:room) (\d+)", r"(?i:a)|(?i:b)", r"plain", r"(?i:x(?-i:Y))"]
)
def test_a_pattern_with_a_part_that_keeps_its_case_is_refused(pattern: str) -> None:
    with pytest.raises(ValueError):
        Lowered(pattern)


def test_text_whose_lower_case_is_longer_is_matched_as_written() -> None:
    assert lower_of("İzmir") is None
    assert Lowered(r"(?i:izmir)").search("İzmir").span() == (0, 5)  # as IGNORECASE matches it, offsets the text's
