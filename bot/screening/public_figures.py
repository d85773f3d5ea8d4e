"""A public figure named in general education ('Tom Hanks has talked about his diabetes', 'like Michael J.
Fox, many people...'): what the public already knows about a famous person is no one's PHI. Judged by the
sentence's sense (public knowledge, no care given), or by a list of people known for their health or a part
in medicine's history ('Lou Gehrig gave his speech in 1939') — like the eponym list, a piece of world
knowledge, and only ever with no care given in the sentence ('my patient, also named Serena Williams')."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

from bot.screening.context import cared_for_after, context_care
from bot.screening.lowered import Lowered

# The sentence is about what is publicly known: spoken or written about in public, announced, famous.
_PUBLIC_KNOWLEDGE = Lowered(
    r"(?i:\b(?:publicly|openly|went public|public about|in (?:an? |his |her |their |a recent |several )?interviews?"
    r"|announced|revealed|disclosed|opened up about|(?:has|have|had) (?:talked|spoken|written|been (?:very )?open)"
    r"|(?:talked|talks|spoke|speaks|spoken|wrote|writes|written|shared|shares|posted|posts)"
    r" (?:openly |publicly |a lot |often )?"
    r"about (?:his|her|their|living with|having)|raised awareness|raises awareness|awareness of|famous(?:ly)?"
    r"|celebrit(?:y|ies)|well-known|the (?:actor|actress|singer|rapper|athlete|comedian|president|senator|quarterback"
    r"|author|musician|star|late|former) |(?:his|her|their|a) (?:fans|memoir|foundation|documentary|tour|career|show)"
    r"|(?:talks|talked|speaks|spoke|spoken|writes|wrote|posts|posted) (?:openly|publicly) about"
    r"|headlines|in the news|on (?:tv|television|social media|instagram|his podcast|her podcast|stage)"
    # a diagnosis made public by them or their family: 'Bruce Willis's family shared his dementia diagnosis'
    r"|(?:shared|announced|disclosed|revealed|made public|went public with) (?:his|her|their) (?:[\w-]+ ){0,3}"
    r"(?:diagnosis|diagnoses|illness|condition|cancer)"
    # the same in the other languages: 'ha hablado en público', 'falou publicamente', 'a parlé publiquement de',
    # 'hat öffentlich über', 'ha parlato pubblicamente'
    r"|en público|públicamente|publicamente|em público|publiquement|öffentlich|pubblicamente|in pubblico"
    # ... announced or told, not to the writer: 'Sofía Vergara contó que tuvo cáncer', 'a révélé', 'gab bekannt'
    r"|reveló|anunció|revelou|anunciou|a révélé|a annoncé|gab bekannt|hat bekanntgegeben|ha rivelato|ha annunciato"
    r"|(?<!me )(?<!nos )(?<!le )(?<!m')(?<!mir )(?:contó|contou|a raconté|erzählte|ha raccontato)"
    r"|(?:famos[oa]|célèbre|berühmte[rn]?|famos[oa]) )\b)"
)
# 'like Michael J. Fox, ...', 'such as Selena Gomez': an example held up to any reader; a public office or
# rank before the name ('Former President Jimmy Carter', 'Senator ...', 'Prince ...').
_EXAMPLE_BEFORE = re.compile(
    r"(?:(?i:\b(?:like|such as|think of|remember when|just like|(?:what|as) happened to))"
    r"|\b(?:President|Senator|Governor|Congressman|Congresswoman|Prince|Princess|Queen|King|Pope|Justice)"
    r"|\b(?:[Ff]ormer|[Tt]he late)(?: [A-Z][a-z]+){1,2})\s+$"
)
# Care given or a patient or relative of the writer in the sentence: then the name may be a patient's.
_CARE = Lowered(
    r"(?i:\b(?:my|our|this|the|a) (?:patient|pt|client|resident)\b|\bpatient (?:of mine|named)"
    r"|\b(?:my|our) (?:mom|mother|dad|father|son|daughter|husband|wife|grand\w+|brother|sister|aunt|uncle"
    r"|cousin|neighbou?r|friend|coworker|boss|partner|kid|child|baby)\b"
    r"|\bI (?:saw|treated|operated|delivered|admitted|discharged|diagnosed|examined|met|cared|referred|scoped)\b"
    r"|\bwe (?:saw|treated|admitted|discharged|operated|delivered)\b|\b(?:came|come|comes) in\b"
    r"|\b(?:admitted|MRN|DOB|room \d|bed \d|in (?:clinic|my office|the ER|the ED|our clinic))\b"
    # (not 'everyone asked me about it after X collapsed': the public asked)
    r"|(?<!everyone )(?<!everybody )(?<!people )(?<!patients )(?<!parents )(?<!folks )(?<!they )(?<!many )"
    r"\b(?:told|asked|showed) me\b|\bwith me\b|\bmy office\b|\bour (?:clinic|office|practice)\b"
    # Care in the present tense or the passive, and care here: 'I treat X for HIV', 'X was discharged from our
    # hospital', 'came to my clinic', 'stopped by the clinic for his follow-up', 'since we adjusted his meds'.
    r"|\bI (?:see|treat|follow|manage|operate on)\b|\bwe (?:see|treat|follow|adjusted|changed|started|stopped)\b"
    r"|\b(?:was|were|got|been|is being|has been) (?:admitted|discharged|hospitali[sz]ed"
    r"|intubated|transferred|readmitted)\b"
    r"|\b(?:came|comes|coming|went|stopped by|walked into|brought (?:him|her|them)) (?:in(?:to)?|to|by)? ?"
    r"(?:my|our|the) (?:clinic|office|ER|ED|hospital|practice|floor|unit)\b"
    # (not its people: 'shoutout to our ED team captain' is a colleague)
    r"|\b(?:from|in|at|on|to) our (?:hospital|clinic|ICU|ER|ED|floor|unit|ward|practice|office|\d\w* floor)\b"
    r"(?! (?:team|staff|nurses|docs|techs|crew|captain|leadership|colleagues|family|volunteers)\b)"
    r"|\b(?:his|her|their) (?:follow-?up|check-?up|appointment|visit|meds|medications|labs|scan|biopsy|surgery"
    r"|diabetes check|chemo|infusion|admission)\b"
    # care by us in other words: 'we were honored to treat X here', 'our transplant team took care of X', 'X's
    # neurologist here', 'finished X's follow-up visit'
    r"|\b(?:treat|treated|treating|took care of|take care of|taking care of|cared for|caring for)\b[^;!?\n]{0,40}?"
    r"\b(?:here|at our|in our|at Lakeshore)\b|\b(?:our|the) [\w-]+ team (?:took care of|treated|cared for)\b"
    r"|['’]s (?:neurologist|cardiologist|oncologist|surgeon|doctor|physician|nurse|care team) here\b"
    r"|['’]s (?:follow-?up|check-?up|visit|appointment|infusion|admission)\b)"
)
# Care anyone's public story tells too ('Selena Gomez was diagnosed with lupus in 2015'): care for a name the
# text does not make famous, but a listed famous person's own history when no care by us is in the sentence.
_TOLD_CARE = re.compile(r"\b(?:was|were|got|been|is being|has been) (?:diagnosed|treated|seen|operated on)\b"
                        r"|\bdiagnosed with\b", re.I)


# A run of two or more capitalised words from the name's start ('Bob Dole', 'Michael J. Fox').
_FULL_NAME = re.compile(r"[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*\.?)+")


_GIVEN_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+$")
_STOP = re.compile(r"[.!?\n]")


_POSSESSIVE = re.compile(r"['’]s?$")


def _fold(word: str) -> str:
    """Lower case without accents or a possessive: 'Pelé's' and 'pele' are one key."""
    word = word.lower()
    if not word.isascii():
        word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return _POSSESSIVE.sub("", word) if "'" in word or "’" in word else word


