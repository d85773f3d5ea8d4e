"""Specialties as the roster, the question bank and the hashtags match them: one spelling each."""

from __future__ import annotations

SPECIALTY_ALIASES = {
    "family practice": "family medicine",
    "internal med": "internal medicine",
    "peds": "pediatrics",
    "paediatrics": "pediatrics",
    "cardio": "cardiology",
    "orthopaedics": "orthopedics",
    "orthopedic surgery": "orthopedics",
    "orthopaedic surgery": "orthopedics",
    "ob/gyn": "obstetrics & gynecology",
    "ob-gyn": "obstetrics & gynecology",
    "ob gyn": "obstetrics & gynecology",
    "obgyn": "obstetrics & gynecology",
    "obstetrics and gynecology": "obstetrics & gynecology",
    "obstetrics/gynecology": "obstetrics & gynecology",
    "gi": "gastroenterology",
    "hematology/oncology": "oncology",
    "hematology & oncology": "oncology",
    "heme/onc": "oncology",
    "psych": "psychiatry",
    "pulmonary": "pulmonology",
    "pulmonary medicine": "pulmonology",
    "physical therapy": "sports medicine",
    "physical therapy/sports medicine": "sports medicine",
    "physical therapy & sports medicine": "sports medicine",
    "sports med": "sports medicine",
}
GENERAL_NAMES = {"", "general", "all", "any"}


def normalise_specialty(value: str | None) -> str:
    """Lowercase, single spaces, common aliases folded: how specialties are stored and matched."""
    text = " ".join((value or "").lower().split())
    if text in GENERAL_NAMES:
        return ""
    return SPECIALTY_ALIASES.get(text, text)
