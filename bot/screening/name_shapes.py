"""The shapes that say whether a run the name tagger found is a person: cues around it (a title,
a relation, a greeting, a form label, a name spoken to), and the shapes of what is not a person
(section labels, clinical notation and terms, acronyms, drug brands, the practice's own name).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.screening.advice import _MEDS
from bot.screening.clauses import commands
from bot.screening.given_names import pet_form
from bot.screening.lay_titles import LAY_TITLE, LAY_TITLE_WORDS, NAME_CUE_TITLE
from bot.screening.lexicon import DRUG_WORD
from bot.screening.relatives import FAMILY, FAMILY_ABROAD, FAMILY_ABROAD_LOOSE, GRANDPARENT_NAMES, alternation

# An unlisted word needs a cue that it names someone: a title, relation or greeting before it, or a
# verb of saying or visiting after it. Without one, 'Chest pain' or 'lower mortality' is not a name.
_CUE_BEFORE = re.compile(
    # A lay title ('mrs', 'sra.', 'herr'), or the m of "I'm" (a speaker giving their own name).
    # (a title set off by a comma calls the reader by it: 'Ate, pumunta na po kayo' - the next word is no name)
    rf"(?i:\b(?:{LAY_TITLE})\.?[ \t(]+"
    rf"|\b(?:(?<=['’])m"
    rf"|{alternation(FAMILY, FAMILY_ABROAD, FAMILY_ABROAD_LOOSE, GRANDPARENT_NAMES)}"
    r"|partner|neighbou?r|roommate|caregiver|guardian|proxy|poa"
    r"|pt|patient|named|called|contact|thanks|thank you|name is|name's"
    r"|shoutout|shout out|visited|hi|hey|dear|lol|omg|ugh|haha|re"
    # Titles of rank, office or calling: 'sergeant hollis', 'coach diaz', 'pastor mike'.
    r"|sgt|sergeant|officer|coach|pastor|capt|captain|judge|rev|reverend|deputy|chief|lt|lieutenant|major"
    r"|prof|professor|rabbi|imam|senator|mayor|corporal|private|elder"
    # The patient in the other languages ('mi paciente rosa', 'meine patientin rosa'), and pet names for family.
    r"|paciente|patientin|patiente|paziente|pasyente|petite-fille|petit-fils|mamie|papi"
    # Verbs of telling, seeing or meeting someone: 'i told linda garcia', 'we talked to sarah'.
    r"|told|tell|telling|saw|see|seeing|seen|met|meet|meeting|treated|treating|examined|texted|emailed|messaged"
    r"|(?:talked|talking|talk|spoke|speaking|spoken|chatted|met|visited|checked in) (?:to|with|on))\b[\s,:.(]*"
    r"|[:(]\s*)$"
)


_CUE_AFTER_WORDS = (
    r"(?i:[\s,)]*(?:['’]s\b|said|says|asked|asks|was|is|came|comes|called|calls|texted|wants|has|had|who|and"
    r"|just|finally|keeps|got|gets|will|would|can|could|did|does|sent|told|loves|loved|reports|presented"
    r"|ambulating|tolerating|seen|here|from|\(|,\s*(?:(?:son|daughter|wife|husband|mom|dad)\b"
)


_CUE_AFTER = re.compile(_CUE_AFTER_WORDS + r"|\d|[a-z]+ *[,)])))")


# For a lower-case run, ', word,' after it is a list ('asymmetry, border, color'), not 'jo, 45,'.
_CUE_AFTER_STRICT = re.compile(_CUE_AFTER_WORDS + r"|\d)))")


# A possessive before a relation: "obi's mom", 'the Nguyens' daughter'.
_RELATION_AFTER = re.compile(
    rf"\s+(?:{alternation(FAMILY)}|kid|kids|baby|partner|family)\b",
    re.IGNORECASE,
)


_MED_WORD = re.compile(rf"(?:{_MEDS})")


# Verbs that follow a subject ('her niece dawn is convinced', 'my patient said'): after a name-word they make it
# the subject; written in lower case in a name's place, they are the verb itself ('My patient said "stop it"').
SUBJECT_VERBS = (
    "is was has had keeps kept said says asked asks told tells thinks thought got gets came comes wants wanted needs"
    " needed takes took started stopped called swears insists believes feels felt"
).split()
# A pronoun with its verb run on ('I'll', 'we'd', 'I'm'): never a name, in whatever casing.
CONTRACTED = re.compile(r"['’](?:ll|m|ve|d|re)$", re.IGNORECASE)
_NEVER_NAMES = frozenset(
    """partner neighbor roommate caregiver guardian proxy poa hijo hija esposo esposa pt patient family friend
    dra dre drª dott dr.ssa dott.ssa dottor dottore dottoressa doctora doutor doutora docteur docteure doktor
    doktorin
    collateral hallway bedside surgery clinic cardiology oncology pediatrics radiology my our your
    colleague colleagues sir madam doctor physician provider team
    na cl co2 bun cr ca mg phos wbc hgb hct plt alt ast alp inr ptt tsh cbc cmp bmp ua lfts lft ldh crp esr bnp
    trop bili alk lytes abg vbg hba1c ggt ck cpk lipase amylase ferritin tibc retic diff""".split()
) | frozenset(FAMILY) | frozenset(GRANDPARENT_NAMES)


_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _abbreviation(word: str) -> bool:
    """'AFib', 'eGFR', 'HbA1c': short, several capitals, not all of them."""
    return len(word) <= 5 and sum(c.isupper() for c in word) >= 2 and not word.isupper()


# A label whose colon introduces a person ('Pt name:', 'Caller:', 'Emergency contact:'); any other label
# ('HEENT:', 'Plan:', 'Rx:', 'Skin:') introduces findings, so its colon is no cue for a name.
_PERSON_LABEL = re.compile(
    r"(?i:\b(?:name|names|patient|pt|client|resident|caller|contact|attn|attention|re|subject|from|to|cc|member"
    r"|insured|subscriber|guarantor|parent|guardian|mother|father|mom|dad|son|daughter|wife|husband|spouse"
    r"|partner|proxy|poa|nok|kin|informant|visitor|companion|interpreter|sender|recipient|dear|hi|hello"
    r"|referred by|for|with|per|by)\s*:\s*$)"
)


def _name_context(text: str, start: int, end: int, strict: bool = False) -> bool:
    """Something around a run of unlisted words says it names a person. Strict (a lower-case or
    ambiguous run): a bare colon or bracket before it is not enough ('Chemo education: nadir')."""
    window = text[max(0, start - 24) : start]
    before = _CUE_BEFORE.search(window)
    if before and strict and not any(c.isalpha() for c in before.group(0)):
        before = None
    if before and before.group(0).strip().startswith(":") and not _PERSON_LABEL.search(window):
        before = None  # a section header's colon: 'Neuro: Bibasilar', 'Rx: Norco'
    if before and _CLINICAL_NOTE_LABEL.search(window):
        before = None
    if _PERSON_LABEL.search(window):
        return True  # 'Name:', 'Emergency contact:', 'Caller:' introduce a person, in any case
    if text[end - 2 : end].lower() in ("'s", "’s") and _RELATION_AFTER.match(text, end):
        return True
    if _VOCATIVE_BEFORE.search(text, max(0, start - 12), start) and _VOCATIVE_AFTER.match(text, end):
        return True  # someone spoken to: 'okay so thi lan, the biopsy came back'
    if _opens_sentence(text, start) and (_READING_THIS.match(text, end) or _command_after(text, end)):
        return True  # someone spoken to as a sentence opens: 'carlos, keep ur greens steady', 'nkem if ur reading this'
    if strict and before is None:
        # An acronym or an ordinary word is followed by 'is' or '(' as often as a name is.
        return _STRONG_AFTER.match(text, end) is not None
    return bool(before or (_CUE_AFTER_STRICT if strict else _CUE_AFTER).match(text, end))


_STRONG_AFTER = re.compile(
    r"(?i:\s*(?:['’]s\s+(?:mom|dad|wife|husband|son|daughter)\b|said|says|asked|asks|told|texted|called|calls"
    r"|wants|came in|reports|presented|is here|was admitted|was seen|has been|from\s+[a-z]"
    # the person's own care or body: 'efua's glucose log', 'felipe's labs', 'tina's biopsy', 'mateo's chin'
    r"|(?:['’]s|(?<=['’]s))\s+(?:[a-z]+\s+){0,2}?(?:labs?|biopsy|results?|scan|mri|ct|x-?rays?|pregnancy|glucose"
    r"|sugars?|a1c|bp"
    r"|blood pressure|colonoscopy|mammo\w*|chemo|surgery|appt|appointment|meds|prescription|refill|bloodwork"
    r"|ultrasound|echo|ekg|swab|culture|path|pathology|infusion|dialysis|wound|incision|stitches|shots?"
    r"|vaccines?|fever|rash|cough|chart|referral|consult|follow-?up|discharge|procedure|diagnosis|tumou?r"
    r"|cancer|meds list|med list|insulin|inhaler|cast|fracture|sats|o2|vitals|weight|rehab|therapy|pt session"
    r"|chin|arm|leg|knee|hip|ankle|wrist|hand|foot|head|face|eye|ear|back|chest|heart|lungs?|kidneys?|liver|skin"
    r"|belly|shoulder|neck|finger|toe|teeth|tooth|stitches|(?-i:[A-Z]{2,5}))\b"
    # ... and what the person does in it: 'beto needs an interpreter', 'goran brought his own cuff'
    r"|needs|needed|brought|dropped off|is due|was discharged|got discharged|went home|started|finished"
    r"|missed|skipped|refused|refuses|forgot|ran out|keeps (?:skipping|missing|forgetting|refusing|eating|drinking)"
    r"|would(?:n't| not)? stop|won't stop|wont stop"
    r"|agreed|tolerated|is scheduled|was scheduled|is booked|no-?showed|checked in|is waiting|was transferred))"
)


_BRACKETED_DRUG = re.compile(r"\s*\(\s*[a-z]+(?:[ -][a-z]+){0,2}\s*\)")


def _drug_brand(text: str, start: int, end: int, gaz) -> bool:
    """A brand beside its generic name in brackets: 'isotretinoin (Accutane)', 'Mounjaro (tirzepatide)'.
    The word before the bracket is a drug, or a lower-case word on no list at all (a generic name)."""
    before = text[max(0, start - 40) : start]
    if before.endswith("(") or before.endswith("( "):
        # A dosage form between the generic and the bracket ('naloxone nasal spray (Narcan)') is skipped.
        word = re.search(r"([a-z]+)(?:\s+(?:nasal|oral|topical|eye|ear))?(?:\s+(?:spray|tablets?|pills?|capsules?"
                         r"|inhaler|patch(?:es)?|cream|ointment|gel|drops|injections?|injector|pens?|syrup|shots?))?"
                         r"\s*\(\s*$", before)
        if word and (
            DRUG_WORD.fullmatch(word.group(1))
            or _MED_WORD.fullmatch(word.group(1))
            or (len(word.group(1)) > 5 and not gaz.flags(word.group(1)))
        ):
            return True
    after = _BRACKETED_DRUG.match(text, end)
    if after is None:
        return False
    generic = after.group(0).strip(" ()")
    # (as before the bracket: a drug's stem, or a long lower-case word on no list, 'Narcan (naloxone)')
    # (a generic of several words must name a drug: 'Lantus (insulin glargine)', not 'Tupac (yes really)')
    unlisted = len(generic) > 5 and generic.islower() and " " not in generic and not gaz.flags(generic)
    named = any(
        DRUG_WORD.fullmatch(w) or (_MED_WORD.fullmatch(w) and w not in _CARE_NOT_DRUG) for w in generic.lower().split()
    )
    return bool(named or unlisted)


# Words of the drug list that name care, not a drug: 'Ana (chemo pt)' is no brand beside its generic.
_CARE_NOT_DRUG = frozenset(
    "chemo treatment therapy shot shots injection injections supplement supplements the pill".split()
)


def _public_place(words: list[str], allowed: frozenset[str], gaz) -> bool:
    """The practice's own name, typos and trailing words aside ('lakeshore regional mdical center')."""
    if not words or words[0] not in allowed:
        return False
    return all(w in allowed or w in gaz.common or _near(w, allowed) for w in words)


