"""A clinician named in full once by title or credential, then by a part of the name ('Welcome Dr. Rafael Santos, our
new CMO. Rafael has been with us since 2009'; 'Kofi Boateng, PT, DPT ... just Kofi is fine'): the part is the same
clinician, not a patient of the same name. Unless the text gives that name care ('Rafael was admitted ...')."""

from __future__ import annotations

import re

from bot.screening.clinical_titles import CLINICAL_TITLE
from bot.screening.context import cared_for_after
from bot.screening.findings import Finding

# A full name with a clinician's credential after it: 'Kofi Boateng, PT, DPT', 'Ana Ruiz, RN', 'Lee Park MD'.
_CREDENTIALED = re.compile(
    r"\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}),?\s+(?:MD|DO|RN|NP|PA-C|PA|DPT|PT|OT|OTR|SLP|PharmD|RPh|DNP|FNP"
    r"|APRN|CRNA|LCSW|RD|RDN|IBCLC|PhD|BSN|MSN|CNM)\b"
)


def without_clinicians_named_again(text: str, found: list[Finding]) -> list[Finding]:
    """The findings less the names that are only a part of a clinician's name given in full in the text."""
    names = [f for f in found if f.kind == "name"]
    if not names:
        return found
    clinician_words = {
        word.lower()
        for pattern in (CLINICAL_TITLE, _CREDENTIALED)
        for match in pattern.finditer(text)
        if " " in match.group(1)  # in full: 'Schwester Anna' may be anyone's sister
        for word in match.group(1).split()
    }
    if not clinician_words:
        return found

    def same_clinician(f: Finding) -> bool:
        words = re.findall(r"[^\W\d_][\w'’-]*", text[f.start : f.end])
        return bool(words) and all(w.lower() in clinician_words for w in words) and not cared_for_after(text, f.end)

    return [f for f in found if not (f.kind == "name" and same_clinician(f))]
