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
_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = {
    "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
    "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
}
_TENS = {
    "twenty": "2", "thirty": "3", "forty": "4", "fifty": "5",
    "sixty": "6", "seventy": "7", "eighty": "8", "ninety": "9",
}
# Pairs read as one number ('twelve twenty-two', 'fifty five'), tried before single digits.
_PAIR = rf"(?:{'|'.join(_TEENS)}|(?:{'|'.join(_TENS)})(?:[ -]{_UNIT})?)"
_WORD = (
    rf"(?:{_PAIR}|(?:(?:double|triple)[ -])?(?:zero|oh|nought|nil|one|two|three|four|five|six|seven|eight|nine|o)"
    r"(?:[ -]hundred)?)"
)
# Between digit words: spaces, hyphens, commas, dashes, a spoken hesitation ('uh', 'um') and the 'then'
# that joins the parts of a number read out ('area code three eight oh, then four one seven ...').
_SEP = r"(?:[\s,;.–—-]|\b(?:uh|um|er|erm|dash|hyphen|then)\b)*"
# A letter read out inside an identifier ('w eight four two', 'b as in boy'), or a digit written as one.
_LETTER = r"(?:(?<![\w'’.])(?:[a-z](?:\s+as\s+in\s+[a-z]+)?|\d)(?![\w'’]))"
# 'plus four four ...' is the '+' of an international number; letters may open or sit inside a run.
_RUN = re.compile(rf"(?i)(?:\bplus\s+)?\b(?:{_WORD}|{_LETTER})(?:{_SEP}\b(?:{_WORD}|{_LETTER})\b){{3,}}")
_ONE = re.compile(rf"(?i)\b(?:(?P<word>{_WORD})|(?P<letter>{_LETTER}))\b")
# 'a' and 'I' at either end of a run are more likely the article and the pronoun than part of an id.
_LOOSE_ENDS = frozenset({"a", "i"})
_BREAK = re.compile(r"[,;.–—]|\s-\s|\b(?:dash|hyphen)\b")
# A spoken dash between an identifier's letters and the digits read after it.
_SPOKEN_DASH_BEFORE = re.compile(r"\b[A-Z0-9]{2,6}(\s+(?i:dash|hyphen)\s+)$")


def has_spoken_digits(words: frozenset[str]) -> bool:
    """Cheap gate: at least two distinct digit words in the text."""
    return len(words & DIGIT_WORDS) >= 2


def spoken_digits(text: str) -> tuple[str, list[int]] | None:
    """(rewritten text, original index of each rewritten character), or None if nothing is spoken."""
    out: list[str] = []
    where: list[int] = []
    cursor = 0
    for run in _RUN.finditer(text):
        tokens = _tokens(text, run)
        if sum(1 for t in tokens if t.group("word") or t.group("letter").isdigit()) < 4:
            continue  # letters with fewer than four digits read out: words, not an identifier
        joined = _SPOKEN_DASH_BEFORE.search(text, cursor, run.start())
        for i in range(cursor, joined.start(1) if joined else run.start()):
            out.append(text[i])
            where.append(i)
        if joined:  # 'LRC dash zero four one seven' is 'LRC-0417'
            out.append("-")
            where.append(joined.start(1))
        previous_end = None
        if text[run.start() : run.start() + 4].lower() == "plus":
            out.append("+")
            where.append(run.start())
        for word in tokens:
            if previous_end is not None and _BREAK.search(text, previous_end, word.start()):
                out.append(" ")
                where.append(previous_end)
            if word.group("letter"):
                out.append(word.group("letter")[0].upper())
                where.append(word.start())
                previous_end = word.end()
                continue
            parts = word.group(0).lower().replace("-", " ").split()
            if parts[0] in _TEENS or parts[0] in _TENS:
                pair = _TEENS.get(parts[0]) or _TENS[parts[0]] + (_DIGITS[parts[1]] if len(parts) > 1 else "0")
                out.extend(pair)
                where.extend([word.start()] * len(pair))
                previous_end = word.end()
                continue
            times = _REPEAT.get(parts[0], 1)
            hundred = parts[-1] == "hundred"  # 'one eight hundred', 'zero one hundred': 'X00'
            if hundred:
                parts.pop()
            for _ in range(times):
                out.append(_DIGITS[parts[-1]])
                where.append(word.start())
            for _ in range(2 if hundred else 0):
                out.append("0")
                where.append(word.start())
            previous_end = word.end()
        cursor = tokens[-1].end()
    if not where:
        return None
    for i in range(cursor, len(text)):
        out.append(text[i])
        where.append(i)
    where.append(len(text))
    return "".join(out), where


def _tokens(text: str, run: re.Match[str]) -> list[re.Match[str]]:
    """The digit words and letters of a run, less a loose 'a' or 'I' at either end ('a one two three four',
    'four five six seven I think'); one beside another letter ('a c one nine') is spelt out."""
    tokens = list(_ONE.finditer(text, run.start(), run.end()))

    def loose(token: re.Match[str], beside: re.Match[str]) -> bool:
        return bool(token.group("letter")) and token.group(0).lower() in _LOOSE_ENDS and not beside.group("letter")

    while len(tokens) > 1 and loose(tokens[0], tokens[1]):
        tokens.pop(0)
    while len(tokens) > 1 and loose(tokens[-1], tokens[-2]):
        tokens.pop()
    return tokens


def original_span(where: list[int], start: int, end: int, text: str) -> tuple[int, int]:
    """The span of the original text that rewritten [start, end) came from."""
    last = where[end - 1]
    if last < len(text) and text[last].isalpha():  # a digit maps to its word's start: take the whole word
        while last < len(text) and (text[last].isalpha() or text[last] == "-" and text[last + 1 : last + 2].isalpha()):
            last += 1
        return where[start], last
    return where[start], last + 1
