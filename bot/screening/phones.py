"""Phone and fax numbers, found with libphonenumber's matcher, minus the practice's own."""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

from bot.screening.findings import Finding

_SEVEN_DIGITS = re.compile(r"(?:\d\D{0,3}){7}")
_PHONE_CUE = re.compile(
    r"(?i:\b(?:call|called|calls|phone|cell|cellphone|mobile|number|tel|text|texts|texted|reach"
    r"|reached|landline|fax|contact|dial|ring|home|work|pager|beeper|voicemail)\b|#|:)[^.\n]{0,25}$"
)
# Two digit groups around one slash and nothing else: a ratio or measurement, not a phone number.
_SENTENCE_BREAK = re.compile(r"[.!?]\s")
_RATIO = re.compile(r"(?!\d{3}/\d{4}$)\d{2,5}/\d{2,5}")  # but 555/0147 is a local number
# A unit right after the digits: an amount, in any of the languages screened.
_UNIT_AFTER = re.compile(
    r"(?i:\s*(?:mg|mcg|µg|μg|ml|cc|kg|lbs?|units?|iu|mmol|mmhg|mm|cm|%|grams?|g\b|gramos|milligrams?|milligrammes?"
    r"|мг|мл|г\b|毫克|毫升|克|मि\.|mi\.|ملغ|مجم|ملم|밀리그램|mg/dl|steps|calories|kcal))"
)
_PRODUCT_CODE_BEFORE = re.compile(
    r"(?i:\b(?:lot|batch|ndc|catalog|cat\.|ref|model|part|sku)\s*(?:no\.?|#|number)?\s*:?\s*$)"
)
_FAX_CUE = re.compile(r"(?i:\bfax(?:ed|es)?\b|\bf:)[^.\n]{0,25}$")
# Toll-free and service numbers belong to organisations (poison control, hotlines), not patients.
_TOLL_FREE = frozenset({"800", "833", "844", "855", "866", "877", "888"})
# National formats abroad start with a trunk '0' ('07700 900378', '078 8098 1119', '030 1234567').
_TRUNK_NUMBER = re.compile(
    r"(?<![\d+])0\d(?:[ .-]?\d){7,11}(?!\d)"
    # ... or an area code of two digits in brackets, as Brazil writes it: '(11) 98765-4321', '(21) 2345-6789'
    r"|(?<![\d+(])\(\d{2}\)\s?\d{4,5}[ -]\d{4}(?!\d)"
)
FOREIGN_REGIONS = ("GB", "IE", "AU", "NZ", "IN", "DE", "FR", "ZA", "NG", "PH", "MX", "IT", "ES", "NL", "BR")


def _national(number: phonenumbers.PhoneNumber) -> str:
    return str(number.national_number)


def _unbalanced_paren(raw: str) -> int:
    """1 when the match starts with a bracket the number does not close ('(617-555-0123' of
    'Smith (617-555-0123)'): the physician is shown the number, not the bracket around it."""
    return 1 if raw.startswith("(") and ")" not in raw else 0


class PhoneFinder:
    """Finds phone/fax numbers that are not on the allow-list."""

    def __init__(self, allowed: frozenset[str], region: str) -> None:
        self._region = region
        self._allowed: set[str] = set()
        for raw in allowed:
            try:
                self._allowed.add(_national(phonenumbers.parse(raw, region)))
            except phonenumbers.NumberParseException:
                self._allowed.add("".join(c for c in raw if c.isdigit())[-10:])

    def find(self, text: str) -> Iterator[Finding]:
        """Phone numbers; 'fax' when the text calls it a fax."""
        if not _SEVEN_DIGITS.search(text):
            return
        seen: list[tuple[int, int]] = []
        for match in _TRUNK_NUMBER.finditer(text):
            if self._foreign(match.group(0)):
                seen.append(match.span())
                yield Finding("phone", match.start(), match.end(), "looks like a personal phone number")
        for match in PhoneNumberMatcher(text, self._region, leniency=Leniency.POSSIBLE):
            if any(s <= match.start < e for s, e in seen):
                continue
            national = _national(match.number)
            if national in self._allowed or national[-10:] in self._allowed:
                continue
            if match.number.country_code == 1 and national[:3] in _TOLL_FREE:
                continue
            if _RATIO.fullmatch(match.raw_string):
                continue  # intake/output or a pressure ('I&O: 1200/850'), not a phone
            if len(national) < 10 and _UNIT_AFTER.match(text, match.end):
                continue  # a dose or a measure ('500–1000 mg co 4–6 godzin', '१०००–२००० मि.ग्रा.'), no phone
            if _SENTENCE_BREAK.search(match.raw_string):
                continue  # numbers of two sentences read as one ('under 120/80. 120-129 is elevated'), no phone
            before = text[max(0, match.start - 40) : match.start]
            if _PRODUCT_CODE_BEFORE.search(before):
                continue  # 'Lot 4471-0923-88', 'NDC 0093-7146-01': a product's batch or code, on every box of it
            # (a short national number needs a cue, unless written in full international form: '+34 612 48 93 07')
            international = match.raw_string.startswith("+") and phonenumbers.is_valid_number(match.number)
            if len(national) < 10 and not international and not _PHONE_CUE.search(before):
                continue
            start = match.start + _unbalanced_paren(match.raw_string)
            if _FAX_CUE.search(before):
                yield Finding("fax", start, match.end, "looks like a personal fax number")
            else:
                yield Finding("phone", start, match.end, "looks like a personal phone number")

    def _foreign(self, candidate: str) -> bool:
        """A trunk-prefixed number that is valid in some common region and not the practice's."""
        digits = "".join(c for c in candidate if c.isdigit())
        if digits in self._allowed or digits[-10:] in self._allowed:
            return False
        for region in FOREIGN_REGIONS:
            try:
                number = phonenumbers.parse(candidate, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(number):
                return True
        return False
