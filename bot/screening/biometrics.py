"""Text signals of biometric identifiers and identifying photos of a particular person."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.screening.context import has_person_cue
from bot.screening.findings import Finding
from bot.screening.lay_titles import PERSON_TITLE
from bot.screening.lowered import Lowered
from bot.screening.relatives import FAMILY, alternation

_BIOMETRIC = re.compile(
    r"\b(?:(?:his|her|their|(?:the |my )?(?:patient|pt|client|resident)['’]s) (?:(?:left|right) )?"
    r"(?:(?:index|thumb|ring|middle|little) (?:finger ?)?)?(?:fingerprints?|thumbprints?"
    r"|retina(?:l)? scan|iris scan|voice ?print|voice recording|palm ?print|face ?scan|facial scan"
    r"|DNA (?:profile|sequence|results?|test|sample)|genome|genetic (?:profile|test results)"
    r"|gait analysis|dental records|x-rays? of (?:his|her) (?:teeth|face)))"
    r"|\b(?:fingerprint|thumbprint|retinal|iris|facial|voice) (?:scan|recognition|template|"
    rf"sample|match)(?:es)? (?:of|from|for) (?:him|her|the patient|my patient|(?:{PERSON_TITLE})\.)"
    # a recording of one person's voice: 'the voice recording of my pt describing the palpitations'
    r"|\b(?:voice|audio) (?:recording|memo|clip|note|message)s? (?:of|from|by) (?:him|her|my (?:patient|pt)"
    r"|the (?:patient|pt)|a (?:patient|pt)|our (?:patient|pt))\b",
    re.IGNORECASE,
)
_RELATIVES = alternation(FAMILY, ("baby", "kid", "child", "toddler", "partner", "patient", "pt", "client"))
_PHOTO = re.compile(
    r"\b(?:(?:a |the |this |that )?(?:photo|photograph|picture|pic|selfie|video|snapshot|image"
    r"|headshot|x-ray|scan)s? (?:of|with|showing) (?:him|her|them|my patient|the patient|a patient"
    rf"|(?:{PERSON_TITLE})\.? \w+|his face|her face|the baby|their baby|the twins)"
    # (or someone the writer or reader cares for, shared: 'a picture of my son's face with the rash [photo attached]')
    rf"|(?:his|her|their|my patient's|the patient's|patient's|(?:my|your|his|her|their|our) (?:{_RELATIVES})['’]s)"
    r" (?:photo|photograph|picture|selfie"
    r"|face|tattoo|birthmark|headshot|before-and-after (?:photos|pictures)|before and after"
    r" (?:photos|pictures)|mugshot)s?\b(?=[^.]{0,100}\b(?:post|posted|share|shared|attach|attached"
    r"|show(?! up)|showed(?! up)|use|used|sent|send|include|included|upload|uploaded|with (?:her|his) permission"
    r"|on (?:our|the) (?:page|feed|website|Instagram|Facebook))))",
    re.IGNORECASE,
)


# A biometric record by its own name, whoever's it is; held when the sentence is about one particular person
# ('Pt identity confirmed by left index fingerprint match', 'voiceprint sample from the patient was stored',
# 'I did not consent to my retinal scan being stored'), not in a policy for everyone ('biometric check-in is
# optional').
_BIOMETRIC_RECORD = Lowered(
    r"(?i:\b(?:(?:left |right )?(?:index |thumb |ring |middle )?(?:fingerprint|thumbprint|finger ?print|thumb ?print"
    r"|palm ?print|voice ?print|retina(?:l)?|iris|eye|face|facial|vein|hand geometry)"
    r"(?: (?:scan|match|template|sample|image|data|recognition|geometry|record|enrollment|id))+"
    r"|(?:fingerprints|thumbprints|voiceprints?|retinal scans?|iris scans?)\b)(?: #?\d+)?)"
)
_BIOMETRIC_REASON = "mentions a particular person's biometric identifier"
_ONES_OWN = Lowered(r"(?i:\b(?:my|his|her|their|the patient's|patient's|pt's)\b)")


def find_biometrics(text: str, spans: list[tuple[int, int]] | None = None) -> Iterator[Finding]:
    """Mentions of a particular person's biometrics or identifying photos in the answer."""
    for match in _BIOMETRIC.finditer(text):
        yield Finding("biometric", match.start(), match.end(), "mentions a particular person's biometric identifier")
    for match in _BIOMETRIC_RECORD.finditer(text):
        lo, hi = next(((s, e) for s, e in spans or [(0, len(text))] if s <= match.start() < e), (0, len(text)))
        if has_person_cue(text, lo, hi) or _ONES_OWN.search(text, lo, hi):
            yield Finding("biometric", match.start(), match.end(), _BIOMETRIC_REASON)
    for match in _PHOTO.finditer(text):
        yield Finding("photo", match.start(), match.end(), "mentions an identifying photo of a particular person")
