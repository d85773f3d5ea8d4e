"""Text written so a screen reads it differently from a person: invisible characters and look-alikes.

A zero-width space or a soft hyphen inside a name ('Jo\u200bhn Sm\u200bith') is invisible on a card
but splits the name for every detector, and a Cyrillic 'о' in 'Jоhn' makes it a word no list
knows. The screen therefore reads the text as a person sees it: invisible characters (the
rows of `bot.text.DECEPTIVE_CHARACTERS`: controls and bidi marks too, when the text did not pass
`plain_text`) are taken out (findings are mapped back onto
the original, so the physician is shown what they wrote), and
letters that look Latin inside a word that is otherwise Latin are read as the Latin letter (one
character for one, offsets unchanged). Words wholly in another script are left alone, so Russian
or Greek text is not rewritten. Both passes are one regex scan: linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from bot.screening.findings import Finding, Verdict
from bot.text import DECEPTIVE

# Cyrillic and Greek letters drawn like Latin ones (Unicode's confusables, the common subset).
_LOOK_ALIKES = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
    "ѕ": "s", "ԁ": "d", "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S",
    "ο": "o", "α": "a", "ν": "v", "ρ": "p", "τ": "t", "ι": "i", "κ": "k",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
})
_FOREIGN = "".join(chr(key) for key in _LOOK_ALIKES)
# A word, each matched once (lookaheads for 'holds a Latin letter' at every position of a long word of other letters
# made this quadratic: 25,000 'é' took 6 s); the word is then asked whether it mixes the two.
_WORD = re.compile(f"[\\w{_FOREIGN}]+")
_LATIN = re.compile("[A-Za-z]")
_LOOK_ALIKE = re.compile(f"[{_FOREIGN}]")


def _folded(match: re.Match[str]) -> str:
    word = match.group()
    if _LATIN.search(word) and _LOOK_ALIKE.search(word):
        return word.translate(_LOOK_ALIKES)
    return word


def fold_look_alikes(text: str) -> str:
    """Look-alike letters inside mostly-Latin words as the Latin letter, one character for one."""
    if text.isascii():
        return text
    return _WORD.sub(_folded, text)


# The ASCII characters DECEPTIVE reads past (controls): an ASCII text without them hides nothing, which one character
# class tells faster than DECEPTIVE's rows (most answers are ASCII).
_ASCII_HIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
assert all(_ASCII_HIDDEN.match(chr(c)) for c in range(128) if DECEPTIVE.search("a" + chr(c) + "b"))


def screen_visible(text: str, screen: Callable[[str], Verdict]) -> Verdict | None:
    """`screen` of the text a reader sees, findings mapped back onto `text`; None when nothing is hidden."""
    if text.isascii() and _ASCII_HIDDEN.search(text) is None:
        return None
    if DECEPTIVE.search(text) is None:
        return None
    kept: list[int] = []  # kept[i]: where the i-th character of the visible text is in `text`
    position = 0
    for match in DECEPTIVE.finditer(text):
        kept.extend(range(position, match.start()))
        position = match.end()
    kept.extend(range(position, len(text)))
    visible = "".join(text[i] for i in kept)
    verdict = screen(visible)
    if not kept:
        return verdict
    findings = tuple(_moved(finding, kept) for finding in verdict.findings)
    return Verdict.from_findings(findings)


def _moved(finding: Finding, kept: list[int]) -> Finding:
    start = kept[min(finding.start, len(kept) - 1)]
    end = kept[min(finding.end, len(kept)) - 1] + 1 if finding.end > finding.start else start
    return replace(finding, start=start, end=end)


# A hashtag that runs words together in CamelCase ('#PrayForMrsOkafor', '#JohnSmithStrong'): read as the words.
_CAMEL_TAG = re.compile(r"#[A-Za-z]*[a-z][A-Z][A-Za-z]*")
_WORD_START = re.compile(r"(?<=[a-z])(?=[A-Z])")


def screen_hashtags(text: str, screen: Callable[[str], Verdict]) -> Verdict | None:
    """`screen` of the text with its CamelCase hashtags split into words, findings mapped back onto `text`
    (a finding inside a hashtag covers the whole hashtag); None when there is no such hashtag."""
    tags = list(_CAMEL_TAG.finditer(text))
    if not tags:
        return None
    where: list[int] = []  # where[i]: the character of `text` the i-th character of the readable text stands for
    pieces: list[str] = []
    position = 0
    for tag in tags:
        pieces.append(text[position : tag.start()])
        where.extend(range(position, tag.start()))
        last = tag.start()
        for cut in [m.start() for m in _WORD_START.finditer(text, tag.start(), tag.end())] + [tag.end()]:
            pieces.append(text[last:cut])
            where.extend(range(last, cut))
            if cut < tag.end():
                pieces.append(" ")
                where.append(cut)
            last = cut
        position = tag.end()
    pieces.append(text[position:])
    where.extend(range(position, len(text)))
    verdict = screen("".join(pieces))
    spans = [(t.start(), t.end()) for t in tags]
    findings = []
    for finding in verdict.findings:
        moved = _moved(finding, where)
        for lo, hi in spans:
            if moved.start < hi and lo < moved.end:
                moved = replace(moved, start=min(moved.start, lo), end=max(moved.end, hi))
        findings.append(moved)
    return Verdict.from_findings(tuple(findings))
