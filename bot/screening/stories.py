"""Patient stories: no formal identifier, but enough detail to recognise a particular person."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.screening.findings import Finding
from bot.screening.lowered import Headed, Lowered

OCCUPATION = (
    r"teacher|principal|coach|pastor|priest|rabbi|imam|minister|mayor|sheriff|police officer|cop"
    r"|firefighter|fire chief|farmer|rancher|baker|barber|librarian|mail carrier|postman|pilot"
    r"|chef|musician|quarterback|pitcher|athlete|Olympian|senator|council ?(?:member|man|woman)"
    r"|news anchor|reporter|lawyer|judge|dentist|bus driver|truck driver|trucker|crossing guard"
    r"|janitor|CEO|CFO|COO|CMO|CNO|chief of staff|board chair|professor|veterinarian|plumber|electrician|mechanic"
    r"|waitress|bartender|captain|lighthouse keeper|lifeguard|ranger"
    r"|linebacker|running back|point guard|goalie|wrestler|cheerleader|drum major|valedictorian|starting (?:qb|pitcher)"
    r"|banker|realtor|soldier|marine|logger|miner|fisherman|welder|carpenter|hairdresser"
    r"|stylist|shop owner|store owner|owner|shopkeeper|cashier|custodian|superintendent"
    # People the public sees: on the air, on a stage, on a screen.
    r"|weather(?:man|woman| lady| guy| girl)|meteorologist|anchor(?:man|woman)?|radio host|talk show host"
    r"|DJ|influencer|youtuber|podcaster|news ?caster|sportscaster|morning show host"
)
# Someone particular: "my patient", "a woman I saw", "the 47-year-old", "she's a ...".
_ANCHOR = Lowered(
    r"\b(?:my patient|a patient of (?:mine|ours)|one of (?:my|our) (?:patients|pts|teens|kids|regulars|moms|dads"
    r"|ladies|guys|families|athletes|runners|seniors)|this patient|a patient (?:I|we|who"
    r"|whom|that)|the patient (?:I|we|who)|I (?:just |recently |once )?(?:saw|treated|operated on"
    r"|delivered|admitted|diagnosed|examined|cared for|scoped|casted|stitched up|met|had)"
    r"|(?:came|walked|rolled|was wheeled) into (?:my|our|the) (?:office|clinic|ER|exam room)"
    r"|(?:a|an|one|this|the)(?: \w+)? (?:man|woman|boy|girl|gentleman|lady|mom|dad|guy|grandmother"
    r"|grandfather|teen|teenager|kid|toddler|newborn|veteran|retiree|widow|widower)"
    r"(?: (?:I|we|who|whom|that|in|from|with))"
    r"|(?:a|an|the|this)(?: \w+)? \d{1,2}[- ](?:year|yr|month|week)[- ]old"
    r"|(?:she|he)(?:'s| is| was)(?: \w+)? (?:a|an|the|our)"
    # A note's or a visit's subject: 'Pt is a 45F, ...', 'you're the, uh, the ... on channel 4'.
    r"|(?:pt|patient) (?:is|was) (?:a|an)|you(?:'re| are) (?:the|that)"
    # ... and a commenter or asker who names their own role: 'I'm the Ohio State linebacker who ...' (not the
    # writer's clinical post: 'I'm the cardiologist on call')
    r"|I(?:'m| am) (?:the|that)(?![^.;!?]{0,40}\b(?:doctor|physician|surgeon|nurse|[a-z]+ologist|[a-z]+iatrician|NP|PA"
    r"|resident|fellow|attending|hospitalist|pharmacist|therapist|medic|paramedic)\b))\b",
    re.IGNORECASE,
)
# An occupation pinned to one person the physician treats is a story on its own.
_OCCUPATION_WORD = Headed(
    rf"\b(?:{OCCUPATION})",
    re.compile(
        rf"\b(?i:{OCCUPATION})(?:'s)?(?= I\b| we\b| from [A-Z]| (?:came|walked|rolled|was brought|was admitted) in"
        # care here: 'our own CFO had his sleeve with us'
        r"| had (?:his|her|their) [\w-]+(?: [\w-]+)? (?:with us|here|at our)\b)"
    ),
)
# 'the retired Ohio State football coach we saw': a few words of description may sit between.
_DETERMINER_BEFORE = re.compile(r"\b(?i:a|an|the|this|my|our)(?: [\w'’-]+){0,4} $")
_OCCUPATION_GATE = frozenset(re.findall(r"[a-z]+", OCCUPATION.lower()))
# Details that, with an anchor, narrow a story down to one recognisable person.
_DETAIL = re.compile(
    # (an age or a decade alone is no detail: 'a woman in her 70s presented with jaundice' is a de-identified case)
    rf"\b(?:{OCCUPATION}|(?:he|she|who|also|still|and) (?:teaches|coach(?:es|ed))"
    r"|bakery|salon|diner|restaurant|caf[eé]|shop|store"
    r"|owns|runs the|runs a|manages the|works (?:at|for) the|plays for|paper mill|plant manager"
    r"|president of|twins|triplets|quadruplets|lottery|famous|local celebrity|our town|this town"
    r"|down the street|next door|across the street|downtown|on (?:the )?(?:[A-Z][a-z]+ )(?:Street|St"
    r"|Avenue|Ave|Road|Rd)\b|at [A-Z][a-z]+ (?:High|Elementary|Middle|School|Church|Mill|Plant"
    r"|Factory|Market|Diner|Academy|Prep|Christian|Catholic)|(?-i:from [A-Z][a-z]{3,})"
    r"|last (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|this morning"
    r"|on (?:channel|ch\.?) \w+|on (?:the )?(?:radio|air|tv|television)|on (?:the )?(?:morning|evening|nightly) news"
    r"|last night|(?:only|first|youngest|oldest) (?:\w+ )?(?:in|at) (?:our|the|this) (?:county|town"
    r"|school|state|practice)|went viral|(?:on|in|all over|made) the news|in the paper"
    r"|all over (?:ESPN|TV|Facebook|Instagram|TikTok|social media|the internet|town)|(?:half|all of|most of) the town"
    # Known to all ('everybody knows me'), or news coverage by a paper's or station's name ('it was in the Dispatch').
    r"|(?:everybody|everyone|the whole town) knows (?:me|him|her|them|us)"
    r"|(?:it|he|she|they|we|I) (?:was|were) (?:all )?in the (?-i:[A-Z][a-z]{3,})"
    # A month of theirs ('this June', 'in July', 'early November') or a record ('set the course record', 'every news
    # channel'): with the one it is told of, a day people remember.
    r"|(?:this|last|in|early|late|mid|since)[- ](?-i:January|February|March|April|May|June|July|August|September"
    r"|October|November|December)|(?:course|state|world|school|national) record|news channels?|summited)\b",
    re.IGNORECASE,
)
# An occupation someone goes to or fears ('scared of the dentist', 'went to the barber') is not their job.
_OCCUPATION_ONLY = re.compile(rf"(?i:{OCCUPATION})")
_VISITED_BEFORE = Lowered(
    r"(?i:\b(?:to|of|at|from|see|seeing|saw|visit|visiting|call|called) (?:the|a|her|his|their|my) $)"
)
_GENERAL = re.compile(
    r"\b(?:patients (?:often|sometimes|frequently|usually|may|who|ask)|many of my patients"
    r"|most of my patients|some of my patients|a lot of my patients|people who)\b",
    re.IGNORECASE,
)
# A noun for a person by its ending ('midwife', 'dermatologist', 'grocer'), not a place or a thing that ends alike.
_PERSON_NOUN = (
    r"(?!(?:center|centre|shelter|theater|theatre|floor|door|corridor|monitor|ventilator|river|water|tower|harbou?r"
    r"|corner|border|computer|scanner|elevator|generator|counter|trailer|number|order|other|letter|paper|hospital"
    r"|clinic|station|pharmacy|bakery|diner)\b|[a-z]*(?:ologist|iatrician|physician)\b)"
    r"[a-z]+(?:ist|ian|wife|man|woman|er|or)"
)
# A role only one person holds, in a sentence about their care: 'the county's longest-serving sheriff, presenting
# with chest pain', 'the town's only veterinarian, injured in ...', 'the high school's head football coach'.
_UNIQUE_ROLE = re.compile(
    r"\b(?i:(?:the|our|this) (?:[\w-]+ ){0,2}?(?:town|county|city|village|school|state|team|church|parish|district"
    r"|department|station|paper|club|university|college|league)['’]s (?:only|sole|first|longest[- ]serving|oldest"
    r"|youngest|head|chief|current|former|longtime|star|top|new)(?: [\w-]+){0,2}? "
    rf"(?:{OCCUPATION})"
    rf"|(?:the|our) (?:only|sole|longest[- ]serving|oldest|youngest|tallest|shortest|heaviest|last)"
    rf" (?:[\w-]+ ){{0,2}}?(?:{OCCUPATION}|{_PERSON_NOUN}|person|guy|lady|girl|boy|kid)"
    r" (?:in|at|for|of|on) "
    # (a place by what it is: 'on the lake', 'in our county', 'on the river')
    r"(?:town|the (?:county|town|village|city|school|state|district|valley|island|lake|river|bay|coast|block"
    r"|reservation|base|ship|force|team|squad|crew)|our (?:town|county|school|village|city|church|valley|island)"
    # ... or a place by its name: 'the only female firefighter in Pickerington'.
    r"|(?-i:[A-Z][a-z]{3,}))"
    # an office one person holds for a place: 'the mayor of worthington', 'the principal of Westerville High'
    r"|(?:the|our|your) (?:former |new |current )?(?:mayor|sheriff|police chief|fire chief|superintendent|principal"
    r"|head coach|bishop|governor|county commissioner|city manager|postmaster|school board president)"
    r" of (?:the |our )?[a-z][a-z-]{2,}(?: [a-z][a-z-]{2,})?"
    # ... or with the place before it: 'the Worthington council president', 'the Hilliard Darby quarterback'
    r"|(?:the|our) (?-i:[A-Z][a-z]{3,}(?: [A-Z][a-z]{3,})?) (?:city |county |village |school |high school |varsity )?"
    r"(?:mayor|council president|council member|councilman|councilwoman|police chief|fire chief|superintendent"
    r"|principal|head coach|coach|sheriff|judge|pastor|quarterback|pitcher|point guard|valedictorian|fire captain))\b"
)
# The same role only one person holds, in Spanish, Portuguese, French and Italian: 'el pastor de la única iglesia
# hispana del condado', 'le seul chef étoilé de la ville', 'o único barbeiro da cidade', "l'unico farmacista del paese".
_FOREIGN_ROLE = (
    r"pastor|pastora|cura|sacerdote|alcalde|alcaldesa|sheriff|maestr[oa]|profesor[a]?|entrenador[a]?|chef|cociner[oa]"
    r"|bombero|policía|jueza?|panader[oa]|barbero|bibliotecari[oa]|cartero|granjer[oa]|dueñ[oa]|director[a]?"
    r"|curé|pasteur|maire|professeur|institut(?:eur|rice)|entraîneur|boulang(?:er|ère)|coiffeu(?:r|se)|pompier"
    r"|policier|juge|facteur|agricult(?:eur|rice)|patron(?:ne)?|propriétaire|directeu(?:r|rice)"
    r"|padre|prefeit[oa]|professor[a]?|treinador[a]?|padeiro|barbeiro|bombeiro|policial|juiz[a]?|carteiro"
    r"|fazendeir[oa]|don[oa]|diretor[a]?|parroco|sindaco|maestro|allenatore|fornaio|barbiere|pompiere|poliziotto"
    r"|giudice|postino|contadino|proprietario|preside"
)
# (the place the role is the only one of: 'del condado', 'de la ville', 'da cidade', 'del paese', 'en el pueblo')
_ONE_PLACE = (
    r"del condado|de la ciudad|del pueblo|de la ville|du village|du comté|de la région|da cidade|do condado"
    r"|da vila|do bairro|della città|del paese|del quartiere|de la zona|del barrio"
    r"|en (?:el|la) (?:condado|ciudad|pueblo)|en ville|na cidade|in città|in paese"
)
_ONLY = r"(?:únic[oa]|seule?|unique|unic[oa]|sol[oa])"
_FOREIGN_UNIQUE_ROLE = Lowered(
    rf"(?i:\b(?:{_FOREIGN_ROLE})\b[^.;!?]{{0,60}}?\b{_ONLY}\b[^.;!?]{{0,40}}?\b(?:{_ONE_PLACE})\b"
    rf"|\b(?:el|la|le|o|a|l'|il)\s*{_ONLY}\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_FOREIGN_ROLE})"
    rf"\b[^.;!?]{{0,40}}?\b(?:{_ONE_PLACE})\b)"
)
_FOREIGN_ROLE_GATE = Lowered(rf"(?i:\b{_ONLY}\b)")


# The sentence is about that person's care: a note's or a visit's wording.
_CARE_CUE = re.compile(
    r"\b(?i:present(?:s|ed|ing)|admitted|admit|seen (?:in|at|by|for|today|yesterday|overnight)|pt|patient|hpi|ed|er"
    r"|icu|intubated|treated|came in|brought in"
    r"|s/p|injured|diagnosed|discharged|consult(?:ed)?|collapsed|scoped|operated|casted|fractured?|burns?"
    # The person's own complaint, as a caller tells it: 'I've been having chest pains'.
    r"|been having|in for (?:chest|his|her|a|an|the|some|abdominal|back|belly|head)|in with (?:chest|his|her|a|an))\b"
)
_UNIQUE_GATE = _OCCUPATION_GATE | frozenset(
    {"only", "sole", "longest", "oldest", "youngest", "first", "tallest", "shortest", "heaviest", "last"}
)
# A first or an only that history records, in a sentence of someone's care: 'the first set of identical quadruplets
# ever born at our hospital went home after 71 days with us' names them as surely as their names would.
_FIRST_EVER = Lowered(
    r"(?i:\b(?:the|our) (?:very )?(?:first|only)\b[^.;!?]{0,60}?\b(?:ever\b|in (?:our|the) (?:hospital|state|county"
    r"|city|region|country)['’]?s? history|in (?:\w+ )?history))"
)
_BIRTH_OR_STAY = Lowered(
    r"(?i:\b(?:born|delivered|went home|going home|discharged|with us|in our (?:NICU|ICU|PICU|unit|care)|transplant"
    r"|separated|surviv\w+)\b)"
)
_FIRST_PERSON = re.compile(r"\b(?:I|we|my|our)\b")
_REASON = "describes a particular patient in enough detail that someone could recognise them"


def find_stories(text: str, spans: list[tuple[int, int]], words: frozenset[str] | None = None) -> Iterator[Finding]:
    """A particular person plus an identifying detail in the same sentence (or the next one)."""
    if words is None or words & _OCCUPATION_GATE:
        for match in _OCCUPATION_WORD.finditer(text):
            before = _DETERMINER_BEFORE.search(text, max(0, match.start() - 40), match.start())
            if before is not None:
                yield Finding("patient_story", before.start(), match.end(), _REASON)
    for start, end in spans if words is None or words & _UNIQUE_GATE else ():
        for match in _UNIQUE_ROLE.finditer(text, start, end):
            if _CARE_CUE.search(text, start, end):
                yield Finding("patient_story", match.start(), match.end(), _REASON)
        for match in _FIRST_EVER.finditer(text, start, end):
            if _CARE_CUE.search(text, start, end) or _BIRTH_OR_STAY.search(text, start, end):
                yield Finding("patient_story", match.start(), match.end(), _REASON)
    if _FOREIGN_ROLE_GATE.search(text):
        for match in _FOREIGN_UNIQUE_ROLE.finditer(text):
            yield Finding("patient_story", match.start(), match.end(), _REASON)
    # (one scan says whether any sentence has an anchor: most texts have none, and then no sentence is searched)
    for index, (start, end) in enumerate(spans if _ANCHOR.search(text) is not None else ()):
        anchor = _ANCHOR.search(text, start, end)
        if anchor is None:
            continue
        story_end = spans[index + 1][1] if index + 1 < len(spans) else end
        details = [
            d
            for d in _DETAIL.finditer(text, start, story_end)
            if not (anchor.start() <= d.start() and d.end() <= anchor.end())
            and not (
                _OCCUPATION_ONLY.fullmatch(d.group(0))
                and _VISITED_BEFORE.search(text, max(0, d.start() - 20), d.start())
            )
        ]
        age_in_anchor = re.search(r"\d[- ](?:year|yr|month|week)", anchor.group(0))
        if not details:
            # "A 30-year-old can usually skip this test" is general; "the 30-year-old I saw" is not.
            if not age_in_anchor or _GENERAL.search(text, start, end):
                continue
            if not _FIRST_PERSON.search(text, start, end):
                continue
        last = max([anchor.end(), *(d.end() for d in details)])
        yield Finding("patient_story", anchor.start(), last, _REASON)
