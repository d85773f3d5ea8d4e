"""A post or an answer signed by its writer, or a quotation by its author ('... —Dr. Mei-Ling Chao', '- hannah
liebowitz, PharmD', "'...how you made them feel.' — Maya Angelou."): the name is the writer's or the author's, as
public as the post.

A signature stands after a dash at the very end of the text, the name with at most a few words of post or credential
after it ('rheum', 'PharmD', 'RN, BSN'), and no digits: a name with a room or a date after it is no signature.
"""

from __future__ import annotations

import re

from bot.screening.findings import Finding

# The dash that opens a signature, at the text's start or after a sentence's end (not after a word: 'our patient -
# Maria Lopez' names the patient), and a title before the name.
_OPENS = re.compile(
    r"(?:^|[^\w\s,;:-])\s*(?:—|–|--?|~)\s*(?:(?i:dr|dra|doctor|nurse|bs|bác sĩ|ths|prof|rn|np|pa)\.?\s+)?"
    r"(?:[^\W\d_][\w'’.-]*\s+){0,3}$"  # (the name's first words, when only its last was found)
)
# After the name: a few words of post or credential, then the end (an emoji or a full stop may close it).
_CLOSES = re.compile(r"(?:\s*,\s*[^\W\d_][\w.&/-]*(?:\s+[^\W\d_][\w.&/-]*){0,2}){0,3}\s*[.!]?\s*[^\w\s]{0,4}\s*$")


# A quotation's author, after the dash that follows the closing quote: "'...how you made them feel.' — Maya Angelou."
_QUOTE_CLOSED = re.compile(r"[\"'”’]\s*(?:—|–|--?|~)\s*$")
_AUTHOR_CLOSES = re.compile(r"(?:\s*,\s*[^\W\d_][\w.&/-]*(?:\s+[^\W\d_][\w.&/-]*){0,3})?\s*(?:[.!;\n]|$)")
# One patient spoken of: a name after a dash may then be theirs ('so proud of our patient! - Maria Lopez').
_ONE_PATIENT = re.compile(r"(?i:\b(?:our|my|this|the|a|your) (?:patient|pt)\b(?!s))")


def without_signatures(text: str, found: list[Finding]) -> list[Finding]:
    """The findings less the names that sign the text."""
    if not any(f.kind == "name" for f in found) or _ONE_PATIENT.search(text):
        return found
    return [
        f
        for f in found
        if not (
            f.kind == "name"
            and (
                (_OPENS.search(text, max(0, f.start - 60), f.start) and _CLOSES.match(text, f.end))
                or (_QUOTE_CLOSED.search(text, max(0, f.start - 6), f.start) and _AUTHOR_CLOSES.match(text, f.end))
            )
        )
    ]
