"""A surname right after a lay title, in any casing: 'ask ms. farahani to call', 'MRS. OYELARAN
called', 'missus patel', 'sra. quezada'. The title says a person follows, so the word needs no capital
and no model; what it must not be is a function word, a relation, a drug, or (after a title that is also
an ordinary word: 'don't miss your dose', 'I miss the old clinic') a verb's object. The practice's own
people (the roster, staff by their post or credential) stay allowed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.screening.clinical_titles import CLINICAL_TITLE
from bot.screening.context import STAFF_ROLE, cared_for_after, sentence_at
from bot.screening.findings import Finding
from bot.screening.given_names import pet_form
from bot.screening.lay_titles import (
    DOTTED,
    ENGLISH_WORD_TITLES,
    LAY_TITLE,
    LAY_TITLE_WORDS,
    PRONOUN_TITLES,
    TITLE,
    lay_title,
)
from bot.screening.lexicon import _DRUG_ENDING
from bot.screening.name_shapes import _DOSE_AFTER, _MED_WORD, _NEVER_NAMES, CONTRACTED, SUBJECT_VERBS
from bot.screening.names import _CREDENTIAL_AFTER, Roster
from bot.screening.public_figures import care_given, named_in_full, public_figure
from bot.screening.relatives import (
    FAMILY,
    FAMILY_ABROAD,
    FAMILY_ABROAD_LOOSE,
    FAMILY_AFTER_POSSESSIVE,
    FAMILY_WORDS,
    alternation,
)
from bot.screening.treatments import names_treatment

REASON = "looks like a person's name (a title and surname)"

# A title, then one word of letters (an apostrophe or hyphen inside: "o'brien", 'garcia-lopez').
_TITLED = re.compile(rf"(?i:(?<![\w.'’-])({LAY_TITLE})(\.?)[ \t]+)([^\W\d_]+(?:['’-][^\W\d_]+)*)(?![\w'’-])")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+(?:['’-][^\W\d_]+)*)(?![\w'’-])")
_SCHEDULE_AFTER = re.compile(r"(?i:[ \t]+(?:bid|tid|qid|qd|qhs|qam|qpm|q\d+h|prn|po|daily|nightly|er|xr|sr|cr|la)\b)")
# The particles of a family name ('de la Cruz', 'van der Berg', 'dos Santos', 'al Amin'), then the name itself.
_PARTICLES = re.compile(
    r"(?i:(?:(?:de|del|della|van|von|der|den|da|das|do|dos|di|du|la|las|le|los|al|el|bin|ben|ter|ten|st\.?)[ \t]+){1,3}"
    r"([^\W\d_]+(?:['’-][^\W\d_]+)*)(?![\w'’-]))"
)
_ALSO_VERBS = frozenset({"miss", "misses", "master", "don"})
_CLINICIAN_WORDS = frozenset("dr doctor prof professor nurse np pa rn md".split())
# Before a title that is also a verb, its subject or auxiliary makes it the verb: 'I miss', "don't miss",
# 'you'll miss', 'she misses', 'to master', 'please don'.
_VERB_BEFORE = re.compile(
    r"(?i:(?:\b(?:i|you|u|we|they|he|she|it|who|that|to|not|never|will|would|can|could|should|might|may|must"
    r"|did|do|does|dont|didnt|wont|cant|often|always|sometimes|rarely|also|ever|just|still|really|please"
    r"|kids|people|patients|folks)|['’](?:t|ll|d|ve|re|m|s))\s+$)"
)
# An article or determiner before a title that is also a noun: 'la señora llamó', 'the master bedroom'.
_ARTICLE_BEFORE = re.compile(
    r"(?i:\b(?:la|el|las|los|una|un|le|les|une|the|a|an|this|that|esta|esa|este|ese|die|der|das|uma|um"
    r"|questa|quella|cette|ce|del|al|mi|my|su|your|our|nuestra|nuestro|nossa|nosso)\s+$)"
)


def _strip(word: str) -> str:
    return re.sub(r"['’]s?$", "", word).lower()


def _drug(low: str) -> bool:
    return _DRUG_ENDING.search(low) is not None or _MED_WORD.fullmatch(low) is not None


# Titles no other word is spelt like in chat: after them even a word an old dictionary lists is a surname ('mr begay').
_PERSON_ONLY_TITLES = frozenset({"mr", "mrs"})
# ... but 'mr' is mitral regurgitation too, graded after it ('mr severe on echo', 'mr trace').
_VALVE_GRADES = frozenset(
    "trace trivial mild moderate severe significant physiologic physiological noted present absent seen jet grade"
    " improved worse worsening unchanged stable resolved persists".split()
)


def _surname(low: str, gaz, strict: bool, obscure_ok: bool = False) -> bool:
    """Can the word after a title be a surname? A listed name ('patel', 'quezada') or a word on no list
    ('haddad', 'oyelaran'), never a dictionary word ('ms flare', 'miss school'). After a title that is
    nothing else ('mrs', 'sra', 'mr.'), a listed name that is also a common word ('mrs. white') and a
    short unknown word ('mrs. wu') too; after one that may be an abbreviation or a word, not ('ms dx',
    'don ppe')."""
    if len(low) < 2 or low in _NEVER_NAMES or low in LAY_TITLE_WORDS or low in _CLINICIAN_WORDS or _drug(low):
        return False
    flags = gaz.flags(low)
    listed = "F" in flags or "L" in flags
    if "c" in flags:
        return listed and not strict  # 'mrs. white', not 'ms. and', 'miss your', 'señora que'
    if listed:
        return True
    if "v" in flags and not (obscure_ok and low not in gaz.frequent and len(low) >= 4):
        return False  # 'ms flare', 'miss school', 'MRS. are'; a capitalised 'Mrs. Baker' is `names`' to find
    return not strict or len(low) >= 4  # a word no list knows: 'haddad', 'quezada'; not 'ms dx', 'don ppe'


def _family_name(given: str, word: str, gaz) -> bool:
    """The word after a given name is its family name: a listed one ('maria quezada'), or one no list
    knows written in the given name's casing ('Maria Haddad', 'MARIA HADDAD'; not 'ofelia veio')."""
    low = _strip(word)
    if not _surname(low, gaz, strict=True):
        return False
    flags = gaz.flags(low)
    if "F" in flags or "L" in flags:
        return True
    return not given.islower() and (given.isupper() == word.isupper()) and word[0].isupper()


