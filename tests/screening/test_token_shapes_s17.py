"""PHI token side, round s17: numbers read aloud across 'then' and a hesitation, shared-file links, unit
ranges, a brand in brackets after a dosage form, a single name listed beside a public figure's full name,
lower-case compounds in cased writing, and towns the tagger left out after a word of living or coming
from. Examples written for this round, not taken from any evaluation set."""

from __future__ import annotations

import pytest

from bot.screening import AllowList, Screener
from tests.screening.helpers import phi, phi_kinds

HELD = [
    ("Caller: best number is, um, area code six one four, then, uh, two two two, eight one oh nine.", "phone"),
    ("Her claim number is, uh, four four two, seven one, nine nine three.", "account"),
    ("PT: the MRN? it's, um, six oh two, two one, seven seven eight.", "mrn"),
    ("Mom: it's, uh, four one one Birchwood Lane, the yellow house.", "address"),
    ("Uploaded his echo to dropbox.com/s/q83kd/echo-report for you to see.", "url"),
    ("The discharge summary is at https://1drv.ms/b/s!Ak39xZ if you want it.", "url"),
    ("PT: I come in from, uh, Wapakoneta on the bus every Tuesday.", "geography"),
    ("My patient moved to Coshocton after the stroke and misses her appointments.", "geography"),
]
PASS = [
    "Plan: repeat troponin, reassess in 6-12h, discharge if flat.",
    "Most sprains settle in 2-3wks with rest and bracing.",
    "Keep an epinephrine auto injector (EpiPen) in the car if your child has a nut allergy.",
    "Adele, Elton John, and other performers have talked about their vocal cord surgery.",
    "Dr. Ruiz will demo the new portal at the staff meeting; bring questions. Topic is sugar-free snacks.",
    "Many of our patients come in from Surgery on day two.",
]


@pytest.mark.parametrize(("text", "kind"), HELD)
def test_held(screener: Screener, text: str, kind: str) -> None:
    assert kind in phi_kinds(screener, text), phi(screener, text)


@pytest.mark.parametrize("text", PASS)
def test_passes(screener: Screener, text: str) -> None:
    assert phi(screener, text) == []


def test_the_practice_s_own_subdomain_is_its_own() -> None:
    screener = Screener(AllowList(urls=frozenset({"hillsidefamilymed.org"})))
    assert phi(screener, "Book flu shots at schedule.hillsidefamilymed.org, our patients love it.") == []
    text = "Your patient sent her letter link: records.hillsidefamilymed.org/letters/5521904"
    assert "url" in phi_kinds(screener, text)
