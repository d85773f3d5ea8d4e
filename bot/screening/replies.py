"""Reply drafts: text that confirms someone is (or was) a patient of the practice.

A public reply to a comment must not say 'we saw you last week' or 'as our patient': confirming the
relationship discloses PHI even with no identifier in it. Only screened when purpose="reply".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.screening.findings import Finding

_VISIT = (
    r"(?:visit|appointment|appt|procedure|surgery|operation|delivery|check-?up|physical|scan|mri|labs?"
    r"|test results?|results|stay|admission|consult|follow-?up)"
)
_SEEN = (
    r"(?:saw|seen|treated|examined|operated on|admitted|discharged|delivered|scoped|met|took care of"
    r"|cared for|looked after)"
)
_CONFIRMS = re.compile(
    rf"\b(?:we|I|our (?:team|staff|nurses?|doctors?))(?:'ve| have)? {_SEEN} (?:you|your \w+)\b"
    r"|\b(?:as|being|you're|you are|you were)(?: one of)? (?:our|my|a) (?:patients?|client)\b"
    r"|\bas a patient (?:of (?:ours|mine|this practice)|here)\b"
    rf"|\b(?:your|her|his) (?:recent|last|previous|latest|upcoming|next) {_VISIT}\b"
    rf"|\b(?:your|her|his) {_VISIT} (?:here|with us|with me|at our \w+)\b"
    r"|\b(?:when|since|after|before) you (?:were|came) (?:here|in|seen|admitted)\b"
    r"|\byou were (?:seen|admitted|discharged|treated|here)\b"
    r"|\b(?:your|her|his) (?:chart|records?|file|labs|results) (?:shows?|says|said|indicates?)\b"
    r"|\bour records show\b"
    r"|\bI remember (?:you|your)\b"
    r"|\b(?:good|great|nice|glad|lovely) (?:to see|seeing|meeting) you (?:in|at|last|the other|yesterday|again)\b"
    rf"|\bsee you (?:at|for) your (?:next |follow-?up )?{_VISIT}\b"
    r"|\b(?:saw|seeing|treating) you (?:last|yesterday|on|in|at|this|earlier)\b"
    r"|\b(?:thank you|thanks) for being (?:a|our) (?:loyal )?patient\b"
    r"|\byour (?:upcoming |last |recent |next )?(?:appointments?|procedures?|surgery|test results?|lab work"
    r"|chart|records?|treatment|prescriptions?|x-rays?|bills?|balance|care plan) (?:on|at|with|from|here|last"
    r"|yesterday)\b"
    r"|\bwhen you (?:came|were|visited) (?:in|here|to see us|with us)\b"
    r"|\bsince your (?:last )?visit\b"
    r"|\bin your (?:file|chart)\b",
    re.IGNORECASE,
)
REASON = "confirms that someone is a patient of the practice, which a public reply must not do"


def find_patient_confirmations(text: str) -> Iterator[Finding]:
    """Phrases that tell the reader (or the public) that a person was seen or treated here."""
    for match in _CONFIRMS.finditer(text):
        yield Finding("patient_confirmation", match.start(), match.end(), REASON)
