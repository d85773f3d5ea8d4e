"""People and sayings the writer did not take from anyone's care: a teaching case made up on the spot ('a patient
I'll call her Aunt Betty', 'let's say a ninety two year old comes in'), a placeholder name ('Jane Doe'), and a saying
quoted as one ('the old line "take two aspirin and call me in the morning"'). Their names, ages and commands are
nobody's; what else the text says (a date, a place) is judged as usual.
"""

from __future__ import annotations

import re

from bot.screening.findings import Finding
from bot.screening.lowered import Lowered

# A name the writer makes up for a teaching case: 'a patient I'll call Aunt Betty', 'we'll call him mister Jones',
# 'let's say a patient, call her Mrs. Smith,'. It names no one; what else the case says (a date, a place) still counts.
# (_SUPPOSING: the words that open a made-up case.)
_SUPPOSING = r"let's say|hypothetically|imagine|suppose|pretend"
_MADE_UP_BEFORE = re.compile(
    rf"(?:\b(?:an? (?:patient|pt|person|guy|lady|man|woman|kid|child|mom|dad)|{_SUPPOSING})\b[^.;!?]{{0,40}}?"
    r"\b(?:(?:I|we)(?:'ll|’ll| will|'re going to|'m going to|'re gonna|'m gonna)|let's)\s+call\s+"
    r"(?:(?:him|her|them)\s+)?"
    rf"|\b(?:{_SUPPOSING})\b[^.;!?]{{0,60}},\s*call (?:him|her|them)\s+"
    # 'so let's say hypothetically a guy named Bob comes in'
    rf"|\b(?:{_SUPPOSING})\b[^.;!?]{{0,60}}?\b(?:named|called)\s+"
    # a case the writer marks as made up: 'a hypothetical patient, call her', 'a fictional runner, Alex,',
    # 'a made-up patient, 'Mr. Smith,'', 'Case study (fictional): 'Maria,''
    r"|\b(?:hypothetical|fictional|fictitious|made-up|made up|imaginary|invented|composite)\b[^.;!?]{0,40}?"
    r"(?:[,:(]\s*|\)\s*:?\s*|\bcall (?:him|her|them)\s+|\b(?:named|called)\s+)['\"‘“]?"
    r"|\bfor example,? say (?:your|a|an) \w+ )"
    r"(?:(?:aunt|uncle|grandma|grandpa|granny|miss|mister|mr\.?|mrs\.?|ms\.?)\s*)?$",
    re.IGNORECASE,
)


# An age given to someone made up: 'let's say a ninety two year old comes in with a fall'.
_MADE_UP_AGE_BEFORE = Lowered(
    rf"(?i:\b(?:{_SUPPOSING}|picture|say you (?:have|see|get|had))\b[^.;!?]{{0,30}}?"
    r"(?:\ban?|you're|you are)\s+$|\b(?:let's say|imagine|suppose|say)\s+$)"
)


# The names that stand for anyone: 'Jane Doe', 'John Q. Public'.
_PLACEHOLDER = re.compile(r"(?i:(?:jane|john|baby) doe|john q\. public)['’]?s?")


def without_made_up_people(text: str, found: list[Finding]) -> list[Finding]:
    """A made-up name stays made up wherever the text uses it again ('Bob needs to get screened')."""
    made_up = {
        text[f.start : f.end].lower()
        for f in found
        if f.kind == "name"
        and (
            _MADE_UP_BEFORE.search(text, max(0, f.start - 90), f.start) or _PLACEHOLDER.fullmatch(text, f.start, f.end)
        )
    }
    case = _TEACHING_CASE.search(text) if any(f.kind == "advice" for f in found) else None
    return [
        f
        for f in found
        if not (f.kind == "name" and text[f.start : f.end].lower() in made_up)
        and not (f.kind == "age_over_89" and _MADE_UP_AGE_BEFORE.search(text, max(0, f.start - 60), f.start))
        and not (f.kind == "advice" and case is not None and f.start >= case.end())
        and not (
            f.kind == "patient_story"
            and _MADE_UP_CASE.search(text, max(0, f.start - 80), f.end)
            and not _REAL_PATIENT.search(text, f.start, f.end)
        )
    ]


_REAL_PATIENT = Lowered(r"(?i:\b(?:my|our) (?:patient|pt)\b)")
# A case the writer marks as made up: its job and age describe no one ('a composite patient, a 58-year-old truck
# driver who ...', 'imagine a teacher in her forties who ...').
_MADE_UP_CASE = Lowered(
    rf"(?i:\b(?:{_SUPPOSING}|picture|composite|hypothetical|fictional|fictitious|made-up|imaginary)\b)"
)


# A patient made up to teach with ('hypothetically let's say you've got a patient ...', 'imagine a 70-year-old on
# warfarin who ...'): what the text then says to do is the lesson, told to no one.
_TEACHING_CASE = Lowered(
    rf"(?i:\b(?:{_SUPPOSING})\b[^.;!?]{{0,40}}?\b(?:you(?:'ve| have)? (?:got|get|see) )?"
    r"(?:an? (?:patient|pt|person|guy|lady|man|woman|kid|child|toddler|teen|runner)|an? \w+[- ]year[- ]old)\b)"
)


# A saying in quotes, introduced as one: 'joke for the post: "take two aspirin and call me in the morning"'. Its
# command is the saying's, told to no one.
_QUOTED_SAYING = Lowered(
    r"(?i:\b(?:joke|saying|old line|the line|punchline|cliche|cliché|motto|slogan|tagline|meme|adage|proverb"
    r"|as (?:they|the saying|my \w+) (?:say|says|goes|used to say))\b[^.!?\n'\"“‘]{0,30}?[:,]?\s*"
    r"(?:['\"“‘])([^'\"”’\n]{3,200})['\"”’])"
)


def without_quoted_sayings(text: str, found: list[Finding]) -> list[Finding]:
    """Advice inside a saying quoted as one is the saying's."""
    if not any(f.kind == "advice" for f in found) or not _QUOTED_SAYING.search(text):
        return found
    quoted = [m.span(1) for m in _QUOTED_SAYING.finditer(text)]
    return [f for f in found if f.kind != "advice" or not any(a <= f.start and f.end <= b for a, b in quoted)]
