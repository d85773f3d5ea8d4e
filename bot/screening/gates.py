"""Cheap word-set gates so each detector's regexes only run on answers that could match."""

from __future__ import annotations

import re

from bot.screening.dates import FOREIGN_RELATIVE_WORDS, LIFE_EVENT_WORDS, MONTHS, WEEKDAYS

WORD = re.compile(r"[a-z0-9]+")


def words_of(text: str) -> frozenset[str]:
    """Lower-cased word set of an answer (computed once per screen)."""
    return frozenset(WORD.findall(text.lower()))


# Country domains that are no English word ('.de', '.it', '.in' are: 'the dose.It was' is a typo, not a site).
COUNTRY_DOMAINS = tuple(
    "fr br uk ca mx au nz nl ch ph za ng ke pl se dk no fi ar cl pe ve jp kr cn ru gr tr il ae sg my".split()
)


def _set(words: str) -> frozenset[str]:
    return frozenset(words.lower().split())


DATE_WORDS = (
    _set(MONTHS.replace("|", " ") + " " + WEEKDAYS.replace("|", " "))
    | _set("jan feb mar apr jun jul aug sep sept oct nov dec")
    | _set("yesterday tonight morning afternoon night ago christmas thanksgiving easter halloween")
    | _set("patrick paddy veterans")
    | _set("new year mother father valentine labor memorial super fourth dob born birthday")
    | _set("birthdate birth earlier today last next past")
    | FOREIGN_RELATIVE_WORDS
    | LIFE_EVENT_WORDS  # 'the day of her wedding', 'right after her quinceañera'
)
AGE_WORDS = _set(
    "ninety hundred centenarian centenarians supercentenarian nonagenarian nonagenarians nineties 90s"
    " noventa cien ciento cent vingt cem cento novanta neunzig hundert"
)
STREET_WORDS = _set(
    "street st avenue ave road rd boulevard blvd lane ln drive dr court ct way place pl terrace"
    " ter circle cir parkway pkwy highway hwy trail trl pike square sq loop row alley crescent"
    " close run path ridge hollow view mews grove gardens green walk rise heights parade quay wharf vale gate"
    " hill park"
)
PLACE_WORDS = _set(
    "lives living lived live resides residing moved moving relocated grew raised born hometown"
    " town city village out over up down commutes commute drove came comes visiting from farm"
    " house home works work county parish township borough heights hills springs falls junction"
    # a town and its state's code ('Westerville OH'); not the codes that are common words ('in', 'or', 'me')
    " al ak az ar ca ct fl ga ia ks ky mn mo mt nv nh nj nm ny nc nd oh tn tx ut vt va wa wv wi wy"
)
BIOMETRIC_WORDS = _set(
    "fingerprint fingerprints thumbprint thumbprints retina retinal iris voiceprint voice audio palm"
    " palmprint face facial dna genome genetic gait dental photo photos photograph photographs"
    " picture pictures pic pics selfie selfies video videos snapshot snapshots image images"
    " headshot headshots ray rays scan scans tattoo tattoos birthmark birthmarks mugshot"
)
URL_MARKERS = (
    "://",
    "www.",
    ".com",
    ".org",
    ".net",
    ".edu",
    ".gov",
    ".io",
    ".co",
    ".us",
    ".info",
    ".me",
    ".ly",
    ".health",
    ".care",
    ".page",
    ".blog",
    ".site",
    ".app",
    ".link",
    ".ee",
    ".tv",
    *(f".{tld}" for tld in COUNTRY_DOMAINS),
    *(f".{tld}/" for tld in ("de", "it", "es", "pt", "in", "at", "be", "ie")),
)


_URL_MARKER = re.compile("|".join(re.escape(marker) for marker in URL_MARKERS))  # (one scan, not one per marker)


def may_hold_url(text: str) -> bool:
    """True if the answer has anything shaped like a web address."""
    return _URL_MARKER.search(text.lower()) is not None
