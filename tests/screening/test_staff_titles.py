"""A job title right before a name says a colleague follows, as hospital news and staff chat write it
('Unit secretary Carla Delgado', 'shoutout to pharmacist hana'); a lay title, a relation or a patient cue
still says a patient may ('my patient Carla Delgado', 'Officer Diaz broke his wrist at the parade')."""

from __future__ import annotations

import pytest

from bot.screening import Screener
from tests.screening.helpers import phi_kinds

STAFF = [
    "Unit secretary Rosalind Okonjo celebrated twenty years at the 5 West desk this week.",
    "Nurse manager Keisha Mbeki, RN, led the switch to bedside shift report.",
    "huge shoutout to pharmacist dmitri who caught a nasty interaction last night",
    "Security officer Tomasz Grabowski got a commendation for calming a tense waiting room.",
    "Lab tech Farida Haddad ran every sample by hand when the analyzer went down.",
    "Nurse practitioner Mei Lin sees walk-ins on Fridays.",
    "Front desk lead Bogdan Petrov answers the phone before eight.",
]
PATIENTS = [
    "good morning gaurav! your colonoscopy prep instructions are in the portal",  # 'RN' is no title inside 'morning'
    "My patient Rosalind Okonjo came back for her follow-up after the fall.",
    "Officer Tomasz Grabowski broke his wrist at the parade and needed surgery.",
]


@pytest.mark.parametrize("text", STAFF)
def test_a_colleague_named_by_job_title_is_no_patient(screener: Screener, text: str) -> None:
    assert "name" not in phi_kinds(screener, text)


@pytest.mark.parametrize("text", PATIENTS)
def test_a_patient_or_a_lay_title_still_holds(screener: Screener, text: str) -> None:
    assert phi_kinds(screener, text)


@pytest.mark.parametrize("text", [
    "Dr. Okonkwo was admitted to our ICU with a heart attack.",
    "Our own Dr. Haruki is recovering from surgery here; send her cards.",
    "Charge nurse Delacroix was admitted with chest pain last night.",
    "Nurse Imogen Tate was diagnosed with leukemia this fall.",
])
def test_a_clinician_who_is_the_one_cared_for_is_held(screener: Screener, text: str) -> None:
    assert "name" in phi_kinds(screener, text)


@pytest.mark.parametrize("text", [
    "Dr. Okonkwo is in the OR all day.",
    "Dr. Haruki was named chief of surgery.",
    "Nurse Imogen Tate was named nurse of the year.",
])
def test_a_clinician_at_work_is_not(screener: Screener, text: str) -> None:
    assert "name" not in phi_kinds(screener, text)

