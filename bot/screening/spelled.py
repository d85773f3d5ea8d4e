"""A name spelt out letter by letter, as dictation and phone calls spell one ('W as in William, I L K E S, Wilkes',
'her last name is O-K-A-F-O-R'): the letters are the name, and so is the word they spell when it is said beside them.

Spelling is what people do for a name the listener might get wrong; a drug or an ordinary word spelt out ('that's
metformin, M E T F O R M I N') is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.screening.findings import Finding
from bot.screening.lexicon import DRUG_WORD, Gazetteer
from bot.screening.names import _strip_possessive

# One letter said on its own, or 'W as in William'; between letters: spaces, commas, dots or hyphens.
_LETTER_SHAPE = r"(?<![\w'’])LETTER(?:\s+as\s+in\s+[A-Za-z]+)?(?![\w'’])"
_LETTER = _LETTER_SHAPE.replace("LETTER", "[A-Za-z]")
_SPELLED = re.compile(rf"{_LETTER}(?:[\s,.\-–]+{_LETTER}){{3,}}")
_LETTER_ONLY = re.compile(_LETTER_SHAPE.replace("LETTER", "([A-Za-z])"))
# The spelt word said just before or after the letters ('... I L K E S wilkes', 'Okafor, O-K-A-F-O-R').
_WORD_AFTER = re.compile(r"[\s,.:;\-–]*(?:(?:uh|um|that's|so|like)\s+)*([A-Za-z'’-]{3,})")
_WORD_BEFORE = re.compile(
    r"([A-Za-z'’-]{3,})[\s,.:;\-–]*(?:(?:uh|um|that's|thats|that is|spelled|spelt|is|so)[\s,]+)*$"
)
# What introduces a name's spelling: 'her name is', 'last name', 'surname'.
_NAME_CUE = re.compile(r"(?i:\b(?:name|names|surname)\b)")


def spelled_names(text: str, gazetteer: Gazetteer) -> Iterator[Finding]:
    """Names spelt out letter by letter, with the word they spell when it is said beside them."""
    for match in _SPELLED.finditer(text):
        letters = "".join(m.group(1) for m in _LETTER_ONLY.finditer(match.group(0))).lower()
        start, end = match.start(), match.end()
        after = _WORD_AFTER.match(text, end)
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        spoken = next((m for m in (after, before) if m and _strip_possessive(m.group(1).lower()) == letters), None)
        named = _NAME_CUE.search(text, max(0, start - 40), start) is not None
        if spoken is None and not named:
            continue  # initials or a list of options ('A, B, C or D'), not a spelling
        if DRUG_WORD.fullmatch(letters) or (not named and gazetteer.in_vocab(letters)):
            continue  # a drug, or a word spelt out with no name asked for ('diarrhea, D I A R R H E A')
        if spoken is not None:
            start, end = min(start, spoken.start(1)), max(end, spoken.end(1))
        yield Finding("name", start, end, "spells out a name letter by letter")
