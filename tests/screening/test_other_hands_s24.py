"""Session 24: chat, clinical snippets, dictation and public replies, by other writers.

Each line is shaped like a case a writer with no sight of the code wrote for the tuning sets; the
mechanism it pins is named beside it.
"""

from __future__ import annotations

from bot.screening import AllowList
from tests.screening.verdict_table import verdict_table

ALLOW = AllowList(names=frozenset({"Lakeshore Regional Medical Center", "Dr. Selena Franco", "Dr. Mitchell Bennett"}))

CLEAN = [
    # a listed famous person's own history told as history ('was diagnosed with') is public knowledge
    "Selena Gomez was diagnosed with lupus in 2015.",
    "When Selena Gomez was diagnosed with lupus, searches for kidney disease spiked.",
]

HELD = [
    # ... but care by us, or a name the text does not make famous, is still a patient's
    "My patient Selena Gomez was diagnosed with lupus.",
    "Selena Gomez was diagnosed with lupus in our clinic.",
    "John Miller was diagnosed with lupus in 2015.",
]

WARNED = [
    # a season does not make a reader's own chart general
    "Stop the ibuprofen before flu season, with your kidney numbers it's tylenol only for you.",
]

GENERAL = [
    # a season everyone shares sets the time of a general tip
    "Start your nasal spray two weeks before allergy season hits.",
    "start ur nasal spray now before allergy season hits",
]

test_passes, test_held, test_warned, test_general_is_not_advice = verdict_table(ALLOW, CLEAN, HELD, WARNED, GENERAL)
