"""Check a draft reply to a patient's message before it is posted: PHI, advice, patient status.

The PHI and advice findings come from the same `Screener` that guards physicians' answers. A
reply is where the hazard of confirming that the writer is a patient ("we saw you last week", "as
our patient", "your appointment on…") is most common; OCR has fined practices for it. The screen
holds that kind in everything that may be published, replies and answers alike.

The text is never stored or logged: it is screened in memory and only the findings (with the
flagged excerpts, shown privately to the person who asked) leave this module.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReplyFinding:
    """One problem in a draft reply; `excerpt` is shown only to the person who is checking."""

    kind: str  # a screening kind (name, phone, advice…) or "patient_confirmation"
    category: str  # "phi" | "advice" | "patient"
    excerpt: str
    reason: str


def check_reply(screener, text: str) -> list[ReplyFinding]:
    """Everything wrong with `text` as a public reply, patient status first, then PHI, then advice."""
    verdict = screener.screen(text, purpose="reply")
    found = [ReplyFinding(f.kind, "patient" if f.kind == "patient_confirmation" else f.category,
                          text[f.start:f.end], f.reason) for f in verdict.findings]
    order = {"patient": 0, "phi": 1, "advice": 2}
    return sorted(found, key=lambda finding: order[finding.category])


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