@lru_cache(maxsize=1)
def famous_names() -> dict[str, frozenset[tuple[str, ...]]]:
    """The listed full names as their folded words, by first word (most words start no name)."""
    text = resources.files("bot.screening").joinpath("famous_health_cases.txt").read_text("utf-8")
    names = (line.split("|")[0] for line in text.splitlines() if line.strip() and not line.startswith("#"))
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for name in names:
        key = tuple(_fold(w.rstrip(".")) for w in _NAME_WORD.findall(name))  # 'J.' as the text's words are read
        by_first.setdefault(key[0], set()).add(key)
    return {first: frozenset(keys) for first, keys in by_first.items()}


@lru_cache(maxsize=1)
def known_alone() -> frozenset[str]:
    """Family names of listed people that are on none of the name lists and are no word ('beethoven', 'gehrig',
    'einstein'): said alone they still mean the famous person. (Not towns named like a president: 'Cleveland'.)"""
    from bot.screening.learned import load_models  # (the models import this module's neighbours)

    gazetteer = load_models()[0].gazetteer
    return frozenset(
        key[-1]
        for keys in famous_names().values()
        for key in keys
        if len(key) > 1 and len(key[-1]) >= 5 and not gazetteer.flags(key[-1]) and key[-1] not in _TOWNS_TOO
    )


