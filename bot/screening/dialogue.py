"""A visit transcript read the way its clinician speaks: to the person across the room.

In a transcript ('Mom: can she still do soccer? / Dr: not until the echo is back'), the clinician answers the one who
asked. A parent or spouse asks about 'she'; the answer 'with her valve she needs amoxicillin before every cleaning'
is advice to that family, as 'with your valve you need ...' would be to the patient. And 'Pt: should I take my
metoprolol that morning? / Dr: no, hold it' orders the drug the patient named. The advice readers know neither:
they read 'she' as anyone and 'it' as nothing.

So each clinician's turn is rewritten as said to the patient (the third person that means the patient turned into
'you', a bare 'it' or 'them' into the medicine the previous speaker asked about), screened for advice like any
text, and each finding moved back onto the words as spoken (`typed_span`, as for chat shorthand).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.screening.advice import _MEDS
from bot.screening.shorthand import rewritten

# A speaker's label opening a line or following a sentence's end: 'Dr:', 'MOM:', 'Patient -'.
_LABEL = re.compile(
    r"(?:^|(?<=\n)|(?<=[.?!]\s))[ \t]*(?P<who>[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ.' ]{0,20}?)[ \t]*:[ \t]*",
)
# ... or in brackets, as transcription tools write it: '[Doctor] ', '[Mom]'.
_BRACKETED = re.compile(r"(?:^|(?<=\n)|(?<=[.?!]\s))[ \t]*\[(?P<who>[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ.' ]{0,20})\][ \t]*:?[ \t]*")
# ... or a clinician's label run on after the question it answers, as speech-to-text writes it: 'can she go back to
# soccer Dr: not yet'. (Only a clinician's title, capitalised: a word before a colon mid-line is seldom a speaker.)
_INLINE_CLINICIAN = re.compile(r"(?<=[\w,] )(?P<who>Dr|Doctor|DOCTOR|DR|Nurse|NURSE|NP|RN|MD|Physician)[ \t]*:[ \t]+")
_CLINICIAN = frozenset(
    """dr dr. dra dra. doctor physician provider clinician md np pa nurse rn surgeon attending resident médico medico
    médecin docteur doctora arzt ärztin""".split()
)
# Who asks for the patient: their answer's 'she' and 'he' are the patient.
_PROXY = frozenset(
    """mom mother dad father parent caregiver wife husband daughter son guardian family grandma grandpa aunt uncle
    madre padre mamá papá mãe pai mère père""".split()
)
_PATIENT = frozenset("pt patient paciente patient.e client".split())

_MEDICINE = re.compile(rf"(?i:\b(?:{_MEDS})\b)")

# The third person that means the patient, in the forms an answer uses it, and its second-person form.
_PRONOUN = re.compile(r"(?i:\b(?:she's|he's|she|he|him|his|her|herself|himself)\b)")
_SAME_PERSON = {"she's": "you're", "he's": "you're", "she": "you", "he": "you", "him": "you", "his": "your",
                "herself": "yourself", "himself": "yourself"}
# 'her' is 'you' before what follows a verb's object ('give her the drops', 'keep her home'), else 'your'.
_HER_AS_OBJECT = re.compile(
    r"\s*(?:$|[^\w\s]|(?:the|a|an|some|to|in|on|at|for|with|up|down|off|out|back|home|again|and|or|now|today"
    r"|tonight|tomorrow|once|twice|every|this|that|these|those|if|until|till|when|before|after)\b)",
    re.IGNORECASE,
)
# A verb after 'you' agrees with it: 'she needs' -> 'you need', 'he doesn't' -> 'you don't'.
_AGREES = {"is": "are", "was": "were", "has": "have", "does": "do", "doesn't": "don't", "isn't": "aren't",
           "wasn't": "weren't", "hasn't": "haven't", "goes": "go"}
_VERB_AFTER = re.compile(r"\s+([a-z]+(?:n't)?)\b")
# A bare 'it' or 'them' as what a command acts on: 'hold it', 'take them with food' (not 'it is', 'it's').
_OBJECT = re.compile(r"(?i:\b(?:it|them)\b(?!['’]| (?:is|was|will|should|can|could|may|might|does|did|has)\b))")


@lru_cache(maxsize=8)
def _labels(text: str) -> tuple[tuple[str, int, int], ...]:
    """Every speaker's label in the text, by role (asked by several readers of the same text: found once)."""
    found = [(m.group("who").strip().lower(), m.start(), m.end()) for m in _LABEL.finditer(text)]
    found += [(m.group("who").lower(), m.start(), m.end()) for m in _BRACKETED.finditer(text)]
    found += [(m.group("who").lower(), m.start(), m.end()) for m in _INLINE_CLINICIAN.finditer(text)]
    unique = {entry[1]: entry for entry in found if _role(entry[0]) is not None}
    return tuple(sorted(unique.values(), key=lambda entry: entry[1]))


