"""Finding kinds in the words people read: on cards, in refusals, in `rounds drafts show`.

The screen names kinds for machines (`patient_story`, `health_plan`); a person reads "a story
about a patient", "a health plan number". Only kinds are ever described here, never the text
they were found in.
"""

from __future__ import annotations

from collections.abc import Iterable

KIND_WORDS = {
    "name": "a name",
    "address": "a street address",
    "geography": "a place smaller than a state",
    "date": "a date tied to a person",
    "age_over_89": "an age over 89",
    "phone": "a phone number",
    "fax": "a fax number",
    "email": "an email address",
    "ssn": "a Social Security number",
    "mrn": "a medical record number",
    "health_plan": "a health plan number",
    "account": "an account number",
    "license": "a licence or certificate number",
    "vehicle": "a vehicle identifier",
    "device": "a device identifier",
    "url": "a personal web address",
    "ip": "an IP address",
    "biometric": "a biometric identifier",
    "photo": "a photo",
    "patient_story": "a story about a particular patient",
    "other_id": "an identifying number",
    "patient_confirmation": "a line confirming someone is a patient",
    "advice": "individual medical advice",
}


def kind_words(kind: str) -> str:
    """One kind in plain words (an unknown kind reads as "patient details", never as its id)."""
    return KIND_WORDS.get(kind, "patient details")


def describe_kinds(kinds: Iterable[str]) -> str:
    """"a name, a phone number": each kind once, in a stable order."""
    kinds = list(kinds)
    order = list(KIND_WORDS)
    known = sorted({kind for kind in kinds if kind in KIND_WORDS}, key=order.index)
    words = [KIND_WORDS[kind] for kind in known]
    if any(kind not in KIND_WORDS for kind in kinds):
        words.append(kind_words(""))
    return ", ".join(words)