def titled_names(text: str, gaz, roster: Roster, sentences: list[tuple[int, int]]) -> Iterator[Finding]:
    """Names after a lay title in any casing, minus the roster, staff and public figures."""
    for match in _TITLED.finditer(text):
        title = lay_title(match.group(1))
        if title is None:
            continue
        dotted = match.group(2) == "."
        strict = not (title.kind == TITLE or (title.kind == DOTTED and dotted))
        word = match.group(3)
        # English grammar right after the word, a possessive or a subject's verb: 'bà nguyen's son', 'ông tran asked'
        english = word.endswith(("'s", "’s")) or _SUBJECT_OF.match(text, match.end(3)) is not None
        if title.form in PRONOUN_TITLES and not word[0].isupper() and not english:
            continue  # 'bác uống thuốc này': the title is the word for 'you' (not so in English grammar)
        if title.form in ENGLISH_WORD_TITLES and not match.group(1)[0].isupper():
            continue  # 'we ate Thanksgiving dinner'
        low = _strip(word)
        particles = _PARTICLES.match(text, match.start(3))
        if particles:  # 'mrs. de la cruz', 'MR. VAN DER BERG': the surname is the word after its particles
            word, low = particles.group(1), _strip(particles.group(1))
        obscure_ok = title.form in _PERSON_ONLY_TITLES and not match.group(1).isupper() and low not in _VALVE_GRADES
        if not _surname(low, gaz, strict, obscure_ok=obscure_ok):
            continue
        before = text[max(0, match.start() - 24) : match.start()]
        if title.kind not in (TITLE, DOTTED):
            listed = any(f in gaz.flags(low) for f in "FL")
            if title.form in _ALSO_VERBS and _VERB_BEFORE.search(before):
                continue  # "don't miss your dose", 'I miss rose', 'you should don gloves'
            if not listed and _ARTICLE_BEFORE.search(before):
                continue  # 'la señora llamó ayer', 'the master suite': a noun, no title
        end = particles.end(1) if particles else match.end(3)
        words = [word]
        nxt = _NEXT_WORD.match(text, end)
        if nxt and "F" in gaz.flags(low) and _family_name(word, nxt.group(1), gaz):
            end = nxt.end(1)  # 'sra. maria quezada': a given name, then the surname
            words.append(nxt.group(1))
        elif title.language == "vi" and word[0].isupper():
            # a Vietnamese name is written a capital to each syllable: 'Cụ Nguyễn Văn Thành'
            while (nxt := _NEXT_WORD.match(text, end)) and nxt.group(1)[0].isupper() and len(words) < 4:
                end = nxt.end(1)
                words.append(nxt.group(1))
        if _DOSE_AFTER.match(text, end) or _SCHEDULE_AFTER.match(text, end):
            continue  # a brand and its strength or schedule: 'MS CONTIN 15 MG', 'ms contin bid'
        if roster.allows(words, text[max(0, match.start(3) - 24) : match.start(3)]):
            continue  # one of the practice's own people, listed with this title or none
        if (STAFF_ROLE.match(text, end) or _CREDENTIAL_AFTER.match(text, end)) and not care_given(
            text, *sentence_at(sentences, match.start(3))
        ):
            continue  # 'ms. haddad at the front desk', 'Mrs. Lee, RN'
        plain = [_strip(w) for w in words]
        # (a famous family name alone after a lay title is someone of that name: 'miss harlow has a fever again')
        if public_figure(text, sentence_at(sentences, match.start(3)), match.start(3), plain) and (
            len(plain) > 1 or named_in_full(text, plain)
        ):
            continue
        yield Finding("name", match.start(), end, REASON)


