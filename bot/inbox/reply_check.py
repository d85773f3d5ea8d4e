"""Check a draft reply to a patient's message before it is posted: PHI, advice, patient status.

The PHI and advice findings come from the same `Screener` that guards physicians' answers. A
reply has one more hazard an answer does not: confirming that the writer is a patient ("we saw
you last week", "as our patient", "your appointment on…"), which OCR has fined practices for.
Until the screen grows that kind itself (issue 9), its rules live here.

The text is never stored or logged: it is screened in memory and only the findings (with the
flagged excerpts, shown privately to the person who asked) leave this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PATIENT_CONFIRMATION = "patient_confirmation"
_REASON = "confirms that the writer is (or was) a patient"

# Each pattern reads as the practice speaking about the writer's care with it.
_CONFIRMING = re.compile(
    r"\b(?:"
    r"(?:we|i|dr\.?\s+\w+|the doctor)\s+(?:saw|treated|examined|met with)\s+you"
    r"|(?:saw|seeing|treating)\s+you\s+(?:last|yesterday|on|in|at|this|earlier)"
    r"|as\s+(?:our|a|one of our)\s+(?:valued\s+)?patients?"
    r"|(?:you\s+are|you're|you\s+were)\s+(?:a|our|one of our)\s+(?:valued\s+)?patients?"
    r"|(?:thank\s+you|thanks)\s+for\s+being\s+(?:a|our)\s+(?:loyal\s+)?patient"
    r"|your\s+(?:upcoming\s+|last\s+|recent\s+|next\s+)?(?:appointments?|procedures?|surgery|"
    r"test\s+results?|results|lab\s+work|labs|chart|records?|treatment|prescriptions?|x-rays?|scans?|"
    r"bills?|balance|care\s+plan|follow[- ]up)\b(?:\s+(?:on|at|with|from|here|last|yesterday))?"
    r"|your\s+(?:(?:last|recent|next|upcoming)\s+visits?|visits?\s+(?:on|with\s+us|here|yesterday|last))"
    r"|when\s+you\s+(?:came|were|visited)\s+(?:in|here|to\s+see\s+us|with\s+us)"
    r"|since\s+your\s+(?:last\s+)?visit"
    r"|(?:our|the)\s+records\s+show"
    r"|in\s+your\s+(?:file|chart)"
    r")",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ReplyFinding:
    """One problem in a draft reply; `excerpt` is shown only to the person who is checking."""

    kind: str  # a screening kind (name, phone, advice…) or "patient_confirmation"
    category: str  # "phi" | "advice" | "patient"
    excerpt: str
    reason: str


def confirming_phrases(text: str) -> list[ReplyFinding]:
    return [ReplyFinding(PATIENT_CONFIRMATION, "patient", match.group(0), _REASON)
            for match in _CONFIRMING.finditer(text)]


def check_reply(screener, text: str) -> list[ReplyFinding]:
    """Everything wrong with `text` as a public reply, in reading order of the categories."""
    verdict = screener.screen(text)
    found = [ReplyFinding(f.kind, f.category, text[f.start:f.end], f.reason) for f in verdict.findings]
    order = {"patient": 0, "phi": 1, "advice": 2}
    return sorted(found + confirming_phrases(text), key=lambda finding: order[finding.category])


def describe_findings(findings: list[ReplyFinding]) -> str:
    """The private answer to "check this reply": clean, or one line per problem with the way out."""
    if not findings:
        return ("✓ Looks fine to post: no patient details, no individual medical advice, and nothing that "
                "confirms the writer is a patient.")
    titles = {"patient": "Confirms someone is a patient", "phi": "Patient details (PHI)",
              "advice": "Individual medical advice"}
    lines = ["⚠ Please change this reply before posting it:"]
    for finding in findings:
        lines.append(f"• {titles[finding.category]}: \"{finding.excerpt}\" ({finding.reason})")
    fixes = {
        "patient": "Don't say or imply that they are a patient, even to thank them.",
        "phi": "Leave out names, dates and other details about anyone's care.",
        "advice": "Don't advise on their case: invite them to call the office instead.",
    }
    lines.append("")
    lines.extend(fixes[category] for category in ("patient", "phi", "advice")
                 if any(f.category == category for f in findings))
    lines.append("The reply templates are safe starting points.")
    return "\n".join(lines)
