"""Case-insensitive word lists matched fast: case-sensitively, on the lower-cased text.

Python's regex engine skips a branch of an alternation on its first character only when that character must match
exactly; under IGNORECASE it enters every branch and folds every character it compares, so a list of a hundred words
is tried word by word at every word of a text (the screen's largest cost, measured on dev.jsonl). Matched
case-sensitively against the lower-cased text, whose offsets are the same, the same list runs about four times
faster. The pattern's own letters are lower-cased with it (under IGNORECASE 'ER' means 'er'); a pattern with a part
that keeps its case ('(?-i:ER)') is refused when the module loads. Only text whose length lower-casing keeps is
matched this way (all but a few letters, such as 'İ'): other text is matched by the pattern as written. A match's
groups are of the lower-cased text; callers read its span, or compare its words in lower case.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import cached_property

# The latest few texts and their lower-cased forms (None when lower-casing changes a text's length): a screen asks
# many patterns of one text, and of its clauses, in turn; a text of many clauses lower-cased once per clause would
# cost time in the square of its length. One tuple, replaced whole, so another thread never pairs one text with
# another's lower case.
_KEPT = 4
_latest: tuple[tuple[str, str | None], ...] = ()


def lower_of(text: str) -> str | None:
    """text.lower(), or None when that changes its length (offsets would no longer be the text's)."""
    global _latest
    latest = _latest
    for kept, low in latest:
        if kept is text:
            return low
    low = text.lower()
    if len(low) != len(text):
        low = None
    _latest = ((text, low), *latest[: _KEPT - 1])
    return low


def _lower_literals(body: str) -> str:
    """The pattern with its letters in lower case, which under IGNORECASE it means anyway ('ER', '[A-Z]'), except
    where case is syntax: escapes ('\\W', '\\B') and group names ('(?P<Drug>')."""
    out, i = [], 0
    while i < len(body):
        if body[i] == "\\":
            out.append(body[i : i + 2])
            i += 2
        elif body.startswith(("(?P<", "(?P="), i):
            close = body.index(">" if body[i + 3] == "<" else ")", i)
            out.append(body[i : close + 1])
            i = close + 1
        else:
            out.append(body[i].lower())
            i += 1
    return "".join(out)


def _group_end(pattern: str) -> int:
    """Where the group opening the pattern closes (past its ')'), skipping escapes and character sets."""
    depth, i, in_set = 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1
        elif in_set:
            in_set = char != "]"
        elif char == "[":
            in_set = True
            i += 1 if pattern.startswith("[^", i) else 0
            i += 1 if pattern.startswith("]", i + 1) else 0  # a ']' first in a set is a member
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def _case_free(pattern: str, flags: int) -> str:
    """The pattern without its case-insensitivity, for lower-cased text: the whole of an '(?i:...)' group, or a
    pattern compiled with re.IGNORECASE, with its letters in lower case. Refused where a part keeps its case
    ('(?-i:ER)'): it could not match lower-cased text the way it matches the text."""
    if flags & re.IGNORECASE:
        body = pattern
    elif pattern.startswith("(?i:") and _group_end(pattern) == len(pattern):
        body = pattern[4:-1]
    else:  # (also '(?i:room) (\\d+|four)': only a part of it is case-insensitive)
        raise ValueError(f"not case-insensitive: {pattern[:60]!r}")
    if "(?-i" in body:
        raise ValueError(f"a part keeps its case, it would miss lower-cased text: {pattern[:60]!r}")
    return _lower_literals(body)


def _top_level_branches(body: str) -> list[str]:
    """The pattern's alternatives at its top level (split at '|' outside groups, sets and escapes)."""
    parts, depth, current, i, in_set = [], 0, [], 0, False
    while i < len(body):
        char = body[i]
        if char == "\\":
            current.append(body[i : i + 2])
            i += 2
            continue
        if in_set:
            in_set = char != "]"
        elif char == "[":
            in_set = True
            skip = 1 + body.startswith("^", i + 1)
            skip += body.startswith("]", i + skip)  # a ']' first in a set is a member
            current.append(body[i : i + skip])
            i += skip
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            i += 1
            continue
        current.append(char)
        i += 1
    parts.append("".join(current))
    return parts


def _one_boundary(body: str) -> str:
    """Neighbouring alternatives that each open on a word boundary ('\\bmy ...|\\bour ...') under one: the engine
    tries every alternative's boundary at every character, and one shared boundary, tested once, is as exact (the
    alternatives keep their order, so the same one wins)."""
    parts = _top_level_branches(body)
    if len(parts) < 2:
        return body
    merged: list[str] = []
    run: list[str] = []
    for part in [*parts, None]:
        if part is not None and part.startswith("\\b") and not part.startswith("\\b\\"):
            run.append(part[2:])
            continue
        if len(run) > 1:
            merged.append("\\b(?:" + "|".join(run) + ")")
        else:
            merged.extend("\\b" + r for r in run)
        run = []
        if part is not None:
            merged.append(part)
    return "|".join(merged)


class Lowered:
    """A case-insensitive pattern, compiled case-sensitively for lower-cased text (and as written, for the rare text
    lower-casing lengthens, only when such a text comes: compiling costs start-up time)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._fast = re.compile(_one_boundary(_case_free(pattern, flags)), flags & ~re.IGNORECASE)

    @cached_property
    def _as_written(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low = lower_of(text)
        return self._as_written.search(text, pos, endpos) if low is None else self._fast.search(low, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low = lower_of(text)
        return self._as_written.match(text, pos, endpos) if low is None else self._fast.match(low, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        low = lower_of(text)
        return self._as_written.finditer(text, pos, endpos) if low is None else self._fast.finditer(low, pos, endpos)


class Headed:
    """A pattern that opens with a case-insensitive list of words and goes on case-sensitively ('son Miguel', 'SSN:
    123-45-6789'): the opening words are found on the lower-cased text (`Lowered`, four times faster than the
    engine tries them under IGNORECASE at every word), and the whole pattern is matched only where they are. The
    matches are the whole pattern's own, groups and all, as its finditer would give them.

    `head` must match wherever the whole pattern can start (it is tried as a lookahead, so heads may overlap)."""

    def __init__(self, head: str, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._head = Lowered(f"(?i:(?={head}))")

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        after = pos
        for head in self._head.finditer(text, pos, endpos):
            at = head.start()
            if at < after:
                continue
            match = self.pattern.match(text, at, endpos)
            if match is not None:
                yield match
                after = max(match.end(), at + 1)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.match(text, pos, endpos)
