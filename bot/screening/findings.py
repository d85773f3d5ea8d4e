"""Result types of the compliance screen: what was found, where, and the overall verdict."""

from __future__ import annotations

from dataclasses import dataclass

#: HIPAA Safe Harbor identifiers that can appear in free text.
PHI_KINDS: frozenset[str] = frozenset(
    {
        "name",
        "address",
        "geography",
        "date",
        "age_over_89",
        "phone",
        "fax",
        "email",
        "ssn",
        "mrn",
        "health_plan",
        "account",
        "license",
        "vehicle",
        "device",
        "url",
        "ip",
        "biometric",
        "photo",
        "patient_story",
        "other_id",
    }
)
#: Individual medical advice (a warning, not a block).
ADVICE_KINDS: frozenset[str] = frozenset({"advice"})
#: Text that confirms someone is a patient (answers and replies, not notes). Holds like PHI.
REPLY_KINDS: frozenset[str] = frozenset({"patient_confirmation"})
KINDS: frozenset[str] = PHI_KINDS | ADVICE_KINDS | REPLY_KINDS

#: Why the learned parts flagged a span, in the physician's words.
LEARNED_REASONS = {
    "name": "looks like a person's name (found by the name model from its context)",
    "geography": "names a town, facility or room where a particular person lives or stays",
    "advice": "reads as advice to one person about their own treatment or diagnosis",
    "patient_story": "describes a particular patient in enough detail that someone could recognise them",
}

@dataclass(frozen=True)
class Finding:
    """One problem in an answer; the span points at it, the reason never repeats it."""

    kind: str
    start: int
    end: int
    reason: str

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown finding kind {self.kind!r}; expected one of {sorted(KINDS)}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    @property
    def category(self) -> str:
        """'phi' for identifiers and patient stories, 'advice' for individual medical advice."""
        return "advice" if self.kind in ADVICE_KINDS else "phi"


@dataclass(frozen=True)
class Verdict:
    """'block' if any PHI, else 'warn' if any advice, else 'ok'."""

    verdict: str
    findings: tuple[Finding, ...]

    @classmethod
    def from_findings(cls, findings: tuple[Finding, ...]) -> Verdict:
        """Derive the verdict from the findings so the two can never disagree."""
        categories = {f.category for f in findings}
        if "phi" in categories:
            return cls("block", findings)
        if "advice" in categories:
            return cls("warn", findings)
        return cls("ok", findings)


@dataclass(frozen=True)
class AllowList:
    """Public things that are never PHI: the physician's own name, staff and roster names, the
    practice's public names, phones, URLs, emails (and, optionally, its street addresses)."""

    names: frozenset[str] = frozenset()
    phones: frozenset[str] = frozenset()
    urls: frozenset[str] = frozenset()
    emails: frozenset[str] = frozenset()
    addresses: frozenset[str] = frozenset()
    #: Places that are not a patient's: the practice's own city, county or neighbourhoods.
    places: frozenset[str] = frozenset()

    def merged(self, other: AllowList) -> AllowList:
        """Union of both lists (e.g. the practice's list plus the answering physician's name)."""
        return AllowList(
            names=self.names | other.names,
            phones=self.phones | other.phones,
            urls=self.urls | other.urls,
            emails=self.emails | other.emails,
            addresses=self.addresses | other.addresses,
            places=self.places | other.places,
        )
