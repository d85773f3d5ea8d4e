"""Session 32: the misses and false alarms of new sets by other writers. Each line is shaped like a case from a set's
tuning half (or from a set that never reaches training), not copied from it; the mechanism it pins is named beside
it.
"""

from __future__ import annotations

from bot.screening import AllowList
from tests.screening.verdict_table import verdict_table

ALLOW = AllowList(names=frozenset({"Lakeshore Regional Medical Center", "Dr. Robert Clark"}))

CLEAN = [
    # a text that calls itself a post or an answer for everyone: its commands are for any reader
    "stop sleeping in ur contacts!!! corneas need air. thats it thats the post",
    "FOR THE NEWSLETTER: WEAR SUNSCREEN EVERY DAY, EVEN IN WINTER. THAT IS ALL.",
    "PSA: get your flu shot before halloween, it takes two weeks to kick in",
    # a care word naming a colleague's field is no one's care; a doctor's initial between title and name
    "My partner Dev takes my inbox on Fridays, and he's brilliant with heart failure titrations.",
    "Nurse Obi specializes in wound care and runs our ostomy class on Thursdays.",
    "Signed out to Dr. T. Achterberg overnight; page the fellow with questions.",
]
HELD = [
    # ... but care given to the colleague is a patient's
    "my partner Dev has heart failure and is out on leave this month",
]
WARNED = [
    # ... unless a sentence turns to one reader, their own finding, or someone's own treatment
    "stop the naproxen, with your kidney numbers it's tylenol only for you. thats my whole answer",
    "thats the post: your rash is shingles, start the valacyclovir today",
    "hot take: double his lasix tomorrow, his legs are huge",
    # 'PSA' the blood test is no announcement
    "ur PSA went from 3 to 7 in a yr, u need an MRI before anything else",
]
GENERAL = [
    # the post's word to all, in the imperative
    "PSA: wear a helmet every time you ride, even to the corner store. thats the post",
]

test_passes, test_held, test_warned, test_general_is_not_advice = verdict_table(ALLOW, CLEAN, HELD, WARNED, GENERAL)
