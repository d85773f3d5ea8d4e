"""A grammar of identifying stories for the sentence classifier's STORY class, and their clean neighbours.

The story templates in screen_data.STORY_TEMPLATES are a couple of dozen sentences that all end in
'... asked if ...'; a physician's chat or a forum post tells a story other ways: 'the Olympic
swimmer we scoped last spring just won another meet', 'had the local weatherman in for a mole
check', 'just finished the knee on the Bulldogs' starting quarterback'. Here a story is built from
parts, so what stays constant is its shape: someone particular (a role the public knows, a place, a
team, an age) + care the writer gave them + when + what happened next. The clean side uses the same
roles in the plural or in general ('farmers are at higher risk for skin cancer', 'a lot of my
patients are teachers'), which identify no one.
"""

from __future__ import annotations

import random

_DESCRIBED = [
    "{occ}",
    "{occ}",
    "local {occ}",
    "retired {occ}",
    "{place} {occ}",
    "{team}' {occ}",
    "{occ} from {place}",
    "{occ} at {place} High",
    "{age}-year-old {occ}",
    "{occ} who was on the news",
    "{occ} from the {event}",
    "{occ}'s wife",
    "{occ}'s son",
    "owner of the {store} on Main Street",
    "guy who owns the {store} in {place}",
    "lady who runs the {store}",
]
_DETS = ["the", "the", "our", "that", "my", "our town's"]
_CARE_VERBS = [
    "we scoped", "I scoped", "we casted", "I operated on", "we operated on", "I treated", "we treated", "I saw",
    "we saw", "I delivered", "we admitted", "I stitched up", "we discharged", "I casted", "we fixed",
]
_WHEN = [
    "last spring", "yesterday", "this morning", "last month", "last week", "on Tuesday", "after the {event}",
    "over the weekend", "in clinic today", "back in March", "",
]
_AFTER = [
    "just won another meet", "is back at work already", "is walking again", "came back for a recheck",
    "sent us cookies", "is out of the ICU", "is doing great", "is back on the field", "threw a no-hitter",
    "was on TV again last night", "finally quit smoking", "made the paper", "is home now", "is back on the air",
]
_PARTS = ["knee", "hip", "shoulder", "ACL", "wrist", "back", "ankle", "elbow"]
_PROBLEMS = [
    "a mole check", "chest pain", "burns from the fryer", "a broken wrist", "a bad cut", "her thyroid",
    "a kidney stone", "his heart", "a concussion", "the flu", "stitches",
]
_STORY_SHAPES = [
    "{det} {who} {care} {when} {after}",
    "had {det} {who} in for {problem} {when}, {pron}'s fine",
    "just finished the {part} on {det} {who}, {pron}'ll be back soon",
    "remember {det} {who}? {pron} {after}",
    "{det} {who} came in {when} with {problem}",
    "{care} {det} {who} {when} for {problem}",
    "guess who {care} {when} - {det} {who}",
    "{det} {who} I've been treating for {problem} {after}",
    "{det} {who} {care} {when} wants to thank the nurses",
    "so {det} {who} is my patient now, small town life",
]
# A story told by what happened to someone, the kind the local news carries: 'the mom who delivered in the parking
# garage elevator during the ice storm', 'the man pulled out of the river by two kayakers during the fireworks'.
# No care verb, no name: the incident, its place and its day are what identify.
_PEOPLE = [
    "man", "woman", "mom", "dad", "teen", "kid", "grandfather", "grandmother", "toddler", "college student",
    "young guy", "older lady", "bride", "groom", "runner", "golfer", "hunter", "fisherman",
]
_INCIDENTS = [
    "delivered in the parking garage elevator", "delivered in the back seat on the highway",
    "got struck by lightning at the {event}", "collapsed at the finish line of the {event}",
    "was pulled out of the river by two kayakers", "went through the ice on the reservoir",
    "was found two days later at the quarry", "walked out of the middle school mid class",
    "crashed into the {store} on Main Street", "was bitten by a snake at the {event}",
    "fell off the stage at the {event}", "got trapped in the grain bin on the {place} farm",
    "was rescued from the apartment fire on Elm", "choked at the {store} and got the Heimlich from a waitress",
    "went into labor at the {team} game", "flipped the tractor on the county road", "got stuck on the ferris wheel",
    "was hit by a foul ball at the {team} game", "passed out on the {place} bike trail in the heat",
]
_INCIDENT_WHEN = [
    "during the ice storm", "during the fireworks", "on the Fourth", "last winter", "during the blizzard",
    "at the {event}", "last weekend", "the night of the power outage", "on Christmas Eve", "",
]
_INCIDENT_AFTER = [
    "and made the evening news", "is finally home", "asked me what to do next time", "is back at work",
    "came in for a follow-up this week", "and the video went everywhere", "is out of the ICU", "",
]
_INCIDENT_SHAPES = [
    "{det} {person} who {incident} {when} {after}",
    "{det} {person} who {incident} {when} had {problem}",
    "remember {det} {person} who {incident} {when}? {pron} {after}",
    "{det} {occ} who {incident} {when} {after}",
    "{det} {person} who {incident} is doing fine",
]
# The same incidents for anyone: what to do, how often, who is at risk.
_INCIDENT_CLEAN = [
    "lightning injuries happen more at outdoor events than people think",
    "if someone falls through ice, call 911 and don't go in after them",
    "cold water shock can drown a strong swimmer in minutes",
    "babies sometimes come fast; if you're delivering in the car, pull over and call 911",
    "anyone who collapses at a race needs CPR and an AED right away",
    "most snake bites happen when people try to handle the snake",
    "grain bin entrapment is a real danger on farms every harvest",
    "heat illness is common on long bike rides in the summer",
    "choking at a restaurant is why every server should know the Heimlich",
    "we see more burns and injuries around the Fourth of July",
    "a person who passes out in the heat needs shade, fluids and to be checked",
    "a {person} who faints during exercise should get a heart check",
]
# The same roles for no one in particular: plural, general, or the writer's own practice.
_CLEAN_SHAPES = [
    "{occs} are at higher risk for {problem}",
    "a lot of my patients are {occs}",
    "we see a lot of {occs} with {problem}",
    "many {occs} ask about {problem}",
    "{occs} should get {problem} checked every year",
    "being a {occ} is hard on the {part}",
    "I had a patient once who taught me a lot about {problem}",
    "one of the best parts of the job is watching someone get back to work",
    "we see more {problem} after every {event}",
    "{occs} often put off care until it's bad",
    "I still meet {occs} every week who didn't know about {problem}",
    "{occs} who get {problem} usually do fine",
    "treat the patient, not the number",
    "the child in front of you matters more than the thermometer",
    "every {occ} I know has a story about {problem}",
]


