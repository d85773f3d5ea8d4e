"""Personal names found without a model: honorifics, context cues and a given-name list."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from bot.screening.clinical_titles import DOCTOR_BEFORE
from bot.screening.context import (
    COLLEAGUE_AFTER,
    STAFF_BEFORE,
    STAFF_ROLE,
    cared_for_after,
    sentence_at,
    sentence_spans,
    staff_sentence,
)
from bot.screening.dates import MONTHS, WEEKDAYS
from bot.screening.facilities import ALLOWED, words
from bot.screening.findings import Finding
from bot.screening.given_names import forms_of
from bot.screening.lay_titles import (
    CAPITALISED_NAME_TITLE,
    LAY_TITLE_BEFORE,
    LAY_TITLES,
    NAME_CUE_TITLE,
    WORD,
    may_hold_title,
)
from bot.screening.lowered import Headed
from bot.screening.name_shapes import CONTRACTED
from bot.screening.places import STATES
from bot.screening.public_figures import colleague_given_care, public_figure
from bot.screening.relatives import FAMILY, FAMILY_ABROAD, FAMILY_ABROAD_LOOSE, FAMILY_WORDS, alternation
from bot.screening.term_shapes import COMPASS_HEADS, TOWN_HEADS


def _load_first_names() -> frozenset[str]:
    text = resources.files("bot.screening").joinpath("first_names.txt").read_text("utf-8")
    words = (w for line in text.splitlines() if not line.startswith("#") for w in line.split())
    return frozenset(words)


FIRST_NAMES = _load_first_names()

# Eponyms: people's names that are diseases, signs, tests or procedures, never patients.
_EPONYM_WORDS = frozenset(
    """Addison Alzheimer Apgar Asperger Babinski Baker Barr Barrett Bartholin Bell Bouchard
    Brugada Burkitt Cesarean Caesarean Charcot Cheyne Colles Creutzfeldt Crohn Cushing Down
    Dupuytren Ebola Ehlers Danlos Epley Epstein Ewing Fallot Foley Fowler Gehrig Gleason Glasgow
    Graves Guillain Barré Barre Hashimoto Heberden Heimlich Hirschsprung Hodgkin Holter Homans
    Horner Huntington Jakob Kaposi Kawasaki Kegel Klinefelter Kussmaul Lasik Lewy Lisfranc Lyme
    Mallory Marfan McBurney Meniere Ménière Mohs Morton Munchausen Murphy Nissen Osgood Osler
    Paget Pap Parkinson Perthes Peyronie Prader Raynaud Reye Rett Roux Sabin Salk Schlatter
    Sjogren Sjögren Snellen Stevens Stokes Tay Sachs Tourette Trendelenburg Turner Valsalva
    Whipple Willebrand Wilms Wilson Wolff Zika Zollinger Ellison Achilles Angelman Marburg
    Coxsackie Weber Sturge Tommy John Lou Lilly Bruce""".split()
)
_EPONYM_PHRASES = re.compile(
    r"\b(?:Tommy John|Lou Gehrig|Down(?:'s)? syndrome|Achilles|Eli Lilly|Jenny Craig|Weight Watchers"
    r"|Johnson ?& ?Johnson|Mary Kay|Sam's Club|Ronald McDonald|Martin Luther King(?: Jr\.?)?|Ho Chi Minh|Hồ Chí Minh"
    r"|Jack Daniel's|Ben ?& ?Jerry's|Charley horse|Peyronie's|von Willebrand|Von Willebrand"
    r"|Lewy body|West Nile|Rocky Mountain|Mini-Cog|Kaplan-Meier|St\. John's wort|Ramsay Hunt"
    # hospitals and foundations known by a person's name alone ('Mayo Clinic and Johns Hopkins both publish')
    r"|Johns Hopkins|Sloan[- ]Kettering|MD Anderson|Cedars[- ]Sinai|Dana[- ]Farber|Mass General|St\.? Jude"
    r"|Shriners|Kaiser Permanente|Susan G\. Komen|Betty Ford (?:Center|Clinic)|Christopher (?:& Dana )?Reeve Foundation"
    r"|Michael J\. Fox Foundation)"
)
# The other languages put the noun first: 'enfermedad de Parkinson', 'síndrome de Down', 'maladie d'Alzheimer',
# 'morbo di Crohn', 'doença de Chagas', 'Morbus Crohn'; and German joins it on: 'Parkinson-Krankheit'.
_DISEASE_NOUNS_FIRST = (
    r"\b(?:enfermedad|s[íi]ndrome|mal|maladie|syndrome|morbo|malattia|doen[çc]a|morbus|syndrom|maniobra|manobra"
    r"|man[œo]euvre|manovra|signo|sinal|signe|segno|zeichen|prueba|teste|test|linfoma|lymphome|sarcoma|sarcome"
    r"|quiste|kyste|cisti|cisto|[úu]lcera|ulc[eè]re|fractura|fratura|fracture|frattura)"
)
_DISEASE_NOUNS_JOINED = r"-(?:Krankheit|Syndrom|Erkrankung|Zeichen|Test)\b"
_EPONYM_NOUN_FIRST = Headed(
    _DISEASE_NOUNS_FIRST,
    re.compile(
        rf"(?i:{_DISEASE_NOUNS_FIRST}"
        r"(?:\s+(?:de|del|des|du|di|da|do|von|d['’]))?\s*)"
        r"[A-Z][\w'’-]{1,30}(?:\s+(?:y|e|et|und|and)\s+[A-Z][\w'’-]{1,30})?"
    ),
)
_EPONYM_JOINED = re.compile(rf"\b[A-Z][\w'’]{{1,30}}{_DISEASE_NOUNS_JOINED}")  # (looked for only after a hyphen)


# Bounded words and word counts: an unbounded chain retried from every capital is quadratic on 'Ab Ab Ab …'.
# Two eponyms may share the noun: 'Kernig and Brudzinski signs', 'Cullen and Grey Turner signs'.
_EPONYM_NOUN = re.compile(
    r"\b[A-Z][\w'’]{0,30}(?:[- ][A-Z][\w'’]{0,30}){0,4}(?:'s|’s|s'|')?"
    r"(?: and [A-Z][\w'’]{0,30}(?:[- ][A-Z][\w'’]{0,30}){0,2}(?:'s|’s|s'|')?)?"
    r"\s+(?:disease|syndrome|palsy|signs?|tests|reflexes|angina|grade|class|pattern|gait|deformity|tear"
    r"|maneuver"
    r"|manoeuvre|reflex|phenomenon|lymphoma|sarcoma|cyst|esophagus|contracture|neuroma|score"
    r"|scale|criteria|classification|tumou?r|ulcer|triad|law|exercises?|position|tube|catheter"
    r"|block|node|disorder|anomaly|dystrophy|ataxia|chorea|encephalopathy|hernia|thyroiditis"
    r"|ophthalmopathy|fracture|procedure|operation|test|smear|maneuvers|tendon|tendinitis"
    r"|tendinopathy|monitor|surgery|repair|wort|body|bodies|dementia|virus|fever|protocol|method|technique"
    r"|approach|rule|index|formula|equation|classification|stage|staging|grading|diet|plan"
    # exam findings and the tools of an operation: 'Roth spots', 'McBurney tenderness', 'Kocher incision'
    r"|spots|lesions|nodes|nodules|tenderness|point|incision|drain|forceps|retractor|clamp|splint|applanation"
    r"|tonometry|shunt|filter|pouch|flap|graft|stockings|sheath|cannula)\b"
)

# (an initial may come between: 'Mr. J. Kowalczyk')
_HONORIFIC = re.compile(
    rf"\b(?:{CAPITALISED_NAME_TITLE})\.?\s+(?:[A-Z]\.\s*)?([A-Z][a-zA-Z'’-]+)(?:\s+([A-Z][a-zA-Z'’-]+))?"
)
_RELATION = (
    rf"patient|pt|{alternation(FAMILY, FAMILY_ABROAD, FAMILY_ABROAD_LOOSE)}|partner"
    r"|boy|girl|man|woman|baby|infant|toddler|neighbou?r|friend|kid"
    r"|teen|teenager|widow|widower|gentleman|lady|twins?|named|called|name is|name was"
    r"|known as|goes by|caregiver|roommate|coworker|classmate|student|client|resident|veteran"
)
# ('a esposa do Arlindo', 'el hijo de Marisol': the relative of someone named)
_CONTEXT = Headed(
    rf"\b(?:{_RELATION})[\s,:(]",
    re.compile(
        rf"(?i:\b(?:{_RELATION}))[\s,:(]+(?:(?:de|do|da|del)\s+)?([A-Z][a-zA-Z'’-]+)(?:\s+([A-Z][a-zA-Z'’-]+))?"
    ),
)
_POSSESSIVE = re.compile(
    r"\b([A-Z][a-z'-]+)(?:'s|’s) (?:mom|mother|dad|father|husband|wife|son|daughter|family|parents"
    r"|sister|brother|kids|baby|surgery|diagnosis|cancer|chemo|labs?|results|scans?|MRI|biopsy"
    r"|treatment|recovery|case|symptoms|seizures|tumou?r|pregnancy|delivery|blood|heart|knee|hip"
    r"|leg|arm|story|condition|prognosis|wedding|funeral|birthday|transplant|stroke|fall)\b"
)
# The same in capitals, as chat shouts a nickname: "BIG MIKE's wife", "DESHAWN's mom" (a given name on the list).
_CAPS_POSSESSIVE = re.compile(
    rf"\b((?:[A-Z]{{2,}} )?([A-Z][A-Z'-]+))(?:'s|’s) (?:{alternation(FAMILY)}|family|parents|kids|baby)\b"
)
_FAMILY = re.compile(r"\b(?i:the) ([A-Z][a-z'-]+?)(?:s)?(?: family| twins| kids| household)\b")
# (the words any _RELATION match holds one of: the pattern's words, spelled out where it has optional letters)
_RELATION_WORDS = (
    frozenset(re.findall(r"[a-z]+", _RELATION.lower())) - {"is", "was", "as", "by", "e"}
    | {"neighbor", "neighbour", "twin", "twins"} | FAMILY_WORDS | set(FAMILY_ABROAD_LOOSE)
)
_FAMILY_WORDS = frozenset({"family", "twins", "kids", "household"})
_TOKEN = re.compile(r"\b[A-Z][a-zA-Z'’-]*\b(?!['’]t\b)")

_NOT_NAMES = (
    frozenset(
        """I A An The This That These Those It Its If When While After Before During Since Until
        And But Or So Yet For Not No Yes Our We Us You Your My Me He She His Her They Their Them
        There Here What Which Who Why How Every Each Some Most Many All Any Both One Two Three
        Please Call Ask Talk Get Take Keep Make Try Do Don Let Check Remember Consider Also Just
        Is Are Was Were Would Should Could Can Does Did Has Have Had Okay Ok Well Um Uh Yeah Sure
        Even Only Still Now Today Tomorrow Tonight Then Once Again Always Never Often Sometimes
        Dr Doctor Nurse Medicare Medicaid COVID ER ED ICU OR MRI CT ECG EKG BMI BP FDA CDC NIH WHO
        AAP ACOG USPSTF HIPAA PHI RSV HPV HIV Tdap MMR Family Medicine Clinic Hospital Health
        Center Pediatrics Cardiology Urgent Care Emergency American Association Society College
        Foundation University Institute National Department Office Our Team Staff Board Group
        Spanish English Black White Hispanic Latino Asian Native God Christmas Thanksgiving
        German French Italian Irish Scottish Welsh British Dutch Swiss Swedish Norwegian Danish Finnish Polish
        Russian Ukrainian Greek Turkish Portuguese Brazilian Mexican Canadian Cuban Haitian Jamaican Chinese Japanese
        Korean Vietnamese Filipino Indian Pakistani Nigerian Ghanaian Kenyan Ethiopian Somali Egyptian Israeli
        Iranian Persian Iraqi Syrian Lebanese Arab Arabic Australian African European Puerto Rican Dominican
        Colombian Peruvian Venezuelan Argentine Argentinian Chilean Guatemalan Salvadoran Honduran Hindi Urdu
        Tagalog Creole Hmong Amish Jewish Muslim Catholic Christian Hindu Buddhist Sikh
        Easter Halloween Ramadan Mubarak Eid Diwali Hanukkah Chanukah Kwanzaa Passover Pesach Purim Rosh Hashanah
        Yom Kippur Lent Navratri Holi Vesak Juneteenth Tet Tết Nowruz Onam Pongal Vaisakhi Lunar
        Jr Sr MD DO NP PA RN Hello Hi Thanks Thank Great Good Yes Okay Sure
        Type Stage Grade Phase Level Vitamin Omega Plan Part
        Huh Uh Um Hmm Mm Aha Wow Whoa Hey Ok Yeah Yep Nope Nah Bye Ouch Oops Well Alright""".split()
    )
    | frozenset(MONTHS.split("|"))
    | frozenset(WEEKDAYS.split("|"))
    | STATES
)

_INTERJECTIONS = frozenset("oh ah uh um hmm huh wow aha ouch oops".split())
_CREDENTIAL_AFTER = re.compile(
    r",?\s*(?:M\.?D\.?|D\.?O\.?|NP|PA-C|RN|FNP|DNP|PhD|PharmD|BSN|MSN|CNM|LCSW|MPH|DPT|OTR)\b"
)
_REASONS = {
    "honorific": "looks like a person's name (title and surname)",
    "context": "looks like the name of a patient or a patient's relative",
    "list": "looks like a person's first or full name",
}


# Nouns that only an eponym takes bare ('Cullen sign', 'Fisher grade'): a person has a surgery or a plan,
# not a 'sign'. After a given name these still mark an eponym; other nouns need a non-given name.
_EPONYM_ONLY_NOUN = re.compile(
    r"(?:signs?|reflex(?:es)?|syndrome|disease|palsy|phenomenon|triad|maneuvers?|manoeuvre|criteria|grade|class"
    r"|classification|angina|pattern|gait|score|scale|tests)$"
)
# A named scale and its grade in roman numerals: 'Mallampati III', 'NYHA II', 'Clark level IV'.
_SCALE_GRADE = re.compile(
    r"\b[A-Z][\w'’-]{1,30}(?: and [A-Z][\w'’-]{1,30})?(?: (?:grade|stage|class|level|type))? (?:II|III|IV|VI{0,3}|IX)\b"
)


# An exam sign and its result opening a sentence: 'Romberg negative', 'Tinel and Phalen positive'.
_SIGN_RESULT = re.compile(
    r"(?:^|(?<=[.;:\n]) *)([A-Z][A-Za-z'’-]{2,30})(?: and [A-Z][A-Za-z'’-]{2,30})? (?:positive|negative|equivocal)\b"
    r"(?! (?:for|to|on|after)\b)",  # a person tests 'positive for' something; a sign is just 'positive'
    re.M,
)


# What an eponym names, right after the name ('Tommy John surgery', 'Lou Gehrig's disease'), or ending a run that
# holds it: then the name is the eponym's, not a person's.
_EPONYM_NOUNS = (
    r"disease|syndrome|surgery|procedure|repair|reconstruction|sign|test|maneuver|manoeuvre|operation|palsy"
    r"|phenomenon|law|rule|criteria|score|scale|triad|reflex|fracture"
)
EPONYM_AFTER = re.compile(rf"(?i:['’]s?\b|\s+(?:{_EPONYM_NOUNS})\b)")
EPONYM_TAIL = re.compile(rf"(?i:\s+(?:{_EPONYM_NOUNS})\b\Z)")


@lru_cache(maxsize=16)  # (asked of one text by the name list, the tagger's filter and the untagged readers)
def eponym_mask(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of eponyms (Parkinson's disease, Tommy John surgery) that must not read as names."""
    spans = [m.span() for m in _EPONYM_PHRASES.finditer(text)]
    spans += [m.span() for m in _EPONYM_NOUN_FIRST.finditer(text)]
    if "-" in text:
        spans += [m.span() for m in _EPONYM_JOINED.finditer(text)]
    for match in _SIGN_RESULT.finditer(text):
        if _strip_possessive(match.group(1)) not in FIRST_NAMES:
            spans.append(match.span())
    for match in _SCALE_GRADE.finditer(text):
        after_name = re.search(r"[A-Z][\w'’-]*\.?\s+$", text[max(0, match.start() - 32) : match.start()])
        if _strip_possessive(match.group(0).split()[0]) not in FIRST_NAMES and not after_name:  # not 'Kowalski III'
            spans.append(match.span())
    for match in _EPONYM_NOUN.finditer(text):
        first = _strip_possessive(match.group(0).split()[0])
        possessive = re.match(r"[\w-]+['’]", match.group(0)) is not None
        if (
            first in FIRST_NAMES
            and first not in _EPONYM_WORDS
            and (possessive or not _EPONYM_ONLY_NOUN.search(match.group(0)))
        ):
            continue  # "Steven's surgery" is a patient's surgery, not an eponym
        spans.append(match.span())
    return (*spans, *_eponyms_again(text, spans))