def turns(text: str) -> list[tuple[str, int, int]]:
    """(speaker's label in lower case, start, end) of each turn after a label; [] unless two speakers take turns."""
    if ":" not in text and "]" not in text:
        return []  # (every label has a colon or a closing bracket)
    labels = _labels(text)
    if len({_role(who) for who, _, _ in labels}) < 2:
        return []
    ends = [start for _, start, _ in labels[1:]] + [len(text)]  # (each turn runs to the next label)
    return [(who, end, turn_end) for (who, _, end), turn_end in zip(labels, ends, strict=True)]


def label_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each speaker's label ('Mom: ') in a transcript of two or more speakers; [] otherwise."""
    if ":" not in text and "]" not in text:
        return []
    return [(start, end) for _, start, end in _labels(text)] if turns(text) else []


def _role(who: str) -> str | None:
    """The speaker's part by any word of the label ('Dr. Okafor', 'Pt's mom', 'Patient')."""
    words = set(who.replace("'s", " ").split())
    if who in _CLINICIAN or words & _CLINICIAN:
        return "clinician"
    if words & _PROXY:
        return "proxy"
    if words & _PATIENT:
        return "patient"
    return None


def said_to_listener(text: str) -> tuple[str, list[int]] | None:
    """(text with each clinician's turn rewritten as said to the patient, the original offset of each character),
    or None when the text is no transcript or no turn needs rewriting."""
    spoken = turns(text)
    edits: list[tuple[int, int, str]] = []
    for i, (who, start, end) in enumerate(spoken):
        if _role(who) != "clinician" or i == 0:
            continue
        asker, ask_start, ask_end = spoken[i - 1]
        if _role(asker) == "proxy":
            edits.extend(_second_person(text, start, end))
        medicines = _MEDICINE.findall(text, ask_start, ask_end)
        if medicines:
            edits.extend((m.start(), m.end(), medicines[-1]) for m in _OBJECT.finditer(text, start, end))
    if not edits:
        return None
    return rewritten(text, sorted(edits))


def _second_person(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    edits = []
    for match in _PRONOUN.finditer(text, start, end):
        word = match.group(0).lower().replace("’", "'")
        if word == "her":
            spoken = "you" if _HER_AS_OBJECT.match(text, match.end()) else "your"
        else:
            spoken = _SAME_PERSON[word]
        edits.append((match.start(), match.end(), _cased(spoken, match.group(0))))
        if word in ("she", "he"):
            verb = _VERB_AFTER.match(text, match.end())
            if verb is not None and verb.end() <= end:
                agreed = _agree(verb.group(1))
                if agreed != verb.group(1):
                    edits.append((verb.start(1), verb.end(1), agreed))
    return edits


def _agree(verb: str) -> str:
    if verb in _AGREES:
        return _AGREES[verb]
    if verb.endswith("s") and not verb.endswith("ss") and len(verb) > 3:
        return verb[:-1]  # 'needs' -> 'need', 'takes' -> 'take'
    return verb


def _cased(word: str, like: str) -> str:
    return word[0].upper() + word[1:] if like[:1].isupper() else word


# A clinician giving their own name on a call or at a visit: 'this is Dana', "I'm Dr. Shah's nurse, Kim".
_SELF_INTRODUCED = re.compile(r"(?i:\b(?:this is|it's|i'm|i am|my name is|name's)\s+(?:(?:nurse|dr\.?|doctor)\s+)?)$")


def clinicians_own_names(text: str) -> list[tuple[int, int]]:
    """Spans of a transcript where a clinician may name themself: their turns, read by `introduces_self`."""
    return [(start, end) for who, start, end in turns(text) if _role(who) == "clinician"]


def introduces_self(text: str, turn_start: int, name_start: int) -> bool:
    """Is the name at name_start, in a clinician's turn, the clinician's own ('this is Dana')?"""
    return _SELF_INTRODUCED.search(text, max(turn_start, name_start - 24), name_start) is not None


# A speaker labelled by their own name ('Marisol: still swollen') in a transcript whose other labels are roles.
_NAMED_LABEL = re.compile(r"(?:^|(?<=\n))[ \t]*(?P<who>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?)[ \t]*:[ \t]*")


def named_speakers(text: str) -> list[tuple[int, int]]:
    """Spans of the speakers' names used as labels in a transcript with a clinician in it: the patient or their
    family, by name. (A clinician's own label reads 'Dr. Patel:', a role; those are no names here.)"""
    if not any(_role(who) == "clinician" for who, _, _ in _labels(text)):
        return []
    found = []
    for match in _NAMED_LABEL.finditer(text):
        who = match.group("who")
        if _role(who.lower()) is None and who.lower() not in _NOT_SPEAKERS:
            found.append((match.start("who"), match.end("who")))
    return found


# Labels that are no one's name: a note's headings and a transcript's other parts.
_NOT_SPEAKERS = frozenset(
    """speaker note notes plan assessment subjective objective history hpi dx diagnosis impression meds medications
    allergies vitals exam summary question answer q a interpreter translator caller operator scribe transcript
    time date location reason follow up""".split()
)
