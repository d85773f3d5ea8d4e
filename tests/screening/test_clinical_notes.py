"""Clinical-note text written by others: its shorthand, headers and orders are no PHI and no advice,
while the identifiers notes do carry are still held."""

from __future__ import annotations

import pytest

from bot.screening import Screener
from tests.screening.helpers import kinds

CLEAN_NOTES = [
    # obstetric, staging and scale shorthand
    "G4P3A1 at 27w5d with decreased fetal movement. NST reactive.",
    "Final pathology ypT1bN0M0 after neoadjuvant therapy, margins negative.",
    "GCS 13 (E3V4M6) on arrival, improved to 15.",
    "Mallampati IV, thyromental distance short.",
    # dose and time ranges, lab decimals, scores
    "Hydromorphone 0.5-1 mg IV q3-4h PRN severe pain.",
    "Labs notable for Mg 1.4, Phos 2.1, K 3.2, repleted.",
    "Power 4/5 in the left deltoid, 5/5 elsewhere; seen on rounds.",
    "Leads V1-V3 with Q waves, old. Admitted for observation.",
    # section headers and field openers
    "Integumentary: Petechiae over the shins.\nLymph: Shotty inguinal nodes.",
    "PLAN: continue current management.",
    "Vitals: T 38.1, HR 110, BP 96/58, RR 24, SpO2 91% RA.",
    # eponymous signs and their results
    "Spurling and Lhermitte signs negative.",
    "Hoffmann negative bilaterally.",
    # orders written for the chart
    "Metronidazole 500 mg PO TID x 14 days.",
    "Morphine 2 mg IV given at 0400 with good effect.",
    "Home medications: reviewed. Carvedilol 12.5 mg twice a day, Jardiance 10 mg daily.",
]


@pytest.mark.parametrize("text", CLEAN_NOTES)
def test_clean_note_lines_pass(screener: Screener, text: str) -> None:
    verdict = screener.screen(text)
    assert verdict.verdict == "ok", [(f.kind, text[f.start : f.end]) for f in verdict.findings]


HELD = [
    ("Patient: Abernathy-Vole, Gwendolyn  DOB 04/22/1961", {"name", "date"}),
    ("HPI: Casimir Dobrowolski is a 64M who presents after a fall on 9/12.", {"name"}),
    ("Seen 10/14 at Cedar Hollow SNF; daughter Ines (cell 541-555-0183) updated.", {"phone"}),
    ("MRN 00738214, admitted for CHF.", {"mrn"}),
    ("MRS. POWERS asked if she can drive after the surgery", {"name"}),
]


@pytest.mark.parametrize(("text", "kinds"), HELD)
def test_identifiers_in_notes_are_still_held(screener: Screener, text: str, kinds: set[str]) -> None:
    verdict = screener.screen(text)
    assert verdict.verdict == "block"
    assert kinds <= {f.kind for f in verdict.findings}, [(f.kind, text[f.start : f.end]) for f in verdict.findings]


def test_an_instruction_in_chart_shorthand_is_still_advice(screener: Screener) -> None:
    text = "For your sinus infection, take amoxicillin 875 mg PO BID for 10 days."
    assert "advice" in kinds(screener, text)


def test_a_plan_section_is_the_charts_plan(screener: Screener) -> None:
    text = "Assessment: HTN, uncontrolled.\nPlan:\n1. Start lisinopril 10 mg daily.\n2. Recheck BMP in 1 week."
    assert screener.screen(text).verdict == "ok"
    told = "Plan: you should stop your metformin and double the insulin tonight."
    assert "advice" in kinds(screener, told)