def _eponyms_again(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Later bare mentions of an eponym the text already named in full: "Graves' disease ... Graves' is the most
    common cause", 'Bell's palsy ... Bell's usually recovers' (the writer shortens it once the reader knows it)."""
    # (the eponym's own word: one with a possessive, or the capitalised word last before the noun; a span may
    # open on a capitalised word of the sentence, 'Is Graves' disease')
    heads = set()
    for s, e in spans:
        capitalised = re.findall(r"\b[A-Z][\w-]+(?:['’]s|s['’]|['’])?", text[s:e])
        heads.update(_strip_possessive(w) for w in capitalised if w[-1] in "'’s" and w[-2:] != "ss")
        if capitalised:
            heads.add(_strip_possessive(capitalised[-1]))
    heads = {h for h in heads if len(h) > 2}
    if not heads:
        return []
    again = re.compile(rf"\b(?:{'|'.join(re.escape(h) for h in sorted(heads))})(?:['’]s|s['’]|['’])")
    return [m.span() for m in again.finditer(text) if not _masked(spans, *m.span())]


def _masked(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _is_name_word(word: str) -> bool:
    bare = word[:-2] if word.endswith(("'s", "’s")) else word  # ('Willis's' is Willis, not 'Willi')
    return bare not in _NOT_NAMES and len(bare) > 1 and not bare.isupper() and not CONTRACTED.search(bare)


class NameFinder:
    """Finds personal names, skipping allow-listed people, doctors and eponyms."""

    def __init__(self, allowed_names: frozenset[str]) -> None:
        self._roster = Roster(allowed_names)

    def _allowed_span(self, words: list[str], text: str, start: int) -> bool:
        return self._roster.allows(words, text[max(0, start - 24) : start])

    def find(self, text: str, words: frozenset[str] | None = None) -> Iterator[Finding]:
        """All name findings in text (may overlap; the screener merges them)."""
        mask = eponym_mask(text)
        if words is None or may_hold_title(words, text):
            yield from self._honorifics(text)
        if words is None or words & _RELATION_WORDS or not text.isascii():
            for match in _CONTEXT.finditer(text):
                yield from self._context_match(text, match, mask)
        if "s " in text:
            for match in _POSSESSIVE.finditer(text):
                yield from self._context_match(text, match, mask)
            for match in _CAPS_POSSESSIVE.finditer(text):
                if match.group(2).capitalize() in FIRST_NAMES and not self._allowed_span(
                    match.group(1).split(), text, match.start(1)
                ):
                    yield Finding("name", match.start(1), match.end(1), _REASONS["context"])
        if words is None or words & _FAMILY_WORDS:
            for match in _FAMILY.finditer(text):
                yield from self._context_match(text, match, mask)
        yield from self._list_names(text, mask)

    def _honorifics(self, text: str) -> Iterator[Finding]:
        for match in _HONORIFIC.finditer(text):
            words = [w for w in match.groups() if w and _is_name_word(w)]
            if words and not self._allowed_span(words, text, match.start(1)):
                end = match.end(2) if match.group(2) and _is_name_word(match.group(2)) else match.end(1)
                if _staff(text, end):
                    continue  # 'Ms. Delgado at the front desk', 'Mrs. Lee, RN': the practice's own people
                yield Finding("name", match.start(), end, _REASONS["honorific"])

    def _context_match(self, text: str, match: re.Match[str], mask: list) -> Iterator[Finding]:
        first = match.group(1)
        if not _is_name_word(first) or _masked(mask, match.start(1), match.end(1)):
            return
        if _title_case_cue(text, match) and _strip_possessive(first) not in FIRST_NAMES:
            return  # 'our Patient Safety huddle', 'Resident Wellness': a Title Case name of a thing
        if _strip_possessive(first) in _EPONYM_WORDS:
            return
        if first.lower() in _INTERJECTIONS and text[match.end(1) : match.end(1) + 1] in (",", ".", "!", "?"):
            return  # 'PT: Oh, okay': an interjection after a speaker's label, not the family name in 'Oh Min-ji'
        end = match.end(1)
        if match.lastindex and match.lastindex >= 2 and match.group(2) and _is_name_word(match.group(2)):
            end = match.end(2)
        words = text[match.start(1) : end].split()
        given = _GIVEN_BEFORE.search(text, max(0, match.start(1) - 24), match.start(1))
        full = [given.group(1), *words] if given else []
        if given and public_figure(text, sentence_at(_sentences(text), given.start()), given.start(), full):
            return  # 'Bruce Willis's family announced ...': public knowledge, no care given
        doctor = DOCTOR_BEFORE.search(text[max(0, match.start(1) - 30) : match.start(1)])
        if not self._allowed_span(words, text, match.start(1)) and (not doctor or cared_for_after(text, end)):
            yield Finding("name", match.start(1), end, _REASONS["context"])

    def _list_names(self, text: str, mask: list) -> Iterator[Finding]:
        tokens = list(_TOKEN.finditer(text))
        for i, token in enumerate(tokens):
            word = _strip_possessive(token.group(0))
            if word not in FIRST_NAMES or _masked(mask, token.start(), token.end()):
                continue
            end = token.end()
            if i + 1 < len(tokens):
                nxt = tokens[i + 1]
                gap = text[token.end() : nxt.start()]
                if gap in (" ", " '") and _is_name_word(nxt.group(0)):
                    end = nxt.end()
            words = text[token.start() : end].split()
            doctor = DOCTOR_BEFORE.search(text[max(0, token.start() - 30) : token.start()]) and not cared_for_after(
                text, end)
            if doctor or self._allowed_span(words, text, token.start()):
                continue
            if _PLACE_HEAD.search(text, max(0, token.start() - 8), token.start()):
                continue  # 'San Diego', 'Lake Charles', 'Fort Collins': a town, not a person
            cared_for = colleague_given_care(text, sentence_at(_sentences(text), token.start()), end)
            colleague = COLLEAGUE_AFTER.match(text, end) or STAFF_BEFORE.search(
                text, max(0, token.start() - 40), token.start())
            if (colleague or staff_sentence(text, sentence_at(_sentences(text), token.start()))) and not cared_for:
                continue  # 'Rachel from marketing', 'Kevin is on call', 'the new fellow, Arjun': a colleague
            if (_CREDENTIAL_AFTER.match(text, end) or STAFF_ROLE.match(text, end)) and not cared_for:
                continue  # 'Savannah Parks, MD', 'Maria at the front desk': the practice's own people
            if _masked(mask, token.start(), end):
                continue
            if public_figure(text, sentence_at(_sentences(text), token.start()), token.start(), words):
                continue  # 'Tom Hanks has talked about his diabetes': public knowledge, no care given
            yield Finding("name", token.start(), end, _REASONS["list"])


def _staff(text: str, end: int) -> bool:
    """A titled name the text places among the practice's staff by post or credential after it ('at the
    front desk', ', our nurse', ', RN'). A team or duty alone ('from marketing', 'is on call') does not:
    a titled name is still judged a patient's then, as in `learned_findings._colleague`."""
    return bool(STAFF_ROLE.match(text, end) or _CREDENTIAL_AFTER.match(text, end))


# The sentences of the text being screened, split once however many names it holds.
_sentences = lru_cache(maxsize=2)(sentence_spans)


# A given name (and an initial) right before a family name: 'Bruce Willis', 'Michael J. Fox'.
_GIVEN_BEFORE = re.compile(r"\b([A-Z][a-z]+)(?: [A-Z]\.)? $")


# A town's capitalised head word right before a given name: 'San Diego', 'Santa Monica', 'Lake Charles'.
_PLACE_HEAD = re.compile(rf"\b(?:{TOWN_HEADS}|{COMPASS_HEADS}) $")
# A relation word spelt with a capital inside a sentence ('our Patient Safety huddle', 'the Resident
# Wellness retreat') is part of a Title Case name of a programme or place, not a cue for a person.
_RELATION_NOUNS = frozenset(
    "patient resident student client veteran friend family caregiver neighbor neighbour partner".split()
)


def _title_case_cue(text: str, match: re.Match[str]) -> bool:
    cue = text[match.start() : match.start(1)].strip(" ,:(").split()
    if not cue or cue[-1].lower() not in _RELATION_NOUNS or not cue[-1][0].isupper():
        return False
    before = text[max(0, match.start() - 3) : match.start()].rstrip(" \"'(")
    return bool(before) and before[-1] not in ".!?:\n"


def _strip_possessive(word: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


# Words of a listed name that are its title, not the person: 'Dr.', 'MD', 'Mrs.', 'Sra.' (not 'Don', 'Miss':
# also given names or words).
_TITLE_TOKENS = frozenset({"dr", "md", "do"}) | frozenset(t.form for t in LAY_TITLES if t.kind != WORD)


def name_tokens(names: frozenset[str]) -> frozenset[str]:
    tokens: set[str] = set()
    for name in names:
        for word in re.split(r"[\s,]+", name):
            word = word.strip(".()").lower()
            if word and word not in _TITLE_TOKENS:
                tokens.add(_strip_possessive(word))
    return frozenset(tokens)


def goes_by(tokens: frozenset[str]) -> frozenset[str]:
    """The words of a listed name with the forms its given name goes by ('Michael Evans' is 'mike evans' too)."""
    return tokens.union(*(forms_of(word) for word in tokens))





# A patient or relative just before a name: 'my patient Alvarez' is someone else whatever the roster says.
_PATIENT_BEFORE = re.compile(
    rf"(?i:\b(?:patient|pt|client|{alternation(FAMILY, FAMILY_ABROAD)}"
    r"|boy|girl|baby|infant|toddler|named|name is|name was)[\s,:(]+)$"
)
_CLINICIAN_TITLE = re.compile(
    r"(?i:^\s*(?:dr|doctor|prof|professor|nurse)\b|,?\s*\b(?:m\.?d|d\.?o|np|pa-c|rn|fnp|dnp|phd|dds|dmd)\.?\s*$)"
)
_LAY_TITLE = re.compile(rf"(?i:^\s*(?:{NAME_CUE_TITLE})(?![\w'’]))")  # a listed 'Ms. Delgado', not 'Don Alvarez'


# An allow-listed name that is an organisation's, not a person's.
_ORGANISATION = re.compile(
    rf"(?i:\b(?:{words(ALLOWED)})\b)"
)


class Roster:
    """Allow-listed people, each kept whole, so a name passes only as one of them.

    A bag of all their words would let 'Sofia Okafor' (two people's halves), 'Mrs. Alvarez' (a
    different person sharing Dr. Alvarez's surname) or 'my patient Alvarez' through.
    """

    def __init__(self, names: frozenset[str]) -> None:
        self.words = name_tokens(names)
        self._people = [
            (name_tokens(frozenset({name})), bool(_CLINICIAN_TITLE.search(name)), bool(_LAY_TITLE.search(name)))
            for name in names
            if not _ORGANISATION.search(name)
        ]
        # Each person also by the short form of their given name, said with their surname ('mike evans').
        self._goes_by = [goes_by(tokens) for tokens, _, _ in self._people]
        self._all_goes_by = frozenset().union(*self._goes_by)
        # An organisation's own words ('Lakeshore's Employee of the Month', 'named Lakeshore's physician of the
        # year') name no patient, whatever comes before them; a word it shares with a listed person stays theirs.
        people_words = {word for tokens, _, _ in self._people for word in tokens}
        self._organisation_words = name_tokens(frozenset(n for n in names if _ORGANISATION.search(n))) - people_words

    def allows(self, words: list[str], before: str) -> bool:
        """True if words name one allow-listed person, given the text just before them."""
        found = {_strip_possessive(w.strip(".")).lower() for w in words} - {""}
        if found and found <= self._organisation_words:
            return True
        if not found or not found <= self._all_goes_by or _PATIENT_BEFORE.search(before):
            return False
        title = LAY_TITLE_BEFORE.search(before)  # 'Mrs. Alvarez' is not Dr. Alvarez
        title_word = title.group(0).split()[0].rstrip(".").lower() if title else ""
        for (tokens, clinician, titled), known_as in zip(self._people, self._goes_by, strict=True):
            # (a short form of the given name only beside a listed word: 'mike evans', never 'mike' alone)
            by_short_form = len(found) > 1 and found <= known_as and bool(found & tokens)
            if not (found <= tokens or by_short_form):
                continue
            # Under 'Mr./Mrs./Sra.', someone listed as 'Dr.' is someone else ('Ms. Delgado' may be staff);
            # a 'title' that is the listed person's given name is no title ('Don Alvarez', Dr. Don Alvarez).
            lay_title = title is not None and title_word not in tokens
            if not lay_title or titled or not clinician:
                return True
        return False
