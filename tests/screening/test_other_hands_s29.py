"""Session 29: the misses and false alarms of new sets by other writers (public replies, general text that reads
like advice, anecdotes, other languages and scripts). Each line is shaped like a case from a tuning half, not
copied from it; the mechanism it pins is named beside it.
"""

from __future__ import annotations

from bot.screening import AllowList
from tests.screening.verdict_table import verdict_table

ALLOW = AllowList(names=frozenset({"Lakeshore Regional Medical Center", "Dr. Robert Clark"}))

CLEAN = [
    # the reader called by name, at a sentence's opening or its close, in a reply that tells nothing of their care
    "Hello Farida! Visitors under 14 are welcome on most units; the ICU asks that kids check in at the desk first.",
    "Thanks for cheering on our EMS crew, Dwayne! 💙",
    "We hear you, Mrs. Ostrowski. Please send us a DM and we'll get you to the right team.",
    "Hey Tomasz 👋 the pharmacy on the ground floor is open until 9 tonight.",
    "Bernadette, we'd love to see you at the 5K on Saturday, it's free and open to everyone.",
]

HELD = [
    # ... but not when the sentence that calls them tells of their care, or the reply speaks of it
    "Thanks, Dwayne! Your stitches should come out at the follow-up next week.",
    "Farida, your biopsy results are ready in the portal.",
    "So glad the new hip is treating you well, Mrs. Ostrowski!",
]

WARNED: list[str] = []
GENERAL: list[str] = []

test_passes, test_held, test_warned, test_general_is_not_advice = verdict_table(ALLOW, CLEAN, HELD, WARNED, GENERAL)