# 'my patient' or 'her brother' in the languages screened says a person follows, as a title does: 'mi paciente rosa
# dijo', 'meine Patientin Rosa', 'su hermano pablo', 'my patient john fell'.
_MY_PATIENT = re.compile(
    r"(?i:\b(?:my|our|his|her|their|your|the|(?:the |my |our )?(?:patient|pt)['’]s"
    r"|mi|mis|nuestr[oa]|su|tu|minha|meu|nossa|nosso|seu|sua|meine|mein|unsere"
    r"|unser|ihre?|seine?|deine?|ma|mon|notre|sa|son|ta|ton|votre|la mia|il mio|la nostra|il nostro|la sua|il suo"
    r"|sua|suo|tua|tuo|ang|si) (?:patient|pt|paciente|patientin|patiente|paziente|pasyente(?: ko(?:ng)?)?"
    # ... and the family: 'su hermano pablo', 'Ihr Sohn markus', 'sa sœur isabelle', 'her niece dawn'
    rf"|{alternation(FAMILY, FAMILY_ABROAD, FAMILY_ABROAD_LOOSE, FAMILY_AFTER_POSSESSIVE)}"
    r"|(?:son|daughter|mother|father|brother|sister)[- ]in[- ]law)"
    r"(?:,| named| called| llamad[oa]| chamad[oa]| namens| nommée?| chiamat[oa]| si)?[ \t]+)"
    r"([^\W\d_]+(?:['’-][^\W\d_]+)*)(?![\w'’-])"
)


PATIENT_WORDS = (
    frozenset("patient pt paciente patientin patiente paziente pasyente".split())
    | FAMILY_WORDS
    | frozenset(FAMILY_ABROAD_LOOSE)
    | frozenset(FAMILY_AFTER_POSSESSIVE)
)


