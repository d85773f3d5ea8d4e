"""Numbers read aloud in a visit transcript ('oh-seven-nine-one-one, one two three'), as digits.

A transcript spells an identifier out in digit words, so the number detectors (phones, labelled
member / account / licence numbers, SSNs) see no digit at all. `spoken_digits` rewrites every run
of four or more digit words as digits, grouped as they were spoken (a comma or dash starts a new
group), and keeps a map from each character of the rewritten text back to the original, so the
detectors run unchanged on the rewrite and their spans are moved back onto the spoken words.
"""

from __future__ import annotations

import re

_DIGITS = {
    "zero": "0", "oh": "0", "o": "0", "nought": "0", "nil": "0", "one": "1", "two": "2", "three": "3",
    "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}
_REPEAT = {"double": 2, "triple": 3}
DIGIT_WORDS = frozenset(_DIGITS)
_WORD = r"(?:(?:double|triple)[ -])?(?:zero|oh|nought|nil|one|two|three|four|five|six|seven|eight|nine|o)"
# Between digit words: spaces, hyphens, commas, dashes, and a spoken hesitation ('uh', 'um').
_SEP = r"(?:[\s,;.–—-]|\b(?:uh|um|er|erm|dash|hyphen)\b)*"
# 'plus four four ...' is the '+' of an international number.
_RUN = re.compile(rf"(?i)(?:\bplus\s+)?\b{_WORD}(?:{_SEP}\b{_WORD}\b){{3,}}")
_ONE = re.compile(rf"(?i)\b{_WORD}\b")
_BREAK = re.compile(r"[,;.–—]|\s-\s|\b(?:dash|hyphen)\b")


def has_spoken_digits(words: frozenset[str]) -> bool:
    """Cheap gate: at least two distinct digit words in the text."""
    return len(words & DIGIT_WORDS) >= 2


def spoken_digits(text: str) -> tuple[str, list[int]] | None:
    """(rewritten text, original index of each rewritten character), or None if nothing is spoken."""
    out: list[str] = []
    where: list[int] = []
    cursor = 0
    for run in _RUN.finditer(text):
        for i in range(cursor, run.start()):
            out.append(text[i])
            where.append(i)
        previous_end = None
        if text[run.start() : run.start() + 4].lower() == "plus":
            out.append("+")
            where.append(run.start())
        for word in _ONE.finditer(text, run.start(), run.end()):
            if previous_end is not None and _BREAK.search(text, previous_end, word.start()):
                out.append(" ")
                where.append(previous_end)
            parts = word.group(0).lower().replace("-", " ").split()
            times = _REPEAT.get(parts[0], 1)
            for _ in range(times):
                out.append(_DIGITS[parts[-1]])
                where.append(word.start())
            previous_end = word.end()
        cursor = run.end()
    if not where:
        return None
    for i in range(cursor, len(text)):
        out.append(text[i])
        where.append(i)
    where.append(len(text))
    return "".join(out), where


def original_span(where: list[int], start: int, end: int, text: str) -> tuple[int, int]:
    """The span of the original text that rewritten [start, end) came from."""
    last = where[end - 1]
    if last < len(text) and text[last].isalpha():  # a digit maps to its word's start: take the whole word
        while last < len(text) and (text[last].isalpha() or text[last] == "-" and text[last + 1 : last + 2].isalpha()):
            last += 1
        return where[start], last
    return where[start], last + 1
