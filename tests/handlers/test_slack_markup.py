"""Slack markup → plain text (`handlers.slack.markup.decode`) and `bot.text.plain_text`, case by case."""

from __future__ import annotations

import math
import time

import pytest

from bot.text import plain_text
from handlers.slack.markup import decode, mentioned_users

NAMES = {"U0SAM0001": "Sam Ortiz"}


@pytest.mark.parametrize("slack, plain", [
    ("Q&amp;A: BP &gt; 140 &lt; 180", "Q&A: BP > 140 < 180"),
    ("&amp;lt;@U1&amp;gt; typed literally", "&lt;@U1&gt; typed literally"),
    ("&lt;@U0SAM0001&gt; typed literally", "<@U0SAM0001> typed literally"),
    ("see <https://www.heart.org/|heart.org>", "see heart.org"),
    ("see <https://www.heart.org/>", "see https://www.heart.org/"),
    ("see <https://example.org/a?b=1&amp;c=2|our page>", "see our page (https://example.org/a?b=1&c=2)"),
    ("mail <mailto:a@example.org|a@example.org>", "mail a@example.org"),
    ("ask <@U0SAM0001>", "ask Sam Ortiz"),
    ("ask <@U0SAM0001|sam>", "ask Sam Ortiz"),
    ("ask <@U0NOBODY1>", "ask "),
    ("in <#C0GEN|general> <!here> <!channel> <!everyone> <!subteam^S0APPROVE|@approvers>", "in "),
    ("on <!date^1392734382^{date_short}|Feb 18, 2014>", "on Feb 18, 2014"),
    ("a\u202eb\u2066c\u200fd\x00e\x07f\ufeffg\ud800h", "abcdefgh"),
    ("line\r\nbreaks\rkept\u2028", "line\nbreaks\nkept\n"),
    ("odd <not a link> kept as its text", "odd not a link kept as its text"),  # Slack escapes real < >
])
def test_decode(slack, plain):
    assert decode(slack, NAMES) == plain


def test_mentions_are_bounded_and_unique():
    text = " ".join(f"<@U{i:08d}>" for i in range(200)) + " <@U00000001>"
    users = mentioned_users(text)
    assert len(users) == 50 and len(set(users)) == 50


def test_decode_and_plain_text_are_linear():
    piece = "a &amp; <https://x.org|x> <@U0SAM0001> \u202e "
    small, big = piece * 2_000, piece * 20_000

    def cpu_time(text: str) -> float:
        """Best of three, in this process's CPU time: a busy machine (the suite runs beside other work)
        stretches wall time and single passes, not the shape of the cost."""
        best = math.inf
        for _ in range(3):
            started = time.process_time()
            decode(text, NAMES)
            plain_text(text)
            best = min(best, time.process_time() - started)
        return best

    one, ten = cpu_time(small), cpu_time(big)
    assert ten < max(one, 0.005) * 30  # ten times the text, not a hundred times the time