def _near(word: str, allowed: frozenset[str]) -> bool:
    """One slip (a letter dropped, doubled, swapped or wrong) from an allowed word of five letters or more."""
    if len(word) < 4:
        return False
    for a in allowed:
        if len(a) >= 5 and a[0] == word[0] and abs(len(a) - len(word)) <= 1 and _one_edit(a, word):
            return True
    return False


def _one_edit(a: str, b: str) -> bool:
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) <= 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]])
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[i:] == b[i + 1 :]


_GREETING_BEFORE = re.compile(r"(?i:\b(?:hi|hey|hello|dear|thanks|thank you|good morning|good afternoon)[\s,]+)$")


def _addressed_by_name(text: str, start: int, words: list[str], gaz) -> bool:
    """A name that is also a common word, after a title, relation or greeting: 'hi rosa', 'mrs. rose'."""
    if not any(w in gaz.first or w in gaz.last for w in words) or any(w in _NEVER_NAMES for w in words):
        return False
    window = max(0, start - 16)
    return bool(_TITLE_BEFORE.search(text, window, start) or _GREETING_BEFORE.search(text, window, start))


_TITLE_BEFORE = re.compile(
    rf"(?i:\b(?:{NAME_CUE_TITLE}|sgt|sergeant|officer|coach|pastor|capt|captain|judge"
    r"|rev|reverend|deputy|lt|lieutenant|rabbi|imam|senator|mayor|pt|patient"
    # ('her husband, hank, ...': the name set off by commas after the relation)
    rf"|{alternation(FAMILY, FAMILY_ABROAD)})\.?,?\s+"
    # Labels that introduce a person in a note or form: 'Contact: ', 'Caller - ', 'Pt name: '.
    r"|\b(?:contact|name|caller|visitor|resident|guardian|proxy|poa|attn|re|subject)\s*[:-]\s*)$"
    # An initial before a family name: 'Update on J. Okonkwo-Reyes'
    r"|(?<![\w.])[A-Z]\.\s+$"
)


