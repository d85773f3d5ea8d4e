"""Platforms' hard limits, and the numbered threads that keep a long answer whole on X.

A hard limit is what the platform refuses to publish (X 280 weighted characters per post,
Instagram 2,200 characters and 30 hashtags, LinkedIn 3,000, Facebook 63,206). A draft over one
can be neither approved nor scheduled: `hard_problems` is computed from the text itself, so an
edit, a re-render or a stored flag can never let one through. Soft limits (the configured
Facebook length) are advice shown on the card, never a block.

An X draft that does not fit is a thread: numbered posts separated by a line holding only
`---`, each within 280 as X counts it (links are 23). Marketing can edit it in one text field and
keep or move the breaks; the rules apply to each post.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.review.post_text import plain_length, sentences, x_length

HARD_LIMITS = {"x": 280, "instagram": 2200, "linkedin": 3000, "facebook": 63_206}
MAX_HASHTAGS = {"instagram": 30}
THREAD_CHANNELS = frozenset({"x"})
THREAD_BREAK = "\n\n---\n\n"
_THREAD_SPLIT = re.compile(r"\n[ \t]*---[ \t]*(?:\n|$)")
_HASHTAG = re.compile(r"(?<![\w&#])#\w+")
LABELS = {"x": "X", "facebook": "Facebook", "instagram": "Instagram", "linkedin": "LinkedIn",
          "blog": "Blog"}


def channel_label(channel: str) -> str:
    return LABELS.get(channel, channel.replace("_", " ").replace("-", " ").title())


def length_rule(channel: str) -> Callable[[str], int]:
    """How the channel counts characters: X's weighted count, else code points."""
    return x_length if channel == "x" else plain_length


def thread_parts(channel: str, text: str) -> list[str]:
    """The posts a draft publishes as: the `---`-separated parts on X, else the whole text."""
    if channel not in THREAD_CHANNELS:
        return [text.strip()]
    parts = [part.strip() for part in _THREAD_SPLIT.split(text.strip())]
    return [part for part in parts if part] or [""]


def measure(channel: str, text: str) -> int:
    """The length the card shows: the longest post of a thread, or the whole text."""
    count = length_rule(channel)
    return max(count(part) for part in thread_parts(channel, text))


def hard_problems(channel: str, text: str) -> list[str]:
    """Why the platform would refuse this draft (empty: it can be published as it is)."""
    limit = HARD_LIMITS.get(channel)
    label = channel_label(channel)
    problems = []
    parts = thread_parts(channel, text)
    if not any(parts):
        problems.append(f"The {label} post is empty")
    if limit is not None:
        count = length_rule(channel)
        for number, part in enumerate(parts, 1):
            length = count(part)
            if length > limit:
                where = f"post {number} of {len(parts)}" if len(parts) > 1 else "post"
                problems.append(f"{label} {where}: {length}/{limit} characters, over the platform's limit")
    most = MAX_HASHTAGS.get(channel)
    if most is not None:
        tags = len(_HASHTAG.findall(text))
        if tags > most:
            problems.append(f"{label} allows {most} hashtags; the post has {tags}")
    return problems


# --- building a thread ----------------------------------------------------------------------


def build_thread(head: str, answer: str, tail: str, limit: int,
                 count: Callable[[str], int]) -> list[str] | None:
    """Numbered posts: `head` and the answer's sentences, then `tail` (disclaimer and link) last.

    Posts break between sentences; a sentence longer than a post breaks between words. Never
    cuts a word or a URL. Linear in the answer's length. None when a single word or the tail
    cannot fit one post.
    """
    for reserve in (len(" (99/99)"), len(" (999/999)")):
        posts = _pack(head, answer, tail, limit - reserve, count)
        if posts is None:
            return None
        if len(f" ({len(posts)}/{len(posts)})") <= reserve:
            total = len(posts)
            return [f"{post} ({number}/{total})" for number, post in enumerate(posts, 1)]
    return None


def _units(answer: str, room: int, count: Callable[[str], int]) -> list[tuple[str, int]] | None:
    """The answer as (piece, length) pieces each within `room`: sentences, long ones by words."""
    units = []
    for sentence in sentences(answer):
        length = count(sentence)
        if length <= room:
            units.append((sentence, length))
            continue
        for word in sentence.split():
            width = count(word)
            if width > room:
                return None
            units.append((word, width))
    return units


def _pack(head: str, answer: str, tail: str, room: int,
          count: Callable[[str], int]) -> list[str] | None:
    units = _units(answer, room, count)
    tail_length = count(tail) if tail else 0
    if units is None or tail_length > room or (head and count(head) > room):
        return None
    posts: list[str] = []
    current, length = (head, count(head)) if head else ("", 0)
    separator = "\n" if head else ""
    for piece, width in units:
        if current and length + len(separator or " ") + width > room:
            posts.append(current)
            current, length, separator = "", 0, ""
        if current:
            joiner = separator or " "
            current, length = f"{current}{joiner}{piece}", length + len(joiner) + width
        else:
            current, length = piece, width
        separator = ""
    if tail:
        if current and length + 2 + tail_length <= room:
            current = f"{current}\n\n{tail}"
        else:
            if current:
                posts.append(current)
            current = tail
    if current:
        posts.append(current)
    return posts
