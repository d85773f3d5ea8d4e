"""Chat shorthand read as the words it stands for, for the detectors of advice and stories.

Physicians type between patients: 'u have strep, finish the amox', 'skip ur lantus tonight', 'pls dont stop
it b4 fri'. The advice and story models learned English as it is written out; 'u' and 'ur' are unknown words to
them, so the same command in shorthand scored as nothing. Rather than teach every pattern both spellings, the
text is rewritten once with the shorthand spelt out, screened for advice and stories, and each finding's span
moved back onto the words as typed. Names, numbers and places are still read from the text as written.
"""

from __future__ import annotations

import re

# Shorthand that stands for one reading wherever it stands alone as a word.
_SPELT = {
    "u": "you",
    "ya": "you",
    "yr": "your",
    "urs": "yours",
    "r": "are",
    "pls": "please",
    "plz": "please",
    "abt": "about",
    "b4": "before",
    "b/c": "because",
    "cuz": "because",
    "w/": "with",
    "w/o": "without",
    "tmrw": "tomorrow",
    "tmw": "tomorrow",
    "tmr": "tomorrow",
    "2morrow": "tomorrow",
    "2nite": "tonight",
    "tonite": "tonight",
    "nite": "night",
    "nites": "nights",
    "rn": "right now",
    "n": "and",
    "wk": "week",
    "wks": "weeks",
    "dont": "don't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "cant": "can't",
    "isnt": "isn't",
    "arent": "aren't",
    "wasnt": "wasn't",
    "shouldnt": "shouldn't",
    "wouldnt": "wouldn't",
    "youre": "you're",
    "youll": "you'll",
    "youve": "you've",
    "youd": "you'd",
    "thats": "that's",
    "whats": "what's",
    "theres": "there's",
    "ive": "I've",
}
# 'ur' is 'you're' before what a person is ('ur fine', 'ur going to feel it') and 'your' before a thing.
_UR_IS_YOURE = re.compile(
    r"\s+(?:\w+ing|a|an|not|so|too|very|gonna|going|fine|ok|okay|good|right|welcome|allergic|pregnant|due|done"
    r"|supposed|over|under|on|off|at|in|still|just|probably|likely|clear|cleared|better|worse|sick|contagious"
    r"|positive|negative|low|high|immune|safe|free|old|young|overdue|\d+\b)\b",
    re.IGNORECASE,
)
# Chat drops the subject of a permission: 'ok to get ur flu shot this wk' is 'it's ok to ...'. At a clause's opening,
# before 'to' or 'for', these are spelt out with it.
_PERMISSION = frozenset({"ok", "okay", "fine", "safe", "alright"})
_PERMISSION_AFTER = re.compile(r"\s+(?:to|for)\b", re.IGNORECASE)
_CLAUSE_OPENING = re.compile(r"(?:^|[.;!?,:\n]|\b(?:and|so|but|yes|yeah|yep|no|nope))\W*$", re.IGNORECASE)
_WORD = re.compile(r"(?<![\w/'’])(?:w/o|w/|b/c|[a-z0-9]+)(?![\w'’]|/\w)", re.IGNORECASE)

# Written in capitals these are a note's abbreviations, not chat: 'R knee' (right), 'RN', 'N/V'. ('bc' is left out
# altogether: in chat it is as often birth control as 'because'.)
_CLINICAL_IN_CAPITALS = frozenset({"r", "n", "rn"})

SHORTHAND_WORDS = frozenset(w for w in _SPELT if w.isalnum()) | {"ur", "w", "b", "o"} | _PERMISSION


def spelt_out(text: str) -> tuple[str, list[int]] | None:
    """(text with its shorthand spelt out, the original offset of each rewritten character), or None when the text
    holds no shorthand. A spelt-out word's characters map onto the word as typed, so a span ending on it ends
    on the typed word's last character."""
    edits: list[tuple[int, int, str]] = []
    for match in _WORD.finditer(text):
        typed = match.group(0)
        low = typed.lower()
        if low == "ur":
            spelt = "you're" if _UR_IS_YOURE.match(text, match.end()) else "your"
        elif low in _PERMISSION:
            opening = _CLAUSE_OPENING.search(text, max(0, match.start() - 8), match.start())
            elided = opening is not None and _PERMISSION_AFTER.match(text, match.end()) is not None
            spelt = f"it's {low}" if elided else None
        else:
            spelt = _SPELT.get(low)
        if spelt is None or (typed != low and low in _CLINICAL_IN_CAPITALS):
            continue
        if typed[0].isupper():
            spelt = spelt[0].upper() + spelt[1:]
        edits.append((match.start(), match.end(), spelt))
    return rewritten(text, edits) if edits else None


def rewritten(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, list[int]]:
    """(text with each (start, end, new words) edit made, in order and not overlapping, the original offset of each
    character). A new word's characters map onto the words they replace, spread evenly, so a span that ends on it
    ends on the replaced words' last character (`typed_span`). Shared by every reading of a rewritten text (chat
    shorthand here, a clinician's turn as said to the patient in `dialogue`)."""
    pieces: list[str] = []
    where: list[int] = []
    cursor = 0
    for start, end, new in edits:
        if start < cursor:
            continue  # (an edit inside one already made)
        pieces.append(text[cursor:start])
        where.extend(range(cursor, start))
        pieces.append(new)
        last = max(end - start - 1, 0)
        where.extend(start + min(i * (end - start) // max(len(new), 1), last) for i in range(len(new)))
        cursor = end
    pieces.append(text[cursor:])
    where.extend(range(cursor, len(text)))
    return "".join(pieces), where


def typed_span(where: list[int], start: int, end: int) -> tuple[int, int]:
    """The span of the text as typed that spelt-out [start, end) came from."""
    if end <= start:
        return where[start], where[start]
    return where[start], where[end - 1] + 1