def _plural(occ: str) -> str:
    return occ + ("es" if occ.endswith(("s", "ch", "sh")) else "s")


def story_sentence(rng: random.Random, values: dict[str, str], occupations: list[str]) -> str:
    """One identifying story built from parts; values holds screen_data's place, event, store, team, age."""
    occ = rng.choice(occupations)
    who = rng.choice(_DESCRIBED).format(occ=occ, **values)
    text = rng.choice(_STORY_SHAPES).format(
        det=rng.choice(_DETS),
        who=who,
        care=rng.choice(_CARE_VERBS),
        when=rng.choice(_WHEN).format(**values),
        after=rng.choice(_AFTER),
        part=rng.choice(_PARTS),
        problem=rng.choice(_PROBLEMS),
        pron=rng.choice(["he", "she"]),
    )
    return " ".join(text.split())


def incident_sentence(rng: random.Random, values: dict[str, str], occupations: list[str]) -> str:
    """One story told by its incident (no care verb, no name)."""
    text = rng.choice(_INCIDENT_SHAPES).format(
        det=rng.choice(["the", "the", "that", "our"]),
        person=rng.choice(_PEOPLE),
        occ=rng.choice(occupations),
        incident=rng.choice(_INCIDENTS).format(**values),
        when=rng.choice(_INCIDENT_WHEN).format(**values),
        after=rng.choice(_INCIDENT_AFTER),
        problem=rng.choice(_PROBLEMS),
        pron=rng.choice(["he", "she"]),
    )
    return " ".join(text.split())


def clean_incident_sentence(rng: random.Random) -> str:
    """An incident's general lesson, about no one."""
    return rng.choice(_INCIDENT_CLEAN).format(person=rng.choice(_PEOPLE))


def clean_story_sentence(rng: random.Random, values: dict[str, str], occupations: list[str]) -> str:
    """The same roles and care, about no one in particular."""
    occ = rng.choice(occupations)
    return rng.choice(_CLEAN_SHAPES).format(
        occ=occ, occs=_plural(occ), problem=rng.choice(_PROBLEMS), part=rng.choice(_PARTS), event=values["event"]
    )
