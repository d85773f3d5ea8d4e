"""Plain text as Rounds stores it: what a person meant, without characters that can deceive.

Every text that comes in (an answer, an edit, a form field, a reason) passes `plain_text` at
the core's entry, and drafts pass it again before they become posts. It removes control
characters (keeping line breaks and tabs), bidirectional overrides and isolates (U+202E can
make a post read differently from what was screened and approved), byte-order marks and lone
surrogates (which no database or JSON encoder accepts). One regex pass: linear in the text.
Invisible characters that are legitimate in text (soft hyphens, zero-width spaces) stay; the screen
reads past them. Both sets are rows of one table, `DECEPTIVE_CHARACTERS`.
"""

from __future__ import annotations

import re

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
# Characters that make text read differently from what it says, one row each: the characters (a
# regex), how Rounds treats them, and what they are. Both lists of deceptive characters come from
# here, so a character added for one use is weighed for the other.
#   REMOVED:   never part of what a person meant; `plain_text` takes them out at the core's entry.
#   READ_PAST: invisible, but legitimate in text (a soft hyphen is a hyphenation hint, a zero-width
#              joiner draws one emoji out of several), so kept as written.
# The screen reads past every row and maps its findings back (`bot.screening.disguise.screen_visible`):
# text that reaches it without passing `plain_text` (`rounds screen`, `rounds inbox check`) is read as
# the core would store it, so 'Jo\u202ehn Smith' is John Smith there too.
REMOVED = "removed"
READ_PAST = "read past"
DECEPTIVE_CHARACTERS: tuple[tuple[str, str, str], ...] = (
    ("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]", REMOVED, "C0/C1 controls except tab and line breaks"),
    ("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]", REMOVED, "bidi marks, embeddings, overrides, isolates"),
    ("[\ufeff\ufff9-\ufffb]", REMOVED, "byte-order mark, interlinear annotation controls"),
    ("[\ud800-\udfff]", REMOVED, "lone surrogates"),
    ("[\u00ad\u034f\u180e]", READ_PAST, "soft hyphen, combining grapheme joiner, Mongolian vowel separator"),
    ("[\u200b\u200c\u2060-\u2064]", READ_PAST, "zero-width space and non-joiner, word joiner, invisible operators"),
    # Only between letters or digits: between emoji it draws one emoji out of several, and hides nothing.
    ("(?<=\\w)\u200d(?=\\w)", READ_PAST, "zero-width joiner inside a word"),
)


def _deceptive(*treatments: str) -> re.Pattern[str]:
    """One regex for the rows of `DECEPTIVE_CHARACTERS` treated as one of `treatments`."""
    return re.compile("|".join(chars for chars, how, _ in DECEPTIVE_CHARACTERS if how in treatments))


_UNWANTED = _deceptive(REMOVED)
DECEPTIVE = _deceptive(REMOVED, READ_PAST)  # every row: what the screen reads past (bot.screening.disguise)


def plain_text(text: str) -> str:
    """`text` with line breaks normalised to "\\n" and deceptive or unencodable characters removed."""
    return _UNWANTED.sub("", _NEWLINES.sub("\n", text))


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def screenable_text(text: str) -> str:
    """`text` with each lone surrogate replaced by U+FFFD, one character for one, so offsets into
    the result are offsets into `text` (the screen's tagger cannot encode a lone surrogate)."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def read_text(stream) -> str:
    """All of a text or binary stream, invalid UTF-8 bytes replaced by U+FFFD (never an error)."""
    data = getattr(stream, "buffer", stream).read()
    return data.decode("utf-8", errors="replace") if isinstance(data, bytes) else screenable_text(data)


def lenient_lines(stream):
    """A text stream over `stream`'s bytes whose invalid UTF-8 reads as U+FFFD (stdin may carry anything)."""
    import io

    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        return stream
    return io.TextIOWrapper(buffer, encoding="utf-8", errors="replace", newline=None)


__all__ = [
    "DECEPTIVE",
    "DECEPTIVE_CHARACTERS",
    "READ_PAST",
    "REMOVED",
    "lenient_lines",
    "plain_text",
    "read_text",
    "screenable_text",
]