_VOCATIVE_BEFORE = re.compile(r"(?i:(?:^|\b)(?:so|okay|ok|alright|sorry|look|listen)[\s,]+)$")


# Spoken to as a sentence opens: a command after the comma, or 'if you're reading this'.
_READING_THIS = re.compile(r"(?i:\s*,?\s*if (?:you|u)(?:'re| are| r|re|r)? (?:reading|see(?:ing)?) this\b)")
_COMMA_THEN = re.compile(r"\s*,\s*([^,.;:!?\n]{3,80})")


def _command_after(text: str, end: int) -> bool:
    clause = _COMMA_THEN.match(text, end)
    return clause is not None and commands(clause.group(1)) is not None


_VOCATIVE_AFTER = re.compile(r"\s*,\s*(?:you|your|you're|you've|i|we|the|how|what|did|do|are|is|can|let's)\b", re.I)


_CREDENTIAL = re.compile(r",\s*(?:M\.?D\.?|D\.?O\.?|NP|PA-C|RN|FNP|DNP|PhD)$")


# A clinical label right before the run: after 'Dx:', 'Rx:', 'Impression:' comes a finding or a drug.
_CLINICAL_NOTE_LABEL = re.compile(r"(?i:\b(?:dx|rx|sig|hx|impression|diagnosis|findings?|exam)\s*:\s*$)")


