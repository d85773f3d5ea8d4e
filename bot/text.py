"""Plain text as Rounds stores it: what a person meant, without characters that can deceive.

Every text that comes in (an answer, an edit, a form field, a reason) passes `plain_text` at
the core's entry, and drafts pass it again before they become posts. It removes control
characters (keeping line breaks and tabs), bidirectional overrides and isolates (U+202E can
make a post read differently from what was screened and approved), byte-order marks and lone
surrogates (which no database or JSON encoder accepts). One regex pass: linear in the text.
"""

from __future__ import annotations

import re

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_UNWANTED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f"  # C0/C1 controls except \t \n
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, overrides, isolates
    "\ufeff\ufff9-\ufffb"  # byte-order mark, interlinear annotation controls
    "\ud800-\udfff]"  # lone surrogates
)


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


__all__ = ["lenient_lines", "plain_text", "read_text", "screenable_text"]
