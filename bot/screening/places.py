"""Street addresses and places smaller than a state (city, county, ZIP) tied to a person."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.screening.context import context_care, person_cue_by_sentence, sentence_at
from bot.screening.dates import GATHERING
from bot.screening.facilities import VENUE, words
from bot.screening.findings import Finding
from bot.screening.lay_titles import LAY_TITLES
from bot.screening.memo import memo
from bot.screening.public_figures import care_given

_SUFFIX = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl"
    r"|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Trail|Trl|Pike|Square|Sq|Loop|Row"
    r"|Alley|Crescent|Close|Run|Path|Ridge|Hollow|View|Mews|Grove|Gardens|Green|Walk|Rise|Heights|Parade|Quay"
    r"|Wharf|Vale|Gate|Hill|Park)"
)
_WORD = r"(?:[A-Z][A-Za-z'-]*\.?|\d+(?:st|nd|rd|th))"
_UNIT = r"(?:,?\s*(?:Apt|Apartment|Unit|Suite|Ste|Lot|#)\.?\s*#?[A-Za-z0-9-]+)?"
_NUMBERED = re.compile(
    rf"\b\d{{1,6}}[A-Z]?\s+(?:[NSEW]\.?\s+|(?:North|South|East|West)\s+)?(?:{_WORD}\s+){{1,3}}"
    rf"{_SUFFIX}\b\.?{_UNIT}"
    r"|\b(?:P\.?\s?O\.?\s?Box|Box|Apt\.?|Apartment|Unit|Lot|Rural Route|Route)\s+#?\d+[A-Za-z]?\b(?![-/]\d)"
    # a rural road by its number: 'County Road 14', 'Township Road 112', 'Farm to Market 1960'
    r"|\b(?:[Cc]ounty|[Tt]ownship|[Ff]arm[- ]to[- ][Mm]arket)\s+(?:[Rr]oad|Rd\.?|[Rr]oute|Rte\.?|[Hh]ighway|Hwy\.?)?\s*"
    r"#?\d{1,4}[A-Za-z]?\b"
    # 'RR' is a rural route only with its box ('RR 2 Box 14'); alone it is a respiratory rate ('RR 16').
    r"|\bRR\s+#?\d+[A-Za-z]?,?\s+Box\s+#?\d+\b"
    # the other languages' order: 'Lindenstraße 14', 'au 8 rue des Lilas', 'Rua das Flores, 120', 'via Roma 5'
    r"|\b[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|weg|gasse|allee|platz|ring|damm)\s+\d{1,4}[a-z]?\b"
    r"|\b\d{1,5},?\s+(?:rue|avenue|boulevard|bd|chemin|impasse|allée|place)\s+(?:d[eu']\s?|des\s+|de la\s+)?"
    r"[A-ZÉ][\w'-]+"
    r"|\b(?:[Cc]alle|[Aa]venida|[Aa]vda\.|[Rr]ua|[Tt]ravessa|[Vv]ia|[Vv]iale|[Pp]iazza|[Cc]orso)\s+(?:d[aeoi]s?\s+|del\s+|della\s+)?"
    r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?,?\s+(?:n[º°o]\.?\s*)?\d{1,5}\b"
)
# A house number read aloud in a transcript: 'I live on twelve forty five Maple Street', 'address is one
# two three elm road', 'it's, um, four one one Oak Lane'. Two or more number words after 'at / on / is / it's',
# then up to three words and a street word.
_SPOKEN_NUM = (
    r"(?:oh|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred"
    r"|thousand)"
)
_SPOKEN_STREET = re.compile(
    rf"(?i:\b(?:at|on|is|it['’]?s|that['’]?s|address|live|lives)[\s,:]+(?:(?:uh|um|er)[\s,]+)?"
    rf"({_SPOKEN_NUM}(?:[\s-]+{_SPOKEN_NUM}){{1,5}}\s+(?:[a-z][a-z'-]*\s+){{1,3}}"
    r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|court|terrace|circle|parkway|highway)\b))"
)
# The same typed in lower case, as chat types it ('lives at 412 oak street', '1520 e broad st'): held only in a
# sentence about someone, and never when the words between are a distance or a time ('5 minutes down the road').
_LOWER_NUMBERED = re.compile(
    r"\b\d{1,6}\s+(?:[nsew]\.?\s+|(?:north|south|east|west)\s+)?"
    r"((?:(?!(?:minutes?|mins?|miles?|hours?|hrs?|days?|weeks?|blocks?|feet|ft|steps|down|up|the|a|on|of|my|his|her)\b)"
    r"[a-z][a-z'-]*\s+){1,3})(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl"
    r"|terrace|circle|cir|parkway|pkwy|highway|hwy|pike|trail|trl)\b\.?(?:,?\s*(?:apt|apartment|unit|suite|ste|lot|#)"
    r"\.?\s*#?[a-z0-9-]+)?"
)
# A street named without its number, in lower case, in a sentence about someone: 'the nursing home on alum creek
# drive' (not 'on the road', 'on a test drive').
_LOWER_NAMED_STREET = re.compile(
    r"\b(?:on|off)\s+((?!(?:the|a|an|my|his|her|their|our|your|this|that|test|long|short|scenic|country|main)\b)"
    r"[a-z][a-z'-]*\s+(?:[a-z][a-z'-]*\s+)?(?:street|avenue|road|drive|lane|boulevard|court|pike|parkway))\b"
)
_NAMED_STREET = re.compile(rf"\b(?:on|off|at|near|by)\s+((?:{_WORD}\s+){{1,3}}{_SUFFIX})\b\.?")

STATES = frozenset(
    """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia
    Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts
    Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon
    Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming
    Puerto Rico Guam""".split()
) | frozenset(
    {
        "New Hampshire",
        "New Jersey",
        "New Mexico",
        "New York",
        "North Carolina",
        "North Dakota",
        "Rhode Island",
        "South Carolina",
        "South Dakota",
        "West Virginia",
        "Puerto Rico",
        "Rico",
        "Puerto",
        "District of Columbia",
        "DC",
        "D.C.",
    }
)
_PATIENT = re.compile(r"\bpatient\b", re.IGNORECASE)
_STATE_ABBR = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ"
    "|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|PR"
)
_LARGE_PLACES = frozenset(
    """America USA US U.S. Canada Mexico Europe Asia Africa China India Japan Korea Vietnam
    Philippines Guatemala Honduras Salvador Brazil Colombia Peru Cuba Haiti Jamaica Ireland
    England Britain UK Germany France Italy Spain Poland Russia Ukraine Israel Iran Iraq Syria
    Nigeria Ghana Kenya Ethiopia Somalia Egypt Pakistan Bangladesh Australia Midwest South North
    East West Northeast Southwest Northwest Southeast New England Appalachia Pacific Atlantic
    Caribbean Latin Central Middle Gulf Coast""".split()
)
_ZIP = re.compile(
    r"(?i:\b(?:zip|zip code|zipcode|postal code)\b)[\s:#]*(?:is\s+|of\s+)?(\d{5}(?:-\d{4})?)\b"
    rf"|\b(?:{_STATE_ABBR}),?\s+(\d{{5}}(?:-\d{{4}})?)\b"
    r"|\b(?:in|from|near|to)\s+(\d{5})\b(?!\s*(?:mg|units|steps|people|patients|cases|deaths|feet|%))"
)
# The one person a reply answers ('To the person in 43213 asking about ...'): as particular as a patient.
_ONE_WHO_WROTE = re.compile(r"(?i:\b(?:the|that|this) (?:person|commenter|reader|reviewer|poster|caller|follower)\b)")
_REGION_WORDS = r"(?:County|Parish|Township|Borough|Village|Heights|Hills|Springs|Falls|Junction|City)"
_REGION = re.compile(rf"\b(?:[A-Z][a-z]+\s+){{1,2}}{_REGION_WORDS}\b")
# ... and in lower case, as chat writes it ('out in hardin county'), a name before 'county' and no word that only
# says which county ('the county', 'our county', 'every county', 'a rural county').
_REGION_LOWER = re.compile(
    r"\b(?!(?:the|this|that|every|each|our|your|their|his|her|my|same|whole|home|rural|neighboring|neighbouring|next"
    r"|other|one|any|a|an|big|small|poor|local|nearby|surrounding|adjacent|own|entire|another|which|what|dry|wet"
    r"|collar|border|suburban|urban|coastal|mountain)\b)([a-z][a-z'-]{2,})\s+(?:county|parish|township)\b"
)
_MOVE = (
    r"(?:lives|living|lived|live|resides|residing|moved|moving|relocated|grew up|raised|born"
    r"|hometown(?: of| is)?|in the (?:town|city|village) of|out in|over in|up in|down in"
    r"|commutes? from|drove (?:in |up |down )?from|came (?:in |up |down )?from|comes from"
    r"|visiting from|from|farm (?:in|near|outside)|house (?:in|near)|home (?:in|near)|works? in)"
)
_CITY = re.compile(
    rf"\b{_MOVE}\s+(?:in\s+|to\s+|from\s+|near\s+|outside(?: of)?\s+|just outside(?: of)?\s+)?"
    r"(?:the\s+)?((?:[A-Z][a-zA-Z'-]+|St\.)(?:\s+[A-Z][a-zA-Z'-]+){0,2})"
)
_NOT_PLACES = frozenset(
    """I The A An Dr ER ICU ED Medicare Medicaid COVID Christmas Thanksgiving Easter
    God Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Spanish English""".split()
) | frozenset(t.form.capitalize() for t in LAY_TITLES)


# A public venue just before a street address: the hospital's or an event's, not where someone lives.
_VENUE_BEFORE = re.compile(
    rf"(?i:\b(?:{words(VENUE)})\b[^.!?\n\d]{{0,12}}[,:(–—-]?\s*$"
    # a meeting room or floor named just before: 'in Room 204, 123 Main St.', 'Conference Room B, 450 Elm Avenue'
    r"|\b(?:room|suite|floor|hall)\s+[\w-]{1,5}\s*[,:(–—-]\s*$"
    # the practice's own site and its address: 'our urgent care at 1400 Lakeshore Drive', 'our new clinic on'
    r"|\bour (?:new |main |walk-in )?(?:urgent care|clinic|office|practice|hospital|campus|lab|pharmacy|center"
    r"|location|site)\s+(?:at|on|is at|is on|moved to|is now at)\s*$)"
)
# 'Dr.' before a given and family name ends no street: '10–14 Uhr. Dr. Loretta Wade beantwortet ...'.
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+")


def _normal_address(value: str) -> str:
    value = re.sub(r"[^a-z0-9 ]", " ", value.lower())
    return " ".join(value.split()[:2])


def find_addresses(text: str, spans: list[tuple[int, int]], allowed: frozenset[str]) -> Iterator[Finding]:
    """Street addresses (number + street, PO boxes, apartments) and named streets near a person."""
    allowed_norm = {_normal_address(a) for a in allowed}
    person_cue = person_cue_by_sentence(text)
    about_someone = memo(lambda sentence: person_cue(sentence) or _PATIENT.search(text, *sentence) is not None)
    # A gathering the public is asked to (a fair, a 5K, an open house) just before: in a text that gives no one
    # care, the address is where the public is asked to come.
    care = memo(lambda: context_care(text))
    for match in _NUMBERED.finditer(text):
        if _normal_address(match.group(0)) in allowed_norm:
            continue
        if match.group(0).endswith("Dr.") and _NAME_AFTER.match(text, match.end()):
            continue  # '10–14 Uhr. Dr. Loretta Wade beantwortet ...': a doctor, not a drive
        sentence = sentence_at(spans, match.start())
        if (
            _VENUE_BEFORE.search(text, max(0, match.start() - 40), match.start())
            or (GATHERING.search(text, max(0, match.start() - 80), match.start()) and not care())
        ) and not about_someone(sentence):
            continue  # 'in the Bennett Auditorium, 1400 Lakeshore Drive', 'health fair at 500 W. Broad St.'
        yield Finding("address", match.start(), match.end(), "looks like a street address")
    for match in _LOWER_NUMBERED.finditer(text):
        if _normal_address(match.group(0)) in allowed_norm or not about_someone(sentence_at(spans, match.start())):
            continue
        yield Finding("address", match.start(), match.end(), "looks like a street address")
    for match in _LOWER_NAMED_STREET.finditer(text):
        if about_someone(sentence_at(spans, match.start())):
            yield Finding("address", match.start(1), match.end(1), "names the street where a particular person lives")
    for match in _SPOKEN_STREET.finditer(text):
        yield Finding("address", match.start(1), match.end(1), "looks like a street address, read aloud")
    for match in _NAMED_STREET.finditer(text):
        words = match.group(1).split()
        if words[0] in _NOT_PLACES or words[0] in ("Dr.",):
            continue
        if any(a.split()[1:2] == [words[0].lower()] for a in allowed_norm):
            continue
        sentence = sentence_at(spans, match.start())
        if about_someone(sentence):
            yield Finding(
                "address", match.start(1), match.end(1), "names the street where a particular person lives or works"
            )


# A town and its state's postal code, as a note or a form writes where someone lives ('78 yo M Westerville OH',
# 'Hilliard, OH'). Without the comma, not the codes that are also words or credentials in a note ('Smith MD',
# 'to the OR', 'IN', 'ME', 'CO'); with it, not 'MD' or 'PA' ('Jane Roe, MD').
_AMBIGUOUS_CODES = "MD|PA|OR|IN|ME|OK|CO|DE|HI|ID|LA|MA|MI|DO|NE|SC"
_TOWN_STATE = re.compile(
    rf"\b((?:[A-Z][a-z]+\s+)?[A-Z][a-z]{{2,}}),\s+(?!MD\b|PA\b)(?:{_STATE_ABBR})\b(?!-)"
    rf"|\b((?:[A-Z][a-z]+\s+)?[A-Z][a-z]{{2,}})\s+(?!(?:{_AMBIGUOUS_CODES})\b)(?:{_STATE_ABBR})\b(?![-'’])"
)
_REGION_GATE = frozenset(re.findall(r"[a-z]+", _REGION_WORDS.lower()))
_MOVE_GATE = frozenset(re.findall(r"[a-z]+", _MOVE.lower())) - {"the", "of", "in", "is", "to"}


_EVENT_NOUNS = frozenset(
    "Open Marathon Classic Games Olympics Cup Series Championship Championships Bowl Festival Fair Tournament"
    " Invitational Expo Conference Summit Derby Regatta Rodeo Parade Gala".split()
)
_STATE_CODE_WORDS = frozenset(_STATE_ABBR.lower().split("|"))


def find_geography(
    text: str,
    spans: list[tuple[int, int]],
    allowed_words: frozenset[str],
    words: frozenset[str] | None = None,
) -> Iterator[Finding]:
    """Towns, counties and ZIP codes that locate a particular person more finely than a state."""
    digits = words is None or any(c.isdigit() for c in text)
    about_someone = person_cue_by_sentence(text)
    for match in _ZIP.finditer(text) if digits else ():
        group = next(i for i in (1, 2, 3) if match.group(i))
        sentence = sentence_at(spans, match.start())
        if group == 3 and not (about_someone(sentence) or _ONE_WHO_WROTE.search(text, *sentence)):
            continue
        yield Finding("geography", match.start(group), match.end(group), "looks like a ZIP code")
    patterns = [
        p
        for p, gate in ((_REGION, _REGION_GATE), (_REGION_LOWER, _REGION_GATE), (_CITY, _MOVE_GATE))
        if words is None or words & gate
    ]
    if words is None or words & _STATE_CODE_WORDS:
        patterns.append(_TOWN_STATE)
    for pattern in patterns:
        for match in pattern.finditer(text):
            group = 1 if pattern is _CITY else 0
            if pattern is _TOWN_STATE:
                group = 1 if match.group(1) else 2
            place = match.group(group)
            parts = place.split()
            # 'the South', 'West Texas' are regions; 'North Mollyside', 'New Holland' are towns.
            if place in STATES or parts[0] in _NOT_PLACES or all(p in _LARGE_PLACES or p in STATES for p in parts):
                continue
            if place in _LARGE_PLACES or all(w.lower() in allowed_words for w in parts):
                continue
            if parts[-1] in _EVENT_NOUNS:
                continue  # 'withdrew from the US Open', 'came from the Boston Marathon': an event, not a town
            if not about_someone(sentence_at(spans, match.start())):
                continue
            own = sentence_at(spans, match.start())
            if place_statistic(text, match.start(group), own) and not care_given(text, *own):
                continue  # 'Infant mortality in Franklin County is twice as high ...': everyone's county
            yield Finding(
                "geography",
                match.start(group),
                match.end(group),
                "names a town, county or area where a particular person lives",
            )


# A place as the subject of a figure about everyone who lives there: 'Columbus, Ohio has one of the higher infant
# mortality rates among big US cities', 'Dayton ranks third for overdoses', 'In Franklin County, 1 in 3 adults ...'.
# A town so used is public geography, not where a particular person lives.
_PLACE_STATISTIC = re.compile(
    r"(?i:\b(?:rates?|ranks?|ranked|ranking|per capita|per 1,?000|per 100,?000|percent|prevalence|incidence"
    r"|residents|population"
    r"|among (?:(?:big|large|major|small|us|u\.s\.|american|ohio)\s+)*(?:cities|counties|states|towns)"
    r"|highest|lowest|one in \w+|\d+ in \d+|\d+(?:\.\d+)?\s?%|mortality|morbidity|life expectancy"
    r"|(?:twice|three times|four times) as (?:high|likely|many)|more likely|less likely|per resident|per person"
    r"|fewest|most|shortage|doctors per)\b)"
)


def place_statistic(text: str, start: int, sentence: tuple[int, int]) -> bool:
    """Does the place at `start` lead its sentence (alone or after 'in') in a figure about everyone living there?"""
    lead = text[sentence[0] : start].strip(" \t\n\"'(-").lower()
    # (or after 'in' at the end of the figure's subject: 'Infant mortality in Franklin County is twice as high ...')
    return (lead == "" or _IN_AT_END.search(lead) is not None) and _PLACE_STATISTIC.search(text, *sentence) is not None


_IN_AT_END = re.compile(r"(?:^|\s)(?:in|across|throughout|all over)$")