_LABEL_AFTER = re.compile(r"[ \t]*(?::|\n)")


_ROMAN = re.compile(r"(?:I{1,3}|IV|VI{0,3}|IX|X)$")


_LABEL_BEFORE = re.compile(r"(?:^|[\n.;])[ \t]*[A-Za-z][\w/&' -]{0,40}:[ \t]*$")


def _after_section_label(text: str, start: int) -> bool:
    """Right after a line's label and colon that introduces no person ('Ears: ', 'Assessment: ')."""
    window = text[max(0, start - 48) : start]
    return _LABEL_BEFORE.search(window) is not None and not _PERSON_LABEL.search(window)


def _full_name_shape(span: str) -> bool:
    """Two or more words, each capitalised and none all capitals: 'Tomasz Wierzbicki', not 'Septum midline'."""
    tokens = _WORD.findall(span)
    return len(tokens) >= 2 and all(t[0].isupper() and not t.isupper() for t in tokens)


def _notation_word(word: str) -> bool:
    """'D-dimer', 'X-ray', 'T-cell', 'MoCA', 'HbA1c': a letter-prefixed or mixed-capital clinical word."""
    return bool(re.fullmatch(r"[A-Za-z]-[a-z]+", word)) or _abbreviation(word)


def _section_label(text: str, start: int, end: int, words: list[str], gaz) -> bool:
    """A header opening a line or sentence and closed by a colon or line break: 'Constitutional:',
    'Review of Systems:', 'HEENT:'. Its words are dictionary words or acronyms, none a given name (a
    transcript's 'Marta:' names its speaker)."""
    if not _LABEL_AFTER.match(text, end) or not _opens_sentence(text, start):
        return False
    if any(w in gaz.first for w in words):
        return False
    return all(gaz.in_vocab(w) or (w.upper() == w and len(w) <= 6) for w in (x for x in _WORD.findall(text[start:end])))