_TOWNS_TOO = frozenset("cleveland huntington denton oldham washington lincoln jackson houston".split())


_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@lru_cache(maxsize=64)
def famous_in(text: str) -> tuple[tuple[int, int, frozenset[str]], ...]:
    """(start, end, words) of each listed full name in the text, in any casing."""
    names = famous_names()
    matches = list(_NAME_WORD.finditer(text))
    found = []
    i = 0
    while i < len(matches):
        first = _fold(matches[i].group(0).rstrip("."))
        keys = names.get(first)
        if keys:
            longest = max(len(k) for k in keys)
            words = [first] + [_fold(m.group(0).rstrip(".")) for m in matches[i + 1 : i + longest]]
            for k in range(len(words), 1, -1):
                if tuple(words[:k]) in keys:
                    found.append((matches[i].start(), matches[i + k - 1].end(), frozenset(words[:k])))
                    i += k - 1
                    break
        i += 1
    return tuple(found)


def _full_names_of(text: str, folded: set[str]) -> list[tuple[int, int]]:
    """(start, end) of each listed full name in the text that holds all the folded words."""
    return [(s, e) for s, e, key in famous_in(text) if folded and folded <= key]


def named_in_full(text: str, words: list[str]) -> bool:
    """Do the words stand in the text within a listed famous person's full name?"""
    return bool(_full_names_of(text, {_fold(w.rstrip(".")) for w in words}))


def famous_person(text: str, sentence: tuple[int, int], words: list[str]) -> bool:
    """The words are (part of) a listed famous name found in the text, and the sentence gives no care.

    A part counts when the full name stands in the same text ('after katie couric had her colonoscopy on
    live tv ... thank you katie')."""
    folded = {_fold(w.rstrip(".")) for w in words}
    names = _full_names_of(text, folded)
    if not names:
        # a family name known alone ('Beethoven went deaf', 'Gehrig's speech'), in a sentence that gives no care
        return len(folded) == 1 and folded <= known_alone() and not _care_by_us(text, *sentence)
    lo, hi = sentence
    for s, e in names:
        if s < hi < e:  # 'Michael J.| Fox here at Lakeshore': the initial's dot ended no sentence
            stop = _STOP.search(text, e)
            hi = stop.end() if stop else len(text)
    return not _care_by_us(text, lo, hi)


def famous_sentence(text: str, lo: int, hi: int) -> bool:
    """A sentence about a listed famous person (named in it in full) that gives no care."""
    return any(lo <= s and e <= hi for s, e, _ in famous_in(text)) and not _care_by_us(text, lo, hi)


def public_figure(text: str, sentence: tuple[int, int], start: int, words: list[str]) -> bool:
    """A full name (two words or more) in a sentence about public knowledge, with no care given in it,
    or a listed famous name."""
    if famous_person(text, sentence, words):
        return True
    given = _GIVEN_BEFORE.search(text, max(0, start - 20), start)
    starts = (start, given.start()) if given else (start,)  # the tagger may keep only 'Like Tom |Brady'
    start = starts[-1]
    full = _FULL_NAME.match(text, start, start + 40)
    if len(words) < 2 and not full and not _listed_with_full_name(text, start):
        return False
    lo, hi = sentence
    if full and full.end() > hi:  # 'Michael J.| Fox started ...': the initial's dot ended no sentence
        stop = _STOP.search(text, full.end(), full.end() + 300)
        hi = stop.end() if stop else min(len(text), full.end() + 300)
    care, public = _sentence_sense(text, lo, hi)
    if care:
        return False
    # The office may be part of the run itself: 'Former President Eisenhower's heart attack'.
    # A local office is no fame: 'Superintendent Laura Bell gave birth at our Birth Center' is her care, told by us.
    office = _OFFICE.search(full.group(0)) if full is not None else None
    if office is None and full is not None:  # the tagger's run may leave the office out: 'Police Chief |Dan Holt'
        office = next((m for s in starts if (m := _OFFICE_BEFORE.search(text, max(0, s - 30), s))), None)
    titled = office is not None and not (_LOCAL_OFFICE.search(office.group(0)) and context_care(text))
    return public or titled or any(_EXAMPLE_BEFORE.search(text, max(lo, s - 24), s) for s in starts)


