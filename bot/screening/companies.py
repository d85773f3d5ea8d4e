"""Drug, device and pharmacy companies whose names are also people's names ('Abbott', 'Merck', 'Baxter').

A cardiologist writes 'pacemakers from Medtronic, Abbott and Boston Scientific'; the name lists know Abbott as a
surname, and the tagger reads a capitalised surname in a list as a person. A company is as public as a drug
brand: its name is no one's identifier. With a personal title before it ('Mr. Abbott'), it is a person again.
"""

from __future__ import annotations

import re

from bot.screening.lay_titles import LAY_TITLE
from bot.screening.relatives import FAMILY, FAMILY_ABROAD, alternation

COMPANIES = frozenset(
    """abbott merck bayer lilly baxter stryker edwards cook medtronic dexcom zimmer biomet philips siemens
    pfizer moderna novavax novartis sanofi roche genentech amgen gilead biogen regeneron astrazeneca glaxosmithkline
    gsk janssen teva mylan viatris sandoz boehringer takeda novo insulet tandem omnipod olympus hologic
    walgreens cvs kroger costco walmart meijer publix humana aetna cigna kaiser""".split()
) | frozenset({"eli lilly", "johnson & johnson", "boston scientific", "smith & nephew", "becton dickinson",
               "novo nordisk", "rite aid", "blue cross", "united healthcare"})

# A title, the patient or a relative just before: a person ('Mr. Abbott', 'my patient Abbott', 'her son Lilly').
_PERSONAL_TITLE_BEFORE = re.compile(
    rf"(?i:\b(?:{LAY_TITLE}|patient|pt|{alternation(FAMILY, FAMILY_ABROAD)})\.?,?\s+)$"
)


def is_company(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a company's name, written without a person's title before it?"""
    name = text[start:end].removesuffix("'s").removesuffix("’s").lower()
    if name not in COMPANIES:
        return False
    return _PERSONAL_TITLE_BEFORE.search(text, max(0, start - 20), start) is None
