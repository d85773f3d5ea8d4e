"""The shapes that say whether a run the name tagger found is a person: cues around it (a title,
a relation, a greeting, a form label, a name spoken to), and the shapes of what is not a person
(section labels, clinical notation and terms, acronyms, drug brands, the practice's own name).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.screening.advice import _MEDS
from bot.screening.learned import (
    DRUG_WORD,
)

# An unlisted word needs a cue that it names someone: a title, relation or greeting before it, or a
# verb of saying or visiting after it. Without one, 'Chest pain' or 'lower mortality' is not a name.
_CUE_BEFORE = re.compile(
    r"(?i:\b(?:mr|mrs|ms|mx|miss|sra?|srta|don|doña|mme|herr|frau|m|son|daughter|husband|wife|mom|mother|dad"
    r"|father|sister|brother|aunt|uncle|niece|nephew|grandma|grandpa|grandmother|grandfather|granddaughter"
    r"|grandson|partner|fianc[eé]e?|girlfriend|boyfriend|neighbou?r|roommate|caregiver|guardian|proxy|poa"
    r"|stepdad|stepmom|hijo|hija|esposo|esposa|pt|patient|named|called|contact|thanks|thank you|name is|name's"
    r"|shoutout|shout out|visited|hi|hey|dear|lol|omg|ugh|haha|re"
    # Titles of rank, office or calling: 'sergeant hollis', 'coach diaz', 'pastor mike'.
    r"|sgt|sergeant|officer|coach|pastor|capt|captain|judge|rev|reverend|deputy|chief|lt|lieutenant|major"
    r"|prof|professor|rabbi|imam|senator|mayor|corporal|private|elder|auntie|abuela|abuelo|t[ií]a|t[ií]o"
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
    r"\s+(?:son|daughter|husband|wife|mom|mother|dad|father|sister|brother|aunt|uncle|grandma|grandpa|kid|kids"
    r"|baby|boyfriend|girlfriend|partner|family|fianc[eé]e?|niece|nephew|grandson|granddaughter)\b",
    re.IGNORECASE,
)


_MED_WORD = re.compile(rf"(?:{_MEDS})")


_NEVER_NAMES = frozenset(
    """son daughter husband wife mom mother dad father sister brother aunt uncle niece nephew grandma grandpa
    grandmother grandfather granddaughter grandson partner fiance fiancee girlfriend boyfriend neighbor
    roommate caregiver guardian proxy poa stepdad stepmom hijo hija esposo esposa pt patient family friend
    collateral hallway bedside surgery clinic cardiology oncology pediatrics radiology my our your
    colleague colleagues sir madam doctor physician provider team
    na cl co2 bun cr ca mg phos wbc hgb hct plt alt ast alp inr ptt tsh cbc cmp bmp ua lfts lft ldh crp esr bnp
    trop bili alk lytes abg vbg hba1c ggt ck cpk lipase amylase ferritin tibc retic diff""".split()
)


_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _abbreviation(word: str) -> bool:
    """'AFib', 'eGFR', 'HbA1c': short, several capitals, not all of them."""
    return len(word) <= 5 and sum(c.isupper() for c in word) >= 2 and not word.isupper()


_INVERTED_GAP = re.compile(r"\s*,\s*")


def _join_inverted(
    text: str, runs: list[tuple[str, int, int, float]], gaz=None
) -> list[tuple[str, int, int, float, bool]]:
    """Runs, with two NAME runs around a comma ('Geisler, Gonul') joined into one inverted name,
    unless the two are items of a list (see _list_items)."""
    out: list[tuple[str, int, int, float, bool]] = []
    for label, start, end, confidence in runs:
        # A capitalised word then a lower-case one ('Normocephalic, atraumatic') is a list, not 'Last, First'.
        # In cased writing two lower-case runs around a comma ('diltiazem, anticoagulate') are a list too.
        mismatched = bool(out) and text[start].islower() and (
            text[out[-1][1]].isupper() or len(_UPPER.findall(text)) > 1
        )
        gap = bool(out) and _INVERTED_GAP.fullmatch(text, out[-1][2], start) is not None
        if (
            out and label == "NAME" == out[-1][0] and gap and not mismatched
            and not (gaz is not None and _list_items(text, out[-1][1], out[-1][2], start, end, gaz))
        ):
            prev = out.pop()
            out.append(("NAME", prev[1], end, min(prev[3], confidence), True))
        else:
            out.append((label, start, end, confidence, False))
    return out


_ITEM_BEFORE = re.compile(r"[A-Za-z][\w'’-]*\s*,\s*$")
_ITEM_AFTER = re.compile(r"\s*,\s*[A-Z][a-z]")


def _list_items(text: str, a_start: int, a_end: int, b_start: int, b_end: int, gaz) -> bool:
    """Two runs around a comma that are items of a list, not 'Last, First': a third item beside them
    ('Thiamine, Folate, Multivitamin'), words that are all terms on no name list ('Hypertension,
    Hyperlipidemia'), or, under a label that introduces no person, no listed name in either half
    ('Bowel Regimen: Senna, Miralax'). A listed family name then a listed given name stays a name."""
    first = [w.lower() for w in _WORD.findall(text[a_start:a_end])]
    second = [w.lower() for w in _WORD.findall(text[b_start:b_end])]
    if any(w in gaz.last or w in gaz.first for w in first) and any(w in gaz.first for w in second):
        return False
    if _ITEM_BEFORE.search(text, max(0, a_start - 30), a_start) or _ITEM_AFTER.match(text, b_end):
        return True
    if _after_section_label(text, a_start):
        return True
    words = first + second
    return not any(w in gaz.first or w in gaz.last for w in words) and (
        all(gaz.in_vocab(w) or _clinical_word(w) for w in words) and any(_clinical_word(w) for w in words)
    )


def _clinical_word(word: str) -> bool:
    """A lower-cased word built like a clinical term: 'hyperlipidemia', 'myeloma', 'cholecystectomy'."""
    return _CLINICAL_TERM.fullmatch(word[:1].upper() + word[1:]) is not None


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
    if strict and before is None:
        # An acronym or an ordinary word is followed by 'is' or '(' as often as a name is.
        return _STRONG_AFTER.match(text, end) is not None
    return bool(before or (_CUE_AFTER_STRICT if strict else _CUE_AFTER).match(text, end))


_STRONG_AFTER = re.compile(
    r"(?i:\s*(?:['’]s\s+(?:mom|dad|wife|husband|son|daughter)\b|said|says|asked|asks|told|texted|called|calls"
    r"|wants|came in|reports|presented|is here|was admitted|was seen|has been|from\s+[a-z]))"
)


_BRACKETED_DRUG = re.compile(r"\s*\(\s*[a-z]+\s*\)")


def _drug_brand(text: str, start: int, end: int, gaz) -> bool:
    """A brand beside its generic name in brackets: 'isotretinoin (Accutane)', 'Mounjaro (tirzepatide)'.
    The word before the bracket is a drug, or a lower-case word on no list at all (a generic name)."""
    before = text[max(0, start - 30) : start]
    if before.endswith("(") or before.endswith("( "):
        word = re.search(r"([a-z]+)\s*\(\s*$", before)
        if word and (
            DRUG_WORD.fullmatch(word.group(1))
            or _MED_WORD.fullmatch(word.group(1))
            or (len(word.group(1)) > 5 and not gaz.flags(word.group(1)))
        ):
            return True
    after = _BRACKETED_DRUG.match(text, end)
    return bool(after and DRUG_WORD.search(after.group(0).lower()))


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
    r"(?i:\b(?:mr|mrs|ms|mx|miss|sra?|srta|mme|herr|frau|sgt|sergeant|officer|coach|pastor|capt|captain|judge"
    r"|rev|reverend|deputy|lt|lieutenant|rabbi|imam|senator|mayor|son|daughter|husband|wife|mom|dad|brother|pt|patient"
    r"|sister|grandson|granddaughter|niece|nephew|uncle|aunt|hijo|hija|esposo|esposa)\.?\s+"
    # Labels that introduce a person in a note or form: 'Contact: ', 'Caller - ', 'Pt name: '.
    r"|\b(?:contact|name|caller|visitor|resident|guardian|proxy|poa|attn|re|subject)\s*[:-]\s*)$"
)


_VOCATIVE_BEFORE = re.compile(r"(?i:(?:^|\b)(?:so|okay|ok|alright|sorry|look|listen)[\s,]+)$")


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


_LIST_ITEM_BEFORE = re.compile(r"(?<![\w'’/-])[A-Za-z][\w'’/-]*(?: [A-Za-z][\w'’/-]*){0,3},\s*(?:and\s+)?$")


def _in_label_list(text: str, start: int) -> bool:
    """An item of a comma list that a label introducing no person opens: 'Meds: Lipitor, Zetia',
    'Problem list: Gout, Anemia, Obesity'. Its capital opens an item, it says nothing of a person."""
    pos = start
    for _ in range(12):
        if _after_section_label(text, pos):
            return True
        item = _LIST_ITEM_BEFORE.search(text, max(0, pos - 60), pos)
        if item is None:
            return False
        pos = item.start()
    return False


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
    return any(not {"F", "L"} & set(gaz.flags(t.lower())) for t in tokens if not _ROMAN.match(t))


_HONORIFIC_WORDS = frozenset({"mr", "mrs", "ms", "mx", "miss", "dr"})


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


_CAP_LEFT = re.compile(r"([A-Z][a-z][\w'’-]*) $")
_CAP_RIGHT = re.compile(r" ([A-Z][a-z][\w'’-]*)")
_TITLE_WORDS = frozenset("mr mrs ms mx miss dr sr sra srta mme herr frau sgt officer coach pastor".split())
_PLACE_HEAD = re.compile(
    r"(?:San|Santa|Santo|Sao|St\.?|Saint|Sainte|Fort|Ft\.?|Port|Mount|Mt\.?|Lake|Los|Las|El|Palm|Del|Costa) $"
)


def _title_case_term(text: str, start: int, end: int, gaz) -> bool:
    """A run inside a chain of capitalised words that names a thing, not a person: 'Multiple Myeloma',
    'Foley Catheter', 'Patient Safety (huddle)', 'Heart Failure (clinic)'. The chain has two or more
    words, no given name, no title, and ends in a word that is a plain dictionary or clinical word on no
    name list, where a person's name would end in a family name, and holds no unknown word."""
    words = _WORD.findall(text[start:end])
    if not words or any(w.isupper() for w in words):
        return False
    lo, hi = start, end
    for _ in range(6):
        left = _CAP_LEFT.search(text, max(0, lo - 30), lo)
        if not left:
            break
        words.insert(0, left.group(1))
        lo = left.start()
    for _ in range(6):
        right = _CAP_RIGHT.match(text, hi)
        if not right:
            break
        words.append(right.group(1))
        hi = right.end()
    lows = [w.lower().rstrip(".").removesuffix("'s").removesuffix("’s") for w in words]
    if len(lows) < 2 or any(w in gaz.first or w in _TITLE_WORDS for w in lows):
        return False
    if lows[-1] in gaz.last:
        return False
    # Every word is a dictionary or clinical word ('Alonso Hurst': an unknown word is a cue for a name).
    return all(gaz.in_vocab(w) or _clinical_word(w) or (w in gaz.last and w is not lows[-1]) for w in lows)


def _in_place_name(text: str, start: int) -> bool:
    """The run follows a town's capitalised head word: 'San Diego', 'Fort Collins', 'Lake Tahoe'."""
    return _PLACE_HEAD.search(text, max(0, start - 8), start) is not None


_LANDMARK = frozenset(
    """park mile commons plaza square stadium arena field fields center centre hall auditorium pavilion garden
    gardens trail beach pier zoo museum library church chapel mall market lake river island bridge tower
    theater theatre amphitheater grounds campus building""".split()
)
_AT_BEFORE = re.compile(r"(?i:\b(?:at|to|from|near|in|outside|by|around)\s+(?:the\s+)?)$")


def _venue(text: str, start: int, end: int, gaz) -> bool:
    """A run inside a capitalised name that ends in a landmark word, after 'at / to / near': 'at Scioto
    Mile', 'starts at Genoa Park'. A place to meet, not a person (no word of it is a given name)."""
    lo, hi = start, end
    words = _WORD.findall(text[start:end])
    for _ in range(4):
        left = _CAP_LEFT.search(text, max(0, lo - 30), lo)
        if not left:
            break
        words.insert(0, left.group(1))
        lo = left.start()
    for _ in range(3):
        right = _CAP_RIGHT.match(text, hi)
        if not right:
            break
        words.append(right.group(1))
        hi = right.end()
    lows = [w.lower() for w in words]
    if len(lows) < 2 or lows[-1] not in _LANDMARK or any(w in gaz.first for w in lows[:-1]):
        return False
    return _AT_BEFORE.search(text, max(0, lo - 16), lo) is not None

