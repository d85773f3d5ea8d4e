"""Session 31: the misses and false alarms of new sets by other writers. Each line is shaped like a case from a set's
tuning half (or from a set that never reaches training), not copied from it; the mechanism it pins is named beside
it.
"""

from __future__ import annotations

from bot.screening import AllowList
from tests.screening.verdict_table import verdict_table

ALLOW = AllowList(names=frozenset({"Lakeshore Regional Medical Center", "Dr. Robert Clark"}))

CLEAN = [
    # a care word naming a place or a service is no one's care: a colleague beside it stays a colleague
    "Say hi to volunteer Ottilie Brandt and her beagle Moss, in the cancer infusion suite on Tuesdays!",
    "dev from pt/ot can do the transfer inservice monday at 3",
    "Thanks to Colette Amari in Patient Accounts for running the bake sale!",
    "EVS supervisor Dario Pinto and his crew turned over 300 patient rooms this weekend.",
    "Our Nurse of the Quarter is Tobias Reyes, RN, from the cardiac ICU.",
    "Cake at the nurses' station at 3 — Yusuf Adeyemi from respiratory turns 50!",
    "pt satisfaction up 5% on 6E this month, thx all esp charge nurse amara",
    # a service's own number or fax, a line open around the clock, and the writer's own cell
    "pts can call our after-hours nurse line 24/7 at 555-212-4810 if unsure about ER vs urgent care",
    "FYI the outpatient lab fax has changed to 555-0191 as of today.",
    "pls dont list my cell 617-555-0177 on the call schedule, use the unit phone",
    # a campaign's day and a vaccination clinic open to all
    "World Kidney Day is March 13 - the dialysis team will run free BP checks in the lobby from 9 to 1.",
    "covid booster clinic is thurs nov 6 2-6 in the cafeteria, no appt needed, bring ur family!",
]

HELD = [
    # ... but a colleague moved from a unit as a patient, or treated in it, stays held
    "Our own Tobias Reyes was transferred from the ICU to 4 West last night, please send him good thoughts.",
    "Dario Pinto from housekeeping came through our ED himself after a fall and the team treated him like family.",
    # ... and a patient's own number, or a patient's dates, stay held
    "Doc, my cell is (312) 555-0199, can someone call me about my biopsy results?",
    "pt's daughter wants a call back, her cell is 617-555-0177",
    "pt Mrs. Alvarez had her stroke on March 13, family at bedside",
]

WARNED: list[str] = []
GENERAL: list[str] = []

test_passes, test_held, test_warned, test_general_is_not_advice = verdict_table(ALLOW, CLEAN, HELD, WARNED, GENERAL)
