"""Clinical-note terms and colleagues' chat in Title Case are no PHI: a list of diagnoses or drugs is
not 'Last, First', a capitalised term is not a name, a town's head word makes a town, and the
colleagues' own meetings are not a patient's dates. The person-shaped versions are still held."""

from __future__ import annotations

import pytest

from bot.screening import AllowList, Screener
from tests.screening.helpers import kinds, phi, phi_kinds

CLEAN = [
    "PMH: Osteoarthritis, Hyperlipidemia, Hypothyroidism.",
    "Problem list: Nephrolithiasis, Gout, Anemia, Obesity.",
    "Meds: Lipitor, Zetia, Fosamax. Allergies: Sulfa.",
    "Hx of Multiple Sclerosis, on Ocrevus infusions.",
    "Swan Ganz Catheter removed this morning.",
    "Our Patient Experience committee meets Tuesday at noon.",
    "Anyone driving down to Santa Barbara for the regional course?",
    "Journal club moved to Thursday 4/17, same room.",
    "Tumor board on the 22nd is cancelled; next one is after the holiday.",
    "Can anyone swap call with me on Saturday the 9th?",
    "Our fracture clinic is busiest on Saturday nights and every New Year's Day.",
    "The ER always fills up on Sunday afternoons; every March 17 is worse.",
    "Interview day kicks off with the Resident Breakfast on October 3.",
    "Forms are at northfieldclinic.org/forms/2024 and the flu page at cdc.gov/flu.",
    # colleagues by team, duty or post; places to meet
    "Thanks Anneliese for covering my Thursday clinic.",
    "Bartholomew from marketing wants the video script by noon.",
    "Okoro is on call tonight if anyone needs a second read.",
    "Our new fellow, Ravindra, starts on the consult service Monday.",
    "The charity walk starts at Genoa Park at 8, bring water.",
    "speaker two: I'm ninety five percent there on the script",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_other_registers_hold_no_phi(screener: Screener, text: str) -> None:
    assert phi(screener, text) == []


HELD = [
    ("Pt: Okonkwo, Adaeze. Seen for follow-up.", "name"),
    ("Osei, Kwabena, 52M, admitted overnight.", "name"),
    ("Saw Marisol Quintero in clinic, she has Multiple Sclerosis.", "name"),
    ("My patient from Santa Barbara came in after her fall.", "geography"),
    ("Her surgery is on Thursday 4/17, right after journal club.", "date"),
    ("He was admitted on 3/22 after tumor board reviewed his scan.", "date"),
    ("Her follow-up visit is on the 14th, then physical therapy.", "date"),
    ("Thanks for writing, Juan Carlos, your daughter is doing well.", "name"),
    ("Her telehealth link northfieldclinic.org/v/lsmith-88213 was posted in a group chat.", "url"),
    ("My patient Anneliese is on call at her job and keeps missing visits.", "name"),
    # names in a list or under a label are still names: no dictionary knows them
    ("Sign-out: Bellweather, Tamsin - CHF, watch K.", "name"),
    ("Census: Abernathy, Vole, Quist, Marchetti - all stable.", "name"),
]


@pytest.fixture(scope="module")
def practice() -> Screener:
    return Screener(AllowList(urls=frozenset({"https://northfieldclinic.org"})))


def test_the_practice_pages_pass_but_one_persons_link_is_held(practice: Screener) -> None:
    assert practice.screen("Forms are at northfieldclinic.org/forms/2024.").verdict == "ok"
    assert "url" in kinds(practice, "Her telehealth link northfieldclinic.org/v/lsmith-88213 was shared.")


@pytest.mark.parametrize(("text", "kind"), HELD)
def test_person_shaped_versions_are_still_held(screener: Screener, text: str, kind: str) -> None:
    assert kind in phi_kinds(screener, text), phi(screener, text)
