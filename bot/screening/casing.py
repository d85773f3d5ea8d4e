"""Short notes whose casing cannot be trusted: names written in lower case or in capitals.

An It's fine reason or a reject note is a line typed in a hurry ('john smith said yes', 'JOHN
SMITH AGREED') and is stored for years on a card and in the audit trail. The name detectors lean
on capitals, so for such notes (purpose "note") the screen also reads a copy with names re-cased
the way a careful writer would: a word the name lists know as a given or family name and not as
a common word, a word no list knows at all, and the word after such a given name. A note that
refuses wrongly costs one rewording; one that lets a name through cannot be taken back. Re-casing
changes one letter for one, so findings point into the original text.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z][a-z'’-]*")


def recased_names(text: str, flags) -> str:
    """`text` with likely names capitalised (`flags(word)`: the gazetteer's F/L/c/v flags)."""
    if sum(c.isupper() for c in text) > sum(c.islower() for c in text):
        text = text.lower()  # written in capitals: read it as a sentence
    out = list(text)
    after_given = False
    for match in _WORD.finditer(text):
        word = match.group()
        if word[0].isupper():
            after_given = False
            continue
        found = flags(word.lower())
        common = "c" in found
        name_like = not common and ("F" in found or ("L" in found and "v" not in found) or not found)
        if name_like or (after_given and not common):
            out[match.start()] = word[0].upper()
        after_given = name_like and ("F" in found or not found)
    return "".join(out)
