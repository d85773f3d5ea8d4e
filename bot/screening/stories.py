"""Patient stories: no formal identifier, but enough detail to recognise a particular person."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.screening.findings import Finding

# Someone particular: "my patient", "a woman I saw", "the 47-year-old I operated on".
_ANCHOR = re.compile(
    r"\b(?:my patient|a patient of (?:mine|ours)|one of my patients|this patient|a patient (?:I|we|who"
    r"|whom|that)|the patient (?:I|we|who)|I (?:just |recently |once )?(?:saw|treated|operated on"
    r"|delivered|admitted|diagnosed|examined|cared for|scoped|casted|stitched up|met|had)"
    r"|(?:came|walked|rolled|was wheeled) into (?:my|our|the) (?:office|clinic|ER|exam room)"
    r"|(?:a|an|one|this|the)(?: \w+)? (?:man|woman|boy|girl|gentleman|lady|mom|dad|guy|grandmother"
    r"|grandfather|teen|teenager|kid|toddler|newborn|veteran|retiree|widow|widower)"
    r"(?: (?:I|we|who|whom|that|in|from|with))"
    r"|(?:a|an|the|this)(?: \w+)? \d{1,2}[- ](?:year|yr|month|week)[- ]old)\b",
    re.IGNORECASE,
)
# Details that, with an anchor, narrow a story down to one recognisable person.
_DETAIL = re.compile(
    r"\b(?:\d{1,2}[- ](?:year|yr)[- ]old|in (?:his|her) (?:early |late |mid-)?(?:20|30|40|50|60|70|80)s"
    r"|teacher|teaches|principal|coach(?:es|ed)?|pastor|priest|rabbi|imam|mayor|sheriff|police (?:officer|chief)|cop"
    r"|firefighter|fire chief|farmer|rancher|baker|bakery|barber|salon|diner|restaurant|caf[eé]"
    r"|shop|store|owner|owns|runs the|runs a|manages the|works (?:at|for) the|plays for|librarian"
    r"|mail carrier|postman|pilot|chef|musician|band|quarterback|pitcher|athlete|Olympian"
    r"|senator|councilman|councilwoman|council member|news anchor|reporter|lawyer|judge|dentist"
    r"|nurse at|bus driver|truck driver|crossing guard|janitor|plant manager|CEO|president of"
    r"|twins|triplets|quadruplets|lottery|famous|local celebrity|our town|this town|down the street"
    r"|next door|across the street|on (?:the )?(?:[A-Z][a-z]+ )(?:Street|St|Avenue|Ave|Road|Rd)\b"
    r"|at [A-Z][a-z]+ (?:High|Elementary|Middle|School|Church|Mill|Plant|Factory|Market|Diner)"
    r"|last (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|this morning"
    r"|last night|(?:only|first|youngest|oldest) (?:\w+ )?(?:in|at) (?:our|the|this) (?:county|town"
    r"|school|state|practice)|went viral|on the news|in the paper)\b",
    re.IGNORECASE,
)
_GENERAL = re.compile(
    r"\b(?:patients (?:often|sometimes|frequently|usually|may|who|ask)|many of my patients"
    r"|most of my patients|some of my patients|a lot of my patients|people who)\b",
    re.IGNORECASE,
)


def find_stories(text: str, spans: list[tuple[int, int]]) -> Iterator[Finding]:
    """A particular person plus an identifying detail in the same sentence (or the next one)."""
    for index, (start, end) in enumerate(spans):
        anchor = _ANCHOR.search(text, start, end)
        if anchor is None:
            continue
        story_end = spans[index + 1][1] if index + 1 < len(spans) else end
        details = [
            d
            for d in _DETAIL.finditer(text, start, story_end)
            if not (anchor.start() <= d.start() and d.end() <= anchor.end())
        ]
        age_in_anchor = re.search(r"\d[- ](?:year|yr|month|week)", anchor.group(0))
        if not details and not age_in_anchor:
            continue
        if age_in_anchor and not details and _GENERAL.search(text, start, end):
            continue
        if not details and age_in_anchor and not re.search(r"\b(?:I|we|my|our)\b", text[start:end]):
            continue
        last = max([anchor.end(), *(d.end() for d in details)])
        yield Finding(
            "patient_story",
            anchor.start(),
            last,
            "describes a particular patient in enough detail that someone could recognise them",
        )