_LOCAL_OFFICES = (
    r"Mayor|Councilwoman|Councilman|Councilmember|Commissioner|Superintendent|Secretary|(?:Police|Fire) Chief|Sheriff"
)
_OFFICE = re.compile(r"\b(?:President|Senator|Governor|Congressman|Congresswoman|Prince|Princess|Queen|King|Pope"
                     rf"|Justice|Representative|Rep\.|Sen\.|Gov\.|Ambassador|{_LOCAL_OFFICES})\s+[A-Z]")
_LOCAL_OFFICE = re.compile(rf"\b(?:{_LOCAL_OFFICES})\b")
_OFFICE_BEFORE = re.compile(_OFFICE.pattern.removesuffix(r"\s+[A-Z]") + r"\s+$")


# One name in a list beside a full name ('Beyoncé, Tom Hanks, and other celebrities'): the list is one of
# public figures or of none, so the single name is judged with its neighbours.
_ONE_WORD = re.compile(r"[A-Z][\w'’-]*")
_FULL_AFTER = re.compile(r"\s*,\s*(?:and\s+)?[A-Z][\w'’-]*\.?\s+[A-Z][\w'’-]*")
_FULL_BEFORE = re.compile(r"[A-Z][\w'’-]*\.?\s+[A-Z][\w'’-]*\s*,\s*(?:and\s+)?$")


def _listed_with_full_name(text: str, start: int) -> bool:
    word = _ONE_WORD.match(text, start)
    if not word:
        return False
    return bool(_FULL_AFTER.match(text, word.end()) or _FULL_BEFORE.search(text, max(0, start - 40), start))


@lru_cache(maxsize=64)
def _sentence_sense(text: str, lo: int, hi: int) -> tuple[bool, bool]:
    """(care given, public knowledge) in one sentence, judged once however many names it holds."""
    care = _CARE.search(text, lo, hi) is not None or _TOLD_CARE.search(text, lo, hi) is not None
    return care, bool(_PUBLIC_KNOWLEDGE.search(text, lo, hi))


def _care_by_us(text: str, lo: int, hi: int) -> bool:
    """Care the writer, the practice or a relative of theirs gave in the sentence (not care told as history)."""
    return _CARE.search(text, lo, hi) is not None


def public_news(text: str, lo: int, hi: int) -> bool:
    """A sentence of public knowledge about someone named in full (or a listed famous person), with no care given:
    a date in it is the public's ('Bruce Willis's family shared his diagnosis in February 2023')."""
    if famous_sentence(text, lo, hi):
        return True
    care, public = _sentence_sense(text, lo, hi)
    return public and not care and _FULL_NAME.search(text, lo, hi) is not None


def colleague_given_care(text: str, sentence: tuple[int, int], end: int) -> bool:
    """Does the text give care to someone a post or a title calls a colleague (the name ending at `end`)?
    Care in the name's sentence, right after the name, or a care word anywhere in the text: 'Staff spotlight:
    unit clerk Bernadette O'Neill, 31 years on 3 South. Fun fact: she delivered all three of her kids here.'"""
    return _care_beyond_talk(text, sentence) or cared_for_after(text, end) or context_care(text)


@lru_cache(maxsize=256)
def _care_beyond_talk(text: str, sentence: tuple[int, int]) -> bool:
    """Care given in the sentence beyond what a colleague does too (once per sentence, however many names ask)."""
    lo, hi = sentence
    return (
        any(not _TALK.fullmatch(m.group(0)) for m in _CARE.finditer(text, lo, hi))
        or _TOLD_CARE.search(text, lo, hi) is not None
    )


# What a patient does with the writer, and a colleague does too: 'our chaplain asked me to share', 'told me', 'with me'.
_TALK = re.compile(r"(?i:(?:told|asked|showed) me|with me)")


def care_given(text: str, lo: int, hi: int) -> bool:
    """Care given to someone in this sentence: then a name in it may be a patient's, whoever else they are
    (a famous person's namesake, a colleague named by post)."""
    return _sentence_sense(text, lo, hi)[0]
