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


__all__ = ["plain_text"]
