"""What the token tagger may leave out: towns after words of living or coming from, in lower-case and in
cased text, and a listed full name in a text that gives care. Each is a safety net under
`learned_findings.tagged_findings`, which calls them; the word sets both use live here."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.screening.clinical_titles import DOCTOR_BEFORE
from bot.screening.context import cared_for_after, context_care, has_person_cue, sentence_at
from bot.screening.dates import FOREIGN_MONTHS, MONTHS, WEEKDAYS
from bot.screening.findings import LEARNED_REASONS, Finding
from bot.screening.lexicon import _DRUG_ENDING, Gazetteer
from bot.screening.memo import memo
from bot.screening.name_shapes import _MED_WORD, _NEVER_NAMES, _mostly_upper, _opens_sentence
from bot.screening.names import _NOT_NAMES, EPONYM_AFTER, Roster, _strip_possessive, eponym_mask
from bot.screening.places import _LARGE_PLACES, STATES
from bot.screening.public_figures import public_figure

_PLACE_HEADS = frozenset("el la las los san santa santo sao st saint sainte fort ft port mount mt lake camp".split())
_CALENDAR = frozenset((MONTHS + "|" + WEEKDAYS + "|" + FOREIGN_MONTHS).lower().split("|")) | frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed weds thu thur thurs fri sat sun".split()
)
_NOT_NAME_LOWER = frozenset(w.lower() for w in _NOT_NAMES)
# Languages and peoples are no one's town: 'explained my echo in plain English', 'the Somali community'.
_LANGUAGES = frozenset(
    """english spanish french portuguese german italian russian polish ukrainian arabic hebrew farsi persian urdu
    hindi bengali punjabi gujarati nepali tamil telugu mandarin cantonese chinese japanese korean vietnamese
    tagalog filipino somali amharic oromo tigrinya swahili yoruba igbo hausa haitian creole hmong burmese khmer
    lao thai indonesian malay turkish greek dutch swedish norwegian danish finnish navajo asl""".split()
)
_NOT_PLACE_LOWER = frozenset(w.lower() for w in STATES | _LARGE_PLACES) | _LANGUAGES
_NOT_HEAD_TAIL = _NEVER_NAMES | frozenset(
    "with and for the to of in on at from by near now then her his their house home".split()
)



# The writer's own move or stay ('we moved to Denver', 'I lived in Ohio'): no patient's whereabouts.
_WRITER_BEFORE = re.compile(r"(?i:\b(?:I|we|I've|we've|I'd|we'd|I'm|we're|me|us)\s+(?:\w+\s+)?$)")


# Where someone lives or stays, in lower-case chat: 'lives with son in rockville', 'drove in from x'.
_LOWER_PLACE = re.compile(
    r"\b(?:(?:is|comes|came(?: up| down| in| over)?|drove(?: in| up| down| over)?|visiting|transferred|moved"
    r"|moving|relocated)\s+(?:from|to)"
    r"|(?:lives?|living|lived|resides?|residing|staying|stays|stayed|grew up|place|house|home|farm|apartment"
    r"|trailer|cabin|stationed|based|moved|moving)"
    r"(?:\s+(?:alone|now|still|together|with (?:(?:her|his|their|my|our) )?[a-z]+))?"
    r"\s+(?:in|from|to|near|outside(?: of)?|at|out in|over in|up in|down in|by)"
    # where someone is, said as chat says it: 'one guy up in ada', 'everybody out in wauseon'
    r"|\b(?:guy|lady|man|woman|family|folks|everybody|everyone|people|ppl|pt|patient|kid|he|she|they"
    r"|someone|somebody|grandma|grandpa|mom|dad|son|daughter)\s+(?:up|out|over|down) in)\s+"
    r"((?:st|mt|ft)\.\s+[a-z][\w'-]*|[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2})"
)


# A capitalised town the tagger left out, after words of living or coming from, a hesitation allowed
# ('drive in from, uh, Chillicothe', 'lives with her son in Zanesville').
# Where someone lives, moved or comes from: the capitalised run after it is a town.
_RESIDENCE_WORDS = (
    r"(?i:\b(?:(?:is|comes?|came|coming|drives?|drove|driving|visiting|transferred|moved|moving|relocated)"
    r"(?: up| down| in| over| out)?\s+(?:from|to)"
    r"|(?:lives?|living|lived|resides?|residing|staying|stays|stayed|grew up)"
    r"(?:\s+(?:alone|now|still|together|with (?:(?:her|his|their|my|our|me|him|them) )?[a-z]+))?"
    r"\s+(?:in|near|outside(?: of)?|out in|over in|up in|down in)"
    # the same in the other languages: 'vive en', 'mora em', 'wohnt in', 'abita a', 'habite à', 'vit à'
    r"|(?:vive|vivía|reside|mora|morava|vivia|wohnt|wohnte|lebt|lebte|abita|abitava|habite|habitait|vit|vivait"
    r"|nakatira)\s+(?:en|em|no|na|in|a|à|au|sa|im|bei))"
    r"(?:,?\s+(?:uh|um|er),?)?\s+)"
)
_CASED_PLACE = re.compile(
    _RESIDENCE_WORDS + r"((?:St|Mt|Ft)\.\s+[A-Z][a-z][\w'-]*|[A-Z][a-z][\w'-]*(?:\s+[A-Z][a-z][\w'-]*){0,2})"
)
# ... just before a run the tagger marked as a place: the tagger may be surer of it than it says.
RESIDENCE_JUST_BEFORE = re.compile(_RESIDENCE_WORDS + r"$")
# A turn spoken by the patient or a relative: there 'I' is not the physician ('Patient: I live in ...').
_PATIENT_TURN = re.compile(
    r"(?:^|[\n.!?]\s*)(?:Patient|PT|Pt|Caller|Mom|Dad|Mother|Father|Parent|Daughter|Son)\s*:[^\n:]*$"
)


# A listed given name and a capitalised word after it ('Priya Nair', 'Ah Young Park').
_FULL_NAME_SHAPE = re.compile(r"\b([A-Z][a-z]+)((?:\s+[A-Z][a-z'’-]+){1,2})\b")


def untagged_names_given_care(
    text: str, gaz: Gazetteer, sentences: list[tuple[int, int]], roster: Roster | None
) -> Iterator[Finding]:
    """A safety net under the tagger: a given name on the lists and a capitalised word after it, neither a
    common word, in a text that gives care ('Welcome back Priya Nair after her miscarriage'). The tagger
    judges by its context and may pass such a name; with care given in the text, a full name is held."""
    if not context_care(text):
        return
    eponyms = memo(lambda: eponym_mask(text))
    for match in _FULL_NAME_SHAPE.finditer(text):
        given, rest = match.group(1).lower(), [_strip_possessive(w.lower()) for w in match.group(2).split()]
        opening_word = _opens_sentence(text, match.start()) and gaz.in_vocab(given)
        if given not in gaz.first or given in gaz.common or given in _NOT_NAME_LOWER or opening_word:
            continue
        if any(w in gaz.common or w in _NOT_NAME_LOWER or (gaz.in_vocab(w) and w not in gaz.last) for w in rest):
            continue
        start, end = match.span()
        if DOCTOR_BEFORE.search(text[max(0, start - 30) : start]) and not cared_for_after(text, end):
            continue
        if EPONYM_AFTER.match(text, end) and any(s <= start and end <= e for s, e in eponyms()):
            continue  # 'Tommy John surgery is not just for pitchers, we see high school kids too': the operation
        words = [given, *rest]
        allowed = roster is not None and roster.allows(words, text[max(0, start - 24) : start])
        if allowed and not cared_for_after(text, end):
            continue
        if public_figure(text, sentence_at(sentences, start), start, words):
            continue
        yield Finding("name", start, end, LEARNED_REASONS["name"])


# Below this a LOC run is the tagger's guess, not its judgment (learned_findings.PLACE_THRESHOLD keeps a place).
_UNSURE_PLACE = 0.6


def untagged_places(text: str, gaz, allowed: frozenset[str], runs) -> Iterator[Finding]:
    """Towns in cased text the tagger did not mark, after a word of living or coming from: a word on no
    dictionary, common or name list, in a text about someone else (or in a patient's own turn)."""
    eponyms = memo(lambda: eponym_mask(text))
    for match in _CASED_PLACE.finditer(text):
        start, end = match.span(1)
        # (a place the tagger was unsure of is no judgment: after 'vive en' the residence says what it is)
        if any(s < end and start < e and not (label == "LOC" and sure < _UNSURE_PLACE) for label, s, e, sure in runs):
            continue  # the tagger judged this run
        if any(s <= start and end <= e for s, e in eponyms()):
            continue  # 'la enfermedad de Parkinson': a disease's name, not a town someone comes from
        words = [_strip(w) for w in match.group(1).split()]
        unknown = [bool(w) and not gaz.in_vocab(w) and w not in gaz.common and w not in gaz.first for w in words]
        if not (all(unknown) or (len(words) > 1 and unknown[-1])):
            continue  # (a town's last word on no list will do: 'Upper Arlington', 'West Chesterfield')
        if " ".join(words) in _NOT_PLACE_LOWER or any(w in _NOT_PLACE_LOWER or w in _CALENDAR for w in words):
            continue
        if all(w in allowed for w in words) or any(_DRUG_ENDING.search(w) or _MED_WORD.fullmatch(w) for w in words):
            continue
        mine = _WRITER_BEFORE.search(text, max(0, match.start() - 20), match.start() + 1) is not None
        if mine:
            if not _PATIENT_TURN.search(text, max(0, match.start() - 200), match.start()):
                continue  # the physician's own whereabouts
        elif not has_person_cue(text, 0, len(text)):
            continue
        yield Finding("geography", start, end, LEARNED_REASONS["geography"])


# A move or an origin, not a residence: it places a person only when the text is about someone.
_MOVE_ONLY = re.compile(
    r"(?:is|comes|came|drove|visiting|transferred|moved|moving|relocated)\b(?!.*\b(?:lives?|living))"
)


def lower_case_places(text: str, gaz, allowed: frozenset[str]) -> Iterator[Finding]:
    """Towns in lower-case text after words of living or coming from, when the place ends in a word on
    no dictionary or common list ('rockville', 'lake mandy'): in such text capitals cannot cue the tagger."""
    lowered = text.lower() if _mostly_upper(text) else text
    someone = memo(lambda: has_person_cue(text, 0, len(text)))
    for match in _LOWER_PLACE.finditer(lowered):
        if _MOVE_ONLY.match(match.group(0)) and not someone():
            continue  # 'grand rounds moved to thurs', 'vaccine comes from vacca': no one's whereabouts
        words = match.group(1).split()
        bare = [_strip(w) for w in words]
        unknown = [i for i, w in enumerate(bare) if w and not gaz.in_vocab(w) and w not in gaz.common]
        if not unknown and len(bare) > 1 and bare[0] in _PLACE_HEADS and bare[1] not in _NOT_HEAD_TAIL:
            unknown = [1]  # a town's head word: 'el paso', 'fort hood', 'san marcos', 'lake placid'
        if not unknown:
            continue
        last = unknown[-1] if unknown[0] == 0 or unknown[-1] <= 2 else unknown[0]
        bare, words = bare[: last + 1], words[: last + 1]
        if " ".join(bare) in _NOT_PLACE_LOWER or any(w in _NOT_PLACE_LOWER for w in bare):
            continue
        if len(bare) == 1 and len(bare[0]) <= 3:  # 'icu', 'er', 'pt'
            continue
        if any(w in _CALENDAR for w in bare):  # 'moved to thursday' is a date
            continue
        if all(w in allowed for w in bare) or any(_DRUG_ENDING.search(w) or _MED_WORD.fullmatch(w) for w in bare):
            continue
        start = match.start(1)
        yield Finding("geography", start, start + len(" ".join(words)), LEARNED_REASONS["geography"])


# Where someone lives or is cared for, named in lower case: 'the resident from maple grove nursing home', 'lives at
# sunny acres assisted living'. The words before the kind of home are its name, unless they say which in general.
# People at the place, in the plural: 'the teachers at', 'families at', 'kids from', 'a whole family from'.
_PEOPLE_THERE = re.compile(
    r"(?i:\b(?:teachers|families|family|kids|parents|students|nurses|residents|ppl|people|folks|members|staff"
    r"|everybody|everyone|guys|ladies)\s+(?:\w+\s+)?(?:at|from|in)\b)"
)
# Words that say which place in general, not by its name ('the', 'our', 'a local', 'the county').
_IN_GENERAL = (
    r"the|a|an|our|her|his|their|my|your|this|that|these|those|any|every|each|some|local|nearby|same|other|new|old"
    r"|private|one|no"
)
_CARE_HOME = re.compile(
    rf"\b(?:from|at|in|to|of|into)\s+((?:(?!(?:{_IN_GENERAL}|skilled|state|county|good|bad|big|small)\b)"
    r"[a-z][\w'-]*\s+){1,3})(?:nursing home|nursing facility|assisted living|memory care|senior living|care center"
    r"|retirement home|retirement community|group home|rehab center|manor|home for the aged)\b"
)


# ... and the other places a name ends in the kind of place: a school, a church, an apartment complex, a subdivision
# ('the teachers at wapak elementary', 'a family from pheasant run apts', 'after mass at hmong alliance church').
_NAMED_PLACE = re.compile(
    r"\b(?:from|at|in|to|of|into|on|attends|attend|attending)\s+"
    # its first word says which place, not what kind ('grace lutheran church', not 'the lutheran church')
    rf"((?!(?:{_IN_GENERAL}|public|charter|catholic|christian|baptist|methodist"
    r"|lutheran|night|boarding|medical|nursing|grad|graduate|sunday|summer|bible|high|middle|elementary)\b)"
    r"[a-z][\w'.-]*\s+(?:(?!(?:the|a|an|and|or)\b)[a-z][\w'.-]*\s+){0,2})"
    r"(?:elementary|middle school|high school|junior high|academy|church|chapel|temple|mosque"
    r"|synagogue|apartments|apts|village|estates|trailer park|mobile home park)\b"
)


def lower_case_homes(text: str, allowed: frozenset[str]) -> Iterator[Finding]:
    """Care homes, schools, churches and apartment complexes named in lower-case text about someone: no capital
    tells the tagger a name is there."""
    if not has_person_cue(text, 0, len(text)) and not _PEOPLE_THERE.search(text):
        return
    lowered = text.lower() if _mostly_upper(text) else text
    for match in (*_CARE_HOME.finditer(lowered), *_NAMED_PLACE.finditer(lowered)):
        words = [_strip(w) for w in match.group(1).split()]
        if all(w in allowed for w in words):
            continue
        yield Finding("geography", match.start(1), match.end(), LEARNED_REASONS["geography"])


def _strip(word: str) -> str:
    return re.sub(r"(?:['’]s|['’])$", "", word).strip(".").lower()