def patients_named(text: str, gaz, roster: Roster) -> Iterator[Finding]:
    """A given or family name right after 'my patient' or 'her brother', in any casing: a name on a name list that is
    no common word of English or the other languages ('rosa', 'john'; not 'will', 'vino', 'dijo'), and in lower
    case no dictionary word ('said')."""
    for match in _MY_PATIENT.finditer(text):
        word = match.group(1)
        low = _strip(word)
        flags = gaz.flags(low)
        listed = _listed(low, gaz)  # ('my patient jimmy had a stroke')
        if (
            not listed
            or "c" in flags
            # a dictionary word in lower case: 'her daughter said'; but a given name that is also a word, as the
            # subject of a verb, is the relative's name ('her niece dawn is convinced', 'my patient grace said')
            or ("v" in flags and not word[0].isupper() and not (listed and _SUBJECT_OF.match(text, match.end(1))))
            or low in gaz.function
            or low in _NEVER_NAMES
            or CONTRACTED.search(word)  # 'a patient I'll call Betty'
        ):
            continue
        end = match.end(1)
        words = [word]
        nxt = None if _SUBJECT_OF.match(text, end) else _NEXT_WORD.match(text, end)
        if nxt and _family_name(word, nxt.group(1), gaz):
            end = nxt.end(1)
            words.append(nxt.group(1))
        if roster.allows(words, text[max(0, match.start(1) - 24) : match.start(1)]):
            continue
        yield Finding("name", match.start(1), end, REASON_PATIENT)


# A verb right after a word: the word is its subject.
_SUBJECT_OF = re.compile(rf"(?i:[ \t]+(?:{'|'.join(SUBJECT_VERBS)})\b)")


REASON_PATIENT = "looks like a person's name (right after 'my patient')"


# A clinician named by title ('Dr. Nguyen', 'Nurse Jackie Wong', 'Charge nurse Rivera') is the practice's
# own, never held for the title alone; but when the sentence makes them the one cared for ('… was admitted
# to our ICU', '… is recovering from surgery'), their name is a patient's like any other.
CARED_FOR_REASON = "names someone (a clinician too) as the one cared for"


def cared_for_clinicians(text: str) -> Iterator[Finding]:
    for match in CLINICAL_TITLE.finditer(text):
        if cared_for_after(text, match.end(1)):
            yield Finding("name", match.start(1), match.end(1), CARED_FOR_REASON)


# Titles of rank, office or calling ('Police Chief', 'Sgt.', 'Pastor', 'Mayor'): a name after one is no patient's
# by itself, but the one cared for when the sentence says so ('Police Chief Dan Holt was treated for smoke
# inhalation at our hospital yesterday'), as for a clinician.
RANK_TITLE_WORDS = frozenset(
    "chief captain capt sergeant sgt officer deputy sheriff lieutenant lt coach pastor father rabbi imam judge mayor"
    " superintendent principal commissioner councilwoman councilman councilmember senator governor representative"
    " rev reverend padre bürgermeister alcalde prefeito sindaco maire deacon bishop elder".split()
)
_RANK_TITLE = re.compile(
    r"\b(?:(?:Police|Fire|Deputy|Assistant) )?(?:Chief|Captain|Capt\.|Sergeant|Sgt\.|Officer|Deputy|Sheriff"
    r"|Lieutenant|Lt\.|Coach|Pastor|Father|Rabbi|Imam|Judge|Mayor|Superintendent|Principal|Commissioner|Councilwoman"
    r"|Councilman|Councilmember|Senator|Governor|Representative|Rev\.|Reverend|Padre|Bürgermeister|Alcalde|Prefeito"
    r"|Sindaco|Maire|Deacon|Bishop|Elder)\s+((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)?)"
)


def cared_for_ranks(text: str) -> Iterator[Finding]:
    for match in _RANK_TITLE.finditer(text):
        if cared_for_after(text, match.end(1)):
            yield Finding("name", match.start(1), match.end(1), CARED_FOR_REASON)


