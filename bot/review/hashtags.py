"""Hashtags per specialty: the practice's own (`[practice.hashtags]`), else sensible defaults.

A new install's posts should not go out bare, so Rounds ships a few tags for each specialty in
the starter bank. A practice that configures any hashtags gets exactly what it configured (its
"default" entry for specialties it did not list). Three or four tags each: Instagram now shows
at most a handful, and X gets only the first two.
"""

from __future__ import annotations

from bot.config import PracticeConfig
from bot.specialties import normalise_specialty

BUILT_IN: dict[str, tuple[str, ...]] = {
    "": ("#HealthTips", "#PatientEducation", "#Wellness"),
    "family medicine": ("#FamilyMedicine", "#PrimaryCare", "#HealthTips"),
    "internal medicine": ("#InternalMedicine", "#PrimaryCare", "#HealthTips"),
    "pediatrics": ("#Pediatrics", "#ChildHealth", "#Parenting"),
    "cardiology": ("#HeartHealth", "#Cardiology", "#BloodPressure"),
    "orthopedics": ("#Orthopedics", "#JointHealth", "#BackPain"),
    "dermatology": ("#Dermatology", "#SkinHealth", "#SunSafety"),
    "obstetrics & gynecology": ("#WomensHealth", "#OBGYN", "#Pregnancy"),
    "gastroenterology": ("#GutHealth", "#DigestiveHealth", "#ColonCancerScreening"),
    "endocrinology": ("#Diabetes", "#Endocrinology", "#ThyroidHealth"),
    "neurology": ("#Neurology", "#BrainHealth", "#StrokeAwareness"),
    "oncology": ("#Oncology", "#CancerCare", "#CancerScreening"),
    "psychiatry": ("#MentalHealth", "#Psychiatry", "#MentalHealthMatters"),
    "ophthalmology": ("#EyeHealth", "#Ophthalmology", "#Vision"),
    "urology": ("#Urology", "#MensHealth", "#KidneyHealth"),
    "pulmonology": ("#LungHealth", "#Pulmonology", "#Asthma"),
    "sports medicine": ("#SportsMedicine", "#InjuryPrevention", "#PhysicalTherapy"),
}


def hashtags_for(practice: PracticeConfig, specialty: str) -> list[str]:
    """The practice's tags for the specialty (or its "default"); built-in ones if it set none."""
    if practice.hashtags:
        wanted = specialty.strip().lower()
        by_key = {key.strip().lower(): tags for key, tags in practice.hashtags.items()}
        tags = by_key.get(wanted) if wanted else None
        if tags is None:
            tags = by_key.get(normalise_specialty(wanted)) if wanted else None
        if tags is None:
            tags = by_key.get("default", ())
    else:
        tags = BUILT_IN.get(normalise_specialty(specialty), BUILT_IN[""])
    return [tag if tag.startswith("#") else f"#{tag}" for tag in (t.strip() for t in tags) if tag]
