"""Exact-shape identifiers: ID codes, image file names, IBANs, coordinates and room numbers."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from bot.screening.context import person_cue_by_sentence, sentence_at
from bot.screening.dates import GATHERING
from bot.screening.findings import Finding
from bot.screening.memo import memo

# A code: letters and at least three digits in one token ('VRC853', 'FP-5113W', 'CRIMSON-0447').
# (a code has three digits or more and a letter, which the look-aheads ask first: every word of a text is tried;
# they look a bounded way ahead, or 'A-A-A-…' would be rescanned from every letter)
_CODE = re.compile(
    r"(?<![\w/.-])(?=#?(?:[\w-]{0,40}?\d){3})(?=#?[\w-]{0,80}?[A-Za-z])"
    r"#?[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*(?![\w-]|\.\d)"
)
# Clinical and everyday tokens with letters and digits that identify no one.
_NOT_CODE = re.compile(
    r"(?i:\d+(?:mg|mcg|ml|g|kg|lbs?|iu|mm|cm|km|mi|am|pm|hrs?|h|min|s|x|k|st|nd|rd|th|yo|y|mo|wk|wks|yrs?|ft|in"
    r"|cc|mmhg|bpm|mph|f|c|d|m|mmol|ng|dl|l|pct|u|v|w|hz|kw|kwh|mah)"
    r"|(?:ca|covid|sars|h\d+n|brca|phq|gad|icd|cpt|glp|her|hba1c|a1c|cd|il|t|l|c|s|p|n|b|e|g|d|x|v|k|a|ft|t|mk"
    r"|iphone|pixel|galaxy|windows|ios|android|usb|mp|wifi|covid|f|w|k)[-_]?\d{1,4}"
    # a highway ('I-670', 'US-33', 'SR-161')
    r"|(?:i|us|sr|hwy|route|rt)-\d{1,3}"
    r"|\d{1,4}[-_]?(?:year|month|week|day|hour|minute|step|mile|unit|dose|point|pound|ounce|s)s?)"
)
# Clinical notation with letters and digits that names a finding, never a person: gestational age
# ('32w4d'), Glasgow coma parts ('E4V4M6'), parity and GPA ('G2P1', 'G3P2002', 'G4P3A1'),
# TNM staging ('T2N0M0', 'pT1cN0(sn)M0', 'ypT0N1a'), ECG leads and vertebral levels ('V4-V6', 'L4-L5',
# 'C5-C6'), dosing frequencies ('q4-6h', 'q12h').
_CLINICAL_NOTATION = re.compile(
    r"(?i:\d{1,2}\s?w(?:k|ks)?\s?\d{1,2}\s?d"
    r"|g\d{1,2}\s?p\d{1,4}(?:a\d{1,2}|ab\d{1,2}|l\d{1,2})*"
    r"|[cpyr]{0,2}t(?:[0-4x]|is)[a-d]?\d?(?:[-_/]?[cpyr]{0,2}n[0-3x][a-c]?(?:\(\w+\))?)?(?:[-_/]?[cpyr]?m[01x][a-c]?)?"
    r"|[cpyr]{0,2}n[0-3x][a-c]?(?:\(\w+\))?[-_/]?[cpyr]?m[01x][a-c]?"
    r"|(?:v|l|c|t|s)\d{1,2}[-_](?:v|l|c|t|s)\d{1,2}"
    r"|q\d{1,2}(?:[-_]\d{1,2})?(?:h|hr|hrs|min|d|wk)?"
    r"|e[1-4]v[1-5t]m[1-6])"  # a Glasgow coma score by part
)
_PHOTO_FILE = re.compile(r"\b[\w-]+\.(?:jpe?g|png|heic|gif|bmp|tiff?|mp4|mov|avi|webp|dcm)\b", re.IGNORECASE)
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
_COORDINATES = re.compile(
    r"-?\d{1,2}\.\d{3,}\s*°?\s*[NS]?\s*,\s*-?\d{1,3}\.\d{3,}\s*°?\s*[EW]?"
    r"|\d{1,2}°\s*\d{1,2}['′]\s*(?:\d{1,2}(?:\.\d+)?[\"″]\s*)?[NS]\s*,?\s*\d{1,3}°\s*\d{1,2}['′]"
    r"\s*(?:\d{1,2}(?:\.\d+)?[\"″]\s*)?[EW]"
)
_SPOKEN_NUMBER = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|oh)"
)
# A staff room ('conference room 4B', 'meeting rm 2') is where colleagues meet, not where someone stays.
_ROOM = re.compile(
    r"(?i:\b(?<!conference )(?<!meeting )(?<!class)(?<!break )(?<!board )(?<!training )(?<!lecture )(?<!huddle )"
    r"(?<!staff )(?<!conf )(?<!conf\. )(?<!seminar )(?<!community )(?<!media )(?<!call )"
    r"(?:room|rm|bed|unit|apt|suite|cell|habitaci[oó]n|cuarto|quarto|leito|cama|chambre|lit|zimmer|bett|stanza"
    r"|letto)\.?\s*#?\s*)(\d{1,4}[A-Za-z]?(?:-[A-Za-z0-9]+)?"
    # read aloud: 'room four twelve', 'bed twenty-two B'
    rf"|{_SPOKEN_NUMBER}(?:[ -]{_SPOKEN_NUMBER}){{0,2}}(?: [A-Da-d])?)\b"
    # ('going to bed 15 minutes earlier' is a time, not a bed)
    r"(?!\s*(?:minutes?|mins?|hours?|hrs?|seconds?|days?|nights?|weeks?|times?|percent|%|degrees?))"
)
# A plate without a label: two short letter-and-digit groups in a sentence about a vehicle ('tag' in lower case:
# German's 'pro Tag' is a day).
# The look-aheads stay within the plate's nine characters: unbounded, they scan to the end from every word.
_PLATE = re.compile(r"\b(?=[A-Z0-9 -]{0,8}\d)(?=[A-Z0-9 -]{0,8}[A-Z])[A-Z0-9]{2,4}[ -][A-Z0-9]{2,4}\b")
_VEHICLE_WORDS = re.compile(
    r"(?i:\b(?:car|truck|van|minivan|suv|sedan|pickup|jeep|motorcycle|civic|camry|accord|corolla|f-150|tesla"
    r"|prius|silverado|wrangler|outback|plates?|(?-i:tags?)|parked|drives? a|driving a)\b)"
)
_LONG_NUMBER = re.compile(r"(?<![\w$.,/-])#?\d{6,}(?![\w.,/%-]|\s*(?:people|patients|cases|steps|dollars|%))")
_ID_CUE = re.compile(
    r"(?i:\b(?:id|#|no|number|code|wristband|band|tag|badge|inmate|participant|subject|study|trial|record"
    r"|template|enrollment|case|ticket|file|ref|reference|pt|patient|member|bed|locker)\b|#)\W{0,3}\S*\W{0,3}$"
)


def _luhn_free_code(token: str) -> bool:
    if sum(map(str.isdigit, token)) < 3 or not any(map(str.isalpha, token)) or _NOT_CODE.fullmatch(token.lstrip("#")):
        return False
    if _CLINICAL_NOTATION.fullmatch(token):
        return False  # a clinical notation family (gestational age, parity, TNM stage, dosing): no ID
    # Joined everyday tokens ('10am-4pm', '5mg-10mg') are no code either, nor a range whose unit is
    # written once ('48-72h', '2-3wks').
    parts = re.split(r"[-_]", token.lstrip("#"))
    # ('8-to-12-week', '2-or-3-day': a range spelt out, its joining word no part of a code)
    return not all(
        _NOT_CODE.fullmatch(part) or part.isdigit() and len(part) <= 4 or part in _RANGE_WORDS for part in parts
    )


_RANGE_WORDS = frozenset(
    "to or and per by a an year years month months week weeks day days hour hours minute minutes mile miles"
    " dose doses step steps early mid late".split()  # ('early-1900s', 'mid-1980s': a decade, no code)
)


# Numbers of the hospital's own work: an IT ticket, a purchase order, a software version, a room booking; or of a
# product batch ('vaccine lot 4H27B, exp 11/2026'), which every dose from it shares.
_OWN_RECORD_BEFORE = re.compile(
    r"(?i:\b(?:ticket|incident|change request|work order|purchase order|PO|invoice|version|release|build|model"
    r"|part|sku|flight|lots?|batch(?:es)?|NDC|catalog|cat\.)\s*(?:numbers?|no\.?|#)?\s*:?\s*$"
    # ... and the other end of a range of them: 'lots 4471A–4479A'
    r"|\b(?:lots|batches)\s+\w+\s*(?:–|-|to|through)\s*$)"
)


_VANITY_TOLL_FREE = re.compile(r"(?:1[ .-]?)?8(?:00|33|44|55|66|77|88)[ .-][A-Z0-9][A-Z0-9-]{3,}")
# A ticket system's own numbering ('INC0012345', 'RITM0042', 'CHG0031'): IT's records, not a person's ID.
_TICKET = re.compile(r"(?:INC|RITM|REQ|CHG|PRB|TASK|SCTASK|CS)\d{4,}\b")


def find_codes(text: str, spans: list[tuple[int, int]]) -> Iterator[Finding]:
    """Alphanumeric ID codes and long bare numbers tied to a person or introduced as an ID."""
    for match in _CODE.finditer(text):
        token = match.group(0)
        if not _luhn_free_code(token) or _PHOTO_FILE.fullmatch(token):
            continue  # every word is a candidate token: the cheap test first
        if _OWN_RECORD_BEFORE.search(text, max(0, match.start() - 20), match.start()) or _TICKET.match(token):
            continue  # 'Ticket IT-44821 closed by the web team': the hospital's own work order, no one's ID
        if _VANITY_TOLL_FREE.fullmatch(token):
            continue  # '1-800-QUIT-NOW': a hotline spelled in letters, an organisation's, as every toll-free number is
        yield Finding("other_id", match.start(), match.end(), "looks like an ID code that could identify someone")
    about_someone = person_cue_by_sentence(text)
    for match in _LONG_NUMBER.finditer(text):
        before = text[max(0, match.start() - 30) : match.start()]
        if _OWN_RECORD_BEFORE.search(before):
            continue  # 'Ticket 4471203', 'opened ticket #00482913': the hospital's own work order
        cued = _ID_CUE.search(before) or match.group(0).startswith("#")
        if cued or about_someone(sentence_at(spans, match.start())):
            yield Finding("other_id", match.start(), match.end(), "looks like an ID number that could identify someone")
    about_a_vehicle = memo(lambda sentence: _VEHICLE_WORDS.search(text, *sentence) is not None)
    for match in _PLATE.finditer(text):
        if not any(c.isdigit() for c in match.group(0)):
            continue  # ('ITS THE 3RD PLATE': the look-ahead saw the digit of the next word, not of the plate)
        sentence = sentence_at(spans, match.start())
        if about_a_vehicle(sentence) and not _IBAN.match(text, match.start()):
            yield Finding("vehicle", match.start(), match.end(), "looks like a vehicle licence plate")
    for match in _IBAN.finditer(text):
        # (an IBAN called one is one, whatever its check digits: people mistype them)
        if _iban_ok(match.group(0)) or _IBAN_LABEL.search(text, max(0, match.start() - 12), match.start()):
            yield Finding("account", match.start(), match.end(), "looks like a bank account number (IBAN)")
    for match in _COORDINATES.finditer(text):
        yield Finding("geography", match.start(), match.end(), "looks like map coordinates of a place")
    # A room in a sentence about a class, meeting or event with no one in it ('the diabetes class moved to Room
    # 214') is where people gather, not where a person stays.
    gathering = memo(lambda sentence: GATHERING.search(text, *sentence) is not None and not about_someone(sentence))
    for match in _ROOM.finditer(text):
        if match.group(0)[:2].lower() in ("su", "st", "un", "ap") and _ADDRESS_LEAD.search(
            text, max(0, match.start() - 60), match.start()
        ):
            continue  # 'Westside Clinic, 740 Maple Blvd, Suite 12': the address's own tail, read with the address
        sentence = sentence_at(spans, match.start())
        if gathering(sentence) or (not about_someone(sentence) and gathering(_sentence_before(spans, sentence))):
            continue  # 'Our diabetes support group is back! 2nd floor, Room 214, 5:30pm.'
        if not any(c.isdigit() for c in match.group(1)) and not about_someone(sentence):
            continue  # read aloud, only where someone is: 'keep the room one degree cooler' is no room number
        yield Finding("geography", match.start(), match.end(1), "names the room or unit where a person stays")


# A street address just before a suite or unit: the address reader holds or passes them together.
_ADDRESS_LEAD = re.compile(
    r"(?i:\b\d{1,6}\s+(?:[\w.'-]+\s+){1,3}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct"
    r"|way|place|pl|parkway|pkwy|highway|hwy|pike|plaza|circle|cir)\.?,?\s*$)"
)


def _sentence_before(spans: list[tuple[int, int]], sentence: tuple[int, int]) -> tuple[int, int]:
    """The sentence just before this one (an empty span when it is the first)."""
    i = bisect_left(spans, sentence)
    return spans[i - 1] if 0 < i <= len(spans) else (0, 0)


def find_photo_files(text: str) -> Iterator[Finding]:
    """Image and video file names: photos of a patient are identifiers (full-face photos)."""
    for match in _PHOTO_FILE.finditer(text):
        yield Finding("photo", match.start(), match.end(), "names a photo or video file, which may show a patient")


_IBAN_LABEL = re.compile(r"(?i:\b(?:IBAN|conta|compte|cuenta|Konto)\b\W{0,3}$)")


def _iban_ok(value: str) -> bool:
    """ISO 13616 check digits (mod 97), so random capitals and digits don't count."""
    compact = value.replace(" ", "")
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(c, 36)) for c in rearranged)
    return int(number) % 97 == 1