# A lower-case word before what only a person does to the writer ('nou came in two sundays ago', 'hope keeps asking
# if she can stop', 'olena zhao told me'): the word is that person's name, when it is one (on a list, a pet form)
# or on no list at all, and no pronoun, kin or role word ('my mom came in', 'the guy told me').
_DID_TO_ME = re.compile(
    r"(?:^|[.!?,;:]\s+|\b(?:but|and|so|then|because|bc|cuz|lol|tbh|rn|ok|also|today|yesterday)\s+)"
    r"([a-z][a-z'’-]+)(?:\s+([a-z][a-z'’-]+))?"
    r"\s+(?:came in|comes in|keeps asking|kept asking|keeps telling|told me|asked me|called me|texted me|messaged me"
    r"|emailed me|dm'?d me|swears|insists|brought (?:me|in)|showed me)\b"
)
_PERSON_PRONOUN = re.compile(r"(?i:\b(?:she|he|her|his|him|she's|he's)\b)")
_NOT_SOMEONE = frozenset(
    """i you he she it we they who which that this these those one someone somebody everyone everybody anyone nobody
    patient pt pts guy lady man woman kid kids mom dad mother father wife husband son daughter sister brother aunt
    uncle grandma grandpa nurse doctor doc dr resident family friend neighbor neighbour boss coworker teacher coach
    pharmacist tech people ppl folks he'd she'd finally then still also just but and so because bc cuz lol tbh rn ok
    today yesterday honestly literally""".split()
)


def _listed(word: str, gaz) -> bool:
    """A given or family name on the lists, or a pet form of a given name ('jimmy')."""
    flags = gaz.flags(word)
    return "F" in flags or "L" in flags or pet_form(word)


def names_before_deeds(text: str, gaz) -> Iterator[Finding]:
    """Lower-case names as the subject of 'came in', 'keeps asking', 'told me' (see _DID_TO_ME)."""
    for match in _DID_TO_ME.finditer(text):
        first, second = match.group(1), match.group(2)
        words = [w for w in (first, second) if w]
        lows = [_strip(w) for w in words]
        if any(w in _NOT_SOMEONE or w in gaz.common or w in _NEVER_NAMES or w in gaz.function for w in lows):
            continue
        if any(gaz.in_vocab(w) and not _listed(w, gaz) for w in lows) or names_treatment(" ".join(lows)):
            continue  # a word of the language ('the results came in'), a drug ('ozempic came in a new pen')
        # A word on no list at all may be a product or a firm ('mychart messaged me'): a person only if a 'she' or
        # 'he' follows it in the sentence.
        if not any(_listed(w, gaz) for w in lows) and not _PERSON_PRONOUN.search(text, match.end(), match.end() + 120):
            continue
        end = match.end(2) if second else match.end(1)
        yield Finding("name", match.start(1), end, REASON_DEED)


DEED_WORDS = frozenset(
    "came comes keeps kept told asked called texted messaged emailed dmd dm swears insists brought showed".split()
)
REASON_DEED = "looks like a person's name (the one who came in or asked)"


# A family by its surname in the plural: 'The Yoders out at Maple Hollow Farm all ask about it', 'the Nguyens'
# twins'. Only a surname on the family-name lists and no common word ('the Browns', 'the Packers', 'the Millers'
# of a team or a trade are words too), not a people ('the Somalis', on no list).
_FAMILY_PLURAL = re.compile(r"\b(?:[Tt]he|[Oo]ur) ([A-Z][a-z'’-]+?)(?:es|s)\b(?!['’]s? (?:disease|syndrome|sign|test))")


def families_by_surname(text: str, gaz, roster: Roster) -> Iterator[Finding]:
    for match in _FAMILY_PLURAL.finditer(text):
        low = match.group(1).lower()
        flags = gaz.flags(low)
        whole = match.group(0).split()[-1].lower()
        if "L" not in flags or "v" in flags or "c" in flags or gaz.flags(whole) or roster.allows([match.group(1)], ""):
            continue
        yield Finding("name", match.start(1), match.end(0), REASON_FAMILY)


REASON_FAMILY = "names a family by its surname"
