"""The titles of clinicians ('Dr.', 'Dra.', 'Nurse', 'Prof.'), in one table.

Two questions ask about them: is a name after one of these a clinician's (the practice's own people, not a
patient), and is a clinician so named the one cared for ('Dr. Nguyen was admitted') — then held like anyone.
Both read the titles from here, so a title added for one is known to the other.
"""

from __future__ import annotations

import re

# Titles with their abbreviation dot optional; 'Nurse' is also written in lower case ('nurse Li').
_ABBREVIATED = ("Dr", "Dra", "Dre", "Drª", "Prof", "Dott", "Dr\\.ssa", "Dott\\.ssa")
# ... and written out in the other languages ('la dottoressa Selena Franco', 'el doctor', 'la docteure').
_WORDS = (
    "Doctor", "Professor", "Doctora", "Doutor", "Doutora", "Docteur", "Docteure", "Doktor", "Doktorin", "Dottor",
    "Dottore", "Dottoressa", "Professora", "Professeur", "Professore", "Professoressa",
    # a German nurse is addressed as Schwester ("liebe Schwester Inge"); a sister is "seine Schwester"
    "Schwester",
)
CLINICAL_TITLE_WORDS = frozenset(t.lower().replace("\\.ssa", "") for t in (*_ABBREVIATED, *_WORDS, "Nurse"))

# (a written-out title in any casing: 'il dottor Bennett', 'la dottoressa Franco')
_TITLE = "|".join([*(rf"{t}\.?" for t in _ABBREVIATED), *(rf"(?i:{w})" for w in _WORDS)])
# A clinician's title just before a name ('Dr. ', 'Nurse ', 'Prof '): the name is the clinician's.
DOCTOR_BEFORE = re.compile(rf"\b(?:{_TITLE}|Nurse)\s+(?:[A-Z][a-z'’-]+\s+|(?:[A-Z]\.\s*){{1,2}})?$")  # ('Dr. B. Nwosu')
# A clinician's title and the capitalised name after it (group 1), a charge, head or staff nurse too.
CLINICAL_TITLE = re.compile(
    rf"\b(?:{_TITLE}|(?:[Cc]harge |[Hh]ead |[Ss]taff )?[Nn]urse)\s+((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)?)"
)