def _acronym_run(span: str, words: list[str], gaz) -> bool:
    """Every word an ALL-CAPS token of at most six letters or a roman numeral, and one of them on no name
    list ('CPAP, GERD', 'NSTEMI'); 'LEE, ANN' in capitals is still a name."""
    tokens = [t.strip(".") for t in _WORD.findall(span)]
    tokens = [t for t in tokens if t.lower() not in _HONORIFIC_WORDS] or tokens  # 'MRS. POWERS' is POWERS
    if not tokens or not all(_ROMAN.match(t) or (t.isupper() and len(t) <= 6) for t in tokens):
        return False
    return any(
        # (a pet form of four letters or more is a name too, 'BILLY JOE'; 'ED', 'TED', 'DOT' stay acronyms)
        not {"F", "L"} & set(gaz.flags(t.lower())) and not (len(t) >= 4 and pet_form(t.lower()))
        for t in tokens
        if not _ROMAN.match(t)
    )


_HONORIFIC_WORDS = LAY_TITLE_WORDS | {"dr"}


# A genus and its species epithet: 'Klebsiella pneumoniae', 'Staphylococcus aureus', 'Candida albicans'.
_BINOMIAL = re.compile(r"[A-Z][a-z]{3,} [a-z]{3,}(?:ae|us|is|um|ii|i|es|ensis|oides|a|ans|ens)\b")


_ADVERB = re.compile(r"[A-Z][a-z]{4,}ly\b")


_CLINICAL_TERM = re.compile(
    r"[A-Z][a-z]{3,}(?:emia|aemia|itis|osis|uria|algia|pathy|megaly|ectomy|otomy|ostomy|plasty|scopy|penia|plegia"
    r"|paresis|cytosis|lithiasis|rrhea|rrhoea|pnea|cardia|trophy|sclerosis|stenosis|ptysis|emesis|uresis"
    r"|ism|oma|omas|ation|ology|ography|ogram|therapy|iasis|ectasis|rrhage|lysis|genesis|plasia|trophy|phylaxis)"
)


def listed_any(words: list[str], gaz) -> bool:
    return any(w in gaz.first or w in gaz.last for w in words)


def _not_a_person_word(text: str, start: int, end: int) -> bool:
    """An organism's Latin name, a lone capitalised adverb ('Electronically', 'Clinically') or a lone
    word built like a clinical term ('Hypokalemia', 'Polyuria', 'Cholecystectomy')."""
    if _CLINICAL_TERM.fullmatch(text, start, end):
        return True
    if _BINOMIAL.match(text, start) and text[start : start + 1].isupper():
        return True
    adverb = _ADVERB.match(text, start)
    return adverb is not None and adverb.end() == end


# A medication verb before one unlisted capitalised word: that word is a drug brand.
_TAKING_BEFORE = re.compile(
    r"(?i:\b(?:taking|takes|took|take|prescribed|restarted|resumed|discontinued|stopped|(?:started|is|was|remains"
    r"|stays|kept|continued?) on|dose of|course of|trial of|switched to|changed to|allergic to|allergy to)\s+)$"
)


# A drug and its strength: 'Norco 5/325', 'Eliquis 5 mg', 'Lantus 20 units'.
_DOSE_AFTER = re.compile(r"\s*\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)?\s*(?:mg|mcg|g|ml|units?|iu|meq|%|/\d)", re.I)


_UPPER = re.compile(r"[A-Z]")


_LOWER = re.compile(r"[a-z]")


@lru_cache(maxsize=64)
def _mostly_upper(text: str) -> bool:
    """ALL-CAPS text (most letters capitals); counted once per text."""
    upper = len(_UPPER.findall(text))
    return upper > 0.6 * (upper + len(_LOWER.findall(text)))


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \"'(")
    return not before or before[-1] in ".!?:\n"
