"""A post or an answer signed by its writer, or a quotation by its author ('... —Dr. Mei-Ling Chao', '- hannah
liebowitz, PharmD', "'...how you made them feel.' — Maya Angelou."): the name is the writer's or the author's, as
public as the post.

A signature stands after a dash at the very end of the text, the name with at most a few words of post or credential
after it ('rheum', 'PharmD', 'RN, BSN'), and no digits: a name with a room or a date after it is no signature.
"""

from __future__ import annotations

import re

from bot.screening.findings import Finding
from bot.screening.lay_titles import LAY_TITLE, LAY_TITLE_BEFORE
from bot.screening.memo import memo

# The dash that opens a signature, at the text's start or after a sentence's end (not after a word: 'our patient -
# Maria Lopez' names the patient), and a title before the name.
_OPENS = re.compile(
    r"(?:^|[^\w\s,;:-])\s*(?:—|–|--?|~)\s*(?:(?i:dr|dra|doctor|nurse|bs|bác sĩ|ths|prof|rn|np|pa)\.?\s+)?"
    r"(?:[^\W\d_][\w'’.-]*\s+){0,3}$"  # (the name's first words, when only its last was found)
)
# After the name: the rest of a name the finding left out ('Donna Wilk| Cardillo'), a few words of post or credential,
# then the end (an emoji or a full stop may close it).
_CLOSES = re.compile(
    r"(?:\s+[A-Z][\w'’-]+){0,2}(?:\s*,\s*[^\W\d_][\w.&/-]*(?:\s+[^\W\d_][\w.&/-]*){0,2}){0,3}"
    r"\s*[.!]?\s*[^\w\s]{0,4}\s*$"
)


# A quotation's author, after the dash that follows the closing quote: "'...how you made them feel.' — Maya Angelou."
_QUOTE_CLOSED = re.compile(r"[\"'”’]\s*(?:—|–|--?|~)\s*$")
_AUTHOR_CLOSES = re.compile(
    r"(?:\s+[A-Z][\w'’-]+){0,2}(?:\s*,\s*[^\W\d_][\w.&/-]*(?:\s+[^\W\d_][\w.&/-]*){0,3})?\s*(?:[.!;\n]|$)"
)
# One patient spoken of, or their care told: a name after a dash may then be theirs ('so proud of our patient! - Maria
# Lopez', 'Finally extubated after two weeks! — Mr. Daniel Okafor'). A patient is no one's signer by a lay title.
_ONE_PATIENT = re.compile(
    r"(?i:\b(?:our|my|this|the|a|your) (?:patient|pt)\b(?!s)|\b(?:extubated|discharged|admitted|went home|going home"
    r"|home after|in the (?:unit|icu|nicu|picu|hospital|er)|recover(?:ed|ing)|survived|beat (?:it|cancer)|transplant"
    r"|surgery|chemo|rehab|on the vent|off the vent|coded|released)\b)"
)
# ... or a finding that opens with a lay title of its own ('Mr. Daniel Okafor')
_OPENS_WITH_TITLE = re.compile(rf"(?i:(?:{LAY_TITLE})\b)")


def without_signatures(text: str, found: list[Finding]) -> list[Finding]:
    """The findings less the names that sign the text (or a quotation in it)."""
    if not any(f.kind == "name" for f in found):
        return found
    patient = memo(lambda: _ONE_PATIENT.search(text) is not None)

    def signs(f: Finding) -> bool:
        if LAY_TITLE_BEFORE.search(text[max(0, f.start - 16) : f.start]) or _OPENS_WITH_TITLE.match(text, f.start):
            return False
        if _QUOTE_CLOSED.search(text, max(0, f.start - 6), f.start) and _AUTHOR_CLOSES.match(text, f.end):
            return True  # a quotation's author, whatever the quotation says of patients
        return bool(_OPENS.search(text, max(0, f.start - 60), f.start) and _CLOSES.match(text, f.end)) and not patient()

    return [f for f in found if not (f.kind == "name" and signs(f))]
