"""Names disguised with invisible characters or look-alike letters are read as a person reads them."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from bot.screening import AllowList, Screener


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(AllowList(names=frozenset({"Lakeshore Regional Medical Center"})))


@pytest.mark.parametrize("text, shown", [
    ("Jo\u200bhn Sm\u200bith consented to the post", "Jo\u200bhn Sm\u200bith"),  # zero-width spaces
    ("Jo\u00adhn Smith consented to the post", "Jo\u00adhn Smith"),  # a soft hyphen
    ("Mar\u2060ia Lo\u200cpez asked about her knee", "Mar\u2060ia Lo\u200cpez"),  # word joiner, ZWNJ
    ("J\u043ehn Smith consented to the post", "J\u043ehn Smith"),  # a Cyrillic о
])
def test_a_disguised_name_is_held_and_shown_as_written(screener: Screener, text: str, shown: str) -> None:
    verdict = screener.screen(text)
    assert verdict.verdict == "block"
    assert shown in [text[f.start : f.end] for f in verdict.findings if f.kind == "name"]


def test_a_phone_split_by_a_zero_width_space_is_held(screener: Screener) -> None:
    assert screener.screen("call him on 617\u200b-555-0123 tonight").verdict == "block"


@pytest.mark.parametrize("text", [
    "\U0001f468\u200d\U0001f469\u200d\U0001f467 family flu shots are this Saturday",  # emoji joined by ZWJ
    "Lakeshore Regional Medical\u200b Center has flu shots every weekday",
])
def test_what_hides_nothing_stays_clean(screener: Screener, text: str) -> None:
    assert screener.screen(text).verdict == "ok", text


def test_rounds_screen_holds_a_disguised_name() -> None:
    lines = "".join(json.dumps({"id": n, "text": t}) + "\n" for n, t in enumerate(
        ["Jo\u200bhn Sm\u200bith consented", "J\u043ehn Smith consented", "Flu shots are in"]))
    result = subprocess.run([sys.executable, "-m", "bot", "screen"], input=lines, capture_output=True,
                            text=True, encoding="utf-8", timeout=120)
    verdicts = [json.loads(line)["verdict"] for line in result.stdout.splitlines()]
    assert verdicts == ["block", "block", "ok"], result.stderr[-2000:]


def test_words_wholly_in_another_script_are_not_rewritten() -> None:
    from bot.screening.disguise import fold_look_alikes

    assert fold_look_alikes("Кашель проходит, Jоhn") == "Кашель проходит, John"
    assert fold_look_alikes("ο καφές") == "ο καφές"


def test_each_deceptive_character_is_either_removed_at_entry_or_read_past_by_the_screen() -> None:
    from bot.text import DECEPTIVE, DECEPTIVE_CHARACTERS, READ_PAST, plain_text

    kept = re.compile("|".join(chars for chars, how, _ in DECEPTIVE_CHARACTERS if how == READ_PAST))
    invisible = [c for c in map(chr, range(0x3000)) if kept.fullmatch(c) or kept.search(f"a{c}b")]
    assert "\u200b" in invisible and "\u00ad" in invisible and "\u200d" in invisible
    for c in invisible:  # kept as written: the screen reads past them and maps its findings back
        assert plain_text(f"a{c}b") == f"a{c}b", hex(ord(c))
    assert plain_text("a\u202eb\u200ec\x07d\ufeff") == "abcd"  # removed at entry
    assert [m.group() for m in DECEPTIVE.finditer("a\u202eb\u200bc")] == ["\u202e", "\u200b"]  # the screen: both


@pytest.mark.parametrize("text, shown", [
    ("Jo\u202ehn Smith consented to the post", "Jo\u202ehn Smith"),  # a right-to-left override
    ("Jo\u200ehn Sm\u2066ith consented to the post", "Jo\u200ehn Sm\u2066ith"),  # a mark, an isolate
])
def test_a_name_split_by_bidi_controls_is_held_where_plain_text_did_not_run(screener: Screener, text: str,
                                                                            shown: str) -> None:
    verdict = screener.screen(text)  # `rounds screen` and `rounds inbox check` screen text as given
    assert verdict.verdict == "block"
    assert shown in [text[f.start : f.end] for f in verdict.findings if f.kind == "name"]


def test_rounds_screen_holds_a_name_split_by_a_bidi_override() -> None:
    lines = json.dumps({"id": 1, "text": "Jo\u202ehn Sm\u202eith consented"}) + "\n"
    result = subprocess.run([sys.executable, "-m", "bot", "screen"], input=lines, capture_output=True,
                            text=True, encoding="utf-8", timeout=120)
    assert [json.loads(line)["verdict"] for line in result.stdout.splitlines()] == ["block"], result.stderr[-2000:]
